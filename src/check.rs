//! Check: the arithmetic relations of the templates and the prose's
//! restatements of table figures, as warnings.

use crate::cell::Num;
use crate::record::{Section, Severity, TableValues, Warning};
use crate::template::{
    ACTIVE_COLUMNS, APPLICANT_ADDENDS, APPLICANT_COLUMNS, APPLICATION_ROWS, NARRATIVE_RULES,
    NarrativeRule, OTHER_HANDLING_PARTS, RESULT_ROWS, REVIEW_ADDENDS, REVIEW_GROUPS, SECTIONS,
    TABLE_SIGNS, TableKind, Template, ValueKind,
};
use crate::text::{chinese_number, norm};
use foldhash::HashSet;
use regex::Regex;
use std::sync::LazyLock;

fn fmt(v: Option<Num>) -> String {
    v.map_or_else(|| "blank".to_string(), |n| n.to_string())
}

fn row_label(key: &str) -> &'static str {
    APPLICATION_ROWS
        .iter()
        .find(|d| d.key == key)
        .map_or("", |d| d.label)
}

fn col_label(key: &str) -> &'static str {
    APPLICANT_COLUMNS
        .iter()
        .find(|d| d.key == key)
        .map_or("", |d| d.label)
}

/// Sum of `addends` with nulls as 0, or `None` when all are null.
fn sum(vals: impl IntoIterator<Item = Option<Num>>) -> Option<f64> {
    let mut any = false;
    let mut s = 0.0;
    for v in vals.into_iter().flatten() {
        any = true;
        s += v.0;
    }
    any.then_some(s)
}

fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 1e-6
}

/// Table 三's relations.
/// `unread` holds the (row, column) cells a found row does not have at
/// all (a label cell drawn over them): unlike a blank cell, which counts as
/// zero, they are unknown, and a relation naming one is not checked.
pub fn check_applications(
    t: &TableValues,
    other_printed: bool,
    has_parts: bool,
    unread: &HashSet<(&'static str, &'static str)>,
    out: &mut Vec<Warning>,
) {
    let table = TableKind::Applications.key();
    let any_unread = |rows: &[&str], cols: &[&str]| {
        rows.iter()
            .any(|r| cols.iter().any(|c| unread.contains(&(*r, *c))))
    };
    let all_cols: Vec<&str> = APPLICANT_COLUMNS.iter().map(|d| d.key).collect();
    // Row totals: 总计 = the six applicant columns.
    for (row, vals) in &t.0 {
        let Some(vals) = vals else { continue };
        if (*row == "other_handling" && !other_printed) || any_unread(&[row], &all_cols) {
            continue;
        }
        let Some(total) = vals.get("total") else {
            continue;
        };
        let Some(s) = sum(APPLICANT_ADDENDS.iter().map(|c| vals.get(c))) else {
            continue;
        };
        if differs(s, total.0) {
            let parts: Vec<String> = APPLICANT_ADDENDS.iter().map(|c| fmt(vals.get(c))).collect();
            out.push(
                Warning::new(
                    "row_total_mismatch",
                    Severity::Warning,
                    format!(
                        "表三 {}: 总计 is {total} but the applicant columns add up to {} ({})",
                        row_label(row),
                        Num(s),
                        parts.join("+")
                    ),
                )
                .at(table, Some(row), Some("total")),
            );
        }
    }
    for col in APPLICANT_COLUMNS.iter().map(|d| d.key) {
        // （七）总计 = （一） … （六）.
        if !any_unread(RESULT_ROWS, &[col])
            && !any_unread(&["results_total"], &[col])
            && let Some(total) = t.cell("results_total", col)
            && let Some(s) = sum(RESULT_ROWS.iter().map(|r| t.cell(r, col)))
            && differs(s, total.0)
        {
            out.push(
                        Warning::new(
                            "results_total_mismatch",
                            Severity::Warning,
                            format!(
                                "表三 {} column: （七）总计 is {total} but rows （一） to （六） add up to {}",
                                col_label(col),
                                Num(s)
                            ),
                        )
                        .at(table, Some("results_total"), Some(col)),
                    );
        }
        // A printed （六） = its three sub-rows (2021).
        if other_printed
            && has_parts
            && !any_unread(OTHER_HANDLING_PARTS, &[col])
            && !any_unread(&["other_handling"], &[col])
            && let Some(printed) = t.cell("other_handling", col)
            && let Some(s) = sum(OTHER_HANDLING_PARTS.iter().map(|r| t.cell(r, col)))
            && differs(s, printed.0)
        {
            out.push(
                Warning::new(
                    "other_handling_mismatch",
                    Severity::Warning,
                    format!(
                        "表三 {} column: （六）其他处理 is {printed} but its sub-rows add up to {}",
                        col_label(col),
                        Num(s)
                    ),
                )
                .at(table, Some("other_handling"), Some(col)),
            );
        }
        // 一 + 二 = 三（七） + 四.
        let left = sum([t.cell("new_received", col), t.cell("carried_over", col)]);
        let right = sum([t.cell("results_total", col), t.cell("carried_forward", col)]);
        let balance_rows = [
            "new_received",
            "carried_over",
            "results_total",
            "carried_forward",
        ];
        if let (Some(l), Some(r)) = (left, right)
            && !any_unread(&balance_rows, &[col])
            && differs(l, r)
        {
            out.push(
                    Warning::new(
                        "balance_mismatch",
                        Severity::Warning,
                        format!(
                            "表三 {} column: 本年新收 {} + 上年结转 {} = {} but 办理结果总计 {} + 结转下年度 {} = {}",
                            col_label(col),
                            fmt(t.cell("new_received", col)),
                            fmt(t.cell("carried_over", col)),
                            Num(l),
                            fmt(t.cell("results_total", col)),
                            fmt(t.cell("carried_forward", col)),
                            Num(r)
                        ),
                    )
                    .at(table, Some("carried_forward"), Some(col)),
                );
        }
    }
}

/// Table 四: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
pub fn check_reviews(t: &TableValues, out: &mut Vec<Warning>) {
    for g in REVIEW_GROUPS {
        let Some(total) = t.cell(g, "total") else {
            continue;
        };
        let Some(s) = sum(REVIEW_ADDENDS.iter().map(|c| t.cell(g, c))) else {
            continue;
        };
        if differs(s, total.0) {
            let parts: Vec<String> = REVIEW_ADDENDS.iter().map(|c| fmt(t.cell(g, c))).collect();
            out.push(
                Warning::new(
                    "review_total_mismatch",
                    Severity::Warning,
                    format!(
                        "表四 {}: 总计 is {total} but 结果维持+结果纠正+其他结果+尚未审结 = {} ({})",
                        crate::template::review_group_label(g),
                        Num(s),
                        parts.join("+")
                    ),
                )
                .at(TableKind::Reviews.key(), Some(g), Some("total")),
            );
        }
    }
}

/// Counts below zero (本年增/减 excepted).
pub fn check_negative(table: &'static str, t: &TableValues, out: &mut Vec<Warning>) {
    for (row, vals) in &t.0 {
        let Some(vals) = vals else { continue };
        for (col, v) in &vals.0 {
            let Some(v) = v else { continue };
            let is_change = ACTIVE_COLUMNS
                .iter()
                .any(|d| d.key == *col && d.kind == ValueKind::Change);
            if v.0 < 0.0 && !(table == "active_disclosure" && is_change) {
                out.push(
                    Warning::new(
                        "negative_value",
                        Severity::Warning,
                        format!("{table} {row} / {col} is {v}, a count below zero"),
                    )
                    .at(table, Some(row), Some(col)),
                );
            }
        }
    }
}

pub fn check_template(year: Option<i32>, template: Option<Template>, out: &mut Vec<Warning>) {
    let (Some(year), Some(t)) = (year, template) else {
        return;
    };
    let expected = Template::for_year(year);
    if expected != t {
        out.push(Warning::new(
            "template_mismatch",
            Severity::Warning,
            format!(
                "the tables follow the {} template, but a {year} report should follow the {} template",
                t.as_str(),
                expected.as_str()
            ),
        ));
    }
}

pub fn check_sections(sections: &[Section], out: &mut Vec<Warning>) {
    for def in SECTIONS {
        if !sections.iter().any(|s| s.key == def.key) {
            out.push(
                Warning::new(
                    "missing_section",
                    Severity::Warning,
                    format!(
                        "no section heading for {} ({}) was found",
                        def.number, def.keywords[0]
                    ),
                )
                .in_section(def.key),
            );
        }
    }
}

// ------------------------------------------------------------- prose

/// The mapped tables by their record key.
#[derive(Default)]
pub struct Tables<'a> {
    pub active: Option<&'a TableValues>,
    pub applications: Option<&'a TableValues>,
    pub reviews: Option<&'a TableValues>,
}

impl<'a> Tables<'a> {
    pub fn get(&self, key: &str) -> Option<&'a TableValues> {
        match key {
            "active_disclosure" => self.active,
            "applications" => self.applications,
            "reviews_litigation" => self.reviews,
            _ => None,
        }
    }
}

static RULES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    NARRATIVE_RULES
        .iter()
        .map(|r| {
            Regex::new(r.pattern).unwrap_or_else(|e| panic!("narrative pattern {}: {e}", r.pattern))
        })
        .collect()
});

/// Compiles the narrative patterns on a helper thread (2–3 ms, most of a
/// one-document process's own work), so that a process that reads a
/// document or two does not wait for them once its first is read: the
/// first check that needs them waits only for what is left.
pub fn compile_patterns_in_background() {
    if LazyLock::get(&RULES).is_none() {
        // No thread to be had (a limit on threads): the first check
        // compiles them, as without this.
        let _ = std::thread::Builder::new()
            .name("govreport-patterns".into())
            .spawn(|| {
                LazyLock::force(&RULES);
            });
    }
}

/// Characters of the rules' anchor words, simplified and traditional.
const ANCHOR_CHARS: &[char] = &['申', '件', '复', '復', '複', '讼', '訟'];

/// A character's UTF-8 bytes, for a character of three.
const fn utf8_of_three(c: char) -> [u8; 3] {
    let c = c as u32;
    [
        0xE0 | (c >> 12) as u8,
        0x80 | ((c >> 6) & 0x3F) as u8,
        0x80 | (c & 0x3F) as u8,
    ]
}

const ANCHOR_UTF8: [[u8; 3]; 7] = {
    let mut out = [[0; 3]; 7];
    let mut i = 0;
    while i < 7 {
        out[i] = utf8_of_three(ANCHOR_CHARS[i]);
        i += 1;
    }
    out
};

/// The anchors' last UTF-8 bytes (their low six bits) as a bit set.
const ANCHOR_LAST_BYTES: u64 = {
    let mut set = 0u64;
    let mut i = 0;
    while i < ANCHOR_UTF8.len() {
        set |= 1 << (ANCHOR_UTF8[i][2] & 63);
        i += 1;
    }
    set
};

/// The sentences of `text` that hold an anchor character, each with the
/// mark that ends it (。;；!！?？ or a line break): what `split_inclusive`
/// at those marks filtered by `contains(ANCHOR_CHARS)`
/// gives, found in one pass over the bytes instead of decoding every
/// character twice (every sentence end and anchor but the ASCII ends is
/// three bytes long, and no byte of another character can be taken for
/// one's first).
fn anchor_sentences(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let (mut out, mut start, mut anchored, mut i) = (Vec::new(), 0, false, 0);
    while i < b.len() {
        let (len, ends) = match b[i] {
            b';' | b'!' | b'?' | b'\n' => (1, true),
            0xE3 | 0xE4 | 0xE5 | 0xE7 | 0xE8 | 0xEF if i + 3 <= b.len() => {
                let three = [b[i], b[i + 1], b[i + 2]];
                // Most characters are ruled out by their last byte alone.
                anchored |=
                    ANCHOR_LAST_BYTES >> (three[2] & 63) & 1 == 1 && ANCHOR_UTF8.contains(&three);
                (
                    3,
                    matches!(three, [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x9B | 0x81 | 0x9F]),
                )
            }
            _ => (1, false),
        };
        i += len;
        if ends {
            if anchored {
                out.push(&text[start..i]);
            }
            (start, anchored) = (i, false);
        }
    }
    if anchored && start < b.len() {
        out.push(&text[start..]);
    }
    out
}

/// A sentence about another year than the report's (上年, a plan for next
/// year) does not restate this year's tables: four ASCII digits just
/// before 年 name a year from 1990 to 2100 other than `year`.
fn names_another_year(sentence: &str, year: Option<i32>) -> bool {
    let Some(year) = year else { return false };
    let b = sentence.as_bytes();
    memchr::memmem::find_iter(b, "年".as_bytes()).any(|i| {
        let Some(digits) = i.checked_sub(4).map(|s| &b[s..i]) else {
            return false;
        };
        digits.iter().all(u8::is_ascii_digit) && {
            let y = digits.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
            y != year && (1990..=2100).contains(&y)
        }
    })
}

/// The sentence a finding is about, for its message (long ones shortened).
fn quote(sentence: &str) -> String {
    let t = sentence.trim_end_matches(['。', ';', '；', '\n']);
    if t.chars().count() <= 120 {
        t.to_string()
    } else {
        t.chars().take(118).chain("…".chars()).collect()
    }
}

fn parse_stated(s: &str) -> Option<f64> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    chinese_number(s).map(f64::from)
}

fn cells_sum(tables: &Tables<'_>, cells: &[crate::template::CellRef]) -> Option<f64> {
    let vals: Vec<Option<Num>> = cells
        .iter()
        .map(|(t, r, c)| tables.get(t).and_then(|tv| tv.cell(r, c)))
        .collect();
    if vals.iter().all(Option::is_none) {
        return None;
    }
    sum(vals)
}

/// The words a rule's `unless` list is looked for in around its match `m`
/// of `text`: the statement and the words just before it (其中… makes it a
/// breakdown). What follows a count (（含上年结转6件）, 其中网上申请…)
/// explains the figure rather than changing what it counts; a statement
/// that there was none of something reads on to its clause's end
/// (未发生…行政复议被纠错、行政诉讼败诉的情况 denies an outcome, not that
/// any review was brought).
fn statement_context<'t>(
    text: &'t str,
    m: std::ops::Range<usize>,
    rule: &NarrativeRule,
) -> &'t str {
    let start = text[..m.start]
        .char_indices()
        .rev()
        .nth(3)
        .map_or(0, |(i, _)| i);
    let end = if rule.states_none {
        clause_end(text, m.end)
    } else {
        m.end
    };
    &text[start..end]
}

/// How far a clause is read from a statement (characters): a clause of a
/// report's prose is shorter, and a sentence of thousands of statements
/// must not be read to its end from each one.
const CLAUSE_CHARS: usize = 32;

fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | '，' | ';' | '；')
}

/// Where the clause holding `text[..from]`'s end ends: at its mark, or
/// [`CLAUSE_CHARS`] on.
fn clause_end(text: &str, from: usize) -> usize {
    let mut end = from;
    for c in text[from..].chars().take(CLAUSE_CHARS) {
        if is_clause_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Where the clause holding `text[to..]`'s start starts: after its mark,
/// or [`CLAUSE_CHARS`] back.
fn clause_start(text: &str, to: usize) -> usize {
    let mut start = to;
    for c in text[..to].chars().rev().take(CLAUSE_CHARS) {
        if is_clause_mark(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

/// Whether the report says there was nothing for a table to count
/// (未收到…申请; 未发生…行政复议、行政诉讼), in the table's section or the
/// overview: a table left out then is what the report means, not a gap.
/// Every zero statement about the table must be made (for table 四, both
/// reviews and litigation).
pub fn section_states_none(sections: &[Section], kind: TableKind) -> bool {
    let rules: Vec<(&NarrativeRule, &Regex)> = NARRATIVE_RULES
        .iter()
        .zip(RULES.iter())
        .filter(|(r, _)| r.states_none && r.cells.iter().all(|c| c.0 == kind.key()))
        .collect();
    let texts: Vec<String> = sections
        .iter()
        .filter(|s| s.key == kind.section() || s.key == "overview")
        .map(|s| norm(&s.text))
        .collect();
    !rules.is_empty()
        && rules.iter().all(|(rule, re)| {
            texts.iter().any(|t| {
                re.find_iter(t)
                    .any(|m| !rule.is_excepted(statement_context(t, m.range(), rule)))
            })
        })
}

/// Whether the section of table `kind` holds the table's own printed words
/// (its row and column names, [`TABLE_SIGNS`]) though no table was read
/// there: at least half of them, and four, more than prose stating there
/// was nothing to count names. Such a table was printed and not read.
pub fn section_prints_table(sections: &[Section], kind: TableKind) -> bool {
    let Some((_, signs)) = TABLE_SIGNS.iter().find(|(k, _)| *k == kind) else {
        return false;
    };
    sections
        .iter()
        .filter(|s| s.key == kind.section())
        .any(|s| {
            // Words a print cut over two lines are joined again.
            let text: String = norm(&s.text)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let held = signs.iter().filter(|w| text.contains(*w)).count();
            held >= signs.len().div_ceil(2).max(4)
        })
}

/// Compares what the prose states with the tables. Each rule is applied to
/// its first statement only (later ones are often breakdowns).
pub fn check_narrative(
    sections: &[Section],
    tables: &Tables<'_>,
    year: Option<i32>,
    out: &mut Vec<Warning>,
) {
    // Sections 五 and 六 talk about plans, not this year's figures. The prose
    // is cut into sentences once, and only sentences that can hold an anchor
    // word (in either script) are folded; a rule then only searches the
    // sentences holding its own anchor.
    let sentences: Vec<(&Section, String)> = sections
        .iter()
        .filter(|s| !matches!(s.key, "problems" | "other_matters"))
        .flat_map(|s| {
            anchor_sentences(&s.text)
                .into_iter()
                .map(move |x| (s, norm(x)))
        })
        .collect();
    // Whether each sentence names another year, found once for all rules.
    let mut other_year: Vec<Option<bool>> = vec![None; sentences.len()];
    for (rule, re) in NARRATIVE_RULES.iter().zip(RULES.iter()) {
        'sections: for (k, (s, text)) in sentences.iter().enumerate() {
            if !text.contains(rule.anchor)
                || *other_year[k].get_or_insert_with(|| names_another_year(text, year))
            {
                continue;
            }
            let text = text.as_str();
            for caps in re.captures_iter(text) {
                let Some(m) = caps.get(0) else { continue };
                if rule.is_excepted(statement_context(text, m.range(), rule))
                    || rule.counts_a_part(&text[clause_start(text, m.start())..m.start()])
                {
                    continue;
                }
                let stated = match caps.get(1) {
                    Some(g) => match parse_stated(g.as_str()) {
                        Some(v) => v,
                        None => continue,
                    },
                    None => 0.0,
                };
                let Some(actual) = cells_sum(tables, rule.cells) else {
                    break 'sections;
                };
                let agrees = !differs(stated, actual)
                    || rule
                        .also
                        .iter()
                        .any(|alt| cells_sum(tables, alt).is_some_and(|v| !differs(v, stated)));
                if !agrees {
                    let (t, r, c) = rule.cells[0];
                    out.push(
                        Warning::new(
                            "narrative_mismatch",
                            Severity::Warning,
                            format!(
                                "section {} says \"{}\" ({}: {}) but the table gives {}",
                                s.number,
                                quote(text),
                                rule.subject,
                                Num(stated),
                                Num(actual)
                            ),
                        )
                        .at(t, Some(r), Some(c))
                        .in_section(s.key),
                    );
                }
                break 'sections;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RowValues;

    fn apps(rows: &[(&'static str, [f64; 7])]) -> TableValues {
        TableValues(
            rows.iter()
                .map(|(k, v)| {
                    let cols = APPLICANT_COLUMNS
                        .iter()
                        .zip(v)
                        .map(|(d, x)| (d.key, Some(Num(*x))))
                        .collect();
                    (*k, Some(RowValues(cols)))
                })
                .collect(),
        )
    }

    /// The patterns compiled on the helper thread are the ones the checks
    /// use: once it is done, every pattern is there without a check having
    /// asked for them (other tests may have compiled them first; then
    /// nothing is started and they are there all the same).
    #[test]
    fn patterns_compiled_in_the_background_are_ready_for_the_checks() {
        compile_patterns_in_background();
        let mut waited = 0;
        while LazyLock::get(&RULES).is_none() && waited < 1000 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            waited += 1;
        }
        let rules = LazyLock::get(&RULES).expect("compiled by the helper thread");
        assert_eq!(rules.len(), NARRATIVE_RULES.len());
        assert!(rules[0].is_match("本年度未收到政府信息公开申请"));
    }

    /// A 表四 with only its administrative-review row filled.
    fn reviews(cells: &[(&'static str, f64)]) -> TableValues {
        let cols = cells.iter().map(|(k, v)| (*k, Some(Num(*v)))).collect();
        TableValues(vec![("administrative_review", Some(RowValues(cols)))])
    }

    /// Random text over sentence ends, anchors, their near neighbours in
    /// UTF-8 and ASCII.
    fn random_prose(seed: &mut u64, len: usize) -> String {
        const ALPHABET: &[char] = &[
            '。', ';', '；', '!', '！', '?', '？', '\n', '申', '件', '复', '復', '複', '讼', '訟',
            '、', '，', '（', '）', '年', '请', '中', '案', '0', '2', '3', 'a', ' ', '：', '￥',
        ];
        crate::text::random_text(seed, ALPHABET, len)
    }

    /// The one-pass sentence finder gives what splitting at every sentence
    /// end and keeping the sentences holding an anchor gives.
    #[test]
    fn anchor_sentences_are_the_split_sentences_holding_an_anchor() {
        let mut seed = 7;
        for len in (0..40).chain([200, 1000]) {
            for _ in 0..200 {
                let text = random_prose(&mut seed, len);
                let split: Vec<&str> = text
                    .split_inclusive(['。', ';', '；', '!', '！', '?', '？', '\n'])
                    .filter(|x| x.contains(ANCHOR_CHARS))
                    .collect();
                assert_eq!(anchor_sentences(&text), split, "{text:?}");
            }
        }
    }

    /// The byte search for a year finds what a search over characters finds.
    #[test]
    fn another_year_is_found_as_by_characters() {
        fn by_chars(sentence: &str, year: i32) -> bool {
            let chars: Vec<char> = sentence.chars().collect();
            chars.windows(5).any(|w| {
                w[4] == '年'
                    && w[..4].iter().all(char::is_ascii_digit)
                    && w[..4]
                        .iter()
                        .collect::<String>()
                        .parse::<i32>()
                        .is_ok_and(|y| y != year && (1990..=2100).contains(&y))
            })
        }
        let (mut seed, mut found) = (11, 0);
        for s in [
            "2023年",
            "2024年",
            "在2023年",
            "12023年",
            "1989年",
            "2100年",
            "2101年",
            "年",
            "023年",
        ] {
            for year in [2023, 2024] {
                assert_eq!(names_another_year(s, Some(year)), by_chars(s, year), "{s}");
            }
        }
        for len in 0..30 {
            for _ in 0..300 {
                // Years need digit runs: the same draw over digits and 年.
                let text: String = random_prose(&mut seed, len)
                    .chars()
                    .map(|c| "2019年0".chars().nth(c as usize % 7).unwrap_or('年'))
                    .collect();
                for year in [2023, 1999] {
                    let named = names_another_year(&text, Some(year));
                    assert_eq!(named, by_chars(&text, year), "{text}");
                    found += usize::from(named);
                }
            }
        }
        assert!(found > 50, "the random sentences name a year {found} times");
    }

    fn codes(w: &[Warning]) -> Vec<&'static str> {
        w.iter().map(|w| w.code).collect()
    }

    #[test]
    fn a_table_left_out_because_there_was_nothing_to_count() {
        let none = |key, text: &str, kind| section_states_none(&section(key, 4, text), kind);
        let both = "本年度未发生政府信息公开行政复议、行政诉讼情况。";
        assert!(none("reviews_litigation", both, TableKind::Reviews));
        // One of the two is not enough, nor a figure.
        assert!(!none(
            "reviews_litigation",
            "未发生行政诉讼案件，被申请行政复议1件。",
            TableKind::Reviews
        ));
        assert!(!none(
            "reviews_litigation",
            "行政复议均获维持。",
            TableKind::Reviews
        ));
        assert!(none(
            "applications",
            "本年度未收到政府信息公开申请。",
            TableKind::Applications
        ));
        assert!(!none("problems", both, TableKind::Reviews));
        assert!(!none("active_disclosure", "无。", TableKind::Active));
    }

    /// 未发生…行政复议被纠错、行政诉讼败诉的情况 — a stock sentence of reports
    /// with reviews and lawsuits — says none was lost, not that none was
    /// brought: no mismatch with a table that counts some, and no reason to
    /// take a missing table 四 as left out for having nothing to count (it
    /// had raised two false `narrative_mismatch` warnings). A statement
    /// that none was brought still is one.
    /// The rows of the mismatches an overview of `text` raises.
    fn overview_mismatch_rows(tables: &Tables<'_>, text: &str) -> Vec<&'static str> {
        let mut w = Vec::new();
        check_narrative(&section("overview", 1, text), tables, None, &mut w);
        w.iter().map(|w| w.row.unwrap_or("")).collect()
    }

    /// The mismatch rows of an overview of `text` beside table 三 with 15
    /// applications received (12 + 3) and answered, and table 四 with two
    /// reviews and one lawsuit, all upheld.
    fn mismatch_rows_of_fifteen_applications(text: &str) -> Vec<&'static str> {
        let t = apps(&[
            ("new_received", [12.0, 3.0, 0.0, 0.0, 0.0, 0.0, 15.0]),
            ("results_total", [12.0, 3.0, 0.0, 0.0, 0.0, 0.0, 15.0]),
        ]);
        let mut r = reviews(&[("upheld", 2.0), ("total", 2.0)]);
        r.0.push((
            "litigation_direct",
            Some(RowValues(vec![
                ("upheld", Some(Num(1.0))),
                ("total", Some(Num(1.0))),
            ])),
        ));
        let tables = Tables {
            applications: Some(&t),
            reviews: Some(&r),
            ..Tables::default()
        };
        overview_mismatch_rows(&tables, text)
    }

    #[test]
    fn a_statement_that_no_case_was_lost_is_not_one_that_none_was_brought() {
        let run = mismatch_rows_of_fifteen_applications;
        let lost = [
            "本年度未发生因政府信息公开引发的行政复议被纠错、行政诉讼败诉的情况。",
            "全年未出现因政府信息公开被行政复议纠错或行政诉讼败诉的案件。",
            "没有发生被行政复议撤销或者行政诉讼判决败诉的情况。",
            "本年度无行政复议、行政诉讼被纠错情况。",
            "未发生行政复议纠错和行政诉讼败诉案件。",
            "未出现行政复议决定被变更的情况。",
            "未发生行政复议被责令重新答复的情形。",
        ];
        for text in lost {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
            let s = section("reviews_litigation", 4, text);
            assert!(!section_states_none(&s, TableKind::Reviews), "{text}");
        }
        // No complaint about an application; no application of one kind.
        assert!(run("本年度无信息公开申请被投诉情况。").is_empty());
        for text in [
            "本年度未收到需要收费的政府信息公开申请。",
            "未收到法人或其他组织的政府信息公开申请。",
            "未收到以传真方式提出的政府信息公开申请。",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
            let s = section("applications", 3, text);
            assert!(!section_states_none(&s, TableKind::Applications), "{text}");
        }
        assert_eq!(
            run("全年没有收到任何形式的政府信息公开申请。"),
            vec!["new_received"]
        );
        // Statements that none was brought or received still contradict it.
        assert_eq!(
            run("本年度未发生行政复议和行政诉讼案件。"),
            vec!["administrative_review", "litigation_direct"]
        );
        assert_eq!(
            run("本年度未发生行政复议、行政诉讼及投诉举报情况。"),
            vec!["administrative_review", "litigation_direct"]
        );
        assert_eq!(
            run("未收到公民、法人或其他组织的政府信息公开申请。"),
            vec!["new_received"]
        );
    }

    /// A sentence of thousands of statements each read as about something
    /// else (a reason before a group's count, an outcome after a statement
    /// of none) is read once: each statement's clause is read a few words
    /// either way, not to the sentence's ends.
    #[test]
    fn a_sentence_of_many_excepted_statements_is_read_once() {
        for unit in [
            "属于国家秘密不予公开1件",
            "无行政复议被纠错",
            "无信息公开申请被投诉",
        ] {
            let text = unit.repeat(50_000) + "。";
            let rows = mismatch_rows_of_fifteen_applications(&text);
            assert!(rows.is_empty(), "{unit}");
        }
        assert_eq!(clause_start("甲,乙丙", "甲,乙丙".len()), "甲,".len());
        assert_eq!(clause_end("甲乙,丙", 0), "甲乙".len());
        let long = "甲".repeat(100);
        assert_eq!(clause_end(&long, 0), CLAUSE_CHARS * "甲".len());
        assert_eq!(
            clause_start(&long, long.len()),
            long.len() - CLAUSE_CHARS * "甲".len()
        );
    }

    /// Counts of one part of what a rule counts, in the words reports use
    /// (each had raised a false `narrative_mismatch`): applications by one
    /// channel or kind of applicant, applications for review, reviews and
    /// lawsuits together, a group's count after one of its reasons, 全部或部分公开.
    #[test]
    fn a_count_of_one_part_is_no_total() {
        let run = mismatch_rows_of_fifteen_applications;
        // A count of one kind of applicant or of one channel, applications
        // for review, reviews and lawsuits counted together.
        assert!(run("收到个人申请12件、单位申请3件。").is_empty());
        assert!(run("收到网上申请10件，信函申请5件。").is_empty());
        assert!(run("收到当面申请3件。").is_empty());
        assert!(run("收到行政复议申请2件，行政诉讼1起。").is_empty());
        assert!(run("共发生行政复议、行政诉讼案件3件。").is_empty());
        assert!(run("逾期答复0件，延期答复3件，当场答复5件。").is_empty());
        // A rate is no count.
        assert!(run("收到申请平均每月2件。").is_empty());
        assert!(run("受理申请日均1件。").is_empty());
        assert_eq!(run("依法答复14件。"), vec!["results_total"]);
        assert_eq!(
            run("共发生行政复议、行政诉讼案件5件。"),
            vec!["litigation_direct"]
        );
        assert_eq!(
            run("全年通过网站、信函等方式共收到申请9件。"),
            vec!["new_received"]
        );
        // A group's count after one of its reasons is that reason's.
        // (every application from a natural person: the row's total too)
        let rows = [
            ("withheld_state_secret", 1.0),
            ("withheld_third_party", 4.0),
            ("unavailable_not_held", 5.0),
            ("unavailable_unclear", 2.0),
            ("unprocessed_duplicate", 3.0),
            ("unprocessed_petition", 1.0),
            ("disclosed", 6.0),
            ("partially_disclosed", 2.0),
        ];
        let rows: Vec<_> = rows
            .iter()
            .map(|&(k, n)| (k, [n, 0.0, 0.0, 0.0, 0.0, 0.0, n]))
            .collect();
        let t = apps(&rows);
        let get = Tables {
            applications: Some(&t),
            ..Tables::default()
        };
        let run = |text: &str| overview_mismatch_rows(&get, text);
        for text in [
            "属于国家秘密不予公开1件。",
            "涉及第三方合法权益不予公开4件。",
            "因本机关不掌握相关政府信息无法提供5件。",
            "告知补正后仍不明确无法提供2件。",
            "重复申请不予处理3件。",
            "全部或部分公开8件。",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
        assert_eq!(run("不予公开4件。"), vec!["withheld_state_secret"]);
        assert_eq!(
            run("涉及国家秘密1件，不予公开共4件。"),
            vec!["withheld_state_secret"]
        );
        assert_eq!(run("无法提供5件。"), vec!["unavailable_not_held"]);
        assert_eq!(run("全部或部分公开6件。"), vec!["disclosed"]);
    }

    #[test]
    fn a_section_printing_its_tables_words_prints_the_table() {
        let prints = |key, text: &str, kind| section_prints_table(&section(key, 3, text), kind);
        // Prose naming a few of the rows is not the table.
        let prose = "本年度未收到政府信息公开申请，无予以公开、部分公开、不予公开的情况。";
        assert!(!prints("applications", prose, TableKind::Applications));
        // Its row names, however the print cut them.
        let rows = "申请人情况\n自然\n人\n商业\n企业\n一、本年新收政府信息公开申请数量0 0\n\
                    二、上年结转政府信息公开申请数量\n（一）予以公开\n（二）部分公开\n\
                    （三）不予公开\n1.属于国家秘密\n（四）无法提供\n四、结转下年度继续办理";
        assert!(prints("applications", rows, TableKind::Applications));
        // Only in the table's own section.
        assert!(!prints("overview", rows, TableKind::Applications));
        let reviews = "行政复议\n结果维持 结果纠正 其他结果 尚未审结 总计";
        assert!(prints("reviews_litigation", reviews, TableKind::Reviews));
        assert!(!prints(
            "reviews_litigation",
            "本年度未发生行政复议，无结果维持或结果纠正的案件。",
            TableKind::Reviews
        ));
    }

    #[test]
    fn cells_a_row_does_not_have_are_unknown_not_zero() {
        // 一、本年新收 printed without its 自然人 cell: 18 is not on the page.
        let t = apps(&[
            ("new_received", [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 19.0]),
            ("carried_over", [0.0; 7]),
            ("results_total", [17.0, 0.0, 0.0, 0.0, 1.0, 0.0, 18.0]),
            ("carried_forward", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ]);
        let mut w = Vec::new();
        check_applications(&t, true, false, &HashSet::default(), &mut w);
        assert_eq!(codes(&w), vec!["row_total_mismatch", "balance_mismatch"]);
        let unread: HashSet<_> = [("new_received", "natural_person")].into_iter().collect();
        let mut w = Vec::new();
        check_applications(&t, true, false, &unread, &mut w);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn row_total_and_balance() {
        let t = apps(&[
            ("new_received", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            ("carried_over", [0.0; 7]),
            ("disclosed", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
            ("results_total", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
            ("carried_forward", [0.0; 7]),
        ]);
        let mut w = Vec::new();
        check_applications(&t, true, false, &HashSet::default(), &mut w);
        assert_eq!(codes(&w), vec!["row_total_mismatch", "balance_mismatch"]);
        assert_eq!(w[1].column, Some("total"));
    }

    #[test]
    fn blank_total_skips_relation() {
        let mut t = apps(&[("disclosed", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])]);
        if let Some(r) = t.0[0].1.as_mut() {
            r.0[6].1 = None;
        }
        let mut w = Vec::new();
        check_applications(&t, true, false, &HashSet::default(), &mut w);
        assert!(w.is_empty());
    }

    /// One section of prose, as locate would give it.
    fn section(key: &'static str, number: u8, text: &str) -> Vec<Section> {
        vec![Section {
            key,
            number,
            heading: String::new(),
            text: text.into(),
        }]
    }

    #[test]
    fn prose_zero_contradicts_table() {
        let t = apps(&[("new_received", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0])]);
        let s = section(
            "overview",
            1,
            "2020年，锦阳路街道办事处未收到信息公开申请。",
        );
        let mut w = Vec::new();
        check_narrative(
            &s,
            &Tables {
                applications: Some(&t),
                ..Tables::default()
            },
            Some(2020),
            &mut w,
        );
        assert_eq!(codes(&w), vec!["narrative_mismatch"]);
        assert_eq!(w[0].row, Some("new_received"));
    }

    #[test]
    fn prose_counts_agree_or_not() {
        let t = apps(&[
            ("new_received", [95.0, 0.0, 0.0, 0.0, 0.0, 0.0, 95.0]),
            ("results_total", [95.0, 0.0, 0.0, 0.0, 0.0, 0.0, 95.0]),
        ]);
        let get = Tables {
            applications: Some(&t),
            ..Tables::default()
        };
        let sec = |text: &str| section("overview", 1, text);
        let mut w = Vec::new();
        check_narrative(
            &sec("全年共收到政府信息公开申请95件，其中自然人申请90件。"),
            &get,
            None,
            &mut w,
        );
        assert!(w.is_empty(), "{w:?}");
        check_narrative(&sec("全年共受理政府信息公开申请17件。"), &get, None, &mut w);
        assert_eq!(codes(&w), vec!["narrative_mismatch"]);
        let mut w = Vec::new();
        check_narrative(&sec("办理人大建议12件，答复率100%。"), &get, None, &mut w);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn prose_wordings_seen_in_reports() {
        let t = apps(&[
            ("new_received", [12.0, 0.0, 0.0, 0.0, 0.0, 0.0, 12.0]),
            ("results_total", [12.0, 0.0, 0.0, 0.0, 0.0, 0.0, 12.0]),
        ]);
        let reviews = reviews(&[("upheld", 1.0), ("total", 1.0)]);
        let get = Tables {
            applications: Some(&t),
            reviews: Some(&reviews),
            ..Tables::default()
        };
        let run = |text: &str| overview_mismatch_rows(&get, text);
        assert!(run("全年共收到依申请公开事项12件。").is_empty());
        assert_eq!(run("全年共收到依申请公开事项10件。"), vec!["new_received"]);
        assert!(run("本年度新收政府信息公开申请十二件。").is_empty());
        assert_eq!(run("本年度無政府資訊公開申請。"), vec!["new_received"]);
        assert_eq!(
            run("本年度无因政府信息公开引起的行政复议。"),
            vec!["administrative_review"]
        );
        assert!(run("被申请行政复议1件，其中维持1件。").is_empty());
        assert!(
            run("行政复议纠错1件。").is_empty(),
            "a breakdown is not the total"
        );
        assert_eq!(
            run("本年度未收到公民、法人或其他组织提出的政府信息公开申请。"),
            vec!["new_received"]
        );
        assert!(run("全年共收到政府信息公开申请12件，其中网上申请7件、信函申请5件。").is_empty());
        assert_eq!(
            run("全年共收到政府信息公开申请15件，其中网上申请7件。"),
            vec!["new_received"]
        );
        // A negation stops at the comma: this sentence reports litigation.
        assert!(run("未发生行政诉讼案件，被申请行政复议1件。").is_empty());
        assert_eq!(run("被申请行政复议1件，结果均获维持。").len(), 0);
    }

    #[test]
    fn prose_about_results_and_other_years() {
        let mut t = apps(&[
            ("new_received", [10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10.0]),
            ("carried_over", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
            ("disclosed", [5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0]),
            ("partially_disclosed", [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
            ("unavailable_not_held", [3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            ("unavailable_unclear", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            ("carried_forward", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ]);
        t.0.push(("unavailable_needs_creation", None));
        let reviews = reviews(&[("upheld", 1.0), ("corrected", 1.0), ("total", 2.0)]);
        let get = Tables {
            applications: Some(&t),
            reviews: Some(&reviews),
            ..Tables::default()
        };
        let run = |text: &str| {
            let mut w = Vec::new();
            check_narrative(&section("applications", 3, text), &get, Some(2022), &mut w);
            w
        };
        assert!(
            run(
                "予以公开5件，部分公开2件，因本机关不掌握等原因无法提供4件，结转下年度继续办理1件。"
            )
            .is_empty()
        );
        assert!(run("予以公开及部分公开7件。").is_empty());
        let w = run("予以公开及部分公开8件。");
        assert_eq!(codes(&w), vec!["narrative_mismatch"]);
        assert!(
            w[0].message.contains("予以公开及部分公开8件"),
            "{}",
            w[0].message
        );
        assert!(
            w[0].message.contains("7"),
            "the message gives the table figure"
        );
        assert_eq!(
            codes(&run("因本机关不掌握等原因无法提供5件。")),
            vec!["narrative_mismatch"]
        );
        assert_eq!(
            codes(&run("行政复议2件，均获维持。")),
            vec!["narrative_mismatch"]
        );
        // Another year's figure, or a share, is not a restatement.
        assert!(run("2021年共收到政府信息公开申请30件。").is_empty());
        assert!(run("予以公开占比50%。").is_empty());
    }
}
