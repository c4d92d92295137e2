//! Fonts: character codes → Unicode text and advance widths, in the order
//! of PDF 32000-1 §9.10.2 — ToUnicode; else a predefined CMap (UCS-2/UTF-16
//! codes are Unicode; GB/GBK codes are decoded as GBK; Identity codes are
//! CIDs looked up in Adobe-GB1); else the embedded TrueType `cmap`; simple
//! fonts through /Encoding and /Differences.

use super::cmap::{CMap, Splitter};
use super::deref;
use super::packed::{Item, PackedArray, PackedArrays, Slot};
use crate::read::fixed::GlyphClass;
use foldhash::{HashMap, HashMapExt};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::cell::RefCell;

static ADOBE_GB1: &[u8] = include_bytes!("data/adobe_gb1_ucs2.bin");
include!("data/radicals.rs");

fn adobe_gb1(cid: u32) -> Option<char> {
    let i = cid as usize * 2;
    let u = u16::from_le_bytes([*ADOBE_GB1.get(i)?, *ADOBE_GB1.get(i + 1)?]);
    (u != 0).then(|| char::from_u32(u32::from(u))).flatten()
}

/// The Adobe-GB1 CID of a BMP code point: the lowest of the CIDs the Adobe
/// table maps to it (proportional forms come before their half-width and
/// vertical variants), as the predefined UniGB-UCS2-H CMap gives it.
fn gb1_cid_of(u: u32) -> Option<u32> {
    static INVERSE: std::sync::LazyLock<Box<[u16]>> = std::sync::LazyLock::new(|| {
        let mut table = vec![0u16; 1 << 16].into_boxed_slice();
        for (cid, pair) in ADOBE_GB1.chunks_exact(2).enumerate().skip(1).rev() {
            let u = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            if u != 0 {
                table[u] = u16::try_from(cid).unwrap_or(0);
            }
        }
        table
    });
    let cid = *INVERSE.get(usize::try_from(u).ok()?)?;
    (cid != 0).then_some(u32::from(cid))
}

/// A ToUnicode map's entries that contradict a CMap whose codes are
/// characters (UniGB-UCS2-H and the other Unicode CMaps; GBK-EUC-H, whose
/// one-byte codes are ASCII) are wrong, whatever the rule that the map comes
/// first: Ghostscript 10.0 writes such maps when it embeds a substitute for
/// a font that was not embedded (the reportlab and iText default,
/// STSong-Light: every Chinese character read as another, or digits read
/// as letters, `QOQP` for 2021). Judged apart for ASCII codes and others,
/// as the damage is: where most of a kind's entries (three or more)
/// contradict the CMap, those that do are dropped and the CMap reads them.
fn drop_contradicting_entries(t: &mut CMap, encoding: &Encoding) {
    let meant = |code: u32| -> Option<char> {
        match encoding {
            Encoding::Unicode => char::from_u32(code).filter(|_| code <= 0xFFFF),
            Encoding::Gbk if code < 0x80 => char::from_u32(code),
            Encoding::Gbk if (0x8140..=0xFEFE).contains(&code) => {
                let bytes = (code as u16).to_be_bytes();
                let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
                let mut chars = text.chars();
                chars.next().filter(|_| !bad && chars.next().is_none())
            }
            _ => None,
        }
    };
    // [ASCII codes, others]: (entries, contradicting)
    let mut counts = [(0usize, 0usize); 2];
    let contradicts = |code: u32, text: &str| -> Option<bool> {
        let c = meant(code)?;
        let mut chars = text.chars();
        Some(chars.next() != Some(c) || chars.next().is_some())
    };
    for (&code, text) in &t.to_unicode {
        if let Some(bad) = contradicts(code, text) {
            let k = &mut counts[usize::from(code >= 0x80)];
            k.0 += 1;
            k.1 += usize::from(bad);
        }
    }
    let wrong = counts.map(|(n, bad)| bad >= 3 && bad * 2 > n);
    if wrong.contains(&true) {
        t.to_unicode.retain(|&code, text| {
            !(wrong[usize::from(code >= 0x80)] && contradicts(code, text) == Some(true))
        });
    }
}

/// The Adobe-GB1 CID a predefined GB CMap gives a code: one-byte ASCII
/// codes as `single` says, others (two-byte GB 2312 / GBK codes) the CID
/// of the character they encode; u32::MAX (no CID: the default width)
/// for a code that encodes none.
fn gb_cid(code: u32, single: GbSingleBytes) -> u32 {
    match (single, code) {
        (GbSingleBytes::Proportional, 0x20..=0x7E) => code - 0x1F,
        (GbSingleBytes::HalfWidth, 0x20) => 7716,
        (GbSingleBytes::HalfWidth, 0x21..=0x7E) => code - 0x21 + 814,
        _ => {
            let bytes = code.to_be_bytes();
            let len = if code > 0xFF { 2 } else { 1 };
            let (text, _, bad) = encoding_rs::GB18030.decode(&bytes[4 - len..]);
            let mut chars = text.chars();
            match (bad, chars.next(), chars.next()) {
                (false, Some(c), None) => gb1_cid_of(u32::from(c)).unwrap_or(u32::MAX),
                _ => u32::MAX,
            }
        }
    }
}

/// Radical code points (some PDF producers map CJK glyphs to the Kangxi
/// radicals block) become the ideographs they look like.
pub fn unify_radical(c: char) -> char {
    if !('\u{2E80}'..='\u{2FDF}').contains(&c) {
        return c;
    }
    RADICALS
        .binary_search_by_key(&c, |p| p.0)
        .map_or(c, |i| RADICALS[i].1)
}

#[derive(Debug, Clone)]
enum Encoding {
    /// 2-byte codes that are CIDs.
    Identity,
    /// Codes that are UCS-2 / UTF-16 values.
    Unicode,
    /// GB 2312 / GBK / GB 18030 byte codes.
    Gbk,
    /// An embedded CMap stream (codes → CIDs).
    Embedded(CMap),
    /// One-byte codes through a 256-entry table.
    Simple(Box<[Option<char>; 256]>),
}

/// Where a predefined GB CMap sends one-byte (ASCII) codes: GBK-EUC's
/// `<20>`–`<7E>` to the proportional CIDs 1–95, GB-EUC's `<21>`–`<7E>` to
/// the half-width CIDs 814–907 (and its space to 7716).
#[derive(Debug, Clone, Copy, PartialEq)]
enum GbSingleBytes {
    Proportional,
    HalfWidth,
}

#[derive(Debug, Clone)]
pub struct Font {
    encoding: Encoding,
    /// Codespace used to split strings (composite fonts).
    split: CMap,
    to_unicode: Option<CMap>,
    /// CIDs are those of the Adobe-GB1 collection (a CFF or non-embedded
    /// font of that ordering, or none stated): the Adobe table applies.
    gb1: bool,
    /// Codes are Unicode through a predefined UniGB CMap over an Adobe-GB1
    /// font: a code's CID (which /W is keyed by) is its GB1 CID, not the
    /// code itself.
    unicode_gb1_cids: bool,
    /// Codes are GB 2312 / GBK bytes through a predefined GB CMap over an
    /// Adobe-GB1 font: how its one-byte codes map to CIDs (None: another
    /// GB CMap, or another collection: the code is taken as the CID).
    gb_cids: Option<GbSingleBytes>,
    /// Glyph id → Unicode from an embedded TrueType font's cmap.
    ttf: HashMap<u16, char>,
    widths: Widths,
    default_width: f32,
    pub vertical: bool,
    pub composite: bool,
    /// Glyphs already decoded, by code and length: a report shows a few
    /// hundred distinct codes thousands of times.
    memo: RefCell<GlyphMemo>,
}

/// Decoded glyphs: one-byte codes (every simple font's) in a table read
/// by index; two-byte codes (Identity-H and most CJK CMaps) through a
/// table of 256-entry pages by high byte, made as codes appear; longer
/// codes by (code, length). Direct tables, not hashing: a CJK page shows
/// thousands of glyphs, each looked up here.
#[derive(Debug, Clone, Default)]
struct GlyphMemo {
    bytes: Option<Box<[Option<Glyph>; 256]>>,
    /// Two-byte code `hi lo` → 1 + its index in `pair_glyphs` (0: none).
    pairs: Vec<Option<Box<[u32; 256]>>>,
    pair_glyphs: Vec<Glyph>,
    /// Keyed by the length above the code (one integer hashes faster).
    codes: HashMap<u64, Glyph>,
}

/// Advance widths by CID (composite fonts) or by code (a simple font's
/// `/Widths`, one per one-byte code: a table, not a map).
#[derive(Debug, Clone)]
enum Widths {
    ByCid(HashMap<u32, f32>),
    ByCode(Box<[Option<f32>; 256]>),
}

impl Widths {
    fn get(&self, cid: u32) -> Option<f32> {
        match self {
            Widths::ByCid(m) => m.get(&cid).copied(),
            Widths::ByCode(t) => t.get(usize::try_from(cid).ok()?).copied().flatten(),
        }
    }
}

/// A page of the two-byte table (1 KB) in memo budget units (a glyph is
/// about 32 bytes).
const PAGE_COST: usize = 32;

fn memo_key(code: u32, len: usize) -> u64 {
    (len as u64) << 32 | u64::from(code)
}

impl GlyphMemo {
    #[inline]
    fn get(&self, code: u32, len: usize) -> Option<&Glyph> {
        match len {
            1 => self.bytes.as_ref()?.get(code as usize)?.as_ref(),
            2 if code <= 0xFFFF => {
                let page = self.pairs.get((code >> 8) as usize)?.as_ref()?;
                let slot = page[(code & 0xFF) as usize];
                self.pair_glyphs.get(slot.checked_sub(1)? as usize)
            }
            _ => self.codes.get(&memo_key(code, len)),
        }
    }

    /// Remembers `g`, and gives what that costs of the document's memo
    /// budget: a glyph, and for a new page of the two-byte table (or the
    /// table of pages) as many glyphs as its kilobytes would hold, so the
    /// budget bounds them too: a hostile file's many fonts each touching
    /// many pages take no more.
    fn insert(&mut self, code: u32, len: usize, g: Glyph) -> usize {
        match len {
            1 if code < 256 => {
                self.bytes
                    .get_or_insert_with(|| Box::new(std::array::from_fn(|_| None)))
                    [code as usize] = Some(g);
                1
            }
            2 if code <= 0xFFFF => {
                let (hi, lo) = ((code >> 8) as usize, (code & 0xFF) as usize);
                let mut cost = 1;
                if self.pairs.is_empty() {
                    // The table of pages itself: 2 KB.
                    self.pairs.resize(256, None);
                    cost += 2 * PAGE_COST;
                }
                let page = self.pairs[hi].get_or_insert_with(|| {
                    cost += PAGE_COST;
                    Box::new([0; 256])
                });
                // The document's memo budget keeps the count far below u32::MAX.
                self.pair_glyphs.push(g);
                page[lo] = u32::try_from(self.pair_glyphs.len()).unwrap_or(0);
                cost
            }
            _ => {
                self.codes.insert(memo_key(code, len), g);
                1
            }
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        let bytes = self
            .bytes
            .as_ref()
            .map_or(0, |b| b.iter().flatten().count());
        bytes + self.pair_glyphs.len() + self.codes.len()
    }
}

/// One character code of a shown string.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: ecow::EcoString,
    /// Horizontal advance in text space (thousandths of an em / 1000).
    pub width: f32,
    /// A single-byte code 32 (word spacing applies).
    pub is_space_code: bool,
    /// No Unicode could be found for the code.
    pub undecoded: bool,
    /// The text is empty or white space (nothing is placed for it).
    pub blank: bool,
    /// What the document's census counts it as.
    pub class: GlyphClass,
}

fn name_of(o: &Object) -> Option<&[u8]> {
    match o {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A Type3 font's widths are in its glyph space, which its `/FontMatrix`
/// maps to text space: [`Font::simple`]'s scale from them to thousandths
/// of the font size. Word-style fonts use 0.001 (scale 1); cairo writes
/// `[1 0 0 -1 0 0]` with widths of 1 (scale 1000). A matrix that is
/// missing, degenerate or absurd keeps 0.001.
fn type3_width_scale(doc: &Document, d: &Dictionary) -> f32 {
    let a = match dict_get(doc, d, b"FontMatrix") {
        Some(Object::Array(m)) => m.first().map(|o| deref(doc, o)).and_then(num),
        _ => None,
    };
    match a.map(f32::abs) {
        Some(a) if (1e-6..=1e3).contains(&a) => a * 1000.0,
        _ => 1.0,
    }
}

fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().map(|o| deref(doc, o))
}

fn stream_bytes(doc: &Document, o: &Object, limit: usize) -> Option<Vec<u8>> {
    match deref(doc, o) {
        Object::Stream(s) => super::inflate::flate_stream(s, limit)
            .or_else(|| s.decompressed_content_with_limit(limit).ok())
            .or_else(|| (s.dict.get(b"Filter").is_err()).then(|| s.content.clone())),
        _ => None,
    }
}

const FONT_STREAM_LIMIT: usize = 32 * 1024 * 1024;

/// A font dictionary's arrays the loader read packed (`packed`).
#[derive(Default, Clone, Copy)]
pub struct FontArrays<'a> {
    widths: Option<&'a PackedArray>,
    differences: Option<&'a PackedArray>,
}

impl<'a> FontArrays<'a> {
    /// Those of font `font` (the object it is, when it is one), dictionary
    /// `d`: its `/Widths`, and the `/Differences` of its `/Encoding`, given
    /// there or as an object of its own.
    pub fn of(
        doc: &Document,
        packed: &'a PackedArrays,
        font: Option<ObjectId>,
        d: &Dictionary,
    ) -> FontArrays<'a> {
        let differences = match d.get(b"Encoding") {
            Ok(Object::Dictionary(_)) => {
                font.and_then(|id| packed.get(id, Slot::EncodingDifferences))
            }
            Ok(o @ Object::Reference(_)) => doc
                .dereference(o)
                .ok()
                .and_then(|(id, _)| packed.get(id?, Slot::Differences)),
            _ => None,
        };
        FontArrays {
            widths: font.and_then(|id| packed.get(id, Slot::Widths)),
            differences,
        }
    }
}

/// The items of a font array: lopdf's (each dereferenced; None for one
/// that is neither a number nor a name), or those the loader read packed.
enum Items<'a> {
    Objects(&'a Document, std::slice::Iter<'a, Object>),
    Packed(super::packed::Items<'a>),
}

impl<'a> Iterator for Items<'a> {
    type Item = Option<Item<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Items::Objects(doc, it) => Some(match deref(doc, it.next()?) {
                Object::Integer(i) => Some(Item::Integer(*i)),
                Object::Real(r) => Some(Item::Real(*r)),
                Object::Name(n) => Some(Item::Name(n)),
                _ => None,
            }),
            Items::Packed(it) => it.next().map(Some),
        }
    }
}

/// The items of array `key` of `d`, or else of `packed` (the loader's
/// reading of it) when `d` lacks the key.
fn array_items<'a>(
    doc: &'a Document,
    d: &'a Dictionary,
    key: &[u8],
    packed: Option<&'a PackedArray>,
) -> Option<Items<'a>> {
    match dict_get(doc, d, key) {
        Some(Object::Array(a)) => Some(Items::Objects(doc, a.iter())),
        // (the key given as something else: neither)
        Some(_) => None,
        None => Some(Items::Packed(packed?.items())),
    }
}

impl Font {
    /// The font of dictionary `d`; its ToUnicode ranges expanded to no more
    /// mappings than `cmap_budget` (the document's), which they use up.
    /// `arrays`: what the loader read of it packed.
    pub fn from_dict(
        doc: &Document,
        d: &Dictionary,
        arrays: FontArrays,
        cmap_budget: &mut usize,
    ) -> Font {
        let subtype = dict_get(doc, d, b"Subtype")
            .and_then(name_of)
            .unwrap_or(b"");
        let to_unicode = dict_get(doc, d, b"ToUnicode")
            .and_then(|o| stream_bytes(doc, o, FONT_STREAM_LIMIT))
            .map(|b| {
                let m = CMap::parse_capped(&b, *cmap_budget);
                *cmap_budget = cmap_budget.saturating_sub(m.to_unicode.len());
                m
            });
        if subtype == b"Type0" {
            Self::composite(doc, d, to_unicode)
        } else {
            let width_scale = if subtype == b"Type3" {
                type3_width_scale(doc, d)
            } else {
                1.0
            };
            Self::simple(doc, d, arrays, to_unicode, width_scale)
        }
    }

    fn composite(doc: &Document, d: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let enc = dict_get(doc, d, b"Encoding");
        let uni_gb = matches!(enc, Some(Object::Name(n)) if n.starts_with(b"UniGB-"));
        let gb_single = match enc {
            Some(Object::Name(n)) if n.starts_with(b"GBK-EUC-") => {
                Some(GbSingleBytes::Proportional)
            }
            Some(Object::Name(n)) if n.starts_with(b"GB-EUC-") => Some(GbSingleBytes::HalfWidth),
            _ => None,
        };
        let (encoding, split, vertical) = match enc {
            Some(Object::Name(n)) => {
                let name = String::from_utf8_lossy(n).to_string();
                let vertical = name.ends_with("-V");
                let (e, cs): (Encoding, &[(usize, u32, u32)]) = if name.starts_with("Identity") {
                    (Encoding::Identity, &[(2, 0, 0xFFFF)])
                } else if name.starts_with("UniGB-UTF16") || name.contains("UTF16") {
                    (
                        Encoding::Unicode,
                        &[
                            (2, 0, 0xD7FF),
                            (4, 0xD800_DC00, 0xDBFF_DFFF),
                            (2, 0xE000, 0xFFFF),
                        ],
                    )
                } else if name.starts_with("Uni") {
                    (Encoding::Unicode, &[(2, 0, 0xFFFF)])
                } else if name.starts_with("GBK2K") {
                    (
                        Encoding::Gbk,
                        &[
                            (1, 0, 0x80),
                            (2, 0x8140, 0xFEFE),
                            (4, 0x8130_8130, 0xFE39_FE39),
                        ],
                    )
                } else if name.starts_with("GB") {
                    (Encoding::Gbk, &[(1, 0, 0x80), (2, 0x8140, 0xFEFE)])
                } else {
                    (Encoding::Identity, &[(2, 0, 0xFFFF)])
                };
                (
                    e,
                    CMap {
                        codespace: cs.to_vec(),
                        ..CMap::default()
                    },
                    vertical,
                )
            }
            Some(o @ Object::Stream(_)) => {
                let cm = stream_bytes(doc, o, FONT_STREAM_LIMIT)
                    .map(|b| CMap::parse(&b))
                    .unwrap_or_default();
                let vertical = cm.vertical;
                (Encoding::Embedded(cm.clone()), cm, vertical)
            }
            _ => (
                Encoding::Identity,
                CMap {
                    codespace: vec![(2, 0, 0xFFFF)],
                    ..CMap::default()
                },
                false,
            ),
        };
        let mut to_unicode = to_unicode;
        if let Some(t) = to_unicode.as_mut() {
            drop_contradicting_entries(t, &encoding);
        }
        let desc = dict_get(doc, d, b"DescendantFonts").and_then(|o| match o {
            Object::Array(a) => a.first().map(|x| deref(doc, x)),
            _ => None,
        });
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        // CIDs are looked up in Adobe-GB1 unless the font names another
        // character collection (a Japan1 CID read as GB1 would be garbage).
        let mut gb1 = true;
        let mut unicode_gb1_cids = uni_gb;
        let mut gb_cids = gb_single;
        let mut ttf = HashMap::new();
        if let Some(Object::Dictionary(cid)) = desc {
            default_width = dict_get(doc, cid, b"DW").and_then(num).unwrap_or(1000.0);
            if let Some(Object::Array(w)) = dict_get(doc, cid, b"W") {
                parse_w(doc, w, &mut widths);
            }
            if let Some(Object::Dictionary(info)) = dict_get(doc, cid, b"CIDSystemInfo") {
                gb1 = match dict_get(doc, info, b"Ordering") {
                    Some(Object::String(s, _)) => s.as_slice() == b"GB1",
                    _ => true,
                };
            }
            // A UniGB CMap maps codes to GB1 CIDs whatever the font program
            // (an embedded TrueType one maps those CIDs on to its glyphs).
            unicode_gb1_cids = uni_gb && gb1;
            gb_cids = gb_single.filter(|_| gb1);
            // An embedded TrueType font's CIDs are glyph ids, not CIDs of the
            // character collection: the Adobe table does not apply to them.
            let embedded_truetype = matches!(dict_get(doc, cid, b"Subtype"), Some(Object::Name(n)) if n.as_slice() == b"CIDFontType2")
                && matches!(dict_get(doc, cid, b"FontDescriptor"), Some(Object::Dictionary(fd)) if fd.get(b"FontFile2").is_ok());
            if embedded_truetype {
                gb1 = false;
            }
            let identity_gid =
                !matches!(dict_get(doc, cid, b"CIDToGIDMap"), Some(Object::Stream(_)));
            if to_unicode.is_none()
                && identity_gid
                && let Some(Object::Dictionary(fd)) = dict_get(doc, cid, b"FontDescriptor")
                && let Some(bytes) = dict_get(doc, fd, b"FontFile2")
                    .and_then(|o| stream_bytes(doc, o, FONT_STREAM_LIMIT))
            {
                ttf = truetype_gid_to_unicode(&bytes);
            }
        }
        if matches!(encoding, Encoding::Unicode | Encoding::Gbk) {
            gb1 = true;
        }
        Font {
            encoding,
            split,
            to_unicode,
            gb1,
            unicode_gb1_cids,
            gb_cids,
            ttf,
            widths: Widths::ByCid(widths),
            default_width,
            vertical,
            composite: true,
            memo: RefCell::default(),
        }
    }

    /// `width_scale`: what a `/Widths` entry is multiplied by to be in
    /// thousandths of the font size (a Type3 font's own glyph space).
    fn simple(
        doc: &Document,
        d: &Dictionary,
        arrays: FontArrays,
        to_unicode: Option<CMap>,
        width_scale: f32,
    ) -> Font {
        let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
        // Base: ASCII for printable codes, Latin-1 above (WinAnsi is close).
        for (i, slot) in table.iter_mut().enumerate() {
            if (32..127).contains(&i) || i >= 160 {
                *slot = char::from_u32(i as u32);
            }
        }
        if let Some(Object::Dictionary(enc)) = dict_get(doc, d, b"Encoding")
            && let Some(diffs) = array_items(doc, enc, b"Differences", arrays.differences)
        {
            let mut code = 0usize;
            for item in diffs {
                match item {
                    Some(Item::Integer(i)) => code = i.clamp(0, 255) as usize,
                    Some(Item::Name(n)) => {
                        if code < 256 {
                            table[code] = glyph_name_to_unicode(n);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        let first = dict_get(doc, d, b"FirstChar").and_then(num).unwrap_or(0.0) as u32;
        let mut widths: Box<[Option<f32>; 256]> = Box::new([None; 256]);
        let mut any_width = false;
        if let Some(w) = array_items(doc, d, b"Widths", arrays.widths) {
            // A simple font has 256 codes at most.
            for (i, item) in w.enumerate().take(256) {
                let v = match item {
                    Some(Item::Integer(i)) => Some(i as f32),
                    Some(Item::Real(r)) => Some(r),
                    _ => None,
                };
                if let Some(v) = v.map(|v| v * width_scale) {
                    any_width = true;
                    // (codes past 255 are never shown in one byte)
                    if let Some(slot) = usize::try_from(first.saturating_add(i as u32))
                        .ok()
                        .and_then(|c| widths.get_mut(c))
                    {
                        *slot = Some(v);
                    }
                }
            }
        }
        let default_width = if any_width { 0.0 } else { 500.0 };
        Font {
            encoding: Encoding::Simple(table),
            split: CMap {
                codespace: vec![(1, 0, 0xFF)],
                ..CMap::default()
            },
            to_unicode,
            gb1: false,
            unicode_gb1_cids: false,
            gb_cids: None,
            ttf: HashMap::new(),
            widths: Widths::ByCode(widths),
            default_width,
            vertical: false,
            composite: false,
            memo: RefCell::default(),
        }
    }

    /// A font for a resource name that does not resolve: codes read as Latin-1.
    pub fn fallback() -> Font {
        Font {
            encoding: Encoding::Simple(Box::new(std::array::from_fn(|i| char::from_u32(i as u32)))),
            split: CMap {
                codespace: vec![(1, 0, 0xFF)],
                ..CMap::default()
            },
            to_unicode: None,
            gb1: false,
            unicode_gb1_cids: false,
            gb_cids: None,
            ttf: HashMap::new(),
            widths: Widths::ByCode(Box::new([None; 256])),
            default_width: 500.0,
            vertical: false,
            composite: false,
            memo: RefCell::default(),
        }
    }

    /// Calls `each` with the glyph of every code of a shown string. Codes
    /// decoded for the first time are remembered while `budget` (shared by
    /// the document's fonts) lasts.
    #[inline(always)]
    pub fn decode(&self, bytes: &[u8], budget: &mut usize, mut each: impl FnMut(&Glyph)) {
        let mut memo = self.memo.borrow_mut();
        // `each` is called from one place, so it can be inlined here.
        let mut glyph = |code: u32, len: usize| {
            let mut fresh = None;
            let g = match memo.get(code, len) {
                Some(g) => g,
                None => fresh.insert(self.glyph(code, len)),
            };
            each(g);
            if let Some(g) = fresh
                && *budget > 0
            {
                *budget = budget.saturating_sub(memo.insert(code, len, g));
            }
        };
        // A ToUnicode CMap with its own codespace splits simple strings too.
        // One loop for every kind of font, so that `glyph` (and `each` in
        // it) is called from one place and inlined there: called through a
        // reference from two loops it was a call per glyph, its captures
        // read from memory each time (~2 % of a CID-font file's
        // instructions).
        let split = if self.composite {
            self.split.splitter()
        } else {
            Splitter::OneByte
        };
        let mut i = 0;
        while let Some((code, len)) = split.code_at(bytes, i) {
            glyph(code, len);
            i += len;
        }
    }

    fn glyph(&self, code: u32, len: usize) -> Glyph {
        let text = self.unicode(code, len);
        let cid = self.cid(code);
        let width = self.widths.get(cid).unwrap_or(self.default_width) / 1000.0;
        let undecoded = text.is_none();
        let text = text.unwrap_or_default();
        Glyph {
            undecoded,
            blank: text.trim().is_empty(),
            class: GlyphClass::of(&text, undecoded),
            text,
            width,
            is_space_code: len == 1 && code == 32,
        }
    }

    fn cid(&self, code: u32) -> u32 {
        match &self.encoding {
            Encoding::Embedded(cm) => cm.cid(code).unwrap_or(code),
            // A code outside the collection has no width of its own: the
            // default width (no CID is u32::MAX).
            Encoding::Unicode if self.unicode_gb1_cids => gb1_cid_of(code).unwrap_or(u32::MAX),
            Encoding::Gbk if let Some(single) = self.gb_cids => gb_cid(code, single),
            _ => code,
        }
    }

    fn unicode(&self, code: u32, len: usize) -> Option<ecow::EcoString> {
        if let Some(s) = self
            .to_unicode
            .as_ref()
            .and_then(|t| t.to_unicode.get(&code))
            && !s.is_empty()
            && !s.chars().any(|c| c == char::REPLACEMENT_CHARACTER)
        {
            return Some(s.chars().map(unify_radical).collect());
        }
        let c = match &self.encoding {
            Encoding::Simple(t) => t.get(code as usize).copied().flatten(),
            Encoding::Unicode => {
                if len == 4 {
                    let hi = (code >> 16) as u16;
                    let lo = code as u16;
                    char::decode_utf16([hi, lo]).next().and_then(Result::ok)
                } else {
                    char::from_u32(code)
                }
            }
            Encoding::Gbk => {
                let bytes = code.to_be_bytes();
                let (text, _, bad) = encoding_rs::GB18030.decode(&bytes[4 - len..]);
                (!bad).then(|| text.chars().next()).flatten()
            }
            Encoding::Identity | Encoding::Embedded(_) => {
                let cid = self.cid(code);
                self.ttf
                    .get(&(cid as u16))
                    .copied()
                    .or_else(|| if self.gb1 { adobe_gb1(cid) } else { None })
            }
        };
        c.filter(|c| *c != '\0')
            .map(|c| ecow::EcoString::from(unify_radical(c).encode_utf8(&mut [0; 4]) as &str))
    }
}

/// /W array: `c [w1 w2 …]` or `cfirst clast w`.
fn parse_w(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    let mut expanded = 0usize;
    while i < w.len() && expanded < 0x1_0000 {
        let Some(start) = num(deref(doc, &w[i])) else {
            i += 1;
            continue;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(ws)) => {
                let room = 0x1_0000usize.saturating_sub(expanded);
                expanded += ws.len().min(room);
                for (k, o) in ws.iter().enumerate().take(room) {
                    if let Some(v) = num(deref(doc, o)) {
                        out.insert((start as u32).saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let end = num(o).unwrap_or(start);
                let v = w
                    .get(i + 2)
                    .and_then(|o| num(deref(doc, o)))
                    .unwrap_or(1000.0);
                // All ranges together expand to at most the 65,536 CIDs
                // there are (later ones overwrite), so 20,000 ranges of
                // 65,536 cost no more than one.
                let room = (0x1_0000usize.saturating_sub(expanded)) as u32;
                let n = ((end - start).max(0.0) as u32).min(65535).min(room);
                expanded += n as usize + 1;
                for k in 0..=n {
                    out.insert((start as u32).saturating_add(k), v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// Reads an embedded TrueType font's Unicode `cmap` (format 4 or 12) and
/// inverts it: glyph id → Unicode.
pub fn truetype_gid_to_unicode(font: &[u8]) -> HashMap<u16, char> {
    let mut out = HashMap::new();
    let Some(num_tables) = be16(font, 4) else {
        return out;
    };
    let cmap = (0..num_tables as usize).find_map(|i| {
        let rec = 12 + i * 16;
        (font.get(rec..rec + 4)? == b"cmap")
            .then(|| be32(font, rec + 8))
            .flatten()
    });
    let Some(cmap) = cmap.map(|c| c as usize) else {
        return out;
    };
    let Some(n) = be16(font, cmap + 2) else {
        return out;
    };
    let mut best: Option<(u16, usize)> = None;
    for i in 0..n as usize {
        let rec = cmap + 4 + i * 8;
        let (Some(pid), Some(eid), Some(off)) =
            (be16(font, rec), be16(font, rec + 2), be32(font, rec + 4))
        else {
            break;
        };
        let rank = match (pid, eid) {
            (3, 10) | (0, 4) => 3,
            (3, 1) | (0, 3) => 2,
            (0, _) => 1,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, cmap + off as usize));
        }
    }
    let Some((_, sub)) = best else { return out };
    match be16(font, sub) {
        Some(4) => {
            let Some(segx2) = be16(font, sub + 6).map(usize::from) else {
                return out;
            };
            let ends = sub + 14;
            let starts = ends + segx2 + 2;
            let deltas = starts + segx2;
            let ranges = deltas + segx2;
            for s in 0..segx2 / 2 {
                let (Some(end), Some(start), Some(delta), Some(ro)) = (
                    be16(font, ends + s * 2),
                    be16(font, starts + s * 2),
                    be16(font, deltas + s * 2),
                    be16(font, ranges + s * 2),
                ) else {
                    break;
                };
                if start > end || start == 0xFFFF {
                    continue;
                }
                for c in start..=end {
                    let gid = if ro == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let at = ranges + s * 2 + ro as usize + (c - start) as usize * 2;
                        match be16(font, at) {
                            Some(0) | None => continue,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    if let Some(ch) = char::from_u32(u32::from(c)) {
                        out.entry(gid).or_insert(ch);
                    }
                }
            }
        }
        Some(12) => {
            let Some(groups) = be32(font, sub + 12) else {
                return out;
            };
            for g in 0..groups.min(100_000) as usize {
                let at = sub + 16 + g * 12;
                let (Some(start), Some(end), Some(gid)) =
                    (be32(font, at), be32(font, at + 4), be32(font, at + 8))
                else {
                    break;
                };
                for (k, c) in (start..=end.min(start + 0xFFFF)).enumerate() {
                    if let Some(ch) = char::from_u32(c) {
                        out.entry((gid + k as u32) as u16).or_insert(ch);
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// Glyph names of the Adobe Glyph List that simple fonts in these reports
/// use, plus `uniXXXX` / `uXXXX[XX]`.
pub fn glyph_name_to_unicode(name: &[u8]) -> Option<char> {
    // Matched as bytes: a Chromium print names tens of thousands of glyphs
    // (`/g0` in every Type3 font's /Differences).
    let named = match name {
        b"space" | b"nbspace" => ' ',
        b"exclam" => '!',
        b"quotedbl" => '"',
        b"numbersign" => '#',
        b"dollar" => '$',
        b"percent" => '%',
        b"ampersand" => '&',
        b"quotesingle" | b"quoteright" => '\'',
        b"parenleft" => '(',
        b"parenright" => ')',
        b"asterisk" => '*',
        b"plus" => '+',
        b"comma" => ',',
        b"hyphen" | b"minus" => '-',
        b"period" => '.',
        b"slash" => '/',
        b"zero" => '0',
        b"one" => '1',
        b"two" => '2',
        b"three" => '3',
        b"four" => '4',
        b"five" => '5',
        b"six" => '6',
        b"seven" => '7',
        b"eight" => '8',
        b"nine" => '9',
        b"colon" => ':',
        b"semicolon" => ';',
        b"less" => '<',
        b"equal" => '=',
        b"greater" => '>',
        b"question" => '?',
        b"at" => '@',
        b"bracketleft" => '[',
        b"backslash" => '\\',
        b"bracketright" => ']',
        b"underscore" => '_',
        b"braceleft" => '{',
        b"bar" => '|',
        b"braceright" => '}',
        b"emdash" => '—',
        b"endash" => '–',
        b"bullet" => '•',
        _ => {
            if let [c] = name
                && c.is_ascii_alphabetic()
            {
                return Some(char::from(*c));
            }
            let (hex, most) = match name.strip_prefix(b"uni") {
                Some(h) => (h, 4),
                None => (name.strip_prefix(b"u")?, 6),
            };
            // (a name that is not UTF-8 names no character)
            std::str::from_utf8(name).ok()?;
            // (cut as bytes: a name with a character straddling the cut
            // is no code, where a cut `str` would panic)
            let hex = std::str::from_utf8(&hex[..hex.len().min(most)]).ok()?;
            return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        }
    };
    Some(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_are_remembered_only_while_the_documents_budget_lasts() {
        let font = Font::fallback();
        let mut budget = 2;
        let mut shown = String::new();
        font.decode(b"ABCAB", &mut budget, |g| shown.push_str(&g.text));
        assert_eq!(shown, "ABCAB");
        assert_eq!(budget, 0);
        assert_eq!(font.memo.borrow().len(), 2);
        // Past the budget, codes are still decoded, just not kept.
        font.decode(b"DE", &mut budget, |g| shown.push_str(&g.text));
        assert_eq!(shown, "ABCABDE");
        assert_eq!(font.memo.borrow().len(), 2);
        // A remembered space is still blank (nothing is placed for it).
        let mut blanks = Vec::new();
        font.decode(b"A A ", &mut 8, |g| blanks.push(g.blank));
        assert_eq!(blanks, [false, true, false, true]);
    }

    /// The memo's direct table for two-byte codes, beside its map for
    /// four-byte ones: a remembered glyph reads as a fresh one, codes that
    /// share a high byte or a low byte stay apart, each new page is charged
    /// to the budget, and past the budget nothing more is kept.
    #[test]
    fn two_and_four_byte_codes_are_remembered_apart() {
        let mut d = Dictionary::new();
        d.set("Subtype", Object::Name(b"Type0".to_vec()));
        d.set("Encoding", Object::Name(b"UniGB-UTF16-H".to_vec()));
        let font = Font::from_dict(&Document::new(), &d, FontArrays::default(), &mut 1000);
        // 中 文 丸 (U+4E2D, U+6587, U+4E38: two share the high byte), 𠀀
        // (U+20000, a surrogate pair: one four-byte code) and 中 again.
        let shown: Vec<u8> = [0x4E2D_u16, 0x6587, 0x4E38, 0xD840, 0xDC00, 0x4E2D]
            .iter()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let decode = |budget: &mut usize| {
            let mut text = String::new();
            font.decode(&shown, budget, |g| text.push_str(&g.text));
            text
        };
        // 中 opens the table of pages (64) and page 4E (1 + 32), 文 page 65
        // (33): the budget is spent.
        let mut budget = 100;
        assert_eq!(decode(&mut budget), "中文丸𠀀中");
        assert_eq!((budget, font.memo.borrow().len()), (0, 2));
        // Remembered (中 文) and fresh past the budget (丸 𠀀): the same text.
        assert_eq!(decode(&mut budget), "中文丸𠀀中");
        assert_eq!(font.memo.borrow().len(), 2);
        // 丸 on page 4E, already open (1), and 𠀀 (1).
        let mut more = 10;
        assert_eq!(decode(&mut more), "中文丸𠀀中");
        assert_eq!((more, font.memo.borrow().len()), (8, 4));
    }

    /// A ToUnicode destination holding U+FFFD (a lone surrogate, say) is not
    /// taken: the font's encoding decodes the code instead. Others are.
    #[test]
    fn to_unicode_replacement_characters_fall_back_to_the_encoding() {
        let font = Font {
            to_unicode: Some(CMap::parse(
                b"2 beginbfchar <41> <D800> <42> <0043> endbfchar 1 beginbfchar <44> <00440045FFFD> endbfchar",
            )),
            ..Font::fallback()
        };
        let mut shown = String::new();
        font.decode(b"ABD", &mut 8, |g| shown.push_str(&g.text));
        assert_eq!(shown, "ACD");
    }

    /// Ghostscript 10.0 rewrites STSong-Light PDFs with a ToUnicode map
    /// that contradicts their CMap: under UniGB-UCS2-H (a code is its
    /// character) 一 read as 醟; under GBK-EUC-H (one-byte codes are ASCII)
    /// 2021 read as QOQP. Those entries go; the CMap reads the codes.
    #[test]
    fn to_unicode_entries_contradicting_a_character_cmap_are_dropped() {
        let codes = |t: &CMap| {
            let mut c: Vec<u32> = t.to_unicode.keys().copied().collect();
            c.sort_unstable();
            c
        };
        let mut unicode = CMap::parse(
            b"5 beginbfchar <4E00> <919F> <4E03> <91A4> <4E07> <91A8> <4E2D> <4E2D> <0031> <0031> endbfchar",
        );
        drop_contradicting_entries(&mut unicode, &Encoding::Unicode);
        assert_eq!(codes(&unicode), [0x31, 0x4E2D]);
        let mut gbk = CMap::parse(
            b"5 beginbfchar <0030> <004F> <0031> <0050> <0032> <0051> <0041> <0041> <D6D0> <4E2D> endbfchar",
        );
        drop_contradicting_entries(&mut gbk, &Encoding::Gbk);
        assert_eq!(codes(&gbk), [0x41, 0xD6D0]);
        // A map that agrees but for one entry of its own (a radical read as
        // its ideograph) is kept whole; so is any map under Identity-H.
        let agreeing =
            b"4 beginbfchar <4E00> <4E00> <4E03> <4E03> <4E07> <4E07> <2F42> <6587> endbfchar";
        let mut kept = CMap::parse(agreeing);
        drop_contradicting_entries(&mut kept, &Encoding::Unicode);
        assert_eq!(codes(&kept).len(), 4);
        let mut identity =
            CMap::parse(b"3 beginbfchar <0001> <4E00> <0002> <4E03> <0003> <4E07> endbfchar");
        drop_contradicting_entries(&mut identity, &Encoding::Identity);
        assert_eq!(codes(&identity).len(), 3);
    }

    /// A Type0 font over a non-embedded CIDFontType0 of `ordering` under
    /// the predefined CMap `encoding`, with a default width of 1000 and
    /// `widths` (CID, width) in its /W.
    fn cid_keyed_font(encoding: &[u8], ordering: &[u8], widths: &[(i64, i64)]) -> Font {
        let mut info = Dictionary::new();
        info.set("Ordering", Object::string_literal(ordering));
        let mut cid = Dictionary::new();
        cid.set("Subtype", Object::Name(b"CIDFontType0".to_vec()));
        cid.set("CIDSystemInfo", Object::Dictionary(info));
        cid.set("DW", Object::Integer(1000));
        let mut w = Vec::new();
        for (c, width) in widths {
            w.push(Object::Integer(*c));
            w.push(Object::Array(vec![Object::Integer(*width)]));
        }
        cid.set("W", Object::Array(w));
        let mut d = Dictionary::new();
        d.set("Subtype", Object::Name(b"Type0".to_vec()));
        d.set("Encoding", Object::Name(encoding.to_vec()));
        d.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid)]),
        );
        Font::from_dict(&Document::new(), &d, FontArrays::default(), &mut 1000)
    }

    /// Under a predefined UniGB CMap a code is Unicode and /W is keyed by
    /// Adobe-GB1 CIDs: a digit's width is its CID's (1 at CID 18), not that
    /// of the CID numbered as its code (0x31 = 49). iText's and
    /// reportlab's STSong-Light PDFs are drawn so; a wrong width moves every
    /// glyph after it in its string.
    #[test]
    fn unigb_codes_take_the_widths_of_their_gb1_cids() {
        // CID 18 is 1 in Adobe-GB1; CID 49, what the code of 1 (0x31)
        // would be read as, has a width of its own.
        let font_with = |encoding: &[u8], ordering: &[u8]| {
            cid_keyed_font(encoding, ordering, &[(18, 462), (49, 700)])
        };
        let advance = |font: &Font, code: u16| {
            let mut w = f32::NAN;
            font.decode(&code.to_be_bytes(), &mut 8, |g| w = g.width);
            w
        };
        assert_eq!(gb1_cid_of(u32::from('1')), Some(18));
        assert_eq!(adobe_gb1(18), Some('1'));
        let font = font_with(b"UniGB-UCS2-H", b"GB1");
        assert_eq!(advance(&font, 0x0031), 0.462);
        // 中 is not listed: the default width, as for a code outside GB1.
        assert_eq!(advance(&font, 0x4E2D), 1.0);
        assert_eq!(advance(&font, 0xE000), 1.0);
        // Another collection's CIDs are not GB1's: its codes keep the old
        // reading (the code as the CID), as before.
        let japan = font_with(b"UniJIS-UCS2-H", b"Japan1");
        assert_eq!(advance(&japan, 0x0031), 0.7);
    }

    /// cairo (pdftocairo, GTK's print to file) writes a font it cannot
    /// subset as Type3 with `/FontMatrix [1 0 0 -1 0 0]` and widths of 1:
    /// each glyph advances a whole font size, not a thousandth of it (a
    /// title's glyphs were drawn on top of each other and read jumbled).
    #[test]
    fn type3_widths_are_scaled_by_the_font_matrix() {
        let type3 = |matrix: Option<[f32; 6]>, width: f32| {
            let mut d = Dictionary::new();
            d.set("Subtype", Object::Name(b"Type3".to_vec()));
            if let Some(m) = matrix {
                d.set("FontMatrix", Object::Array(m.map(Object::Real).to_vec()));
            }
            d.set("FirstChar", Object::Integer(65));
            d.set("Widths", Object::Array(vec![Object::Real(width)]));
            let font = Font::from_dict(&Document::new(), &d, FontArrays::default(), &mut 8);
            let mut w = f32::NAN;
            font.decode(b"A", &mut 8, |g| w = g.width);
            w
        };
        assert_eq!(type3(Some([1.0, 0.0, 0.0, -1.0, 0.0, 0.0]), 1.0), 1.0);
        assert_eq!(type3(Some([0.001, 0.0, 0.0, 0.001, 0.0, 0.0]), 500.0), 0.5);
        assert_eq!(type3(Some([0.01, 0.0, 0.0, 0.01, 0.0, 0.0]), 60.0), 0.6);
        // No matrix, or a degenerate one: thousandths, as for other fonts.
        assert_eq!(type3(None, 500.0), 0.5);
        assert_eq!(type3(Some([0.0; 6]), 500.0), 0.5);
    }

    /// Under a predefined GB CMap a code is GB 2312 / GBK bytes and /W is
    /// keyed by Adobe-GB1 CIDs: GBK-EUC sends ASCII to the proportional
    /// CIDs (1 at 18), GB-EUC to the half-width ones (1 at 830, the space
    /// at 7716), and a two-byte code takes its character's CID. reportlab
    /// writes STSong-Light under GBK-EUC-H so: digits took the widths of
    /// CIDs 48–57 and pushed every glyph after them along.
    #[test]
    fn gb_cmap_codes_take_the_widths_of_their_gb1_cids() {
        let zhong = gb1_cid_of(u32::from('中')).expect("中 is in GB1");
        let widths = [
            (18, 462),
            (49, 700),
            (830, 500),
            (7716, 250),
            (i64::from(zhong), 900),
        ];
        let font_with =
            |encoding: &[u8], ordering: &[u8]| cid_keyed_font(encoding, ordering, &widths);
        let advances = |font: &Font, bytes: &[u8]| {
            let mut out = Vec::new();
            font.decode(bytes, &mut 8, |g| out.push((g.text.to_string(), g.width)));
            out
        };
        let text = |s: &str| s.to_string();
        let gbk = font_with(b"GBK-EUC-H", b"GB1");
        assert_eq!(
            advances(&gbk, b"1\xD6\xD0 "),
            [(text("1"), 0.462), (text("中"), 0.9), (text(" "), 1.0)]
        );
        let gb = font_with(b"GB-EUC-H", b"GB1");
        assert_eq!(
            advances(&gb, b"1\xD6\xD0 "),
            [(text("1"), 0.5), (text("中"), 0.9), (text(" "), 0.25)]
        );
        // Another collection's CIDs are not GB1's: the code is the CID.
        let japan = font_with(b"GBK-EUC-H", b"Japan1");
        assert_eq!(advances(&japan, b"1")[0].1, 0.7);
    }

    #[test]
    fn adobe_gb1_and_radicals() {
        assert_eq!(adobe_gb1(1), Some(' '));
        assert_eq!(unify_radical('\u{2F00}'), '一');
        assert_eq!(unify_radical('\u{2FA8}'), '門');
        assert_eq!(unify_radical('中'), '中');
    }

    /// A simple font reads the same from the arrays the fast loader packs
    /// (its widths, its own encoding's differences, an encoding object's)
    /// as from lopdf's arrays.
    #[test]
    fn fonts_read_the_same_from_packed_arrays() {
        use super::super::packed::PackedArray;
        let widths = [500, 0, 250, 1000];
        let differences: [&[u8]; 5] = [b"32", b"space", b"g0", b"66", b"a#20b"];
        let as_objects = || {
            let mut out = Vec::new();
            for d in differences {
                match std::str::from_utf8(d).unwrap().parse::<i64>() {
                    Ok(i) => out.push(Object::Integer(i)),
                    Err(_) => out.push(Object::Name(d.to_vec())),
                }
            }
            out
        };
        let packed = || {
            let mut a = PackedArray::default();
            for d in differences {
                match std::str::from_utf8(d).unwrap().parse::<i64>() {
                    Ok(i) => a.push_integer(i),
                    Err(_) => assert!(a.push_name(|b| super::super::tokens::decode_name(d, b))),
                }
            }
            a
        };
        let font_id = (4, 0);
        let encoding_id = (5, 0);
        for own_encoding in [true, false] {
            // lopdf's reading (`doc`, `full`) and the fast loader's
            // (`bare_doc`, `bare` and `arrays`).
            let (mut doc, mut bare_doc) = (Document::new(), Document::new());
            let mut full = Dictionary::new();
            full.set("Subtype", Object::Name(b"Type1".to_vec()));
            full.set("FirstChar", Object::Integer(32));
            let mut bare = full.clone();
            full.set(
                "Widths",
                Object::Array(widths.map(Object::Integer).to_vec()),
            );
            let mut enc = Dictionary::new();
            enc.set("Differences", Object::Array(as_objects()));
            let mut arrays = PackedArrays::default();
            arrays.insert(font_id, Slot::Widths, packed_widths_of(&widths));
            if own_encoding {
                full.set("Encoding", Object::Dictionary(enc));
                bare.set("Encoding", Object::Dictionary(Dictionary::new()));
                arrays.insert(font_id, Slot::EncodingDifferences, packed());
            } else {
                doc.objects.insert(encoding_id, Object::Dictionary(enc));
                bare_doc
                    .objects
                    .insert(encoding_id, Object::Dictionary(Dictionary::new()));
                full.set("Encoding", Object::Reference(encoding_id));
                bare.set("Encoding", Object::Reference(encoding_id));
                arrays.insert(encoding_id, Slot::Differences, packed());
            }
            let expected = Font::from_dict(&doc, &full, FontArrays::default(), &mut 1000);
            let from_packed = FontArrays::of(&bare_doc, &arrays, Some(font_id), &bare);
            let got = Font::from_dict(&bare_doc, &bare, from_packed, &mut 1000);
            for code in 0..256 {
                let (a, b) = (expected.glyph(code, 1), got.glyph(code, 1));
                assert_eq!((a.text, a.width), (b.text, b.width), "code {code}");
            }
            // (the differences applied: 33 is `/g0`, no character, not `!`)
            assert_eq!(got.glyph(32, 1).text, " ");
            assert_eq!(got.glyph(33, 1).text, "");
            assert_eq!(got.glyph(34, 1).width, 0.25);
        }

        fn packed_widths_of(widths: &[i64]) -> PackedArray {
            let mut a = PackedArray::default();
            widths.iter().for_each(|w| a.push_integer(*w));
            a
        }
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode(b"five"), Some('5'));
        assert_eq!(glyph_name_to_unicode(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name_to_unicode(b"u1D400"), Some('𝐀'));
        assert_eq!(glyph_name_to_unicode(b"A"), Some('A'));
        assert_eq!(glyph_name_to_unicode(b"g123"), None);
        // A multi-byte character across the four-digit cut: no code (the
        // cut was made in a `str` and panicked).
        assert_eq!(glyph_name_to_unicode("uniAB中".as_bytes()), None);
        assert_eq!(glyph_name_to_unicode("u中".as_bytes()), None);
    }
}
