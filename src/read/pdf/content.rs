//! Content-stream interpreter: a page's operators → positioned characters
//! and ruling segments, in upright page coordinates (origin top-left, y down,
//! /Rotate and the media box applied).

use super::deref;
use super::font::{Font, FontArrays};
use super::packed::PackedArrays;
use super::tokens::{Operand, Ops};
use crate::read::fixed::{
    Matrix, PageContent, Subpath, TextChar, filled_rulings, is_pale, normalise_orientation,
    stroked_rulings, subpath_box,
};
use crate::read::{Deadline, ReadError};
use foldhash::HashMap;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::rc::Rc;

/// Bounds for one page's interpretation.
#[derive(Debug, Clone, Copy)]
pub struct PageLimits {
    pub max_ops: usize,
    pub max_form_depth: usize,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    fill: f32,
    /// The fill's constant opacity (`/ca` of the graphics state set by
    /// `gs`): a watermark is often black text drawn at 10–30 %.
    fill_alpha: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    font: Option<Rc<Font>>,
    size: f32,
    rise: f32,
}

pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
    /// Fonts given inline in a resource dictionary, by the dictionary's
    /// address (stable while the document is loaded): 100,000 `Tf` of one
    /// inline font parse its CMap once.
    by_addr: HashMap<usize, Rc<Font>>,
    /// The font each (resource dictionary, name) of a `Tf` came to, so a
    /// repeated `Tf` is one short scan (bounded; past it, the full lookup).
    by_name: Vec<(usize, Vec<u8>, Rc<Font>)>,
    /// Decoded glyphs all fonts of the document may still remember.
    memo_budget: usize,
    /// ToUnicode mappings all fonts of the document may still make.
    cmap_budget: usize,
}

impl Default for FontCache {
    fn default() -> Self {
        FontCache {
            by_id: HashMap::default(),
            by_addr: HashMap::default(),
            by_name: Vec::new(),
            memo_budget: MAX_MEMO_GLYPHS,
            cmap_budget: MAX_CMAP_MAPPINGS,
        }
    }
}

/// Distinct (resources, font name) pairs remembered per document.
const MAX_NAMED_FONTS: usize = 64;

/// Fonts a document keeps once read, by object and by inline dictionary
/// (a report uses a few dozen; a Chromium print ~150). Past this a font is
/// read again at each use and dropped after it: each holds kilobytes of
/// tables, and a hostile file naming 200,000 fonts took 3 GB kept.
const MAX_CACHED_FONTS: usize = 2048;

/// Decoded glyphs remembered per document, over all its fonts (a report
/// shows a few thousand distinct codes; past this, codes are decoded each
/// time they are shown, and memory stays ~15 MB at most).
const MAX_MEMO_GLYPHS: usize = 1 << 18;

/// ToUnicode mappings (40–60 bytes each) a document's fonts may make in
/// all: a CMap's range of three tokens maps up to 65,536 codes, and 1,500
/// fonts each with such ranges took 7 GB before this bound; a report's
/// fonts make a few thousand.
const MAX_CMAP_MAPPINGS: usize = 2_000_000;

/// The current path's subpaths, their vectors kept from one path to the
/// next: reportlab draws each ruling of a table as a path of its own, and
/// a fresh vector for each subpath was an allocation a ruling.
#[derive(Default)]
struct Path {
    subpaths: Vec<Subpath>,
    len: usize,
}

impl Path {
    /// Begins a subpath at `p`.
    fn start(&mut self, p: (f32, f32, bool)) {
        if self.len == self.subpaths.len() {
            self.subpaths.push(Vec::new());
        }
        let sp = &mut self.subpaths[self.len];
        sp.clear();
        sp.push(p);
        self.len += 1;
    }

    fn last_mut(&mut self) -> Option<&mut Subpath> {
        let last = self.len.checked_sub(1)?;
        self.subpaths.get_mut(last)
    }

    fn subpaths(&self) -> &[Subpath] {
        &self.subpaths[..self.len]
    }

    fn clear(&mut self) {
        self.len = 0;
    }
}

fn num(o: &Operand) -> f32 {
    match o {
        Operand::Num(n) => *n,
        _ => 0.0,
    }
}

/// A number of the file's object syntax (page boxes, form matrices).
fn obj_num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn as_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// Brightness of a colour given by its components (gray, RGB or CMYK).
fn brightness(c: &[f32]) -> f32 {
    match c.len() {
        1 => c[0],
        3 => 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2],
        4 => 1.0 - (0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2] + c[3]).min(1.0),
        _ => 0.0,
    }
}

/// The matrix from user space to upright, top-down page space.
pub fn page_matrix(media: [f32; 4], rotate: i64) -> (Matrix, f32, f32) {
    let [llx, lly, urx, ury] = media;
    let (w, h) = (urx - llx, ury - lly);
    match rotate.rem_euclid(360) {
        90 => (Matrix([0.0, 1.0, 1.0, 0.0, -lly, -llx]), h, w),
        180 => (Matrix([-1.0, 0.0, 0.0, 1.0, urx, -lly]), w, h),
        270 => (Matrix([0.0, -1.0, -1.0, 0.0, ury, urx]), h, w),
        _ => (Matrix([1.0, 0.0, 0.0, -1.0, -llx, ury]), w, h),
    }
}

pub struct Interpreter<'a> {
    doc: &'a Document,
    /// The fonts' arrays the loader read packed.
    packed: &'a PackedArrays,
    fonts: &'a mut FontCache,
    limits: PageLimits,
    deadline: &'a Deadline,
    out: PageContent,
    ops: usize,
    seq: u32,
    /// Characters placed upright (quarter 0, not skewed): while they are
    /// half the page's or more, no other direction can be its main one,
    /// and `normalise_orientation` need not count the page again.
    upright: usize,
    /// Pale characters placed (watermarks: [`is_pale`]), left out of the
    /// upright count and of the total it is weighed against.
    pale: usize,
    /// Bytes of text shown on this page so far.
    shown: usize,
    /// Form XObjects being drawn (cycle guard).
    forms: Vec<ObjectId>,
    /// The fill opacity each (resource dictionary, name) of a `gs` came to:
    /// a WPS page sets its one state again at every line (bounded; past
    /// it, each is looked up).
    alphas: Vec<(usize, Vec<u8>, Option<f32>)>,
}

/// Distinct (resources, graphics state name) pairs remembered per page.
const MAX_NAMED_STATES: usize = 64;

impl<'a> Interpreter<'a> {
    pub fn new(
        doc: &'a Document,
        packed: &'a PackedArrays,
        fonts: &'a mut FontCache,
        limits: PageLimits,
        deadline: &'a Deadline,
    ) -> Self {
        Interpreter {
            doc,
            packed,
            fonts,
            limits,
            deadline,
            out: PageContent::default(),
            ops: 0,
            seq: 0,
            upright: 0,
            pale: 0,
            shown: 0,
            forms: Vec::new(),
            alphas: Vec::new(),
        }
    }

    pub fn run_page(
        mut self,
        page: &Dictionary,
        content: &[u8],
        resources: Option<&Dictionary>,
    ) -> Result<PageContent, ReadError> {
        // Room for the page's characters up front (a few bytes of content
        // draw each one: a digit in a string is one), so the list is not
        // copied as it doubles; capped.
        self.out.chars.reserve((content.len() / 4).min(16_384));
        let media = self.page_box(page);
        let rotate = self
            .inherited(page, b"Rotate")
            .map_or(0, |o| obj_num(o) as i64);
        let (base, w, h) = page_matrix(media, rotate);
        self.out.width = w;
        self.out.height = h;
        let gs = GState {
            ctm: base,
            fill: 0.0,
            fill_alpha: 1.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            rise: 0.0,
        };
        self.run(content, resources, gs, 0)?;
        // Every page is kept until layout: room reserved and not used (a
        // page of rulings) is given back — by the allocator in place while
        // over half of it is used, else by one copy.
        if self.out.chars.capacity() > self.out.chars.len() + 1024 {
            self.out.chars.shrink_to_fit();
        }
        if self.upright * 2 < self.out.chars.len().saturating_sub(self.pale) {
            normalise_orientation(&mut self.out);
        }
        Ok(self.out)
    }

    /// A page attribute, inherited through /Parent (bounded).
    fn inherited(&self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut d = page;
        for _ in 0..32 {
            if let Ok(o) = d.get(key) {
                return Some(deref(self.doc, o));
            }
            d = as_dict(self.doc, d.get(b"Parent").ok()?)?;
        }
        None
    }

    fn page_box(&self, page: &'a Dictionary) -> [f32; 4] {
        let get = |k: &[u8]| -> Option<[f32; 4]> {
            match self.inherited(page, k)? {
                Object::Array(a) if a.len() == 4 => {
                    let v: Vec<f32> = a.iter().map(|o| obj_num(deref(self.doc, o))).collect();
                    let (x0, x1) = (v[0].min(v[2]), v[0].max(v[2]));
                    let (y0, y1) = (v[1].min(v[3]), v[1].max(v[3]));
                    (x1 - x0 > 1.0 && y1 - y0 > 1.0).then_some([x0, y0, x1, y1])
                }
                _ => None,
            }
        };
        get(b"CropBox")
            .or_else(|| get(b"MediaBox"))
            .unwrap_or([0.0, 0.0, 595.0, 842.0])
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Result<Rc<Font>, ReadError> {
        let res = resources.map_or(0, |r| std::ptr::from_ref(r) as usize);
        // Newest first: a page's own fonts were added last (each pair is
        // kept once, so either end finds the same entry).
        if let Some((_, _, f)) = self
            .fonts
            .by_name
            .iter()
            .rev()
            .find(|(r, n, _)| *r == res && n == name)
        {
            return Ok(f.clone());
        }
        // Reading a font can take milliseconds (its CMap): the deadline is
        // checked at each, not only every 8,192 operations.
        self.deadline.check()?;
        let font = self.resolve_font(resources, name);
        if self.fonts.by_name.len() < MAX_NAMED_FONTS {
            self.fonts.by_name.push((res, name.to_vec(), font.clone()));
        }
        Ok(font)
    }

    fn resolve_font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| as_dict(doc, f))
            .and_then(|fonts| fonts.get(name).ok());
        let Some(entry) = entry else {
            return Rc::new(Font::fallback());
        };
        if let Object::Reference(id) = entry {
            if let Some(f) = self.fonts.by_id.get(id) {
                return f.clone();
            }
            // (the object a chain of references ends at holds the arrays)
            let object = doc.dereference(entry).ok().and_then(|(id, _)| id);
            let font = Rc::new(as_dict(doc, entry).map_or_else(Font::fallback, |d| {
                let arrays = FontArrays::of(doc, self.packed, object, d);
                Font::from_dict(doc, d, arrays, &mut self.fonts.cmap_budget)
            }));
            if self.fonts.by_id.len() < MAX_CACHED_FONTS {
                self.fonts.by_id.insert(*id, font.clone());
            }
            return font;
        }
        let Some(d) = as_dict(doc, entry) else {
            return Rc::new(Font::fallback());
        };
        let addr = std::ptr::from_ref(d) as usize;
        if let Some(f) = self.fonts.by_addr.get(&addr) {
            return f.clone();
        }
        let arrays = FontArrays::of(doc, self.packed, None, d);
        let font = Rc::new(Font::from_dict(doc, d, arrays, &mut self.fonts.cmap_budget));
        if self.fonts.by_addr.len() < MAX_CACHED_FONTS {
            self.fonts.by_addr.insert(addr, font.clone());
        }
        font
    }

    /// The fill opacity (`/ca`) of graphics state `name` in `resources`'
    /// `/ExtGState`, when it sets one.
    fn fill_alpha(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<f32> {
        let res = resources.map_or(0, |r| std::ptr::from_ref(r) as usize);
        if let Some((_, _, alpha)) = self.alphas.iter().find(|(r, n, _)| *r == res && n == name) {
            return *alpha;
        }
        let alpha = self.look_up_fill_alpha(resources, name);
        if self.alphas.len() < MAX_NAMED_STATES {
            self.alphas.push((res, name.to_vec(), alpha));
        }
        alpha
    }

    fn look_up_fill_alpha(&self, resources: Option<&Dictionary>, name: &[u8]) -> Option<f32> {
        let doc = self.doc;
        let state = resources
            .and_then(|r| r.get(b"ExtGState").ok())
            .and_then(|d| as_dict(doc, d))
            .and_then(|d| d.get(name).ok())
            .and_then(|d| as_dict(doc, d))?;
        let ca = obj_num(deref(doc, state.get(b"ca").ok()?));
        ca.is_finite().then(|| ca.clamp(0.0, 1.0))
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        mut gs: GState,
        depth: usize,
    ) -> Result<(), ReadError> {
        // A stream too long to stay under the operation limit (at 24 bytes
        // an operation, far denser than any real page) is refused unread;
        // otherwise the limit is counted as operations are tokenized.
        if content.len() / 24 > self.limits.max_ops {
            return Err(ReadError::TooLarge(format!(
                "a page's content stream is {} bytes, more than {} operations can take; raise --max-pdf-ops if the file is genuine",
                content.len(),
                self.limits.max_ops
            )));
        }
        // Operations are tokenized one at a time as they are interpreted.
        let mut ops = Ops::new(content);
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        // Current path in device space: subpaths of (point, is_line_to).
        let mut path = Path::default();
        let mut rects: Vec<[f32; 4]> = Vec::new();
        let mut comps: usize = 1;
        while let Some(op) = ops.next_op() {
            self.ops += 1;
            if self.ops > self.limits.max_ops {
                return Err(ReadError::TooLarge(format!(
                    "a page draws more than {} operations; raise --max-pdf-ops if the file is genuine",
                    self.limits.max_ops
                )));
            }
            if self.ops.is_multiple_of(8192) {
                self.deadline.check()?;
            }
            let a = ops.operands();
            let n = |i: usize| num(&a[i]);
            match op_code(op) {
                [b'q', 0, 0] if stack.len() < 256 => {
                    stack.push(gs.clone());
                }
                [b'Q', 0, 0] => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                    }
                }
                [b'c', b'm', 0] if a.len() == 6 => {
                    gs.ctm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]).then(&gs.ctm);
                }
                [b'B', b'T', 0] => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                [b'T', b'f', 0] if a.len() == 2 => {
                    if let Operand::Name(name) = a[0] {
                        gs.font = Some(self.font(resources, ops.bytes(name))?);
                    }
                    gs.size = n(1);
                }
                [b'T', b'c', 0] if !a.is_empty() => gs.char_spacing = n(0),
                [b'T', b'w', 0] if !a.is_empty() => gs.word_spacing = n(0),
                [b'T', b'z', 0] if !a.is_empty() => gs.hscale = n(0) / 100.0,
                [b'T', b'L', 0] if !a.is_empty() => gs.leading = n(0),
                [b'T', b's', 0] if !a.is_empty() => gs.rise = n(0),
                [b'T', b'd', 0] if a.len() == 2 => {
                    tlm = Matrix::translate(n(0), n(1)).then(&tlm);
                    tm = tlm;
                }
                [b'T', b'D', 0] if a.len() == 2 => {
                    gs.leading = -n(1);
                    tlm = Matrix::translate(n(0), n(1)).then(&tlm);
                    tm = tlm;
                }
                [b'T', b'm', 0] if a.len() == 6 => {
                    tlm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                    tm = tlm;
                }
                [b'T', b'*', 0] => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                [b'T', b'j', 0] | [b'\'', 0, 0] | [b'"', 0, 0] | [b'T', b'J', 0] => {
                    if op != b"Tj" && op != b"TJ" {
                        if op == b"\"" && a.len() == 3 {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                        tm = tlm;
                    }
                    let items = match (op, a.first()) {
                        (b"TJ", Some(Operand::Array(items))) => ops.items(*items),
                        _ => a.last().map_or(&[][..], std::slice::from_ref),
                    };
                    for item in items {
                        match *item {
                            Operand::Str(s) => self.show(ops.bytes(s), &gs, &mut tm)?,
                            ref o => {
                                let adj = num(o) / 1000.0 * gs.size;
                                let vertical = gs.font.as_ref().is_some_and(|f| f.vertical);
                                tm = if vertical {
                                    Matrix::translate(0.0, -adj).then(&tm)
                                } else {
                                    Matrix::translate(-adj * gs.hscale, 0.0).then(&tm)
                                };
                            }
                        }
                    }
                }
                [b'g', 0, 0] if !a.is_empty() => gs.fill = n(0),
                [b'g', b's', 0] if !a.is_empty() => {
                    if let Operand::Name(name) = a[0]
                        && let Some(alpha) = self.fill_alpha(resources, ops.bytes(name))
                    {
                        gs.fill_alpha = alpha;
                    }
                }
                [b'r', b'g', 0] if a.len() == 3 => gs.fill = brightness(&[n(0), n(1), n(2)]),
                [b'k', 0, 0] if a.len() == 4 => gs.fill = brightness(&[n(0), n(1), n(2), n(3)]),
                [b'c', b's', 0] => {
                    comps = match a.first() {
                        Some(Operand::Name(s)) if ops.bytes(*s) == b"DeviceRGB" => 3,
                        Some(Operand::Name(s)) if ops.bytes(*s) == b"DeviceCMYK" => 4,
                        _ => 1,
                    }
                }
                [b's', b'c', 0] | [b's', b'c', b'n'] => {
                    let mut v = [0.0f32; 4];
                    let mut len = 0;
                    for o in a.iter().filter(|o| !matches!(o, Operand::Name(_))) {
                        if len < v.len() {
                            v[len] = num(o);
                        }
                        len += 1;
                    }
                    if len == comps || matches!(len, 1 | 3 | 4) {
                        gs.fill = brightness(&v[..len.min(4)]);
                    }
                }
                [b'm', 0, 0] if a.len() == 2 => {
                    let p = gs.ctm.apply(n(0), n(1));
                    path.start((p.0, p.1, false));
                }
                [b'l', 0, 0] if a.len() == 2 => {
                    let p = gs.ctm.apply(n(0), n(1));
                    match path.last_mut() {
                        Some(sp) => sp.push((p.0, p.1, true)),
                        None => path.start((p.0, p.1, false)),
                    }
                }
                [b'c', 0, 0] | [b'v', 0, 0] | [b'y', 0, 0] if a.len() >= 4 => {
                    let len = a.len();
                    let p = gs.ctm.apply(n(len - 2), n(len - 1));
                    if let Some(sp) = path.last_mut() {
                        sp.push((p.0, p.1, false));
                    }
                }
                [b'h', 0, 0] => {
                    if let Some(sp) = path.last_mut()
                        && let Some(&(x, y, _)) = sp.first()
                    {
                        sp.push((x, y, true));
                    }
                }
                [b'r', b'e', 0] if a.len() == 4 => {
                    let v = [n(0), n(1), n(2), n(3)];
                    let pts = [
                        (v[0], v[1]),
                        (v[0] + v[2], v[1]),
                        (v[0] + v[2], v[1] + v[3]),
                        (v[0], v[1] + v[3]),
                    ];
                    let d = pts.map(|(x, y)| gs.ctm.apply(x, y));
                    let xs = d.iter().map(|p| p.0);
                    let ys = d.iter().map(|p| p.1);
                    let (x0, x1) = (
                        xs.clone().fold(f32::MAX, f32::min),
                        xs.fold(f32::MIN, f32::max),
                    );
                    let (y0, y1) = (
                        ys.clone().fold(f32::MAX, f32::min),
                        ys.fold(f32::MIN, f32::max),
                    );
                    rects.push([x0, y0, x1, y1]);
                    path.start((x0, y0, false));
                    if let Some(sp) = path.last_mut() {
                        sp.extend([
                            (x1, y0, true),
                            (x1, y1, true),
                            (x0, y1, true),
                            (x0, y0, true),
                        ]);
                    }
                }
                [b'S', 0, 0]
                | [b's', 0, 0]
                | [b'B', 0, 0]
                | [b'B', b'*', 0]
                | [b'b', 0, 0]
                | [b'b', b'*', 0] => {
                    self.stroke(path.subpaths());
                    path.clear();
                    rects.clear();
                }
                [b'f', 0, 0] | [b'F', 0, 0] | [b'f', b'*', 0] => {
                    self.fill(&rects, path.subpaths());
                    path.clear();
                    rects.clear();
                }
                [b'n', 0, 0] => {
                    path.clear();
                    rects.clear();
                }
                [b'D', b'o', 0] if !a.is_empty() => {
                    if let Operand::Name(name) = a[0] {
                        self.draw_xobject(resources, ops.bytes(name), &gs, depth)?;
                    }
                }
                [b'B', b'I', 0] => self.out.image_under(&gs.ctm),
                _ => {}
            }
        }
        Ok(())
    }

    fn stroke(&mut self, path: &[Subpath]) {
        stroked_rulings(path, &mut self.out.segments);
    }

    /// Filled thin rectangles (and thin filled polygons) are rulings.
    fn fill(&mut self, rects: &[[f32; 4]], path: &[Subpath]) {
        if rects.is_empty() {
            filled_rulings(path.iter().map(subpath_box), &mut self.out.segments);
        } else {
            filled_rulings(rects.iter().copied(), &mut self.out.segments);
        }
    }

    fn draw_xobject(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &GState,
        depth: usize,
    ) -> Result<(), ReadError> {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| as_dict(doc, x))
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Object::Stream(stream) = deref(doc, entry) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype") {
            Ok(Object::Name(n)) if n.as_slice() == b"Image" => {
                self.out.image_under(&gs.ctm);
                Ok(())
            }
            Ok(Object::Name(n)) if n.as_slice() == b"Form" => {
                if depth >= self.limits.max_form_depth
                    || id.is_some_and(|i| self.forms.contains(&i))
                {
                    return Ok(());
                }
                let mut inner = gs.clone();
                if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix")
                    && m.len() == 6
                {
                    let v: Vec<f32> = m.iter().map(|o| obj_num(deref(doc, o))).collect();
                    inner.ctm = Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]).then(&gs.ctm);
                }
                let res = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| as_dict(doc, r))
                    .or(resources);
                let limit = 64 * 1024 * 1024;
                let bytes = super::inflate::flate_stream(stream, limit).unwrap_or_else(|| {
                    stream
                        .decompressed_content_with_limit(limit)
                        .unwrap_or_else(|_| stream.content.clone())
                });
                if let Some(i) = id {
                    self.forms.push(i);
                }
                let r = self.run(&bytes, res, inner, depth + 1);
                if id.is_some() {
                    self.forms.pop();
                }
                r
            }
            _ => Ok(()),
        }
    }

    /// Draws a string: one TextChar per code, advancing the text matrix.
    /// A page drawing more characters than any report page holds is
    /// refused before the string is decoded.
    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix) -> Result<(), ReadError> {
        let Some(font) = gs.font.as_deref() else {
            return Ok(());
        };
        self.shown = self.shown.saturating_add(bytes.len());
        if self.shown > MAX_SHOWN_BYTES_PER_PAGE {
            return Err(ReadError::TooLarge(format!(
                "a page draws more than {MAX_SHOWN_BYTES_PER_PAGE} bytes of text; no report page holds that much"
            )));
        }
        // What stays the same for the whole string, read once.
        let size = gs.size;
        let sh = size * gs.hscale;
        let (hscale, rise, ctm) = (gs.hscale, gs.rise, gs.ctm);
        // As it shows on white paper: translucent text is paler.
        let fill = if gs.fill_alpha < 1.0 {
            1.0 - (1.0 - gs.fill) * gs.fill_alpha
        } else {
            gs.fill
        };
        let (char_spacing, word_spacing) = (gs.char_spacing, gs.word_spacing);
        let vertical = font.vertical;
        // (Counted before the glyph loop, taken back after it for a pale
        // string: no test per glyph.)
        let (placed, was_upright) = (self.out.chars.len(), self.upright);
        let (out, seq, upright) = (&mut self.out, &mut self.seq, &mut self.upright);
        // `move`: the string's constants are the closure's own copies, kept
        // in registers through the glyph loop rather than read through
        // references to this frame (measured ~1 % on a CID-font file).
        font.decode(bytes, &mut self.fonts.memo_budget, move |g| {
            // Glyph box in glyph space (em units).
            let (bx0, by0, bx1, by1) = if vertical {
                (-0.5, -0.88, 0.5, 0.12)
            } else {
                (0.0, -0.12, g.width.max(0.3), 0.88)
            };
            if !g.blank || g.undecoded {
                *seq += 1;
                let em_box = [bx0, by0, bx1, by1];
                let c = match axis_aligned_box(sh, size, rise, tm, &ctm, em_box) {
                    Some((x0, y0, x1, y1, a, d)) => {
                        *upright += usize::from(a > 0.0);
                        TextChar {
                            text: g.text.clone(),
                            x0,
                            y0,
                            x1,
                            y1,
                            // As `placed`: (c² + d²)^½, c² being zero.
                            size: (d * d).sqrt(),
                            quarter: if a > 0.0 { 0 } else { 2 },
                            skewed: false,
                            vertical,
                            brightness: fill,
                            undecoded: g.undecoded,
                            seq: *seq,
                        }
                    }
                    None => {
                        let trm = Matrix([sh, 0.0, 0.0, size, 0.0, rise]).then(tm).then(&ctm);
                        let text = g.text.clone();
                        let c =
                            TextChar::placed(text, &trm, em_box, vertical, fill, g.undecoded, *seq);
                        *upright += usize::from(c.quarter == 0 && !c.skewed);
                        c
                    }
                };
                out.chars.push(c);
                out.classes[g.class as usize] += 1;
            }
            let spacing = char_spacing + if g.is_space_code { word_spacing } else { 0.0 };
            *tm = if vertical {
                Matrix::translate(0.0, -(size + spacing)).then(tm)
            } else {
                Matrix::translate((g.width * size + spacing) * hscale, 0.0).then(tm)
            };
        });
        if is_pale(fill) {
            self.pale += self.out.chars.len() - placed;
            self.upright = was_upright;
        }
        Ok(())
    }
}

/// The page box `[x0 y0 x1 y1]` of glyph box `em` drawn with text matrix
/// `tm` under `ctm` (horizontal scale `sh`, size `s`, rise `rise`), and
/// the glyph matrix's `a` and `d`, when neither matrix rotates or skews:
/// the products [`TextChar::placed`] would form with the zero entries are
/// left out. Those products are signed zeros, which change no sum that is
/// not itself zero, so a box with no zero edge is exactly the general
/// one; otherwise (or with any entry not finite) None, for the general path.
#[inline]
fn axis_aligned_box(
    sh: f32,
    s: f32,
    rise: f32,
    tm: &Matrix,
    ctm: &Matrix,
    em: [f32; 4],
) -> Option<(f32, f32, f32, f32, f32, f32)> {
    let [ta, tb, tc, td, te, tf] = tm.0;
    let [ca, cb, cc, cd, ce, cf] = ctm.0;
    if tb != 0.0 || tc != 0.0 || cb != 0.0 || cc != 0.0 {
        return None;
    }
    // base × tm × ctm, as Matrix::then computes it, without the zero terms.
    let (a1, d1, f1) = (sh * ta, s * td, rise * td + tf);
    let (a, d) = (a1 * ca, d1 * cd);
    let (e, f) = (te * ca + ce, f1 * cd + cf);
    let [bx0, by0, bx1, by1] = em;
    let (xa, xb) = (bx0 * a + e, bx1 * a + e);
    let (ya, yb) = (by0 * d + f, by1 * d + f);
    // A zero term is a signed zero only when the factor beside it is finite
    // (zero times infinity is not zero). Every input reaches one of these
    // through sums and products, and an infinity or NaN anywhere makes it
    // infinite or NaN: their being finite means every input and product is.
    if ![a, d, e, f, xa, xb, ya, yb]
        .iter()
        .fold(true, |ok, v| ok & v.is_finite())
    {
        return None;
    }
    // Finite: `min` and `max` without their NaN cases.
    let (x0, x1) = if xa <= xb { (xa, xb) } else { (xb, xa) };
    let (y0, y1) = if ya <= yb { (ya, yb) } else { (yb, ya) };
    (x0 != 0.0 && x1 != 0.0 && y0 != 0.0 && y1 != 0.0).then_some((x0, y0, x1, y1, a, d))
}

/// An operator as three bytes padded with zeros, so dispatch compares
/// integers (every operator followed here has at most three bytes).
fn op_code(op: &[u8]) -> [u8; 3] {
    match *op {
        [a] => [a, 0, 0],
        [a, b] => [a, b, 0],
        [a, b, c] => [a, b, c],
        _ => [0; 3],
    }
}

/// Text bytes one page may show (a dense report page shows a few thousand
/// characters; this is 40 times more).
const MAX_SHOWN_BYTES_PER_PAGE: usize = 1 << 18;

#[cfg(test)]
mod tests {
    use super::*;

    /// `content` run as an A4 page over `resources`, with the font cache
    /// it leaves.
    fn run_a4_page(
        doc: &Document,
        content: &[u8],
        resources: Option<&Dictionary>,
    ) -> (PageContent, FontCache) {
        let mut page = Dictionary::new();
        page.set(
            "MediaBox",
            Object::Array([0, 0, 595, 842].map(Object::Integer).to_vec()),
        );
        let mut cache = FontCache::default();
        let limits = PageLimits {
            max_ops: 1_000_000,
            max_form_depth: 8,
        };
        let deadline = Deadline::after(std::time::Duration::from_secs(60));
        let out = Interpreter::new(doc, &PackedArrays::default(), &mut cache, limits, &deadline)
            .run_page(&page, content, resources)
            .unwrap();
        (out, cache)
    }

    /// A page setting more distinct fonts than a document keeps reads each
    /// past the bound at its use (its text still decoded) and keeps no more.
    #[test]
    fn fonts_past_the_cache_bound_are_read_and_not_kept() {
        let n = MAX_CACHED_FONTS + 500;
        let mut doc = Document::new();
        let mut fonts = Dictionary::new();
        let mut content = b"BT 1 0 0 1 50 700 Tm ".to_vec();
        for i in 0..n {
            let mut f = Dictionary::new();
            f.set("Type", Object::Name(b"Font".to_vec()));
            f.set("Subtype", Object::Name(b"Type1".to_vec()));
            f.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
            let id = doc.add_object(Object::Dictionary(f));
            fonts.set(format!("F{i}").into_bytes(), Object::Reference(id));
            content.extend_from_slice(format!("/F{i} 12 Tf (A) Tj ").as_bytes());
        }
        content.extend_from_slice(b"ET");
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let (out, cache) = run_a4_page(&doc, &content, Some(&resources));
        assert_eq!(out.chars.len(), n);
        assert!(out.chars.iter().all(|c| c.text == "A"));
        assert_eq!(cache.by_id.len(), MAX_CACHED_FONTS);
    }

    /// Resources naming Helvetica (WinAnsiEncoding) /F1, the font added
    /// to `doc`.
    fn helvetica_as_f1(doc: &mut Document) -> Dictionary {
        let mut f = Dictionary::new();
        f.set("Type", Object::Name(b"Font".to_vec()));
        f.set("Subtype", Object::Name(b"Type1".to_vec()));
        f.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        f.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let id = doc.add_object(Object::Dictionary(f));
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(id));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        resources
    }

    /// Each glyph placed is counted by its class as it is pushed (the
    /// census needs no pass of its own); a blank one is neither placed nor
    /// counted.
    #[test]
    fn placed_glyphs_are_counted_by_class() {
        use crate::read::fixed::{GLYPH_CLASSES, GlyphClass};
        let mut doc = Document::new();
        let resources = helvetica_as_f1(&mut doc);
        let content = b"BT /F1 12 Tf 50 700 Td (Ab 1\\351) Tj (A) Tj ET";
        let (out, _) = run_a4_page(&doc, content, Some(&resources));
        let texts: Vec<&str> = out.chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["A", "b", "1", "é", "A"]);
        let mut want = [0; GLYPH_CLASSES];
        want[GlyphClass::Other as usize] = 3;
        want[GlyphClass::Unseen as usize] = 1;
        want[GlyphClass::Latin1 as usize] = 1;
        assert_eq!(out.classes, want);
    }

    /// The page's main direction is still found when most text runs
    /// sideways (the upright count kept while placing lets a mostly upright
    /// page skip the recount, and only that page): text turned a quarter
    /// is turned back upright, the few upright characters with it; a page
    /// of upright text and one sideways line keeps that line as drawn.
    #[test]
    fn sideways_pages_are_turned_upright_and_upright_pages_kept() {
        let mut doc = Document::new();
        let resources = helvetica_as_f1(&mut doc);
        let quarters = |content: &[u8]| {
            let (out, _) = run_a4_page(&doc, content, Some(&resources));
            out.chars.iter().map(|c| c.quarter).collect::<Vec<u8>>()
        };
        // Five characters a quarter turn counter-clockwise, two upright.
        let sideways = b"q 0 1 -1 0 300 100 cm BT /F1 12 Tf 0 0 Td (ABCDE) Tj ET Q \
                         BT /F1 12 Tf 50 700 Td (FG) Tj ET";
        let q = quarters(sideways);
        assert_eq!(q.len(), 7);
        assert!(q[..5].iter().all(|q| *q == 0), "{q:?}");
        assert!(q[5..].iter().all(|q| *q != 0), "{q:?}");
        // Five upright, two sideways: kept as drawn.
        let upright = b"BT /F1 12 Tf 50 700 Td (ABCDE) Tj ET \
                        q 0 1 -1 0 300 100 cm BT /F1 12 Tf 0 0 Td (FG) Tj ET Q";
        let q = quarters(upright);
        assert!(q[..5].iter().all(|q| *q == 0), "{q:?}");
        assert!(q[5..].iter().all(|q| *q != 0), "{q:?}");
    }

    /// Text drawn translucent (a graphics state's `/ca`, as a download
    /// stamp is) shows as paler as it would on white paper, until `Q`
    /// restores the state: its brightness had been the fill's alone, so
    /// black text at 20 % was no watermark.
    #[test]
    fn translucent_text_is_as_pale_as_it_shows() {
        let mut doc = Document::new();
        let mut resources = helvetica_as_f1(&mut doc);
        let mut faint = Dictionary::new();
        faint.set("ca", Object::Real(0.2));
        let faint = doc.add_object(Object::Dictionary(faint));
        let mut states = Dictionary::new();
        states.set("GS1", Object::Reference(faint));
        resources.set("ExtGState", Object::Dictionary(states));
        let content = b"q /GS1 gs 0 g BT /F1 12 Tf 50 700 Td (A) Tj ET \
                        0.5 g BT /F1 12 Tf 50 680 Td (B) Tj ET Q \
                        /GS9 gs BT /F1 12 Tf 50 660 Td (C) Tj ET";
        let (out, _) = run_a4_page(&doc, content, Some(&resources));
        let b: Vec<f32> = out.chars.iter().map(|c| c.brightness).collect();
        assert!((b[0] - 0.8).abs() < 1e-6, "{b:?}");
        assert!((b[1] - 0.9).abs() < 1e-6, "{b:?}");
        // Restored by Q; a state the page does not hold changes nothing.
        assert_eq!(b[2], 0.0);
        assert!(is_pale(b[0]) && is_pale(b[1]) && !is_pale(b[2]));
    }

    /// A page drawn sideways under a stamp printed level across it (as a
    /// document system stamps a rotated page): the stamp's pale characters
    /// do not count as the page's reading direction, which is turned
    /// upright as without them (the stamp had kept it sideways).
    #[test]
    fn a_pale_stamp_does_not_decide_which_way_a_page_reads() {
        let mut doc = Document::new();
        let resources = helvetica_as_f1(&mut doc);
        let content = b"q 0 1 -1 0 300 100 cm BT /F1 12 Tf 0 0 Td (ABCDE) Tj ET Q \
                        0.85 g BT /F1 8 Tf 50 700 Td (2024-03-05 10:21) Tj ET";
        let (out, _) = run_a4_page(&doc, content, Some(&resources));
        let content: Vec<u8> = out
            .chars
            .iter()
            .filter(|c| !is_pale(c.brightness))
            .map(|c| c.quarter)
            .collect();
        assert_eq!(content, [0; 5]);
    }
    /// Subpath vectors are reused from path to path: a new path starts
    /// empty (no points of a longer path before it), a path ended by `n`
    /// draws nothing, and `h` closes to its own subpath's start.
    #[test]
    fn paths_reusing_subpath_vectors_start_empty() {
        let content = b"0 0 m 0 100 l 0 200 l 0 300 l S \
                        100 50 m 300 50 l S \
                        10 10 m 10 60 l n \
                        50 500 m 250 500 l 250 600 l h S";
        let (out, _) = run_a4_page(&Document::new(), content, None);
        let mut got: Vec<[f32; 4]> = out
            .segments
            .iter()
            .map(|s| [s.x0, s.y0, s.x1, s.y1])
            .collect();
        got.sort_by(|a, b| a.partial_cmp(b).unwrap());
        // Page coordinates: y measured down from the top (842).
        let want = [
            [0.0, 542.0, 0.0, 642.0],
            [0.0, 642.0, 0.0, 742.0],
            [0.0, 742.0, 0.0, 842.0],
            [50.0, 342.0, 250.0, 342.0],
            [100.0, 792.0, 300.0, 792.0],
            [250.0, 242.0, 250.0, 342.0],
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn page_matrix_rotations_keep_points_on_the_page() {
        let media = [0.0, 0.0, 600.0, 800.0];
        for rot in [0, 90, 180, 270] {
            let (m, w, h) = page_matrix(media, rot);
            for (x, y) in [(0.0, 0.0), (600.0, 800.0), (100.0, 700.0)] {
                let (px, py) = m.apply(x, y);
                assert!(
                    (0.0..=w).contains(&px) && (0.0..=h).contains(&py),
                    "rot {rot}: ({x},{y}) → ({px},{py})"
                );
            }
        }
        // Unrotated: the top-left of the page is (0, 800) in PDF space.
        assert_eq!(page_matrix(media, 0).0.apply(0.0, 800.0), (0.0, 0.0));
    }

    /// The box of an unrotated glyph, computed without the zero terms, is
    /// bit for bit the one `TextChar::placed` computes; a box it cannot
    /// vouch for (an edge at zero, a value not finite, a rotation) is left
    /// to the general path.
    #[test]
    fn axis_aligned_glyph_boxes_are_the_general_ones() {
        let mut rng = crate::test_rng::Xorshift(0x2545_f491);
        let mut pick = |choices: &[f32]| choices[rng.below(choices.len())];
        let scales = [1.0, -1.0, 0.5, 12.0, 0.013, -3.7, 1e-30, 3e30];
        let offsets = [0.0, -0.0, 1.0, 100.25, -72.0, 841.89, 1e-7, 3e38];
        let (mut fast, mut left) = (0, 0);
        for _ in 0..20_000 {
            let (sh, s, rise) = (pick(&scales), pick(&scales), pick(&offsets));
            let tm = Matrix([
                pick(&scales),
                0.0,
                -0.0,
                pick(&scales),
                pick(&offsets),
                pick(&offsets),
            ]);
            let ctm = Matrix([
                pick(&scales),
                -0.0,
                0.0,
                pick(&scales),
                pick(&offsets),
                pick(&offsets),
            ]);
            let em = [
                pick(&[0.0, -0.5]),
                -0.12,
                pick(&[0.3, 1.0, f32::INFINITY]),
                0.88,
            ];
            let Some((x0, y0, x1, y1, a, d)) = axis_aligned_box(sh, s, rise, &tm, &ctm, em) else {
                left += 1;
                continue;
            };
            fast += 1;
            let trm = Matrix([sh, 0.0, 0.0, s, 0.0, rise]).then(&tm).then(&ctm);
            let g = TextChar::placed("字".into(), &trm, em, false, 0.0, false, 0);
            let bits = |v: [f32; 5]| v.map(f32::to_bits);
            assert_eq!(
                bits([x0, y0, x1, y1, (d * d).sqrt()]),
                bits([g.x0, g.y0, g.x1, g.y1, g.size]),
                "{sh} {s} {rise} {tm:?} {ctm:?} {em:?}"
            );
            assert_eq!(
                (g.upright(), g.quarter, g.skewed),
                (a > 0.0, if a > 0.0 { 0 } else { 2 }, false)
            );
        }
        assert!(fast > 1000 && left > 1000, "{fast} {left}");
        let rotated = Matrix([0.0, 1.0, -1.0, 0.0, 10.0, 10.0]);
        let em = [0.0, -0.12, 1.0, 0.88];
        assert!(axis_aligned_box(1.0, 1.0, 0.0, &rotated, &Matrix::IDENTITY, em).is_none());
        let at_zero = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 10.0]);
        assert!(axis_aligned_box(1.0, 1.0, 0.0, &at_zero, &Matrix::IDENTITY, em).is_none());
        let nan = Matrix([1.0, 0.0, 0.0, 1.0, f32::NAN, 10.0]);
        assert!(axis_aligned_box(1.0, 1.0, 0.0, &nan, &Matrix::IDENTITY, em).is_none());
    }
}
