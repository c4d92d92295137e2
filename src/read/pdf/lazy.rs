//! Reading only the objects a report's text needs. lopdf parses every object
//! of a file before anything can be read; a tagged PDF from Word, WPS or a
//! browser holds thousands of structure elements, annotations and Type3
//! glyph procedures that no page's text is drawn from (a 4-page Chromium
//! report: 1,647 objects, 725 of them `/StructElem`). Here the cross-reference
//! table is read, and from the trailer's `/Root` only what is reachable
//! through keys other than those subtrees is parsed, into a `lopdf::Document`
//! the rest of the reader uses as before.
//!
//! This is a fast path, not a second PDF parser to trust with damaged files:
//! anything it does not read exactly as written (a hybrid or damaged xref,
//! an object not where the xref says, a stream `/Length` that misses its
//! `endstream`, encryption) makes it give up, and lopdf loads the whole file
//! with its repairs.

use super::packed::{PackedArray, PackedArrays, Slot};
use super::tokens::{decode_name, hex_string, literal_string};
use crate::read::{Deadline, ReadError};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// Deepest nesting of arrays and dictionaries in one object.
const MAX_DEPTH: usize = 32;
/// Most elements of one array or dictionary (lopdf's own loading is
/// refused past 500,000 by `array_and_token_counts`; the fallback reaches it).
const MAX_ELEMENTS: usize = 500_000;
/// Most cross-reference sections followed through `/Prev`.
const MAX_SECTIONS: usize = 64;
/// Most xref entries kept (a long report has a few thousand objects; an
/// xref claiming millions goes to lopdf and its own bounds).
const MAX_OBJECTS: usize = 1 << 20;

/// Keys whose values no page's text is drawn from: the structure tree,
/// outlines, annotations, forms, name trees, metadata, thumbnails, the
/// glyph procedures of Type3 fonts, and Type1 and CFF font programs (most
/// of an embedded-font file's bytes; only a TrueType program, /FontFile2,
/// is ever read, for a font without a ToUnicode map).
const NEEDLESS: &[&[u8]] = &[
    b"StructTreeRoot",
    b"ParentTree",
    b"Outlines",
    b"Metadata",
    b"Annots",
    b"AcroForm",
    b"Names",
    b"Dests",
    b"Threads",
    b"PieceInfo",
    b"Thumb",
    b"CharProcs",
    b"OpenAction",
    b"FontFile",
    b"FontFile3",
];

/// A decoded object stream: each object's offset, and the bytes.
type Container = (Vec<usize>, Vec<u8>);

#[derive(Clone, Copy)]
enum Entry {
    /// Byte offset (from `%PDF-`) and generation.
    At(usize, u16),
    /// The object's container (an object stream) and its index there.
    InStream(u32, usize),
}

/// How many levels deep reading one object may go to read others: the
/// object stream holding it, that stream's `/Length`, the object stream
/// holding that… (each a level; a chain past this is not a real file's).
const MAX_READ_DEPTH: usize = 4;

struct Reader<'a> {
    pdf: &'a [u8],
    xref: HashMap<u32, Entry>,
    max_member_bytes: usize,
    /// Object streams decoded so far (None: one that does not decode).
    containers: HashMap<u32, Option<Container>>,
    /// Font arrays read packed, by object.
    packed: PackedArrays,
}

/// The document's page-drawing objects and its fonts' packed arrays
/// (`packed`), or None where lopdf should load it; `TooLarge` when they
/// hold more than `max_values` values.
pub fn load(
    bytes: &[u8],
    max_member_bytes: usize,
    max_values: usize,
    deadline: &Deadline,
) -> Result<Option<(Document, PackedArrays)>, ReadError> {
    let Some((pdf, xref, root)) = xref_and_root(bytes, max_member_bytes) else {
        return Ok(None);
    };
    let mut r = Reader {
        pdf,
        xref,
        max_member_bytes,
        containers: HashMap::new(),
        packed: PackedArrays::default(),
    };
    let mut doc = Document::new();
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut todo = vec![root];
    let mut values = 0usize;
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        if seen.len().is_multiple_of(256) && deadline.check().is_err() {
            return Ok(None);
        }
        let Some((obj, packed)) = r.object_and_arrays(id) else {
            return Ok(None);
        };
        // Each value takes 100–200 bytes as a lopdf `Object` (a number
        // written in two bytes takes 120): the count bounds the memory.
        // (A packed item takes 16 bytes and its name's: counted as one.)
        values += references(&obj, &mut todo) + packed;
        if values > max_values {
            return Err(ReadError::TooLarge(format!(
                "the PDF's pages draw on more than {max_values} values (objects, and the items of their arrays and dictionaries); raise --max-pdf-values if the file is genuine"
            )));
        }
        doc.max_id = doc.max_id.max(id.0);
        doc.objects.insert(id, obj);
    }
    let mut t = Dictionary::new();
    t.set("Root", Object::Reference(root));
    doc.trailer = t;
    Ok(Some((doc, r.packed)))
}

/// The PDF from its header on, its newest xref and its root, when the xref
/// reads cleanly and the file is not encrypted.
fn xref_and_root(
    bytes: &[u8],
    max_member_bytes: usize,
) -> Option<(&[u8], HashMap<u32, Entry>, ObjectId)> {
    let base = crate::read::find(bytes, b"%PDF-")?;
    let pdf = &bytes[base..];
    let (xref, trailer) = read_xref(pdf, max_member_bytes)?;
    if trailer.get(b"Encrypt").is_ok() {
        return None;
    }
    let root = trailer.get(b"Root").ok()?.as_reference().ok()?;
    Some((pdf, xref, root))
}

/// Pushes the references in `o`, but not those under [`NEEDLESS`] keys,
/// and gives how many values `o` holds (itself and every item within).
fn references(o: &Object, out: &mut Vec<ObjectId>) -> usize {
    let mut stack = vec![o];
    let mut values = 0;
    while let Some(o) = stack.pop() {
        values += 1;
        match o {
            Object::Reference(id) => out.push(*id),
            Object::Array(a) => stack.extend(a.iter()),
            Object::Dictionary(d) => push_dict(d, &mut stack),
            Object::Stream(s) => push_dict(&s.dict, &mut stack),
            _ => {}
        }
    }
    values
}

fn push_dict<'a>(d: &'a Dictionary, stack: &mut Vec<&'a Object>) {
    for (k, v) in d.iter() {
        if !NEEDLESS.contains(&k.as_slice()) {
            stack.push(v);
        }
    }
}

impl Reader<'_> {
    /// Object `id` with its packed arrays kept (`packed`), and how many
    /// items they hold.
    fn object_and_arrays(&mut self, id: ObjectId) -> Option<(Object, usize)> {
        let mut arrays = Vec::new();
        let obj = self.object_into(id, 0, &mut arrays)?;
        let items = arrays.iter().map(|(_, a)| a.len()).sum();
        for (slot, a) in arrays {
            self.packed.insert(id, slot, a);
        }
        Some((obj, items))
    }

    /// Object `id` as the xref places it; `depth` guards chains of objects
    /// read to read another (a stream's `/Length`, an object stream).
    fn object(&mut self, id: ObjectId, depth: usize) -> Option<Object> {
        self.object_into(id, depth, &mut Vec::new())
    }

    /// `object`, the arrays it packs pushed onto `arrays`.
    fn object_into(
        &mut self,
        id: ObjectId,
        depth: usize,
        arrays: &mut Vec<(Slot, PackedArray)>,
    ) -> Option<Object> {
        match *self.xref.get(&id.0)? {
            Entry::At(offset, generation) => {
                if generation != id.1 || depth > MAX_READ_DEPTH {
                    return None;
                }
                let mut p = Parser::at(self.pdf, offset);
                p.expect_header(id)?;
                let value = p.value(0)?;
                arrays.append(&mut p.packed);
                let Object::Dictionary(dict) = value else {
                    return Some(value);
                };
                if !p.keyword(b"stream") {
                    return Some(Object::Dictionary(dict));
                }
                let len = match dict.get(b"Length").ok()? {
                    Object::Integer(n) => usize::try_from(*n).ok()?,
                    Object::Reference(l) => match self.object(*l, depth + 1)? {
                        Object::Integer(n) => usize::try_from(n).ok()?,
                        _ => return None,
                    },
                    _ => return None,
                };
                // An image's data is never read (an image is only counted):
                // passed over, not copied (a scanned report is mostly images).
                let image =
                    matches!(dict.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Image");
                let content = p.stream_body(len, !image)?;
                Some(Object::Stream(Stream::new(dict, content)))
            }
            Entry::InStream(container, index) => {
                if id.1 != 0 || depth > MAX_READ_DEPTH {
                    return None;
                }
                if !self.containers.contains_key(&container) {
                    let decoded = self.container(container, depth);
                    self.containers.insert(container, decoded);
                }
                let (offsets, data) = self.containers.get(&container)?.as_ref()?;
                let mut p = Parser::at(data, *offsets.get(index)?);
                let value = p.value(0)?;
                arrays.append(&mut p.packed);
                Some(value)
            }
        }
    }

    /// An object stream's object offsets and decoded bytes, read at
    /// `depth`. A stream is never inside an object stream (PDF 32000-1
    /// §7.5.7): one placed there, or in itself, is not followed.
    fn container(&mut self, id: u32, depth: usize) -> Option<Container> {
        if !matches!(self.xref.get(&id), Some(Entry::At(..))) {
            return None;
        }
        let Object::Stream(s) = self.object((id, 0), depth + 1)? else {
            return None;
        };
        let n = usize::try_from(s.dict.get(b"N").ok()?.as_i64().ok()?).ok()?;
        let first = usize::try_from(s.dict.get(b"First").ok()?.as_i64().ok()?).ok()?;
        let data = super::inflate::flate_stream(&s, self.max_member_bytes).or_else(|| {
            s.decompressed_content_with_limit(self.max_member_bytes)
                .ok()
        })?;
        let mut p = Parser::at(&data, 0);
        let mut offsets = Vec::with_capacity(n.min(MAX_ELEMENTS));
        for _ in 0..n.min(MAX_ELEMENTS) {
            let _num = p.unsigned()?;
            offsets.push(first.checked_add(p.unsigned()?)?);
        }
        Some((offsets, data))
    }
}

/// The newest entry of every object (sections followed through `/Prev`)
/// and the newest trailer.
fn read_xref(pdf: &[u8], max_member_bytes: usize) -> Option<(HashMap<u32, Entry>, Dictionary)> {
    let tail = pdf.len().saturating_sub(1024);
    let at = tail + memchr::memmem::rfind(&pdf[tail..], b"startxref")? + b"startxref".len();
    let mut p = Parser::at(pdf, at);
    let mut offset = p.unsigned()?;
    let mut xref: HashMap<u32, Entry> = HashMap::new();
    let mut trailer: Option<Dictionary> = None;
    let mut visited = Vec::new();
    loop {
        if visited.contains(&offset) || visited.len() >= MAX_SECTIONS {
            return None;
        }
        visited.push(offset);
        let mut p = Parser::at(pdf, offset);
        let dict = if p.keyword(b"xref") {
            p.classic_section(&mut xref)?;
            if !p.keyword(b"trailer") {
                return None;
            }
            let Object::Dictionary(d) = p.value(0)? else {
                return None;
            };
            // Hybrid files list some objects only in a cross-reference stream.
            if d.get(b"XRefStm").is_ok() {
                return None;
            }
            d
        } else {
            xref_stream(pdf, offset, &mut xref, max_member_bytes)?
        };
        let prev = dict.get(b"Prev").ok().and_then(|o| o.as_i64().ok());
        trailer.get_or_insert(dict);
        match prev {
            Some(n) => offset = usize::try_from(n).ok()?,
            None => break,
        }
    }
    Some((xref, trailer?))
}

/// A cross-reference stream at `offset`: its entries, and its dictionary
/// (which is the trailer).
fn xref_stream(
    pdf: &[u8],
    offset: usize,
    xref: &mut HashMap<u32, Entry>,
    max_member_bytes: usize,
) -> Option<Dictionary> {
    let mut p = Parser::at(pdf, offset);
    let _id = p.header()?;
    let Object::Dictionary(dict) = p.value(0)? else {
        return None;
    };
    if dict.get(b"Type").ok()?.as_name().ok()? != b"XRef" || !p.keyword(b"stream") {
        return None;
    }
    let len = usize::try_from(dict.get(b"Length").ok()?.as_i64().ok()?).ok()?;
    let body = p.stream_body(len, true)?;
    let stream = Stream::new(dict.clone(), body);
    let data = stream
        .decompressed_content_with_limit(max_member_bytes)
        .ok()?;
    let w: Vec<usize> = dict
        .get(b"W")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .map(|o| o.as_i64().ok().and_then(|v| usize::try_from(v).ok()))
        .collect::<Option<_>>()?;
    if w.len() != 3 || w.iter().any(|n| *n > 8) {
        return None;
    }
    let size = dict.get(b"Size").ok()?.as_i64().ok()?;
    let index: Vec<i64> = match dict.get(b"Index") {
        Ok(o) => o
            .as_array()
            .ok()?
            .iter()
            .map(|o| o.as_i64().ok())
            .collect::<Option<_>>()?,
        Err(_) => vec![0, size],
    };
    let row = w[0] + w[1] + w[2];
    if row == 0 {
        return None;
    }
    let field = |b: &[u8]| b.iter().fold(0usize, |acc, x| acc << 8 | usize::from(*x));
    let mut rows = data.chunks_exact(row);
    for pair in index.chunks(2) {
        let [first, count] = *pair else { return None };
        let (first, count) = (u32::try_from(first).ok()?, u32::try_from(count).ok()?);
        for k in 0..count {
            let r = rows.next()?;
            let (a, rest) = r.split_at(w[0]);
            let (b, c) = rest.split_at(w[1]);
            // A missing type field means type 1.
            let ty = if w[0] == 0 { 1 } else { field(a) };
            let num = first.checked_add(k)?;
            let entry = match ty {
                1 => Some(Entry::At(field(b), u16::try_from(field(c)).ok()?)),
                2 => Some(Entry::InStream(u32::try_from(field(b)).ok()?, field(c))),
                _ => None,
            };
            if let Some(e) = entry {
                xref.entry(num).or_insert(e);
            }
            if xref.len() > MAX_OBJECTS {
                return None;
            }
        }
    }
    Some(dict)
}

/// Object syntax (PDF 32000-1 §7.3) at a position of a byte slice.
struct Parser<'a> {
    b: &'a [u8],
    at: usize,
    /// Font arrays read packed (`packed_array`) rather than into the
    /// object, by where they stand.
    packed: Vec<(Slot, PackedArray)>,
    /// Reading the value of the object dictionary's `/Encoding`.
    in_encoding: bool,
}

/// A word of digits alone, up to 18 (no overflow), as an integer: the
/// common case (widths, references) read without the general parse, the
/// value `str::parse` gives.
fn plain_integer(w: &[u8]) -> Option<i64> {
    (!w.is_empty() && w.len() <= 18 && w.iter().all(u8::is_ascii_digit))
        .then(|| w.iter().fold(0i64, |v, d| v * 10 + i64::from(d - b'0')))
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// White space or a delimiter (one table lookup: every byte of a word
/// is tested).
fn is_delim(c: u8) -> bool {
    super::tokens::CLASS[usize::from(c)] != 0
}

/// Room to reserve for an array whose items start `rest`: the words up to
/// its `]` (a reference's three words overcount it), or up to anything
/// nested, where counting stops; bounded. Only a capacity: an array of
/// hundreds of widths is not grown by doubling.
fn array_len_hint(rest: &[u8]) -> usize {
    let mut words = 0usize;
    let mut in_word = false;
    for &c in rest.iter().take(16 * 1024) {
        match c {
            b']' | b'[' | b'(' | b'<' => break,
            _ if is_delim(c) && c != b'/' => in_word = false,
            _ => {
                if !in_word || c == b'/' {
                    words += 1;
                }
                in_word = true;
            }
        }
    }
    words.min(4096)
}

impl<'a> Parser<'a> {
    fn at(b: &'a [u8], at: usize) -> Self {
        Parser {
            b,
            at,
            packed: Vec::new(),
            in_encoding: false,
        }
    }

    /// Where a font reader looks for key `key` of a dictionary at `depth`
    /// (0: the object's own), when it is an array to pack: a simple font's
    /// `/Widths`, an encoding's `/Differences`.
    fn slot_for(&self, key: &[u8], depth: usize) -> Option<Slot> {
        let slot = match (depth, key) {
            (0, b"Widths") => Slot::Widths,
            (0, b"Differences") => Slot::Differences,
            (1, b"Differences") if self.in_encoding => Slot::EncodingDifferences,
            _ => return None,
        };
        // (a key given twice: the second read as lopdf reads it)
        (!self.packed.iter().any(|(s, _)| *s == slot)).then_some(slot)
    }

    /// An array of numbers and names alone, read packed; None, nothing
    /// read, for anything else (a reference in it, a string, a nested
    /// array): then `value` reads it.
    fn packed_array(&mut self) -> Option<PackedArray> {
        let start = self.at;
        let a = self.read_packed();
        if a.is_none() {
            self.at = start;
        }
        a
    }

    fn read_packed(&mut self) -> Option<PackedArray> {
        self.skip_space();
        if self.peek()? != b'[' {
            return None;
        }
        self.at += 1;
        // Without an `R` before its `]` the array holds no reference: its
        // integers need no look past them for one.
        let rest = &self.b[self.at..];
        let close = memchr::memchr(b']', rest)?;
        let no_references = memchr::memchr(b'R', &rest[..close]).is_none();
        let mut a = PackedArray::default();
        loop {
            self.skip_space();
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return Some(a);
                }
                _ if a.len() >= MAX_ELEMENTS => return None,
                b'/' => {
                    self.at += 1;
                    let raw = self.word();
                    if !a.push_name(|out| decode_name(raw, out)) {
                        return None;
                    }
                }
                // As `value` reads a number.
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let w = self.word();
                    if no_references && let Some(i) = plain_integer(w) {
                        a.push_integer(i);
                        continue;
                    }
                    match self.number(w)? {
                        Object::Integer(i) => a.push_integer(i),
                        Object::Real(r) => a.push_real(r),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.at += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.at.min(self.b.len());
        let len = self.b[start..]
            .iter()
            .position(|c| is_delim(*c))
            .unwrap_or(self.b.len() - start);
        self.at = start + len;
        &self.b[start..self.at]
    }

    /// Consumes `kw` (after white space) when it stands there as a word.
    fn keyword(&mut self, kw: &[u8]) -> bool {
        self.skip_space();
        let save = self.at;
        if self.word() == kw {
            true
        } else {
            self.at = save;
            false
        }
    }

    fn unsigned(&mut self) -> Option<usize> {
        self.skip_space();
        let w = self.word();
        if w.is_empty() {
            return None;
        }
        // What `str::parse` gives: None past usize::MAX.
        w.iter().try_fold(0usize, |v, d| {
            d.is_ascii_digit()
                .then(|| v.checked_mul(10)?.checked_add(usize::from(d - b'0')))
                .flatten()
        })
    }

    /// `N G obj`.
    fn header(&mut self) -> Option<ObjectId> {
        let n = u32::try_from(self.unsigned()?).ok()?;
        let g = u16::try_from(self.unsigned()?).ok()?;
        self.keyword(b"obj").then_some((n, g))
    }

    fn expect_header(&mut self, id: ObjectId) -> Option<()> {
        (self.header()? == id).then_some(())
    }

    /// A stream's bytes after `stream`: its end of line, `len` bytes, then
    /// `endstream` (else None: the length is wrong and lopdf repairs it).
    fn stream_body(&mut self, len: usize, keep: bool) -> Option<Vec<u8>> {
        match self.peek()? {
            b'\r' if self.b.get(self.at + 1) == Some(&b'\n') => self.at += 2,
            b'\n' | b'\r' => self.at += 1,
            _ => return None,
        }
        let end = self.at.checked_add(len)?;
        let body = self.b.get(self.at..end)?;
        let body = if keep { body.to_vec() } else { Vec::new() };
        self.at = end;
        self.keyword(b"endstream").then_some(body)
    }

    /// One value; None on anything not read exactly.
    fn value(&mut self, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'/' => Some(Object::Name(self.name())),
            b'(' => Some(Object::String(self.literal()?, StringFormat::Literal)),
            b'<' if self.b.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let mut d = Dictionary::new();
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b'>' if self.b.get(self.at + 1) == Some(&b'>') => {
                            self.at += 2;
                            return Some(Object::Dictionary(d));
                        }
                        b'/' => {
                            let key = self.name();
                            // Values never followed are passed over unbuilt
                            // (a Type3 font's CharProcs name every glyph).
                            if NEEDLESS.contains(&key.as_slice()) {
                                self.skip_value(depth + 1)?;
                                continue;
                            }
                            if let Some(slot) = self.slot_for(&key, depth)
                                && let Some(a) = self.packed_array()
                            {
                                self.packed.push((slot, a));
                                continue;
                            }
                            let encoding = depth == 0 && key == b"Encoding";
                            if encoding {
                                self.in_encoding = true;
                            }
                            let v = self.value(depth + 1);
                            if encoding {
                                self.in_encoding = false;
                            }
                            let v = v?;
                            if d.len() >= MAX_ELEMENTS {
                                return None;
                            }
                            d.set(key, v);
                        }
                        _ => return None,
                    }
                }
            }
            b'<' => Some(Object::String(self.hex()?, StringFormat::Hexadecimal)),
            b'[' => {
                self.at += 1;
                let mut a = Vec::with_capacity(array_len_hint(&self.b[self.at..]));
                loop {
                    self.skip_space();
                    if self.peek()? == b']' {
                        self.at += 1;
                        return Some(Object::Array(a));
                    }
                    if a.len() >= MAX_ELEMENTS {
                        return None;
                    }
                    // Integers and references (widths, page and font lists),
                    // read as `value` reads them but pushed as built: an
                    // Object is 120 bytes, and one returned from `value` is
                    // copied through the stack into the array.
                    if depth < MAX_DEPTH && self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        let start = self.at;
                        let w = self.word();
                        if let Some(i) = plain_integer(w) {
                            if let Some((generation, end)) = self.reference_tail() {
                                self.at = end;
                                a.push(Object::Reference((u32::try_from(i).ok()?, generation)));
                            } else {
                                a.push(Object::Integer(i));
                            }
                            continue;
                        }
                        self.at = start;
                    }
                    a.push(self.value(depth + 1)?);
                }
            }
            _ => {
                let w = self.word();
                match w {
                    b"true" => Some(Object::Boolean(true)),
                    b"false" => Some(Object::Boolean(false)),
                    b"null" => Some(Object::Null),
                    _ => self.number(w),
                }
            }
        }
    }

    /// Passes over one value without building it: brackets and strings are
    /// matched, nesting bounded as in `value`.
    fn skip_value(&mut self, depth: usize) -> Option<()> {
        let mut open = 0usize;
        loop {
            self.skip_space();
            match self.peek()? {
                b'(' => {
                    self.literal()?;
                }
                b'<' if self.b.get(self.at + 1) == Some(&b'<') => {
                    self.at += 2;
                    open += 1;
                }
                b'<' => {
                    self.hex()?;
                }
                b'[' => {
                    self.at += 1;
                    open += 1;
                }
                b'>' if open > 0 && self.b.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    open -= 1;
                }
                b']' if open > 0 => {
                    self.at += 1;
                    open -= 1;
                }
                b'/' => {
                    self.at += 1;
                    self.word();
                }
                _ => {
                    if self.word().is_empty() {
                        return None;
                    }
                }
            }
            if depth + open > MAX_DEPTH {
                return None;
            }
            if open == 0 {
                // A reference is three words: take the rest of `N G R`.
                if let Some((_, end)) = self.reference_tail() {
                    self.at = end;
                }
                return Some(());
            }
        }
    }

    /// An integer, a real, or a reference `N G R`.
    fn number(&mut self, w: &[u8]) -> Option<Object> {
        // The common case, digits alone (a font's widths), without the
        // general parse; what `str::parse` reads the same way below.
        if let Some(i) = plain_integer(w) {
            if let Some((generation, end)) = self.reference_tail() {
                self.at = end;
                return Some(Object::Reference((u32::try_from(i).ok()?, generation)));
            }
            return Some(Object::Integer(i));
        }
        let s = std::str::from_utf8(w).ok()?;
        if !s.contains('.') {
            let i: i64 = s.parse().ok()?;
            if !s.starts_with(['+', '-'])
                && let Some((generation, end)) = self.reference_tail()
            {
                self.at = end;
                return Some(Object::Reference((u32::try_from(i).ok()?, generation)));
            }
            return Some(Object::Integer(i));
        }
        let (sign, digits) = match s.strip_prefix('-') {
            Some(d) => (-1.0, d),
            None => (1.0, s.strip_prefix('+').unwrap_or(s)),
        };
        let v: f32 = digits.parse().ok()?;
        Some(Object::Real(sign * v))
    }

    /// After an integer: ` G R` (white space, digits, white space, `R` as
    /// a word) gives the generation and where the reference ends, by a
    /// byte scan (arrays of numbers test every element).
    fn reference_tail(&self) -> Option<(u16, usize)> {
        let b = self.b;
        let mut i = self.at;
        let space = |i: &mut usize| {
            let start = *i;
            while b.get(*i).is_some_and(|c| is_space(*c)) {
                *i += 1;
            }
            *i > start
        };
        if !space(&mut i) {
            return None;
        }
        let digits = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == digits || i - digits > 5 {
            return None;
        }
        let generation_end = i;
        // The `R` first: most integers followed by another (an array of
        // widths) are not references, and need no generation parsed.
        if !space(&mut i) || b.get(i) != Some(&b'R') || b.get(i + 1).is_some_and(|c| !is_delim(*c))
        {
            return None;
        }
        let generation = std::str::from_utf8(&b[digits..generation_end])
            .ok()?
            .parse()
            .ok()?;
        Some((generation, i + 1))
    }

    fn name(&mut self) -> Vec<u8> {
        self.at += 1; // '/'
        let raw = self.word();
        let mut out = Vec::with_capacity(raw.len());
        decode_name(raw, &mut out);
        out
    }

    fn literal(&mut self) -> Option<Vec<u8>> {
        self.at += 1; // '('
        let mut out = Vec::new();
        literal_string(self.b, &mut self.at, &mut out, true).then_some(out)
    }

    fn hex(&mut self) -> Option<Vec<u8>> {
        self.at += 1; // '<'
        let mut out = Vec::new();
        hex_string(self.b, &mut self.at, &mut out, true).then_some(out)
    }

    /// One classic section after `xref`: subsections `first count` and
    /// their 20-byte entries; older sections do not replace newer entries.
    fn classic_section(&mut self, xref: &mut HashMap<u32, Entry>) -> Option<()> {
        loop {
            self.skip_space();
            if !self.peek()?.is_ascii_digit() {
                return Some(());
            }
            let first = u32::try_from(self.unsigned()?).ok()?;
            let count = u32::try_from(self.unsigned()?).ok()?;
            for k in 0..count {
                let offset = self.unsigned()?;
                let generation = u16::try_from(self.unsigned()?).ok()?;
                self.skip_space();
                let kind = self.word();
                let num = first.checked_add(k)?;
                match kind {
                    b"n" => {
                        xref.entry(num).or_insert(Entry::At(offset, generation));
                    }
                    b"f" => {}
                    _ => return None,
                }
                if xref.len() > MAX_OBJECTS {
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pdf::packed::Item;

    fn without_length(d: &Dictionary) -> Dictionary {
        let mut d = d.clone();
        d.remove(b"Length");
        d
    }

    /// lopdf's object without what the fast path passes over.
    fn needed(o: &Object) -> Object {
        match o {
            Object::Dictionary(d) => {
                let mut out = Dictionary::new();
                for (k, v) in d.iter() {
                    if !NEEDLESS.contains(&k.as_slice()) {
                        out.set(k.clone(), needed(v));
                    }
                }
                Object::Dictionary(out)
            }
            Object::Array(a) => Object::Array(a.iter().map(needed).collect()),
            Object::Stream(s) => {
                let Object::Dictionary(dict) = needed(&Object::Dictionary(s.dict.clone())) else {
                    unreachable!()
                };
                Object::Stream(Stream::new(dict, s.content.clone()))
            }
            o => o.clone(),
        }
    }

    /// Every object the fast path reads is the object lopdf reads, for every
    /// sample PDF it takes (the protected ones fall back), and for samples
    /// rewritten with a cross-reference stream and object streams by qpdf
    /// (`qpdf --object-streams=generate`; no sample producer writes them).
    /// The table says "delimiter" for white space and the ten delimiters
    /// of PDF 32000-1 §7.2.2, and for nothing else.
    #[test]
    fn delimiters_are_those_of_the_syntax() {
        for c in 0..=255u8 {
            let spelled = is_space(c) || b"()<>[]{}/%".contains(&c);
            assert_eq!(is_delim(c), spelled, "{c:#04x}");
        }
    }

    #[test]
    fn objects_read_on_demand_are_lopdfs() {
        let root = env!("CARGO_MANIFEST_DIR");
        let deadline = Deadline::after(std::time::Duration::from_secs(60));
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        let streams = ["objstm-lo.pdf", "objstm-reportlab.pdf"];
        paths.extend(streams.map(|f| format!("{root}/tests/fixtures/{f}").into()));
        let mut taken = 0;
        let mut packed_items = 0;
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let xref_stream = streams.iter().any(|f| path.ends_with(f));
            assert!(!xref_stream || crate::read::find(&bytes, b"/ObjStm").is_some());
            let Some((lazy, packed)) = load(&bytes, 64 << 20, 1_000_000, &deadline).unwrap() else {
                assert!(!xref_stream, "{path:?} fell back");
                continue;
            };
            taken += 1;
            let full = lopdf::Document::load_mem(&bytes).unwrap();
            assert_eq!(lazy.get_pages(), full.get_pages(), "{path:?}");
            for (id, o) in &lazy.objects {
                let f = &needed(full.get_object(*id).unwrap());
                // Arrays read packed are lopdf's, item for item.
                let f = &unpacked(f, *id, &packed, &mut packed_items);
                match (o, f) {
                    (Object::Stream(a), Object::Stream(b)) => {
                        assert_eq!(without_length(&a.dict), without_length(&b.dict));
                        // An image's data is passed over, not kept.
                        let image = matches!(a.dict.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Image");
                        let expected: &[u8] = if image { &[] } else { &b.content };
                        assert_eq!(a.content, expected, "{path:?} {id:?}");
                    }
                    _ => assert_eq!(o, f, "{path:?} {id:?}"),
                }
            }
            assert!(lazy.objects.len() <= full.objects.len());
        }
        assert!(taken >= 10, "only {taken} PDFs took the fast path");
        // (the samples' simple fonts' widths, a Chromium print's Type3
        // encodings)
        assert!(packed_items > 10_000, "{packed_items} items packed");
    }

    /// lopdf's object `o` (object `id`) without the arrays the fast path
    /// read packed, each checked to be those items; their count added to
    /// `count`.
    fn unpacked(o: &Object, id: ObjectId, packed: &PackedArrays, count: &mut usize) -> Object {
        let same = |o: &Object, a: &PackedArray| {
            let Object::Array(items) = o else {
                return false;
            };
            items.len() == a.len()
                && items.iter().zip(a.items()).all(|(o, i)| match (o, i) {
                    (Object::Integer(x), Item::Integer(y)) => *x == y,
                    (Object::Real(x), Item::Real(y)) => x.to_bits() == y.to_bits(),
                    (Object::Name(x), Item::Name(y)) => x == y,
                    _ => false,
                })
        };
        let mut o = o.clone();
        let Object::Dictionary(d) = &mut o else {
            return o;
        };
        for (key, slot) in [
            (&b"Widths"[..], Slot::Widths),
            (b"Differences", Slot::Differences),
        ] {
            if let Some(a) = packed.get(id, slot) {
                assert!(same(d.get(key).unwrap(), a), "{id:?} {slot:?}");
                d.remove(key);
                *count += a.len();
            }
        }
        if let Some(a) = packed.get(id, Slot::EncodingDifferences) {
            let Ok(Object::Dictionary(enc)) = d.get_mut(b"Encoding") else {
                panic!("{id:?}: packed differences without an encoding");
            };
            assert!(same(enc.get(b"Differences").unwrap(), a), "{id:?}");
            enc.remove(b"Differences");
            *count += a.len();
        }
        o
    }

    #[test]
    fn font_arrays_are_packed_where_fonts_are_read_from() {
        let read = |t: &str| {
            let mut p = Parser::at(t.as_bytes(), 0);
            let v = p.value(0);
            (v, p.packed)
        };
        let kinds =
            |packed: &[(Slot, PackedArray)]| packed.iter().map(|(s, _)| *s).collect::<Vec<_>>();
        // A simple font's widths and its own encoding's differences.
        let font = "<< /Type /Font /Subtype /Type3 /Widths [1000 0 .5 -2] \
                    /Encoding << /Type /Encoding /Differences [0 /g0 /space /a#20b] >> /LastChar 3 >>";
        let (Some(Object::Dictionary(d)), packed) = read(font) else {
            panic!("not read");
        };
        assert_eq!(kinds(&packed), [Slot::Widths, Slot::EncodingDifferences]);
        assert!(!d.has(b"Widths") && d.has(b"LastChar"));
        let Ok(Object::Dictionary(enc)) = d.get(b"Encoding") else {
            panic!("no encoding");
        };
        assert!(!enc.has(b"Differences") && enc.has(b"Type"));
        let widths: Vec<Item> = packed[0].1.items().collect();
        assert_eq!(
            widths,
            [
                Item::Integer(1000),
                Item::Integer(0),
                Item::Real(0.5),
                Item::Integer(-2)
            ]
        );
        let names: Vec<Item> = packed[1].1.items().collect();
        assert_eq!(
            names,
            [
                Item::Integer(0),
                Item::Name(b"g0"),
                Item::Name(b"space"),
                Item::Name(b"a b")
            ]
        );
        // An encoding object's differences.
        let (_, packed) = read("<< /Type /Encoding /Differences [32 /space] >>");
        assert_eq!(kinds(&packed), [Slot::Differences]);
        // Arrays holding anything else, and arrays deeper in, as lopdf reads them.
        for other in [
            "<< /Widths [1 2 0 R 3] >>",
            "<< /Widths [1 (2)] >>",
            "<< /Widths [[1]] >>",
            "<< /Widths 7 0 R >>",
            "<< /Font << /F1 << /Widths [1 2] >> >> >>",
            "<< /Encoding << /Widths [1] /X << /Differences [1 /a] >> >> >>",
            "<< /Resources << /Encoding << /Differences [1 /a] >> >> >>",
        ] {
            let (v, packed) = read(other);
            assert!(v.is_some() && packed.is_empty(), "{other}");
        }
        // A key given twice: the first packed, the second lopdf's.
        let (Some(Object::Dictionary(d)), packed) = read("<< /Widths [1] /Widths [2] >>") else {
            panic!("not read");
        };
        assert_eq!(kinds(&packed), [Slot::Widths]);
        assert_eq!(
            d.get(b"Widths").unwrap(),
            &Object::Array(vec![Object::Integer(2)])
        );
    }

    #[test]
    fn values_under_needless_keys_are_passed_over() {
        let pdf = b"<< /Type /Font /CharProcs << /a 5 0 R /b [1 (x]) <3>] >> /FontMatrix [1 2] /Annots 7 0 R /Z 1 >>";
        let Some(Object::Dictionary(d)) = Parser::at(pdf, 0).value(0) else {
            panic!("not read");
        };
        let keys: Vec<&[u8]> = d.iter().map(|(k, _)| k.as_slice()).collect();
        assert_eq!(keys, [&b"Type"[..], b"FontMatrix", b"Z"]);
    }

    /// A reference's generation is read only once its `R` is seen, and
    /// still refused past u16; unsigned numbers read as `str::parse` does.
    #[test]
    fn references_and_unsigned_numbers_read_as_parsed() {
        let read = |t: &str| Parser::at(t.as_bytes(), 0).value(0);
        assert_eq!(read("12 0 R"), Some(Object::Reference((12, 0))));
        assert_eq!(read("12 65535 R"), Some(Object::Reference((12, 65535))));
        // A generation past u16 makes no reference: the integer stands alone.
        assert_eq!(read("12 65536 R"), Some(Object::Integer(12)));
        assert_eq!(read("12 7 Rx"), Some(Object::Integer(12)));
        assert_eq!(read("12 7 13"), Some(Object::Integer(12)));
        for t in [
            "0",
            "007",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
            "1a",
            "",
        ] {
            assert_eq!(
                Parser::at(t.as_bytes(), 0).unsigned(),
                t.parse::<usize>().ok(),
                "{t}"
            );
        }
    }

    /// Integers and references pushed straight into an array read as
    /// `value` reads them, beside every other kind of item, and an integer
    /// nested too deep is refused as any value that deep is.
    #[test]
    fn array_integers_and_references_read_as_values() {
        let pdf = b"[1 2 0 R 3 -4 5.5 /N 6 0 R 1234567890123456789 7 8 (s) 9]";
        let Some(Object::Array(a)) = Parser::at(pdf, 0).value(0) else {
            panic!("not read");
        };
        let one_by_one: Vec<Object> = [
            &b"1"[..],
            b"2 0 R",
            b"3",
            b"-4",
            b"5.5",
            b"/N",
            b"6 0 R",
            b"1234567890123456789",
            b"7",
        ]
        .iter()
        .map(|item| Parser::at(item, 0).value(0).expect("an item"))
        .collect();
        assert_eq!(a[..9], one_by_one[..]);
        assert_eq!(a.len(), 12, "{a:?}");
        // At the deepest nesting allowed and one past it, an integer
        // fares as a name does.
        for depth in [MAX_DEPTH, MAX_DEPTH + 1] {
            for item in ["1", "/N"] {
                let text = format!("{}{item}{}", "[".repeat(depth), "]".repeat(depth));
                let read = Parser::at(text.as_bytes(), 0).value(0).is_some();
                assert_eq!(read, depth <= MAX_DEPTH, "{item} at depth {depth}");
            }
        }
    }

    #[test]
    fn references_under_needless_keys_are_not_followed() {
        let mut d = Dictionary::new();
        d.set("Pages", Object::Reference((2, 0)));
        d.set("StructTreeRoot", Object::Reference((3, 0)));
        d.set("Annots", Object::Array(vec![Object::Reference((4, 0))]));
        // Of a font descriptor's programs only TrueType's is ever read.
        let mut fd = Dictionary::new();
        fd.set("FontFile", Object::Reference((5, 0)));
        fd.set("FontFile2", Object::Reference((6, 0)));
        fd.set("FontFile3", Object::Reference((7, 0)));
        d.set("FontDescriptor", Object::Dictionary(fd));
        let mut out = Vec::new();
        references(&Object::Dictionary(d), &mut out);
        out.sort();
        assert_eq!(out, [(2, 0), (6, 0)]);
    }

    #[test]
    fn damaged_or_unusual_files_fall_back() {
        let deadline = Deadline::after(std::time::Duration::from_secs(5));
        for bad in [
            &b"%PDF-1.4\n1 0 obj << >> endobj\n"[..],
            b"%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF",
            b"%PDF-1.4\nstartxref\n999999\n%%EOF",
            b"%PDF-1.4\nstartxref\n9\n%%EOF",
        ] {
            assert!(load(bad, 1 << 20, 1_000_000, &deadline).unwrap().is_none());
        }
    }

    /// Builds a file of `objects` (bodies after `N 0 obj`) with a classic
    /// xref and the given trailer.
    fn file(objects: &[&str], trailer: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").bytes());
        }
        out.extend(format!("trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n").bytes());
        out
    }

    /// Builds a file whose cross-reference stream places objects 1, 2, …
    /// by `entries` (type, field 2, field 3; the stream itself is added as
    /// the last object). `bodies` (object number, body) are written first,
    /// and a type 1 entry's field 2 is the index of its body there.
    fn xref_stream_file(bodies: &[(u32, &str)], entries: &[(u8, u32, u8)]) -> Vec<u8> {
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = Vec::new();
        for (number, body) in bodies {
            offsets.push(out.len());
            out.extend(format!("{number} 0 obj\n{body}\nendobj\n").bytes());
        }
        let xref_at = out.len();
        let size = entries.len() + 2;
        let row = |ty: u8, f2: usize, f3: u8| {
            let f2 = u32::try_from(f2).expect("offsets fit four bytes");
            [[ty].as_slice(), &f2.to_be_bytes(), &[f3]].concat()
        };
        let mut rows = row(0, 0, 0);
        for &(ty, f2, f3) in entries {
            let f2 = if ty == 1 {
                offsets[f2 as usize]
            } else {
                f2 as usize
            };
            rows.extend(row(ty, f2, f3));
        }
        rows.extend(row(1, xref_at, 0));
        out.extend(
            format!(
                "{} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 1] /Root 1 0 R /Length {} >>\nstream\n",
                size - 1,
                rows.len()
            )
            .bytes(),
        );
        out.extend(&rows);
        out.extend(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").bytes());
        out
    }

    /// An object stream placed inside itself, or inside another placed
    /// inside it, or a chain of them each holding the next one's /Length,
    /// ends (it recursed until the stack overflowed, aborting the process).
    #[test]
    fn object_streams_inside_object_streams_end() {
        let deadline = Deadline::after(std::time::Duration::from_secs(5));
        let catalog = "1 0 << /Type /Catalog >>";
        let objstm = format!(
            "<< /Type /ObjStm /N 1 /First 4 /Length {} >>\nstream\n{catalog}\nendstream",
            catalog.len()
        );
        // The catalog (1) in object stream 2, and 2 said to be inside itself.
        let own = xref_stream_file(&[], &[(2, 2, 0), (2, 2, 0)]);
        assert!(load(&own, 1 << 20, 1_000_000, &deadline).unwrap().is_none());
        // 2 inside 3 and 3 inside 2.
        let pair = xref_stream_file(&[], &[(2, 2, 0), (2, 3, 0), (2, 2, 0)]);
        assert!(
            load(&pair, 1 << 20, 1_000_000, &deadline)
                .unwrap()
                .is_none()
        );
        // A chain: each object stream's /Length an object in the next one.
        let n = 5_000u32;
        let mut entries = vec![(2, 2, 0)];
        for k in 0..n {
            // Object 2 + 2k is an object stream at offset body k, its length
            // object 3 + 2k inside object stream 4 + 2k.
            entries.push((1, k, 0));
            entries.push((2, 4 + 2 * k, 0));
        }
        let bodies: Vec<(u32, String)> = (0..n)
            .map(|k| {
                let body = format!(
                    "<< /Type /ObjStm /N 1 /First 4 /Length {} 0 R >>\nstream\n1 0 1\nendstream",
                    3 + 2 * k
                );
                (2 + 2 * k, body)
            })
            .collect();
        let bodies: Vec<(u32, &str)> = bodies.iter().map(|(n, b)| (*n, b.as_str())).collect();
        let chain = xref_stream_file(&bodies, &entries);
        assert!(
            load(&chain, 1 << 22, 1_000_000, &deadline)
                .unwrap()
                .is_none()
        );
        // A catalog in a well-formed object stream still reads.
        let good = xref_stream_file(&[(2, &objstm)], &[(2, 2, 0), (1, 0, 0)]);
        let (doc, _) = load(&good, 1 << 20, 1_000_000, &deadline)
            .unwrap()
            .expect("a catalog in an object stream reads");
        assert!(doc.objects.contains_key(&(1, 0)));
    }

    #[test]
    fn hostile_cross_references_end() {
        let deadline = Deadline::after(std::time::Duration::from_secs(5));
        let page = "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>";
        let pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        // A stream whose /Length is itself, and one whose /Prev is itself.
        let own_length = file(
            &[
                "<< /Type /Catalog /Pages 2 0 R >>",
                pages,
                page,
                "<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
            ],
            "<< /Root 1 0 R /Size 5 >>",
        );
        assert!(
            load(&own_length, 1 << 20, 1_000_000, &deadline)
                .unwrap()
                .is_none()
        );
        let good = file(
            &[
                "<< /Type /Catalog /Pages 2 0 R >>",
                pages,
                page,
                "<< /Length 5 >>\nstream\nBT ET\nendstream",
            ],
            "<< /Root 1 0 R /Size 5 >>",
        );
        let (doc, _) = load(&good, 1 << 20, 1_000_000, &deadline)
            .unwrap()
            .expect("a clean file reads");
        assert_eq!(doc.get_pages().len(), 1);
        let xref_at = memchr::memmem::rfind(&good, b"xref\n0 5").unwrap();
        let looped = String::from_utf8(good.clone()).unwrap().replace(
            "<< /Root 1 0 R /Size 5 >>",
            &format!("<< /Root 1 0 R /Size 5 /Prev {xref_at} >>"),
        );
        assert!(
            load(looped.as_bytes(), 1 << 20, 1_000_000, &deadline)
                .unwrap()
                .is_none()
        );
        // Nesting past the bound, in a reachable object.
        let deep = file(
            &[&format!(
                "<< /Type /Catalog /Pages {}1{} >>",
                "[".repeat(100),
                "]".repeat(100)
            )],
            "<< /Root 1 0 R /Size 2 >>",
        );
        assert!(
            load(&deep, 1 << 20, 1_000_000, &deadline)
                .unwrap()
                .is_none()
        );
    }
}
