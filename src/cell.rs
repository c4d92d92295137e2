//! Reading one table cell into a number, per SCHEMA.md "Cell values".

use crate::template::ValueKind;
use crate::text::{fold_char, is_space};

/// A cell's number. Integers print as JSON integers, amounts keep the decimals
/// they were written with (7539.443252 stays exactly that).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl Num {
    pub fn is_integral(self) -> bool {
        self.0.fract() == 0.0 && self.0.abs() < 9.0e15
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_integral() {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        f64::deserialize(d).map(Num)
    }
}

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_integral() {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedCell {
    pub value: Option<Num>,
    /// The bracketed note after a number (`其中修订16件`).
    pub note: Option<String>,
    /// The cell stated 元 and the value was converted to 万元.
    pub converted_from_yuan: bool,
    /// The cell's text when it is neither a number nor a blank marker.
    pub non_numeric: Option<String>,
}

/// Units a count or amount may carry after the number.
const COUNT_UNITS: &[&str] = &[
    "件", "条", "个", "项", "次", "宗", "份", "人", "家", "户", "起",
];

/// A cell's text as the parsers read it: no spaces at all, each character
/// folded (sized once: a collect from a filter grows the string).
fn compact_folded(raw: &str) -> String {
    let mut folded = String::with_capacity(raw.len());
    folded.extend(raw.chars().filter(|c| !is_space(*c)).map(fold_char));
    folded
}

/// Parses a cell. `header_in_yuan` is true when the column header states 元
/// (an amount column whose cells then are converted too).
pub fn parse_cell(raw: &str, kind: ValueKind, header_in_yuan: bool) -> ParsedCell {
    // Plain digits, most figures: read at once, as every kind reads them
    // (but an amount under a 元 header, which is converted).
    if let Some(v) = plain_digits(raw)
        && !(kind == ValueKind::Amount && header_in_yuan)
    {
        return ParsedCell {
            value: Some(v),
            ..ParsedCell::default()
        };
    }
    let folded = compact_folded(raw);
    let mut out = ParsedCell::default();
    if is_blank_marker(&folded) {
        return out;
    }
    // Split off a bracketed note: 22(其中修订16件).
    let (main, note) = split_note(&folded);
    let main = main.trim_end_matches(['。', '.', ';', '；']);
    let num = match kind {
        ValueKind::Change => parse_change(main),
        ValueKind::Count => parse_count(main),
        ValueKind::Amount => parse_amount(main, header_in_yuan).map(|(n, conv)| {
            out.converted_from_yuan = conv;
            n
        }),
    };
    match num {
        Some(n) => {
            out.value = Some(n);
            out.note = note.map(str::to_string);
        }
        None => {
            out.converted_from_yuan = false;
            out.non_numeric = Some(raw.trim().to_string());
        }
    }
    out
}

/// Whether a cell's text reads as a figure or a blank marker under either
/// value kind of `parse_cell` (a change or an amount), without building
/// the parse's strings: labels are tested against this many times.
pub fn is_value_text(raw: &str) -> bool {
    // The common cases decided without folding: an empty cell and a plain
    // count (`12`) are figures (or blank markers). Without a digit, only a
    // blank marker (`—`, `/`, 无) or a no-change word (持平, 不变, 无变化,
    // perhaps with a note after it) reads as a value: each begins with a
    // marker character or with 持, 不 or 无, so text beginning otherwise
    // (every label) is not one.
    let t = raw.trim_matches(is_space);
    if t.is_empty() || (t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit())) {
        return true;
    }
    if t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return value_text_folded(raw);
    }
    let first = t.chars().next().map_or(' ', fold_char);
    if is_marker_char(first) || matches!(first, '持' | '不' | '无') {
        return value_text_folded(raw);
    }
    false
}

fn is_marker_char(c: char) -> bool {
    matches!(c, '-' | '/' | '\\' | '~' | '_' | '…')
}

/// A count written as 1 to 15 ASCII digits alone (exact as an f64).
fn plain_digits(s: &str) -> Option<Num> {
    ((1..=15).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| {
        let v = s.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        Num(v as f64)
    })
}

/// Whether folded character `c` can stand in the part of a value before
/// its bracketed note: digits and number punctuation, blank markers, the
/// trailing stops trimmed, and the characters of the words `parse_change`
/// and `parse_amount` accept (持平, 不变, 无变化, 增加, 减少, 万元 and the
/// count units).
fn can_stand_in_value(c: char) -> bool {
    c.is_ascii_digit()
        || is_marker_char(c)
        || matches!(
            c,
            ',' | '，'
                | '.'
                | '+'
                | '。'
                | ';'
                | '；'
                | '持'
                | '平'
                | '不'
                | '变'
                | '无'
                | '化'
                | '增'
                | '加'
                | '减'
                | '少'
                | '万'
                | '元'
                | '件'
                | '条'
                | '个'
                | '项'
                | '次'
                | '宗'
                | '份'
                | '人'
                | '家'
                | '户'
                | '起'
        )
}

/// [`is_value_text`] in full.
fn value_text_folded(raw: &str) -> bool {
    // Most labels hold a character no value can (1.危及…): they are ruled
    // out before the text is folded into a string of its own.
    let mut folded = raw.chars().filter(|c| !is_space(*c)).map(fold_char);
    // A bracket opening the text opens no note (a note follows a figure).
    let first_can = folded.next().is_none_or(can_stand_in_value);
    first_can && folded.take_while(|c| *c != '(').all(can_stand_in_value) && value_text_parsed(raw)
}

/// [`is_value_text`] by folding and parsing the text.
fn value_text_parsed(raw: &str) -> bool {
    let folded = compact_folded(raw);
    if is_blank_marker(&folded) {
        return true;
    }
    let (main, _) = split_note(&folded);
    let main = main.trim_end_matches(['。', '.', ';', '；']);
    // Both parses need a digit, but for three words of no change.
    if !main.bytes().any(|b| b.is_ascii_digit()) && !matches!(main, "持平" | "不变" | "无变化")
    {
        return false;
    }
    parse_change(main).is_some() || parse_amount(main, false).is_some()
}

/// Whether a cell holds a dash or slash alone (`—`, `-`, `／`): a figure's
/// place left blank, as tables print a zero.
pub fn is_dash_mark(raw: &str) -> bool {
    let t = raw.trim_matches(is_space);
    !t.is_empty()
        && t.chars()
            .filter(|c| !is_space(*c))
            .map(fold_char)
            .all(is_marker_char)
}

fn is_blank_marker(s: &str) -> bool {
    s.is_empty() || s == "无" || s.chars().all(is_marker_char)
}

fn split_note(s: &str) -> (&str, Option<&str>) {
    if let Some(open) = s.find('(')
        && open > 0
        && s.ends_with(')')
    {
        let inner = &s[open + 1..s.len() - 1];
        return (&s[..open], Some(inner));
    }
    (s, None)
}

fn strip_unit<'a>(s: &'a str, units: &[&str]) -> &'a str {
    for u in units {
        if let Some(rest) = s.strip_suffix(u) {
            return rest;
        }
    }
    s
}

/// Digits with optional thousands separators, sign and decimals → the number's
/// text in plain form (`1,234.5` → `1234.5`).
fn plain_number(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut digits = 0;
    let mut dot = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => {
                digits += 1;
                out.push(c);
            }
            ',' | '，' if digits > 0 => {}
            '.' if !dot && digits > 0 => {
                dot = true;
                out.push('.');
            }
            '+' if i == 0 => {}
            '-' if i == 0 => out.push('-'),
            _ => return None,
        }
    }
    if digits == 0 || out.ends_with('.') {
        return None;
    }
    Some(out)
}

fn parse_count(s: &str) -> Option<Num> {
    let s = strip_unit(s, COUNT_UNITS);
    let s = s.strip_suffix("万元").unwrap_or(s);
    // Plain digits, most figures: the value at once (exact below 2^53, as
    // parsing the text gives it), without building the plain form.
    if let Some(v) = plain_digits(s) {
        return Some(v);
    }
    let p = plain_number(s)?;
    p.parse::<f64>().ok().map(Num)
}

fn parse_change(s: &str) -> Option<Num> {
    if s == "持平" || s == "不变" || s == "无变化" {
        return Some(Num(0.0));
    }
    let s = strip_unit(s, COUNT_UNITS);
    for (prefix, sign) in [("增加", 1.0), ("增", 1.0), ("减少", -1.0), ("减", -1.0)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let rest = strip_unit(rest, COUNT_UNITS);
            let p = plain_number(rest)?;
            return p.parse::<f64>().ok().map(|v| Num(sign * v));
        }
    }
    parse_count(s)
}

/// An amount in 万元; `元` on the cell or header converts. Returns the value
/// and whether it was converted.
fn parse_amount(s: &str, header_in_yuan: bool) -> Option<(Num, bool)> {
    let (body, yuan) = if let Some(b) = s.strip_suffix("万元") {
        (b, false)
    } else if let Some(b) = s.strip_suffix("万") {
        (b, false)
    } else if let Some(b) = s.strip_suffix('元') {
        (b, true)
    } else {
        (s, header_in_yuan)
    };
    let p = plain_number(body)?;
    if yuan {
        let shifted = shift_decimal_left(&p, 4);
        return shifted.parse::<f64>().ok().map(|v| (Num(v), true));
    }
    p.parse::<f64>().ok().map(|v| (Num(v), false))
}

/// Divides a plain decimal string by 10^n exactly, in text, so that
/// 75394432.52 元 becomes 7539.443252 万元 without binary rounding noise.
fn shift_decimal_left(p: &str, n: usize) -> String {
    let (neg, p) = match p.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    let (int, frac) = p.split_once('.').unwrap_or((p, ""));
    let mut int = int.to_string();
    while int.len() <= n {
        int.insert(0, '0');
    }
    let split = int.len() - n;
    let (new_int, moved) = int.split_at(split);
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str(new_int);
    s.push('.');
    s.push_str(moved);
    s.push_str(frac);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_marks_are_dashes_and_slashes_alone() {
        for t in ["-", "—", "－", " ／ ", "--", "——"] {
            assert!(is_dash_mark(t), "{t:?}");
        }
        for t in ["", " ", "0", "-1", "无", "1—2", "维持"] {
            assert!(!is_dash_mark(t), "{t:?}");
        }
    }

    /// Plain digits read at once give what the general path gives.
    #[test]
    fn plain_digit_counts_read_as_parsed_text() {
        for t in [
            "0",
            "7",
            "007",
            "120",
            "999999999999999",
            "1234567890123456",
            "12,345",
            "1.5",
            "",
        ] {
            let general = plain_number(t).and_then(|p| p.parse::<f64>().ok());
            assert_eq!(parse_count(t).map(|n| n.0), general, "{t:?}");
        }
    }

    /// A cell of plain digits read at once gives what the general path
    /// gives, for every kind and header.
    #[test]
    fn plain_digit_cells_read_as_the_general_path_reads_them() {
        let general = |raw: &str, kind, yuan| {
            let folded = compact_folded(raw);
            let main = split_note(&folded).0;
            match kind {
                ValueKind::Change => parse_change(main),
                ValueKind::Count => parse_count(main),
                ValueKind::Amount => parse_amount(main, yuan).map(|(n, _)| n),
            }
        };
        for raw in ["0", "7", "007", "120", "999999999999999", "100000000000000"] {
            for kind in [ValueKind::Count, ValueKind::Change, ValueKind::Amount] {
                for yuan in [false, true] {
                    let p = parse_cell(raw, kind, yuan);
                    assert_eq!(p.value, general(raw, kind, yuan), "{raw} {kind:?} {yuan}");
                    assert_eq!(p.converted_from_yuan, kind == ValueKind::Amount && yuan);
                    assert!(p.note.is_none() && p.non_numeric.is_none());
                }
            }
        }
    }

    /// Every character of a count unit may stand in a value (the quick
    /// rejection of labels must not refuse one).
    #[test]
    fn count_units_can_stand_in_values() {
        for u in COUNT_UNITS {
            assert!(u.chars().all(can_stand_in_value), "{u}");
            assert!(is_value_text(&format!("3{u}")), "{u}");
        }
        for w in ["持平", "不变", "无变化", "增加", "减少", "万元", "元"] {
            assert!(w.chars().all(can_stand_in_value), "{w}");
        }
    }

    #[test]
    fn value_text_shortcuts_agree_with_the_full_test() {
        for t in [
            "0",
            "12",
            " 7 ",
            "007",
            "123456789",
            "1234567890",
            "12件",
            "无",
            "—",
            "——",
            "/",
            " ",
            "",
            "持平",
            "不变",
            "無變化",
            "无变化",
            "增加3",
            "减2",
            "1,234",
            "12(其中3件)",
            "见附件",
            "行政复议",
            "（一）予以公开",
            "3。",
            "１２",
            "-",
            "二〇二三年",
            "万元",
            "持平（同比）",
            "不予公开",
            "无法提供",
            "“无”",
            "予以无",
            "—（无）",
            "/ 无",
            "行政复议不变",
        ] {
            assert_eq!(is_value_text(t), value_text_parsed(t), "{t:?}");
        }
        // Every text of up to four characters from the letters the tests
        // turn on (digits, markers, the no-change words, notes, quotes).
        let letters: Vec<char> = "持平不变无無化—/-1１(（)）件 予“。增萬元."
            .chars()
            .collect();
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| letters.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 100_000);
        for t in &texts {
            assert_eq!(is_value_text(t), value_text_parsed(t), "{t:?}");
        }
    }

    /// The shortcut's premise: only ASCII and full-width digits fold to a
    /// digit, and only 持, 不, 无 and 無 fold to the first characters of a
    /// no-change word or of 无.
    #[test]
    fn no_other_character_folds_to_a_digit_or_to_chi_bu_wu() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let f = fold_char(c);
            if f.is_ascii_digit() {
                assert!(c.is_ascii_digit() || ('０'..='９').contains(&c), "{c:?}");
            }
            if "持不无".contains(f) {
                assert!("持不无無".contains(c), "{c:?} folds to {f:?}");
            }
        }
    }

    fn v(s: &str, k: ValueKind) -> Option<f64> {
        parse_cell(s, k, false).value.map(|n| n.0)
    }

    #[test]
    fn value_texts_are_those_either_parse_reads() {
        for s in [
            "",
            "—",
            "无",
            "12",
            "１２",
            "7 件",
            "+3",
            "增加2",
            "持平",
            "1.5万元",
            "3,000元",
            "22(其中修订16件)",
            "5。",
            "自然人",
            "其他",
            "合计",
            "三、",
            "2a",
            "无变化",
            "未公开",
            "(3)",
            "一、本年新收政府信息公开申请数量",
            "12.",
            "-",
            "减少1件",
        ] {
            let either = [ValueKind::Change, ValueKind::Amount]
                .iter()
                .any(|k| parse_cell(s, *k, false).non_numeric.is_none());
            assert_eq!(is_value_text(s), either, "{s:?}");
        }
    }

    #[test]
    fn blanks_are_null() {
        for s in [
            "", " ", "\u{a0}", "—", "-", "－", "/", "／", "无", "--", "——", "⸺", "⸻", "‒",
        ] {
            let p = parse_cell(s, ValueKind::Count, false);
            assert_eq!(p, ParsedCell::default(), "{s:?}");
        }
    }

    #[test]
    fn counts_with_width_separators_and_units() {
        assert_eq!(v("１２", ValueKind::Count), Some(12.0));
        assert_eq!(v("1,234", ValueKind::Count), Some(1234.0));
        assert_eq!(v(" 7 件", ValueKind::Count), Some(7.0));
        assert_eq!(v("3条", ValueKind::Count), Some(3.0));
        assert_eq!(v("0", ValueKind::Count), Some(0.0));
    }

    #[test]
    fn signed_changes() {
        assert_eq!(v("+3", ValueKind::Change), Some(3.0));
        assert_eq!(v("-2", ValueKind::Change), Some(-2.0));
        assert_eq!(v("增加3", ValueKind::Change), Some(3.0));
        assert_eq!(v("减少2", ValueKind::Change), Some(-2.0));
        assert_eq!(v("持平", ValueKind::Change), Some(0.0));
        assert_eq!(v("－18", ValueKind::Change), Some(-18.0));
    }

    #[test]
    fn amounts_convert_yuan_exactly() {
        let p = parse_cell("75394432.52元", ValueKind::Amount, false);
        assert_eq!(p.value, Some(Num(7539.443252)));
        assert!(p.converted_from_yuan);
        let p = parse_cell("251000元", ValueKind::Amount, false);
        assert_eq!(p.value, Some(Num(25.1)));
        let p = parse_cell("12.5万元", ValueKind::Amount, false);
        assert_eq!(p.value, Some(Num(12.5)));
        assert!(!p.converted_from_yuan);
        let p = parse_cell("300", ValueKind::Amount, true);
        assert_eq!(p.value, Some(Num(0.03)));
        assert!(p.converted_from_yuan);
    }

    #[test]
    fn bracketed_note_is_kept() {
        let p = parse_cell("22（其中修订16件）", ValueKind::Count, false);
        assert_eq!(p.value, Some(Num(22.0)));
        assert_eq!(p.note.as_deref(), Some("其中修订16件"));
    }

    #[test]
    fn text_is_non_numeric() {
        let p = parse_cell("见附件", ValueKind::Count, false);
        assert_eq!(p.value, None);
        assert_eq!(p.non_numeric.as_deref(), Some("见附件"));
    }

    #[test]
    fn integers_serialize_without_fraction() {
        assert_eq!(serde_json::to_string(&Num(2.0)).unwrap(), "2");
        assert_eq!(serde_json::to_string(&Num(25.1)).unwrap(), "25.1");
    }
}
