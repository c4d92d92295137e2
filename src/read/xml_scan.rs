//! A pull scanner for the XML of OOXML parts (word/document.xml).
//!
//! Why not quick-xml here: a report's document.xml is mostly tiny elements
//! (`<w:r>`, `<w:rPr>`, `<w:sz w:val="28"/>`: ~14 bytes an event), and
//! quick-xml spends ~40 ns on each — as much as the rest of the DOCX reader
//! put together, and xmlparser is no faster. OOXML uses a small part of XML:
//! no DTD, no entities beyond the five predefined ones and character
//! references. This scanner covers exactly that, with the same well-formedness
//! errors quick-xml reports for it (an end tag that does not match, a tag or
//! reference left open), in under half the time. Styles and numbering, read
//! once per document, stay on quick-xml.
//!
//! Text is handed out raw (references unresolved) and checked as UTF-8 only
//! where it is used: a stray byte in markup the reader ignores no longer
//! loses the document.

use memchr::{memchr, memchr2};

/// An element's name and the raw bytes of its attributes.
#[derive(Clone, Copy)]
pub struct Tag<'a> {
    pub name: &'a [u8],
    attrs: &'a [u8],
}

pub enum Event<'a> {
    Start(Tag<'a>),
    Empty(Tag<'a>),
    End,
    /// Character data between markup, references unresolved (see [`unescape_into`]).
    Text(&'a [u8]),
    CData(&'a [u8]),
    /// A comment, processing instruction or declaration (passed over, but
    /// an event: the caller's deadline checks count it).
    Other,
    Eof,
}

#[derive(Debug)]
pub struct ScanError {
    pub at: usize,
    pub what: &'static str,
    /// Elements nest deeper than the scanner was allowed.
    pub too_deep: bool,
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

pub struct Scanner<'a> {
    xml: &'a [u8],
    pos: usize,
    /// Names of the open elements, to match end tags against.
    open: Vec<&'a [u8]>,
    /// Bound on `open`: its size is otherwise set by the input.
    max_depth: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

impl<'a> Scanner<'a> {
    /// A scanner that fails on elements nested more than `max_depth` deep.
    pub fn new(xml: &'a [u8], max_depth: usize) -> Self {
        Scanner {
            xml,
            pos: 0,
            open: Vec::new(),
            max_depth,
        }
    }

    fn err(&self, what: &'static str) -> ScanError {
        ScanError {
            at: self.pos,
            what,
            too_deep: false,
        }
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    pub fn next(&mut self) -> Result<Event<'a>, ScanError> {
        let rest = &self.xml[self.pos..];
        if rest.is_empty() {
            return Ok(Event::Eof);
        }
        if rest[0] != b'<' {
            let len = memchr(b'<', rest).unwrap_or(rest.len());
            let text = &rest[..len];
            check_references(text).map_err(|off| ScanError {
                at: self.pos + off,
                what: "entity or character reference not closed by `;`",
                too_deep: false,
            })?;
            self.pos += len;
            return Ok(Event::Text(text));
        }
        match rest.get(1) {
            Some(b'/') => self.end_tag(),
            Some(b'?') => self.skip_past(b"?>", "processing instruction not closed"),
            Some(b'!') if rest.starts_with(b"<!--") => self.skip_past(b"-->", "comment not closed"),
            Some(b'!') if rest.starts_with(b"<![CDATA[") => {
                let body = &rest[9..];
                let end = memchr::memmem::find(body, b"]]>")
                    .ok_or_else(|| self.err("CDATA section not closed"))?;
                self.pos += 9 + end + 3;
                Ok(Event::CData(&body[..end]))
            }
            Some(b'!') => self.skip_declaration(),
            _ => self.start_tag(),
        }
    }

    fn skip_past(&mut self, close: &[u8], what: &'static str) -> Result<Event<'a>, ScanError> {
        let rest = &self.xml[self.pos..];
        let end = memchr::memmem::find(rest, close).ok_or_else(|| self.err(what))?;
        self.pos += end + close.len();
        Ok(Event::Other)
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets if any.
    fn skip_declaration(&mut self) -> Result<Event<'a>, ScanError> {
        let rest = &self.xml[self.pos..];
        let mut depth = 0usize;
        for (i, b) in rest.iter().enumerate() {
            match b {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => {
                    self.pos += i + 1;
                    return Ok(Event::Other);
                }
                _ => {}
            }
        }
        Err(self.err("declaration not closed"))
    }

    fn start_tag(&mut self) -> Result<Event<'a>, ScanError> {
        let xml = self.xml;
        let body_start = self.pos + 1;
        // The closing `>`, skipping any inside quoted attribute values. A
        // byte loop: most tags are short (`<w:sz w:val="28"/>`), and a
        // search call per quote costs more than the bytes it passes; only
        // a long value is searched through.
        let mut quote = 0u8;
        let mut at = body_start;
        let close = loop {
            let Some(&b) = xml.get(at) else {
                return Err(self.err(if quote == 0 {
                    "tag not closed: `>` not found"
                } else {
                    "attribute value not closed"
                }));
            };
            if quote != 0 {
                if b == quote {
                    quote = 0;
                }
            } else if b == b'>' {
                break at;
            } else if b == b'"' || b == b'\'' {
                // A value with no closing quote in its first eight bytes
                // (WPS's run properties, an OFD's position lists) is passed
                // in one search.
                if xml.get(at + 1..at + 9).is_some_and(|v| !v.contains(&b)) {
                    match memchr(b, &xml[at + 1..]) {
                        Some(len) => at += len + 1,
                        None => quote = b,
                    }
                } else {
                    quote = b;
                }
            }
            at += 1;
        };
        let body = &xml[body_start..close];
        let (body, empty) = match body.strip_suffix(b"/") {
            Some(b) => (b, true),
            None => (body, false),
        };
        let name_len = body.iter().position(|b| is_space(*b)).unwrap_or(body.len());
        if name_len == 0 {
            return Err(self.err("tag without a name"));
        }
        let tag = Tag {
            name: &body[..name_len],
            attrs: &body[name_len..],
        };
        self.pos = close + 1;
        if empty {
            Ok(Event::Empty(tag))
        } else if self.open.len() >= self.max_depth {
            Err(ScanError {
                too_deep: true,
                ..self.err("elements nested too deep")
            })
        } else {
            self.open.push(tag.name);
            Ok(Event::Start(tag))
        }
    }

    fn end_tag(&mut self) -> Result<Event<'a>, ScanError> {
        let rest = &self.xml[self.pos..];
        let close = memchr(b'>', rest).ok_or_else(|| self.err("end tag not closed"))?;
        let mut name = &rest[2..close];
        while let [head @ .., last] = name
            && is_space(*last)
        {
            name = head;
        }
        match self.open.pop() {
            Some(open) if open == name => {
                self.pos += close + 1;
                Ok(Event::End)
            }
            Some(_) => Err(self.err("end tag does not match the open element")),
            None => Err(self.err("end tag does not match any open element")),
        }
    }
}

/// The offset of a `&` with no `;` after it, if any.
fn check_references(text: &[u8]) -> Result<(), usize> {
    let mut at = 0;
    while let Some(i) = memchr(b'&', &text[at..]) {
        let amp = at + i;
        match memchr(b';', &text[amp..]) {
            Some(j) => at = amp + j + 1,
            None => return Err(amp),
        }
    }
    Ok(())
}

/// Appends text with its references resolved; an unknown or malformed
/// reference is dropped. Err when the text is not UTF-8.
pub fn unescape_into(raw: &[u8], out: &mut String) -> Result<(), std::str::Utf8Error> {
    let mut at = 0;
    while let Some(i) = memchr(b'&', &raw[at..]) {
        out.push_str(std::str::from_utf8(&raw[at..at + i])?);
        let name_start = at + i + 1;
        // check_references guaranteed a `;`; a lone `&` is kept if not.
        let Some(len) = memchr(b';', &raw[name_start..]) else {
            out.push_str(std::str::from_utf8(&raw[at + i..])?);
            return Ok(());
        };
        let name = std::str::from_utf8(&raw[name_start..name_start + len])?;
        out.extend(super::ref_char(name));
        at = name_start + len + 1;
    }
    out.push_str(std::str::from_utf8(&raw[at..])?);
    Ok(())
}

impl<'a> Tag<'a> {
    /// The name's prefix (`w` of `w:p`), empty when there is none.
    pub fn prefix(&self) -> &'a [u8] {
        memchr(b':', self.name).map_or(&[], |i| &self.name[..i])
    }

    pub fn local(&self) -> &'a [u8] {
        memchr(b':', self.name).map_or(self.name, |i| &self.name[i + 1..])
    }

    /// Attributes as (qualified name, raw value), in order, up to the first
    /// malformed one.
    pub fn attributes(&self) -> Attributes<'a> {
        Attributes { rest: self.attrs }
    }

    /// The raw value of the first attribute whose local name is `local`.
    pub fn raw_attr(&self, local: &[u8]) -> Option<&'a [u8]> {
        self.attributes()
            .find(|(k, _)| memchr(b':', k).map_or(*k, |i| &k[i + 1..]) == local)
            .map(|(_, v)| v)
    }

    /// An attribute as text, references resolved (lossy for bad UTF-8).
    pub fn attr(&self, local: &[u8]) -> Option<String> {
        let raw = self.raw_attr(local)?;
        if memchr2(b'&', 0x80, raw).is_none() {
            // ASCII without references: the common case, no checks needed.
            return Some(String::from_utf8_lossy(raw).into_owned());
        }
        let mut s = String::new();
        match unescape_into(raw, &mut s) {
            Ok(()) => Some(s),
            Err(_) => Some(String::from_utf8_lossy(raw).into_owned()),
        }
    }

    /// A numeric attribute (surrounding spaces allowed).
    pub fn number<T: std::str::FromStr>(&self, local: &[u8]) -> Option<T> {
        let raw = self.raw_attr(local)?;
        std::str::from_utf8(raw).ok()?.trim().parse().ok()
    }

    pub fn val(&self) -> Option<String> {
        self.attr(b"val")
    }

    pub fn val_num(&self) -> Option<i64> {
        self.number(b"val")
    }

    /// A measure such as a width (`1440`, or `1440.0` from some writers).
    pub fn attr_num(&self, local: &[u8]) -> Option<i64> {
        let raw = self.raw_attr(local)?;
        // Plain integers (nearly all) without the float parser; the same
        // value `f64` parsing and truncation give below 10^15.
        let (negative, digits) = match raw.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, raw),
        };
        if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
            let n = digits
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
            return Some(if negative { -n } else { n });
        }
        self.number::<f64>(local).map(|f| f as i64)
    }
}

pub struct Attributes<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest;
        let start = s.iter().position(|b| !is_space(*b))?;
        let eq = start + memchr(b'=', &s[start..])?;
        let mut key = &s[start..eq];
        while let [head @ .., last] = key
            && is_space(*last)
        {
            key = head;
        }
        let q_at = eq + 1 + s[eq + 1..].iter().position(|b| !is_space(*b))?;
        let q = s[q_at];
        if q != b'"' && q != b'\'' {
            self.rest = &[];
            return None;
        }
        let len = memchr(q, &s[q_at + 1..])?;
        self.rest = &s[q_at + 1 + len + 1..];
        Some((key, &s[q_at + 1..q_at + 1 + len]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of a document as quick-xml would name them, for comparing
    /// the two on the same input.
    fn ours(xml: &str) -> Vec<String> {
        let mut s = Scanner::new(xml.as_bytes(), 256);
        let mut out = Vec::new();
        loop {
            match s.next() {
                Ok(Event::Start(t)) => out.push(format!("S {}", String::from_utf8_lossy(t.name))),
                Ok(Event::Empty(t)) => out.push(format!("E {}", String::from_utf8_lossy(t.name))),
                Ok(Event::End) => out.push("/".into()),
                Ok(Event::Text(t)) => {
                    let mut text = String::new();
                    unescape_into(t, &mut text).unwrap();
                    out.push(format!("T {text}"));
                }
                Ok(Event::CData(t)) => out.push(format!("T {}", String::from_utf8_lossy(t))),
                Ok(Event::Other) => {}
                Ok(Event::Eof) => break,
                Err(_) => {
                    out.push("ERR".into());
                    break;
                }
            }
        }
        out
    }

    fn quick_xml(xml: &str) -> Vec<String> {
        use quick_xml::events::Event as Q;
        let mut r = quick_xml::Reader::from_reader(xml.as_bytes());
        let mut out: Vec<String> = Vec::new();
        let mut text = String::new();
        let mut in_text = false;
        loop {
            let ev = r.read_event();
            let is_text = matches!(ev, Ok(Q::Text(_) | Q::GeneralRef(_)));
            if in_text && !is_text {
                out.push(format!("T {}", std::mem::take(&mut text)));
            }
            in_text = is_text;
            match ev {
                Ok(Q::Start(e)) => out.push(format!("S {}", e.name().as_ref())),
                Ok(Q::Empty(e)) => out.push(format!("E {}", e.name().as_ref())),
                Ok(Q::End(_)) => out.push("/".into()),
                Ok(Q::Text(t)) => text.push_str(&t.into_inner()),
                Ok(Q::GeneralRef(g)) => text.extend(super::super::xml_ref_char(&g)),
                Ok(Q::CData(t)) => out.push(format!("T {}", t.into_inner())),
                Ok(Q::Eof) => break,
                Ok(_) => {}
                Err(_) => {
                    out.push("ERR".into());
                    break;
                }
            }
        }
        out
    }

    /// Text just before an error is not compared: the scanner checks a
    /// text's references before handing it out, quick-xml after.
    fn up_to_error(mut events: Vec<String>) -> Vec<String> {
        if events.last().is_some_and(|e| e == "ERR") {
            events.pop();
            while events.last().is_some_and(|e| e.starts_with("T ")) {
                events.pop();
            }
            events.push("ERR".into());
        }
        events
    }

    #[test]
    fn events_and_errors_match_quick_xml() {
        for xml in [
            "<a>x &amp; y &#x4E00;&#20013;&bogus;&#xZZ;</a>",
            "<a>x & y</a>",
            "<a b='1>2' c=\"'\">t</a>",
            "<a>t</b>",
            "</a>",
            "<a><b>t</a>",
            "<a>t",
            "<a",
            "<a>t]]>x</a>",
            "<a><![CDATA[<x>&amp;]]></a>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ELEMENT a ANY>]><a><!-- c --><?pi x?>t</a>",
            "<a b=\"1\"c=\"2\"/>",
            "<a\tb='x'\n/><c/>",
            "<a >t</a >",
            "<w:p><w:r><w:t xml:space=\"preserve\"> 中文 </w:t></w:r></w:p>",
            // Values long enough to be passed in one search, with markup
            // and the other quote inside; one never closed.
            "<c X=\"1 2 3 4 5 6 7 8 > 9\" Y='it\"s <b> 12345678'>t</c>",
            "<c X=\"12345678\" Y=\"1234567\" Z=\"123456789\"/>",
            "<c X=\"1 2 3 4 5 6 7 8 9 10/>t</c>",
        ] {
            assert_eq!(
                up_to_error(ours(xml)),
                up_to_error(quick_xml(xml)),
                "{xml:?}"
            );
        }
        // quick-xml reads `< not >` as an element with no name before it
        // fails at the end tag; the scanner fails at once.
        let not_xml = "\u{0}\u{1} this is < not > xml </w:p>";
        assert_eq!(up_to_error(ours(not_xml)), ["ERR"]);
        assert_eq!(quick_xml(not_xml).last().map(String::as_str), Some("ERR"));
    }

    #[test]
    fn attributes_by_local_name_with_references() {
        let mut s = Scanner::new(
            br#"<w:tcW w:w = "2500" w:type='pct' w:val="a&amp;b&#x4E00;" x:val="no"/>"#,
            256,
        );
        let Ok(Event::Empty(t)) = s.next() else {
            panic!("empty element")
        };
        assert_eq!(t.local(), b"tcW");
        assert_eq!(t.prefix(), b"w");
        assert_eq!(t.attr_num(b"w"), Some(2500));
        for (raw, n) in [
            ("-120", Some(-120)),
            ("1440.7", Some(1440)),
            (" 30 ", Some(30)),
            ("-", None),
            ("x", None),
        ] {
            let xml = format!("<a w=\"{raw}\"/>");
            let mut s = Scanner::new(xml.as_bytes(), 256);
            let Ok(Event::Empty(t)) = s.next() else {
                panic!("empty element")
            };
            assert_eq!(t.attr_num(b"w"), n, "{raw}");
        }
        assert_eq!(t.raw_attr(b"type"), Some(&b"pct"[..]));
        assert_eq!(t.val().as_deref(), Some("a&b一"));
        assert_eq!(t.raw_attr(b"missing"), None);
    }

    #[test]
    fn depth_counts_open_elements_and_is_bounded() {
        let mut s = Scanner::new(b"<a><del><b><del/></b>x</del><c/></a>", 256);
        let mut depths = Vec::new();
        while !matches!(s.next(), Ok(Event::Eof)) {
            depths.push(s.depth());
        }
        // <a> <del> <b> <del/> </b> x </del> <c/> </a>
        assert_eq!(depths, [1, 2, 3, 3, 2, 2, 1, 1, 0]);
        let mut bad = Scanner::new(b"<a><del><b></del></a>", 256);
        let errors = std::iter::from_fn(|| Some(bad.next()))
            .take(4)
            .filter(|e| e.is_err())
            .count();
        assert!(errors > 0, "a mismatch inside any element is an error");
        let mut deep = Scanner::new(b"<a><a><a><a>", 3);
        for _ in 0..3 {
            assert!(matches!(deep.next(), Ok(Event::Start(_))));
        }
        assert!(matches!(deep.next(), Err(ScanError { too_deep: true, .. })));
    }

    #[test]
    fn invalid_utf8_text_is_an_error_where_it_is_used() {
        let mut out = String::new();
        assert!(unescape_into(b"ok \xFF", &mut out).is_err());
        let mut s = Scanner::new(b"<a x=\"\xFF\">t</a>", 256);
        assert!(matches!(s.next(), Ok(Event::Start(_))));
    }
}
