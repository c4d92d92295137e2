//! A side column beside a page's text. A report published as a web page and
//! printed by a browser keeps the site's side column (相关信息: links to the
//! body's reports of other years) to the right or left of the report, its
//! lines at heights of their own: grouped by height with the report's, a
//! link's words are woven into the title and the paragraphs beside it. Here
//! the page's free words (those of no ruled table) are split at a vertical
//! strip no word and no ruled table crosses, when the
//! narrower side is a column of text beside a wider column of text — not a
//! borderless table's labels beside its figures, nor a signature below a
//! page's last lines — and the side column is left out, as the HTML reader
//! leaves a page's side bar out.

use super::TextChar;
use super::stream::{Word, WordLine};

/// The side column is at most this share of the text's whole width.
const MAX_SIDE_SHARE: f32 = 0.45;
/// Each side's characters are at least this share words, not figures.
const MIN_TEXT_SHARE: f32 = 0.75;
/// The side column holds at least this many characters, and the main
/// column at least `MAIN_TO_SIDE` times as many as the side.
const MIN_SIDE_CHARS: usize = 8;
const MAIN_TO_SIDE: usize = 2;

/// At most this share of the side column's lines stand at the height of a
/// line of the main column: a table's columns share their rows' lines, a
/// side column's lines fall where they may.
const MAX_ALIGNED_SHARE: f32 = 0.5;

/// At least this share of the side column's height is beside the main
/// column's text (a signature below a page's last lines is not a column).
const MIN_BESIDE_SHARE: f32 = 0.8;

/// Most characters of the main column looked at for one side line (a
/// hostile page could stack every character at one height).
const MAX_SCAN: usize = 256;

/// Most strips whose sides are weighed (the widest): a page of prose has
/// none, a borderless table a few.
const MAX_CANDIDATES: usize = 8;

/// A character of a cell's figure or of its blank mark (a digit, ASCII
/// punctuation, a dash, 无), by its text's first character.
fn is_figure_text(text: &str) -> bool {
    text.chars().next().is_some_and(|ch| {
        crate::text::is_digit(ch)
            || ch.is_ascii_punctuation()
            || matches!(ch, '—' | '–' | '－' | '／' | '无')
    })
}

/// Most lines at a page's top looked past for a side column: the site's
/// name and menu bar run across both columns above it.
const MAX_HEAD_LINES: usize = 3;

/// Splits a page's free characters, grouped into `lines` of words (top to
/// bottom), into (main, side) positions into `chars`, ascending, when a side
/// column stands beside the page's text; `blocked` are the horizontal
/// extents of ruled tables, which no split may cross. `body` is the page's
/// body font size. None when there is no side column. The page's first few
/// lines may run across both columns (a web page's banner and menu over its
/// side column): they are the main column's.
pub fn split_side_column(
    chars: &[TextChar],
    lines: &[WordLine],
    blocked: &[(f32, f32)],
    body: f32,
) -> Option<(Vec<usize>, Vec<usize>)> {
    // Each word with its characters of words and of figures, counted once
    // for every try below.
    let words: Vec<Counted> = lines
        .iter()
        .enumerate()
        .flat_map(|(line, l)| l.words.iter().map(move |w| (line, w)))
        .map(|(line, w)| {
            let figures = w.glyphs.iter().filter(|g| is_figure_text(&g.2)).count();
            Counted {
                word: w,
                line,
                words: w.glyphs.len() - figures,
                figures,
            }
        })
        .collect();
    // Every word's extent and index, and the ruled tables' (after every
    // word), in order of their left edges: sorted once for every try.
    let mut spans: Vec<(f32, f32, usize)> = words
        .iter()
        .enumerate()
        .map(|(i, c)| (c.word.x0, c.word.x1, i))
        .chain(blocked.iter().map(|&(x0, x1)| (x0, x1, usize::MAX)))
        .filter(|(x0, x1, _)| x0.is_finite() && x1.is_finite() && x0 <= x1)
        .collect();
    spans.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut first_word = 0;
    // Strips already weighed: with lines left out they only widen, and a
    // strip that was no column stays none (only strips the left-out lines
    // crossed are new).
    let mut tried: Vec<(f32, f32)> = Vec::new();
    for (head, line) in lines.iter().enumerate().take(MAX_HEAD_LINES + 1) {
        let split = split_words(chars, &words, first_word, &spans, body, &mut tried);
        if let Some((mut main, side)) = split {
            if head > 0 {
                main.extend(words[..first_word].iter().flat_map(|c| &c.word.chars));
                main.sort_unstable();
            }
            return Some((main, side));
        }
        first_word += line.words.len();
    }
    None
}

/// A word with its line's index and its count of characters of words and
/// of figures.
struct Counted<'a> {
    word: &'a Word,
    line: usize,
    words: usize,
    figures: usize,
}

/// [`split_side_column`] over `words` from `first_word` on, whose extents
/// (and the ruled tables') are `spans`, sorted by their left edges.
fn split_words(
    chars: &[TextChar],
    words: &[Counted],
    first_word: usize,
    spans: &[(f32, f32, usize)],
    body: f32,
    tried: &mut Vec<(f32, f32)>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let words = &words[first_word..];
    let n_chars: usize = words.iter().map(|c| c.word.chars.len()).sum();
    if n_chars < MIN_SIDE_CHARS * (1 + MAIN_TO_SIDE) {
        return None;
    }
    // The gaps between the extents, swept in order of their left edges: a
    // strip is wider than any gap inside a word.
    let mut spans = spans.iter().filter(|s| s.2 >= first_word);
    let &(first, mut last, _) = spans.next()?;
    let mut gaps: Vec<(f32, f32)> = Vec::new();
    for &(x0, x1, _) in spans {
        if x0 > last {
            gaps.push((last, x0));
        }
        last = last.max(x1);
    }
    let total = last - first;
    // A web page's columns may stand under 2 pt apart (a side column's
    // text filling its width, the report's starting at its edge); the tests
    // below, not the strip's width, tell a column from a table's or a
    // line's gap.
    let min_gap = (0.1 * body).max(1.0);
    gaps.retain(|&(s, e)| {
        e - s >= min_gap
            && (s - first).min(last - e) <= MAX_SIDE_SHARE * total
            && !tried.iter().any(|t| s <= t.0 && t.1 <= e)
    });
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_unstable_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
    gaps.truncate(MAX_CANDIDATES);
    tried.extend(&gaps);
    // Characters of words and of figures of the words left of `x` (no word
    // starts in a strip, so a strip's left side is what starts before it).
    let left_of = |x: f32| {
        words
            .iter()
            .filter(|c| c.word.x0 < x)
            .fold((0, 0), |(w, f), c| (w + c.words, f + c.figures))
    };
    let (all_words, all_figures) = left_of(f32::INFINITY);
    let text_like = |w: usize, f: usize| w as f32 >= MIN_TEXT_SHARE * (w + f) as f32;
    // The side column is the narrower side of a strip.
    let side_is_right = |s: f32, e: f32| last - e < s - first;
    let (gs, ge) = gaps.into_iter().find(|&(s, e)| {
        let (lw, lf) = left_of(s);
        let (rw, rf) = (all_words - lw, all_figures - lf);
        let ((sw, sf), (mw, mf)) = if side_is_right(s, e) {
            ((rw, rf), (lw, lf))
        } else {
            ((lw, lf), (rw, rf))
        };
        sw + sf >= MIN_SIDE_CHARS
            && mw + mf >= MAIN_TO_SIDE * (sw + sf)
            && text_like(sw, sf)
            && text_like(mw, mf)
    })?;
    let right = side_is_right(gs, ge);
    if row_across(words, gs) {
        return None;
    }
    let (mut main, mut side) = (Vec::new(), Vec::new());
    for c in words {
        if (c.word.x0 >= ge) == right {
            side.extend(&c.word.chars);
        } else {
            main.extend(&c.word.chars);
        }
    }
    main.sort_unstable();
    side.sort_unstable();
    // A column: its characters stand on two lines or more beside the main
    // column's text, most of them at heights where that has no line.
    let (top, bottom) = vertical_extent(chars, &side);
    let (main_top, main_bottom) = vertical_extent(chars, &main);
    let beside = bottom.min(main_bottom) - top.max(main_top) >= MIN_BESIDE_SHARE * (bottom - top);
    let stands_apart = bottom - top >= 2.5 * body && beside && !aligned_with(chars, &main, &side);
    stands_apart.then_some((main, side))
}

/// Whether a line is a borderless table's row across a strip starting at
/// `x`: figures (three or more) on both sides of it (the header's right
/// columns, set apart from the left ones on a narrow page, looked like a
/// side column of words), or a row's label (`5.属于…`, `（一）…`) left of it
/// and two figures or more right of it (a table of few rows under a title
/// on the left looked like a column of labels). A side column's lines (a
/// link, a date) and the report's beside them are neither.
fn row_across(words: &[Counted], x: f32) -> bool {
    // (a count: figure characters only, a digit among them; not a mark
    // such as `**`)
    let figure = |c: &&Counted| {
        c.figures > 0 && c.words == 0 && c.word.text.chars().any(crate::text::is_digit)
    };
    // (Words come line by line, left to right.)
    words.chunk_by(|a, b| a.line == b.line).any(|line| {
        let (left, right) = line.iter().filter(figure).fold((0, 0), |(l, r), c| {
            if c.word.x0 < x {
                (l + 1, r)
            } else {
                (l, r + 1)
            }
        });
        let labelled = line
            .first()
            .is_some_and(|c| c.word.x0 < x && super::layout::starts_label(&c.word.text));
        (left > 0 && right > 0 && left + right >= 3) || (labelled && right >= 2)
    })
}

/// The top and bottom of characters `idx`.
fn vertical_extent(chars: &[TextChar], idx: &[usize]) -> (f32, f32) {
    idx.iter().fold((f32::MAX, f32::MIN), |(t, b), &i| {
        (t.min(chars[i].y0), b.max(chars[i].y1))
    })
}

/// Whether more than [`MAX_ALIGNED_SHARE`] of the lines of `side` have a
/// character of `main` at their height (top and bottom within a quarter of
/// the line's height).
fn aligned_with(chars: &[TextChar], main: &[usize], side: &[usize]) -> bool {
    let side_refs: Vec<&TextChar> = side.iter().map(|i| &chars[*i]).collect();
    let (order, runs) = super::stream::reading_lines(&side_refs);
    // The main column's characters by bottom edge, for a search by height.
    let mut bottoms: Vec<(f32, f32)> = main
        .iter()
        .map(|i| (chars[*i].y1, chars[*i].y0))
        .filter(|(y1, y0)| y1.is_finite() && y0.is_finite())
        .collect();
    bottoms.sort_by(|a, b| a.0.total_cmp(&b.0));
    let aligned = runs
        .iter()
        .filter(|run| {
            let line = &order[(*run).clone()];
            let (y0, y1) = line.iter().fold((f32::MAX, f32::MIN), |(t, b), &p| {
                (t.min(side_refs[p].y0), b.max(side_refs[p].y1))
            });
            let tol = 0.25 * (y1 - y0);
            let from = bottoms.partition_point(|(b, _)| *b < y1 - tol);
            bottoms[from..]
                .iter()
                .take_while(|(b, _)| *b <= y1 + tol)
                .take(MAX_SCAN)
                .any(|(_, t)| (t - y0).abs() <= tol)
        })
        .count();
    aligned as f32 > MAX_ALIGNED_SHARE * runs.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of `n` glyphs of `text` from `x0`, one every `pitch` from `y0`.
    fn column(out: &mut Vec<TextChar>, text: &str, x0: f32, n: usize, y0: f32, pitch: f32) {
        for (k, ch) in text.chars().enumerate() {
            let (line, at) = (k / n, k % n);
            out.push(TextChar::square(
                &ch.to_string(),
                x0 + 10.0 * at as f32,
                y0 + pitch * line as f32,
                10.0,
            ));
        }
    }

    /// The split of a page of `chars` (all free), grouped as the layout
    /// groups them.
    fn split(chars: &[TextChar], blocked: &[(f32, f32)]) -> Option<(Vec<usize>, Vec<usize>)> {
        let all: Vec<usize> = (0..chars.len()).collect();
        let lines = super::super::stream::word_lines(chars, &all, 0.6);
        split_side_column(chars, &lines, blocked, 10.0)
    }

    #[test]
    fn a_column_of_links_beside_prose_is_split_off() {
        let mut chars = Vec::new();
        let prose = "本报告根据中华人民共和国政府信息公开条例编制报告中所列数据统计期限自一月一日起至十二月三十一日止".repeat(3);
        column(&mut chars, &prose, 30.0, 40, 100.0, 13.0);
        let main_len = chars.len();
        column(
            &mut chars,
            "七星区文化和旅游局二〇二一年政府信息公开工作年度报告",
            440.0,
            10,
            95.0,
            13.5,
        );
        let (main, side) = split(&chars, &[]).expect("a side column");
        assert_eq!(main, (0..main_len).collect::<Vec<_>>());
        assert_eq!(side, (main_len..chars.len()).collect::<Vec<_>>());
        // A ruled table across the strip: no split.
        assert!(split(&chars, &[(20.0, 500.0)]).is_none());
    }

    /// A web page printed with its side column nearly touching the text
    /// (1.7 pt apart) under the site's menu bar, which runs across both:
    /// the links to other years' reports were woven into the title, and
    /// another year's title was read as the report's.
    #[test]
    fn a_side_column_under_a_menu_across_both_columns_is_split_off() {
        let mut chars = Vec::new();
        for (k, item) in ["首页", "政务公开", "政务服务", "互动交流", "走进本市"]
            .iter()
            .enumerate()
        {
            column(&mut chars, item, 30.0 + 70.0 * k as f32, 10, 60.0, 13.0);
        }
        let menu = chars.len();
        let prose = "本报告根据中华人民共和国政府信息公开条例编制报告中所列数据统计期限自一月一日起至十二月三十一日止".repeat(5);
        column(&mut chars, &prose, 131.7, 40, 100.0, 13.0);
        let main_len = chars.len();
        // (between the text's lines: on one with a line of text, the two
        // would be one word)
        column(
            &mut chars,
            "七星区文化和旅游局二〇二一年政府信息公开工作年度报告",
            30.0,
            10,
            106.5,
            26.0,
        );
        let (main, side) = split(&chars, &[]).expect("a side column");
        assert_eq!(main, (0..main_len).collect::<Vec<_>>());
        assert_eq!(side, (main_len..chars.len()).collect::<Vec<_>>());
        // Without the menu the same.
        let below: Vec<TextChar> = chars[menu..].to_vec();
        let (_, side) = split(&below, &[]).expect("a side column");
        assert_eq!(side.len(), chars.len() - main_len);
    }

    #[test]
    fn a_borderless_tables_labels_beside_its_figures_are_not_a_column() {
        let mut chars = Vec::new();
        for (row, label) in ["规章", "规范性文件", "行政许可", "行政处罚", "行政强制"]
            .iter()
            .enumerate()
        {
            let y = 100.0 + 20.0 * row as f32;
            column(&mut chars, label, 30.0, 10, y, 13.0);
            for (k, figure) in ["12", "3", "405"].iter().enumerate() {
                column(&mut chars, figure, 200.0 + 80.0 * k as f32, 10, y, 13.0);
            }
        }
        assert!(split(&chars, &[]).is_none());
    }

    /// Table 三 on a page 14 cm high: its header's right columns (社会公益
    /// 组织, 法律服务机构, 其他, 总计) stand apart from the left ones, their
    /// lines at heights of their own, under header lines across both; its
    /// first row's figures run across the gap. The right columns and the
    /// row's last figures were left out as a web page's side column.
    #[test]
    fn a_tables_header_columns_over_a_row_of_figures_across_are_not_a_column() {
        let mut chars = Vec::new();
        let mut put = |text: &str, x0: f32, y0: f32| column(&mut chars, text, x0, 40, y0, 13.0);
        put("申请人情况", 360.0, 60.0);
        put("法人或其他组织", 350.0, 85.0);
        put("本列数据的勾稽关系为第一项加第二项之", 30.0, 110.0);
        put("和等于第三项加第四项之和", 30.0, 125.0);
        put("自然人", 250.0, 125.0);
        for (x, text) in [(390.0, "社会"), (430.0, "法律"), (470.0, "总计")] {
            put(text, x, 125.0);
        }
        put("商业", 300.0, 140.0);
        put("科研", 340.0, 140.0);
        for (x, text) in [(390.0, "公益组"), (430.0, "服务机"), (470.0, "其他")] {
            put(text, x, 147.0);
        }
        put("企业", 300.0, 155.0);
        put("机构", 340.0, 155.0);
        put("织", 395.0, 162.0);
        put("构", 435.0, 162.0);
        put("一本年新收政府信息公开申请数量", 30.0, 180.0);
        for (x, figure) in [255.0, 305.0, 345.0, 395.0, 435.0, 475.0, 515.0]
            .into_iter()
            .zip(["1", "0", "0", "0", "0", "0", "1"])
        {
            put(figure, x, 180.0);
        }
        assert!(split(&chars, &[]).is_none());
    }

    /// A table of one row under its header, a title over the labels on
    /// the left: the title and the row's label stand apart from the header
    /// words and figures, as a column would; the label at the figures'
    /// height says it is a row.
    #[test]
    fn a_rows_label_left_of_its_figures_is_not_a_column() {
        let mut chars = Vec::new();
        let mut put = |text: &str, x0: f32, y0: f32| column(&mut chars, text, x0, 40, y0, 13.0);
        for (x, y, text) in [
            (70.0, 100.0, "申请人情况"),
            (390.0, 119.0, "法人或其他组织"),
            (294.0, 138.0, "自然人"),
            (455.0, 138.0, "社会"),
            (555.0, 138.0, "总计"),
            (355.0, 147.0, "商业"),
            (405.0, 147.0, "科研"),
            (449.0, 157.0, "公益组"),
            (505.0, 157.0, "其他"),
            (355.0, 166.0, "企业"),
            (405.0, 166.0, "机构"),
            (461.0, 176.0, "织"),
            (118.0, 215.0, "5.属于三类内部事务信息"),
        ] {
            put(text, x, y);
        }
        for (x, figure) in [306.0, 361.0, 411.0, 461.0, 511.0, 561.0]
            .into_iter()
            .zip(["1", "0", "0", "0", "0", "1"])
        {
            put(figure, x, 215.0);
        }
        assert!(split(&chars, &[]).is_none());
    }

    #[test]
    fn prose_across_the_page_and_one_line_beside_text_are_not_columns() {
        let mut chars = Vec::new();
        let prose = "本报告根据中华人民共和国政府信息公开条例编制".repeat(4);
        column(&mut chars, &prose, 30.0, 40, 100.0, 13.0);
        assert!(split(&chars, &[]).is_none());
        // A short line to the right of a short paragraph, on one height.
        let mut chars = Vec::new();
        column(&mut chars, &prose, 30.0, 20, 100.0, 13.0);
        column(
            &mut chars,
            "二〇二三年一月二十日印发",
            400.0,
            20,
            100.0,
            13.0,
        );
        assert!(split(&chars, &[]).is_none());
    }
}
