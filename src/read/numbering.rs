//! Word's automatic numbering: styles.xml and numbering.xml turned into the
//! label a paragraph shows (`一、`, `（二）`, `3.`), so that a heading whose
//! numeral comes from a list is seen as printed.

use super::ReadError;
use foldhash::{HashMap, HashSet};
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

#[derive(Debug, Default, Clone)]
pub struct StyleInfo {
    pub based_on: Option<String>,
    pub name: Option<String>,
    pub outline_lvl: Option<u8>,
    pub num_id: Option<i64>,
    pub ilvl: Option<u8>,
}

#[derive(Debug, Default)]
pub struct Styles {
    pub by_id: HashMap<String, StyleInfo>,
    /// The style applied when a paragraph names none.
    pub default_para: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: String,
    text: String,
    pstyle: Option<String>,
    is_lgl: bool,
}

#[derive(Debug, Default, Clone)]
struct AbstractNum {
    levels: HashMap<u8, Level>,
}

#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: i64,
    start_overrides: HashMap<u8, i64>,
    level_overrides: HashMap<u8, Level>,
}

/// Numbering definitions plus the running counters of each list.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<i64, AbstractNum>,
    nums: HashMap<i64, Num>,
    counters: HashMap<i64, [Option<i64>; 9]>,
}

/// The first attribute named `local`. Here and wherever an attribute is
/// looked up, quick-xml's duplicate check is off: the first match is taken
/// either way, and the check allocates for every element.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref().as_bytes() == local)
        .map(|a| {
            quick_xml::escape::unescape(&a.value)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

pub(super) fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, b"val")
}

/// A numeric attribute, parsed from the raw bytes: numbers need no
/// unescaping, and widths and levels are read for every cell and paragraph.
fn attr_number<T: std::str::FromStr>(e: &BytesStart<'_>, local: &[u8]) -> Option<T> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref().as_bytes() == local)
        .and_then(|a| a.value.trim().parse().ok())
}

pub(super) fn val_num(e: &BytesStart<'_>) -> Option<i64> {
    attr_number(e, b"val")
}

pub(super) fn attr_num(e: &BytesStart<'_>, local: &[u8]) -> Option<i64> {
    attr_number::<f64>(e, local).map(|f| f as i64)
}

fn xml_err(part: &str, e: impl std::fmt::Display) -> ReadError {
    ReadError::Corrupt(format!("{part} is not well-formed XML ({e})"))
}

/// The `w:val` of every `…Style w:val="…"` and `…StyleLink w:val="…"` in
/// a part (pStyle, rStyle, tblStyle, numStyleLink, styleLink): the styles a
/// document uses, found by a byte scan rather than a parse.
pub fn style_references(xml: &[u8], out: &mut HashSet<String>) {
    for key in [&b"Style w:val=\""[..], b"StyleLink w:val=\""] {
        let finder = Finder::new(key);
        let mut at = 0;
        while let Some(i) = finder.find(&xml[at..]) {
            let start = at + i + key.len();
            let Some(len) = xml[start..].iter().position(|b| *b == b'"') else {
                break;
            };
            out.insert(String::from_utf8_lossy(&xml[start..start + len]).into_owned());
            at = start + len;
        }
    }
}

use memchr::memmem::Finder;

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    crate::read::find(hay, needle)
}

/// The value of an attribute inside one tag; `name` finds `w:styleId="`
/// and the like (built once: a styles part has hundreds of styles).
fn tag_attr<'a>(tag: &'a [u8], name: &Finder<'_>) -> Option<&'a [u8]> {
    let i = name.find(tag)? + name.needle().len();
    let len = tag[i..].iter().position(|b| *b == b'"')?;
    Some(&tag[i..i + len])
}

/// One `<w:style>` element of styles.xml, found by a byte scan.
struct StyleBlock {
    start: usize,
    end: usize,
    id: Vec<u8>,
    /// Its `w:basedOn`.
    based: Option<Vec<u8>>,
    /// The default paragraph style.
    default: bool,
}

/// styles.xml cut down to the styles in `wanted`, the default paragraph
/// style and every style they are based on (Word's full default set is
/// ~440 KB, of which a report uses a handful). Latent styles are dropped.
/// None when the part is not written with the usual `w:` prefix: then the
/// whole part is parsed.
pub fn styles_subset(xml: &[u8], wanted: &HashSet<String>) -> Option<Vec<u8>> {
    memfind(xml, b"<w:styles")?;
    // Built once: the scan visits every style of the part (hundreds).
    let (open, close) = (Finder::new(b"<w:style "), Finder::new(b"</w:style>"));
    let style_id = Finder::new(b"w:styleId=\"");
    let based_on = Finder::new(b"w:basedOn w:val=\"");
    let is_default = Finder::new(b"w:default=\"1\"");
    let style_type = Finder::new(b"w:type=\"");
    let mut blocks: Vec<StyleBlock> = Vec::new();
    let mut at = 0;
    while let Some(i) = open.find(&xml[at..]) {
        let start = at + i;
        let tag_end = start + memchr::memchr(b'>', &xml[start..])?;
        let tag = &xml[start..tag_end];
        let end = if xml[tag_end - 1] == b'/' {
            tag_end + 1
        } else {
            tag_end + close.find(&xml[tag_end..])? + b"</w:style>".len()
        };
        let id = tag_attr(tag, &style_id).unwrap_or_default().to_vec();
        let based = tag_attr(&xml[tag_end..end], &based_on).map(<[u8]>::to_vec);
        let default =
            is_default.find(tag).is_some() && tag_attr(tag, &style_type) == Some(b"paragraph");
        blocks.push(StyleBlock {
            start,
            end,
            id,
            based,
            default,
        });
        at = end;
    }
    let by_id: HashMap<&[u8], usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_slice(), i))
        .collect();
    let mut keep = vec![false; blocks.len()];
    let mut todo: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.default || wanted.contains(String::from_utf8_lossy(&b.id).as_ref()))
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = todo.pop() {
        if std::mem::replace(&mut keep[i], true) {
            continue;
        }
        if let Some(parent) = blocks[i].based.as_deref().and_then(|p| by_id.get(p)) {
            todo.push(*parent);
        }
    }
    let mut out = Vec::with_capacity(xml.len() / 8);
    let mut copied = 0;
    for (i, b) in blocks.iter().enumerate() {
        out.extend_from_slice(&xml[copied..b.start]);
        if keep[i] {
            out.extend_from_slice(&xml[b.start..b.end]);
        }
        copied = b.end;
    }
    out.extend_from_slice(&xml[copied..]);
    // Latent styles (hundreds of lsdException entries) name no style used.
    if let (Some(a), Some(z)) = (
        memfind(&out, b"<w:latentStyles"),
        memfind(&out, b"</w:latentStyles>"),
    ) {
        out.drain(a..z + b"</w:latentStyles>".len());
    }
    Some(out)
}

impl Styles {
    pub fn parse(xml: &[u8], max_depth: usize) -> Result<Styles, ReadError> {
        let mut r = Reader::from_reader(xml);
        let mut styles = Styles::default();
        let mut cur: Option<(String, StyleInfo, bool)> = None;
        let mut path: Vec<Vec<u8>> = Vec::new();
        loop {
            let ev = r.read_event().map_err(|e| xml_err("styles.xml", e))?;
            let (e, empty) = match &ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if path.pop().as_deref() == Some(b"style".as_slice())
                        && let Some((id, info, is_default)) = cur.take()
                    {
                        if is_default {
                            styles.default_para = Some(id.clone());
                        }
                        styles.by_id.insert(id, info);
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = e.local_name().as_ref().as_bytes().to_vec();
            let in_ppr = path.last().is_some_and(|p| p == b"pPr");
            let in_numpr = path.last().is_some_and(|p| p == b"numPr");
            match name.as_slice() {
                b"style" if attr(e, b"type").as_deref() == Some("paragraph") => {
                    let id = attr(e, b"styleId").unwrap_or_default();
                    let is_default =
                        matches!(attr(e, b"default").as_deref(), Some("1" | "true" | "on"));
                    cur = Some((id, StyleInfo::default(), is_default));
                }
                b"name" => {
                    if let Some((_, info, _)) = cur.as_mut() {
                        info.name = val(e);
                    }
                }
                b"basedOn" => {
                    if let Some((_, info, _)) = cur.as_mut() {
                        info.based_on = val(e);
                    }
                }
                b"outlineLvl" if in_ppr => {
                    if let Some((_, info, _)) = cur.as_mut() {
                        info.outline_lvl = val_num(e).map(|v| v.clamp(0, 9) as u8);
                    }
                }
                b"numId" if in_numpr => {
                    if let Some((_, info, _)) = cur.as_mut() {
                        info.num_id = val_num(e);
                    }
                }
                b"ilvl" if in_numpr => {
                    if let Some((_, info, _)) = cur.as_mut() {
                        info.ilvl = val_num(e).map(|v| v.clamp(0, 8) as u8);
                    }
                }
                _ => {}
            }
            if !empty {
                if path.len() >= max_depth {
                    return Err(ReadError::TooLarge(
                        "styles.xml nests elements too deeply".into(),
                    ));
                }
                path.push(name);
            }
        }
        Ok(styles)
    }

    /// Follows `basedOn` to find a property; bounded against cycles.
    fn lookup<T>(&self, style: &str, f: impl Fn(&StyleInfo) -> Option<T>) -> Option<T> {
        let mut id = style;
        for _ in 0..16 {
            let info = self.by_id.get(id)?;
            if let Some(v) = f(info) {
                return Some(v);
            }
            id = info.based_on.as_deref()?;
        }
        None
    }

    pub fn outline_level(&self, style: &str) -> Option<u8> {
        if let Some(l) = self.lookup(style, |s| s.outline_lvl) {
            return Some(l);
        }
        // Built-in heading styles carry their level in the name.
        let name = self.by_id.get(style)?.name.as_deref()?.to_ascii_lowercase();
        let rest = name
            .strip_prefix("heading ")
            .or_else(|| name.strip_prefix("标题 "))?;
        rest.trim().parse::<u8>().ok().map(|n| n.saturating_sub(1))
    }

    pub fn numbering(&self, style: &str) -> Option<(i64, Option<u8>)> {
        let num_id = self.lookup(style, |s| s.num_id)?;
        let ilvl = self.lookup(style, |s| s.ilvl);
        Some((num_id, ilvl))
    }
}

impl Numbering {
    pub fn parse(xml: &[u8], max_depth: usize) -> Result<Numbering, ReadError> {
        let mut r = Reader::from_reader(xml);
        let mut n = Numbering::default();
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut cur_abs: Option<(i64, AbstractNum)> = None;
        let mut cur_num: Option<(i64, Num)> = None;
        let mut cur_lvl: Option<(u8, Level)> = None;
        let mut override_lvl: Option<u8> = None;
        loop {
            let ev = r.read_event().map_err(|e| xml_err("numbering.xml", e))?;
            let (e, empty) = match &ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    match path.pop().as_deref() {
                        Some(b"lvl") => {
                            if let Some((ilvl, lvl)) = cur_lvl.take() {
                                if let Some(ov) = override_lvl {
                                    if let Some((_, num)) = cur_num.as_mut() {
                                        num.level_overrides.insert(ov, lvl);
                                    }
                                } else if let Some((_, a)) = cur_abs.as_mut() {
                                    a.levels.insert(ilvl, lvl);
                                }
                            }
                        }
                        Some(b"abstractNum") => {
                            if let Some((id, a)) = cur_abs.take() {
                                n.abstracts.insert(id, a);
                            }
                        }
                        Some(b"num") => {
                            if let Some((id, num)) = cur_num.take() {
                                n.nums.insert(id, num);
                            }
                        }
                        Some(b"lvlOverride") => override_lvl = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = e.local_name().as_ref().as_bytes().to_vec();
            match name.as_slice() {
                b"abstractNum" => {
                    cur_abs = Some((
                        attr_num(e, b"abstractNumId").unwrap_or(-1),
                        AbstractNum::default(),
                    ));
                }
                b"num" => cur_num = Some((attr_num(e, b"numId").unwrap_or(-1), Num::default())),
                b"abstractNumId" => {
                    if let Some((_, num)) = cur_num.as_mut() {
                        num.abstract_id = val_num(e).unwrap_or(-1);
                    }
                }
                b"lvlOverride" => override_lvl = attr_num(e, b"ilvl").map(|v| v.clamp(0, 8) as u8),
                b"startOverride" => {
                    if let (Some((_, num)), Some(l)) = (cur_num.as_mut(), override_lvl) {
                        num.start_overrides
                            .insert(l, val_num(e).unwrap_or(1).clamp(-1, MAX_COUNTER));
                    }
                }
                b"lvl" => {
                    let ilvl = attr_num(e, b"ilvl").unwrap_or(0).clamp(0, 8) as u8;
                    cur_lvl = Some((
                        ilvl,
                        Level {
                            start: 1,
                            fmt: "decimal".into(),
                            ..Level::default()
                        },
                    ));
                }
                b"start" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.start = val_num(e).unwrap_or(1).clamp(-1, MAX_COUNTER);
                    }
                }
                b"numFmt" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.fmt = val(e).unwrap_or_default();
                    }
                }
                b"lvlText" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.text = val(e).unwrap_or_default();
                    }
                }
                b"pStyle" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.pstyle = val(e);
                    }
                }
                b"isLgl" => {
                    if let Some((_, l)) = cur_lvl.as_mut() {
                        l.is_lgl = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
                    }
                }
                _ => {}
            }
            if !empty {
                if path.len() >= max_depth {
                    return Err(ReadError::TooLarge(
                        "numbering.xml nests elements too deeply".into(),
                    ));
                }
                path.push(name);
            }
        }
        Ok(n)
    }

    /// The level of list `num_id` that is linked to paragraph style `style`.
    pub fn level_for_style(&self, num_id: i64, style: &str) -> Option<u8> {
        let num = self.nums.get(&num_id)?;
        let abs = self.abstracts.get(&num.abstract_id)?;
        abs.levels
            .iter()
            .find(|(_, l)| l.pstyle.as_deref() == Some(style))
            .map(|(i, _)| *i)
    }

    fn level(&self, num_id: i64, ilvl: u8) -> Option<Level> {
        let num = self.nums.get(&num_id)?;
        if let Some(l) = num.level_overrides.get(&ilvl) {
            return Some(l.clone());
        }
        let abs = self.abstracts.get(&num.abstract_id)?;
        let mut l = abs.levels.get(&ilvl)?.clone();
        if let Some(s) = num.start_overrides.get(&ilvl) {
            l.start = *s;
        }
        Some(l)
    }

    /// Advances list `num_id` at level `ilvl` and returns the label shown.
    pub fn next_label(&mut self, num_id: i64, ilvl: u8) -> Option<String> {
        if num_id <= 0 {
            return None;
        }
        let ilvl = ilvl.min(8);
        let lvl = self.level(num_id, ilvl)?;
        let starts: Vec<i64> = (0..9u8)
            .map(|i| self.level(num_id, i).map_or(1, |l| l.start))
            .collect();
        let counters = self.counters.entry(num_id).or_insert([None; 9]);
        let i = usize::from(ilvl);
        counters[i] = Some(counters[i].map_or(starts[i], |c| c.saturating_add(1).min(MAX_COUNTER)));
        for c in counters.iter_mut().skip(i + 1) {
            *c = None;
        }
        let snapshot = *counters;
        if lvl.fmt == "bullet" {
            return None;
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let li = (d as usize).saturating_sub(1).min(8);
                let value = snapshot[li].unwrap_or(starts[li]);
                let fmt = if lvl.is_lgl && li < i {
                    "decimal".to_string()
                } else {
                    self.level(num_id, li as u8)
                        .map(|l| l.fmt)
                        .unwrap_or_default()
                };
                out.push_str(&format_counter(value, &fmt));
                if out.len() > MAX_LABEL_BYTES {
                    break;
                }
                continue;
            }
            out.push(c);
        }
        // A hostile lvlText (thousands of %1) must not size the label.
        if out.len() > MAX_LABEL_BYTES {
            let cut = (0..=MAX_LABEL_BYTES)
                .rev()
                .find(|i| out.is_char_boundary(*i))
                .unwrap_or(0);
            out.truncate(cut);
        }
        Some(out)
    }
}

/// Largest list counter kept (a `w:start` of 2^63 is clamped to it).
const MAX_COUNTER: i64 = 1_000_000;
/// Longest list label produced.
const MAX_LABEL_BYTES: usize = 256;

const CN_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const CN_LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];

fn chinese_counting(n: i64, digits: &[&str; 10], ten: &str, hundred: &str) -> String {
    if n <= 0 || n >= 1000 {
        return n.to_string();
    }
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(digits[h as usize]);
        s.push_str(hundred);
        if t == 0 && u > 0 {
            s.push_str(digits[0]);
        }
    }
    if t > 0 {
        if !(t == 1 && h == 0) {
            s.push_str(digits[t as usize]);
        }
        s.push_str(ten);
    }
    if u > 0 {
        s.push_str(digits[u as usize]);
    }
    s
}

fn alpha(n: i64, base: u8) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let letter = (base + ((n - 1) % 26) as u8) as char;
    // Word repeats the letter past Z (AA, AAA); the count is bounded so a
    // start value of 2^63 cannot size a string.
    std::iter::repeat_n(letter, (((n - 1) / 26 + 1) as usize).min(32)).collect()
}

fn roman(mut n: i64) -> String {
    if n <= 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Formats a counter in one of Word's `numFmt`s.
pub fn format_counter(n: i64, fmt: &str) -> String {
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese_counting(n, &CN_DIGITS, "十", "百"),
        "chineseLegalSimplified" => chinese_counting(n, &CN_LEGAL, "拾", "佰"),
        "ideographDigital" | "taiwaneseDigital" => n
            .to_string()
            .chars()
            .map(|c| CN_DIGITS[c.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get((n.max(1) - 1) as usize % 10)
            .map_or_else(String::new, |s| s.to_string()),
        "ideographZodiac" => [
            "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
        ]
        .get((n.max(1) - 1) as usize % 12)
        .map_or_else(String::new, |s| s.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "lowerLetter" => alpha(n, b'a'),
        "upperLetter" => alpha(n, b'A'),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_formats() {
        assert_eq!(format_counter(1, "chineseCounting"), "一");
        assert_eq!(format_counter(10, "chineseCountingThousand"), "十");
        assert_eq!(format_counter(12, "chineseCounting"), "十二");
        assert_eq!(format_counter(20, "chineseCounting"), "二十");
        assert_eq!(format_counter(105, "chineseCounting"), "一百〇五");
        assert_eq!(format_counter(2, "ideographTraditional"), "乙");
        assert_eq!(format_counter(3, "decimal"), "3");
        assert_eq!(format_counter(3, "none"), "");
        assert_eq!(format_counter(4, "upperRoman"), "IV");
    }

    #[test]
    fn styles_subset_keeps_used_styles_their_bases_and_the_default() {
        let xml = br#"<w:styles xmlns:w="x"><w:docDefaults/><w:latentStyles><w:lsdException w:name="a"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Base"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Unused"><w:name w:val="Unused"/></w:style>
<w:style w:type="character" w:styleId="Empty"/></w:styles>"#;
        let mut used = HashSet::default();
        style_references(
            br#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr></w:p>"#,
            &mut used,
        );
        assert!(used.contains("H1"));
        let sub = styles_subset(xml, &used).unwrap();
        let text = String::from_utf8(sub).unwrap();
        for kept in ["Normal", "Base", "H1", "<w:docDefaults/>"] {
            assert!(text.contains(kept), "{kept} kept: {text}");
        }
        for dropped in ["Unused", "Empty", "latentStyles"] {
            assert!(!text.contains(dropped), "{dropped} dropped: {text}");
        }
        let styles = Styles::parse(text.as_bytes(), 64).unwrap();
        assert!(styles.by_id.contains_key("H1"));
        // Another prefix than w: is parsed whole.
        assert!(styles_subset(b"<x:styles/>", &used).is_none());
    }

    #[test]
    fn labels_follow_levels_and_restart_below() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H1"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(xml.as_bytes(), 64).unwrap();
        assert_eq!(n.next_label(3, 0).as_deref(), Some("一、"));
        assert_eq!(n.next_label(3, 1).as_deref(), Some("（一）"));
        assert_eq!(n.next_label(3, 1).as_deref(), Some("（二）"));
        assert_eq!(n.next_label(3, 0).as_deref(), Some("二、"));
        assert_eq!(n.next_label(3, 1).as_deref(), Some("（一）"));
        assert_eq!(n.level_for_style(3, "H1"), Some(0));
        assert_eq!(n.next_label(0, 0), None);
    }
}
