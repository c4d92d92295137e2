//! Locate: finds the title, agency, year, the six sections and the three
//! statistical tables in a document's blocks.

use crate::model::{Block, Document, PageInfo, Table};
use crate::record::Section;
use crate::template::{KeywordIndex, SECTIONS, TABLE_SIGNS, TableKind, first_of};
use crate::text::{chinese_number, fold_char, is_space, norm};

#[derive(Debug, Default)]
pub struct Located<'d> {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub sections: Vec<Section>,
    /// Tables of each kind in document order (a table split in parts gives
    /// several entries).
    pub tables: Vec<(TableKind, &'d Table)>,
    /// Keys of the sections that hold a picture (a table published as an
    /// image, for one).
    pub sections_with_images: Vec<&'static str>,
}

pub fn locate(doc: &Document) -> Located<'_> {
    let mut out = Located::default();
    let mut heads = find_headings(doc, false);
    if heads.len() < 2 {
        let otherwise = find_headings(doc, true);
        if otherwise.len() > heads.len() {
            heads = otherwise;
        }
    }
    out.sections = collect_sections(doc, &heads);
    out.sections_with_images = heads
        .iter()
        .enumerate()
        .filter(|(k, h)| {
            let end = heads.get(k + 1).map_or(doc.blocks.len(), |n| n.block);
            doc.blocks[h.block..end]
                .iter()
                .any(|b| matches!(b, Block::Image(_)))
        })
        .map(|(_, h)| SECTIONS[h.def].key)
        .collect();
    out.tables = classify_tables(doc, &heads);
    let first_heading = heads.first().map_or(doc.blocks.len(), |h| h.block);
    out.title = find_title(doc, first_heading);
    if let Some(t) = &out.title {
        let (agency, year) = agency_and_year(t);
        out.agency = agency;
        out.year = year;
    }
    if out.year.is_none() {
        out.year = year_from_body(doc);
    }
    if out.agency.is_none() {
        out.agency = agency_from_body(doc).or_else(|| agency_from_page(&doc.page_info));
    }
    out
}

// ------------------------------------------------- headings inside tables

/// Splits a table at a row that opens with a numbered section heading (a
/// converter or a clerk put 三、收到和处理… into the first cell of table
/// 三's header, right under table 二): the heading becomes a paragraph
/// between the two parts, so each table lands in its own section. The
/// heading cell stays in the second part's header, where it stands for
/// the 勾稽 note. Rows are split only where no merged cell crosses.
pub fn split_tables_at_headings(doc: &mut Document) {
    let mut out = Vec::with_capacity(doc.blocks.len());
    for b in std::mem::take(&mut doc.blocks) {
        let Block::Table(mut t) = b else {
            out.push(b);
            continue;
        };
        let mut pieces = Vec::new();
        // At most one split per section that holds a table (二 三 四): a
        // table of thousands of heading rows is not split thousands of times.
        while pieces.len() < 6
            && let Some((row, heading)) = heading_row(&t)
        {
            let (head, tail) = match t.split_at_row(row) {
                Ok(parts) => parts,
                Err(whole) => {
                    t = whole;
                    break;
                }
            };
            pieces.push(Block::Table(head));
            pieces.push(Block::Paragraph(crate::model::Paragraph {
                text: heading,
                heading_level: None,
            }));
            t = tail;
        }
        out.extend(pieces);
        out.push(Block::Table(t));
    }
    doc.blocks = out;
}

/// The first row after the first whose leading cell with text is a
/// numbered heading of a section that holds a table, and that heading
/// (blank cells before it: a web page's layout table printed with its
/// cells' borders, its empty side columns and the report's tables one grid).
fn heading_row(t: &Table) -> Option<(usize, String)> {
    (1..t.n_rows()).find_map(|r| {
        let (first, continued) = t
            .row_cell_indices(r)
            .find(|(k, _)| !t.cells[*k].text.trim().is_empty())?;
        let text = &t.cells[first].text;
        // Only a numbered heading (二、 三、 四、) can split a table: test
        // the numeral before parsing the rest.
        if continued
            || text.chars().count() > 60
            || !heading_numeral(text).is_some_and(|(n, _)| matches!(n, Some(2..=4)))
        {
            return None;
        }
        let (def, num, _, rest) = parse_heading(text, false)?;
        let key = SECTIONS[def].key;
        let table_section = TABLE_SIGNS.iter().any(|(k, _)| k.section() == key);
        (table_section && num == Some(SECTIONS[def].number) && rest.is_empty())
            .then(|| (r, text.trim().to_string()))
    })
}

/// Whether a row label of table 二 stands alone as a line of the section's
/// text, with no figure: a sub-table whose only row has its value left
/// blank (行政事业性收费 with a zero not printed) can come out of a
/// rule-less PDF as lines of text. The row is printed; its value is blank.
pub fn label_line_in_section(sections: &[Section], section: &str, keywords: &[&str]) -> bool {
    sections.iter().filter(|s| s.key == section).any(|s| {
        s.text.lines().any(|line| {
            let l = norm(line);
            l.chars().count() <= 12
                && !l.chars().any(|c| c.is_ascii_digit())
                && crate::template::matches_any(&l, keywords)
        })
    })
}

// ------------------------------------------------------------- headings

#[derive(Debug, Clone)]
struct Heading {
    block: usize,
    /// Index into SECTIONS.
    def: usize,
    number: u8,
    heading: String,
    /// Text after the heading in the same paragraph.
    rest: String,
}

/// A numeral prefix of a section heading: `一、` `一．` `一.` `一 ` `、`
/// (numeral lost) or `第一部分`. Returns the numeral's value and the text after.
fn heading_numeral(text: &str) -> Option<(Option<u8>, &str)> {
    let t = text.trim_start_matches(is_space);
    if let Some(rest) = t.strip_prefix('第') {
        let end = rest.find(['部', '章'])?;
        let n = chinese_number(&rest[..end])?;
        let after = rest[end..].trim_start_matches(['部', '分', '章']);
        return Some((
            u8::try_from(n).ok(),
            after.trim_start_matches(|c: char| is_space(c) || "、.．:：".contains(c)),
        ));
    }
    let digits_end = t
        .char_indices()
        .find(|(_, c)| {
            !matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
        })
        .map_or(t.len(), |(i, _)| i);
    let numeral = &t[..digits_end];
    let rest = &t[digits_end..];
    let sep = rest.chars().next()?;
    let n = if numeral.is_empty() {
        None
    } else {
        chinese_number(numeral).and_then(|n| u8::try_from(n).ok())
    };
    if matches!(sep, '、' | '.' | '．' | ',' | '，' | ':' | '：') {
        return Some((n, rest[sep.len_utf8()..].trim_start_matches(is_space)));
    }
    if is_space(sep) && n.is_some() {
        return Some((n, rest.trim_start_matches(is_space)));
    }
    None
}

/// Every section's keywords, tagged with the section's index: the first
/// section with a keyword in a heading's window is the one it opens.
static SECTION_KEYWORDS: std::sync::LazyLock<KeywordIndex> =
    std::sync::LazyLock::new(|| KeywordIndex::new(SECTIONS.iter().map(|d| d.keywords)));

/// The first `n` characters of `s` (all of it when shorter).
fn chars_prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Recognises a section heading paragraph.
fn parse_heading(
    text: &str,
    is_outline_heading: bool,
) -> Option<(usize, Option<u8>, String, String)> {
    let trimmed = text.trim_matches(is_space);
    if trimmed.is_empty() || trimmed.starts_with(['(', '（']) {
        return None;
    }
    let (num, body, bare) = match heading_numeral(trimmed) {
        Some((n, b)) => (n, b, false),
        None => (None, trimmed, true),
    };
    // Without any numeral, only a short paragraph styled as a heading or
    // worded exactly as the template's heading counts: a sub-heading like
    // 主动公开情况 inside 总体情况 must not open section 二. (Tested first:
    // most paragraphs of prose end here.)
    if bare && (body.chars().nth(24).is_some() || body.contains('。')) {
        return None;
    }
    // Heading words must appear near the start of what follows the numeral.
    let window = norm(chars_prefix(body, 48));
    let window = chars_prefix(&window, 28);
    let def = match first_of(SECTION_KEYWORDS.matching(window)) {
        Some(def) => def,
        // 六、其他: a section named by a plain word after its own numeral.
        None => SECTIONS.iter().position(|d| {
            num == Some(d.number) && {
                let body = norm(body);
                let body = body.trim_end_matches(['：', ':']);
                d.numbered_headings.contains(&body)
            }
        })?,
    };
    if bare && !is_outline_heading {
        let body = norm(body);
        if !SECTIONS[def].headings.iter().any(|h| body == *h) {
            return None;
        }
    }
    // Split a long paragraph into heading and text at the first sentence mark.
    let (heading, rest) = if body.chars().count() > 40 {
        match body.find(['。', '：', ':', '\n']) {
            Some(i) if body[..i].chars().count() <= 40 => {
                let sep_len = body[i..].chars().next().map_or(0, char::len_utf8);
                (body[..i].to_string(), body[i + sep_len..].to_string())
            }
            _ => return None,
        }
    } else {
        (body.to_string(), String::new())
    };
    Some((def, num, clean_line(&heading), rest.trim().to_string()))
}

/// Collapses runs of whitespace, drops spaces next to CJK characters. Each
/// run is decided once, by the characters either side of it (a line of a
/// million spaces must not look ahead a million times).
pub fn clean_line(s: &str) -> String {
    let cjk = |c: Option<char>| c.is_some_and(|c| (c as u32) >= 0x2E80);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.trim_matches(is_space);
    while let Some(c) = rest.chars().next() {
        if is_space(c) {
            let run = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
            rest = &rest[run..];
            let next = rest.chars().next();
            let prev = out.chars().next_back();
            if !(cjk(prev) || cjk(next) || next.is_none()) {
                out.push(' ');
            }
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A heading's number written otherwise than the template's 一、: `1.`,
/// `1、`, `１．`, `（一）`, `(1)`, `【一】`, `Ⅰ、`; with the text after it.
fn other_numeral(text: &str) -> Option<(u8, &str)> {
    let t = text.trim_start_matches(is_space);
    let digit = |c: char| {
        c.to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
    };
    let number = |s: &str| -> Option<u32> {
        if s.chars().all(|c| digit(c).is_some()) && !s.is_empty() {
            s.chars()
                .try_fold(0u32, |n, c| n.checked_mul(10)?.checked_add(digit(c)?))
        } else {
            chinese_number(s)
        }
    };
    // Roman numerals (Ⅰ、 to Ⅵ、, one character each).
    if let Some(c) = t.chars().next()
        && ('Ⅰ'..='Ⅵ').contains(&c)
    {
        let rest = t[c.len_utf8()..].strip_prefix(['、', '.', '．', ' ', '\u{3000}'])?;
        let n = c as u32 - 'Ⅰ' as u32 + 1;
        return Some((u8::try_from(n).ok()?, rest.trim_start_matches(is_space)));
    }
    let (n, rest) = if let Some(inner) = t.strip_prefix(['(', '（', '【']) {
        let close = inner.find([')', '）', '】'])?;
        let rest = &inner[close..];
        (
            number(&inner[..close])?,
            &rest[rest.chars().next()?.len_utf8()..],
        )
    } else {
        let end = t.find(|c: char| digit(c).is_none())?;
        let rest = &t[end..];
        let sep = rest.chars().next()?;
        if !matches!(sep, '.' | '．' | '、' | ',' | '，') && !is_space(sep) {
            return None;
        }
        (number(&t[..end])?, &rest[sep.len_utf8()..])
    };
    Some((u8::try_from(n).ok()?, rest.trim_start_matches(is_space)))
}

/// The section headings, in order. `numbered_otherwise`: read headings
/// numbered `1.` or `（一）` instead of 一、 (a report numbering its six
/// sections so, whose sub-items are numbered so too elsewhere), each only
/// when its number is its section's.
fn find_headings(doc: &Document, numbered_otherwise: bool) -> Vec<Heading> {
    const NUMERALS: [&str; 7] = ["", "一", "二", "三", "四", "五", "六"];
    let mut heads: Vec<Heading> = Vec::new();
    let mut last_def: Option<usize> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let (text, outline) = match b {
            Block::Paragraph(p) => (p.text.as_str(), p.heading_level.is_some()),
            // A table whose first row is one merged cell may carry the heading.
            Block::Table(t) => match t.row_cells(0).as_slice() {
                [only] => (only.cell.text.as_str(), false),
                _ => continue,
            },
            Block::Image(_) => continue,
        };
        if text.chars().count() > 400 {
            continue;
        }
        let renumbered;
        let text = if numbered_otherwise {
            let Some((n, rest)) = other_numeral(text).filter(|(n, _)| (1..=6).contains(n)) else {
                continue;
            };
            renumbered = format!("{}、{rest}", NUMERALS[usize::from(n)]);
            renumbered.as_str()
        } else {
            text
        };
        let Some((def, num, heading, rest)) = parse_heading(text, outline) else {
            continue;
        };
        if numbered_otherwise && num != Some(SECTIONS[def].number) {
            continue;
        }
        // Sections come in order; a later match of an earlier section is a
        // sub-item (e.g. 主动公开 inside 总体情况).
        if last_def.is_some_and(|l| def <= l) {
            continue;
        }
        // A numeral that contradicts the section (二、… matched as overview) is
        // only trusted when it agrees or is absent.
        if let Some(n) = num
            && n != SECTIONS[def].number
            && !(1..=6).contains(&n)
        {
            continue;
        }
        last_def = Some(def);
        heads.push(Heading {
            block: i,
            def,
            number: num.unwrap_or(SECTIONS[def].number),
            heading,
            rest,
        });
    }
    heads
}

fn collect_sections(doc: &Document, heads: &[Heading]) -> Vec<Section> {
    let mut out = Vec::with_capacity(heads.len());
    for (k, h) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(doc.blocks.len(), |n| n.block);
        let mut lines: Vec<String> = Vec::new();
        if !h.rest.is_empty() {
            lines.push(h.rest.clone());
        }
        for b in &doc.blocks[h.block + 1..end] {
            if let Block::Paragraph(p) = b {
                for line in p.text.split('\n') {
                    let l = line.trim_matches(is_space);
                    if !l.is_empty() {
                        lines.push(l.to_string());
                    }
                }
            }
        }
        out.push(Section {
            key: SECTIONS[h.def].key,
            number: h.number,
            heading: h.heading.clone(),
            text: lines.join("\n"),
        });
    }
    out
}

// --------------------------------------------------------------- tables

fn classify_tables<'d>(doc: &'d Document, heads: &[Heading]) -> Vec<(TableKind, &'d Table)> {
    let mut out = Vec::new();
    let mut section: Option<&str> = None;
    let mut h = 0;
    // The kind of the table right before this block, if the block before
    // was one.
    let mut previous: Option<TableKind> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        while h < heads.len() && heads[h].block <= i {
            section = Some(SECTIONS[heads[h].def].key);
            h += 1;
        }
        let Block::Table(t) = b else {
            previous = None;
            continue;
        };
        let text = norm(&t.all_text());
        let mut best: Option<(TableKind, usize)> = None;
        for (kind, signs) in TABLE_SIGNS {
            let hits = signs.iter().filter(|s| text.contains(*s)).count();
            let bonus = usize::from(section == Some(kind.section()));
            let score = hits * 2 + bonus;
            if hits > 0 && best.is_none_or(|(_, s)| score > s) {
                best = Some((*kind, score));
            }
        }
        let kind = match best {
            Some((k, _)) => Some(k),
            // A table of figures with no telling label inside a table's
            // section is a part of that table (table 四's data row, a row
            // carried over to the next page).
            // A short one (a row or two of 表二 at the top of a page) only
            // right after a part of it.
            None if has_number_row(t, 5) || has_number_row(t, 2) && previous.is_some() => [
                TableKind::Active,
                TableKind::Applications,
                TableKind::Reviews,
            ]
            .into_iter()
            .find(|k| section == Some(k.section()))
            .filter(|k| has_number_row(t, 5) || previous == Some(*k)),
            None => None,
        };
        previous = kind;
        if let Some(k) = kind {
            out.push((k, t));
        }
    }
    out
}

/// Whether some row holds at least `min` cells of bare digits, or of a
/// dash in a figure's place (table 四's row printed `- 1 - - 1 …`).
fn has_number_row(t: &Table, min: usize) -> bool {
    (0..t.n_rows()).any(|r| {
        t.row_cells(r)
            .iter()
            .filter(|c| {
                let text = &c.cell.text;
                (norm(text).chars().all(|c| c.is_ascii_digit()) && !text.trim().is_empty())
                    || crate::cell::is_dash_mark(text)
            })
            .count()
            >= min
    })
}

// ---------------------------------------------------- title, agency, year

fn is_title_line(t: &str) -> bool {
    let n = norm(t);
    let len = n.chars().count();
    (6..=80).contains(&len)
        && !n.contains('。')
        // (…年报 with its year: a menu's 政府信息公开年报 is no title)
        && (n.contains("报告") || (n.ends_with("年报") && find_year(&n).is_some()))
        && (n.contains("信息公开") || n.contains("政务公开") || n.contains("年度"))
        && !n.starts_with("根据")
        && !n.starts_with("本报告")
        && !["如下", "现将", "特此", "现予"]
            .iter()
            .any(|w| n.contains(w))
}

fn is_agency_line(t: &str) -> bool {
    let n = norm(t);
    let len = n.chars().count();
    (2..=40).contains(&len)
        && !n.contains('。')
        && !n.contains('：')
        && !n.contains(':')
        // (a comma or a quoted law's name: the preamble's sentence, wrapped)
        && !n.contains(['，', ',', '《', '》'])
        && !n.contains("发布")
        && !n.contains("来源")
        && !n.starts_with(|c: char| c.is_ascii_digit())
        && !n.contains('[')
        && n.chars().any(|c| (c as u32) >= 0x4E00)
        && !is_site_name(&n)
        // (a site's menu bar: 首页 走进 政务公开 …)
        && !n.starts_with("首页")
        // (a red header, 某局文件: the issuer's, over the title, not in it)
        && !n.ends_with("文件")
}

/// A web site's name (某市发展和改革门户网站, 中国政府网, 某县政务服务平台):
/// the banner above a page's title, not the agency that wrote the report.
fn is_site_name(n: &str) -> bool {
    ["网站", "门户", "网", "平台"]
        .iter()
        .any(|e| n.ends_with(e))
}

/// A link in a list of reports (`…年度报告2021-01-31`): a date follows 报告.
fn is_listing_line(t: &str) -> bool {
    let n = norm(t);
    let Some(i) = n.rfind("报告") else {
        return false;
    };
    let tail = &n[i + "报告".len()..];
    // A date in words in brackets is the report's own
    // (…年度报告（2026年1月16日）), not a list's column of dates.
    if tail.starts_with(['（', '(']) && tail.ends_with(['）', ')']) && tail.contains('月') {
        return false;
    }
    let tail = tail.trim_matches(|c: char| "[]【】()（）".contains(c));
    tail.chars().filter(|c| c.is_ascii_digit()).count() >= 6
        && tail
            .chars()
            .all(|c| c.is_ascii_digit() || "-/.年月日 ".contains(c))
}

/// `（某市财政局）` after a title's 报告: the agency, named last.
fn bracketed_agency(t: &str) -> Option<&str> {
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))?;
    is_agency_name(inner).then_some(inner)
}

/// `（2021年度）`: the year line printed under a title.
fn is_year_suffix(t: &str) -> bool {
    let n = norm(t);
    let inner = n
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']));
    inner.is_some_and(|i| find_year(i).is_some_and(|(s, e, _)| s == 0 && e == i.len()))
}

/// Strips what pages put around a title: a `标题：` label before it, a site
/// or agency suffix after 报告 (`…年度报告-某某局`, `…年度报告_门户网站`).
fn trim_title(t: &str) -> String {
    let mut t = t.trim();
    for label in ["标题", "题目", "名称", "文章标题", "信息名称"] {
        if let Some(rest) = t.strip_prefix(label)
            && let Some(rest) = rest.trim_start().strip_prefix(['：', ':'])
        {
            t = rest.trim_start();
        }
    }
    t = after_a_sidebar_link(t);
    // A notice publishing the report (关于印发《某局2023年…年度报告》的通知):
    // the report's own title.
    if let Some(rest) = t.strip_prefix("关于").unwrap_or(t).strip_prefix("印发") {
        t = rest.trim_start_matches(['《', '“']);
    }
    let Some(end) = t
        .rfind("报告")
        .map(|i| i + "报告".len())
        .or_else(|| t.rfind("年报").map(|i| i + "年报".len()))
    else {
        return t.to_string();
    };
    let tail = &t[end..];
    // A bracketed year or agency right after 报告 belongs to the title.
    let keep = tail
        .char_indices()
        .find(|(_, c)| matches!(c, '）' | ')'))
        .map(|(j, c)| j + c.len_utf8())
        .filter(|j| is_year_suffix(&tail[..*j]) || bracketed_agency(&tail[..*j]).is_some())
        .unwrap_or(0);
    t[..end + keep].to_string()
}

/// Two titles' length (80 characters each, three bytes a character).
const MAX_LINK_AND_TITLE_BYTES: usize = 2 * 80 * 3;

/// A browser's print of a report page can set a sidebar link to another
/// year's report on the title's baseline, the two read as one line
/// (`某局2022年政府信息公开工` + `某局2023年政府信息公开工作年度报告`): when
/// the line's first characters come again later, with no 报告 before and a
/// title from there on, the title starts there.
fn after_a_sidebar_link(t: &str) -> &str {
    const OPENING: usize = 4;
    let Some((end, _)) = t.char_indices().nth(OPENING) else {
        return t;
    };
    // A link and a title are two lines' worth at most; a longer line is
    // not looked into (each repeat of its opening would be read to its end).
    if t.len() > MAX_LINK_AND_TITLE_BYTES || t.matches("信息公开").count() < 2 {
        return t;
    }
    let opening = &t[..end];
    let mut from = end;
    while let Some(k) = t[from..].find(opening).map(|k| from + k) {
        let rest = &t[k..];
        if !t[..k].contains("报告") && is_title_line(rest) {
            return rest;
        }
        from = k + opening.len();
    }
    t
}

/// The title: the title-like line (a line naming a report, joined with the
/// short lines a wrapped title breaks into) nearest to the first heading,
/// since web pages put menus and lists of other reports above it; with the
/// line before it when the title itself names no agency (a two-line title),
/// and a `（2021年度）` line after it.
fn find_title(doc: &Document, first_heading: usize) -> Option<String> {
    let has_headings = first_heading < doc.blocks.len();
    // Each paragraph with the number of tables and pictures before it: a
    // line is read with the one before it only when nothing stands
    // between them (a printed page's search box under its menu bar).
    let mut apart = 0;
    let paras: Vec<(usize, &str)> = doc.blocks[..first_heading.min(doc.blocks.len())]
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if !p.text.trim_matches(is_space).is_empty() => {
                Some((apart, p.text.as_str()))
            }
            Block::Paragraph(_) => None,
            _ => {
                apart += 1;
                None
            }
        })
        // Before the first heading (web pages put menus first); without
        // headings, only the top of the document.
        .take(if has_headings { 200 } else { 30 })
        .collect();
    let (parts, lines): (Vec<usize>, Vec<String>) = paras
        .iter()
        .flat_map(|(part, t)| t.split('\n').map(move |l| (*part, clean_line(l))))
        .filter(|(_, l)| !l.is_empty())
        .unzip();
    // A candidate starting at line i: (the line after it, its text).
    let candidate = |i: usize| -> Option<(usize, String)> {
        if is_listing_line(&lines[i]) {
            return None;
        }
        let mut text = trim_title(&lines[i]);
        let mut end = i + 1;
        while !norm(&text).ends_with("报告")
            && end < lines.len()
            && end < i + 3
            && norm(&lines[end]).chars().count() <= 12
        {
            text.push_str(&lines[end]);
            end += 1;
        }
        is_title_line(&text).then(|| (end, trim_title(&text)))
    };
    let full = |i: usize| -> Option<(usize, String)> {
        let (end, mut title) = candidate(i)?;
        if i > 0
            && parts[i - 1] == parts[i]
            && agency_and_year(&title).0.is_none()
            && !is_title_line(&lines[i - 1])
            && !is_listing_line(&lines[i - 1])
        {
            let prev = &lines[i - 1];
            let without_year = match find_year(&norm(prev)) {
                Some((s, e, _)) => {
                    let n = norm(prev);
                    format!("{}{}", &n[..s], &n[e..])
                }
                None => norm(prev),
            };
            if is_agency_line(&without_year) && without_year.chars().count() >= 2 {
                title = format!("{prev}{title}");
            } else if i > 1
                && parts[i - 2] == parts[i]
                && without_year.chars().count() <= MAX_WRAPPED_AGENCY_END
                && !without_year.is_empty()
                && is_agency_name(&format!("{}{}", lines[i - 2], lines[i - 1]))
            {
                // The agency's line wrapped before its last characters
                // (…街道办事 over 处), as a narrow page prints a long name.
                title = format!("{}{}{title}", lines[i - 2], lines[i - 1]);
            }
        }
        if !norm(&title).ends_with(['）', ')'])
            && let Some(next) = lines.get(end)
            && is_year_suffix(next)
        {
            title.push_str(next);
        }
        Some((end, without_spaces(&title)))
    };
    // A line an earlier candidate joined (a title wrapped over three
    // lines, broken inside a word: …2025年政府信息 | 公开工作年度报告) starts
    // no candidate of its own.
    let mut titles: Vec<String> = Vec::new();
    let mut joined_until = 0;
    for i in 0..lines.len() {
        if i < joined_until {
            continue;
        }
        if let Some((end, title)) = full(i) {
            joined_until = end;
            titles.push(title);
        }
    }
    let with_year = |t: &&String| find_year(&norm(t)).is_some();
    // Nearest to the first heading; without headings, the first.
    let pick = if has_headings {
        titles.iter().rev().find(with_year).or(titles.last())
    } else {
        titles.iter().find(with_year).or(titles.first())
    };
    pick.cloned()
}

/// The most characters of an agency's name a wrapped title line may carry
/// over onto a line of their own.
const MAX_WRAPPED_AGENCY_END: usize = 3;

/// Finds `2020年` / `二〇二〇年` in `s`: (byte start, byte end incl. 年/年度, year).
/// Each 年 is tried in turn with the four characters before it read back
/// from it: no list of the text's characters is made (a paragraph can be
/// millions of characters long).
fn find_year(s: &str) -> Option<(usize, usize, i32)> {
    for (year_end, _) in s.match_indices('年') {
        // The four characters before 年 (last first), and the one before them.
        let mut back = s[..year_end].char_indices().rev();
        let mut four = [(0usize, '\0'); 4];
        let mut got = 0;
        for slot in four.iter_mut().rev() {
            let Some(c) = back.next() else { break };
            *slot = c;
            got += 1;
        }
        if got < 4 {
            continue;
        }
        let start = four[0].0;
        let year = if four.iter().all(|(_, c)| fold_char(*c).is_ascii_digit()) {
            Some(
                four.iter()
                    .fold(0, |y, (_, c)| y * 10 + (fold_char(*c) as i32 - '0' as i32)),
            )
        } else if four
            .iter()
            .all(|(_, c)| "〇零○一二三四五六七八九".contains(*c))
        {
            chinese_number(&s[start..year_end]).and_then(|n| i32::try_from(n).ok())
        } else {
            None
        };
        let Some(year) = year else { continue };
        if !(1990..=2100).contains(&year) {
            continue;
        }
        if back
            .next()
            .is_some_and(|(_, c)| fold_char(c).is_ascii_digit())
        {
            continue;
        }
        let mut end = year_end + '年'.len_utf8();
        if s[end..].starts_with('度') {
            end += '度'.len_utf8();
        }
        return Some((start, end, year));
    }
    None
}

/// Longest title whose bracketed ends are read (a title is at most ~80
/// characters, and an agency line over it ~40).
const MAX_TITLE_BYTES: usize = 200 * 4;

pub fn agency_and_year(title: &str) -> (Option<String>, Option<i32>) {
    let t = without_spaces(title);
    // (Brackets are read off the end one call at a time: only in a string
    // as short as a title, so that no input recurses deeply.)
    let short = t.len() <= MAX_TITLE_BYTES;
    // `…年度报告（2021年度）`: the year stands in a bracket after the title.
    if let Some(open) = t.rfind(['（', '('])
        && short
        && open > 0
        && is_year_suffix(&t[open..])
        && let (agency, None) = agency_and_year(&t[..open])
    {
        return (agency, find_year(&t[open..]).map(|(_, _, y)| y));
    }
    // `2021年度…年度报告（某市财政局）`: the agency named last.
    if let Some(open) = t.rfind(['（', '('])
        && short
        && open > 0
        && let Some(agency) = bracketed_agency(&t[open..])
        && let (None, year) = agency_and_year(&t[..open])
    {
        return (Some(agency.to_string()), year);
    }
    let trim_agency = |s: &str| -> Option<String> {
        let marks = |c: char| "《》“”\"、，,:：（）()【】[]".contains(c);
        let s = s.trim_matches(marks);
        let s = s.strip_prefix("关于").unwrap_or(s);
        // A notice publishing the report: 关于印发《某局2023年…年度报告》的通知.
        let s = s.strip_prefix("印发").unwrap_or(s).trim_matches(marks);
        let s = s.strip_suffix("关于").unwrap_or(s);
        let s = s.strip_suffix('的').unwrap_or(s);
        (s.chars().count() >= 2).then(|| s.to_string())
    };
    match find_year(&t) {
        Some((start, end, year)) => {
            let before = trim_agency(&t[..start]);
            let agency = before.or_else(|| {
                let after = &t[end..];
                let stop = ["政府信息公开", "政务公开", "信息公开"]
                    .iter()
                    .filter_map(|k| after.find(k))
                    .min()?;
                trim_agency(&after[..stop])
            });
            (agency, Some(year))
        }
        None => {
            let stop = ["政府信息公开", "政务公开", "信息公开"]
                .iter()
                .filter_map(|k| t.find(k))
                .min();
            (stop.and_then(|i| trim_agency(&t[..i])), None)
        }
    }
}

/// Endings of agency names (the signature line of a report).
const AGENCY_ENDINGS: &[&str] = &[
    "人民政府",
    "办公室",
    "办公厅",
    "委员会",
    "办事处",
    "管理局",
    "局",
    "厅",
    "委",
    "署",
    "部",
    "中心",
    "院",
    "政府",
];

fn is_agency_name(s: &str) -> bool {
    let n = norm(s);
    let len = n.chars().count();
    // At least two characters before the ending: 商务部 and 审计署 are names,
    // 办公室 and 市政府 are not.
    (3..=30).contains(&len)
        && !n.contains(['。', ',', ':', '(', ')'])
        && AGENCY_ENDINGS
            .iter()
            .any(|e| n.ends_with(e) && len >= e.chars().count() + 2)
        && find_year(&n).is_none()
}

/// `s` with its spaces (any kind) left out.
fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// The agency when the title does not name it: the preamble's 本报告由…编制,
/// or the signature line above the date at the end of the report.
fn agency_from_body(doc: &Document) -> Option<String> {
    for p in doc.paragraphs().take(20) {
        let t = without_spaces(&p.text);
        if let Some(rest) = t.split_once("本报告由").map(|(_, r)| r)
            && let Some(end) = ["编制", "根据", "按照", "依据"]
                .iter()
                .filter_map(|k| rest.find(k))
                .min()
        {
            let name = &rest[..end];
            if is_agency_name(name) {
                return Some(name.to_string());
            }
        }
        // `某局根据《条例》要求，编制本年度报告` opening a paragraph.
        if t.contains("编制")
            && let Some(end) = ["根据《", "依据《", "按照《"]
                .iter()
                .filter_map(|k| t.find(k))
                .min()
            && is_agency_name(&t[..end])
        {
            return Some(t[..end].to_string());
        }
        // The preamble's contact line: 如对本报告有疑问，请与某局联系.
        if let Some((_, rest)) = t.split_once("请与")
            && let Some((name, _)) = rest.split_once("联系")
            && is_agency_name(name)
        {
            return Some(name.to_string());
        }
    }
    if let Some(name) = red_header_agency(doc) {
        return Some(name);
    }
    let tail: Vec<&str> = doc
        .paragraphs()
        .map(|p| p.text.trim_matches(is_space))
        .filter(|t| !t.is_empty())
        .collect();
    tail.iter()
        .rev()
        .take(4)
        .find(|t| is_agency_name(t))
        .map(|t| without_spaces(t))
}

/// The agency of a red-headed document (红头文件): the `某局文件` line
/// over the title of a report issued as an official document.
fn red_header_agency(doc: &Document) -> Option<String> {
    doc.paragraphs().take(8).find_map(|p| {
        let t = p.text.trim_matches(is_space);
        // (A name and 文件: no long paragraph is read.)
        if !t.ends_with("文件") || t.len() > 40 * 4 {
            return None;
        }
        let t = without_spaces(t);
        let name = t.strip_suffix("文件")?;
        is_agency_name(name).then(|| name.to_string())
    })
}

/// The agency a web page names when the report does not: in its metadata's
/// title (`<meta name="ArticleTitle">` naming the agency its heading leaves
/// out), else as the page's source (来源：某局; not 本网).
fn agency_from_page(info: &PageInfo) -> Option<String> {
    info.title
        .as_deref()
        .filter(|t| is_title_line(t))
        .and_then(|t| agency_and_year(&trim_title(t)).0)
        .or_else(|| {
            let source = without_spaces(info.source.as_deref()?);
            is_agency_name(&source).then_some(source)
        })
}

/// A line holding only a date (`2026年1月16日`, `（2026年1月16日）`,
/// `发布日期：2026年01月16日`).
fn is_date_line(t: &str) -> bool {
    if t.len() > 40 * 4 {
        return false;
    }
    let n = norm(t);
    let n = n.trim_matches(|c: char| "()（）[]【】".contains(c));
    let n = n.rsplit(['：', ':']).next().unwrap_or(n);
    let Some((0, end, _)) = find_year(n) else {
        return false;
    };
    let rest = &n[end..];
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    let digits = |s: &str| {
        (1..=2).contains(&s.chars().count())
            && s.chars()
                .all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
    };
    digits(month) && day.strip_suffix(['日', '号']).is_some_and(digits)
}

fn year_from_body(doc: &Document) -> Option<i32> {
    let mut budget = 3000usize;
    for p in doc.paragraphs() {
        if let Some(i) = p.text.find("统计期限")
            && let Some((_, _, y)) = find_year(&p.text[i..])
        {
            return Some(y);
        }
        // (A date on its own line, 2026年1月16日, is when the report was
        // published, the year after the one it reports on.)
        if let Some((_, _, y)) = find_year(&p.text)
            && !is_date_line(&p.text)
        {
            return Some(y);
        }
        budget = budget.saturating_sub(p.text.len());
        if budget == 0 {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The section a heading's window names, found by the keyword set, is
    /// the first section with a keyword in the window, as a search for each
    /// keyword in turn finds it: on windows of random keyword characters
    /// with a keyword (or a keyword cut short) or two inside.
    #[test]
    fn section_keyword_set_agrees_with_searching_each_keyword() {
        let keywords: Vec<&str> = SECTIONS
            .iter()
            .flat_map(|d| d.keywords.iter().copied())
            .collect();
        let mut alphabet: Vec<char> = keywords.iter().flat_map(|k| k.chars()).collect();
        alphabet.extend(['年', '度', '、', '1']);
        alphabet.sort_unstable();
        alphabet.dedup();
        let mut seed = 11;
        let mut named = std::collections::BTreeSet::new();
        for n in 0..4_000 {
            let k: Vec<char> = keywords[n % keywords.len()].chars().collect();
            let other = keywords[(n * 7 + 3) % keywords.len()];
            let middle: String = match n % 4 {
                0 => k.iter().collect(),
                1 => k[1..].iter().collect(),
                2 => k.iter().collect::<String>() + other,
                _ => String::new(),
            };
            let window = crate::text::random_text(&mut seed, &alphabet, n % 6)
                + &middle
                + &crate::text::random_text(&mut seed, &alphabet, n % 4);
            let naive = SECTIONS
                .iter()
                .position(|d| d.keywords.iter().any(|k| window.contains(k)));
            assert_eq!(
                first_of(SECTION_KEYWORDS.matching(&window)),
                naive,
                "{window:?}"
            );
            named.extend(naive);
        }
        assert_eq!(named.len(), SECTIONS.len());
    }

    /// `find_year` as first written: two strings built at every position.
    fn reference_find_year(s: &str) -> Option<(usize, usize, i32)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for i in 0..chars.len() {
            let (start, _) = chars[i];
            let digits: String = chars[i..]
                .iter()
                .take(4)
                .map(|(_, c)| fold_char(*c))
                .collect();
            let cn: String = chars[i..].iter().take(4).map(|(_, c)| *c).collect();
            let year = if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) {
                digits.parse::<i32>().ok()
            } else if cn.chars().count() == 4
                && cn.chars().all(|c| "〇零○一二三四五六七八九".contains(c))
            {
                chinese_number(&cn).and_then(|n| i32::try_from(n).ok())
            } else {
                None
            };
            let Some(year) = year else { continue };
            if !(1990..=2100).contains(&year) {
                continue;
            }
            if i > 0 && fold_char(chars[i - 1].1).is_ascii_digit() {
                continue;
            }
            if chars.get(i + 4).map(|(_, c)| *c) == Some('年') {
                let mut end = chars[i + 4].0 + '年'.len_utf8();
                if s[end..].starts_with('度') {
                    end += '度'.len_utf8();
                }
                return Some((start, end, year));
            }
        }
        None
    }

    /// Years are found where the first way found them, in random text of
    /// digits of both widths, Chinese digits, 年, 度 and others.
    #[test]
    fn years_are_found_as_by_the_reference() {
        let alphabet: Vec<char> = "0129２０１〇二零○一九年度 报".chars().collect();
        let mut seed = 5;
        let mut found = 0;
        let digits: Vec<char> = "0123456789２０".chars().collect();
        let cn_digits: Vec<char> = "〇零○一二三九".chars().collect();
        for n in 0..20_000 {
            // A year-like run (or part of one) among random characters.
            let year = match n % 3 {
                0 => "20".to_string() + &crate::text::random_text(&mut seed, &digits, 2),
                1 => "二〇".to_string() + &crate::text::random_text(&mut seed, &cn_digits, 2),
                _ => "1９".to_string() + &crate::text::random_text(&mut seed, &digits, n % 3),
            };
            let text = crate::text::random_text(&mut seed, &alphabet, n % 4)
                + &year
                + ["年", "年度", "", "度"][n % 4]
                + &crate::text::random_text(&mut seed, &alphabet, n % 5);
            let y = reference_find_year(&text);
            assert_eq!(find_year(&text), y, "{text:?}");
            found += usize::from(y.is_some());
        }
        for t in [
            "2023年度报告",
            "二〇二三年",
            "２０２２年",
            "12023年",
            "1989年",
            "（2021年度）",
        ] {
            assert_eq!(find_year(t), reference_find_year(t), "{t}");
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn heading_variants() {
        let k = |t: &str| parse_heading(t, false).map(|(d, n, h, _)| (SECTIONS[d].key, n, h));
        assert_eq!(
            k("一、总体情况"),
            Some(("overview", Some(1), "总体情况".into()))
        );
        assert_eq!(
            k("二．主动公开政府信息情况").unwrap().0,
            "active_disclosure"
        );
        assert_eq!(k("、主动公开政府信息情况").unwrap().1, None);
        assert_eq!(
            k("四、政府信息公开行政法复议、行政诉讼情况").unwrap().0,
            "reviews_litigation"
        );
        assert_eq!(
            k("五、政府信息公开工作存在的主要问题及改进情况").unwrap().0,
            "problems"
        );
        assert_eq!(
            k("六、无其他需要报告的事项").unwrap().2,
            "无其他需要报告的事项"
        );
        assert_eq!(k("（二）主动公开信息情况"), None);
        assert_eq!(k("二是明确公开流程，回应社会关切。"), None);
        assert_eq!(
            k("三 收到和处理政府信息公开申请情况").unwrap().0,
            "applications"
        );
        assert_eq!(k("总体情况").unwrap().0, "overview");
        assert_eq!(
            k("主动公开情况"),
            None,
            "a bare sub-heading is not section 二"
        );
        let styled = parse_heading("主动公开情况", true).map(|h| SECTIONS[h.0].key);
        assert_eq!(styled, Some("active_disclosure"));
        assert_eq!(
            k("收到和處理政府資訊公開申請情況").unwrap().0,
            "applications"
        );
    }

    /// A report numbering its six sections 1. to 6., （一） to （六）, 【一】 to
    /// 【六】 or Ⅰ、 to Ⅵ、, its overview's sub-items numbered the same way:
    /// the sections by their own numbers (it had no section at all: six
    /// `missing_section`), the sub-items inside the overview. 六、其他事项 is
    /// section 六, and 五、存在的不足及改进措施 section 五.
    #[test]
    fn sections_numbered_otherwise_than_the_template() {
        let keys = |texts: &[&str]| -> Vec<&str> {
            locate(&doc(texts)).sections.iter().map(|s| s.key).collect()
        };
        let all = [
            "overview",
            "active_disclosure",
            "applications",
            "reviews_litigation",
            "problems",
            "other_matters",
        ];
        for n in [
            ["1.", "2.", "3.", "4.", "5.", "6."],
            ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"],
            ["【一】", "【二】", "【三】", "【四】", "【五】", "【六】"],
            ["Ⅰ、", "Ⅱ、", "Ⅲ、", "Ⅳ、", "Ⅴ、", "Ⅵ、"],
            ["１．", "２．", "３．", "４．", "５．", "６．"],
        ] {
            let texts = [
                format!("{}总体情况", n[0]),
                format!("{}主动公开情况。本年主动公开文件12件。", n[0]),
                format!("{}依申请公开情况。收到申请3件。", n[1]),
                format!("{}主动公开政府信息情况", n[1]),
                format!("{}收到和处理政府信息公开申请情况", n[2]),
                format!("{}政府信息公开行政复议、行政诉讼情况", n[3]),
                format!("{}存在的主要问题及改进情况", n[4]),
                format!("{}其他需要报告的事项", n[5]),
            ];
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            assert_eq!(keys(&texts), all, "{}", n[0]);
            let d = doc(&texts);
            let overview = &locate(&d).sections[0].text;
            assert!(overview.contains("收到申请3件"), "{}: {overview}", n[0]);
        }
        assert_eq!(
            keys(&["一、总体情况", "六、其他事项"]),
            ["overview", "other_matters"]
        );
        // Section 五 worded otherwise (it had been no section).
        for problems in [
            "五、存在的不足及改进措施",
            "五、存在的问题和改进措施",
            "五、问题与改进",
        ] {
            assert_eq!(
                keys(&["一、总体情况", problems, "六、其他需要报告的事项"]),
                ["overview", "problems", "other_matters"],
                "{problems}"
            );
        }
    }

    /// 六、其他 names section 六 by a word too plain for a keyword: it had
    /// been no section (its text left in section 五). Only after the
    /// section's own numeral: （六）其他 (an item) and 五、其他 are not it.
    #[test]
    fn section_six_headed_by_a_plain_word_after_its_numeral() {
        let keys = |texts: &[&str]| -> Vec<&'static str> {
            locate(&doc(texts)).sections.iter().map(|s| s.key).collect()
        };
        let problems = "五、存在的主要问题及改进情况";
        for six in ["六、其他", "六、其他：", "六、 其他情况", "六、其他说明"]
        {
            assert_eq!(
                keys(&["一、总体情况", problems, six, "无。"]),
                ["overview", "problems", "other_matters"],
                "{six}"
            );
        }
        for not_six in ["（六）其他", "五、其他", "六、其他工作开展情况良好"] {
            assert_eq!(
                keys(&["一、总体情况", problems, not_six]),
                ["overview", "problems"],
                "{not_six}"
            );
        }
    }

    #[test]
    fn agency_year_from_titles() {
        assert_eq!(
            agency_and_year("铜川市耀州区锦阳路街道办事处2020年政府信息公开工作年度报告"),
            (Some("铜川市耀州区锦阳路街道办事处".into()), Some(2020))
        );
        assert_eq!(
            agency_and_year("2021年度某市财政局政府信息公开工作年度报告"),
            (Some("某市财政局".into()), Some(2021))
        );
        assert_eq!(
            agency_and_year("某市公安局政府信息公开工作年度报告（2020年度）"),
            (Some("某市公安局".into()), Some(2020))
        );
        assert_eq!(
            agency_and_year("某县人民政府关于二〇二二年政府信息公开工作年度报告").1,
            Some(2022)
        );
        assert_eq!(
            agency_and_year("某县人民政府关于二〇二二年政府信息公开工作年度报告")
                .0
                .as_deref(),
            Some("某县人民政府")
        );
        // A string of many bracketed names is read without recursing into
        // each (it would overflow the stack).
        let many = format!("报告{}", "（某市财政局）".repeat(100_000));
        assert_eq!(agency_and_year(&many).1, None);
        // An agency in brackets before the year (【某局】2025年…, 某局：2025年…)
        // or after 报告.
        for title in [
            "【某市财政局】2025年政府信息公开工作年度报告",
            "某市财政局：2025年政府信息公开工作年度报告",
            "2025年度政府信息公开工作年度报告（某市财政局）",
        ] {
            assert_eq!(
                agency_and_year(title),
                (Some("某市财政局".into()), Some(2025)),
                "{title}"
            );
        }
    }

    /// A title wrapped over three lines inside a word: its last two lines
    /// were read as a title of their own (2025年政府信息 | 公开工作年度报告,
    /// the first line's agency lost from the title). And a title naming its
    /// agency last, in brackets, had lost them.
    #[test]
    fn titles_wrapped_over_three_lines_or_naming_the_agency_last_are_read_whole() {
        let title = "2025年度政府信息公开工作年度报告（某市财政局）";
        assert_eq!(title_of(&[title]).as_deref(), Some(title));
        assert_eq!(
            title_of(&["某市财政局", "2025年政府信息", "公开工作年度报告"]).as_deref(),
            Some("某市财政局2025年政府信息公开工作年度报告")
        );
    }

    /// A document of plain paragraphs.
    fn doc(texts: &[&str]) -> Document {
        Document {
            blocks: texts
                .iter()
                .map(|t| {
                    Block::Paragraph(crate::model::Paragraph {
                        text: t.to_string(),
                        heading_level: None,
                    })
                })
                .collect(),
            notes: Vec::new(),
            page_info: Default::default(),
        }
    }

    /// Each block as `P text` or `T rows×columns`.
    fn block_kinds(d: &Document) -> Vec<String> {
        d.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => format!("P {}", p.text),
                Block::Table(t) => format!("T {}x{}", t.n_rows(), t.n_cols()),
                Block::Image(_) => "I".into(),
            })
            .collect()
    }

    #[test]
    fn a_section_heading_inside_a_table_splits_it_in_two() {
        let mut d = doc(&["二、主动公开政府信息情况"]);
        d.blocks.push(Block::Table(Table::from_texts(&[
            &["信息内容", "本年制发件数"],
            &["规章", "0"],
            &["三、收到和处理政府信息公开申请情况", "申请人情况"],
            &["一、本年新收政府信息公开申请数量", "3"],
        ])));
        split_tables_at_headings(&mut d);
        assert_eq!(
            block_kinds(&d),
            [
                "P 二、主动公开政府信息情况",
                "T 2x2",
                "P 三、收到和处理政府信息公开申请情况",
                "T 2x2"
            ]
        );
        let loc = locate(&d);
        let found: Vec<TableKind> = loc.tables.iter().map(|(k, _)| *k).collect();
        assert_eq!(found, [TableKind::Active, TableKind::Applications]);
        // Row labels that are not section headings, and a cut through a
        // merged cell, leave a table whole.
        for rows in [
            &[
                &["（一）予以公开", "1"][..],
                &["四、结转下年度继续办理", "0"],
            ][..],
            &[
                &["规章@2x1", "0"],
                &["三、收到和处理政府信息公开申请情况", "1"],
            ],
        ] {
            let mut d = doc(&[]);
            d.blocks.push(Block::Table(Table::from_texts(rows)));
            split_tables_at_headings(&mut d);
            assert_eq!(d.blocks.len(), 1, "{rows:?}");
        }
    }

    /// A web page laid out in a table whose cells have borders, printed:
    /// its empty side columns, tall merged cells, stand beside the report's
    /// tables and a section heading between them, all one grid. The heading
    /// still parts the tables (before, the blank cell before it hid it and
    /// the side columns crossing the cut kept the grid whole: section 三
    /// missing, table 二's last rows read as table 三's).
    #[test]
    fn a_heading_beside_blank_side_columns_splits_a_layout_grid() {
        let mut d = doc(&["二、主动公开政府信息情况"]);
        d.blocks.push(Block::Table(Table::from_texts(&[
            &["@4x1", "信息内容", "本年制发件数", "@4x1"],
            &["规章", "0"],
            &["", "三、收到和处理政府信息公开申请情况@1x2"],
            &["一、本年新收政府信息公开申请数量", "3"],
        ])));
        split_tables_at_headings(&mut d);
        assert_eq!(
            block_kinds(&d),
            [
                "P 二、主动公开政府信息情况",
                "T 2x4",
                "P 三、收到和处理政府信息公开申请情况",
                "T 2x4"
            ]
        );
        let Some(Block::Table(tail)) = d.blocks.last() else {
            panic!("a table");
        };
        let first_row: Vec<&str> = tail
            .row_cells(1)
            .iter()
            .map(|c| c.cell.text.as_str())
            .collect();
        assert_eq!(first_row, ["", "一、本年新收政府信息公开申请数量", "3", ""]);
        let loc = locate(&d);
        let found: Vec<TableKind> = loc.tables.iter().map(|(k, _)| *k).collect();
        assert_eq!(found, [TableKind::Active, TableKind::Applications]);
    }

    #[test]
    fn a_blank_fee_row_printed_as_a_line_is_not_missing() {
        let sec = |text: &str| Section {
            key: "active_disclosure",
            number: 2,
            heading: String::new(),
            text: text.into(),
        };
        let fees = &["事业性收费", "行政收费"];
        let lines = "第二十条第（八）项\n信息内容本年收费金额（单位：万元）\n行政事业性收费";
        assert!(label_line_in_section(
            &[sec(lines)],
            "active_disclosure",
            fees
        ));
        // With a figure it would be a row of a table; in a sentence it is prose.
        for text in [
            "行政事业性收费 3.5",
            "本年度未收取行政事业性收费，也未收取信息处理费。",
        ] {
            assert!(
                !label_line_in_section(&[sec(text)], "active_disclosure", fees),
                "{text}"
            );
        }
        assert!(!label_line_in_section(&[sec(lines)], "applications", fees));
    }

    /// A report whose title has no year, its publication date on a line of
    /// its own above the text: the year was the date's (2026, not 2025).
    #[test]
    fn a_publication_date_over_the_text_is_not_the_reports_year() {
        let d = doc(&[
            "某市财政局政府信息公开工作年度报告",
            "（2026年1月16日）",
            "一、总体情况",
            "2025年，本局认真贯彻落实《条例》。",
        ]);
        assert_eq!(locate(&d).year, Some(2025));
        for date in [
            "2026年1月16日",
            "发布日期：2026年01月16日",
            "二〇二六年一月十六日",
        ] {
            assert!(is_date_line(date), "{date}");
        }
        for not_date in ["2025年，本局认真贯彻落实", "2025年1月至12月", "2025年度"]
        {
            assert!(!is_date_line(not_date), "{not_date}");
        }
    }

    #[test]
    fn agency_from_signature_or_preamble() {
        let d = doc(&[
            "政府信息公开工作年度报告",
            "一、总体情况",
            "正文。",
            "某某县交通运输局",
            "2022年1月20日",
        ]);
        assert_eq!(agency_from_body(&d).as_deref(), Some("某某县交通运输局"));
        let d = doc(&[
            "本报告由某市财政局编制，统计期限自2021年1月1日起至12月31日止。",
            "正文。",
        ]);
        assert_eq!(agency_from_body(&d).as_deref(), Some("某市财政局"));
        let d = doc(&[
            "现公布年度报告。如对本报告有疑问，请与某市行政审批服务局联系（电话：0000-1234567）。",
            "正文。",
        ]);
        assert_eq!(agency_from_body(&d).as_deref(), Some("某市行政审批服务局"));
        let d = doc(&["某某部根据《中华人民共和国政府信息公开条例》要求，编制本年度报告。"]);
        assert_eq!(agency_from_body(&d).as_deref(), Some("某某部"));
        let d = doc(&["正文。", "2022年1月20日"]);
        assert_eq!(agency_from_body(&d), None);
    }

    #[test]
    fn agency_from_a_red_header_or_the_web_page_when_the_report_does_not_name_it() {
        // 红头: the issuing agency's `…文件` line over the title, with its
        // document number under it or not (the title had been 某市…委员会
        // 文件2025年…报告, the agency 某市…委员会文件).
        for number in [&["某发改〔2026〕3号"][..], &[]] {
            let texts: Vec<&str> = ["某市发展和改革委员会文件"]
                .iter()
                .chain(number)
                .chain(&["2025年政府信息公开工作年度报告", "一、总体情况", "正文。"])
                .copied()
                .collect();
            let d = doc(&texts);
            let found = locate(&d);
            assert_eq!(
                found.title.as_deref(),
                Some("2025年政府信息公开工作年度报告")
            );
            assert_eq!(found.agency.as_deref(), Some("某市发展和改革委员会"));
        }
        let bare = || {
            doc(&[
                "2025年政府信息公开工作年度报告",
                "一、总体情况",
                "正文。",
                "2026年1月16日",
            ])
        };
        assert_eq!(locate(&bare()).agency, None);
        // The page's metadata title names the agency its heading leaves out.
        let mut d = bare();
        d.page_info.title = Some("某县财政局2025年政府信息公开工作年度报告".into());
        d.page_info.source = Some("某县人民政府办公室".into());
        assert_eq!(locate(&d).agency.as_deref(), Some("某县财政局"));
        // …or its info line's source does; 本网 (the site) is no agency.
        let mut d = bare();
        d.page_info.title = Some("2025年政府信息公开工作年度报告".into());
        d.page_info.source = Some("某县财政局".into());
        assert_eq!(locate(&d).agency.as_deref(), Some("某县财政局"));
        d.page_info.source = Some("本网".into());
        assert_eq!(locate(&d).agency, None);
        // The report's own signature comes first.
        let mut d = doc(&[
            "2025年政府信息公开工作年度报告",
            "一、总体情况",
            "正文。",
            "某县交通运输局",
            "2026年1月16日",
        ]);
        d.page_info.source = Some("某县人民政府".into());
        assert_eq!(locate(&d).agency.as_deref(), Some("某县交通运输局"));
    }

    #[test]
    fn title_after_a_long_menu_and_not_the_announcement_line() {
        let mut texts: Vec<String> = (0..20).map(|i| format!("栏目{i}")).collect();
        texts.push("政府信息公开年度报告".into());
        texts.push("某市财政局2021年政府信息公开工作年度报告".into());
        texts.push("现将某市财政局2021年政府信息公开工作年度报告公布如下：".into());
        texts.push("一、总体情况".into());
        let doc = Document {
            blocks: texts
                .iter()
                .map(|t| {
                    Block::Paragraph(crate::model::Paragraph {
                        text: t.clone(),
                        heading_level: None,
                    })
                })
                .collect(),
            notes: Vec::new(),
            page_info: Default::default(),
        };
        let loc = locate(&doc);
        assert_eq!(
            loc.title.as_deref(),
            Some("某市财政局2021年政府信息公开工作年度报告")
        );
        assert_eq!(loc.agency.as_deref(), Some("某市财政局"));
    }

    fn title_of(texts: &[&str]) -> Option<String> {
        let with_heading: Vec<&str> = texts.iter().copied().chain(["一、总体情况"]).collect();
        locate(&doc(&with_heading)).title
    }

    /// A browser print of a web page: the site's menu bar over the title,
    /// or over the search box drawn as a table above it, is no agency line
    /// (the title had been 首页走进政务公开…专栏2025年…报告).
    #[test]
    fn a_printed_pages_menu_bar_over_its_title_is_not_the_agency() {
        let title = "2025年政府信息公开工作年度报告";
        let menu = "首页走进政务公开政务服务互动交流专题专栏";
        assert_eq!(title_of(&[menu, title]).as_deref(), Some(title));
        let search_box = Table::from_cells(vec![
            crate::model::Cell::of_text(0, 0, "请输入关键字".into()),
            crate::model::Cell::of_text(0, 1, "搜索".into()),
        ]);
        let mut d = doc(&["某市发展和改革委员会", title, "一、总体情况"]);
        d.blocks.insert(1, Block::Table(search_box));
        assert_eq!(locate(&d).title.as_deref(), Some(title));
    }

    /// A report titled 年报, and one published inside a notice (关于印发《…》
    /// 的通知): the report's title, its agency without 印发 (the first had
    /// no title nor agency, the second the agency 印发某市财政局).
    #[test]
    fn titles_of_a_year_report_and_of_a_notice_publishing_one() {
        let title = "某市财政局2023年政府信息公开年报";
        assert_eq!(title_of(&[title]).as_deref(), Some(title));
        // A menu's 政府信息公开年报 above it is no title.
        let menu = "政府信息公开年报";
        assert_eq!(title_of(&[menu, "通知公告", title]).as_deref(), Some(title));
        assert_eq!(title_of(&[menu, "通知公告"]), None);
        let title = "某市财政局2023年政府信息公开工作年度报告";
        // (its date in brackets after it: no list's link)
        let dated = format!("{title}（2024年1月16日）");
        assert_eq!(title_of(&[&dated]).as_deref(), Some(title));
        for notice in [
            "关于印发《某市财政局2023年政府信息公开工作年度报告》的通知",
            "关于印发某市财政局2023年政府信息公开工作年度报告的通知",
        ] {
            assert_eq!(title_of(&[notice]).as_deref(), Some(title));
            assert_eq!(
                agency_and_year(notice),
                (Some("某市财政局".into()), Some(2023))
            );
        }
    }

    /// A web page's site banner above a title that names no agency is no
    /// agency line: the title had become 某市发展和改革门户网站2025年…年度报告,
    /// the agency the web site. The report's signature names the agency.
    #[test]
    fn a_site_banner_over_a_title_without_its_agency_is_not_the_agency() {
        let title = "2025年政府信息公开工作年度报告";
        for banner in ["某市发展和改革门户网站", "中国某某网", "某县政务服务平台"]
        {
            assert_eq!(
                title_of(&[banner, title]).as_deref(),
                Some(title),
                "{banner}"
            );
        }
        let d = doc(&[
            "某市发展和改革门户网站",
            title,
            "一、总体情况",
            "六、其他需要报告的事项",
            "无。",
            "某市发展和改革委员会",
            "2026年1月16日",
        ]);
        assert_eq!(locate(&d).agency.as_deref(), Some("某市发展和改革委员会"));
        // An agency line over it still heads it.
        assert_eq!(
            title_of(&["某市发展和改革委员会", title]).as_deref(),
            Some("某市发展和改革委员会2025年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn two_line_title_with_the_year_on_the_agency_line() {
        assert_eq!(
            title_of(&["2019年某市人民政府办公厅", "政府信息公开工作年度报告"]).as_deref(),
            Some("2019年某市人民政府办公厅政府信息公开工作年度报告")
        );
    }

    /// A narrow page wraps a long agency's name on the title's first line
    /// (…街道办事 over 处) before the title's own line: the agency is
    /// whole (before, the title had none and the agency was lost).
    #[test]
    fn title_under_an_agency_line_wrapped_before_its_last_character() {
        assert_eq!(
            title_of(&[
                "保定市某某县五四路街道办事",
                "处",
                "2019年政府信息公开工作年",
                "度报告"
            ])
            .as_deref(),
            Some("保定市某某县五四路街道办事处2019年政府信息公开工作年度报告")
        );
        // A short line under a line that makes no agency name with it
        // joins nothing.
        assert_eq!(
            title_of(&["首页|政务公开", "图", "2019年政府信息公开工作年度报告"]).as_deref(),
            Some("2019年政府信息公开工作年度报告")
        );
    }

    /// A narrow column wraps the preamble (根据《…条例》规定，现公布2023年 /
    /// 度政府信息公开工作年度报告。本…) so that a line ends 年度报告: the
    /// line before it, a piece of a sentence, is no agency line (before,
    /// the title and agency were 息公开条例》规定，现公布…).
    #[test]
    fn a_wrapped_preamble_sentence_is_not_the_titles_agency_line() {
        assert_eq!(
            title_of(&[
                "某市生态环境局2023年政府信息公开工作年度报告",
                "根据《中华人民共和国政府信",
                "息公开条例》规定，现公布2023年",
                "度政府信息公开工作年度报告。本",
                "报告所列数据的统计期限自2023年",
            ])
            .as_deref(),
            Some("某市生态环境局2023年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn title_wrapped_before_its_last_characters() {
        assert_eq!(
            title_of(&[
                "某市应急管理局2023年度政府信息公开工作年",
                "度报告",
                "本报告依据条例编制。"
            ])
            .as_deref(),
            Some("某市应急管理局2023年度政府信息公开工作年度报告")
        );
        assert_eq!(
            title_of(&["某区人民政府2019年度政府信息公开", "工作年度报告"]).as_deref(),
            Some("某区人民政府2019年度政府信息公开工作年度报告")
        );
    }

    /// A print of a report page with a sidebar of links to other years'
    /// reports: a link and the title share a line (the link's end wrapping
    /// below it); the title and its year are the report's.
    #[test]
    fn title_beside_a_sidebar_link_on_one_line() {
        let texts = [
            "某市生态环境门户网站",
            "首页|政务公开|政务服务|互动交流|",
            "某市生态环境局2022年政府信息公开工某市生态环境局2023年政府信息公开工作年度报告",
            "作年度报告",
            "作年度报告",
            "某市生态环境局2020年政府信息公开工某市生态环境局2023年政府信息公开工作年度报告",
            "作年度报告",
        ];
        assert_eq!(
            title_of(&texts).as_deref(),
            Some("某市生态环境局2023年政府信息公开工作年度报告")
        );
        let with_heading: Vec<&str> = texts.iter().copied().chain(["一、总体情况"]).collect();
        assert_eq!(locate(&doc(&with_heading)).year, Some(2023));
        // A line past two titles' length is left whole.
        let long = format!(
            "{}{}",
            "某市生态环境局2022年政府信息公开工".repeat(20),
            texts[2]
        );
        assert_eq!(after_a_sidebar_link(&long), long);
        assert_eq!(
            after_a_sidebar_link(texts[2]),
            "某市生态环境局2023年政府信息公开工作年度报告"
        );
        // A title whose opening words come again inside it stays whole.
        assert_eq!(
            title_of(&["某县人民政府办公室某县人民政府2023年政府信息公开工作年度报告"]).as_deref(),
            Some("某县人民政府办公室某县人民政府2023年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn title_with_the_year_in_brackets_below_it() {
        assert_eq!(
            title_of(&["某市公安局政府信息公开工作年度报告", "（2020年度）"]).as_deref(),
            Some("某市公安局政府信息公开工作年度报告（2020年度）")
        );
    }

    #[test]
    fn title_below_a_list_of_other_reports_and_a_site_name() {
        assert_eq!(
            title_of(&[
                "某省审计门户网站",
                "相关信息",
                "某省审计厅2018年政府信息公开工作年度报告",
                "某市人民政府2020年政府信息公开工作年度报告2021-01-31",
                "共48条 1/3页 下一页",
                "2019年某省审计厅政府信息公开工作年度报告",
            ])
            .as_deref(),
            Some("2019年某省审计厅政府信息公开工作年度报告")
        );
        assert_eq!(
            title_of(&["标题：某县财政局2021年政府信息公开工作年度报告-某县人民政府"]).as_deref(),
            Some("某县财政局2021年政府信息公开工作年度报告")
        );
    }

    /// A paragraph block of `t`.
    fn para(t: &str) -> Block {
        Block::Paragraph(crate::model::Paragraph {
            text: t.into(),
            heading_level: None,
        })
    }

    #[test]
    fn a_short_figures_table_after_a_part_of_table_two_is_part_of_it() {
        let cell = |row: usize, col: usize, text: &str| crate::model::Cell {
            row,
            col,
            row_span: 1,
            col_span: 1,
            text: text.into(),
            blocks: Vec::new(),
            at: None,
        };
        let part = Table::from_cells(vec![
            cell(0, 0, "第二十条第（五）项"),
            cell(1, 0, "信息内容"),
            cell(1, 1, "上一年项目数量"),
            cell(2, 0, "行政许可"),
            cell(2, 1, "48"),
        ]);
        let carried = Table::from_cells(vec![
            cell(0, 0, "其他对外管理服务事项"),
            cell(0, 1, "30"),
            cell(0, 2, "0"),
            cell(0, 3, "485"),
        ]);
        let doc = Document {
            blocks: vec![
                para("二、主动公开政府信息情况"),
                Block::Table(part),
                Block::Table(carried.clone()),
                para("正文。"),
                Block::Table(carried),
            ],
            notes: Vec::new(),
            page_info: Default::default(),
        };
        let loc = locate(&doc);
        let kinds: Vec<TableKind> = loc.tables.iter().map(|(k, _)| *k).collect();
        // The one right after the part joins it; the one after prose does not.
        assert_eq!(kinds, vec![TableKind::Active, TableKind::Active]);
    }

    /// Table 四's row of figures printed with dashes for its zeros, under
    /// a header too narrow to read (its words cut and mixed: `果维持`), is
    /// still table 四 in its section: four figures among fifteen cells.
    #[test]
    fn table_fours_row_of_dashes_and_figures_is_table_four() {
        let row: Vec<crate::model::Cell> = "- 1 - - 1 - - - - - 1 - - - 1"
            .split(' ')
            .enumerate()
            .map(|(k, t)| crate::model::Cell::of_text(1, 4 + k, t.into()))
            .chain(
                ["果维持", "纠正", "结果", "审结"]
                    .iter()
                    .enumerate()
                    .map(|(k, t)| crate::model::Cell::of_text(0, 9 + k, (*t).into())),
            )
            .collect();
        let doc = Document {
            blocks: vec![
                para("四、政府信息公开行政复议、行政诉讼情况"),
                para("行政复议行政诉讼"),
                Block::Table(Table::from_cells(row)),
                para("五、存在的主要问题及改进情况"),
            ],
            notes: Vec::new(),
            page_info: Default::default(),
        };
        let kinds: Vec<TableKind> = locate(&doc).tables.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, vec![TableKind::Reviews]);
    }

    /// `clean_line` as first written, looking ahead from every space: the
    /// oracle for the one above.
    fn reference_clean_line(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let chars: Vec<char> = s.trim_matches(is_space).chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if is_space(c) {
                let prev = out.chars().last();
                let next = chars[i + 1..].iter().find(|c| !is_space(**c)).copied();
                let cjk = |c: Option<char>| c.is_some_and(|c| (c as u32) >= 0x2E80);
                if prev == Some(' ') || cjk(prev) || cjk(next) || next.is_none() {
                    continue;
                }
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Lines are cleaned as the look-ahead-per-space version cleaned them,
    /// in random text of spaces of every kind, CJK and ASCII.
    #[test]
    fn clean_line_is_as_the_reference() {
        let alphabet: Vec<char> = " \u{3000}\t\u{a0}年报aZ1-".chars().collect();
        let mut seed = 0x9e37_79b9u64;
        for n in 0..20_000 {
            let line = crate::text::random_text(&mut seed, &alphabet, n % 17);
            assert_eq!(clean_line(&line), reference_clean_line(&line), "{line:?}");
        }
    }

    #[test]
    fn clean_line_drops_cjk_spaces() {
        assert_eq!(clean_line(" 2020 年 政府 "), "2020年政府");
        assert_eq!(clean_line("LED  display"), "LED display");
    }
}
