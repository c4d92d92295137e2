//! DOCX (WordprocessingML) reader: a streaming pass over word/document.xml
//! with the OOXML scanner (`xml_scan`); styles and numbering with quick-xml.
//! No DOM is built: reports are read once, front to back, and only the
//! structure the model needs is kept.

use super::numbering::{Numbering, Styles, style_references, styles_subset};
use super::ooxml_zip::{self, Budget};
use super::xml_scan::{Event, ScanError, Scanner, Tag as XmlTag, unescape_into};
use super::{Deadline, Limits, ReadError};
use crate::model::{Block, Cell, CellBuilder, Document, Paragraph, Table};
use quick_xml::events::Event as QEvent;

const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    // Word 2003 XML (one file, no package): the same body elements.
    WORD_2003_NS,
];
const WORD_2003_NS: &[u8] = b"http://schemas.microsoft.com/office/word/2003/wordml";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    read_package(bytes, limits, deadline, &mut Budget::default(), 0)
}

/// A Word 2003 XML document (WordprocessingML in one file, as Word saves
/// "Word XML" and as Java systems fill templates to make `.doc` files):
/// its body read as a DOCX body. Its inline styles and list definitions
/// are not used; a list item's number is taken as Word displayed it.
pub fn read_word_2003(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Document, ReadError> {
    if bytes.len() as u64 > limits.max_member_bytes {
        return Err(ReadError::TooLarge(format!(
            "the document is {} bytes of XML, over the {}-byte limit",
            bytes.len(),
            limits.max_member_bytes
        )));
    }
    let styles = Styles::default();
    let parser = BodyParser::new(&styles, Numbering::default(), limits, deadline);
    Ok(parser.parse(bytes)?.0)
}

/// Whether `bytes` are a Word 2003 XML document: its processing
/// instruction or root element near the start.
pub fn is_word_2003(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.trim_ascii_start().starts_with(b"<?xml")
        && (super::find(head, b"progid=\"Word.Document\"").is_some()
            || super::find(head, b"wordDocument").is_some()
                && super::find(head, WORD_2003_NS).is_some())
}

/// Chunks of other documents (w:altChunk) are read this deep: a DOCX chunk
/// holding a DOCX chunk is read, one more level is not.
const MAX_CHUNK_DEPTH: usize = 2;

/// Chunks a package's body imports that are read (a report imports one, or
/// a few): past them, an `unread_chunk` note. With the depth bound, a file
/// of chunks of chunks reads a few thousand parts at most, every part's
/// bytes counted against the one budget of the outermost package.
const MAX_CHUNKS: usize = 64;

fn read_package(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
    budget: &mut Budget,
    depth: usize,
) -> Result<Document, ReadError> {
    let mut zip = ooxml_zip::open(bytes)?;
    let main = main_part(&mut zip, limits, budget)?;
    let xml = ooxml_zip::read_text(&mut zip, &main, limits, budget)?.ok_or_else(|| {
        ReadError::Corrupt(format!(
            "the package has no {main}: it is a zip file but not a Word document, or it is damaged"
        ))
    })?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let part = |name: &str| {
        if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        }
    };
    // Styles and numbering are optional; a broken one costs numbering, not the document.
    let numbering_xml = ooxml_zip::read_text(&mut zip, &part("numbering.xml"), limits, budget)?;
    // Only the styles the document and its lists use are parsed (and what
    // they are based on): Word's default styles.xml is ~440 KB.
    let mut used = foldhash::HashSet::default();
    style_references(&xml, &mut used);
    if let Some(n) = &numbering_xml {
        style_references(n, &mut used);
    }
    let styles = ooxml_zip::read_text(&mut zip, &part("styles.xml"), limits, budget)?
        .and_then(|x| {
            let subset = styles_subset(&x, &used);
            Styles::parse(subset.as_deref().unwrap_or(&x), limits.max_xml_depth).ok()
        })
        .unwrap_or_default();
    let numbering = numbering_xml
        .and_then(|x| Numbering::parse(&x, limits.max_xml_depth).ok())
        .unwrap_or_default();
    deadline.check()?;
    let parser = BodyParser::new(&styles, numbering, limits, deadline);
    let (mut doc, chunks) = parser.parse(&xml)?;
    if !chunks.is_empty() {
        let rels = format!(
            "{}_rels/{}.rels",
            if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            },
            main.rsplit('/').next().unwrap_or(&main)
        );
        let targets: foldhash::HashMap<String, String> =
            relationship_targets(&mut zip, &rels, dir, limits, budget)?
                .into_iter()
                .collect();
        if chunks.len() > MAX_CHUNKS {
            doc.notes.push((
                "unread_chunk",
                format!(
                    "the document imports {} parts; the first {MAX_CHUNKS} were read",
                    chunks.len()
                ),
            ));
        }
        // From the last, so each chunk's place in the body stays put.
        for (at, id) in chunks.iter().take(MAX_CHUNKS).rev() {
            deadline.check()?;
            let Some(target) = targets.get(id) else {
                continue;
            };
            let read = ooxml_zip::read_text(&mut zip, target, limits, budget).and_then(|bytes| {
                let Some(bytes) = bytes else { return Ok(None) };
                match super::sniff(&bytes) {
                    super::Format::Html => super::html::read(&bytes, limits, deadline),
                    super::Format::Rtf => super::rtf::read(&bytes, limits, deadline),
                    super::Format::Docx if depth < MAX_CHUNK_DEPTH => {
                        read_package(&bytes, limits, deadline, budget, depth + 1)
                    }
                    _ => Err(ReadError::Unsupported(
                        "it is in a format other than HTML, MHTML, RTF or DOCX".into(),
                    )),
                }
                .map(Some)
            });
            // A chunk that cannot be read (damaged, too large, another
            // format) costs its own text, not the document's.
            let chunk = match read {
                Ok(Some(chunk)) => chunk,
                Ok(None) => continue,
                Err(ReadError::Timeout) => return Err(ReadError::Timeout),
                Err(e) => {
                    doc.notes.push((
                        "unread_chunk",
                        format!("the part {target} imported into the document was not read: {e}"),
                    ));
                    continue;
                }
            };
            let at = (*at).min(doc.blocks.len());
            doc.blocks.splice(at..at, chunk.blocks);
            // (A note repeated by chunks of chunks is given once.)
            for note in chunk.notes {
                if !doc.notes.contains(&note) {
                    doc.notes.push(note);
                }
            }
        }
    }
    Ok(doc)
}

/// A part's relationships as (id, target part name), targets resolved
/// against the part's folder `dir` (or the package root when absolute).
fn relationship_targets(
    zip: &mut ooxml_zip::Archive<'_>,
    rels: &str,
    dir: &str,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<(String, String)>, ReadError> {
    let Some(xml) = ooxml_zip::read_text(zip, rels, limits, budget)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut r = quick_xml::reader::Reader::from_reader(xml.as_slice());
    loop {
        match r.read_event() {
            Ok(QEvent::Empty(e) | QEvent::Start(e))
                if e.local_name().as_ref().as_bytes() == b"Relationship" =>
            {
                let (mut id, mut target) = (String::new(), String::new());
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref().as_bytes() {
                        b"Id" => id = a.value.to_string(),
                        b"Target" => target = a.value.to_string(),
                        _ => {}
                    }
                }
                let target = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None if dir.is_empty() => target,
                    None => format!("{dir}/{target}"),
                };
                out.push((id, target));
            }
            Ok(QEvent::Eof) | Err(_) => return Ok(out),
            _ => {}
        }
    }
}

/// The main document part named in _rels/.rels (usually word/document.xml).
fn main_part(
    zip: &mut ooxml_zip::Archive<'_>,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<String, ReadError> {
    const DEFAULT: &str = "word/document.xml";
    if zip.index_for_name(DEFAULT).is_some() {
        return Ok(DEFAULT.into());
    }
    let Some(rels) = ooxml_zip::read_text(zip, "_rels/.rels", limits, budget)? else {
        return Ok(DEFAULT.into());
    };
    let mut r = quick_xml::reader::Reader::from_reader(rels.as_slice());
    loop {
        match r.read_event() {
            Ok(QEvent::Empty(e) | QEvent::Start(e))
                if e.local_name().as_ref().as_bytes() == b"Relationship" =>
            {
                let mut ty = String::new();
                let mut target = String::new();
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref().as_bytes() {
                        b"Type" => ty = a.value.to_string(),
                        b"Target" => target = a.value.to_string(),
                        _ => {}
                    }
                }
                if ty.ends_with("/officeDocument") {
                    return Ok(target.trim_start_matches('/').to_string());
                }
            }
            Ok(QEvent::Eof) | Err(_) => return Ok(DEFAULT.into()),
            _ => {}
        }
    }
}

#[derive(Default)]
struct ParaB {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<i64>,
    ilvl: Option<u8>,
    /// Text boxes anchored in this paragraph, emitted after it.
    floating: Vec<Block>,
}

#[derive(Default)]
struct CellB {
    blocks: Vec<Block>,
    span: usize,
    /// `Some(true)` restart, `Some(false)` continue.
    vmerge: Option<bool>,
    hmerge_continue: bool,
    width: Option<i64>,
}

#[derive(Default)]
struct RowB {
    cells: Vec<CellB>,
    grid_before: usize,
    grid_after: usize,
    w_before: Option<i64>,
}

#[derive(Default)]
struct TableB {
    grid: Vec<i64>,
    rows: Vec<RowB>,
}

enum Sink {
    Body(Vec<Block>),
    Cell(CellB),
    TextBox(Vec<Block>),
}

impl Sink {
    fn blocks(&mut self) -> &mut Vec<Block> {
        match self {
            Sink::Body(b) | Sink::TextBox(b) => b,
            Sink::Cell(c) => &mut c.blocks,
        }
    }
}

/// What an open element is, as far as the parser cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    NumPr,
    R,
    RPr,
    T,
    Tbl,
    TblGrid,
    Tr,
    TrPr,
    Tc,
    TcPr,
    TxbxContent,
    /// Word 2003 XML's list properties.
    ListPr,
    Alt,
    Other,
}

struct BodyParser<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    limits: &'a Limits,
    deadline: &'a Deadline,
    sinks: Vec<Sink>,
    tables: Vec<TableB>,
    paras: Vec<ParaB>,
    stack: Vec<Tag>,
    /// One entry per open complex field: true once past `separate`.
    fields: Vec<bool>,
    /// How many of them are still in their code (text is shown only at
    /// none): kept as they change, so no text scans the fields open.
    fields_in_code: usize,
    /// One entry per open mc:AlternateContent: true once a Choice was read.
    alts: Vec<bool>,
    run_hidden: bool,
    /// Table cells read so far (each holds a few hundred bytes).
    cells: usize,
    /// Paragraphs read so far, in cells too (each some 250 bytes).
    paragraphs: usize,
    /// Chunks of other documents (w:altChunk) in the body: where they stand
    /// (a count of the body's blocks before them) and their relationship id.
    chunks: Vec<(usize, String)>,
}

/// Table cells a document may hold in all: a report's tables have a few
/// thousand, while 60 MB of document.xml (a 4.7 MB file) made 1.25 million
/// cells and 590 MB before this bound.
const MAX_CELLS_PER_DOCUMENT: usize = 300_000;

/// Paragraphs a document may hold in all (every cell holds one): a report
/// has a few thousand, while 54 MB of one-letter paragraphs (a 4.7 MB
/// file) made 1.5 million and 377 MB before this bound.
const MAX_PARAGRAPHS_PER_DOCUMENT: usize = 600_000;

/// Which element prefixes mean WordprocessingML and markup compatibility.
/// Taken from the root element's declarations: resolving namespaces per
/// event costs a quarter of the reading time, and Word, WPS and LibreOffice
/// declare both on the root.
struct Prefixes {
    w: Vec<Vec<u8>>,
    mc: Vec<Vec<u8>>,
}

/// What namespace an element is in, as far as the parser cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

impl Prefixes {
    fn from_root(e: &XmlTag<'_>) -> Prefixes {
        let mut p = Prefixes {
            w: Vec::new(),
            mc: Vec::new(),
        };
        for (key, value) in e.attributes() {
            let prefix = if key == b"xmlns" {
                Vec::new()
            } else if let Some(rest) = key.strip_prefix(b"xmlns:") {
                rest.to_vec()
            } else {
                continue;
            };
            if W_NS.contains(&value) {
                p.w.push(prefix);
            } else if value == MC_NS {
                p.mc.push(prefix);
            }
        }
        if p.w.is_empty() {
            // Undeclared: assume the conventional prefix.
            p.w.push(b"w".to_vec());
        }
        if p.mc.is_empty() {
            p.mc.push(b"mc".to_vec());
        }
        // Sorted, so a root declaring thousands is searched by halves (the
        // one or two that writers declare are compared in turn).
        p.w.sort_unstable();
        p.mc.sort_unstable();
        p
    }

    // Called for every element: left to the compiler it was not inlined
    // once it could search by halves (+2 % instructions on a WPS file).
    #[inline(always)]
    fn of(&self, e: &XmlTag<'_>) -> Ns {
        let prefix = e.prefix();
        let find = |set: &[Vec<u8>]| {
            if set.len() <= 8 {
                set.iter().any(|p| p.as_slice() == prefix)
            } else {
                among_many(set, prefix)
            }
        };
        if find(&self.w) {
            Ns::W
        } else if find(&self.mc) {
            Ns::Mc
        } else {
            Ns::Other
        }
    }
}

/// Whether `prefix` is in the sorted `set` (a root that declares many).
#[cold]
fn among_many(set: &[Vec<u8>], prefix: &[u8]) -> bool {
    set.binary_search_by(|p| p.as_slice().cmp(prefix)).is_ok()
}

/// A `w:w` percentage width in fiftieths of a percent.
fn val_pct(e: &XmlTag<'_>) -> Option<i64> {
    let raw = e.attr(b"w")?;
    let v = match raw.trim().strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().ok()? * 50.0,
        None => raw.trim().parse::<f64>().ok()?,
    };
    (v > 0.0).then_some(v as i64)
}

fn not_utf8(e: std::str::Utf8Error) -> ReadError {
    ReadError::Corrupt(format!(
        "word/document.xml has text that is not UTF-8 ({e}); the file may be damaged"
    ))
}

fn scan_error(e: ScanError, max_depth: usize) -> ReadError {
    if e.too_deep {
        return ReadError::TooLarge(format!(
            "word/document.xml nests elements more than {max_depth} deep"
        ));
    }
    ReadError::Corrupt(format!(
        "word/document.xml is not well-formed XML ({e}); the file may be truncated or damaged"
    ))
}

/// Elements whose whole subtree carries nothing for us (or would double text).
fn skipped_w(local: &[u8]) -> bool {
    matches!(
        local,
        b"del"
            | b"moveFrom"
            | b"sdtPr"
            | b"sdtEndPr"
            | b"pPrChange"
            | b"rPrChange"
            | b"tcPrChange"
            | b"trPrChange"
            | b"tblPrChange"
            | b"sectPrChange"
            | b"tblGridChange"
            | b"numberingChange"
            | b"instrText"
            | b"delText"
            | b"delInstrText"
            | b"footnoteReference"
            | b"endnoteReference"
            | b"commentReference"
            | b"rt"
            | b"sectPr"
    )
}

impl<'a> BodyParser<'a> {
    fn new(
        styles: &'a Styles,
        numbering: Numbering,
        limits: &'a Limits,
        deadline: &'a Deadline,
    ) -> Self {
        BodyParser {
            styles,
            numbering,
            limits,
            deadline,
            sinks: vec![Sink::Body(Vec::new())],
            tables: Vec::new(),
            paras: Vec::new(),
            stack: Vec::new(),
            fields: Vec::new(),
            fields_in_code: 0,
            alts: Vec::new(),
            run_hidden: false,
            cells: 0,
            paragraphs: 0,
            chunks: Vec::new(),
        }
    }

    /// The body's blocks, and the chunks of other documents it imports.
    fn parse(mut self, xml: &[u8]) -> Result<(Document, Vec<(usize, String)>), ReadError> {
        let max_depth = self.limits.max_xml_depth;
        let mut r = Scanner::new(xml, max_depth);
        let mut prefixes: Option<Prefixes> = None;
        let mut events: u64 = 0;
        // While passing over an ignored subtree: the depth its end returns to.
        let mut skipping: Option<usize> = None;
        loop {
            events += 1;
            if events.is_multiple_of(4096) {
                self.deadline.check()?;
                if self.cells > MAX_CELLS_PER_DOCUMENT {
                    return Err(ReadError::TooLarge(format!(
                        "word/document.xml holds more than {MAX_CELLS_PER_DOCUMENT} table cells; no report holds that many"
                    )));
                }
                if self.paragraphs > MAX_PARAGRAPHS_PER_DOCUMENT {
                    return Err(ReadError::TooLarge(format!(
                        "word/document.xml holds more than {MAX_PARAGRAPHS_PER_DOCUMENT} paragraphs; no report holds that many"
                    )));
                }
            }
            let ev = r.next().map_err(|e| scan_error(e, max_depth))?;
            if let Some(depth) = skipping {
                // Its events are read (and checked) but not handled.
                match ev {
                    Event::Eof => break,
                    Event::End if r.depth() == depth => skipping = None,
                    _ => {}
                }
                continue;
            }
            match ev {
                Event::Start(e) => {
                    // (The scanner bounds nesting: this stack is never deeper.)
                    let p = prefixes.get_or_insert_with(|| Prefixes::from_root(&e));
                    match self.open(p.of(&e), &e, false) {
                        None => skipping = Some(r.depth() - 1),
                        Some(t) => self.stack.push(t),
                    }
                }
                Event::Empty(e) => {
                    // An empty element opens and closes at once.
                    let p = prefixes.get_or_insert_with(|| Prefixes::from_root(&e));
                    if let Some(t) = self.open(p.of(&e), &e, true) {
                        self.close(t);
                    }
                }
                Event::End => {
                    if let Some(t) = self.stack.pop() {
                        self.close(t);
                    }
                }
                Event::Text(t) if self.in_text() => {
                    if let Some(p) = self.paras.last_mut() {
                        unescape_into(t, &mut p.text).map_err(not_utf8)?;
                    }
                }
                Event::CData(t) if self.in_text() => {
                    let s = std::str::from_utf8(t).map_err(not_utf8)?;
                    self.push_text(s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // Close whatever a truncated document left open.
        while let Some(t) = self.stack.pop() {
            self.close(t);
        }
        let mut blocks = Vec::new();
        for s in self.sinks.drain(..) {
            match s {
                Sink::Body(b) | Sink::TextBox(b) => blocks.extend(b),
                Sink::Cell(c) => blocks.extend(c.blocks),
            }
        }
        Ok((
            Document {
                blocks,
                notes: Vec::new(),
                page_info: Default::default(),
            },
            self.chunks,
        ))
    }

    fn in_text(&self) -> bool {
        self.stack.last() == Some(&Tag::T) && !self.run_hidden && self.fields_in_code == 0
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn parent(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    /// Handles an opening tag. Returns the tag to push, or `None` to skip the
    /// element's subtree.
    fn open(&mut self, ns: Ns, e: &XmlTag<'_>, empty: bool) -> Option<Tag> {
        let local = e.local();
        if ns == Ns::Mc {
            return match local {
                b"AlternateContent" => {
                    self.alts.push(false);
                    Some(Tag::Alt)
                }
                // Read the first Choice only; Fallback repeats the same content.
                b"Choice" if self.alts.last() == Some(&false) => {
                    if let Some(a) = self.alts.last_mut() {
                        *a = true;
                    }
                    Some(Tag::Other)
                }
                _ => None,
            };
        }
        if ns != Ns::W {
            // Word 2003 XML gives a list item's number as it displays it
            // (`<wx:t wx:val="一、"/>` in w:listPr): the paragraph's label.
            if local == b"t"
                && self.parent() == Some(Tag::ListPr)
                && let (Some(label), Some(p)) = (e.attr(b"val"), self.paras.last_mut())
                && p.text.is_empty()
            {
                p.text.push_str(label.trim_end());
            }
            // Drawing and VML wrappers are walked through: text boxes inside
            // them hold w:txbxContent.
            return Some(Tag::Other);
        }
        if skipped_w(local) {
            return None;
        }
        let parent = self.parent();
        let tag = match local {
            // Another document (HTML, MHTML, DOCX) Word imports where it
            // stands, as pages exported to Word by html-docx-js are: read
            // after the body. In the body only (none stands in a table).
            b"altChunk" => {
                if let ([Sink::Body(blocks)], Some(id)) = (self.sinks.as_slice(), e.attr(b"id")) {
                    self.chunks.push((blocks.len(), id));
                }
                return None;
            }
            b"p" => {
                self.paras.push(ParaB::default());
                Tag::P
            }
            b"pPr" if parent == Some(Tag::P) => Tag::PPr,
            b"pStyle" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = e.val();
                }
                Tag::Other
            }
            b"outlineLvl" if parent == Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = e.val_num().map(|v| v.clamp(0, 9) as u8);
                }
                Tag::Other
            }
            b"numPr" if parent == Some(Tag::PPr) => Tag::NumPr,
            b"listPr" if parent == Some(Tag::PPr) => Tag::ListPr,
            b"numId" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = e.val_num();
                }
                Tag::Other
            }
            b"ilvl" if parent == Some(Tag::NumPr) => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = e.val_num().map(|v| v.clamp(0, 8) as u8);
                }
                Tag::Other
            }
            b"r" => {
                self.run_hidden = false;
                Tag::R
            }
            b"rPr" if parent == Some(Tag::R) => Tag::RPr,
            b"vanish" if parent == Some(Tag::RPr) => {
                self.run_hidden = !matches!(e.val().as_deref(), Some("0" | "false" | "off"));
                Tag::Other
            }
            // Paragraph-mark properties and table formatting carry no text.
            b"rPr" | b"tblPr" | b"tcBorders" | b"tblBorders" | b"pBdr" | b"shd" | b"tabs"
            | b"object" | b"fldData" => return None,
            b"t" if parent == Some(Tag::R) => Tag::T,
            b"tab" if parent == Some(Tag::R) => {
                self.push_text_if_visible("\t");
                Tag::Other
            }
            b"br" | b"cr" if parent == Some(Tag::R) => {
                self.push_text_if_visible("\n");
                Tag::Other
            }
            b"noBreakHyphen" if parent == Some(Tag::R) => {
                self.push_text_if_visible("-");
                Tag::Other
            }
            b"fldChar" => {
                match e.raw_attr(b"fldCharType") {
                    Some(b"begin") => {
                        self.fields.push(false);
                        self.fields_in_code += 1;
                    }
                    Some(b"separate") => {
                        if let Some(f) = self.fields.last_mut()
                            && !*f
                        {
                            *f = true;
                            self.fields_in_code -= 1;
                        }
                    }
                    Some(b"end") => {
                        let was_in_code = self.fields.pop() == Some(false);
                        self.fields_in_code -= usize::from(was_in_code);
                    }
                    _ => {}
                }
                Tag::Other
            }
            b"txbxContent" => {
                self.sinks.push(Sink::TextBox(Vec::new()));
                Tag::TxbxContent
            }
            b"tbl" => {
                self.tables.push(TableB::default());
                Tag::Tbl
            }
            b"tblGrid" if parent == Some(Tag::Tbl) => Tag::TblGrid,
            b"gridCol" if parent == Some(Tag::TblGrid) => {
                if let Some(t) = self.tables.last_mut() {
                    t.grid.push(e.attr_num(b"w").unwrap_or(0));
                }
                Tag::Other
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(RowB::default());
                }
                Tag::Tr
            }
            b"trPr" if parent == Some(Tag::Tr) => Tag::TrPr,
            b"gridBefore" | b"gridAfter" | b"wBefore" if parent == Some(Tag::TrPr) => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    match local {
                        b"gridBefore" => {
                            row.grid_before = e.val_num().unwrap_or(0).clamp(0, 64) as usize
                        }
                        b"gridAfter" => {
                            row.grid_after = e.val_num().unwrap_or(0).clamp(0, 64) as usize
                        }
                        _ => row.w_before = e.attr_num(b"w"),
                    }
                }
                Tag::Other
            }
            b"tc" => {
                self.sinks.push(Sink::Cell(CellB {
                    span: 1,
                    ..CellB::default()
                }));
                Tag::Tc
            }
            b"tcPr" if parent == Some(Tag::Tc) => Tag::TcPr,
            // (Word 2003 XML spells the merges vmerge and hmerge.)
            b"gridSpan" | b"vMerge" | b"hMerge" | b"vmerge" | b"hmerge" | b"tcW"
                if parent == Some(Tag::TcPr) =>
            {
                if let Some(Sink::Cell(c)) = self.sinks.last_mut() {
                    match local {
                        b"gridSpan" => c.span = e.val_num().unwrap_or(1).clamp(1, 64) as usize,
                        b"vMerge" | b"vmerge" => {
                            c.vmerge = Some(e.val().as_deref() == Some("restart"))
                        }
                        b"hMerge" | b"hmerge" => {
                            c.hmerge_continue = e.val().as_deref() != Some("restart")
                        }
                        _ => {
                            c.width = match e.raw_attr(b"type") {
                                None | Some(b"dxa") => e.attr_num(b"w").filter(|w| *w > 0),
                                // Fiftieths of a percent ("2500"), or "50%": only
                                // compared within one table, so the scale is free.
                                Some(b"pct") => val_pct(e),
                                _ => None,
                            };
                        }
                    }
                }
                Tag::Other
            }
            _ => Tag::Other,
        };
        if empty && tag == Tag::T {
            return Some(Tag::Other);
        }
        Some(tag)
    }

    fn push_text_if_visible(&mut self, s: &str) {
        if !self.run_hidden && self.fields_in_code == 0 {
            self.push_text(s);
        }
    }

    fn close(&mut self, tag: Tag) {
        match tag {
            Tag::P => {
                if let Some(p) = self.paras.pop() {
                    self.paragraphs += 1;
                    let (para, floating) = self.finish_paragraph(p);
                    let sink = self.sinks.last_mut().map(Sink::blocks);
                    if let Some(blocks) = sink {
                        blocks.push(Block::Paragraph(para));
                        blocks.extend(floating);
                    }
                }
            }
            Tag::TxbxContent => {
                if let Some(Sink::TextBox(blocks)) = self.sinks.pop() {
                    match self.paras.last_mut() {
                        Some(p) => p.floating.extend(blocks),
                        None => {
                            if let Some(s) = self.sinks.last_mut() {
                                s.blocks().extend(blocks);
                            }
                        }
                    }
                }
            }
            Tag::Tc => {
                if let Some(Sink::Cell(c)) = self.sinks.pop()
                    && let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut())
                {
                    self.cells += 1;
                    row.cells.push(c);
                }
            }
            Tag::Tbl => {
                if let Some(t) = self.tables.pop() {
                    let table = resolve_table(t);
                    if let Some(s) = self.sinks.last_mut() {
                        s.blocks().push(Block::Table(table));
                    }
                }
            }
            Tag::Alt => {
                self.alts.pop();
            }
            Tag::R => self.run_hidden = false,
            _ => {}
        }
    }

    fn finish_paragraph(&mut self, p: ParaB) -> (Paragraph, Vec<Block>) {
        let style = p.style.clone().or_else(|| self.styles.default_para.clone());
        let style_num = style.as_deref().and_then(|s| self.styles.numbering(s));
        let num = match p.num_id {
            Some(id) if id <= 0 => None,
            Some(id) => Some((id, p.ilvl.or(style_num.and_then(|(_, l)| l)))),
            None => style_num,
        };
        let label = num.and_then(|(id, ilvl)| {
            let ilvl = ilvl
                .or_else(|| {
                    style
                        .as_deref()
                        .and_then(|s| self.numbering.level_for_style(id, s))
                })
                .unwrap_or(0);
            self.numbering.next_label(id, ilvl)
        });
        let mut text = p.text;
        if let Some(l) = label {
            text.insert_str(0, &l);
        }
        let heading_level = p
            .outline
            .or_else(|| style.as_deref().and_then(|s| self.styles.outline_level(s)))
            .filter(|l| *l < 9);
        (
            Paragraph {
                text,
                heading_level,
            },
            p.floating,
        )
    }
}

fn blocks_text(blocks: &[Block]) -> String {
    // Paragraphs and table rows, one a line; a row's cells apart by a space.
    let mut out = String::new();
    let mut first = true;
    let mut line = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push('\n');
        }
    };
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                line(&mut out);
                out.push_str(&p.text);
            }
            Block::Image(_) => {}
            Block::Table(t) => {
                for r in 0..t.n_rows() {
                    line(&mut out);
                    let cells = t.row_cells(r);
                    for (k, c) in cells.iter().filter(|c| !c.continued).enumerate() {
                        if k > 0 {
                            out.push(' ');
                        }
                        out.push_str(&c.cell.text);
                    }
                }
            }
        }
    }
    out
}

/// Places the cells of a parsed table on a grid: by `gridSpan` when the spans
/// agree with `w:tblGrid`, else by the cells' widths (WPS writes grids that
/// disagree with its cells), then joins vertical merges.
fn resolve_table(t: TableB) -> Table {
    let rows: Vec<RowB> = t
        .rows
        .into_iter()
        .map(|mut r| {
            // Legacy horizontal merges: fold continuation cells into the left one.
            let mut cells: Vec<CellB> = Vec::with_capacity(r.cells.len());
            for c in r.cells.drain(..) {
                match cells.last_mut() {
                    Some(prev) if c.hmerge_continue => {
                        prev.span += c.span;
                        prev.width = match (prev.width, c.width) {
                            (Some(a), Some(b)) => Some(a + b),
                            _ => None,
                        };
                    }
                    _ => cells.push(c),
                }
            }
            r.cells = cells;
            r
        })
        .collect();
    let positions = span_positions(&rows, t.grid.len())
        .or_else(|| width_positions(&rows, &t.grid))
        .unwrap_or_else(|| span_positions_unchecked(&rows));

    let mut cells = CellBuilder::default();
    for (r, (row, pos)) in rows.into_iter().zip(positions).enumerate() {
        for (c, (start, span)) in row.cells.into_iter().zip(pos) {
            if c.vmerge == Some(false)
                && let Some(a) = cells.merge_down(r, start)
            {
                // Text typed into a continuation cell still belongs to the merge.
                let extra = blocks_text(&c.blocks);
                if !extra.trim().is_empty() {
                    a.text.push('\n');
                    a.text.push_str(&extra);
                    a.blocks.extend(c.blocks);
                }
                continue;
            }
            cells.push(Cell {
                row: r,
                col: start,
                row_span: 1,
                col_span: span,
                text: blocks_text(&c.blocks),
                blocks: c.blocks,
                at: None,
            });
        }
    }
    Table::from_cells(cells.cells)
}

/// Grid positions from gridBefore + gridSpan, when every row adds up to the
/// grid's width.
fn span_positions(rows: &[RowB], grid_len: usize) -> Option<Vec<Vec<(usize, usize)>>> {
    if grid_len == 0 {
        return None;
    }
    let pos = span_positions_unchecked(rows);
    for (row, p) in rows.iter().zip(&pos) {
        let end = p.last().map_or(row.grid_before, |(s, n)| s + n) + row.grid_after;
        if end != grid_len {
            return None;
        }
    }
    Some(pos)
}

fn span_positions_unchecked(rows: &[RowB]) -> Vec<Vec<(usize, usize)>> {
    rows.iter()
        .map(|row| {
            let mut col = row.grid_before;
            row.cells
                .iter()
                .map(|c| {
                    let p = (col, c.span);
                    col += c.span;
                    p
                })
                .collect()
        })
        .collect()
}

/// Grid positions from the cells' widths: every row's cell edges are pooled,
/// near edges merged, and each cell spans the columns between its edges.
fn width_positions(rows: &[RowB], grid: &[i64]) -> Option<Vec<Vec<(usize, usize)>>> {
    let mut row_edges: Vec<Vec<i64>> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut x = row
            .w_before
            .unwrap_or_else(|| grid.iter().take(row.grid_before).sum());
        let mut edges = vec![x];
        for c in &row.cells {
            x += c.width?;
            edges.push(x);
        }
        row_edges.push(edges);
    }
    let mut all: Vec<i64> = row_edges.iter().flatten().copied().collect();
    all.sort_unstable();
    let max = *all.last()?;
    let tol = (max / 100).max(20);
    let mut bounds: Vec<i64> = Vec::new();
    for x in all {
        match bounds.last() {
            Some(&b) if x - b <= tol => {}
            _ => bounds.push(x),
        }
    }
    let nearest = |x: i64| -> usize {
        bounds
            .iter()
            .enumerate()
            .min_by_key(|(_, b)| (x - **b).abs())
            .map_or(0, |(i, _)| i)
    };
    Some(
        row_edges
            .iter()
            .map(|edges| {
                edges
                    .windows(2)
                    .map(|w| {
                        let s = nearest(w[0]);
                        let e = nearest(w[1]).max(s + 1);
                        (s, e - s)
                    })
                    .collect()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use std::io::Write;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn docx(body: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("word/document.xml", o).unwrap();
            write!(
                z,
                r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
            )
            .unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    /// A package whose body imports `chunks` (relationship id, part name,
    /// bytes) with w:altChunk, as html-docx-js writes one.
    fn docx_with_chunks(body: &str, chunks: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("word/document.xml", o).unwrap();
            write!(
                z,
                r#"<?xml version="1.0"?><w:document {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
            )
            .unwrap();
            z.start_file("word/_rels/document.xml.rels", o).unwrap();
            write!(z, r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#).unwrap();
            for (id, name, _) in chunks {
                write!(z, r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="{name}"/>"#).unwrap();
            }
            write!(z, "</Relationships>").unwrap();
            for (_, name, bytes) in chunks {
                z.start_file(format!("word/{}", name.trim_start_matches("/word/")), o)
                    .unwrap();
                z.write_all(bytes).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    /// Pages exported to Word by html-docx-js hold no text of their own:
    /// the body imports the page (MHTML, quoted-printable) with w:altChunk,
    /// which Word reads in where it stands. Its paragraphs and table are
    /// read there (before, such a file was not a report), as is an RTF
    /// chunk (since session 29); a chunk in a format not read (plain text)
    /// is a note, not an error.
    #[test]
    fn a_page_imported_with_an_alt_chunk_is_read_where_it_stands() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n\
            --b\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            <html><body><p>=E4=B8=80=E3=80=81=E6=80=BB=E4=BD=93=E6=83=85=E5=86=B5</p>\
            <table><tr><td>=E8=A7=84=E7=AB=A0</td><td>3</td></tr></table></body></html>\r\n--b--\r\n";
        let body = format!(
            r#"{}<w:altChunk r:id="page"/><w:altChunk r:id="rtf"/><w:altChunk r:id="txt"/>{}"#,
            format_args!("<w:p>{}</w:p>", r("前言")),
            format_args!("<w:p>{}</w:p>", r("结尾"))
        );
        let package = docx_with_chunks(
            &body,
            &[
                ("page", "/word/afchunk.mht", mht.as_bytes()),
                (
                    "rtf",
                    "afchunk.rtf",
                    br"{\rtf1\ansi\ansicpg936 \'b8\'bd\'bc\'fe\par}",
                ),
                ("txt", "afchunk.txt", "纯文本".as_bytes()),
            ],
        );
        let limits = Limits::default();
        let d = read(&package, &limits, &Deadline::after(limits.timeout)).expect("reads");
        assert_eq!(texts(&d), ["前言", "一、总体情况", "附件", "结尾"]);
        let Some(Block::Table(t)) = d.blocks.get(2) else {
            panic!(
                "the page's table after its paragraph: {:?}",
                d.blocks.get(2)
            );
        };
        assert_eq!(t.all_text(), "规章\n3\n");
        assert_eq!(
            d.notes.iter().map(|n| n.0).collect::<Vec<_>>(),
            ["unread_chunk"]
        );
    }

    /// Chunks of chunks (a DOCX importing a DOCX that imports pages, each
    /// a hundred times) are read to the bounds: 64 chunks a package, two
    /// levels, and said once (before the bounds, a small file could make
    /// a reader read a part millions of times).
    #[test]
    fn chunks_of_chunks_are_read_within_bounds() {
        let page = "<html><body><p>总体情况</p></body></html>";
        let many = "<w:altChunk r:id=\"c\"/>".repeat(100);
        let inner = docx_with_chunks(
            &format!("<w:p>{}</w:p>{many}", r("前言")),
            &[("c", "page.html", page.as_bytes())],
        );
        let outer = docx_with_chunks(&many, &[("c", "inner.docx", &inner)]);
        let limits = Limits::default();
        let d = read(&outer, &limits, &Deadline::after(limits.timeout)).expect("reads");
        assert_eq!(texts(&d).len(), MAX_CHUNKS * (1 + MAX_CHUNKS));
        assert_eq!(texts(&d)[..3], ["前言", "总体情况", "总体情况"]);
        assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
    }

    /// Word 2003 XML (one file; Java systems fill such templates to make
    /// `.doc` reports): sniffed by its processing instruction, its body
    /// read as a DOCX body inside `wx:sect`, merges spelt `vmerge`, a list
    /// item's number taken as Word displays it (`wx:t`).
    #[test]
    fn a_word_2003_xml_document_reads_as_a_docx_body() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">
<w:styles><w:style w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>
<w:body><wx:sect>
<w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/><wx:t wx:val="三、"/><wx:font wx:val="宋体"/></w:listPr></w:pPr><w:r><w:t>收到和处理政府信息公开申请情况</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="1000"/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc>
<w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>四、结转下年度继续办理</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</wx:sect></w:body></w:wordDocument>"#;
        assert_eq!(
            crate::read::sniff(xml.as_bytes()),
            crate::read::Format::WordXml
        );
        let limits = Limits::default();
        let d = read_word_2003(xml.as_bytes(), &limits, &Deadline::after(limits.timeout))
            .expect("reads");
        assert_eq!(texts(&d), ["三、收到和处理政府信息公开申请情况"]);
        let Some(Block::Table(t)) = d.blocks.get(1) else {
            panic!("a table: {:?}", d.blocks.get(1));
        };
        assert_eq!((t.n_rows(), t.n_cols()), (3, 3));
        let spans: Vec<(usize, usize, usize, usize, &str)> = t
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str()))
            .collect();
        assert_eq!(spans[0], (0, 0, 2, 1, "三、本年度办理结果"));
        assert!(
            spans.contains(&(2, 0, 1, 2, "四、结转下年度继续办理")),
            "{spans:?}"
        );
        // A DOCX package's own XML part, or other XML, is no such document.
        assert!(!is_word_2003(b"<?xml version=\"1.0\"?><w:document/>"));
    }

    fn read_doc(body: &str) -> Document {
        let limits = Limits::default();
        read(&docx(body), &limits, &Deadline::after(limits.timeout)).expect("reads")
    }

    fn texts(d: &Document) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.clone()),
                Block::Table(_) | Block::Image(_) => None,
            })
            .collect()
    }

    fn r(t: &str) -> String {
        format!("<w:r><w:t>{t}</w:t></w:r>")
    }

    #[test]
    fn runs_join_and_revisions_fields_hidden_text_resolve() {
        let body = format!(
            "<w:p>{}{}<w:del><w:r><w:delText>X</w:delText></w:r></w:del><w:ins>{}</w:ins>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>\
             <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>件</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:r><w:tab/><w:t>a&amp;b</w:t><w:br/></w:r></w:p>",
            r("收到申请1"),
            r("2"),
            r("3"),
            r("，结果")
        );
        assert_eq!(texts(&read_doc(&body)), vec!["收到申请123件，结果\ta&b\n"]);
    }

    /// Text shows outside fields and in their results: nested fields, a
    /// field ended without a result, and a separator with no field open.
    #[test]
    fn nested_and_unfinished_fields_show_only_their_results() {
        let fld = |t: &str| format!("<w:r><w:fldChar w:fldCharType=\"{t}\"/></w:r>");
        let (b, s, e) = (fld("begin"), fld("separate"), fld("end"));
        let body = format!(
            "<w:p>{b}{}{s}{}{b}{}{s}{}{e}{}{e}{}{b}{}{e}{}{s}{}</w:p>",
            r("code1"),
            r("A"),
            r("code2"),
            r("B"),
            r("C"),
            r("D"),
            r("code3"),
            r("E"),
            r("F"),
        );
        assert_eq!(texts(&read_doc(&body)), vec!["ABCDEF"]);
    }

    #[test]
    fn ruby_reading_aids_are_not_text() {
        let body = format!(
            "<w:p><w:r><w:ruby><w:rt>{}</w:rt><w:rubyBase>{}</w:rubyBase></w:ruby></w:r>{}</w:p>",
            r("xīn"),
            r("新"),
            r("收")
        );
        assert_eq!(texts(&read_doc(&body)), vec!["新收"]);
    }

    #[test]
    fn alternate_content_and_text_boxes_are_read_once() {
        let tb = |t: &str| format!("<w:txbxContent><w:p>{}</w:p></w:txbxContent>", r(t));
        let body = format!(
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{}</w:drawing></mc:Choice>\
             <mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            tb("标题"),
            tb("标题")
        );
        assert_eq!(texts(&read_doc(&body)), vec!["", "标题"]);
    }

    fn tc(props: &str, text: &str) -> String {
        format!(
            "<w:tc><w:tcPr>{props}</w:tcPr><w:p>{}</w:p></w:tc>",
            r(text)
        )
    }

    fn only_table(d: &Document) -> &Table {
        d.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Paragraph(_) | Block::Image(_) => None,
            })
            .expect("a table")
    }

    #[test]
    fn vmerge_without_val_and_legacy_hmerge() {
        let body = format!(
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
             <w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "A"),
            tc("<w:hMerge w:val=\"restart\"/>", "B"),
            tc("<w:hMerge/>", ""),
            tc("<w:vMerge/>", ""),
            tc("<w:gridSpan w:val=\"2\"/>", "C")
        );
        let d = read_doc(&body);
        let t = only_table(&d);
        assert_eq!(t.n_cols(), 3);
        let a = &t.cells[t.grid[1][0].unwrap()];
        assert_eq!((a.text.as_str(), a.row_span), ("A", 2));
        let b = &t.cells[t.grid[0][1].unwrap()];
        assert_eq!((b.text.as_str(), b.col_span), ("B", 2));
        assert_eq!(t.cells[t.grid[1][2].unwrap()].text, "C");
    }

    #[test]
    fn wps_grid_that_disagrees_with_cell_widths_uses_widths() {
        // The grid claims 2 columns; the cells' widths say 3 (1000 + 1000 + 2000).
        let w = |n: i64| format!("<w:tcW w:w=\"{n}\" w:type=\"dxa\"/>");
        let body = format!(
            "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>\
             <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc(&format!("{}<w:gridSpan w:val=\"2\"/>", w(2000)), "head"),
            tc(&w(2000), "right"),
            tc(&w(1000), "a"),
            tc(&w(1000), "b"),
            tc(&w(2000), "c")
        );
        let d = read_doc(&body);
        let t = only_table(&d);
        assert_eq!(t.n_cols(), 3);
        assert_eq!(t.cells[t.grid[0][0].unwrap()].col_span, 2);
        assert_eq!(t.cells[t.grid[0][2].unwrap()].text, "right");
        assert_eq!(t.cells[t.grid[1][2].unwrap()].text, "c");
    }

    #[test]
    fn percentage_cell_widths_place_cells_when_spans_disagree() {
        // No grid; spans claim 1 column each but the widths say the first
        // row's second cell covers the last two columns of the second row.
        let w = |p: &str| format!("<w:tcW w:w=\"{p}\" w:type=\"pct\"/>");
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc(&w("50%"), "label"),
            tc(&w("50%"), "group"),
            tc(&w("2500"), "a"),
            tc(&w("1250"), "b"),
            tc(&w("1250"), "c")
        );
        let d = read_doc(&body);
        let t = only_table(&d);
        assert_eq!(t.n_cols(), 3);
        assert_eq!(t.cells[t.grid[0][1].unwrap()].col_span, 2);
        assert_eq!(t.cells[t.grid[1][2].unwrap()].text, "c");
    }

    /// Nesting inside a subtree the reader ignores (a deletion) is bounded
    /// too: the scanner's stack of open elements would otherwise grow with
    /// the input.
    #[test]
    fn deep_nesting_inside_an_ignored_element_is_too_large() {
        let limits = Limits::default();
        let deep = format!("<w:p><w:del>{}</w:del></w:p>", "<w:r>".repeat(100_000));
        let e = read(&docx(&deep), &limits, &Deadline::after(limits.timeout)).unwrap_err();
        assert_eq!(e.code(), "too_large");
        // Within the bound, an ignored subtree is passed over whole.
        let d = read_doc(&format!(
            "<w:p><w:del>{}</w:del><w:r><w:t>kept</w:t></w:r></w:p>",
            "<w:r><w:t>gone</w:t></w:r>".repeat(50)
        ));
        assert_eq!(texts(&d), ["kept"]);
    }

    #[test]
    fn malformed_xml_is_corrupt() {
        let limits = Limits::default();
        let e = read(
            &docx("<w:p><w:r><w:t>x</w:r></w:p>"),
            &limits,
            &Deadline::after(limits.timeout),
        )
        .unwrap_err();
        assert_eq!(e.code(), "corrupt");
    }
}
