//! RTF reader: Word's document model written as text (a report saved as
//! "Rich Text Format", often named `.doc` by the systems that publish it).
//! A tokenizer of our own reads control words, groups and text; paragraphs
//! come out with the properties the .doc reader's paragraphs have (in a
//! table, at which depth, ending a cell or a row with the row's cell edges
//! and vertical merges), so tables are built by the same code
//! (`doc::blocks_of`). No crate reads RTF tables: the ones on crates.io
//! give text or styled spans.

use super::doc::{Pap, Para, blocks_of};
use super::{Deadline, Limits, ReadError};
use crate::model::{Document, MAX_GRID_COLS};
use encoding_rs::Encoding;

/// A file is RTF when it starts (after a BOM or spaces) with `{\rtf`.
pub fn looks_like_rtf(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    b.trim_ascii_start().starts_with(b"{\\rtf")
}

/// Most paragraphs and cells read (each kept until the tables are built):
/// a report has a few thousand; `\par` repeated from a 200 MB file would
/// be 50 million.
const MAX_PARAGRAPHS: usize = 500_000;

/// Most text read, in bytes of UTF-8 (as an HTML page's): a report's is
/// well under 1 MB; 190 MB of text in one paragraph held 1.1 GB and took
/// 10 s before this bound.
const MAX_TEXT_BYTES: usize = 32 << 20;

/// Most cell definitions kept over all row ends (each row end keeps its
/// row's): a report's tables define a few hundred.
const MAX_ROW_CELLS: usize = 1_000_000;

/// Deepest table nesting kept apart (as the .doc reader's).
const MAX_TABLE_DEPTH: usize = 16;

/// Destinations whose text is not the document's (colour and list tables,
/// document information, pictures, headers and footers, field instructions,
/// the fallback text of nested tables, shapes' properties), skipped whole
/// (the font table and the style sheet are read for charsets and outline
/// levels). Starred destinations (`{\*\…}`) are skipped too, but for the
/// properties of nested table rows and a shape's instructions, which hold
/// its text (a text box, or a floating table as LibreOffice writes it).
const SKIPPED: &[&[u8]] = &[
    b"colortbl",
    b"info",
    b"pict",
    b"header",
    b"headerl",
    b"headerr",
    b"headerf",
    b"footer",
    b"footerl",
    b"footerr",
    b"footerf",
    b"footnote",
    b"annotation",
    b"object",
    b"objdata",
    // A shape's properties, and the picture older readers show for it.
    b"sp",
    b"shprslt",
    b"nonshppict",
    b"listtable",
    b"listoverridetable",
    b"revtbl",
    b"rsidtbl",
    b"filetbl",
    b"xmlnstbl",
    b"nonesttables",
    b"fldinst",
    b"themedata",
    b"colorschememapping",
    b"datastore",
    b"latentstyles",
    b"pgdsctbl",
    b"generator",
    b"userprops",
    b"template",
    b"bkmkstart",
    b"bkmkend",
];

/// What a group is: the body (text kept), the font table (fonts' charsets
/// noted), the style sheet (styles' outline levels noted), or skipped.
#[derive(Clone, Copy, PartialEq)]
enum Dest {
    Body,
    FontTable,
    StyleSheet,
    Skipped,
}

/// The state a group inherits and restores at its end.
#[derive(Clone, Copy)]
struct State {
    dest: Dest,
    /// Fallback characters after `\uN` (`\ucN`).
    uc: u32,
    /// The font in use, for the code page of `\'hh` bytes.
    font: i32,
    /// Hidden (`\v`) or deleted as a tracked change (`\deleted`).
    hidden: bool,
    deleted: bool,
    /// Paragraph properties: in a table, at which depth, outline level.
    intbl: bool,
    itap: u32,
    outline: Option<u8>,
    /// The outline level of the paragraph's style (`\sN`).
    style_outline: Option<u8>,
    /// In a list label (`\listtext`, `\pntext`): its tab and spaces are
    /// no text (as the DOCX reader gives a label).
    label: bool,
}

/// A row's definition (`\trowd … \cellx`): its edges in twips, the left
/// one first, and each cell's vertical merge (1 continues, 3 starts).
#[derive(Default)]
struct RowDef {
    left: i16,
    edges: Vec<i16>,
    vmerge: Vec<u8>,
    /// The next cell's merge, set by `\clvmgf` / `\clvmrg` before its `\cellx`.
    next_vmerge: u8,
    /// Each cell continues the one on its left (`\clmrg`: a horizontal
    /// merge as Word 6 wrote it), and whether the next one does.
    hmerge: Vec<bool>,
    next_hmerge: bool,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    state: State,
    stack: Vec<State>,
    /// Font number → its charset (`\fcharset`), from the font table.
    charsets: foldhash::HashMap<i32, i32>,
    default_font: i32,
    /// The document's code page (`\ansicpg`).
    ansi: &'static Encoding,
    /// The font being described in the font table.
    table_font: i32,
    /// Style number → outline level (`\outlinelevel`, or a style named
    /// "heading N"), from the style sheet.
    style_outlines: foldhash::HashMap<i32, u8>,
    /// The style being described in the style sheet: its number, outline
    /// level and name so far.
    table_style: Option<(i32, Option<u8>, String)>,
    /// Characters still to skip after `\uN`.
    fallback: u32,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// `\'hh` and 8-bit bytes not yet decoded, with their code page.
    bytes_pending: Vec<u8>,
    pending_enc: &'static Encoding,
    text: String,
    paras: Vec<Para>,
    /// The row definition of each table depth (1 first): a nested table's
    /// rows are defined inside the outer row, before the outer row ends.
    rows: Vec<RowDef>,
    /// `\*` just read: the next control word names a starred destination.
    starred: bool,
    /// Nothing but `\*` read yet in the group just opened: a control word
    /// here may name a destination (only there can one).
    fresh: bool,
    /// Cell definitions kept by the row ends so far.
    row_cells: usize,
    /// Where in `paras` the cells of the open row (at depth 1) end.
    cell_ends: Vec<usize>,
    /// Paragraphs left out when the tables are built (the end marks of
    /// empty cells merged into the cell on their left).
    dropped: Vec<usize>,
    /// Bytes of text in the paragraphs ended so far.
    text_bytes: usize,
    /// For each text box being read, its group's depth and the text of the
    /// paragraph it is anchored in.
    anchors: Vec<(usize, String)>,
    /// The file is valid UTF-8: its 8-bit bytes (not `\'hh` escapes) are
    /// UTF-8, as tools that write RTF by hand leave them. Found at the first
    /// such byte: Word and LibreOffice escape them all, so most files need
    /// no pass over their bytes for it.
    raw_utf8: Option<bool>,
}

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    let mut r = Reader {
        bytes,
        at: 0,
        state: State {
            dest: Dest::Body,
            uc: 1,
            font: 0,
            hidden: false,
            deleted: false,
            intbl: false,
            itap: 1,
            outline: None,
            style_outline: None,
            label: false,
        },
        stack: Vec::new(),
        charsets: Default::default(),
        default_font: 0,
        ansi: encoding_rs::WINDOWS_1252,
        table_font: 0,
        style_outlines: Default::default(),
        table_style: None,
        fallback: 0,
        high: None,
        bytes_pending: Vec::new(),
        pending_enc: encoding_rs::WINDOWS_1252,
        text: String::new(),
        paras: Vec::new(),
        rows: Vec::new(),
        starred: false,
        fresh: false,
        anchors: Vec::new(),
        row_cells: 0,
        cell_ends: Vec::new(),
        dropped: Vec::new(),
        text_bytes: 0,
        raw_utf8: None,
    };
    r.run(limits, deadline)?;
    r.end_paragraph(Break::Paragraph)?;
    let mut paras = r.paras;
    if !r.dropped.is_empty() {
        let dropped: foldhash::HashSet<usize> = r.dropped.into_iter().collect();
        let mut i = 0;
        paras.retain(|_| {
            i += 1;
            !dropped.contains(&(i - 1))
        });
    }
    let blocks = blocks_of(paras);
    if blocks.is_empty() {
        return Err(ReadError::Corrupt(
            "the RTF file holds no text (not a report, or its text is in pictures)".into(),
        ));
    }
    Ok(Document {
        blocks,
        notes: Vec::new(),
        page_info: Default::default(),
    })
}

/// How a paragraph ends.
#[derive(Clone, Copy, PartialEq)]
enum Break {
    Paragraph,
    Cell,
    NestedCell,
    Row,
    NestedRow,
}

impl Reader<'_> {
    fn run(&mut self, limits: &Limits, deadline: &Deadline) -> Result<(), ReadError> {
        let mut tokens = 0u32;
        while let Some(&b) = self.bytes.get(self.at) {
            tokens = tokens.wrapping_add(1);
            if tokens.is_multiple_of(4096) {
                deadline.check()?;
                self.check_text()?;
            }
            self.at += 1;
            match b {
                b'{' => {
                    if self.stack.len() >= limits.max_xml_depth {
                        return Err(ReadError::TooLarge(format!(
                            "the RTF nests groups over {} deep (no report does)",
                            limits.max_xml_depth
                        )));
                    }
                    self.flush_bytes();
                    self.stack.push(self.state);
                    self.fallback = 0;
                    self.fresh = true;
                }
                b'}' => {
                    self.flush_bytes();
                    if self.anchors.last().is_some_and(|a| a.0 == self.stack.len()) {
                        self.end_paragraph(Break::Paragraph)?;
                        if let Some((_, text)) = self.anchors.pop() {
                            self.text = text;
                        }
                    }
                    if let Some(s) = self.stack.pop() {
                        self.state = s;
                    }
                    self.fallback = 0;
                    self.starred = false;
                    self.fresh = false;
                }
                b'\\' => self.control()?,
                b'\r' | b'\n' => {}
                _ => {
                    self.fresh = false;
                    if self.state.dest == Dest::StyleSheet {
                        self.style_name_byte(b);
                        continue;
                    }
                    if self.state.dest == Dest::FontTable || self.state.dest == Dest::Skipped {
                        continue;
                    }
                    if self.fallback > 0 {
                        self.fallback -= 1;
                    } else if b >= 0x80 {
                        let bytes = self.bytes;
                        let utf8 = *self
                            .raw_utf8
                            .get_or_insert_with(|| std::str::from_utf8(bytes).is_ok());
                        let enc = if utf8 {
                            encoding_rs::UTF_8
                        } else {
                            self.font_encoding()
                        };
                        self.push_byte(b, enc);
                    } else {
                        self.push_char(if b == b'\t' { '\t' } else { char::from(b) });
                    }
                }
            }
        }
        Ok(())
    }

    /// After a backslash: a control symbol, `\'hh`, or a control word with
    /// its optional number and the one space that ends it.
    fn control(&mut self) -> Result<(), ReadError> {
        let Some(&c) = self.bytes.get(self.at) else {
            return Ok(());
        };
        if !c.is_ascii_alphabetic() {
            self.at += 1;
            if c != b'*' {
                self.fresh = false;
            }
            match c {
                b'\'' => {
                    let hex = self.bytes.get(self.at..self.at + 2).and_then(|h| {
                        std::str::from_utf8(h)
                            .ok()
                            .and_then(|h| u8::from_str_radix(h, 16).ok())
                    });
                    if let Some(v) = hex {
                        self.at += 2;
                        if self.fallback > 0 {
                            self.fallback -= 1;
                        } else if self.state.dest == Dest::Body {
                            self.push_byte(v, self.font_encoding());
                        }
                    }
                }
                b'*' => self.starred = true,
                b'\\' | b'{' | b'}' => self.literal(char::from(c)),
                b'~' => self.literal('\u{a0}'),
                b'_' => self.literal('-'),
                b'\r' | b'\n' => self.end_paragraph(Break::Paragraph)?,
                _ => {}
            }
            return Ok(());
        }
        let start = self.at;
        while self.at < self.bytes.len()
            && self.bytes[self.at].is_ascii_alphabetic()
            && self.at - start < 32
        {
            self.at += 1;
        }
        let word = &self.bytes[start..self.at];
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let digits = self.at;
        let mut n: i64 = 0;
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_digit() {
            if self.at - digits < 10 {
                n = n * 10 + i64::from(self.bytes[self.at] - b'0');
            }
            self.at += 1;
        }
        let has_number = self.at > digits;
        if negative {
            n = -n;
        }
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        let n = n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        self.word(word, has_number.then_some(n))
    }

    fn word(&mut self, word: &[u8], n: Option<i32>) -> Result<(), ReadError> {
        let first = std::mem::take(&mut self.fresh);
        if std::mem::take(&mut self.starred) && word != b"nesttableprops" && word != b"shpinst" {
            self.state.dest = Dest::Skipped;
            return Ok(());
        }
        if word == b"bin" {
            // Binary data of n bytes follows (a picture's).
            let len = usize::try_from(n.unwrap_or(0)).unwrap_or(0);
            self.at = self.at.saturating_add(len).min(self.bytes.len());
            return Ok(());
        }
        if self.state.dest == Dest::Skipped {
            return Ok(());
        }
        if first && self.destination(word) {
            return Ok(());
        }
        if self.state.dest == Dest::StyleSheet {
            match word {
                b"s" => self.table_style = Some((n.unwrap_or(0), None, String::new())),
                b"outlinelevel" => {
                    if let Some(style) = &mut self.table_style {
                        style.1 = n.and_then(|l| u8::try_from(l).ok()).filter(|l| *l < 9);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if self.state.dest == Dest::FontTable {
            match word {
                b"f" => self.table_font = n.unwrap_or(0),
                b"fcharset" => {
                    self.charsets.insert(self.table_font, n.unwrap_or(0));
                }
                _ => {}
            }
            return Ok(());
        }
        let on = n != Some(0);
        match word {
            b"ansicpg" => self.ansi = code_page(n.unwrap_or(1252)),
            b"deff" => {
                self.default_font = n.unwrap_or(0);
                self.state.font = self.default_font;
            }
            b"f" => {
                self.flush_bytes();
                self.state.font = n.unwrap_or(self.default_font);
            }
            b"plain" => {
                self.state.font = self.default_font;
                self.state.hidden = false;
                self.state.deleted = false;
            }
            b"uc" => self.state.uc = u32::try_from(n.unwrap_or(1)).unwrap_or(1).min(8),
            b"u" => {
                let unit = n.unwrap_or(0).rem_euclid(65536) as u16;
                self.unicode(unit);
                self.fallback = self.state.uc;
            }
            b"v" => self.state.hidden = on,
            b"deleted" => self.state.deleted = on,
            b"pard" => {
                self.state.intbl = false;
                self.state.itap = 1;
                self.state.outline = None;
                self.state.style_outline = self.style_outlines.get(&0).copied();
            }
            b"s" => self.state.style_outline = self.style_outlines.get(&n.unwrap_or(0)).copied(),
            b"intbl" => self.state.intbl = true,
            b"itap" => {
                let depth = u32::try_from(n.unwrap_or(1)).unwrap_or(0);
                self.state.intbl = depth > 0;
                self.state.itap = depth.max(1);
            }
            b"outlinelevel" => {
                self.state.outline = n.and_then(|l| u8::try_from(l).ok()).filter(|l| *l < 9);
            }
            b"par" => self.end_paragraph(Break::Paragraph)?,
            b"sect" if !self.text.trim().is_empty() => self.end_paragraph(Break::Paragraph)?,
            b"cell" => self.end_paragraph(Break::Cell)?,
            b"nestcell" => self.end_paragraph(Break::NestedCell)?,
            b"row" => self.end_paragraph(Break::Row)?,
            b"nestrow" => self.end_paragraph(Break::NestedRow)?,
            b"trowd" => *self.row() = RowDef::default(),
            b"trleft" => self.row().left = twips(n),
            b"clvmgf" => self.row().next_vmerge = 3,
            b"clvmrg" => self.row().next_vmerge = 1,
            b"clmrg" => self.row().next_hmerge = true,
            b"cellx" => {
                let row = self.row();
                if row.edges.len() <= MAX_GRID_COLS {
                    if row.edges.is_empty() {
                        row.edges.push(row.left);
                    }
                    row.edges.push(twips(n));
                    row.vmerge.push(std::mem::take(&mut row.next_vmerge));
                    row.hmerge.push(std::mem::take(&mut row.next_hmerge));
                }
            }
            b"line" => self.literal('\n'),
            b"tab" => self.literal('\t'),
            b"emdash" => self.literal('—'),
            b"endash" => self.literal('–'),
            b"emspace" | b"enspace" | b"qmspace" => self.literal(' '),
            b"bullet" => self.literal('•'),
            b"lquote" => self.literal('‘'),
            b"rquote" => self.literal('’'),
            b"ldblquote" => self.literal('“'),
            b"rdblquote" => self.literal('”'),
            _ => {}
        }
        Ok(())
    }

    /// A group's first control word, when it names a destination: the
    /// group is then read (or skipped) as one. Whether it did.
    fn destination(&mut self, word: &[u8]) -> bool {
        match word {
            b"fonttbl" => self.state.dest = Dest::FontTable,
            b"stylesheet" => self.state.dest = Dest::StyleSheet,
            b"listtext" | b"pntext" => self.state.label = true,
            b"shptxt" => {
                // A text box's paragraphs are its own: the paragraph it is
                // anchored in goes on after it.
                self.flush_bytes();
                self.anchors
                    .push((self.stack.len(), std::mem::take(&mut self.text)));
            }
            _ if SKIPPED.contains(&word) => self.state.dest = Dest::Skipped,
            _ => return false,
        }
        true
    }

    /// Folds the cells of the row just ended that continue the cell on
    /// their left (`hmerge`) into it: the edge between them goes, and the
    /// left cell's end mark, so that its paragraphs and the continuing
    /// cell's (normally none) make one cell.
    fn merge_across(&mut self, hmerge: &[bool], pap: &mut Pap) {
        let ends = std::mem::take(&mut self.cell_ends);
        if !hmerge.iter().any(|m| *m) || ends.len() != hmerge.len() {
            return;
        }
        for k in (1..hmerge.len()).rev().filter(|k| hmerge[*k]) {
            if self.paras.get(ends[k]).is_some_and(|p| p.text == "\u{7}") {
                // An empty continuing cell (as Word wrote them) goes.
                self.dropped.push(ends[k]);
            } else if let Some(left) = self.paras.get_mut(ends[k - 1])
                && left.text.ends_with('\u{7}')
            {
                left.text.pop();
            }
            pap.edges.remove(k);
            pap.vmerge.remove(k);
        }
    }

    /// Too large once the text read (ended paragraphs and the open one)
    /// is over [`MAX_TEXT_BYTES`].
    fn check_text(&self) -> Result<(), ReadError> {
        if self.text_bytes + self.text.len() > MAX_TEXT_BYTES {
            return Err(ReadError::TooLarge(format!(
                "the RTF holds over {} MB of text (no report does)",
                MAX_TEXT_BYTES >> 20
            )));
        }
        Ok(())
    }

    /// A byte of a style's name in the style sheet; `;` ends the style.
    fn style_name_byte(&mut self, b: u8) {
        let Some((number, outline, name)) = &mut self.table_style else {
            return;
        };
        if b != b';' {
            if name.len() < 64 && b.is_ascii() {
                name.push(char::from(b));
            }
            return;
        }
        // Word's and LibreOffice's built-in names: "heading 1" … "heading 9".
        let named = name
            .trim()
            .to_ascii_lowercase()
            .strip_prefix("heading ")
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=9).contains(n))
            .map(|n| n - 1);
        if let Some(level) = outline.or(named) {
            self.style_outlines.insert(*number, level);
        }
        self.table_style = None;
    }

    /// The definition of the rows at the current table depth.
    fn row(&mut self) -> &mut RowDef {
        self.row_at(self.state.itap as usize)
    }

    fn row_at(&mut self, depth: usize) -> &mut RowDef {
        let depth = depth.clamp(1, MAX_TABLE_DEPTH);
        if self.rows.len() < depth {
            self.rows.resize_with(depth, RowDef::default);
        }
        &mut self.rows[depth - 1]
    }

    fn visible(&self) -> bool {
        self.state.dest == Dest::Body && !self.state.hidden && !self.state.deleted
    }

    /// A character written as a control word or symbol: it stands for one
    /// fallback character after `\uN`.
    fn literal(&mut self, c: char) {
        if self.fallback > 0 {
            self.fallback -= 1;
        } else {
            self.push_char(c);
        }
    }

    fn push_char(&mut self, c: char) {
        self.flush_bytes();
        if self.visible() && self.keeps(c) {
            self.text.push(c);
        }
    }

    /// Whether `c` is text: control characters are not (a field's or a
    /// content control's marks as some converters write them; the cell
    /// mark 7 would end a cell), nor a list label's tab and spaces (a
    /// label is given as the DOCX reader gives one).
    fn keeps(&self, c: char) -> bool {
        let mark = c.is_control() && c != '\t' && c != '\n';
        let label_space = self.state.label && c.is_whitespace();
        !(mark || label_space)
    }

    fn push_byte(&mut self, b: u8, enc: &'static Encoding) {
        if !self.visible() {
            return;
        }
        if enc != self.pending_enc {
            self.flush_bytes();
            self.pending_enc = enc;
        }
        self.bytes_pending.push(b);
    }

    /// UTF-16 code unit `unit` from `\uN`, surrogate pairs joined.
    fn unicode(&mut self, unit: u16) {
        self.flush_bytes();
        if (0xD800..0xDC00).contains(&unit) {
            self.high = Some(unit);
            return;
        }
        let c = match self.high.take() {
            Some(high) if (0xDC00..0xE000).contains(&unit) => char::decode_utf16([high, unit])
                .next()
                .and_then(Result::ok)
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        if self.visible() && self.keeps(c) {
            self.text.push(c);
        }
    }

    fn flush_bytes(&mut self) {
        if !self.bytes_pending.is_empty() {
            let (s, _) = self
                .pending_enc
                .decode_without_bom_handling(&self.bytes_pending);
            for c in s.chars() {
                if self.keeps(c) {
                    self.text.push(c);
                }
            }
            self.bytes_pending.clear();
        }
    }

    /// The code page of `\'hh` bytes: the font's charset when it names
    /// one, else the document's.
    fn font_encoding(&self) -> &'static Encoding {
        match self.charsets.get(&self.state.font) {
            Some(134) => encoding_rs::GB18030,
            Some(136) => encoding_rs::BIG5,
            Some(128) => encoding_rs::SHIFT_JIS,
            Some(129) => encoding_rs::EUC_KR,
            Some(204) => encoding_rs::WINDOWS_1251,
            Some(238) => encoding_rs::WINDOWS_1250,
            _ => self.ansi,
        }
    }

    fn end_paragraph(&mut self, how: Break) -> Result<(), ReadError> {
        self.flush_bytes();
        self.high = None;
        // A header's or a skipped group's paragraphs and cells are not the body's.
        if self.state.dest != Dest::Body {
            return Ok(());
        }
        let mut text = std::mem::take(&mut self.text);
        let depth = self.state.itap.max(1);
        let mut pap = Pap::default();
        pap.outline = self.state.outline.or(self.state.style_outline);
        match how {
            Break::Paragraph if !self.state.intbl => {
                // Blank body paragraphs carry nothing.
                if text.trim().is_empty() {
                    return Ok(());
                }
            }
            Break::Paragraph => {
                pap.in_table = true;
                pap.depth = depth;
            }
            Break::Cell => {
                pap.in_table = true;
                pap.depth = 1;
                text.push('\u{7}');
                self.cell_ends.push(self.paras.len());
            }
            Break::NestedCell => {
                pap.in_table = true;
                pap.inner_cell = true;
                pap.depth = depth;
            }
            Break::Row | Break::NestedRow => {
                pap.in_table = true;
                pap.row_end = how == Break::Row;
                pap.inner_row_end = how == Break::NestedRow;
                pap.depth = if how == Break::Row { 1 } else { depth };
                let row = match how {
                    Break::Row => self.row_at(1),
                    _ => self.row(),
                };
                pap.edges = row.edges.clone();
                pap.vmerge = row.vmerge.clone();
                let hmerge = row.hmerge.clone();
                if how == Break::Row {
                    self.merge_across(&hmerge, &mut pap);
                }
                self.row_cells += pap.vmerge.len();
                if self.row_cells > MAX_ROW_CELLS {
                    return Err(ReadError::TooLarge(format!(
                        "the RTF's table rows define over {MAX_ROW_CELLS} cells (no report's do)"
                    )));
                }
                text.clear();
            }
        }
        self.text_bytes += text.len();
        self.check_text()?;
        if self.paras.len() >= MAX_PARAGRAPHS {
            return Err(ReadError::TooLarge(format!(
                "the RTF holds over {MAX_PARAGRAPHS} paragraphs and cells (no report does)"
            )));
        }
        self.paras.push(Para { text, pap });
        Ok(())
    }
}

fn twips(n: Option<i32>) -> i16 {
    n.unwrap_or(0)
        .clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
}

/// `\ansicpgN` as an encoding (Windows code pages; 936 is GBK).
fn code_page(n: i32) -> &'static Encoding {
    match n {
        936 | 54936 => encoding_rs::GB18030,
        950 => encoding_rs::BIG5,
        932 => encoding_rs::SHIFT_JIS,
        949 => encoding_rs::EUC_KR,
        _ => Encoding::for_label(format!("windows-{n}").as_bytes())
            .unwrap_or(encoding_rs::WINDOWS_1252),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn doc(rtf: &str) -> Document {
        read(
            rtf.as_bytes(),
            &Limits::default(),
            &Deadline::after(Limits::default().timeout),
        )
        .unwrap()
    }

    fn paragraphs(d: &Document) -> Vec<&str> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_in_gbk_bytes_unicode_escapes_and_surrogate_pairs() {
        // 一、总体情况 as GBK bytes under a font of charset 134, then as \u
        // with one fallback byte each, then 𠀀 (U+20000) as a surrogate pair.
        let d = doc(concat!(
            r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times;}{\f1\fnil\fcharset134 SimSun;}}",
            r"{\f1 \'d2\'bb\'a1\'a2\'d7\'dc\'cc\'e5\'c7\'e9\'bf\'f6}\par ",
            r"\uc1\u19968?\u12289?\u24635?\u20307?\u24773?\u20917?\par ",
            r"\u-10176?\u-9216?\par}"
        ));
        assert_eq!(
            paragraphs(&d),
            ["一、总体情况", "一、总体情况", "\u{20000}"]
        );
    }

    #[test]
    fn legacy_horizontal_merges_make_one_cell() {
        // Word 6's merge: the continuing cell has its own \cellx and \cell.
        let rtf = concat!(
            r"{\rtf1 \trowd\clmgf\cellx1000\clmrg\cellx2000\cellx3000 ",
            r"\intbl 申请人情况\cell \cell 5\cell\row ",
            r"\trowd\cellx1000\cellx2000\cellx3000 \intbl a\cell b\cell c\cell\row \pard x\par}"
        );
        let d = doc(rtf);
        let Some(Block::Table(t)) = d.blocks.first() else {
            panic!("no table: {:?}", d.blocks)
        };
        let first: Vec<(usize, usize, &str)> = t
            .row_cells(0)
            .iter()
            .map(|c| (c.cell.col, c.cell.col_span, c.cell.text.as_str()))
            .collect();
        assert_eq!(first, [(0, 2, "申请人情况"), (2, 1, "5")]);
    }

    #[test]
    fn control_characters_in_text_end_no_cell() {
        // A raw BEL and an escaped one (the .doc cell mark) inside a body
        // paragraph, and \u7: left out, no cell ends.
        let d = doc("{\\rtf1 a\x07b\\'07c\\u7?d\\par}");
        assert_eq!(paragraphs(&d), ["abcd"]);
        assert!(d.blocks.iter().all(|b| matches!(b, Block::Paragraph(_))));
    }

    #[test]
    fn skipped_destinations_hidden_and_deleted_text_are_left_out() {
        let d = doc(concat!(
            r"{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}",
            r"{\info{\title 标题}}{\*\generator x;}{\header 页眉\par}",
            r"正文{\v 隐藏}{\deleted 删除}{\field{\*\fldinst PAGE}{\fldrslt 3}}\par}"
        ));
        assert_eq!(paragraphs(&d), ["正文3"]);
    }

    #[test]
    fn a_table_with_a_vertical_merge_and_cells_of_two_paragraphs() {
        // Two rows: a label merged down over both, and cells 1 | 2, 3 | 4;
        // the first row's second cell holds two paragraphs.
        let row = |first: &str, cells: &str| {
            format!(r"\trowd\trleft0{first}\cellx1000\cellx2000\cellx3000 {cells}\row ")
        };
        let rtf = format!(
            r"{{\rtf1 before\par {}{}\pard after\par}}",
            row(r"\clvmgf", r"\intbl 标签\cell 1\par 一\cell 2\cell"),
            row(r"\clvmrg", r"\intbl \cell 3\cell 4\cell"),
        );
        let d = doc(&rtf);
        assert_eq!(paragraphs(&d), ["before", "after"]);
        let Some(Block::Table(t)) = d.blocks.get(1) else {
            panic!("no table: {:?}", d.blocks)
        };
        assert_eq!(t.n_rows(), 2);
        let texts: Vec<Vec<(&str, bool)>> = (0..2)
            .map(|r| {
                t.row_cells(r)
                    .iter()
                    .map(|c| (c.cell.text.as_str(), c.continued))
                    .collect()
            })
            .collect();
        assert_eq!(
            texts,
            [
                vec![("标签", false), ("1\n一", false), ("2", false)],
                vec![("标签", true), ("3", false), ("4", false)],
            ]
        );
    }

    #[test]
    fn a_text_box_is_read_where_it_is_anchored() {
        // LibreOffice writes a floating table as a shape whose text is the
        // table; the paragraph it is anchored in goes on after it.
        let d = doc(concat!(
            r"{\rtf1 before {\shp{\*\shpinst\shpleft0{\sp{\sn shapeType}{\sv 202}}",
            r"{\shptxt box\par}}{\shprslt picture}} after\par}"
        ));
        assert_eq!(paragraphs(&d), ["box", "before  after"]);
    }

    #[test]
    fn headings_by_style_and_list_labels_as_written() {
        let d = doc(concat!(
            r"{\rtf1{\stylesheet{\s0 Normal;}{\s1\sbasedon0 heading 1;}{\s2\outlinelevel1 \'b1\'ea\'cc\'e2;}}",
            r"\pard\s1 {\listtext\pard\plain  \u19968?\u12289?\tab}\u24635?\u20307?\par ",
            r"\pard\s2 \u65288?\u19968?\u65289?\par ",
            r"\pard\s0 \u27491?\u25991?\par}"
        ));
        let got: Vec<(&str, Option<u8>)> = d
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some((p.text.as_str(), p.heading_level)),
                _ => None,
            })
            .collect();
        assert_eq!(
            got,
            [("一、总体", Some(0)), ("（一）", Some(1)), ("正文", None)]
        );
    }

    #[test]
    fn a_row_with_a_cell_of_no_width_places_its_cells_in_order() {
        // A converter passed a zero-width cell through: 规章 | 3 | 101 would
        // otherwise share columns.
        let row = |edges: &str, cells: &str| format!(r"\trowd{edges} {cells}\row ");
        let rtf = format!(
            r"{{\rtf1 {}{}\pard x\par}}",
            row(
                r"\cellx1000\cellx2000\cellx3000",
                r"\intbl a\cell b\cell c\cell"
            ),
            row(
                r"\cellx1000\cellx1000\cellx3000",
                r"\intbl 规章\cell 3\cell 101\cell"
            ),
        );
        let d = doc(&rtf);
        let Some(Block::Table(t)) = d.blocks.first() else {
            panic!("no table: {:?}", d.blocks)
        };
        let second: Vec<(usize, &str)> = t
            .row_cells(1)
            .iter()
            .map(|c| (c.cell.col, c.cell.text.as_str()))
            .collect();
        assert_eq!(second, [(0, "规章"), (1, "3"), (2, "101")]);
    }

    #[test]
    fn groups_nested_past_the_limit_are_too_large() {
        let rtf = format!(r"{{\rtf1 {}x{}}}", "{".repeat(100_000), "}".repeat(100_000));
        let e = read(
            rtf.as_bytes(),
            &Limits::default(),
            &Deadline::after(Limits::default().timeout),
        )
        .unwrap_err();
        assert_eq!(e.code(), "too_large");
    }
}
