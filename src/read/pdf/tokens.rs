//! A content-stream tokenizer (PDF 32000-1 §7.2–7.3, §8.9.7): operations
//! are produced one at a time straight from the decoded bytes, so a page's
//! operations are never all held at once (lopdf's `Content::decode` builds
//! the whole list first). Inline image data (`BI … ID <bytes> EI`) is
//! skipped as a unit.

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// Deepest nesting of arrays and dictionaries in an operand.
const MAX_NESTING: usize = 32;

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The operations of a content stream, in order.
pub struct Ops<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Ops<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Ops { data, at: 0 }
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.data.get(self.at) {
            if is_space(b) {
                self.at += 1;
            } else if b == b'%' {
                while self
                    .data
                    .get(self.at)
                    .is_some_and(|b| *b != b'\n' && *b != b'\r')
                {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.at;
        while self
            .data
            .get(self.at)
            .is_some_and(|b| !is_space(*b) && !is_delim(*b))
        {
            self.at += 1;
        }
        &self.data[start..self.at]
    }

    fn name(&mut self) -> Vec<u8> {
        self.at += 1; // '/'
        let raw = self.regular();
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'#'
                && let Some(v) = raw
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
            out.push(raw[i]);
            i += 1;
        }
        out
    }

    fn literal(&mut self) -> Vec<u8> {
        self.at += 1; // '('
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&b) = self.data.get(self.at) {
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.at) else {
                        break;
                    };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(b'\x08'),
                        b'f' => out.push(b'\x0c'),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.at) {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        // A backslash at the end of a line continues it.
                        b'\r' => {
                            if self.data.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        self.at += 1; // '<'
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.at) {
            self.at += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = (b as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// One operand object, or None at an operator (left unread) or the end.
    fn object(&mut self, depth: usize) -> Option<Object> {
        // Stray delimiters carry nothing, and nesting past the bound is
        // flattened: both are skipped here, in a loop (never by recursion).
        let b = loop {
            self.skip_space();
            let b = *self.data.get(self.at)?;
            let too_deep = depth >= MAX_NESTING && matches!(b, b'[' | b'<');
            if too_deep || matches!(b, b']' | b'>' | b')' | b'{' | b'}') {
                self.at += 1;
                continue;
            }
            break b;
        };
        Some(match b {
            b'/' => Object::Name(self.name()),
            b'(' => Object::String(self.literal(), StringFormat::Literal),
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let mut d = Dictionary::new();
                loop {
                    self.skip_space();
                    match self.data.get(self.at) {
                        None => break,
                        Some(b'>') => {
                            self.at += 2;
                            break;
                        }
                        Some(b'/') => {
                            let key = self.name();
                            match self.object(depth + 1) {
                                Some(v) => d.set(key, v),
                                None => break,
                            }
                        }
                        Some(_) => {
                            // Not a key: skip a token so malformed input ends.
                            if self.object(depth + 1).is_none() {
                                self.at += 1;
                            }
                        }
                    }
                }
                Object::Dictionary(d)
            }
            b'<' => Object::String(self.hex(), StringFormat::Hexadecimal),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.data.get(self.at) {
                        None => break,
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        Some(_) => match self.object(depth + 1) {
                            Some(o) => items.push(o),
                            // An operator inside an array: skip it.
                            None => {
                                if self.regular().is_empty() {
                                    self.at += 1;
                                }
                            }
                        },
                    }
                }
                Object::Array(items)
            }
            _ => {
                let start = self.at;
                let word = self.regular();
                if let Some(n) = number(word) {
                    n
                } else {
                    match word {
                        b"true" => Object::Boolean(true),
                        b"false" => Object::Boolean(false),
                        b"null" => Object::Null,
                        _ => {
                            // An operator: leave it for `next`.
                            self.at = start;
                            return None;
                        }
                    }
                }
            }
        })
    }

    /// Skips an inline image's data after `ID`: up to `EI` standing alone.
    fn skip_inline_image(&mut self) {
        self.at += 1; // the single white-space byte after ID
        while self.at + 1 < self.data.len() {
            if &self.data[self.at..self.at + 2] == b"EI"
                && self
                    .data
                    .get(self.at.wrapping_sub(1))
                    .is_some_and(|b| is_space(*b))
                && self.data.get(self.at + 2).is_none_or(|b| is_space(*b))
            {
                self.at += 2;
                return;
            }
            self.at += 1;
        }
        self.at = self.data.len();
    }
}

fn number(word: &[u8]) -> Option<Object> {
    let first = *word.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let s = std::str::from_utf8(word).ok()?;
    if s.contains('.') {
        s.parse::<f32>().ok().map(Object::Real)
    } else {
        s.parse::<i64>()
            .ok()
            .map(Object::Integer)
            .or_else(|| s.parse::<f32>().ok().map(Object::Real))
    }
}

impl Iterator for Ops<'_> {
    type Item = Operation;

    fn next(&mut self) -> Option<Operation> {
        let mut operands = Vec::new();
        loop {
            if let Some(o) = self.object(0) {
                // Operands of a malformed run are bounded like any stack.
                if operands.len() < 4096 {
                    operands.push(o);
                }
                continue;
            }
            self.skip_space();
            if self.at >= self.data.len() {
                return None;
            }
            let word = self.regular();
            if word.is_empty() {
                // A lone delimiter: skip it.
                self.at += 1;
                continue;
            }
            let operator = String::from_utf8_lossy(word).into_owned();
            if operator == "ID" {
                self.skip_inline_image();
            }
            return Some(Operation { operator, operands });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &[u8]) -> Vec<Operation> {
        Ops::new(s).collect()
    }

    #[test]
    fn operators_and_operands() {
        let o = ops(
            b"BT /F1 12 Tf 1 0 0 1 72.5 -7 Tm (A\\(b\\)\\101) Tj [<0041> -120 (c)] TJ ET % note\nq",
        );
        let names: Vec<&str> = o.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "Tj", "TJ", "ET", "q"]);
        assert_eq!(o[1].operands[0], Object::Name(b"F1".to_vec()));
        assert_eq!(o[2].operands[4], Object::Real(72.5));
        assert_eq!(o[2].operands[5], Object::Integer(-7));
        assert_eq!(
            o[3].operands[0],
            Object::String(b"A(b)A".to_vec(), StringFormat::Literal)
        );
        match &o[4].operands[0] {
            Object::Array(a) => {
                assert_eq!(
                    a[0],
                    Object::String(vec![0, 0x41], StringFormat::Hexadecimal)
                );
                assert_eq!(a[1], Object::Integer(-120));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_images_and_dictionaries() {
        let o = ops(b"/P <</MCID 3>> BDC BI /W 2 /H 1 ID \x00EI\xffxx EI Q EMC");
        let names: Vec<&str> = o.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "ID", "Q", "EMC"]);
        assert!(matches!(o[0].operands[1], Object::Dictionary(_)));
    }

    #[test]
    fn hostile_bytes_end() {
        // Nesting far past the bound ends without deep recursion, on a
        // small stack as the worker threads have.
        let deep = [b'['; 100_000];
        let handle = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || Ops::new(&deep).count())
            .unwrap();
        assert_eq!(handle.join().unwrap(), 0);
        assert_eq!(ops(b"(unterminated").len(), 0);
        assert_eq!(ops(b"<</A").len(), 0);
        assert_eq!(ops(b"] } ) q").len(), 1);
    }
}
