//! The fixed-layout stage shared by PDF and OFD: each reader turns its pages
//! into positioned characters and ruling segments (`PageContent`, upright
//! page coordinates in points, origin top-left, y down); this stage makes
//! lines and paragraphs (`layout`), finds tables from rulings or text
//! alignment (`table`, `stream`) and joins them across pages into one
//! `Document`.

pub mod columns;
pub mod layout;
pub mod stream;
pub mod strike;
pub mod table;

use crate::model::Document;
use crate::read::ReadError;

/// An affine matrix [a b c d e f] as in PDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (row-vector convention: p × self × other).
    /// Inline: the interpreter moves the text matrix by one per glyph.
    #[inline]
    pub fn then(&self, o: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([
            a * oa + b * oc,
            a * ob + b * od,
            c * oa + d * oc,
            c * ob + d * od,
            e * oa + f * oc + oe,
            e * ob + f * od + of,
        ])
    }

    #[inline]
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    #[inline]
    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
}

/// One character as drawn.
#[derive(Debug, Clone)]
pub struct TextChar {
    /// Inline up to 15 bytes (a 16-byte value): no allocation per glyph.
    pub text: ecow::EcoString,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    /// Font size in device units.
    pub size: f32,
    /// Baseline direction in quarter turns clockwise from "left to right"
    /// (0 right, 1 down, 2 left, 3 up); meaningless when `skewed`.
    pub quarter: u8,
    /// The baseline runs at some angle other than 0/90/180/270 degrees.
    pub skewed: bool,
    /// Drawn with a vertical-writing font (Identity-V): reads top to bottom.
    pub vertical: bool,
    /// Fill brightness: 0 black … 1 white.
    pub brightness: f32,
    pub undecoded: bool,
    /// Drawing order, for stable sorting (a page draws far fewer than
    /// 2³² glyphs: `MAX_SHOWN_BYTES_PER_PAGE`). With `upright` derived,
    /// not kept, and the text in 16 bytes, a character is 48 bytes, not
    /// 64: layout passes over every page's characters several times.
    pub seq: u32,
}

impl TextChar {
    /// An upright black glyph `size` square at (`x0`, `y0`), for tests.
    #[cfg(test)]
    pub fn square(text: &str, x0: f32, y0: f32, size: f32) -> TextChar {
        TextChar {
            text: text.into(),
            x0,
            y0,
            x1: x0 + size,
            y1: y0 + size,
            size,
            quarter: 0,
            skewed: false,
            vertical: false,
            brightness: 0.0,
            undecoded: false,
            seq: 0,
        }
    }

    /// A character drawn with glyph matrix `trm` (glyph space → page points,
    /// y down on the page) over `em_box` [x0 y0 x1 y1] in glyph space: its
    /// page box, size and baseline direction.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn placed(
        text: ecow::EcoString,
        trm: &Matrix,
        em_box: [f32; 4],
        vertical: bool,
        brightness: f32,
        undecoded: bool,
        seq: u32,
    ) -> TextChar {
        let [bx0, by0, bx1, by1] = em_box;
        let corners = [
            trm.apply(bx0, by0),
            trm.apply(bx1, by0),
            trm.apply(bx0, by1),
            trm.apply(bx1, by1),
        ];
        let x0 = corners.iter().map(|p| p.0).fold(f32::MAX, f32::min);
        let x1 = corners.iter().map(|p| p.0).fold(f32::MIN, f32::max);
        let y0 = corners.iter().map(|p| p.1).fold(f32::MAX, f32::min);
        let y1 = corners.iter().map(|p| p.1).fold(f32::MIN, f32::max);
        let [a, b, c, d, _, _] = trm.0;
        let axis = b.abs() < 0.01 * a.abs().max(1e-6) || a.abs() < 0.01 * b.abs().max(1e-6);
        let quarter = if a.abs() >= b.abs() {
            if a > 0.0 { 0 } else { 2 }
        } else if b > 0.0 {
            1
        } else {
            3
        };
        TextChar {
            text,
            x0,
            y0,
            x1,
            y1,
            size: (c * c + d * d).sqrt(),
            quarter,
            skewed: !axis,
            vertical,
            brightness,
            undecoded,
            seq,
        }
    }

    /// The baseline is horizontal, reading left to right.
    #[inline]
    pub fn upright(&self) -> bool {
        self.quarter == 0 && !self.skewed
    }

    pub fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn cy(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A horizontal or vertical line of a drawn path (a table ruling candidate).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Segment {
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= 1.0 && (self.x1 - self.x0).abs() > 1.0
    }
    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0).abs() <= 1.0 && (self.y1 - self.y0).abs() > 1.0
    }
}

#[derive(Debug, Default)]
pub struct PageContent {
    pub width: f32,
    pub height: f32,
    pub chars: Vec<TextChar>,
    pub segments: Vec<Segment>,
    /// The boxes [x0 y0 x1 y1] of the images drawn, the first
    /// [`MAX_IMAGES_PER_PAGE`] (a table published as a picture is one).
    pub images: Vec<[f32; 4]>,
    /// The page's characters by [`GlyphClass`], counted as a reader pushes
    /// them (a class is worked out once per font and code): the document's
    /// census then needs no pass over every character. Left at zero by a
    /// reader that does not count; [`document`] then counts the page.
    pub classes: [u32; GLYPH_CLASSES],
}

/// Image boxes kept for a page: a page shows a few; a content stream could
/// draw one image hundreds of thousands of times.
pub const MAX_IMAGES_PER_PAGE: usize = 1000;

impl PageContent {
    /// Keeps the box of an image drawn into the unit square under `m`.
    pub fn image_under(&mut self, m: &Matrix) {
        if self.images.len() < MAX_IMAGES_PER_PAGE
            && let Some(b) = unit_square_box(m)
        {
            self.images.push(b);
        }
    }
}

/// The box [x0 y0 x1 y1] of the unit square under `m` (where PDF and OFD
/// draw an image), when finite.
pub fn unit_square_box(m: &Matrix) -> Option<[f32; 4]> {
    let corners = [
        m.apply(0.0, 0.0),
        m.apply(1.0, 0.0),
        m.apply(0.0, 1.0),
        m.apply(1.0, 1.0),
    ];
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in corners {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    [x0, y0, x1, y1]
        .iter()
        .all(|v| v.is_finite())
        .then_some([x0, y0, x1, y1])
}

/// A subpath: points in page coordinates, each flagged true when a straight
/// line (not a curve or a move) reaches it.
pub type Subpath = Vec<(f32, f32, bool)>;

/// Straight horizontal and vertical edges of stroked subpaths.
pub fn stroked_rulings(path: &[Subpath], out: &mut Vec<Segment>) {
    for sp in path {
        for w in sp.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !b.2 {
                continue;
            }
            let s = Segment {
                x0: a.0.min(b.0),
                y0: a.1.min(b.1),
                x1: a.0.max(b.0),
                y1: a.1.max(b.1),
            };
            if s.is_horizontal() || s.is_vertical() {
                out.push(s);
            }
        }
    }
}

/// The bounding box [x0 y0 x1 y1] of a subpath.
pub fn subpath_box(sp: &Subpath) -> [f32; 4] {
    let xs = sp.iter().map(|p| p.0);
    let ys = sp.iter().map(|p| p.1);
    [
        xs.clone().fold(f32::MAX, f32::min),
        ys.clone().fold(f32::MAX, f32::min),
        xs.fold(f32::MIN, f32::max),
        ys.fold(f32::MIN, f32::max),
    ]
}

/// Filled boxes thin enough to be rulings.
pub fn filled_rulings(boxes: impl Iterator<Item = [f32; 4]>, out: &mut Vec<Segment>) {
    out.extend(boxes.filter_map(thin_box_ruling));
}

/// The centre line of a box thin enough to be a drawn ruling.
fn thin_box_ruling([x0, y0, x1, y1]: [f32; 4]) -> Option<Segment> {
    const THIN: f32 = 3.0;
    if y1 - y0 <= THIN && x1 - x0 > THIN {
        let y = (y0 + y1) / 2.0;
        Some(Segment {
            x0,
            y0: y,
            x1,
            y1: y,
        })
    } else if x1 - x0 <= THIN && y1 - y0 > THIN {
        let x = (x0 + x1) / 2.0;
        Some(Segment {
            x0: x,
            y0,
            x1: x,
            y1,
        })
    } else {
        None
    }
}

/// Text paler than this (0 black … 1 white) is no report's content but a
/// watermark's, unless it is white ([`WHITE`]).
pub const PALE: f32 = 0.75;

/// Text at least this bright is white: printed on a dark fill, not pale.
pub const WHITE: f32 = 0.98;

/// Pale gray text (light, or black drawn translucent), as watermarks and
/// download stamps are printed: neither a report's content nor a guide to
/// which way its page reads.
pub fn is_pale(brightness: f32) -> bool {
    brightness > PALE && brightness < WHITE
}

/// Turns a page whose text mostly runs down, up or right-to-left (a
/// portrait page shown with /Rotate, or a landscape page drawn with rotated
/// text) so that its text reads left to right, top to bottom.
pub fn normalise_orientation(page: &mut PageContent) {
    let mut counts = [0usize; 4];
    for c in page
        .chars
        .iter()
        .filter(|c| !c.skewed && !is_pale(c.brightness))
    {
        counts[usize::from(c.quarter & 3)] += 1;
    }
    let dominant = (0..4).max_by_key(|q| counts[*q]).unwrap_or(0);
    if dominant == 0 || counts[dominant] <= counts[0] {
        return;
    }
    let (w, h) = (page.width, page.height);
    let map = |x: f32, y: f32| -> (f32, f32) {
        match dominant {
            1 => (y, w - x),
            3 => (h - y, x),
            _ => (w - x, h - y),
        }
    };
    let remap = |x0: f32, y0: f32, x1: f32, y1: f32| {
        let (ax, ay) = map(x0, y0);
        let (bx, by) = map(x1, y1);
        (ax.min(bx), ay.min(by), ax.max(bx), ay.max(by))
    };
    for c in &mut page.chars {
        (c.x0, c.y0, c.x1, c.y1) = remap(c.x0, c.y0, c.x1, c.y1);
        c.quarter = (c.quarter + 4 - dominant as u8) & 3;
    }
    for s in &mut page.segments {
        (s.x0, s.y0, s.x1, s.y1) = remap(s.x0, s.y0, s.x1, s.y1);
    }
    for b in &mut page.images {
        let (x0, y0, x1, y1) = remap(b[0], b[1], b[2], b[3]);
        *b = [x0, y0, x1, y1];
    }
    if dominant != 2 {
        std::mem::swap(&mut page.width, &mut page.height);
    }
}

/// Characters a document's pages may draw in all (each kept as a 48-byte
/// record until layout): 2 million is 96 MB, some 30 times a long report,
/// while pages sharing one content stream of 256 KB of text could draw 250
/// million (500 pages read 4 GB before this bound).
pub const MAX_CHARS_PER_DOCUMENT: usize = 2_000_000;

/// Straight edges (16 bytes each, kept until layout) a document's pages may
/// stroke in all: a ruled page has a few thousand, while 500 pages sharing
/// one content stream of 300,000 lines read 1.8 GB before this bound.
pub const MAX_SEGMENTS_PER_DOCUMENT: usize = 4_000_000;

/// What the pages of a document read so far hold, against the bounds above.
#[derive(Debug, Default)]
pub struct Kept {
    chars: usize,
    segments: usize,
}

/// Adds `page` to the pages read so far, `kept` counting what they hold:
/// `TooLarge` past [`MAX_CHARS_PER_DOCUMENT`] or [`MAX_SEGMENTS_PER_DOCUMENT`].
pub fn keep_page(
    pages: &mut Vec<PageContent>,
    page: PageContent,
    kept: &mut Kept,
    what: &str,
) -> Result<(), ReadError> {
    kept.chars = kept.chars.saturating_add(page.chars.len());
    kept.segments = kept.segments.saturating_add(page.segments.len());
    if kept.chars > MAX_CHARS_PER_DOCUMENT {
        return Err(ReadError::TooLarge(format!(
            "the {what}'s pages draw more than {MAX_CHARS_PER_DOCUMENT} characters in all; no report holds that many"
        )));
    }
    if kept.segments > MAX_SEGMENTS_PER_DOCUMENT {
        return Err(ReadError::TooLarge(format!(
            "the {what}'s pages stroke more than {MAX_SEGMENTS_PER_DOCUMENT} lines in all; no report holds that many"
        )));
    }
    pages.push(page);
    Ok(())
}

/// The document of a fixed-layout file's pages; `what` names the format in
/// messages ("PDF", "OFD").
pub fn document(mut pages: Vec<PageContent>, what: &str) -> Result<Document, ReadError> {
    // Watermarks first: a scan whose only text is a download stamp has no
    // text layer.
    for page in &mut pages {
        layout::drop_watermarks(page);
    }
    let census = Census::of_pages(&pages);
    let (chars, undecoded) = (census.chars, census.undecoded);
    if chars == 0 {
        return Err(ReadError::NoTextLayer(format!(
            "the {what} has no text layer (scanned pages or text drawn as images); run OCR on it first"
        )));
    }
    if undecoded * 2 > chars {
        return Err(ReadError::Corrupt(format!(
            "{undecoded} of {chars} characters use fonts whose text cannot be decoded (no ToUnicode map or known encoding)"
        )));
    }
    if let Some(message) = census.garbled() {
        return Err(ReadError::Corrupt(message));
    }
    for page in &mut pages {
        strike::drop_struck_through(page);
    }
    let mut doc = layout::build_document(pages);
    if undecoded > 0 {
        doc.notes.push((
            "undecoded_text",
            format!(
                "{undecoded} of {chars} characters use fonts without a ToUnicode map or known encoding and were left out; figures near them may be missing"
            ),
        ));
    }
    Ok(doc)
}

/// What [`Census`] tells characters apart by; one per glyph, worked out
/// from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum GlyphClass {
    Undecoded,
    /// Empty, white space or an ASCII digit: not counted as visible.
    Unseen,
    Other,
    Latin1,
    Chinese,
    /// Chinese from CJK Extension A.
    RareChinese,
}

pub const GLYPH_CLASSES: usize = 6;

impl GlyphClass {
    pub fn of(text: &str, undecoded: bool) -> GlyphClass {
        if undecoded {
            return GlyphClass::Undecoded;
        }
        let Some(ch) = text.chars().next() else {
            return GlyphClass::Unseen;
        };
        if ch.is_whitespace() || ch.is_ascii_digit() {
            return GlyphClass::Unseen;
        }
        match u32::from(ch) {
            0x80..=0xFF => GlyphClass::Latin1,
            0x3400..=0x4DBF => GlyphClass::RareChinese,
            0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => GlyphClass::Chinese,
            _ => GlyphClass::Other,
        }
    }
}

/// The characters of a document counted: all, undecoded, and of the
/// decoded visible ones (not spaces or digits) the Chinese, the accented
/// Latin and the CJK Extension A ones, for [`Census::garbled`].
#[derive(Default)]
struct Census {
    chars: usize,
    undecoded: usize,
    visible: usize,
    chinese: usize,
    latin1: usize,
    rare: usize,
}

impl Census {
    /// From the pages' counts by class where a reader kept them (they add
    /// up to the page's characters), else from the page's characters.
    fn of_pages(pages: &[PageContent]) -> Census {
        let mut by_class = [0usize; GLYPH_CLASSES];
        for page in pages {
            let counted: usize = page.classes.iter().map(|n| *n as usize).sum();
            if counted == page.chars.len() {
                for (total, n) in by_class.iter_mut().zip(page.classes) {
                    *total += n as usize;
                }
            } else {
                for c in &page.chars {
                    by_class[GlyphClass::of(&c.text, c.undecoded) as usize] += 1;
                }
            }
        }
        let n = |class: GlyphClass| by_class[class as usize];
        let rare = n(GlyphClass::RareChinese);
        let chinese = n(GlyphClass::Chinese) + rare;
        let latin1 = n(GlyphClass::Latin1);
        Census {
            chars: by_class.iter().sum(),
            undecoded: n(GlyphClass::Undecoded),
            visible: chinese + latin1 + n(GlyphClass::Other),
            chinese,
            latin1,
            rare,
        }
    }

    /// Why a text layer cannot be read when its fonts number their glyphs in
    /// drawing order and say nothing of the characters they draw (no ToUnicode
    /// map; a PDF "optimised" by Ghostscript 10.0 loses it): codes then read as
    /// whatever Latin-1 or a character collection gives them. Saying so beats
    /// `not_a_report` for what is plainly a report on the page. Two signs:
    /// almost no Chinese and a fifth or more accented Latin letters and signs
    /// (French or German text has a few in a hundred), or Chinese of which a
    /// tenth or more is from CJK Extension A, rare characters that modern
    /// official prose uses hardly ever.
    fn garbled(&self) -> Option<String> {
        let Census {
            visible,
            chinese,
            latin1,
            rare,
            ..
        } = *self;
        if visible < 50 {
            return None;
        }
        let why = if chinese * 20 < visible && latin1 * 5 >= visible {
            format!(
                "{latin1} of {visible} characters read as accented Latin letters and signs and almost none as Chinese"
            )
        } else if rare * 10 >= chinese && chinese * 2 >= visible {
            format!("{rare} of {chinese} Chinese characters read as rare ones (CJK Extension A)")
        } else {
            return None;
        };
        Some(format!(
            "the text cannot be decoded: {why} (fonts without a ToUnicode map that number their glyphs in drawing order); run OCR on the pages"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page showing `text`, forty characters to a line.
    fn page_of(text: &str) -> PageContent {
        let chars = text
            .chars()
            .enumerate()
            .map(|(k, ch)| {
                let (x0, y0) = (50.0 + 10.0 * (k % 40) as f32, 50.0 + 14.0 * (k / 40) as f32);
                TextChar {
                    seq: k as u32,
                    ..TextChar::square(&ch.to_string(), x0, y0, 10.0)
                }
            })
            .collect();
        PageContent {
            width: 595.0,
            height: 842.0,
            chars,
            segments: Vec::new(),
            images: Vec::new(),
            classes: Default::default(),
        }
    }

    fn corrupt_message(text: &str) -> Option<String> {
        match document(vec![page_of(text)], "PDF") {
            Err(ReadError::Corrupt(m)) => Some(m),
            _ => None,
        }
    }

    /// A placed character stays 48 bytes, its usual text inline: layout
    /// passes over every page's characters several times, so a field or a
    /// wider text type costs every PDF and OFD page.
    #[test]
    fn a_placed_character_is_48_bytes_with_its_text_inline() {
        assert_eq!(std::mem::size_of::<TextChar>(), 48);
        let ideograph = TextChar::square("國", 0.0, 0.0, 10.0);
        assert!(ideograph.text.is_inline());
        let ligature = TextChar::square("ﬃ", 0.0, 0.0, 10.0);
        assert!(ligature.text.is_inline());
    }

    #[test]
    fn text_read_as_latin1_without_chinese_is_undecodable_not_a_non_report() {
        // Glyphs numbered in drawing order, read as Latin-1 (a title, a
        // sentence with its year, a table row).
        let garbled = "2020€•‚ƒ…†‡ˆ‰Š‹Œ\n202130¡¢£¤¥¦20201§1¨©ª202012§31¨«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁ!\"#$%&'()*+,-./ÂÃÄÅÆÇÈÉÊËÌÍÎÏ";
        let m = corrupt_message(&garbled.repeat(3)).expect("an undecodable text layer");
        assert!(
            m.contains("cannot be decoded") && m.contains("accented Latin"),
            "{m}"
        );
    }

    #[test]
    fn chinese_read_as_rare_extension_a_characters_is_undecodable() {
        let garbled = "髼㔵㨋鋑䠫䅍㪦钑㱻頚㬊㧮鏅㩾㪰㺲鳵嶛嶛䌼㩾㪰㺲鳵鐤㽻嶨釱魧鋑䠫頠鵇国䅍㪦钑㱻頚㬊䍱鐉嶩要䡜编馡";
        let m = corrupt_message(&garbled.repeat(2)).expect("an undecodable text layer");
        assert!(m.contains("CJK Extension A"), "{m}");
    }

    #[test]
    fn french_text_and_chinese_with_a_rare_name_are_read() {
        let french = "Le conseil municipal a publié 12 décisions réglementaires en été ; à la fin de l'année, 3 ont été abrogées. ";
        assert_eq!(corrupt_message(&french.repeat(3)), None);
        // One Extension A character (a place name) among ordinary prose.
        let chinese = "本机关通过门户网站主动公开政府信息，㘎塘镇人民政府全年共收到政府信息公开申请十二件，均已按期答复。";
        assert_eq!(corrupt_message(&chinese.repeat(3)), None);
    }

    /// The census from the counts a reader kept is the census of the
    /// characters themselves; counts that do not add up to a page's
    /// characters (a reader that counts nothing, or missed some) are not
    /// trusted: the page is counted again.
    #[test]
    fn census_from_kept_class_counts_is_a_recount() {
        let text = "2021年本机关收到申请12件，Résumé 㘎塘镇。 ";
        let fields = |c: Census| (c.chars, c.undecoded, c.visible, c.chinese, c.latin1, c.rare);
        let mut counted = page_of(text);
        for c in &counted.chars {
            counted.classes[GlyphClass::of(&c.text, c.undecoded) as usize] += 1;
        }
        let recounted = Census::of_pages(&[page_of(text)]);
        // Typed from the text: 28 characters, of which digits and spaces (8)
        // are not visible; 14 Chinese with punctuation, one of them rare;
        // two accented Latin letters and four other ones.
        assert_eq!(fields(recounted), (28, 0, 20, 14, 2, 1));
        assert_eq!(fields(Census::of_pages(&[counted])), (28, 0, 20, 14, 2, 1));
        let mut short = page_of(text);
        short.classes[GlyphClass::Chinese as usize] = 3;
        assert_eq!(fields(Census::of_pages(&[short])), (28, 0, 20, 14, 2, 1));
    }
}
