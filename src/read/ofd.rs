//! OFD reader (GB/T 33190-2016, the national fixed-layout format): the
//! package's pages → positioned characters and rulings, in the same page
//! model as the PDF interpreter, then the shared fixed-layout stage
//! (`read::fixed`) makes lines, paragraphs and tables.
//!
//! An OFD file is a zip: `OFD.xml` names each document's root
//! (`DocBody/DocRoot`); the document lists its pages and template pages;
//! each page's `Content.xml` holds layers of text, path and image objects
//! (coordinates in millimetres, origin top-left, y down). Text is Unicode
//! in `TextCode`, one position per character from `X`/`Y` and the
//! `DeltaX`/`DeltaY` lists, so fonts are never needed to read it.

use super::fixed::{
    MAX_IMAGES_PER_PAGE, Matrix, PageContent, Segment, Subpath, TextChar, filled_rulings,
    normalise_orientation, stroked_rulings, subpath_box, unit_square_box,
};
use super::ooxml_zip::{self, Archive, Budget};
use super::pdf::tokens::decimal;
use super::xml_scan::{self, Scanner, Tag, unescape_into};
use super::{Deadline, Limits, ReadError};
use crate::model::Document;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Points per millimetre: the layout stage's thresholds are in points.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Template pages drawn under or over one page.
const MAX_TEMPLATES_PER_PAGE: usize = 8;

/// Characters one page may draw (a dense report page has a few thousand).
const MAX_CHARS_PER_PAGE: usize = 200_000;

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    super::fixed::document(pages(bytes, limits, deadline)?, "OFD")
}

/// A page or template page named by the document.
struct PageRef {
    id: String,
    loc: String,
    /// Template pages only: drawn over the page rather than under it.
    foreground: bool,
}

/// What `Document.xml` says: the default page box, pages and templates.
#[derive(Default)]
struct DocRoot {
    page_box: Option<[f32; 4]>,
    pages: Vec<PageRef>,
    templates: Vec<PageRef>,
}

/// Reads every page of the first document in the package.
pub fn pages(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Vec<PageContent>, ReadError> {
    let mut zip = ooxml_zip::open(bytes)?;
    let mut budget = Budget::default();
    if zip.file_names().filter_map(Result::ok).any(|n| {
        n.rsplit('/')
            .next()
            .is_some_and(|f| f.eq_ignore_ascii_case("Encryptions.xml"))
    }) {
        return Err(encrypted());
    }
    let ofd_xml = read_member(&mut zip, "OFD.xml", limits, &mut budget)?.ok_or_else(|| {
        ReadError::Corrupt("the package has no OFD.xml: it is a zip file but not an OFD".into())
    })?;
    let root_loc = doc_root(&ofd_xml, limits)?;
    let root_path = join("", &root_loc);
    let root_xml = read_member(&mut zip, &root_path, limits, &mut budget)?.ok_or_else(|| {
        ReadError::Corrupt(format!(
            "OFD.xml names {root_loc} as the document, but the package has no such part"
        ))
    })?;
    let root_dir = dir_of(&root_path);
    let doc = parse_doc_root(&root_xml, limits)?;
    if doc.pages.len() > limits.max_pdf_pages {
        return Err(ReadError::TooLarge(format!(
            "the OFD has {} pages, over the {}-page limit",
            doc.pages.len(),
            limits.max_pdf_pages
        )));
    }
    let default_box = doc.page_box.unwrap_or([0.0, 0.0, 210.0, 297.0]);
    let templates: std::collections::HashMap<&str, &PageRef> =
        doc.templates.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out = Vec::with_capacity(doc.pages.len());
    let mut kept = crate::read::fixed::Kept::default();
    for page in &doc.pages {
        deadline.check()?;
        let path = join(root_dir, &page.loc);
        let Some(xml) = read_member(&mut zip, &path, limits, &mut budget)? else {
            // An empty page keeps the later pages' numbers right.
            out.push(PageContent::default());
            continue;
        };
        // The page is read once: its settings name the templates drawn
        // under it, and its objects join theirs after them (as if drawn in
        // that order).
        let mut own = PageBuilder::new(limits, deadline);
        let parsed = own.parse(&xml)?;
        let page_box = parsed.page_box.unwrap_or(default_box);
        // Template pages (running heads, rules, logos) are drawn under or
        // over the page, as the page names them.
        let mut under = Vec::new();
        let mut over = Vec::new();
        // A page uses a template or two; more are not drawn.
        for (id, z) in parsed.templates.iter().take(MAX_TEMPLATES_PER_PAGE) {
            let Some(t) = templates.get(id.as_str()) else {
                continue;
            };
            let fg = z.as_deref().map_or(t.foreground, |z| z == "Foreground");
            if fg { &mut over } else { &mut under }.push(join(root_dir, &t.loc));
        }
        let mut content = PageBuilder::new(limits, deadline);
        for loc in under {
            if let Some(x) = read_member(&mut zip, &loc, limits, &mut budget)? {
                content.parse(&x)?;
            }
        }
        content.draw_after(own)?;
        for loc in over {
            if let Some(x) = read_member(&mut zip, &loc, limits, &mut budget)? {
                content.parse(&x)?;
            }
        }
        crate::read::fixed::keep_page(&mut out, content.finish(page_box), &mut kept, "OFD")?;
    }
    Ok(out)
}

fn encrypted() -> ReadError {
    ReadError::Encrypted(
        "the OFD is encrypted (GM/T 0099); open it in an OFD reader with its key and save an unencrypted copy".into(),
    )
}

/// A member by name; OFD producers differ in case, so a case-insensitive
/// match is taken when the exact name is absent.
fn read_member(
    zip: &mut Archive<'_>,
    name: &str,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, ReadError> {
    if zip.index_for_name(name).is_none() {
        let other = zip
            .file_names()
            .filter_map(Result::ok)
            .find(|n| n.eq_ignore_ascii_case(name))
            .map(|n| n.into_owned());
        if let Some(other) = other {
            return ooxml_zip::read_text(zip, &other, limits, budget);
        }
    }
    ooxml_zip::read_text(zip, name, limits, budget)
}

/// The directory part of a member path ("" at the root).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Resolves `loc` against the directory of the file that names it; a
/// leading `/` means the package root. `.` and `..` are folded.
fn join(dir: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let base = if loc.starts_with('/') { "" } else { dir };
    for p in base.split('/').chain(loc.split('/')) {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn local(e: &BytesStart<'_>) -> Vec<u8> {
    e.local_name().as_ref().as_bytes().to_vec()
}

/// A page object's attributes by local name, raw (references unresolved,
/// as quick-xml handed them out before), read once per element: an
/// object's handful are then looked up by comparing names. The first of
/// a name counts.
#[derive(Clone, Copy)]
struct Attrs<'a, 'x>(&'a [(&'x [u8], &'x [u8])]);

impl<'a, 'x> Attrs<'a, 'x> {
    /// `tag`'s attributes into `list` (emptied first). A name is the last
    /// word before its `=`: junk between attributes (`ID="7"&#x20; Size=`)
    /// is passed over, as quick-xml passed over it, rather than taken for
    /// part of the next name.
    fn read(tag: &Tag<'x>, list: &'a mut Vec<(&'x [u8], &'x [u8])>) -> Self {
        list.clear();
        list.extend(tag.attributes().map(|(k, v)| {
            let word = k
                .rsplit(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .next()
                .unwrap_or(k);
            (
                memchr::memchr(b':', word).map_or(word, |i| &word[i + 1..]),
                v,
            )
        }));
        Attrs(list)
    }

    fn get(&self, name: &[u8]) -> Option<&'x str> {
        let (_, v) = self.0.iter().find(|(k, _)| *k == name)?;
        // The page was checked as UTF-8 whole, and a value lies between
        // quotes: this never fails.
        std::str::from_utf8(v).ok()
    }

    fn num(&self, name: &[u8]) -> Option<f32> {
        decimal(self.get(name)?.trim()).filter(|v| v.is_finite())
    }

    fn flag(&self, name: &[u8], default: bool) -> bool {
        self.get(name)
            .map_or(default, |v| matches!(v.trim(), "true" | "1"))
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref().as_bytes() == name)
        .map(|a| a.value.into_owned())
}

fn xml_err(part: &str, e: impl std::fmt::Display) -> ReadError {
    ReadError::Corrupt(format!("{part} is not well-formed XML ({e})"))
}

fn too_deep(part: &str, limits: &Limits) -> ReadError {
    ReadError::TooLarge(format!(
        "{part} nests elements more than {} deep",
        limits.max_xml_depth
    ))
}

/// Text with its references left out (quick-xml handed a path's or a
/// box's text out without them).
fn push_unreferenced(raw: &[u8], out: &mut String) {
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'&', &raw[at..]) {
        out.push_str(&String::from_utf8_lossy(&raw[at..at + i]));
        // The scanner passed only text whose references are closed.
        at = memchr::memchr(b';', &raw[at + i..]).map_or(raw.len(), |j| at + i + j + 1);
    }
    out.push_str(&String::from_utf8_lossy(&raw[at..]));
}

/// Numbers separated by spaces (a box, a matrix, a colour).
fn numbers(s: &str) -> Vec<f32> {
    s.split_ascii_whitespace()
        .filter_map(decimal)
        .filter(|v| v.is_finite())
        .collect()
}

fn four(s: &str) -> Option<[f32; 4]> {
    exactly(s)
}

/// The numbers of `s` (as [`numbers`] reads them) when there are exactly
/// `N`, without a list made for them.
fn exactly<const N: usize>(s: &str) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    let mut n = 0;
    for v in s
        .split_ascii_whitespace()
        .filter_map(decimal)
        .filter(|v| v.is_finite())
    {
        if n == N {
            return None;
        }
        out[n] = v;
        n += 1;
    }
    (n == N).then_some(out)
}

/// The text content of every element named `name`, in order, with the
/// document's nesting bounded.
fn texts_of(
    xml: &[u8],
    part: &str,
    name: &[u8],
    limits: &Limits,
) -> Result<Vec<String>, ReadError> {
    let mut r = Reader::from_reader(xml);
    let (mut depth, mut inside, mut out) = (0usize, false, Vec::new());
    let mut cur = String::new();
    loop {
        match r.read_event().map_err(|e| xml_err(part, e))? {
            Event::Start(e) => {
                depth += 1;
                if depth > limits.max_xml_depth {
                    return Err(too_deep(part, limits));
                }
                if local(&e) == name {
                    inside = true;
                    cur.clear();
                } else if local(&e) == b"Encryptions" {
                    return Err(encrypted());
                }
            }
            Event::Empty(e) if local(&e) == b"Encryptions" => return Err(encrypted()),
            Event::Text(t) if inside => cur.push_str(&t),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if inside && e.local_name().as_ref().as_bytes() == name {
                    inside = false;
                    out.push(std::mem::take(&mut cur).trim().to_string());
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// `DocBody/DocRoot` of the first document.
fn doc_root(ofd_xml: &[u8], limits: &Limits) -> Result<String, ReadError> {
    texts_of(ofd_xml, "OFD.xml", b"DocRoot", limits)?
        .into_iter()
        .find(|s| !s.is_empty())
        .ok_or_else(|| ReadError::Corrupt("OFD.xml names no document (DocRoot)".into()))
}

fn parse_doc_root(xml: &[u8], limits: &Limits) -> Result<DocRoot, ReadError> {
    const PART: &str = "the OFD's Document.xml";
    let mut r = Reader::from_reader(xml);
    let mut doc = DocRoot::default();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut text = String::new();
    loop {
        let ev = r.read_event().map_err(|e| xml_err(PART, e))?;
        let (e, empty) = match &ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Text(t) => {
                text.push_str(t);
                continue;
            }
            Event::End(_) => {
                if let Some(name) = stack.pop()
                    && name == b"PhysicalBox"
                    && stack.last().is_some_and(|p| p == b"PageArea")
                {
                    doc.page_box = four(&text);
                }
                continue;
            }
            Event::Eof => return Ok(doc),
            _ => continue,
        };
        let name = local(e);
        let page_ref = |foreground: bool| PageRef {
            id: attr(e, b"ID").unwrap_or_default(),
            loc: attr(e, b"BaseLoc").unwrap_or_default(),
            foreground,
        };
        match name.as_slice() {
            b"Page" => doc.pages.push(page_ref(false)),
            b"TemplatePage" => doc.templates.push(page_ref(
                attr(e, b"ZOrder").is_some_and(|z| z == "Foreground"),
            )),
            _ => {}
        }
        // Pages are capped by the page limit later; a list far past it is
        // refused now, before it grows.
        if doc.pages.len() > limits.max_pdf_pages.saturating_mul(4).max(1024) {
            return Err(ReadError::TooLarge(format!(
                "the OFD lists more than {} pages",
                limits.max_pdf_pages
            )));
        }
        if !empty {
            if stack.len() >= limits.max_xml_depth {
                return Err(too_deep(PART, limits));
            }
            stack.push(name);
            text.clear();
        }
    }
}

/// A page's own settings, found while drawing it.
#[derive(Default)]
struct PageSettings {
    page_box: Option<[f32; 4]>,
    /// (TemplateID, ZOrder) of each template the page uses.
    templates: Vec<(String, Option<String>)>,
}

/// A text or path object's placement: its boundary origin and CTM.
#[derive(Clone, Copy)]
struct Placement {
    /// Object space → page millimetres.
    to_page: Matrix,
}

impl Placement {
    fn of(a: &Attrs<'_, '_>) -> Placement {
        let boundary = a.get(b"Boundary").and_then(four).unwrap_or([0.0; 4]);
        let ctm = a
            .get(b"CTM")
            .and_then(exactly)
            .map_or(Matrix::IDENTITY, Matrix);
        Placement {
            to_page: ctm.then(&Matrix::translate(boundary[0], boundary[1])),
        }
    }
}

/// The text object being read.
struct TextObj {
    at: Placement,
    size: f32,
    hscale: f32,
    /// Glyph rotation in degrees clockwise (CharDirection).
    char_dir: f32,
    /// 0 black … 1 white, after alpha.
    brightness: f32,
    alpha: f32,
    /// Where the next TextCode without X/Y continues.
    pen: (f32, f32),
}

/// The text code being read: its attributes and text.
struct Code<'x> {
    x: Option<f32>,
    y: Option<f32>,
    dx: &'x str,
    dy: &'x str,
    text: String,
}

/// The path object being read.
struct PathObj {
    at: Placement,
    stroke: bool,
    fill: bool,
    data: String,
}

/// A code's characters and its DeltaX and DeltaY lists.
type CodeLists = (Vec<char>, Vec<f32>, Vec<f32>);

struct PageBuilder<'a> {
    limits: &'a Limits,
    deadline: &'a Deadline,
    chars: Vec<TextChar>,
    /// Rulings in page millimetres.
    segments: Vec<Segment>,
    /// Image boxes in page points (before the page box's origin is taken off).
    images: Vec<[f32; 4]>,
    seq: u32,
    points: usize,
    /// Scratch lists, kept from code to code (a page has hundreds).
    code_lists: CodeLists,
}

impl<'a> PageBuilder<'a> {
    fn new(limits: &'a Limits, deadline: &'a Deadline) -> Self {
        PageBuilder {
            limits,
            deadline,
            chars: Vec::new(),
            segments: Vec::new(),
            images: Vec::new(),
            seq: 0,
            points: 0,
            code_lists: CodeLists::default(),
        }
    }

    /// Draws one page or template page's objects; returns its settings.
    /// Read by the scanner the DOCX reader uses (`xml_scan`): a page is a
    /// few hundred small objects, and quick-xml's events and attribute
    /// lists cost more than drawing them.
    fn parse(&mut self, xml: &[u8]) -> Result<PageSettings, ReadError> {
        const PART: &str = "an OFD page";
        // The scanner hands out bytes; a page that is not UTF-8 is refused
        // as quick-xml refused it, whatever part of it the bytes are in.
        std::str::from_utf8(xml).map_err(|e| xml_err(PART, e))?;
        let mut r = Scanner::new(xml, self.limits.max_xml_depth);
        let mut settings = PageSettings::default();
        // The local names of the open elements (the page's Area is looked for).
        let mut stack: Vec<&[u8]> = Vec::new();
        let mut attr_list = Vec::new();
        let mut text_obj: Option<TextObj> = None;
        let mut code: Option<Code> = None;
        // A code's text, kept from code to code.
        let mut spare_text = String::new();
        let mut path: Option<PathObj> = None;
        let mut in_box = false;
        let mut box_text = String::new();
        let mut events = 0u64;
        loop {
            events += 1;
            if events.is_multiple_of(4096) {
                self.deadline.check()?;
            }
            let ev = r.next().map_err(|e| {
                if e.too_deep {
                    too_deep(PART, self.limits)
                } else {
                    xml_err(PART, e)
                }
            })?;
            let (tag, empty) = match ev {
                xml_scan::Event::Start(t) => (t, false),
                xml_scan::Event::Empty(t) => (t, true),
                xml_scan::Event::Text(raw) => {
                    if let Some(c) = code.as_mut() {
                        // A code's references are its characters.
                        unescape_into(raw, &mut c.text).map_err(|e| xml_err(PART, e))?;
                    } else if let Some(p) = path.as_mut() {
                        push_unreferenced(raw, &mut p.data);
                    } else if in_box {
                        push_unreferenced(raw, &mut box_text);
                    }
                    continue;
                }
                xml_scan::Event::CData(raw) => {
                    let s = std::str::from_utf8(raw).map_err(|e| xml_err(PART, e))?;
                    if let Some(c) = code.as_mut() {
                        c.text.push_str(s);
                    } else if let Some(p) = path.as_mut() {
                        p.data.push_str(s);
                    } else if in_box {
                        box_text.push_str(s);
                    }
                    continue;
                }
                xml_scan::Event::End => {
                    match stack.pop().unwrap_or_default() {
                        b"TextCode" => {
                            if let Some(mut c) = code.take() {
                                if let Some(t) = text_obj.as_mut() {
                                    self.draw_code(t, &c)?;
                                }
                                c.text.clear();
                                spare_text = c.text;
                            }
                        }
                        b"TextObject" => text_obj = None,
                        b"PathObject" => {
                            if let Some(p) = path.take() {
                                self.draw_path(&p)?;
                            }
                        }
                        b"PhysicalBox" if in_box => {
                            in_box = false;
                            settings.page_box = four(&box_text);
                        }
                        _ => {}
                    }
                    continue;
                }
                xml_scan::Event::Eof => return Ok(settings),
                xml_scan::Event::Other => continue,
            };
            let name = tag.local();
            let a = Attrs::read(&tag, &mut attr_list);
            match name {
                b"TextObject" => {
                    let alpha = a.num(b"Alpha").unwrap_or(255.0).clamp(0.0, 255.0) / 255.0;
                    text_obj = Some(TextObj {
                        at: Placement::of(&a),
                        size: a.num(b"Size").unwrap_or(3.5).abs(),
                        hscale: a.num(b"HScale").unwrap_or(1.0),
                        char_dir: a.num(b"CharDirection").unwrap_or(0.0),
                        brightness: 1.0 - alpha,
                        alpha,
                        pen: (0.0, 0.0),
                    });
                }
                b"FillColor" => {
                    if let Some(t) = text_obj.as_mut() {
                        let rgb = a.get(b"Value").map(numbers).unwrap_or_default();
                        let lum = if rgb.is_empty() {
                            0.0
                        } else {
                            rgb.iter().sum::<f32>() / (255.0 * rgb.len() as f32)
                        };
                        let alpha = a
                            .num(b"Alpha")
                            .map_or(t.alpha, |v| v.clamp(0.0, 255.0) / 255.0 * t.alpha);
                        t.brightness = 1.0 - (1.0 - lum.clamp(0.0, 1.0)) * alpha;
                    }
                }
                b"TextCode" if text_obj.is_some() => {
                    code = Some(Code {
                        x: a.num(b"X"),
                        y: a.num(b"Y"),
                        dx: a.get(b"DeltaX").unwrap_or_default(),
                        dy: a.get(b"DeltaY").unwrap_or_default(),
                        text: std::mem::take(&mut spare_text),
                    });
                }
                b"PathObject" => {
                    path = Some(PathObj {
                        at: Placement::of(&a),
                        stroke: a.flag(b"Stroke", true),
                        fill: a.flag(b"Fill", false),
                        data: String::new(),
                    });
                }
                b"ImageObject" => self.image(&a),
                b"Template" => settings.templates.push((
                    a.get(b"TemplateID").unwrap_or_default().to_string(),
                    a.get(b"ZOrder").map(str::to_string),
                )),
                b"PhysicalBox" if stack.last() == Some(&&b"Area"[..]) => {
                    in_box = true;
                    box_text.clear();
                }
                _ => {}
            }
            if empty {
                // An empty TextCode or PathObject draws nothing.
                match name {
                    b"TextCode" => code = None,
                    b"PathObject" => path = None,
                    b"TextObject" => text_obj = None,
                    _ => {}
                }
            } else {
                // (Its depth is bounded by the scanner.)
                stack.push(name);
            }
        }
    }

    /// One character per Unicode scalar of the code, each at its own
    /// position: X/Y for the first, then DeltaX/DeltaY steps.
    fn draw_code(&mut self, t: &mut TextObj, c: &Code) -> Result<(), ReadError> {
        let mut lists = std::mem::take(&mut self.code_lists);
        let drawn = self.draw_code_with(t, c, &mut lists);
        self.code_lists = lists;
        drawn
    }

    fn draw_code_with(
        &mut self,
        t: &mut TextObj,
        c: &Code,
        (chars, dx, dy): &mut CodeLists,
    ) -> Result<(), ReadError> {
        chars.clear();
        chars.extend(c.text.chars().filter(|ch| !ch.is_control()));
        if chars.is_empty() {
            return Ok(());
        }
        if self.chars.len() + chars.len() > MAX_CHARS_PER_PAGE {
            return Err(too_many_chars());
        }
        let steps = chars.len() - 1;
        deltas(c.dx, steps, dx);
        deltas(c.dy, steps, dy);
        let (mut x, mut y) = (c.x.unwrap_or(t.pen.0), c.y.unwrap_or(t.pen.1));
        let size = t.size;
        let to_pt =
            t.at.to_page
                .then(&Matrix([PT_PER_MM, 0.0, 0.0, PT_PER_MM, 0.0, 0.0]));
        let (sin, cos) = t.char_dir.to_radians().sin_cos();
        let turn = Matrix([cos, sin, -sin, cos, 0.0, 0.0]);
        for (i, ch) in chars.iter().enumerate() {
            let nominal = em_width(*ch);
            let step = dx.get(i).copied();
            // A code with DeltaY but no DeltaX runs down the page.
            let advance = match step {
                Some(d) => d,
                None if !dy.is_empty() => 0.0,
                None => nominal * size * t.hscale,
            };
            // Narrow advances (digits in a CJK font) narrow the box.
            let width = match step {
                Some(d) if d > 0.0 && size > 0.0 => nominal.min(d / (size * t.hscale.max(0.01))),
                _ => nominal,
            };
            if !ch.is_whitespace() {
                let glyph = turn
                    .then(&Matrix([size * t.hscale, 0.0, 0.0, size, x, y]))
                    .then(&to_pt);
                self.seq += 1;
                self.chars.push(TextChar::placed(
                    ecow::EcoString::from(&*ch.encode_utf8(&mut [0; 4])),
                    &glyph,
                    [0.0, -0.88, width, 0.12],
                    false,
                    t.brightness,
                    false,
                    self.seq,
                ));
            }
            x += advance;
            y += dy.get(i).copied().unwrap_or(0.0);
        }
        t.pen = (x, y);
        Ok(())
    }

    /// An image's box: its unit square under its CTM within its Boundary,
    /// or the Boundary itself when no CTM is given.
    fn image(&mut self, a: &Attrs<'_, '_>) {
        if self.images.len() >= MAX_IMAGES_PER_PAGE {
            return;
        }
        let [x, y, w, h] = a.get(b"Boundary").and_then(four).unwrap_or([0.0; 4]);
        let fit = a
            .get(b"CTM")
            .and_then(exactly)
            .map_or(Matrix([w, 0.0, 0.0, h, 0.0, 0.0]), Matrix);
        let to_pt = fit
            .then(&Matrix::translate(x, y))
            .then(&Matrix([PT_PER_MM, 0.0, 0.0, PT_PER_MM, 0.0, 0.0]));
        self.images.extend(unit_square_box(&to_pt));
    }

    /// Straight stroked edges and thin filled shapes become rulings.
    fn draw_path(&mut self, p: &PathObj) -> Result<(), ReadError> {
        let to_pt =
            p.at.to_page
                .then(&Matrix([PT_PER_MM, 0.0, 0.0, PT_PER_MM, 0.0, 0.0]));
        let subpaths = parse_path(&p.data, &to_pt, self.limits.max_pdf_ops_per_page)?;
        self.points += subpaths.iter().map(Vec::len).sum::<usize>();
        if self.points > self.limits.max_pdf_ops_per_page {
            return Err(too_many_points(self.limits));
        }
        if p.stroke {
            stroked_rulings(&subpaths, &mut self.segments);
        }
        if p.fill {
            filled_rulings(subpaths.iter().map(subpath_box), &mut self.segments);
        }
        Ok(())
    }

    /// `later`'s objects, read on their own, as if drawn here after this
    /// builder's: numbered after its characters, within its limits.
    fn draw_after(&mut self, later: PageBuilder<'_>) -> Result<(), ReadError> {
        if self.chars.len() + later.chars.len() > MAX_CHARS_PER_PAGE {
            return Err(too_many_chars());
        }
        self.points += later.points;
        if self.points > self.limits.max_pdf_ops_per_page {
            return Err(too_many_points(self.limits));
        }
        let seq = self.seq;
        self.chars.extend(later.chars.into_iter().map(|mut c| {
            c.seq += seq;
            c
        }));
        self.seq += later.seq;
        self.segments.extend(later.segments);
        let room = MAX_IMAGES_PER_PAGE.saturating_sub(self.images.len());
        self.images.extend(later.images.into_iter().take(room));
        Ok(())
    }

    /// The page in points, upright.
    fn finish(self, page_box: [f32; 4]) -> PageContent {
        let [bx, by, w, h] = page_box;
        let (ox, oy) = (bx * PT_PER_MM, by * PT_PER_MM);
        let mut chars = self.chars;
        for c in &mut chars {
            c.x0 -= ox;
            c.x1 -= ox;
            c.y0 -= oy;
            c.y1 -= oy;
        }
        let mut segments = self.segments;
        for s in &mut segments {
            s.x0 -= ox;
            s.x1 -= ox;
            s.y0 -= oy;
            s.y1 -= oy;
        }
        let mut images = self.images;
        for b in &mut images {
            *b = [b[0] - ox, b[1] - oy, b[2] - ox, b[3] - oy];
        }
        let mut page = PageContent {
            width: w * PT_PER_MM,
            height: h * PT_PER_MM,
            chars,
            segments,
            images,
            // Not counted here: the census counts the page's characters.
            classes: Default::default(),
        };
        normalise_orientation(&mut page);
        page
    }
}

fn too_many_chars() -> ReadError {
    ReadError::TooLarge(format!(
        "an OFD page draws more than {MAX_CHARS_PER_PAGE} characters; no report page holds that much"
    ))
}

fn too_many_points(limits: &Limits) -> ReadError {
    ReadError::TooLarge(format!(
        "an OFD page draws more than {} path points",
        limits.max_pdf_ops_per_page
    ))
}

/// The advance of a character in ems when the code gives none: CJK and
/// full-width forms are square, the rest half as wide.
fn em_width(c: char) -> f32 {
    if (c as u32) < 0x2E80 || ('\u{FF61}'..='\u{FFDC}').contains(&c) {
        0.5
    } else {
        1.0
    }
}

/// A DeltaX/DeltaY list, expanded up to `need` steps into `out` (emptied
/// first): numbers, and `g N v` for N steps of v. Never more than `need`
/// entries, whatever N says.
fn deltas(s: &str, need: usize, out: &mut Vec<f32>) {
    out.clear();
    let mut it = s.split_ascii_whitespace();
    while out.len() < need {
        let Some(tok) = it.next() else { break };
        if tok == "g" {
            let n = it.next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
            let Some(v) = it.next().and_then(decimal) else {
                break;
            };
            let room = (need - out.len()) as u64;
            let v = if v.is_finite() { v } else { 0.0 };
            out.extend(std::iter::repeat_n(v, n.min(room) as usize));
        } else if let Some(v) = decimal(tok) {
            out.push(if v.is_finite() { v } else { 0.0 });
        }
    }
}

/// Subpaths of an `AbbreviatedData` path, mapped by `m`: M (move), L
/// (line), B (cubic), Q (quadratic), A (arc) and C (close). Curves and arcs
/// keep only their end points, marked as not straight.
fn parse_path(data: &str, m: &Matrix, max_points: usize) -> Result<Vec<Subpath>, ReadError> {
    let toks: Vec<&str> = data.split_ascii_whitespace().collect();
    let mut out: Vec<Subpath> = Vec::new();
    let mut cur: Subpath = Vec::new();
    let mut points = 0usize;
    let mut i = 0;
    let num = |j: usize| -> Option<f32> { decimal(toks.get(j)?).filter(|v| v.is_finite()) };
    while i < toks.len() {
        let (args, straight) = match toks[i] {
            "M" | "S" => (2, None),
            "L" => (2, Some(true)),
            "Q" => (4, Some(false)),
            "B" => (6, Some(false)),
            "A" => (7, Some(false)),
            "C" => {
                if let (Some(first), Some(_)) = (cur.first().copied(), cur.last()) {
                    cur.push((first.0, first.1, true));
                }
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let (Some(x), Some(y)) = (num(i + args - 1), num(i + args)) else {
            break;
        };
        let (px, py) = m.apply(x, y);
        match straight {
            None => {
                if cur.len() > 1 {
                    out.push(std::mem::take(&mut cur));
                } else {
                    cur.clear();
                }
                cur.push((px, py, false));
            }
            Some(s) => {
                if cur.is_empty() {
                    // A path that does not begin with M starts at its origin.
                    let (ox, oy) = m.apply(0.0, 0.0);
                    cur.push((ox, oy, false));
                }
                cur.push((px, py, s));
            }
        }
        points += 1;
        if points > max_points {
            return Err(ReadError::TooLarge(format!(
                "an OFD path has more than {max_points} points"
            )));
        }
        i += args + 1;
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_lists_expand_g_and_never_past_the_characters() {
        let deltas = |s: &str, need: usize| {
            let mut out = vec![9.0];
            deltas(s, need, &mut out);
            out
        };
        assert_eq!(deltas("g 3 2.5 1", 5), vec![2.5, 2.5, 2.5, 1.0]);
        assert_eq!(deltas("1 2 3", 2), vec![1.0, 2.0]);
        // A hostile count costs only what the text needs.
        assert_eq!(deltas("g 18446744073709551615 1", 3), vec![1.0; 3]);
        assert!(deltas("", 4).is_empty());
    }

    #[test]
    fn locations_resolve_from_the_naming_file_or_the_root() {
        assert_eq!(
            join("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(join("Doc_0", "/Doc_0/Tpls/T.xml"), "Doc_0/Tpls/T.xml");
        assert_eq!(join("Doc_0/Pages", "../Res/a.png"), "Doc_0/Res/a.png");
        assert_eq!(join("", "./Doc_0/Document.xml"), "Doc_0/Document.xml");
    }

    #[test]
    fn abbreviated_paths_give_straight_edges_and_curve_ends() {
        let p = parse_path(
            "M 0 0 L 10 0 L 10 5 B 1 1 2 2 0 5 C",
            &Matrix::IDENTITY,
            100,
        )
        .unwrap();
        assert_eq!(p.len(), 1);
        let flags: Vec<bool> = p[0].iter().map(|q| q.2).collect();
        assert_eq!(flags, vec![false, true, true, false, true]);
        let mut segs = Vec::new();
        stroked_rulings(&p, &mut segs);
        assert_eq!(segs.len(), 3, "two edges and the closing line: {segs:?}");
        assert!(parse_path(&"L 1 1 ".repeat(20), &Matrix::IDENTITY, 10).is_err());
    }

    /// A page read once and joined after its template draws what reading
    /// the template and then the page into one builder draws: the same
    /// characters in the same order and numbering, rulings, and images up
    /// to the page's cap.
    #[test]
    fn a_page_read_on_its_own_joins_its_template_as_if_drawn_after_it() {
        let page_of = |objects: String| {
            format!(
                r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>{objects}</ofd:Layer></ofd:Content></ofd:Page>"#
            )
        };
        let text = |y: u32, s: &str| {
            format!(
                r#"<ofd:TextObject Boundary="10 {y} 50 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 9 4">{s}</ofd:TextCode></ofd:TextObject><ofd:PathObject Boundary="10 {y} 100 1"><ofd:AbbreviatedData>M 0 0 L 100 0</ofd:AbbreviatedData></ofd:PathObject>"#
            )
        };
        let images = |n: usize| {
            (0..n)
                .map(|i| format!(r#"<ofd:ImageObject Boundary="{i} 100 50 40"/>"#))
                .collect::<String>()
        };
        let template = page_of(text(10, "页眉 一") + &images(MAX_IMAGES_PER_PAGE - 1));
        let page = page_of(text(30, "总计：12") + &images(3) + &text(50, "正文"));
        let limits = Limits::default();
        let deadline = Deadline::after(limits.timeout);
        let mut in_turn = PageBuilder::new(&limits, &deadline);
        in_turn.parse(template.as_bytes()).unwrap();
        in_turn.parse(page.as_bytes()).unwrap();
        let mut joined = PageBuilder::new(&limits, &deadline);
        joined.parse(template.as_bytes()).unwrap();
        let mut own = PageBuilder::new(&limits, &deadline);
        own.parse(page.as_bytes()).unwrap();
        joined.draw_after(own).unwrap();
        assert_eq!(joined.seq, in_turn.seq);
        assert_eq!(joined.points, in_turn.points);
        let (a, b) = (
            in_turn.finish([0.0, 0.0, 210.0, 297.0]),
            joined.finish([0.0, 0.0, 210.0, 297.0]),
        );
        assert_eq!(a.chars.len(), 10, "the space is not a character");
        assert_eq!(format!("{:?}", a.chars), format!("{:?}", b.chars));
        assert_eq!(a.segments, b.segments);
        assert_eq!(a.images.len(), MAX_IMAGES_PER_PAGE);
        assert_eq!(a.images, b.images);
        // The limits hold over both together.
        let many = page_of(text(10, &"字".repeat(MAX_CHARS_PER_PAGE / 2 + 1)));
        let mut first = PageBuilder::new(&limits, &deadline);
        first.parse(many.as_bytes()).unwrap();
        let mut second = PageBuilder::new(&limits, &deadline);
        second.parse(many.as_bytes()).unwrap();
        assert!(matches!(
            first.draw_after(second),
            Err(ReadError::TooLarge(_))
        ));
    }

    /// The page scanner reads what quick-xml read: references in a code's
    /// text are its characters (unknown ones dropped), a path's references
    /// are not its data, comments and processing instructions are passed
    /// over, values in either quote, junk between attributes passed over;
    /// a page that is not UTF-8, or nests too deep, is refused.
    #[test]
    fn page_xml_is_read_by_the_scanner_as_quick_xml_read_it() {
        let limits = Limits::default();
        let deadline = Deadline::after(limits.timeout);
        let xml = r#"<?xml version="1.0"?><!-- a producer's note --><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 <?x?>100 150</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer>
<ofd:TextObject ID="1"&#x20; Boundary='10 20 50 5' Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 4 4">A&amp;&#x4E00;&bogus;B<![CDATA[&lt;]]></ofd:TextCode></ofd:TextObject>
<ofd:PathObject Boundary="0 30 100 1"><ofd:AbbreviatedData>M 0 0 &#x20;L 100 0</ofd:AbbreviatedData></ofd:PathObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        let mut b = PageBuilder::new(&limits, &deadline);
        let settings = b.parse(xml.as_bytes()).unwrap();
        assert_eq!(settings.page_box, Some([0.0, 0.0, 100.0, 150.0]));
        let text: String = b.chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(text, "A&一B&lt;");
        // The boundary after the junk still places the text.
        assert!((b.chars[0].x0 / PT_PER_MM - 10.0).abs() < 0.01);
        assert_eq!(b.segments.len(), 1, "{:?}", b.segments);
        let mut bad = PageBuilder::new(&limits, &deadline);
        // One byte of the code's text made invalid.
        let mut not_utf8 = xml.as_bytes().to_vec();
        not_utf8[xml.find("A&amp;").unwrap()] = 0xFF;
        assert!(matches!(bad.parse(&not_utf8), Err(ReadError::Corrupt(_))));
        let deep = format!(
            "<ofd:Page>{}{}</ofd:Page>",
            "<a>".repeat(limits.max_xml_depth),
            "</a>".repeat(limits.max_xml_depth)
        );
        let mut nested = PageBuilder::new(&limits, &deadline);
        assert!(matches!(
            nested.parse(deep.as_bytes()),
            Err(ReadError::TooLarge(_))
        ));
    }

    #[test]
    fn a_text_code_places_one_character_per_position() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
<ofd:TextObject Boundary="10 20 50 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 2 4">总计：1</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="10 40 5 20" Size="4"><ofd:TextCode X="0" Y="4" DeltaY="5 5">行政诉</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="10 80 50 5" Size="4"><ofd:TextCode X="0" Y="4"><![CDATA[合&计]]></ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        let limits = Limits::default();
        let deadline = Deadline::after(limits.timeout);
        let mut b = PageBuilder::new(&limits, &deadline);
        b.parse(xml.as_bytes()).unwrap();
        let page = b.finish([0.0, 0.0, 210.0, 297.0]);
        let text: String = page.chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(text, "总计：1行政诉合&计", "CDATA is text as written");
        let x = |i: usize| page.chars[i].x0 / PT_PER_MM;
        assert!(
            (x(0) - 10.0).abs() < 0.01 && (x(1) - 14.0).abs() < 0.01 && (x(3) - 22.0).abs() < 0.01
        );
        // The vertical code stays in one column, 5 mm a character.
        let y = |i: usize| page.chars[i].y0 / PT_PER_MM;
        assert!((x(4) - x(6)).abs() < 0.01);
        assert!((y(5) - y(4) - 5.0).abs() < 0.01);
        assert!(page.chars.iter().all(|c| c.upright()));
    }
}
