//! A content-stream tokenizer (PDF 32000-1 §7.2–7.3, §8.9.7), zero-copy
//! as pdf.js and pdfium read content: operators are slices of the decoded
//! stream, numbers are parsed in place, and the few operands that need
//! decoding (strings, escaped names) go into one buffer reused for every
//! operation. Operations come one at a time, so a page's operations are
//! never all held at once. Inline image data (`BI … ID <bytes> EI`) is
//! skipped as a unit; dictionaries and arrays nested in arrays are skipped
//! (no operator the interpreter follows reads them).

/// Most operands kept for one operation (a malformed run may have more).
const MAX_OPERANDS: usize = 4096;

/// Byte classes of PDF 32000-1 §7.2.2 in one table (tokenizing tests
/// every byte of a stream).
const SPACE: u8 = 1;
const DELIM: u8 = 2;
pub(super) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let spaces = b"\0\t\n\x0c\r ";
    let mut i = 0;
    while i < spaces.len() {
        t[spaces[i] as usize] = SPACE;
        i += 1;
    }
    let delims = b"()<>[]{}/%";
    let mut i = 0;
    while i < delims.len() {
        t[delims[i] as usize] = DELIM;
        i += 1;
    }
    t
};

fn is_space(b: u8) -> bool {
    CLASS[b as usize] == SPACE
}

/// A range of the tokenizer's decoded bytes or array items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    start: usize,
    end: usize,
}

/// One operand of an operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand {
    Num(f32),
    /// A name without its slash, `#xx` escapes decoded ([`Ops::bytes`]).
    Name(Span),
    /// A literal or hexadecimal string, decoded ([`Ops::bytes`]).
    Str(Span),
    /// An array's items ([`Ops::items`]).
    Array(Span),
    /// A dictionary, boolean, null, or an array nested in an array.
    Other,
}

/// The operations of a content stream, in order: [`Ops::next_op`] gives an
/// operator and leaves its operands readable until the next call.
pub struct Ops<'a> {
    data: &'a [u8],
    at: usize,
    operands: Vec<Operand>,
    items: Vec<Operand>,
    decoded: Vec<u8>,
}

impl<'a> Ops<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Ops {
            data,
            at: 0,
            operands: Vec::new(),
            items: Vec::new(),
            decoded: Vec::new(),
        }
    }

    /// The operands of the operation `next_op` returned last.
    pub fn operands(&self) -> &[Operand] {
        &self.operands
    }

    /// An array operand's items.
    pub fn items(&self, span: Span) -> &[Operand] {
        &self.items[span.start..span.end]
    }

    /// A string or name operand's bytes.
    pub fn bytes(&self, span: Span) -> &[u8] {
        &self.decoded[span.start..span.end]
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
        let start = self.at.min(self.data.len());
        let rest = &self.data[start..];
        let len = rest
            .iter()
            .position(|b| CLASS[*b as usize] != 0)
            .unwrap_or(rest.len());
        self.at = start + len;
        &rest[..len]
    }

    fn name(&mut self) -> Span {
        self.at += 1; // '/'
        let raw = self.regular();
        let start = self.decoded.len();
        decode_name(raw, &mut self.decoded);
        Span {
            start,
            end: self.decoded.len(),
        }
    }

    fn literal(&mut self) -> Span {
        self.at += 1; // '('
        let start = self.decoded.len();
        literal_string(self.data, &mut self.at, &mut self.decoded, false);
        Span {
            start,
            end: self.decoded.len(),
        }
    }

    fn hex(&mut self) -> Span {
        self.at += 1; // '<'
        let start = self.decoded.len();
        hex_string(self.data, &mut self.at, &mut self.decoded, false);
        Span {
            start,
            end: self.decoded.len(),
        }
    }

    /// Skips a dictionary or array from its opening delimiter to the one
    /// that closes it, counting depth (never recursing), strings included.
    fn skip_composite(&mut self) {
        let mut depth = 0usize;
        loop {
            self.skip_space();
            let Some(&b) = self.data.get(self.at) else {
                return;
            };
            match b {
                b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                    self.at += 2;
                    depth += 1;
                }
                b'[' => {
                    self.at += 1;
                    depth += 1;
                }
                b'>' if self.data.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    depth = depth.saturating_sub(1);
                }
                b']' => {
                    self.at += 1;
                    depth = depth.saturating_sub(1);
                }
                b'(' => {
                    let s = self.literal();
                    self.decoded.truncate(s.start);
                }
                b'<' => {
                    let s = self.hex();
                    self.decoded.truncate(s.start);
                }
                b'/' => {
                    let s = self.name();
                    self.decoded.truncate(s.start);
                }
                _ => {
                    if self.regular().is_empty() {
                        self.at += 1;
                    }
                }
            }
            if depth == 0 {
                return;
            }
        }
    }

    /// Keeps an operand read by [`Ops::token`]: on the array's items or the
    /// operation's operands, while there is `room`. Each kind of operand is
    /// pushed where it is read: returned through one join, an operand was
    /// assembled on the stack in parts and read back whole, and the read
    /// waited for the parts' stores (a failed store-to-load forward, one
    /// per operand).
    #[inline(always)]
    fn keep(&mut self, to_items: bool, room: bool, o: Operand) {
        if room {
            if to_items {
                self.items.push(o);
            } else {
                self.operands.push(o);
            }
        }
    }

    /// The token at `at` (not `[`, which the callers read), consumed: a
    /// scalar operand is kept (see [`Ops::keep`]) and `Some(None)` returned,
    /// or the word of an operator is returned (empty at a lone delimiter);
    /// None at the end of the data. Dispatch is on the first byte, so an
    /// operator's word is scanned once.
    #[inline(always)]
    fn token(&mut self, to_items: bool, room: bool) -> Option<Option<&'a [u8]>> {
        let b = *self.data.get(self.at)?;
        match b {
            b'/' => {
                let s = self.name();
                self.keep(to_items, room, Operand::Name(s));
            }
            b'(' => {
                let s = self.literal();
                self.keep(to_items, room, Operand::Str(s));
            }
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                self.skip_composite();
                self.keep(to_items, room, Operand::Other);
            }
            b'<' => {
                let s = self.hex();
                self.keep(to_items, room, Operand::Str(s));
            }
            b'0'..=b'9' | b'-' | b'+' | b'.'
                if let Some((n, end)) = plain_decimal(self.data, self.at) =>
            {
                self.at = end;
                self.keep(to_items, room, Operand::Num(n));
            }
            _ => {
                let word = self.regular();
                if let Some(n) = number(word) {
                    self.keep(to_items, room, Operand::Num(n));
                } else if matches!(word, b"true" | b"false" | b"null") {
                    self.keep(to_items, room, Operand::Other);
                } else {
                    return Some(Some(word));
                }
            }
        }
        Some(None)
    }

    /// An array's items, after its `[`: scalars kept, nested arrays and
    /// dictionaries skipped, stray operators dropped.
    fn array(&mut self) -> Operand {
        self.at += 1; // '['
        let start = self.items.len();
        loop {
            self.skip_space();
            match self.data.get(self.at) {
                None => break,
                Some(b']') => {
                    self.at += 1;
                    break;
                }
                Some(b'[') => {
                    self.skip_composite();
                    self.items.push(Operand::Other);
                }
                Some(b'>' | b')' | b'{' | b'}') => self.at += 1,
                Some(_) => {
                    let room = self.items.len() - start < MAX_OPERANDS;
                    // An operator inside an array is dropped; past a lone
                    // delimiter, go on.
                    if let Some(Some([])) = self.token(true, room) {
                        self.at += 1;
                    }
                }
            }
        }
        Operand::Array(Span {
            start,
            end: self.items.len(),
        })
    }

    /// The next operator, its operands left in `operands()`; None at the end.
    #[inline(always)]
    pub fn next_op(&mut self) -> Option<&'a [u8]> {
        self.operands.clear();
        self.items.clear();
        self.decoded.clear();
        loop {
            self.skip_space();
            let &b = self.data.get(self.at)?;
            // Operands of a malformed run are bounded like any stack.
            let room = self.operands.len() < MAX_OPERANDS;
            match b {
                // Stray delimiters carry nothing.
                b']' | b'>' | b')' | b'{' | b'}' => self.at += 1,
                b'[' => {
                    let a = self.array();
                    self.keep(false, room, a);
                }
                _ => match self.token(false, room)? {
                    None => {}
                    // A lone delimiter: skip it.
                    Some([]) => self.at += 1,
                    Some(w) => {
                        if w == b"ID" {
                            self.skip_inline_image();
                        }
                        return Some(w);
                    }
                },
            }
        }
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

/// A number operand. Anything that starts like a number but does not
/// parse is an operator.
fn number(word: &[u8]) -> Option<f32> {
    let first = *word.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    short_decimal(word).or_else(|| std::str::from_utf8(word).ok()?.parse::<f32>().ok())
}

/// A number written `-123.456` at `at`, read in the same pass that finds
/// its end (content streams are mostly such numbers): its value (exact as
/// [`short_decimal`] explains) and where it ends, or None for anything else
/// (the token is then read in full by the general path). Inlined where a
/// token is read, in the interpreter's loop: a call there would depend on
/// how the crate is split into codegen units.
#[inline]
fn plain_decimal(data: &[u8], at: usize) -> Option<(f32, usize)> {
    let mut i = at;
    let negative = match data.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut m, mut decimals, mut any) = (0u32, None::<usize>, false);
    while let Some(&b) = data.get(i) {
        match b {
            b'0'..=b'9' => {
                m = m * 10 + u32::from(b - b'0');
                if m >= 1 << 24 {
                    return None;
                }
                any = true;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ if CLASS[b as usize] != 0 => break,
            _ => return None,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    let v = scaled_down(m, decimals.unwrap_or(0))?;
    Some((if negative { -v } else { v }, i))
}

/// `m` / 10^`d` rounded to f32 for `m` below 2^24 and `d` up to ten: the
/// division in f32, correctly rounded as both operands are exact, is what
/// `str::parse` gives. It is computed as a product in f64 rounded to f32,
/// which a division unit's latency does not hold up: the product is within
/// 2^-52 of the quotient (relatively), which for such `m` and `d` lies at
/// least 10 · 2^-49 from any point where f32 rounding changes (checked for
/// every `m` and `d` by the tests).
#[inline]
fn scaled_down(m: u32, d: usize) -> Option<f32> {
    Some((f64::from(m) * *INV_POW10.get(d)?) as f32)
}

/// 10^-d in f64, d from 0 to 10.
const INV_POW10: [f64; 11] = [
    1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10,
];

/// The common case, `-123.456`, without the general parser: with fewer
/// than 2^24 as its digits and at most ten decimals, both the digits and
/// the power of ten are exact in f32, so one correctly rounded division
/// gives the same value as `str::parse` does ([`scaled_down`] gives that
/// quotient). None otherwise.
fn short_decimal(word: &[u8]) -> Option<f32> {
    // A word holds no white space or delimiter: read to its end.
    plain_decimal(word, 0).map(|(v, _)| v)
}

/// `s` as `str::parse::<f32>` reads it, a plain decimal (`-123.456`, the
/// whole of `s`) without the general parser, as [`short_decimal`] reads it:
/// for text outside content streams (an OFD page's boxes and positions).
pub(crate) fn decimal(s: &str) -> Option<f32> {
    match plain_decimal(s.as_bytes(), 0) {
        Some((v, end)) if end == s.len() => Some(v),
        _ => s.parse().ok(),
    }
}

/// A name's bytes (after its `/`), `#xx` escapes decoded, onto `out`.
pub(super) fn decode_name(raw: &[u8], out: &mut Vec<u8>) {
    // Most names have no escape: copied whole (a short one tested without
    // memchr's set-up: a Type3 font's /Differences names every glyph).
    let plain = if raw.len() <= 16 {
        !raw.contains(&b'#')
    } else {
        memchr::memchr(b'#', raw).is_none()
    };
    if plain {
        out.extend_from_slice(raw);
        return;
    }
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
}

/// A literal string's bytes from just after its `(` to the `)` that
/// balances it, escapes decoded, onto `out`; `*at` ends after the `)`.
/// False when the data ends first. An unescaped line end is kept as is,
/// or read as one newline with `eol_as_newline` (as lopdf reads objects).
pub(super) fn literal_string(
    data: &[u8],
    at: &mut usize,
    out: &mut Vec<u8>,
    eol_as_newline: bool,
) -> bool {
    if *at >= data.len() {
        return false;
    }
    // The position is kept in a local, and room for the string is made once.
    let mut i = *at;
    out.reserve((data.len() - i).min(64));
    let mut depth = 1usize;
    let closed = loop {
        let Some(&b) = data.get(i) else {
            break false;
        };
        i += 1;
        match b {
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break true;
                }
                out.push(b);
            }
            b'\\' => {
                let Some(&e) = data.get(i) else {
                    break false;
                };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(b'\x08'),
                    b'f' => out.push(b'\x0c'),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((v & 0xFF) as u8);
                    }
                    // A backslash at the end of a line continues it.
                    b'\r' => {
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'\r' if eol_as_newline => {
                if data.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
            }
            _ => out.push(b),
        }
    };
    *at = i;
    closed
}

/// A hexadecimal string's bytes from just after its `<` to its `>`, onto
/// `out` (an odd last digit is padded with 0); `*at` ends after the `>`.
/// False when the data ends first, or, when `strict`, at a byte that is
/// neither a hex digit nor white space (otherwise such bytes are skipped).
pub(super) fn hex_string(data: &[u8], at: &mut usize, out: &mut Vec<u8>, strict: bool) -> bool {
    let mut i = *at;
    let mut high: Option<u8> = None;
    let closed = loop {
        // Two digits at a time while they come in pairs (the common case).
        if high.is_none() {
            while let (Some(&a), Some(&b)) = (data.get(i), data.get(i + 1)) {
                let (x, y) = (HEX_DIGIT[a as usize], HEX_DIGIT[b as usize]);
                if x | y > 15 {
                    break;
                }
                out.push(x << 4 | y);
                i += 2;
            }
        }
        let Some(&b) = data.get(i) else {
            break false;
        };
        i += 1;
        if b == b'>' {
            break true;
        }
        let v = HEX_DIGIT[b as usize];
        if v > 15 {
            if strict && !is_space(b) {
                *at = i;
                return false;
            }
            continue;
        }
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    };
    *at = i;
    if let Some(h) = high {
        out.push(h << 4);
    }
    closed
}

/// Each byte's value as a hexadecimal digit, 0xFF for any other byte.
static HEX_DIGIT: [u8; 256] = {
    let mut t = [0xFFu8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            d @ b'0'..=b'9' => d - b'0',
            d @ b'a'..=b'f' => d - b'a' + 10,
            d @ b'A'..=b'F' => d - b'A' + 10,
            _ => 0xFF,
        };
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Each operation as its operator and operands, strings and names
    /// spelled out (arrays as their items).
    #[derive(Debug, PartialEq)]
    enum O {
        N(f32),
        S(Vec<u8>),
        A(Vec<O>),
        X,
    }

    fn owned(ops: &Ops, o: &Operand) -> O {
        match *o {
            Operand::Num(n) => O::N(n),
            Operand::Name(s) | Operand::Str(s) => O::S(ops.bytes(s).to_vec()),
            Operand::Array(s) => O::A(ops.items(s).iter().map(|i| owned(ops, i)).collect()),
            Operand::Other => O::X,
        }
    }

    fn ops(s: &[u8]) -> Vec<(String, Vec<O>)> {
        let mut ops = Ops::new(s);
        let mut out = Vec::new();
        while let Some(op) = ops.next_op() {
            let operands = ops.operands().iter().map(|o| owned(&ops, o)).collect();
            out.push((String::from_utf8_lossy(op).into_owned(), operands));
        }
        out
    }

    fn names(o: &[(String, Vec<O>)]) -> Vec<&str> {
        o.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The product in f64 is the f32 quotient for every digit string below
    /// 2^24 and every count of decimals the reader takes (all of them in a
    /// release build; every 97th in a debug one).
    #[test]
    fn scaling_down_is_the_f32_division_for_every_short_decimal() {
        // Exact powers of ten in f32 (10^10 = 2^10 · 5^10, and 5^10 < 2^24).
        const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
        let step = if cfg!(debug_assertions) { 97 } else { 1 };
        for (d, p) in POW10.iter().enumerate() {
            let wrong = (0u32..1 << 24)
                .step_by(step)
                .filter(|m| scaled_down(*m, d).map(f32::to_bits) != Some((*m as f32 / p).to_bits()))
                .count();
            assert_eq!(wrong, 0, "{d} decimals");
        }
        assert_eq!(scaled_down(1, 11), None);
    }

    /// The one-pass number reader gives what reading the token whole and
    /// parsing it gives, and declines what it cannot read exactly.
    #[test]
    fn plain_decimals_read_as_whole_tokens_parse() {
        for t in [
            "0",
            "12",
            "-3",
            "+4",
            ".5",
            "-.25",
            "1.",
            "595.276",
            "-0",
            "16777215",
            "16777216",
            "1.2345678901",
            "1.23456789012",
            "1e5",
            "1.2.3",
            "-",
            "+",
            ".",
            "--1",
            "12a",
            "0.000001",
            "99999.9",
        ] {
            for end in [" ", "/", "[", "(", "\n", ""] {
                let data = format!("{t}{end}");
                let whole = number(&data.as_bytes()[..t.len()]);
                match plain_decimal(data.as_bytes(), 0) {
                    Some((v, at)) => {
                        assert_eq!(at, t.len(), "{data:?}");
                        assert_eq!(Some(v.to_bits()), whole.map(f32::to_bits), "{data:?}");
                    }
                    None => assert!(
                        t.len() > 9 || whole.is_none() || t.contains(['e', 'a']) || t == "16777216",
                        "{data:?} declined, though it reads as {whole:?}"
                    ),
                }
            }
        }
    }

    /// The literal string reader as it was before its position moved to a
    /// local: the oracle for the one above.
    fn reference_literal_string(
        data: &[u8],
        at: &mut usize,
        out: &mut Vec<u8>,
        eol_as_newline: bool,
    ) -> bool {
        let mut depth = 1usize;
        while let Some(&b) = data.get(*at) {
            *at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return true;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = data.get(*at) else {
                        return false;
                    };
                    *at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(b'\x08'),
                        b'f' => out.push(b'\x0c'),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match data.get(*at) {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        *at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        b'\r' => {
                            if data.get(*at) == Some(&b'\n') {
                                *at += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                b'\r' if eol_as_newline => {
                    if data.get(*at) == Some(&b'\n') {
                        *at += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        false
    }

    /// The hexadecimal string reader as it read one digit at a time.
    fn reference_hex_string(data: &[u8], at: &mut usize, out: &mut Vec<u8>, strict: bool) -> bool {
        let mut high: Option<u8> = None;
        let closed = loop {
            let Some(&b) = data.get(*at) else {
                break false;
            };
            *at += 1;
            if b == b'>' {
                break true;
            }
            let Some(v) = (b as char).to_digit(16) else {
                if strict && !is_space(b) {
                    return false;
                }
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        };
        if let Some(h) = high {
            out.push(h << 4);
        }
        closed
    }

    /// A string reader's signature: data, position (moved past the string),
    /// output, and its flag (`eol_as_newline` or `strict`).
    type StringReader = fn(&[u8], &mut usize, &mut Vec<u8>, bool) -> bool;

    /// `reader` ends where `reference` ends, with the same bytes and answer,
    /// on random strings over `alphabet`, from several starts, either flag.
    fn reads_as(reader: StringReader, reference: StringReader, alphabet: &[u8], seed: u32) {
        let mut rng = crate::test_rng::Xorshift(seed);
        for round in 0..20_000 {
            let len = round % 23;
            let data: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            for start in [0, 1, len, len + 2] {
                for flag in [false, true] {
                    let (mut at, mut out) = (start, b"x".to_vec());
                    let (mut ref_at, mut ref_out) = (start, b"x".to_vec());
                    let closed = reader(&data, &mut at, &mut out, flag);
                    let ref_closed = reference(&data, &mut ref_at, &mut ref_out, flag);
                    assert_eq!(
                        (closed, at, &out),
                        (ref_closed, ref_at, &ref_out),
                        "{data:?} from {start}, flag {flag}"
                    );
                }
            }
        }
    }

    #[test]
    fn hex_strings_read_as_digit_by_digit() {
        let alphabet = b"0123456789abcdefABCDEF> \ngG<";
        reads_as(hex_string, reference_hex_string, alphabet, 0x8765_4321);
    }

    #[test]
    fn literal_strings_read_as_byte_by_byte() {
        let alphabet = b"()\\\r\n01789abnrtf \xe4";
        reads_as(
            literal_string,
            reference_literal_string,
            alphabet,
            0x1234_5678,
        );
    }

    /// The tokenizer as it read before first-byte dispatch: every token
    /// tried as a scalar, an operator's word read again.
    fn reference_next_op<'a>(o: &mut Ops<'a>) -> Option<&'a [u8]> {
        o.operands.clear();
        o.items.clear();
        o.decoded.clear();
        loop {
            o.skip_space();
            let &b = o.data.get(o.at)?;
            if matches!(b, b']' | b'>' | b')' | b'{' | b'}') {
                o.at += 1;
                continue;
            }
            let operand = if b == b'[' {
                Some(o.array())
            } else {
                reference_scalar(o)
            };
            if let Some(x) = operand {
                if o.operands.len() < MAX_OPERANDS {
                    o.operands.push(x);
                }
                continue;
            }
            let word = o.regular();
            if word.is_empty() {
                o.at += 1;
                continue;
            }
            if word == b"ID" {
                o.skip_inline_image();
            }
            return Some(word);
        }
    }

    /// The scalar reader of that tokenizer: an operand, or None with an
    /// operator left unread.
    fn reference_scalar(o: &mut Ops<'_>) -> Option<Operand> {
        let b = *o.data.get(o.at)?;
        Some(match b {
            b'/' => Operand::Name(o.name()),
            b'(' => Operand::Str(o.literal()),
            b'<' if o.data.get(o.at + 1) == Some(&b'<') => {
                o.skip_composite();
                Operand::Other
            }
            b'<' => Operand::Str(o.hex()),
            _ => {
                let start = o.at;
                let word = o.regular();
                if let Some(n) = number(word) {
                    Operand::Num(n)
                } else if matches!(word, b"true" | b"false" | b"null") {
                    Operand::Other
                } else {
                    o.at = start;
                    return None;
                }
            }
        })
    }

    /// Streams of tokens, delimiters and junk in every order read as the
    /// reference reads them: the same operators, operands and positions.
    #[test]
    fn first_byte_dispatch_reads_as_the_reference() {
        let pieces: [&[u8]; 24] = [
            b"12",
            b"-3.5",
            b".5",
            b"+",
            b"1a",
            b"Tj",
            b"true",
            b"/F1",
            b"(a\\)b)",
            b"<0041>",
            b"<< /K 1 >>",
            b"[1 (x) [2] /n]",
            b"]",
            b">",
            b")",
            b"{",
            b"%c\n",
            b"ID x EI",
            b" ",
            b"\n",
            b"BI",
            b"null",
            b"16777216",
            b"-",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut data = Vec::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                data.extend_from_slice(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed >> 62 == 0 {
                    data.push(b' ');
                }
            }
            let (mut a, mut b) = (Ops::new(&data), Ops::new(&data));
            loop {
                let (x, y) = (a.next_op(), reference_next_op(&mut b));
                assert_eq!(x, y, "{:?}", String::from_utf8_lossy(&data));
                let ox: Vec<O> = a.operands().iter().map(|o| owned(&a, o)).collect();
                let oy: Vec<O> = b.operands().iter().map(|o| owned(&b, o)).collect();
                assert_eq!(ox, oy, "{:?}", String::from_utf8_lossy(&data));
                assert_eq!(a.at, b.at);
                if x.is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn operators_and_operands() {
        let o = ops(
            b"BT /F#31 12 Tf 1 0 0 1 72.5 -7 Tm (A\\(b\\)\\101) Tj [<0041> -120 (c)] TJ ET % note\nq",
        );
        assert_eq!(names(&o), ["BT", "Tf", "Tm", "Tj", "TJ", "ET", "q"]);
        assert_eq!(o[1].1, [O::S(b"F1".to_vec()), O::N(12.0)]);
        assert_eq!(o[2].1[4], O::N(72.5));
        assert_eq!(o[2].1[5], O::N(-7.0));
        assert_eq!(o[3].1, [O::S(b"A(b)A".to_vec())]);
        assert_eq!(
            o[4].1,
            [O::A(vec![
                O::S(vec![0, 0x41]),
                O::N(-120.0),
                O::S(b"c".to_vec())
            ])]
        );
    }

    #[test]
    fn a_word_that_starts_like_a_number_but_is_not_one_is_an_operator() {
        let o = ops(b"1.2.3 5. .5 +4 -");
        assert_eq!(names(&o), ["1.2.3", "-"]);
        assert_eq!(o[1].1, [O::N(5.0), O::N(0.5), O::N(4.0)]);
    }

    /// Plain decimals read by division give what `str::parse` gives, bit
    /// for bit, and everything else goes to it.
    #[test]
    fn decimals_read_as_str_parse_reads_them() {
        let same = |s: &str| {
            let want = s.parse::<f32>().ok().map(f32::to_bits);
            assert_eq!(decimal(s).map(f32::to_bits), want, "{s:?}");
        };
        for s in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "5.",
            ".5",
            "-.5",
            "-",
            ".",
            "",
            "+5",
            "1e3",
            "1E-3",
            "inf",
            "NaN",
            "16777215",
            "16777216",
            "16777217",
            "0.1",
            "0.0000000001",
            "0.00000000001",
            "123.4567890",
            "3.3333333333",
            "1..2",
            "1.2.3",
            "--1",
            "1-",
            " 1",
            "2.822",
        ] {
            same(s);
        }
        let mut rng = crate::test_rng::Xorshift(0x0FD0_0F32);
        let alphabet = b"0123456789.-";
        for _ in 0..400_000 {
            let len = 1 + rng.below(14);
            let s: String = (0..len)
                .map(|k| {
                    // Mostly digits, a dot or a leading minus now and then.
                    match rng.below(16) {
                        0 => '.',
                        1 if k == 0 => '-',
                        1 => char::from(alphabet[rng.below(12)]),
                        _ => char::from(b'0' + rng.below(10) as u8),
                    }
                })
                .collect();
            same(&s);
        }
    }

    #[test]
    fn short_decimals_are_the_values_the_general_parser_gives() {
        for w in [
            "0",
            "-0",
            "+7",
            "5.",
            ".5",
            "-.25",
            "72.5",
            "841.861",
            "0.028",
            "16777215",
            "16777216",
            "1.0000001",
            "0.1234567891",
            "0.12345678912",
            "-98765.4321",
            "00012.5000",
        ] {
            let want = w.parse::<f32>().unwrap();
            assert_eq!(
                number(w.as_bytes()).map(f32::to_bits),
                Some(want.to_bits()),
                "{w}"
            );
        }
        // Every two-decimal value up to 1,000 (the bulk of coordinates).
        for i in -100_000..100_000 {
            let w = format!("{}.{:02}", i / 100, (i % 100i32).abs());
            let w = if i < 0 && i > -100 {
                format!("-{w}")
            } else {
                w
            };
            let want = w.parse::<f32>().unwrap();
            assert_eq!(
                number(w.as_bytes()).unwrap().to_bits(),
                want.to_bits(),
                "{w}"
            );
        }
        assert_eq!(number(b"-"), None);
        assert_eq!(number(b"."), None);
    }

    #[test]
    fn inline_images_and_dictionaries() {
        let o = ops(
            b"/P <</MCID 3 /A [(x)] /D <</E (>>)>>>> BDC BI /W 2 /H 1 ID \x00EI\xffxx EI Q EMC",
        );
        assert_eq!(names(&o), ["BDC", "BI", "ID", "Q", "EMC"]);
        assert_eq!(o[0].1, [O::S(b"P".to_vec()), O::X]);
        assert_eq!(o[2].1.len(), 4);
    }

    #[test]
    fn arrays_nested_in_arrays_are_skipped_whole() {
        let o = ops(b"[1 [2 [3] (]) ] <</A 1>> 4] d");
        assert_eq!(o[0].1, [O::A(vec![O::N(1.0), O::X, O::X, O::N(4.0)])]);
    }

    #[test]
    fn operands_are_read_afresh_for_each_operation() {
        let o = ops(b"(ab) Tj (c) Tj");
        assert_eq!(o[0].1, [O::S(b"ab".to_vec())]);
        assert_eq!(o[1].1, [O::S(b"c".to_vec())]);
    }

    #[test]
    fn hostile_bytes_end() {
        // Nesting far past any bound ends without recursion, on a small
        // stack as the worker threads have.
        let deep = [b'['; 100_000];
        let handle = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                let mut ops = Ops::new(&deep);
                std::iter::from_fn(|| ops.next_op().map(|_| ())).count()
            })
            .unwrap();
        assert_eq!(handle.join().unwrap(), 0);
        assert_eq!(ops(b"(unterminated").len(), 0);
        assert_eq!(ops(b"<</A").len(), 0);
        assert_eq!(ops(b"] } ) q").len(), 1);
        // Operands past the bound are dropped, not held.
        let many = "1 ".repeat(MAX_OPERANDS * 2) + "m";
        let mut t = Ops::new(many.as_bytes());
        assert_eq!(t.next_op(), Some(&b"m"[..]));
        assert_eq!(t.operands().len(), MAX_OPERANDS);
    }

    /// `#xx` escapes decoded; a `#` without two hex digits after it, and
    /// names without any `#`, kept as written.
    #[test]
    fn names_decode_their_escapes() {
        let decoded = |raw: &[u8]| {
            let mut out = Vec::new();
            decode_name(raw, &mut out);
            out
        };
        assert_eq!(decoded(b"F1"), b"F1");
        assert_eq!(decoded(b"A#20B"), b"A B");
        assert_eq!(decoded(b"#CB#CE#CC#E5"), b"\xCB\xCE\xCC\xE5");
        assert_eq!(decoded(b"a#2"), b"a#2");
        assert_eq!(decoded(b"a#zz"), b"a#zz");
        assert_eq!(decoded(b""), b"");
    }
}
