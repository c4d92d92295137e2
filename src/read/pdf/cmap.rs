//! CMap files (PDF 32000-1 §9.7.5, §9.10.3): codespace ranges that split a
//! string into character codes, and bfchar/bfrange (ToUnicode) or
//! cidchar/cidrange (embedded encodings) mappings.

use ecow::EcoString;
use foldhash::HashMap;

/// A byte-length-aware code splitter plus code → Unicode / code → CID maps.
#[derive(Debug, Default, Clone)]
pub struct CMap {
    /// (byte length, low, high) of each codespace range.
    pub codespace: Vec<(usize, u32, u32)>,
    pub to_unicode: HashMap<u32, EcoString>,
    pub to_cid: HashMap<u32, u32>,
    /// CID ranges kept as ranges (embedded CMaps can map large blocks).
    pub cid_ranges: Vec<(u32, u32, u32)>,
    pub vertical: bool,
}

/// How a string splits into codes: a byte each (simple fonts), two bytes
/// each, or by a CMap's codespace ranges.
#[derive(Clone, Copy)]
pub enum Splitter<'a> {
    OneByte,
    TwoBytes,
    Ranges(&'a CMap),
}

impl Splitter<'_> {
    /// The code starting at `bytes[i]` and its length in bytes; None at
    /// the string's end. (A string's loop calls whatever takes its codes
    /// from one place, where it can be inlined.)
    #[inline(always)]
    pub fn code_at(self, bytes: &[u8], i: usize) -> Option<(u32, usize)> {
        let rest = bytes.get(i..)?;
        match (self, rest) {
            (_, []) => None,
            (Splitter::OneByte, [b, ..]) => Some((u32::from(*b), 1)),
            (Splitter::TwoBytes, [hi, lo, ..]) => Some((u32::from(*hi) << 8 | u32::from(*lo), 2)),
            (Splitter::TwoBytes, [last]) => Some((u32::from(*last), 1)),
            (Splitter::Ranges(cm), _) => Some(cm.code_by_ranges(bytes, i)),
        }
    }
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    /// A hex string's bytes: a range of the tokenizer's byte buffer (one
    /// buffer for the thousands of codes a CMap holds).
    Hex(std::ops::Range<usize>),
    Int(i64),
    Name(&'a [u8]),
    Open,
    Close,
    Word(&'a [u8]),
}

/// A forgiving tokenizer for the PostScript-like CMap syntax: the tokens,
/// and the bytes their hex strings decode to.
fn tokens(data: &[u8]) -> (Vec<Tok<'_>>, Vec<u8>) {
    let mut out = Vec::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let mut j = start;
                while j < data.len() && data[j] != b'>' {
                    j += 1;
                }
                let first = bytes.len();
                let mut high: Option<u8> = None;
                for d in data[start..j].iter().filter(|d| d.is_ascii_hexdigit()) {
                    match high.take() {
                        Some(h) => bytes.push(h << 4 | hex_val(*d)),
                        None => high = Some(hex_val(*d)),
                    }
                }
                if let Some(h) = high {
                    bytes.push(h << 4);
                }
                out.push(Tok::Hex(first..bytes.len()));
                i = j + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings (CMapName etc.): skipped, balanced parens.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'/' => {
                let start = i + 1;
                let mut j = start;
                while j < data.len() && !is_delim(data[j]) {
                    j += 1;
                }
                out.push(Tok::Name(&data[start..j]));
                i = j;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                let mut j = i;
                while j < data.len() && !is_delim(data[j]) {
                    j += 1;
                }
                if j == start {
                    i += 1;
                    continue;
                }
                let w = &data[start..j];
                match std::str::from_utf8(w)
                    .ok()
                    .and_then(|s| s.parse::<i64>().ok())
                {
                    Some(n) => out.push(Tok::Int(n)),
                    None => out.push(Tok::Word(w)),
                }
                i = j;
            }
        }
    }
    (out, bytes)
}

fn is_delim(c: u8) -> bool {
    // Spelled out (a search of the delimiter list per byte is slow).
    c.is_ascii_whitespace()
        || matches!(
            c,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| acc << 8 | u32::from(*b))
}

/// UTF-16BE bytes (a bfchar/bfrange destination) to text (kept inline:
/// a CMap maps thousands of codes to a character or two each).
fn utf16be(bytes: &[u8]) -> EcoString {
    utf16_add(bytes, 0)
}

/// Adds `n` to the last UTF-16 unit of a destination (bfrange increments).
fn utf16_add(bytes: &[u8], n: u32) -> EcoString {
    // One unit, as most destinations are: a character, or U+FFFD for a
    // lone surrogate (what decoding it as UTF-16 gives).
    if let [hi, lo] = *bytes {
        let unit = u16::from_be_bytes([hi, lo]).wrapping_add(n as u16);
        let c = char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER);
        return EcoString::from(c.encode_utf8(&mut [0; 4]) as &str);
    }
    let count = bytes.len().div_ceil(2);
    let units = bytes.chunks(2).enumerate().map(|(i, c)| {
        let u = u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]);
        if i + 1 == count {
            u.wrapping_add(n as u16)
        } else {
            u
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Largest bfrange / cidrange span expanded into the maps.
const MAX_RANGE: u32 = 0x1_0000;
/// Most mappings one CMap may insert, whatever its ranges say (a code is at
/// most four bytes; a real CMap maps tens of thousands).
const MAX_MAPPINGS: usize = 0x4_0000;
/// Longest destination of one code, in bytes of UTF-16 (a ligature is a few
/// characters; a 1 MB destination repeated over a range is an attack).
const MAX_DST_BYTES: usize = 32;

fn dst_bytes(d: &[u8]) -> &[u8] {
    &d[..d.len().min(MAX_DST_BYTES)]
}

/// Codespace ranges kept from one CMap (Adobe's own CMaps use under ten).
const MAX_CODESPACE_RANGES: usize = 64;

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        Self::parse_capped(data, MAX_MAPPINGS)
    }

    /// [`CMap::parse`] with ranges expanded to at most `cap` mappings (a
    /// document's CMaps share one budget: a range of three tokens can map
    /// 65,536 codes).
    pub fn parse_capped(data: &[u8], cap: usize) -> CMap {
        let cap = cap.min(MAX_MAPPINGS);
        let (toks, hex) = tokens(data);
        let hex = |r: &std::ops::Range<usize>| &hex[r.clone()];
        let mut m = CMap::default();
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        // Splitting scans every range per code: a few
                        // suffice for any real CMap.
                        let (lo, hi) = (hex(lo), hex(hi));
                        if m.codespace.len() < MAX_CODESPACE_RANGES {
                            m.codespace.push((lo.len().max(1), be(lo), be(hi)));
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    // `N beginbfchar`: room for its N pairs (no more than
                    // the tokens left can hold).
                    if let Some(Tok::Int(n)) = i.checked_sub(1).and_then(|p| toks.get(p)) {
                        let left = (toks.len() - i) / 2;
                        let n = usize::try_from(*n).unwrap_or(0).min(left);
                        m.to_unicode.reserve(n.min(MAX_MAPPINGS));
                    }
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                        let src = hex(src);
                        match dst {
                            Tok::Hex(d) => {
                                m.to_unicode.insert(be(src), utf16be(dst_bytes(hex(d))));
                            }
                            Tok::Name(n) => {
                                if let Some(c) = super::font::glyph_name_to_unicode(n) {
                                    m.to_unicode.insert(
                                        be(src),
                                        EcoString::from(&*c.encode_utf8(&mut [0; 4])),
                                    );
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfrange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        let (lo, hi) = (be(hex(lo)), be(hex(hi)));
                        let span = hi.saturating_sub(lo).min(MAX_RANGE);
                        match toks.get(i + 2) {
                            Some(Tok::Hex(dst)) => {
                                let dst = hex(dst);
                                let room = cap.saturating_sub(m.to_unicode.len()) as u32;
                                for k in 0..=span.min(room) {
                                    m.to_unicode
                                        .insert(lo.saturating_add(k), utf16_add(dst_bytes(dst), k));
                                }
                                i += 3;
                            }
                            Some(Tok::Open) => {
                                let mut j = i + 3;
                                let mut k = 0;
                                while let Some(Tok::Hex(dst)) = toks.get(j) {
                                    if k <= span && m.to_unicode.len() < cap {
                                        m.to_unicode.insert(
                                            lo.saturating_add(k),
                                            utf16be(dst_bytes(hex(dst))),
                                        );
                                    }
                                    k += 1;
                                    j += 1;
                                }
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                Tok::Word(b"begincidchar") => {
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(Tok::Int(cid))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        m.to_cid.insert(be(hex(src)), *cid as u32);
                        i += 2;
                    }
                }
                Tok::Word(b"begincidrange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(Tok::Int(cid))) =
                        (toks.get(i), toks.get(i + 1), toks.get(i + 2))
                    {
                        m.cid_ranges.push((be(hex(lo)), be(hex(hi)), *cid as u32));
                        i += 3;
                    }
                }
                Tok::Name(b"WMode") => {
                    if let Some(Tok::Int(1)) = toks.get(i + 1) {
                        m.vertical = true;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        m
    }

    /// Splits a string into codes by the codespace ranges; without ranges,
    /// two-byte codes.
    #[cfg(test)]
    pub fn split(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let (split, mut i) = (self.splitter(), 0);
        let mut out = Vec::with_capacity(bytes.len() / 2 + 1);
        while let Some((code, len)) = split.code_at(bytes, i) {
            out.push((code, len));
            i += len;
        }
        out
    }

    /// How this CMap's codespace splits strings, found once a string.
    pub fn splitter(&self) -> Splitter<'_> {
        // Identity-H and most embedded CMaps: every code is two bytes.
        if let [(2, 0, 0xFFFF)] = self.codespace[..] {
            Splitter::TwoBytes
        } else {
            Splitter::Ranges(self)
        }
    }

    /// The code starting at `bytes[i]` and its length, by the codespace
    /// ranges (without any: two bytes).
    fn code_by_ranges(&self, bytes: &[u8], i: usize) -> (u32, usize) {
        let mut len = 0;
        for n in 1..=4usize {
            if i + n > bytes.len() {
                break;
            }
            let code = be(&bytes[i..i + n]);
            if self
                .codespace
                .iter()
                .any(|(l, lo, hi)| *l == n && (*lo..=*hi).contains(&code))
            {
                len = n;
                break;
            }
        }
        if len == 0 {
            len = if self.codespace.is_empty() {
                2
            } else {
                self.codespace[0].0
            }
            .min(bytes.len() - i)
            .max(1);
        }
        (be(&bytes[i..i + len]), len)
    }

    pub fn cid(&self, code: u32) -> Option<u32> {
        if let Some(c) = self.to_cid.get(&code) {
            return Some(*c);
        }
        self.cid_ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map(|(lo, _, cid)| cid + (code - lo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-unit destination decodes as the whole UTF-16 decoder decodes
    /// it, lone surrogates and increments past U+FFFF included.
    #[test]
    fn one_unit_destinations_decode_as_utf16() {
        for unit in (0u32..=0xFFFF)
            .step_by(7)
            .chain([0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF])
        {
            for n in [0, 1, 2, 0x1_0001] {
                let bytes = (unit as u16).to_be_bytes();
                let want: String = char::decode_utf16([(unit as u16).wrapping_add(n as u16)])
                    .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect();
                assert_eq!(utf16_add(&bytes, n), want.as_str(), "{unit:04X} + {n}");
            }
        }
    }

    #[test]
    fn to_unicode_chars_ranges_and_arrays() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <01F2> <4E00> endbfchar
            2 beginbfrange <0010> <0012> <0030> <0020> <0021> [<6536> <5230>] endbfrange
            endcmap";
        let m = CMap::parse(src);
        assert_eq!(m.to_unicode[&0x01F2], "一");
        assert_eq!(m.to_unicode[&0x0012], "2");
        assert_eq!(m.to_unicode[&0x0021], "到");
        assert_eq!(
            m.split(&[0x01, 0xF2, 0x00, 0x03]),
            vec![(0x01F2, 2), (0x0003, 2)]
        );
    }

    #[test]
    fn two_byte_codespace_shortcut_splits_as_the_ranges_do() {
        let identity = CMap {
            codespace: vec![(2, 0, 0xFFFF)],
            ..CMap::default()
        };
        // The same codespace spelled so the shortcut does not apply.
        let spelled = CMap {
            codespace: vec![(2, 0, 0x7FFF), (2, 0x8000, 0xFFFF)],
            ..CMap::default()
        };
        for len in 0..9u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(97).wrapping_add(3))
                .collect();
            assert_eq!(identity.split(&bytes), spelled.split(&bytes), "{bytes:?}");
        }
        assert_eq!(
            identity.split(&[0x4E, 0x00, 0x7F]),
            [(0x4E00, 2), (0x7F, 1)]
        );
    }

    #[test]
    fn mixed_byte_codespaces_split() {
        let m = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange");
        assert_eq!(
            m.split(&[0x31, 0xB9, 0xAB, 0x32]),
            vec![(0x31, 1), (0xB9AB, 2), (0x32, 1)]
        );
    }
}
