//! Tables without vertical rulings (borderless, or 三线表 with horizontal
//! rules only): rows are text lines holding several separated figures,
//! columns come from where those figures align, and a figure is placed in
//! the column it sits under — a blank cell stays blank instead of letting
//! the next value slide left.

use super::TextChar;
use crate::model::{Cell, PageBox, Table};
use ecow::EcoString;

/// Label words of a row are cells 0.., figures start at this column.
pub(crate) const LABEL_COLS: usize = 4;

/// A run of characters without a wide gap.
#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub text: String,
    /// Indices of the characters in the page's character list.
    pub chars: Vec<usize>,
    /// Each character's text and horizontal extent, in order (text kept
    /// inline: a page of prose has thousands).
    pub glyphs: Vec<(f32, f32, EcoString)>,
}

impl Word {
    fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

#[derive(Debug, Clone)]
pub struct WordLine {
    pub y0: f32,
    pub y1: f32,
    pub size: f32,
    pub words: Vec<Word>,
    /// How many of the words, from the end, are figures ([`figures`]),
    /// counted when first asked: the table tests ask it of a line many
    /// times, and a line's words do not change once it is looked at.
    figure_count: std::cell::OnceCell<usize>,
}

/// Characters grouped into lines: `order` holds their indices sorted by
/// height on the page, then left to right, and each run of it whose
/// characters overlap vertically is one line. Made once per page for both
/// the word lines here and the page's text lines.
pub struct LineGroups {
    pub order: Vec<usize>,
    pub runs: Vec<std::ops::Range<usize>>,
}

pub fn line_groups(chars: &[TextChar], idx: &[usize]) -> LineGroups {
    let refs: Vec<&TextChar> = idx.iter().map(|i| &chars[*i]).collect();
    let (positions, runs) = reading_lines(&refs);
    LineGroups {
        order: positions.into_iter().map(|p| idx[p]).collect(),
        runs,
    }
}

/// The reading order of `chars` — by height on the page, then left to right,
/// ties in their given order — as positions into `chars`, and the runs of
/// it that overlap vertically: the lines.
pub(super) fn reading_lines(chars: &[&TextChar]) -> (Vec<usize>, Vec<std::ops::Range<usize>>) {
    // Sorted by keys copied out of the characters (the comparisons stay in
    // cache): (cy, x0) as one integer ordered as `f32::total_cmp` orders
    // the pair, each key with its position; the sort is stable, so equal
    // keys keep their given order.
    let mut finite = true;
    let mut keys: Vec<(u64, u32)> = chars
        .iter()
        .zip(0u32..)
        .map(|(c, k)| {
            finite &= c.y0.is_finite() & c.y1.is_finite();
            (
                (u64::from(total_order(c.cy())) << 32) | u64::from(total_order(c.x0)),
                k,
            )
        })
        .collect();
    keys.sort_by_key(|k| k.0);
    let order: Vec<usize> = keys.iter().map(|k| k.1 as usize).collect();
    let runs = if finite {
        vertical_runs::<true>(chars, &order)
    } else {
        vertical_runs::<false>(chars, &order)
    };
    let runs = split_overprinted_lines(chars, &order, runs);
    (order, runs)
}

/// How far apart (a fraction of the smaller glyph's height) the centres
/// of two lines printed over each other must be to be told apart: more
/// than a fake bold's or a shadow's offset, less than the step between
/// lines set closer than their type (exact line spacing below the font
/// size, a cell's text overflowing onto the next).
const OVERPRINT_STEP: f32 = 0.15;

/// A line's bands at most this many are looked at (more: kept whole).
const MAX_OVERPRINT_BANDS: usize = 16;

/// Runs of [`vertical_runs`] that are two lines printed over each other
/// (their glyphs overlapping in height, as text set with line spacing
/// below its size prints): split where the centres step down and the
/// glyphs below stand on those above. A line's glyphs never cover each
/// other, so glyphs on the same spot are two lines, which read left to
/// right together interleave character by character (`2022年政府南信康…`).
/// A line of mixed sizes or a raised mark steps too, but beside its
/// neighbours, not on them: kept whole.
fn split_overprinted_lines(
    chars: &[&TextChar],
    order: &[usize],
    runs: Vec<std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let at = |k: usize| chars[order[k]];
    let steps_at = |k: usize| {
        let (a, b) = (at(k - 1), at(k));
        let h = (a.y1 - a.y0).min(b.y1 - b.y0);
        b.cy() - a.cy() >= OVERPRINT_STEP * h
    };
    let mut out = Vec::with_capacity(runs.len());
    let mut cuts: Vec<usize> = Vec::new();
    let mut above: Vec<(f32, f32, usize)> = Vec::new();
    for run in runs {
        cuts.clear();
        if run.len() >= 4 {
            cuts.extend((run.start + 1..run.end).filter(|k| steps_at(*k)));
        }
        if cuts.is_empty() || cuts.len() >= MAX_OVERPRINT_BANDS {
            out.push(run);
            continue;
        }
        cuts.push(run.end);
        let mut line = run.start..cuts[0];
        for w in cuts.windows(2) {
            let band = w[0]..w[1];
            if overprints(&line, &band, &at, &mut above) {
                out.push(std::mem::replace(&mut line, band));
            } else {
                line.end = band.end;
            }
        }
        out.push(line);
    }
    out
}

/// Whether two glyphs or more of `band` cover glyphs of `line` (by more
/// than half the narrowest one's width, between its two nearest), or
/// `band`'s one glyph does (a line's last character wrapped under it), a
/// glyph repeated on the same spot (fake bold, a shadow) not counted.
/// `above`: scratch space.
fn overprints<'c>(
    line: &std::ops::Range<usize>,
    band: &std::ops::Range<usize>,
    at: &impl Fn(usize) -> &'c TextChar,
    above: &mut Vec<(f32, f32, usize)>,
) -> bool {
    above.clear();
    above.extend(line.clone().map(|k| (at(k).x0, at(k).x1, k)));
    above.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut hits = 0;
    for k in band.clone() {
        let c = at(k);
        // Glyphs of one line stand apart: those starting before this one
        // ends, nearest first, are the only ones that can cover it.
        let end = above.partition_point(|a| a.0 < c.x1);
        let (mut width, mut covered) = (c.x1 - c.x0, 0.0);
        for &(x0, x1, j) in above[..end].iter().rev().take(2) {
            if at(j).text == c.text && (x0 - c.x0).abs() < 0.3 * c.size.max(1.0) {
                // The same glyph drawn again.
                covered = 0.0;
                break;
            }
            width = width.min(x1 - x0);
            covered += (c.x1.min(x1) - c.x0.max(x0)).max(0.0);
        }
        hits += usize::from(covered > 0.5 * width);
        if hits >= 2 {
            return true;
        }
    }
    hits == band.len()
}

/// The runs of `order` whose characters overlap vertically. With `FINITE`
/// (every edge finite, as on any real page) minima and maxima are plain
/// comparisons: `f32::min`'s NaN checks cost a third of the pass, and
/// without NaN the two agree (up to the sign of a zero, which no test
/// here can see).
fn vertical_runs<const FINITE: bool>(
    chars: &[&TextChar],
    order: &[usize],
) -> Vec<std::ops::Range<usize>> {
    let min = |a: f32, b: f32| {
        if !FINITE {
            a.min(b)
        } else if a < b {
            a
        } else {
            b
        }
    };
    let max = |a: f32, b: f32| {
        if !FINITE {
            a.max(b)
        } else if a > b {
            a
        } else {
            b
        }
    };
    let mut runs = Vec::new();
    let mut start = 0;
    while start < order.len() {
        // The run's vertical extent, kept as it grows (one pass).
        let first = chars[order[start]];
        let (mut gy0, mut gy1) = (first.y0, first.y1);
        let mut end = start + 1;
        while let Some(c) = order.get(end).map(|i| chars[*i]) {
            // Written as the join test (not its negation): NaN never joins.
            let joins = min(c.y1, gy1) - max(c.y0, gy0) > 0.5 * min(c.y1 - c.y0, gy1 - gy0);
            if !joins {
                break;
            }
            gy0 = min(gy0, c.y0);
            gy1 = max(gy1, c.y1);
            end += 1;
        }
        runs.push(start..end);
        start = end;
    }
    runs
}

/// `v` as an integer that orders as [`f32::total_cmp`] orders floats: the
/// sign bit flipped for positives, every bit for negatives.
fn total_order(v: f32) -> u32 {
    let bits = v.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// Lines of words from characters (by vertical overlap, then left to right);
/// a gap wider than `gap` × the font size starts a new word.
pub fn word_lines(chars: &[TextChar], idx: &[usize], gap: f32) -> Vec<WordLine> {
    word_lines_of(chars, &line_groups(chars, idx), gap)
}

/// [`word_lines`] over lines already grouped.
pub fn word_lines_of(chars: &[TextChar], groups: &LineGroups, gap: f32) -> Vec<WordLine> {
    let mut g: Vec<usize> = Vec::new();
    let mut sizes: Vec<f32> = Vec::new();
    groups
        .runs
        .iter()
        .map(|run| {
            let size = line_in_x_order(chars, &groups.order[run.clone()], &mut g, &mut sizes);
            let mut words: Vec<Word> = Vec::new();
            let n = g.len();
            for (k, &i) in g.iter().enumerate() {
                let c = &chars[i];
                let joins = words.last().is_some_and(|w| c.x0 - w.x1 <= gap * size);
                if !joins {
                    // Sized for the rest of the line, up to a bound: a line of
                    // prose is one word, grown a character at a time, while a
                    // line of many short words must not reserve the line for
                    // each of them.
                    let room = (n - k).min(64);
                    words.push(Word {
                        x0: c.x0,
                        x1: c.x1,
                        y0: c.y0,
                        y1: c.y1,
                        text: String::with_capacity(room * c.text.len()),
                        chars: Vec::with_capacity(room),
                        glyphs: Vec::with_capacity(room),
                    });
                }
                if let Some(w) = words.last_mut() {
                    w.x1 = w.x1.max(c.x1);
                    w.y0 = w.y0.min(c.y0);
                    w.y1 = w.y1.max(c.y1);
                    w.text.push_str(&c.text);
                    w.chars.push(i);
                    w.glyphs.push((c.x0, c.x1, c.text.clone()));
                }
            }
            let y0 = words.iter().map(|w| w.y0).fold(f32::MAX, f32::min);
            let y1 = words.iter().map(|w| w.y1).fold(f32::MIN, f32::max);
            WordLine {
                y0,
                y1,
                size,
                words,
                figure_count: Default::default(),
            }
        })
        .collect()
}

/// A line's characters left to right into `g`, and the line's font size
/// (the median, at least 1): what [`word_lines_of`] splits words by.
fn line_in_x_order(
    chars: &[TextChar],
    line: &[usize],
    g: &mut Vec<usize>,
    sizes: &mut Vec<f32>,
) -> f32 {
    g.clear();
    g.extend_from_slice(line);
    g.sort_by(|a, b| chars[*a].x0.total_cmp(&chars[*b].x0));
    sizes.clear();
    sizes.extend(g.iter().map(|i| chars[*i].size));
    let mid = sizes.len() / 2;
    sizes.select_nth_unstable_by(mid, f32::total_cmp).1.max(1.0)
}

/// Signs and separators within a figure (tested by `matches!`, not
/// `str::contains`: these tests run on every word of every line).
fn is_sign_or_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '+' | '-' | '％' | '%')
}

/// Dashes and slashes printed for a blank cell.
fn is_blank_mark(c: char) -> bool {
    matches!(
        c,
        '—' | '-' | '－' | '‒' | '―' | '─' | '⸺' | '⸻' | '/' | '／'
    )
}

use crate::text::is_digit;

/// A figure or a blank marker as printed in a table cell.
pub(super) fn is_figure(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    // Plain digits, most figures, and blank marks alone (`/`, `—`), most
    // blank cells, without copying them.
    if s.bytes().all(|b| b.is_ascii_digit()) || s.chars().all(is_blank_mark) {
        return true;
    }
    could_be_figure(s) && is_figure_by_rules(s)
}

/// False when a character before any bracket can be in no figure: a line
/// of prose opening with a year (`2019年，…`) is turned away at its second
/// character instead of copied and taken through every rule.
fn could_be_figure(s: &str) -> bool {
    // Digits, signs, blank marks, 无, 持平, the words of a change (增加,
    // 减少) and units (件 条 个 项 元), in either script (減少3, 無). The
    // cheap tests first: `char::is_whitespace` searches a table for every
    // CJK character, and no ideograph is white space.
    s.chars().take_while(|c| !matches!(c, '（' | '(')).all(|c| {
        is_digit(c)
            || is_sign_or_separator(c)
            || is_blank_mark(c)
            || is_figure_word_char(c)
            || if is_ideograph(c) {
                is_figure_word_char(crate::text::fold_char(c))
            } else {
                c.is_whitespace()
            }
    })
}

/// CJK ideographs (the only characters folded here: a full-width comma
/// stays what it is).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_figure_word_char(c: char) -> bool {
    matches!(
        c,
        '无' | '持' | '平' | '增' | '加' | '减' | '少' | '件' | '条' | '个' | '项' | '元'
    )
}

/// Bytes of text whose characters [`is_figure_by_rules`] keeps on the
/// stack (a figure is short; longer text is collected on the heap).
const SHORT_FIGURE_BYTES: usize = 32;

/// [`is_figure`]'s rules, for text that passed its quick tests.
fn is_figure_by_rules(s: &str) -> bool {
    // Every figure starts with a digit, a sign, a dash, 无, 持 (持平), 增 or
    // 减: a line of prose is turned away before it is copied.
    // Traditional characters as simplified (減少3 is 减少3).
    let simplified = |c: char| {
        if is_ideograph(c) {
            crate::text::fold_char(c)
        } else {
            c
        }
    };
    let Some(first) = s.chars().find(|c| !c.is_whitespace()).map(simplified) else {
        return false;
    };
    if !(is_digit(first)
        || is_sign_or_separator(first)
        || is_blank_mark(first)
        || matches!(first, '无' | '持' | '增' | '减'))
    {
        return false;
    }
    // The characters without white space, simplified: on the stack when
    // the text is short (it has at most as many characters as bytes), as
    // this runs on every word of every line of a borderless table.
    let kept = s.chars().filter(|c| !c.is_whitespace()).map(simplified);
    if s.len() <= SHORT_FIGURE_BYTES {
        let mut buf = ['\0'; SHORT_FIGURE_BYTES];
        let mut n = 0;
        for c in kept {
            buf[n] = c;
            n += 1;
        }
        figure_rules(&buf[..n])
    } else {
        figure_rules(&kept.collect::<Vec<char>>())
    }
}

/// The rules of [`is_figure_by_rules`] over its text's characters.
fn figure_rules(t: &[char]) -> bool {
    // A figure with a bracketed note: 22（其中修订16件）.
    let t = match t.iter().position(|c| matches!(c, '（' | '(')) {
        Some(i) if i > 0 && matches!(t.last(), Some('）' | ')')) => &t[..i],
        _ => t,
    };
    // A change as words: 增加6, 减少2, 持平.
    if t == ['持', '平'] {
        return true;
    }
    let mut t = [&['增', '加'][..], &['减', '少'], &['增'], &['减']]
        .iter()
        .find_map(|p| t.strip_prefix(*p))
        .unwrap_or(t);
    while let Some((last, rest)) = t.split_last()
        && matches!(last, '件' | '条' | '个' | '项' | '元')
    {
        t = rest;
    }
    // A row label's numbering left alone on its line (`1.` of 1.属于国家秘密,
    // the label wrapped after it in a narrow column) is no figure.
    if let Some((&'.', n)) = t.split_last()
        && !n.is_empty()
        && n.iter().all(|&c| is_digit(c))
    {
        return false;
    }
    !t.is_empty()
        && (t.iter().all(|&c| is_digit(c) || is_sign_or_separator(c))
            && t.iter().any(|&c| is_digit(c))
            || t.iter().all(|&c| is_blank_mark(c))
            || t == ['无'])
}

/// Trailing figures of a line: the words after its label.
/// A cell note (见附件, 不适用) among them counts as a figure when a figure
/// stands right of it or it stands right of one: the cell is the row's,
/// and the mapping reports its words. Notes alone are no figures.
fn figures(l: &WordLine) -> &[Word] {
    let n = *l.figure_count.get_or_init(|| {
        let (mut n, mut through_figure) = (0, 0);
        for (k, w) in l.words.iter().rev().enumerate() {
            if is_figure(&w.text) {
                through_figure = k + 1;
            } else if !crate::template::is_cell_note(&w.text) {
                break;
            }
            n = k + 1;
        }
        if through_figure == 0 { 0 } else { n }
    });
    &l.words[l.words.len() - n..]
}

pub struct StreamTable {
    pub top: f32,
    pub table: Table,
    /// Characters the table took (not prose).
    pub chars: Vec<usize>,
    /// Where its value columns stand (x of each one's middle; value column
    /// `k` is grid column `LABEL_COLS + k`), for a continuation on the next
    /// page to find its columns by.
    pub cols: Vec<f32>,
}

/// Finds borderless tables among `lines` (top to bottom).
pub fn find(lines: &[WordLine]) -> Vec<StreamTable> {
    let mut out = Vec::new();
    // Each line's count of trailing figures, read once: the tests below
    // ask it of a line many times over.
    let n_figures: Vec<usize> = lines.iter().map(|l| figures(l).len()).collect();
    let lead = wide_lead(lines);
    // Whether the figure of lone-figure line `f` stands under a word of
    // line `k` (a header word, or a figure of the column).
    let under_word_of = |f: usize, k: usize| {
        let w = &lines[f].words[0];
        lines[k].words.iter().any(|u| u.x0 < w.x1 && u.x1 > w.x0)
    };
    // Whether line `k` is short (a header's line, or a row's).
    let short = |k: usize| {
        lines[k]
            .words
            .iter()
            .map(|w| w.text.chars().count())
            .sum::<usize>()
            <= 30
    };
    // A line of one or two characters: a label wrapped a character a line
    // in a column a character or two wide.
    let narrow_label = |l: &WordLine| l.words.len() == 1 && l.words[0].text.chars().count() <= 2;
    // The gap (in sizes of its type) between row `r`'s line and the next
    // when that goes on with the row's label (its left edge, no figure, not
    // opening a label: 一、本年新收政 / 府信息公开申请 75 … / 数量), up to a
    // line and a half: the lead of the label's lines where the page's
    // other lines stand closer (a table's cells set at a fixed line height).
    let label_lead_under = |r: usize| {
        let (row, next) = (&lines[r], lines.get(r + 1));
        next.filter(|n| {
            n_figures[r + 1] == 0
                && n.words
                    .first()
                    .zip(row.words.first())
                    .is_some_and(|(a, b)| {
                        (a.x0 - b.x0).abs() <= 0.5 * row.size
                            && !is_figure(&b.text)
                            && !super::layout::starts_label(&a.text)
                    })
        })
        .map(|n| (n.y0 - row.y1) / row.size.max(1.0))
        .filter(|g| (0.0..=1.5).contains(g))
        .unwrap_or(0.0)
    };
    // Whether lone figure `f` stands under a word of line `k`, or of a short
    // line touching it over it (a header of two lines, cells aligned to
    // their top).
    let under_header_word = |f: usize, k: usize| {
        under_word_of(f, k)
            || (k > 0
                && lines[k].y0 - lines[k - 1].y1 <= 0.5 * lines[k].size
                && short(k - 1)
                && under_word_of(f, k - 1))
    };
    // Whether short label line `label` and lone-figure line `figure` touch,
    // the label left of the figure, which stands under a word of the short
    // line `above` the two (a header, or the row before) or of a short line
    // touching it over it (a header of two lines, cells aligned to their top).
    let label_beside_lone_figure = |label: usize, figure: usize, above: usize| {
        let (upper, lower) = (label.min(figure), label.max(figure));
        n_figures[label] == 0
            && n_figures[figure] == 1
            && lines[label].words.len() <= 2
            && lines[figure].words.len() == 1
            && lines[lower].y0 - lines[upper].y1 <= 0.5 * lines[label].size
            && lines[label]
                .words
                .last()
                .is_some_and(|l| l.x1 < lines[figure].words[0].x0)
            && short(above)
            && under_header_word(figure, above)
    };
    // A short label line whose only figure was set on a line of its own
    // right under it (cells aligned to their top, the figure's opening with
    // an empty line or in a font that sits lower), or right over it (cells
    // aligned to their bottom, the figure's font sitting higher): a row
    // (`build` joins the figure to it).
    let label_over_dropped_figure =
        |k: usize| k > 0 && k + 1 < lines.len() && label_beside_lone_figure(k, k + 1, k - 1);
    let label_under_raised_figure = |k: usize| k > 1 && label_beside_lone_figure(k, k - 1, k - 2);
    // A row of figures alone under a short label line touching it, the
    // label left of the figures (cells aligned to their bottom, the
    // figures' font sitting lower): that line is the row's label. Beside
    // the figures may stand a group label's piece, left of that line
    // (（四）无 under 1.本机关不掌握相关政府, 信息 below).
    let label_over_bare_row = |k: usize| {
        let first_figure = figures(&lines[k]).first().map_or(f32::MAX, |f| f.x0);
        let label_x0 = lines[k.saturating_sub(1)]
            .words
            .first()
            .map_or(f32::MIN, |w| w.x0);
        k > 0
            && n_figures[k] > 0
            && lines[k]
                .words
                .iter()
                .all(|w| w.x0 >= first_figure || w.x1 <= label_x0)
            && n_figures[k - 1] == 0
            && lines[k - 1].words.len() <= 2
            && lines[k].y0 - lines[k - 1].y1 <= 0.5 * lines[k].size
            && lines[k - 1]
                .words
                .last()
                .is_some_and(|l| l.x1 < first_figure)
            && !is_caption(&lines[k - 1])
            && !lines[k - 1]
                .words
                .iter()
                .any(|w| is_section_heading(&w.text))
    };
    let is_row = |k: usize| {
        n_figures[k] >= 2
            || (n_figures[k] == 1 && lines[k].words.len() == 2)
            || label_over_dropped_figure(k)
            || label_under_raised_figure(k)
    };
    // A lone row of many figures (table 四) is a table by itself.
    let is_wide_row = |k: usize| n_figures[k] >= 5;
    let mut i = 0;
    let mut floor = 0;
    while i < lines.len() {
        if !is_row(i) {
            i += 1;
            continue;
        }
        // A figure raised onto a line of its own right over the first row,
        // right of its label (cells aligned to their top, the figure's font
        // sitting higher), opens the block (`build` joins it to the row).
        let row_at = i;
        if i > floor
            && n_figures[i - 1] == 1
            && lines[i - 1].words.len() == 1
            && lines[i].y0 - lines[i - 1].y1 <= 0.5 * lines[i].size
            && lines[i]
                .words
                .first()
                .is_some_and(|l| l.x1 < lines[i - 1].words[0].x0)
        {
            i -= 1;
        }
        // Grow the block over data rows and the short label lines between them.
        let mut j = i;
        let mut rows = 0;
        let mut end = i;
        let mut trailing = 0;
        // The last line of figures (label lines may follow it).
        let mut last_row = i;
        // The widest gap between two rows of figures so far: tall rows
        // (cells with a set height, printed without rulings) stand far
        // apart, and so may their header.
        let mut row_gap: f32 = 0.0;
        // The widest gap between two lines of the block up to a line's
        // height: lines spaced wider than their type (a fixed line height)
        // leave as much between a row's label lines.
        let mut line_gap: f32 = lead * lines[i].size;
        while j < lines.len() {
            let l = &lines[j];
            let gap = if j > i { l.y0 - lines[j - 1].y1 } else { 0.0 };
            let same_columns =
                j > i && is_row(j) && end + 1 == j && figures_align(&lines[last_row], l);
            // A label line in the label area opening the next row, whose
            // figures (in the last row's columns) are on the line under it,
            // stands as far under the last row as rows stand apart.
            let opens_next_row = || {
                j > i
                    && end + 1 == j
                    && !is_row(j)
                    && l.words
                        .last()
                        .zip(figures(&lines[last_row]).first())
                        .is_some_and(|(w, f)| w.x1 < f.x0)
                    && lines.get(j + 1).is_some_and(|n| {
                        is_row(j + 1)
                            && figures_align(&lines[last_row], n)
                            && n.y0 - l.y1 <= (0.5 * l.size).max(line_gap + 0.1 * l.size)
                    })
            };
            if gap > 2.5 * l.size
                && !((same_columns || opens_next_row()) && gap <= MAX_ROW_GAP * l.size)
            {
                break;
            }
            if same_columns {
                row_gap = row_gap.max(gap);
            }
            if is_row(j) {
                rows += 1;
                end = j;
                last_row = j;
                trailing = 0;
            } else if j == end + 1
                && (trailing < 3 || (trailing < 12 && narrow_label(l)))
                && !is_caption(l)
                && !l
                    .words
                    .iter()
                    .any(|w| crate::template::holds_header_word(&w.text))
                && l.words.len() <= 2
                && (gap < 1.0 * l.size || gap <= line_gap + 0.1 * l.size)
                && rows > 0
                && l.words.iter().all(|w| w.text.chars().count() <= 16)
                && l.words.first().is_some_and(|w| {
                    // In the label area, and not the next section's heading.
                    figures(&lines[last_row])
                        .first()
                        .is_some_and(|f| w.x1 < f.x0)
                        && !is_section_heading(&w.text)
                })
            {
                // A label line right under the last row (a label wrapped, or
                // the start of one the page break cut off) stays in the table.
                end = j;
                trailing += 1;
            } else if j == end + 1
                && trailing == 0
                && is_row(end)
                && gap <= 0.5 * l.size
                && l.words.len() == 1
                && n_figures[j] == 1
                && ((i..=end).any(|k| {
                    figures(&lines[k])
                        .iter()
                        .any(|f| f.x0 < l.words[0].x1 && f.x1 > l.words[0].x0)
                }) || (i > 0 && !is_row(i - 1) && under_header_word(j, i - 1))
                    || (rows == 1
                        && figures(&lines[end])
                            .last()
                            .is_some_and(|f| f.x1 < l.words[0].x0))
                    || in_blank_cell(&lines[end], &l.words[0]))
            {
                // A figure set a line below the last row (its cell aligned
                // to the bottom), under a column of the table's figures or
                // a word of the header line over its first row, or right of
                // a lone row's figures (its header left on the page before):
                // the row's (`build` joins it).
                end = j;
            } else if j == end + 1
                && trailing > 0
                && l.words.len() == 1
                && n_figures[j] == 1
                && l.y0 - lines[last_row].y1 <= 0.5 * l.size
                && {
                    let (w, row) = (&l.words[0], figures(&lines[last_row]));
                    let over = |f: &Word| f.x0 < w.x1 && f.x1 > w.x0;
                    in_blank_cell(&lines[last_row], w)
                        || (row.first().is_some_and(|f| f.x0 < w.x0)
                            && !row.iter().any(over)
                            && (i..=end).any(|k| figures(&lines[k]).iter().any(over)))
                }
            {
                // The same under a row whose label wrapped onto a line under
                // its figures (or a group label's piece stands beside it):
                // the figure, in a cell the row left blank under a column
                // of the table's figures, touches the row's line of figures.
                end = j;
            } else if j == end + 1
                && is_row(last_row)
                && l.y0 - lines[last_row].y1 <= MAX_DROP_GAP * l.size
                && l.words.len() == 1
                && n_figures[j] == 1
                && (in_blank_cell(&lines[last_row], &l.words[0])
                    || (lines.get(j + 1).is_some()
                        && in_blank_column(&lines[i..=end], &lines[last_row], &l.words[0])))
                && lines.get(j + 1).is_none_or(|n| n.y0 - l.y1 > gap)
            {
                // Further down, up to two lines, when nothing nearer
                // follows: the table's last row at a page's foot, its cell
                // opening with empty paragraphs (the row's too; its label
                // may have wrapped onto a line between).
                end = j;
            } else if j == end + 1
                && rows > 0
                && l.words.len() <= 2
                && gap <= 2.5 * l.size
                && l.words.first().is_some_and(|w| {
                    super::layout::starts_label(&w.text)
                        && !is_section_heading(&w.text)
                        && figures(&lines[last_row])
                            .first()
                            .is_some_and(|f| w.x1 < f.x0)
                })
                && lines
                    .get(j + 1)
                    .is_some_and(|n| is_row(j + 1) && wraps_onto_within(l, n, 1.0))
            {
                // A long row label (2.申请人逾期未按收费通知…) wrapped onto
                // its row's line of figures: the row's first line.
                end = j;
                trailing += 1;
            } else if is_caption(l)
                || l.words.len() > 3
                || l.words
                    .iter()
                    .map(|w| w.text.chars().count())
                    .sum::<usize>()
                    > 30
            {
                break;
            }
            if j > i && gap <= 1.5 * l.size {
                line_gap = line_gap.max(gap);
            }
            j += 1;
        }
        // One row of figures is a table when it is wide (table 四), under a
        // header line with a word per figure, or at the top of a page (the
        // rest of a table that began on the page before).
        // The header may stand above rows whose figures are all blank
        // (规章 with zeros printed as nothing): look past up to two of them.
        let mut h = i;
        while h > 0 && i - h < 2 && lines[h - 1].words.len() == 1 && n_figures[h - 1] == 0 {
            h -= 1;
        }
        // (A header whose cells are aligned to their top or bottom may
        // print as two lines touching: their words count together.)
        let header_words = |k: usize| {
            let l = &lines[k];
            let above = k
                .checked_sub(1)
                .map(|a| &lines[a])
                .filter(|a| l.y0 - a.y1 <= 0.5 * l.size && !is_row(k - 1) && !is_caption(a));
            l.words.len() + above.map_or(0, |a| a.words.len())
        };
        // (Header words set a line lower, touching, count too.)
        let below_header = |k: usize| {
            (k + 1..i)
                .take_while(|&m| lines[m].y0 - lines[m - 1].y1 <= 0.5 * lines[m].size)
                .map(|m| lines[m].words.len())
                .sum::<usize>()
        };
        let under_header = h > 0
            && !is_row(h - 1)
            && !is_caption(&lines[h - 1])
            && header_words(h - 1) + below_header(h - 1) > n_figures[i]
            && lines[h - 1].words.len() >= 2;
        // (or a header of one word a line over two or three lines touching,
        // right over the row: its cells aligned to their top or bottom)
        let stacked_header = i > floor + 1 && {
            let top = i - 1;
            let header_line = |k: usize| n_figures[k] == 0 && !is_caption(&lines[k]);
            let mut k = top;
            let mut words = lines[top].words.len();
            while k > floor
                && top - k < 2
                && lines[k].y0 - lines[k - 1].y1 <= 0.5 * lines[k].size
                && header_line(k - 1)
            {
                k -= 1;
                words += lines[k].words.len();
            }
            k < top && header_line(top) && words > n_figures[i]
        };
        // (At the top of a page a title repeated above the rest, as a
        // browser repeats a table's <thead>, may stand over it: a short
        // line, not a sentence.)
        let page_top = h == 0
            && lines[..i].iter().all(|l| {
                let t = &l.words[0].text;
                t.chars().count() <= 16 && !t.ends_with(['。', '：', ':'])
            });
        // (The row's label may stand on the line under its figures, which
        // were set higher: cells aligned to their top, the figures' font
        // sitting higher.)
        let lone_ok = is_wide_row(i)
            || under_header
            || stacked_header
            || label_over_dropped_figure(i)
            || (page_top
                && (lines[i].words.len() > n_figures[i] || end > i || label_over_bare_row(i)));
        // (A block always holds a figure: a label line taken as a row for
        // a figure beside it that the block did not reach is none.)
        let holds_figure = (i..=end).any(|k| n_figures[k] > 0);
        if (rows >= 2 || (rows == 1 && lone_ok)) && holds_figure {
            // Header and title lines directly above, up to a section heading
            // or a sentence of prose.
            // A line opening a label (`一、本年新`) wrapped onto the lines
            // below belongs to the first row's label, not a heading.
            let mut start = i;
            let mut first_label: Option<usize> = None;
            // The first row's label set by a label line over a bare row,
            // which may itself continue an opening line above.
            let mut label_over_bare = false;
            while start > floor && i - start < 12 {
                let l = &lines[start - 1];
                let gap = lines[start].y0 - l.y1;
                let text: String = l.words.iter().map(|w| w.text.as_str()).collect();
                let opens = l
                    .words
                    .first()
                    .is_some_and(|w| super::layout::starts_label(&w.text));
                // (or a label whose figures, on the first row, have no
                // label words of their own)
                let bare_row = start == i && n_figures[i] == lines[i].words.len();
                let raised = start == i && label_over_bare_row(i);
                let wraps_on = raised
                    || (opens
                        && (first_label.is_none() || label_over_bare)
                        && (bare_row
                            || wraps_onto_within(
                                l,
                                &lines[start],
                                lead.max(0.4).max(label_lead_under(i)) + 0.1,
                            )));
                label_over_bare = raised;
                // (Figures alone atop the page right over the first row, or
                // its label's first line, may stand as far over it as rows
                // stand apart: see below. A page number so read is the
                // layout's to drop.)
                let figures_only =
                    !l.words.is_empty() && l.words.iter().all(|w| is_figure(&w.text));
                // (or a figure or two right over the first row under a
                // header repeated atop the page: see below)
                let under_repeated_header = || {
                    start == i
                        && l.words.len() <= 2
                        && n_figures[i] >= 4
                        && lines[..start - 1].iter().any(|h| {
                            h.words
                                .iter()
                                .any(|w| crate::template::holds_header_word(&w.text))
                        })
                };
                let lowered = floor == 0
                    && figures_only
                    && gap <= MAX_ROW_GAP * l.size
                    && ((start == 1 && (start == i || first_label == Some(start)))
                        || under_repeated_header());
                // (A lowered line may be far, and a row: two figures.)
                if (!lowered && (gap > (2.0 * l.size).max(1.2 * row_gap) || is_row(start - 1)))
                    || (opens && !wraps_on)
                    || crate::template::names_a_section(&text)
                    || text.ends_with(['。', '：', ':'])
                    || text.chars().count() > 40
                {
                    break;
                }
                start -= 1;
                if wraps_on {
                    first_label = Some(start);
                }
            }
            let mut header_lines = first_label.unwrap_or(i) - start;
            // At the top of a page, short lines in the label area over the
            // first row are the ends of labels the page break cut (a row
            // split across pages, its figures left on the page before): its
            // rows, not a header; under the table's header when the office
            // suite repeats it on each page.
            if floor == 0
                && start > 0
                && let Some(k) =
                    header_over_cut_label_ends(&lines[..start], &lines[start], &lines[i])
            {
                start = 0;
                header_lines = k;
            }
            // (The same when the walk up took them all for a header: the
            // ends of a group label's and a row label's side by side, 无法提
            // beside 握相关政府信, neither opening a label; or under the
            // header repeated. Not under a sub-table's caption: that opens a
            // table, its first row a blank one, 规章.)
            // (Over the first row's label opening a line over its figures
            // the same: 1.申请人无正当理由逾期 over 不补正、… 2 1 0 ….)
            if floor == 0
                && start == 0
                && (header_lines == i || first_label == Some(header_lines))
                && !lines[..header_lines].iter().any(is_caption)
                && let Some(k) = header_over_cut_label_ends(
                    &lines[..header_lines],
                    &lines[header_lines],
                    &lines[i],
                )
            {
                header_lines = k;
            }
            // (Figures alone atop a page over the first row are no header:
            // the last row before the break set its cells' text low and
            // left them past the page's foot. A row of them, for the part
            // above to take back.)
            if floor == 0
                && start == 0
                && lines[..header_lines]
                    .iter()
                    .all(|l| !l.words.is_empty() && l.words.iter().all(|w| is_figure(&w.text)))
            {
                header_lines = 0;
            }
            // (The same under the header an office suite repeats atop each
            // page: a figure or two on the header's last line, right over a
            // first row of many figures, are no header words but the row
            // before the break's, set low, maybe beside its label's ends
            // in the label area: 理结果 一情形，不计其他情形） 4.)
            if floor == 0
                && start == 0
                && header_lines >= 2
                && n_figures[i] >= 4
                && let lowered = &lines[start + header_lines - 1]
                && (1..=2).contains(&n_figures[start + header_lines - 1])
                && let first_figure = figures(&lines[i]).first().map_or(f32::MIN, |f| f.x0)
                && lowered.words[..lowered.words.len() - n_figures[start + header_lines - 1]]
                    .iter()
                    .all(|w| {
                        w.x1 < first_figure
                            && !super::layout::starts_label(&w.text)
                            && !crate::template::holds_header_word(&w.text)
                            && !is_section_heading(&w.text)
                    })
            {
                header_lines -= 1;
            }
            out.push(build(&lines[start..=end], header_lines));
            i = end + 1;
            // The next table's header never reaches into this one.
            floor = i;
        } else {
            i = row_at + 1;
        }
    }
    // A page opening with the header an office suite repeats atop each
    // page over a figure or two, no row of figures below (the section's
    // text and the page's number may follow): the last row before the
    // break set them low, past the page's foot. A header over a row of
    // them, for the part above to take back.
    if out.is_empty()
        && let Some(k) = lines.iter().position(|l| !figures(l).is_empty())
        && let (header, [last, rest @ ..]) = lines.split_at(k)
        && header.len() >= 2
        && (1..=2).contains(&last.words.len())
        && last.words.iter().all(|w| is_figure(&w.text))
        && last.y0 - header[header.len() - 1].y1 <= MAX_ROW_GAP * last.size
        && rest.iter().all(|l| figures(l).len() <= 1)
        && header.iter().all(|l| {
            let text: String = l.words.iter().map(|w| w.text.as_str()).collect();
            !is_caption(l)
                && !crate::template::names_a_section(&text)
                && !text.ends_with(['。', '：', ':'])
        })
        && header.iter().any(|l| {
            l.words
                .iter()
                .any(|w| crate::template::holds_header_word(&w.text))
        })
    {
        out.push(build(&lines[..=k], k));
    }
    out
}

/// Somewhat over the gap most pairs of lines next to each other leave, in
/// sizes of their type, when that is most of a line (a tall fixed line
/// height, or CSS's line-height: each row's label lines stand that far
/// apart), else zero. Gaps over one and a half lines (between paragraphs
/// and rows) are not counted.
fn wide_lead(lines: &[WordLine]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| (w[1].y0 - w[0].y1) / w[1].size.max(1.0))
        .filter(|g| (0.0..=1.5).contains(g))
        .collect();
    if gaps.len() < 4 {
        return 0.0;
    }
    let mid = gaps.len() / 2;
    let (_, median, _) = gaps.select_nth_unstable_by(mid, f32::total_cmp);
    // (The lines of a page so set are not all as far apart: a quarter
    // more is allowed.)
    if *median > 0.8 { 1.25 * *median } else { 0.0 }
}

/// Whether `w` (a lone figure on the line under `row`) stands where `row`
/// leaves a cell blank: right of its label, left of its last figure, over
/// none of its figures (a cell the print set a line lower than the rest of
/// its row, as for a paragraph spaced before it).
fn in_blank_cell(row: &WordLine, w: &Word) -> bool {
    let figs = figures(row);
    let label_end = row.words[..row.words.len() - figs.len()]
        .last()
        .map_or(f32::MIN, |l| l.x1);
    figs.len() >= 2
        && label_end < w.x0
        && figs.last().is_some_and(|f| w.x1 < f.x1)
        && !figs.iter().any(|f| f.x0 < w.x1 && f.x1 > w.x0)
}

/// Whether `w` stands in a cell `row` (a line of `block`) leaves blank at
/// either end of its figures, under figures of two other lines of the
/// block (the total column, where a row's count was lowered past its line).
fn in_blank_column(block: &[WordLine], row: &WordLine, w: &Word) -> bool {
    let figs = figures(row);
    let label_end = row.words[..row.words.len() - figs.len()]
        .last()
        .map_or(f32::MIN, |l| l.x1);
    let over = |f: &Word| f.x0 < w.x1 && f.x1 > w.x0;
    figs.len() >= 2
        && label_end < w.x0
        && !figs.iter().any(over)
        && block
            .iter()
            .filter(|l| figures(l).iter().any(over))
            .take(2)
            .count()
            == 2
}

/// When `top` (a page's lines over the first row of a table, `row`, whose
/// first line is `below`: a label line over a row of figures alone) are
/// label lines ([`cut_label_ends`]), maybe under a header repeated at the
/// page's top (lines up to the last reaching over the figures, one of them
/// with a header word): the number of header lines.
fn header_over_cut_label_ends(top: &[WordLine], below: &WordLine, row: &WordLine) -> Option<usize> {
    if cut_label_ends(top, below, row) {
        return Some(0);
    }
    let first_figure = figures(row).first()?.x0;
    let k = 1 + top
        .iter()
        .rposition(|l| l.words.iter().any(|w| w.x1 >= first_figure))?;
    let header_word = top[..k].iter().any(|l| {
        l.words
            .iter()
            .any(|w| crate::template::holds_header_word(&w.text))
    });
    (header_word && k < top.len() && cut_label_ends(&top[k..], below, row)).then_some(k)
}

/// Whether `top` (a page's lines over the first row of a table, `row`) are
/// label lines only: short, left of the row's figures, close together,
/// none a header, caption, section heading or sentence, each a word a
/// label column at most (三、本年度办理结果, （四）无法提供 and
/// 1.本机关不掌握相关政府信息 side by side), the last close over `below`,
/// or as far as rows stand apart when they are two or more lines of one
/// label (set from one left edge: a tall cell's padding under a label of
/// four lines cut after its first).
fn cut_label_ends(top: &[WordLine], below: &WordLine, row: &WordLine) -> bool {
    let Some(first_figure) = figures(row).first().map(|f| f.x0) else {
        return false;
    };
    let mut below = below;
    let left = |l: &WordLine| l.words.first().map_or(f32::NAN, |w| w.x0);
    let one_label = top.len() >= 2
        && top
            .iter()
            .all(|l| (left(l) - left(&top[0])).abs() <= 0.5 * l.size);
    let mut max_gap = if one_label { MAX_ROW_GAP } else { 2.0 };
    for l in top.iter().rev() {
        let text_ok = l.words.iter().all(|w| {
            w.text.chars().count() <= 16
                && !w.text.ends_with(['。', '：', ':'])
                && !is_section_heading(&w.text)
                && !crate::template::holds_header_word(&w.text)
        });
        if !text_ok
            || l.words.len() > LABEL_COLS - 1
            || is_caption(l)
            || !figures(l).is_empty()
            || l.words.last().is_none_or(|w| w.x1 >= first_figure)
            || below.y0 - l.y1 > max_gap * l.size
        {
            return false;
        }
        below = l;
        max_gap = 2.0;
    }
    true
}

/// Rows of figures in a table without rulings stand at most this many font
/// sizes apart (rows of a set height: 1 cm rows of 10.5 pt text leave ~2.7).
const MAX_ROW_GAP: f32 = 6.0;

/// How far (in character heights) under the last row of a table a lone
/// figure filling one of its blank cells may stand: two empty lines.
const MAX_DROP_GAP: f32 = 2.0;

/// Whether two rows of three figures or more stand in the same columns:
/// each figure of the row with fewer under one of the other's, in order
/// (a column some rows leave blank: 总计 printed on the totals only) —
/// rows of one table however far apart. The row with fewer may hold two
/// (a row of three columns with one blank, or printed a line lower); rows
/// of one figure each align when their labels overlap too (a sub-table of
/// table 二 whose rows stand apart: 行政处罚 4 over 行政强制 9).
fn figures_align(a: &WordLine, b: &WordLine) -> bool {
    let (fa, fb) = (figures(a), figures(b));
    let (few, many) = if fa.len() <= fb.len() {
        (fa, fb)
    } else {
        (fb, fa)
    };
    let reach = a.size.max(b.size);
    if let ([x], [y], [la, ..], [lb, ..]) = (fa, fb, &a.words[..], &b.words[..]) {
        let labels_overlap = la.x0 < lb.x1 && lb.x0 < la.x1 && la.x1 < x.x0 && lb.x1 < y.x0;
        return labels_overlap && (x.cx() - y.cx()).abs() <= reach;
    }
    let mut rest = many.iter();
    (few.len() >= 3 || (few.len() == 2 && many.len() >= 3))
        && few
            .iter()
            .all(|x| rest.any(|y| (x.cx() - y.cx()).abs() <= reach))
}

/// Whether `below` continues the label that `above` opens: its first word
/// sits under and overlapping the first word of `above`, the lines under
/// `gap` sizes apart, and opens no label of its own (nor a header:
/// 第二十条第（一）项 under a section heading set close over it).
fn wraps_onto_within(above: &WordLine, below: &WordLine, gap: f32) -> bool {
    let (Some(a), Some(b)) = (above.words.first(), below.words.first()) else {
        return false;
    };
    !super::layout::starts_label(&b.text)
        && !is_figure(&b.text)
        && !crate::template::holds_header_only_word(&b.text)
        && b.x0 < a.x1
        && b.x1 > a.x0
        && below.y0 - above.y1 < gap * above.size
}

/// `五、存在的主要问题…`: a numbered heading of the report (a Chinese
/// numeral and 、), never a label line trailing a table.
pub(crate) fn is_section_heading(t: &str) -> bool {
    crate::template::after_section_numeral(t).is_some()
}

/// Where a header's words go: the column whose centre is nearest, or, for
/// figures aligned to their cells' right edges, the cell between the
/// previous column's right edge and the column's own.
struct Placement {
    centres: Vec<f32>,
    /// Each column's right edge (ascending), for figures aligned right.
    edges: Option<Vec<f32>>,
    /// Each column's left edge (ascending), for figures aligned left.
    starts: Option<Vec<f32>>,
    /// How far past an edge a word's middle may reach (a glyph's overhang).
    slack: f32,
}

impl Placement {
    fn centres(cols: &[f32]) -> Placement {
        Placement {
            centres: cols.to_vec(),
            edges: None,
            starts: None,
            slack: 0.0,
        }
    }

    fn at(&self, x: f32) -> usize {
        match (&self.edges, &self.starts) {
            (Some(e), _) => e
                .partition_point(|e| *e + self.slack < x)
                .min(e.len().saturating_sub(1)),
            (None, Some(s)) => s
                .partition_point(|s| *s - self.slack <= x)
                .saturating_sub(1),
            (None, None) => nearest(&self.centres, x),
        }
    }

    /// Whether `w` lies in the first column's cell, taken as wide as the
    /// second's (figures aligned right: its header may start left of them).
    fn in_first_cell(&self, w: &Word) -> bool {
        match (&self.edges, &self.starts) {
            (Some(e), _) => {
                e.len() >= 2
                    && w.x0 >= e[0] - (e[1] - e[0]) - self.slack
                    && w.x1 <= e[0] + self.slack
            }
            (None, Some(s)) => s.len() >= 2 && w.x0 >= s[0] - self.slack && w.x1 <= s[1],
            (None, None) => false,
        }
    }

    /// How many columns' cells `w` stands over (by more than a glyph's
    /// overhang, for cells aligned right or left).
    fn under(&self, w: &Word) -> usize {
        let overlaps = |lo: f32, hi: f32| w.x1.min(hi) - w.x0.max(lo) > 2.0 * self.slack;
        match (&self.edges, &self.starts) {
            (Some(e), _) => (0..e.len())
                .filter(|&k| {
                    let lo = match k {
                        0 => e[0] - e.get(1).map_or(0.0, |e1| e1 - e[0]),
                        _ => e[k - 1],
                    };
                    overlaps(lo, e[k])
                })
                .count(),
            (None, Some(s)) => (0..s.len())
                .filter(|&k| {
                    let hi = match s.get(k + 1) {
                        Some(next) => *next,
                        None => s[k] + (s[k] - s[k.saturating_sub(1)]),
                    };
                    overlaps(s[k], hi)
                })
                .count(),
            (None, None) => columns_under(&self.centres, w),
        }
    }

    /// Where one column's cell ends and the next one's begins.
    fn boundaries(&self) -> Vec<f32> {
        match (&self.edges, &self.starts) {
            (Some(e), _) => e[..e.len().saturating_sub(1)].to_vec(),
            (None, Some(s)) => s.iter().skip(1).map(|s| s - 0.5 * self.slack).collect(),
            (None, None) => self
                .centres
                .windows(2)
                .map(|p| (p[0] + p[1]) / 2.0)
                .collect(),
        }
    }
}

/// The parts of a wide header word that each stand over one column, as
/// (centre x, text); empty when the word has no gap on a column boundary
/// and holds no two names printed touching. A part between gaps may itself
/// hold two names touching ([`split_touching_names`]).
fn split_at_gaps(w: &Word, cols: &Placement, size: f32) -> Vec<(f32, String)> {
    let boundaries = cols.boundaries();
    // Each part as its glyphs' range in the word.
    let mut parts: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, (x0, x1, _)) in w.glyphs.iter().enumerate() {
        let split = i > 0 && {
            let prev = &w.glyphs[i - 1];
            let gap = x0 - prev.1;
            let (pc, cc) = ((prev.0 + prev.1) / 2.0, (x0 + x1) / 2.0);
            gap > 0.1 * size && boundaries.iter().any(|b| *b > pc && *b < cc)
        };
        match parts.last_mut() {
            Some(p) if !split => p.end = i + 1,
            _ => parts.push(i..i + 1),
        }
    }
    if parts.len() < 2 {
        return split_touching_names(&w.glyphs, cols);
    }
    let mut out = Vec::new();
    for r in parts {
        let g = &w.glyphs[r];
        let touching = split_touching_names(g, cols);
        if touching.is_empty() {
            let text = glyph_text(g);
            out.push(((g[0].0 + g[g.len() - 1].1) / 2.0, text));
        } else {
            out.extend(touching);
        }
    }
    out
}

/// Where in `w` a count begins at a column's left edge (`starts`: where
/// each column's counts begin, their least x0, with the column, sorted),
/// after a visible gap or touching a CJK label: the label before it fills
/// its cell up to that column (`（二）部分公开…情形）0`, cells aligned
/// left). That count's first glyph and its column; None when the word's
/// rest is no figure or its head is one.
fn figure_after_label(w: &Word, starts: &[(f32, usize)], size: f32) -> Option<(usize, usize)> {
    let g = &w.glyphs;
    (1..g.len()).find_map(|k| {
        let x = g[k].0;
        let near = starts.partition_point(|(s, _)| *s < x - 0.25 * size);
        let col = starts.get(near).filter(|(s, _)| *s <= x + 0.25 * size)?.1;
        // (or touching a CJK label's last character: a cell without
        // padding filled up to its edge, 不明确7)
        let gap = x - g[k - 1].1;
        let cut = (gap >= 0.1 * size || (gap >= -0.05 * size && !g[k - 1].2.is_ascii()))
            && is_figure(&glyph_text(&g[k..]))
            && !is_figure(&glyph_text(&g[..k]));
        cut.then_some((k, col))
    })
}

/// Where each column's counts begin (their least x0), with the column,
/// in order of x (columns with none left out): plain digits after a
/// row's label, as [`aligned_placement`] reads them.
fn count_starts(data: &[&WordLine], cols: &[f32]) -> Vec<(f32, usize)> {
    let mut starts = vec![f32::INFINITY; cols.len()];
    if cols.is_empty() {
        return Vec::new();
    }
    for w in data.iter().flat_map(|l| row_counts(l)) {
        let s = &mut starts[nearest(cols, w.cx())];
        *s = s.min(w.x0);
    }
    let mut found: Vec<(f32, usize)> = starts
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.is_finite())
        .map(|(c, s)| (s, c))
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found
}

/// A row's counts: the plain digits after its label, last first.
fn row_counts(l: &WordLine) -> impl Iterator<Item = &Word> {
    l.words
        .iter()
        .rev()
        .take_while(|w| !w.text.is_empty() && w.text.chars().all(is_digit))
}

fn glyph_text(g: &[(f32, f32, EcoString)]) -> String {
    g.iter().map(|x| x.2.as_str()).collect()
}

/// The glyphs `range` of `w` as a word of their own (no character
/// indices: the whole word's are taken as used already).
fn word_part(w: &Word, range: std::ops::Range<usize>) -> Word {
    let g = &w.glyphs[range];
    Word {
        x0: g.first().map_or(w.x0, |x| x.0),
        x1: g.iter().map(|x| x.1).fold(f32::MIN, f32::max),
        y0: w.y0,
        y1: w.y1,
        text: glyph_text(g),
        chars: Vec::new(),
        glyphs: g.to_vec(),
    }
}

/// Longest word [`split_touching_names`] looks into: two of the templates'
/// column names (at most seven characters each now).
const MAX_TOUCHING_NAMES_GLYPHS: usize = 24;

/// Two column names printed touching (法律服务机构其他: headers centred in
/// narrow cells, wider than them), cut between them when both sides are
/// whole names of the templates' columns, or one is and the other the head
/// of one wrapped in its cell (科研社会公益组织, 机构 under 科研), and they
/// stand nearest to different columns; empty otherwise (a group title over
/// several columns stays whole).
fn split_touching_names(g: &[(f32, f32, EcoString)], cols: &Placement) -> Vec<(f32, String)> {
    // Two names are short: a long word is not cut this way (each cut
    // copies the word).
    if g.len() > MAX_TOUCHING_NAMES_GLYPHS {
        return Vec::new();
    }
    use crate::template::{is_column_name, is_column_name_head};
    for k in 1..g.len() {
        let left = glyph_text(&g[..k]);
        let right = glyph_text(&g[k..]);
        let (left_n, right_n) = (crate::text::norm(&left), crate::text::norm(&right));
        let (left_whole, right_whole) = (is_column_name(&left_n), is_column_name(&right_n));
        let parts = (left_whole || is_column_name_head(&left_n))
            && (right_whole || is_column_name_head(&right_n))
            && (left_whole || right_whole);
        if !parts {
            continue;
        }
        let (lc, rc) = (
            (g[0].0 + g[k - 1].1) / 2.0,
            (g[k].0 + g[g.len() - 1].1) / 2.0,
        );
        if cols.at(lc) != cols.at(rc) {
            return vec![(lc, left), (rc, right)];
        }
    }
    Vec::new()
}

/// A sub-table's caption line (`第二十条第（五）项`): the sub-tables of table
/// 二 each have their own columns, so a caption ends the table above it.
fn is_caption(l: &WordLine) -> bool {
    // (The line's text read without copying it.)
    is_caption_text(l.words.iter().flat_map(|w| w.text.chars()))
}

/// Whether `text` is a sub-table's caption: without white space, it
/// starts with 第, holds 条 (條), ends with 项 (項) and is at most 16
/// characters.
pub(super) fn is_caption_text(text: impl Iterator<Item = char>) -> bool {
    let mut chars = text.filter(|c| !c.is_whitespace());
    if chars.next() != Some('第') {
        return false;
    }
    let (mut count, mut tiao, mut last) = (1, false, '第');
    for c in chars {
        count += 1;
        if count > 16 {
            return false;
        }
        tiao |= matches!(c, '条' | '條');
        last = c;
    }
    tiao && matches!(last, '项' | '項')
}

/// Column centres from the figures' positions.
fn columns(rows: &[&WordLine]) -> Vec<f32> {
    let size = rows.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
    // A cell note (见附件, wider than a figure and maybe aligned otherwise)
    // stands in a column of figures where it spans one's centre or nears
    // it; only elsewhere is it a column of its own.
    // Each figure or note with its row. A figure with a bracketed note
    // (98（其中修订65件）) is placed as a note: in a column aligned left its
    // middle stands far right of the column's.
    type InRow<'a> = Vec<(usize, &'a Word)>;
    let (notes, mut xs): (InRow, InRow) = rows
        .iter()
        .enumerate()
        .flat_map(|(r, l)| figures(l).iter().map(move |w| (r, w)))
        .partition(|(_, w)| !is_figure(&w.text) || w.text.contains(['（', '(']));
    xs.sort_by(|a, b| a.1.cx().total_cmp(&b.1.cx()));
    // Each column as its figures' (centre, row).
    let mut cols: Vec<Vec<(f32, usize)>> = Vec::new();
    for (r, x) in xs.iter().map(|(r, w)| (*r, w.cx())) {
        match cols.last_mut() {
            Some(c) if x - c[c.len() - 1].0 <= 1.2 * size => c.push((x, r)),
            _ => cols.push(vec![(x, r)]),
        }
    }
    drop_strays(&mut cols);
    let mut centres: Vec<f32> = cols
        .iter()
        .map(|c| c.iter().map(|x| x.0).sum::<f32>() / c.len() as f32)
        .collect();
    let figure_columns = centres.len();
    for (_, n) in notes {
        let spans_one = centres[..figure_columns]
            .iter()
            .any(|c| (n.x0..=n.x1).contains(c));
        if !spans_one && !centres.iter().any(|c| (c - n.cx()).abs() <= 1.2 * size) {
            centres.push(n.cx());
        }
    }
    centres.sort_by(f32::total_cmp);
    centres
}

/// Figures of a few rows set off their column's centre (words a tracked
/// change printed beside them push them over) gather in a column of their
/// own: taken as no column (each figure then goes to the column nearest
/// it) when they are at most a quarter as many as a neighbour's, nearer it
/// than half the columns' usual spacing, and each in a row that misses
/// only that neighbour — a real column (总计 printed on the totals only)
/// shares rows with its neighbours.
fn drop_strays(cols: &mut Vec<Vec<(f32, usize)>>) {
    if cols.len() < 3 {
        return;
    }
    let centre = |c: &[(f32, usize)]| c.iter().map(|x| x.0).sum::<f32>() / c.len() as f32;
    let centres: Vec<f32> = cols.iter().map(|c| centre(c)).collect();
    let mut gaps: Vec<f32> = centres.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_by(f32::total_cmp);
    let usual = gaps[gaps.len() / 2];
    let rows_of = |c: &[(f32, usize)]| {
        let mut r: Vec<usize> = c.iter().map(|x| x.1).collect();
        r.sort_unstable();
        r.dedup();
        r
    };
    let rows: Vec<Vec<usize>> = cols.iter().map(|c| rows_of(c)).collect();
    let stray = |k: usize| {
        [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter(|&n| n < cols.len())
            .any(|n| {
                4 * cols[k].len() <= cols[n].len()
                    && (centres[n] - centres[k]).abs() < 0.5 * usual
                    // Its rows miss that column only: each holds a figure
                    // in every other one, or in none (a figure wrapped onto
                    // a line of its own); else the figure could be another
                    // blank column's.
                    && rows[k].iter().all(|r| {
                        let held = (0..cols.len())
                            .filter(|&j| j != k && j != n)
                            .filter(|&j| rows[j].binary_search(r).is_ok())
                            .count();
                        rows[n].binary_search(r).is_err()
                            && (held == 0 || held + 2 == cols.len())
                    })
            })
    };
    let keep: Vec<bool> = (0..cols.len()).map(|k| !stray(k)).collect();
    let mut k = 0;
    cols.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// How many column centres a word's extent covers.
fn columns_under(cols: &[f32], w: &Word) -> usize {
    cols.iter().filter(|c| (w.x0..=w.x1).contains(*c)).count()
}

fn nearest(cols: &[f32], x: f32) -> usize {
    cols.iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
        .map_or(0, |(i, _)| i)
}

/// A label word of a borderless table row, with its box.
#[derive(Debug, Clone)]
struct LabelWord {
    text: String,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    size: f32,
}

/// Label words of `w`: the word cut before each glyph that opens a label
/// (`（二）`, `1.`) after a visible gap. A group label and the row label
/// beside it, in columns a few points apart, read as one word
/// (`三、本年（一）予以公开`; the next line `度办理结（二）部分公开…`): cut,
/// each wraps on in its own column. Glyphs of one label follow each other
/// with no gap.
fn split_before_labels(w: &Word, size: f32, out: &mut Vec<LabelWord>) {
    // A tenth of the size: cell padding scaled down to 1 pt still counts.
    const MIN_GAP: f32 = 0.1;
    // Enough glyphs to tell a label's opening (`十一、`, `（10）`).
    const OPENING: usize = 4;
    let piece = |from: usize, to: usize| LabelWord {
        text: w.glyphs[from..to].iter().map(|g| g.2.as_str()).collect(),
        x0: w.glyphs[from].0,
        x1: w.glyphs[from..to]
            .iter()
            .map(|g| g.1)
            .fold(f32::MIN, f32::max),
        y0: w.y0,
        y1: w.y1,
        size,
    };
    // A sub-label's numbering right after a group label's last character,
    // no gap between (公开2.其他法律…: the group's column ends where the
    // sub-label's begins): a digit and a point between ideographs.
    let ideograph = |k: usize| {
        w.glyphs
            .get(k)
            .and_then(|g| g.2.chars().next())
            .is_some_and(is_ideograph)
    };
    let numbering_between_words = |k: usize| {
        ideograph(k - 1)
            && w.glyphs[k].2.chars().all(is_digit)
            && w.glyphs
                .get(k + 1)
                .is_some_and(|g| g.2 == "." || g.2 == "．")
            && ideograph(k + 2)
    };
    let mut start = 0;
    for k in 1..w.glyphs.len() {
        if w.glyphs[k].0 - w.glyphs[k - 1].1 < MIN_GAP * size && !numbering_between_words(k) {
            continue;
        }
        let opening: String = w.glyphs[k..]
            .iter()
            .take(OPENING)
            .map(|g| g.2.as_str())
            .collect();
        if super::layout::starts_label(&opening) {
            out.push(piece(start, k));
            start = k;
        }
    }
    if start == 0 {
        out.push(LabelWord {
            text: w.text.clone(),
            x0: w.x0,
            x1: w.x1,
            y0: w.y0,
            y1: w.y1,
            size,
        });
    } else {
        out.push(piece(start, w.glyphs.len()));
    }
}

/// A value cell being built: its text and the box of its words.
#[derive(Debug, Clone, Default)]
struct Val {
    text: String,
    bbox: Option<[f32; 4]>,
}

impl Val {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn push(&mut self, text: &str, bbox: [f32; 4]) {
        self.text.push_str(text);
        self.bbox = Some(match self.bbox {
            Some([a, b, c, d]) => [
                a.min(bbox[0]),
                b.min(bbox[1]),
                c.max(bbox[2]),
                d.max(bbox[3]),
            ],
            None => bbox,
        });
    }

    fn append(&mut self, other: &Val) {
        match other.bbox {
            Some(b) => self.push(&other.text, b),
            None => self.text.push_str(&other.text),
        }
    }
}

/// Opening minus closing brackets of a cell's text.
fn open_brackets(t: &str) -> i32 {
    t.chars()
        .map(|c| match c {
            '（' | '(' => 1,
            '）' | ')' => -1,
            _ => 0,
        })
        .sum()
}

/// A figure with a bracketed note wrapped over lines (`17（其中修订11件` /
/// `）` above and below its label, which is centred on the row) is one
/// cell of the labelled row: a cell whose bracket stays open is joined with
/// the cells under it in its column until it closes (at most three lines),
/// when exactly one line of that block carries a label and the other lines
/// hold nothing where the labelled line has a figure.
fn join_wrapped_values(rows: &mut [(Vec<LabelWord>, Vec<Val>)]) {
    for r in 0..rows.len() {
        for c in 0..rows[r].1.len() {
            if open_brackets(&rows[r].1[c].text) <= 0 {
                continue;
            }
            let mut depth = 0;
            let Some(end) = (r..rows.len().min(r + 4)).find(|&k| {
                depth += rows[k].1.get(c).map_or(0, |t| open_brackets(&t.text));
                depth <= 0
            }) else {
                continue;
            };
            let labelled: Vec<usize> = (r..=end).filter(|&k| !rows[k].0.is_empty()).collect();
            let &[home] = labelled.as_slice() else {
                continue;
            };
            let clashes = (r..=end).filter(|&k| k != home).any(|k| {
                rows[k]
                    .1
                    .iter()
                    .enumerate()
                    .any(|(j, t)| j != c && !t.is_empty() && !rows[home].1[j].is_empty())
            });
            if clashes {
                continue;
            }
            let mut joined = Val::default();
            for row in &rows[r..=end] {
                joined.append(&row.1[c]);
            }
            for k in (r..=end).filter(|&k| k != home) {
                let vals = std::mem::take(&mut rows[k].1);
                for (j, t) in vals.iter().enumerate() {
                    if j != c && !t.is_empty() {
                        rows[home].1[j] = t.clone();
                    }
                }
                rows[k].1 = vec![Val::default(); vals.len()];
            }
            rows[home].1[c] = joined;
        }
    }
}

/// Figures set a line off their row's other cells (cells aligned to their
/// bottom, some ending in an empty line, or to their top, some opening with
/// one) stand on a line of their own right under or over the row: a line
/// without a label whose figures all fall where one touching labelled line
/// next to it left its cells empty is that row's (when both neighbours
/// would take it, neither does). A figure wrapped in a narrow cell centred
/// on its row stands half over and half under it: a line under the row
/// whose figures all fall in cells the line over it filled continues them.
/// The line is dropped once emptied. A second pass over the lines left
/// takes a figure set under its row with a wrapped count's second line
/// between them (１８４ over the row's line, ０ under it, then ４９).
fn join_dropped_figures(rows: &mut Vec<(Vec<LabelWord>, Vec<Val>)>, lines: &[&WordLine]) {
    let emptied = join_dropped_figures_once(rows, lines);
    if emptied.iter().any(|e| *e) {
        let mut k = 0;
        let left: Vec<&WordLine> = lines
            .iter()
            .filter(|_| {
                k += 1;
                !emptied.get(k - 1).copied().unwrap_or(false)
            })
            .copied()
            .collect();
        join_dropped_figures_once(rows, &left);
    }
}

/// One pass of [`join_dropped_figures`]: which rows it emptied (and dropped).
fn join_dropped_figures_once(
    rows: &mut Vec<(Vec<LabelWord>, Vec<Val>)>,
    lines: &[&WordLine],
) -> Vec<bool> {
    let n = rows.len().min(lines.len());
    let mut emptied = vec![false; rows.len()];
    // The cells of each row filled by the line over it.
    let mut from_above: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    let touching = |k: usize, h: usize| {
        let (upper, lower) = (lines[k.min(h)], lines[k.max(h)]);
        lower.y0 - upper.y1 <= 0.5 * lines[k].size
    };
    // Whether row `k`'s figures fill only empty cells of labelled row `h`,
    // the two lines touching.
    // (or, one figure on the table's last line, up to two lines under
    // row `h`: `find` took it in only where it fills a blank cell of `h`.)
    let last_drop = |rows: &[(Vec<LabelWord>, Vec<Val>)], k: usize, h: usize| {
        k + 1 == lines.len()
            && h + 1 == k
            && lines[k].y0 - lines[h].y1 <= MAX_DROP_GAP * lines[k].size
            && rows[k].1.iter().filter(|v| !v.is_empty()).count() == 1
    };
    // A table without a label on any line is table 四's one row: a line of a
    // few figures takes it for its home as a labelled row is taken (１０
    // over the row and ９ under it, a total wrapped in its narrow cell).
    let unlabelled_table = rows.iter().all(|r| r.0.is_empty());
    let filled = |r: &(Vec<LabelWord>, Vec<Val>)| r.1.iter().filter(|v| !v.is_empty()).count();
    // (row `k`'s figures fill only empty cells of row `h`)
    let fills_blanks =
        |rows: &[(Vec<LabelWord>, Vec<Val>)], emptied: &[bool], k: usize, h: usize| {
            let (row, home) = (&rows[k], &rows[h]);
            !emptied[h]
                && (!home.0.is_empty() || (unlabelled_table && 2 * filled(row) < filled(home)))
                && row.1.len() == home.1.len()
                && row
                    .1
                    .iter()
                    .zip(&home.1)
                    .all(|(v, u)| v.is_empty() || u.is_empty())
        };
    let fits = |rows: &[(Vec<LabelWord>, Vec<Val>)], emptied: &[bool], k: usize, h: usize| {
        fills_blanks(rows, emptied, k, h) && (touching(k, h) || last_drop(rows, k, h))
    };
    // Whether row `k`'s figures all continue cells row `k - 1` took from
    // the line over it.
    let continues = |rows: &[(Vec<LabelWord>, Vec<Val>)],
                     emptied: &[bool],
                     from_above: &[Vec<bool>],
                     k: usize| {
        let h = k - 1;
        !emptied[h]
            && touching(k, h)
            && rows[k].1.len() == from_above[h].len()
            && rows[k]
                .1
                .iter()
                .zip(&from_above[h])
                .all(|(v, above)| v.is_empty() || (*above && v.text.chars().all(is_digit)))
    };
    // Whether row `k`'s figures and the counts of labelled row `h` next to
    // it are counts too wide for their cells (full-width digits), wrapped:
    // each cell's lower part centred within its upper part's extent (a
    // tracked deletion before the upper part may push it aside), on a line of
    // its own under the row's line (cells aligned to their top) or over it
    // (to their bottom). Then whether every lower part is narrower than its
    // upper part (the first line full), and whether row `k` fills fewer
    // than half the cells row `h` does (only some counts overflow; a row
    // of its own fills them all).
    let wraps_counts = |rows: &[(Vec<LabelWord>, Vec<Val>)],
                        emptied: &[bool],
                        k: usize,
                        h: usize|
     -> Option<(bool, bool)> {
        let (row, home) = (&rows[k], &rows[h]);
        let count = |v: &Val| !v.is_empty() && v.text.chars().all(is_digit);
        let slack = 0.5 * lines[k].size;
        let boxes = |v: &Val, u: &Val| {
            let (b, a) = (v.bbox?, u.bbox?);
            Some(if h < k { (b, a) } else { (a, b) })
        };
        let sparse = 2 * filled(row) < filled(home);
        let mut narrower = true;
        // A row without a label (table 四's one row) takes the ends of a
        // few of its counts only.
        let ok = !emptied[h]
            && (!home.0.is_empty() || sparse)
            && touching(k, h)
            && row.1.len() == home.1.len()
            && row.1.iter().zip(&home.1).all(|(v, u)| {
                if v.is_empty() {
                    return true;
                }
                let Some((lower, upper)) = boxes(v, u).filter(|_| count(v) && count(u)) else {
                    return false;
                };
                narrower &= lower[2] - lower[0] < upper[2] - upper[0] - slack;
                let centre = (lower[0] + lower[2]) / 2.0;
                centre >= upper[0] - slack && centre <= upper[2] + slack
            });
        ok.then_some((narrower, sparse))
    };
    // Whether row `k`'s labels all stand left of labelled row `h`'s own
    // (its last: a piece of the group label may precede it): a group label
    // wrapped down its column, a piece on each line, beside the figures of
    // a row centred in its taller cells (三、本 over １０, （一）予以公开 on
    // the next line, 年度办 over ３) or aligned to their bottom (年度办 beside
    // （一）予以公开).
    let group_only = |rows: &[(Vec<LabelWord>, Vec<Val>)], k: usize, h: usize| {
        let right = rows[k].0.iter().map(|w| w.x1).fold(f32::MIN, f32::max);
        let left = rows[h].0.last().map_or(f32::MAX, |w| w.x0);
        !rows[k].0.is_empty()
            && !rows[h].0.is_empty()
            && rows[h].1.iter().any(|v| !v.is_empty())
            && right <= left
    };
    // Where the row labels' lines end: a label line reaching there was full,
    // and wrapped.
    let labels_end = rows
        .iter()
        .filter_map(|r| r.0.last())
        .map(|w| w.x1)
        .fold(f32::MIN, f32::max);
    // Whether row `k`'s label continues the numbered label of row `k - 1`,
    // whose line it wrapped from, full, beside some of the row's counts:
    // not opening a label, under its last word (at most a line's height
    // apart: lines may be set far apart) and in line with it (新出具已获取
    // 信息 under 5.要求行政机关确认或重, the row's counts split between the
    // two lines, each cell aligned its own way).
    let wraps_label = |rows: &[(Vec<LabelWord>, Vec<Val>)], k: usize| {
        let (Some(first), Some(above)) = (rows[k].0.first(), rows[k - 1].0.last()) else {
            return false;
        };
        lines[k].y0 - lines[k - 1].y1 <= 1.1 * lines[k].size
            && super::layout::starts_label(&above.text)
            && rows[k - 1].1.iter().any(|v| !v.is_empty())
            && !super::layout::starts_label(&first.text)
            && !is_section_heading(&first.text)
            && (first.x0 - above.x0).abs() <= 0.5 * first.size
            && above.x1 >= labels_end - first.size
    };
    for k in 0..n {
        let row = &rows[k];
        let labelled = !row.0.is_empty();
        if row.1.iter().all(Val::is_empty)
            || !row.1.iter().all(|v| v.is_empty() || is_figure(&v.text))
        {
            continue;
        }
        // A labelled line gives its figures only to a row beside its group
        // label's piece, or to the row whose label it continues, and only
        // figures filling or continuing its cells.
        let may_go =
            |h: usize| !labelled || group_only(rows, k, h) || (h + 1 == k && wraps_label(rows, k));
        if labelled && !(k + 1 < n && may_go(k + 1)) && !(k > 0 && may_go(k - 1)) {
            continue;
        }
        // A line under that is a label alone may be the figures' own row.
        let label_below = rows
            .get(k + 1)
            .is_some_and(|(l, v)| !l.is_empty() && v.iter().all(Val::is_empty));
        // (A group label's piece may hold a count's wrapped part too: 三、本
        // beside １０, over （一）予以公开 … ３ in cells aligned to their bottom.)
        let above = (k > 0 && !label_below && may_go(k - 1))
            .then(|| wraps_counts(rows, &emptied, k, k - 1))
            .flatten();
        let below = (k + 1 < n && may_go(k + 1))
            .then(|| wraps_counts(rows, &emptied, k, k + 1))
            .flatten();
        // Narrower parts tell which row a count wraps from; a few counts
        // as wide as theirs do when only one row is there to take them.
        let wraps = |this: Option<(bool, bool)>, other: Option<(bool, bool)>| {
            this.is_some_and(|(narrower, sparse)| narrower || (sparse && other.is_none()))
        };
        let tail = k > 0 && (continues(rows, &emptied, &from_above, k) || wraps(above, below));
        let head = wraps(below, above);
        let up = k > 0
            && (tail
                || fits(rows, &emptied, k, k - 1)
                || (labelled && wraps_label(rows, k) && fills_blanks(rows, &emptied, k, k - 1)))
            && may_go(k - 1);
        let down = k + 1 < n && (head || fits(rows, &emptied, k, k + 1)) && may_go(k + 1);
        // A group title that has no figures of its own (（三）不予公开)
        // over them leaves them to its sub-row under.
        let title_above = up
            && !tail
            && crate::template::FIGURELESS_GROUPS.iter().any(|g| {
                rows[k - 1].0.iter().any(|w| w.text.contains(g))
                    && rows[k - 1].1.iter().all(Val::is_empty)
            });
        // A group label's piece alone under them (（五）不 of （五）不予处理,
        // left of the labels of the row over them, which has figures) is
        // no row's figures' home: they are the row's over it.
        let group_piece_below =
            up && down && rows[k + 1].1.iter().all(Val::is_empty) && group_only(rows, k + 1, k - 1);
        // Figures overlapping a labelled line over them whose blanks they
        // fill are that row's, set lower than its label (行政处罚 over 255,
        // 行政强制 58 under it; 规章 0 _ 0 over 0), not a count's upper part
        // wrapped over the row below — unless every part below is narrower
        // (a count too wide for its cell) and the row above has figures.
        let beside_bare_label = up
            && head
            && !title_above
            && !rows[k - 1].0.is_empty()
            && (rows[k - 1].1.iter().all(Val::is_empty)
                || !below.is_some_and(|(narrower, _)| narrower))
            && lines[k].y0 < lines[k - 1].y1;
        let h = match (up && !title_above, down && !group_piece_below) {
            _ if beside_bare_label => k - 1,
            (true, false) => k - 1,
            (false, true) => k + 1,
            _ => continue,
        };
        let vals = std::mem::take(&mut rows[k].1);
        if h == k + 1 {
            from_above[h] = vals.iter().map(|v| !v.is_empty()).collect();
        }
        for (j, mut v) in vals.into_iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            if h < k && tail {
                rows[h].1[j].append(&v);
            } else if h > k && head {
                v.append(&rows[h].1[j]);
                rows[h].1[j] = v;
            } else {
                rows[h].1[j] = v;
            }
        }
        // A group label's piece stays, for its label.
        if labelled {
            rows[k].1 = vec![Val::default(); rows[h].1.len()];
        } else {
            emptied[k] = true;
        }
    }
    // A group title that prints no figures (（三）不予公开) over its first
    // sub-row, touching: figures there that fill exactly the cells the
    // sub-row left empty are the sub-row's, set a line higher (cells aligned
    // to their top, the figures' font sitting higher). Or under a sub-row
    // (a title centred beside its sub-rows, cells aligned to their bottom:
    // 行政诉讼 under 复议后起诉 in a table 四 printed with its groups as rows).
    let fills = |rows: &[(Vec<LabelWord>, Vec<Val>)], group: usize, sub: usize| {
        let (g, s) = (&rows[group], &rows[sub]);
        !emptied[sub]
            && !s.0.is_empty()
            && g.1.len() == s.1.len()
            && s.1.iter().any(|v| !v.is_empty())
            && g.1
                .iter()
                .zip(&s.1)
                .all(|(a, b)| a.is_empty() != b.is_empty())
            && touching(group, sub)
    };
    for k in 0..n {
        let group = &rows[k];
        if emptied[k] || group.1.iter().all(Val::is_empty) {
            continue;
        }
        let mut title: String = group.0.iter().map(|w| w.text.as_str()).collect();
        // The title wrapped onto the next line, left of that line's
        // sub-label: （四）无法 over 提供 beside 1.本机关不掌握….
        if let Some((next, _)) = rows.get(k + 1).filter(|_| !group.0.is_empty())
            && let [head @ .., _] = next.as_slice()
        {
            title.extend(
                head.iter()
                    .take_while(|w| !super::layout::starts_label(&w.text))
                    .map(|w| w.text.as_str()),
            );
        }
        let figureless = crate::template::FIGURELESS_GROUPS
            .iter()
            .any(|g| title.contains(g));
        // A group the 2021 template gives numbered sub-rows (（六）其他处理)
        // prints no figures of its own beside them either.
        let with_sub_rows = crate::template::APPLICATION_ROWS
            .iter()
            .filter_map(|r| r.group)
            .any(|g| title.contains(g));
        if !(figureless || with_sub_rows) {
            continue;
        }
        let sub = if k + 1 < n && fills(rows, k, k + 1) {
            k + 1
        } else if k > 0 && fills(rows, k, k - 1) {
            k - 1
        } else {
            continue;
        };
        let numbered = |w: &LabelWord| {
            let mut cs = w.text.chars();
            cs.next().is_some_and(is_digit) && matches!(cs.next(), Some('.' | '．'))
        };
        if !figureless && !rows[sub].0.last().is_some_and(numbered) {
            continue;
        }
        let width = rows[sub].1.len();
        let vals = std::mem::replace(&mut rows[k].1, vec![Val::default(); width]);
        for (j, v) in vals.into_iter().enumerate() {
            if !v.is_empty() {
                rows[sub].1[j] = v;
            }
        }
    }
    let mut k = 0;
    rows.retain(|_| {
        k += 1;
        !emptied[k - 1]
    });
    emptied
}

/// Rows of label words and figures → rows of label texts and figures, with
/// labels wrapped over several lines put back together. A label line that
/// does not open a label (`1.` `（六）` `三、`) and sits tight under a label
/// word it overlaps continues that word. A joined label then goes to the
/// one row of figures it stands beside (labels are centred on their row, so
/// figures may be on any of its lines); a label beside several rows of
/// figures is their group label and goes to the first; a label beside none
/// is a row of its own (a group title such as （四）无法提供).
fn join_wrapped_labels(rows: Vec<(Vec<LabelWord>, Vec<Val>)>) -> Vec<(Vec<String>, Vec<Val>)> {
    struct Chain {
        word: LabelWord,
        first_row: usize,
        last_row: usize,
        /// The rows holding its words (lines of figures alone may lie
        /// between them).
        word_rows: Vec<usize>,
        /// Those of them holding figures (no two with a figure in one
        /// column: at most a row a column).
        figure_rows: Vec<usize>,
    }
    let mut chains: Vec<Chain> = Vec::new();
    // Whether the rows between a label's line and `r` are lines of figures
    // in the gap: a row's figures printed on lines of their own between its
    // label's (cells centred on their row, the label wrapped over more
    // lines than the figures), maybe beside a group label's words centred
    // on the same line, left of the label (（六）其他 left of
    // 1.申请人…不再处理其政府 / 信息公开申请, its figures between the two;
    // 予处理 of （五）不 / 予处理 left of 4.无正当理由大量反 / 复申请).
    let figures_between = |c: &Chain, r: usize, w: &LabelWord| {
        rows[c.last_row + 1..r].iter().all(|(l, v)| {
            l.iter().all(|o| o.x1 <= c.word.x0)
                && v.iter().any(|v| !v.is_empty())
                && v.iter().all(|v| v.is_empty() || is_figure(&v.text))
                && v.iter()
                    .filter_map(|v| v.bbox)
                    .all(|b| b[1] >= c.word.y1 - 0.5 * w.size && b[3] <= w.y0 + 0.5 * w.size)
        })
    };
    // Whether rows `h` and `r` both hold a figure in some column (not a
    // figure's wrapped unit, 条 under 0): two rows, whatever their labels'
    // spacing (rows set close, labels not numbered: 行政处罚 right over
    // 行政强制; or 行政处罚 over its figure on a line of its own, 行政强制
    // 58 under that: its figures are no line's between a label's lines).
    let holds_figure = |r: usize| rows[r].1.iter().any(|v| is_figure(&v.text));
    let clash = |h: usize, r: usize| {
        rows[h]
            .1
            .iter()
            .zip(&rows[r].1)
            .any(|(a, b)| is_figure(&a.text) && is_figure(&b.text))
    };
    // Whether label word `w` of row `r` opens a label wrapped around a line
    // of figures of its own: no figures on its line, a line of figures
    // alone under it, and a label line without figures under that, under
    // `w` (其他对外管理 / 33 +7 389 / 服务事项), the line's only label (not a
    // group label's piece beside a row's). Such a word continues no label
    // that has figures already (行政许可 44 0 699 right over it, the lines
    // set close).
    let wraps_around_figures = |r: usize, w: &LabelWord| {
        let bare = |k: usize| {
            rows.get(k)
                .is_some_and(|(l, v)| l.is_empty() && v.iter().any(|v| !v.is_empty()))
        };
        let end = |k: usize| {
            rows.get(k).is_some_and(|(l, v)| {
                v.iter().all(Val::is_empty) && l.iter().any(|o| o.x0 < w.x1 && o.x1 > w.x0)
            })
        };
        rows[r].0.len() == 1 && rows[r].1.iter().all(Val::is_empty) && bare(r + 1) && end(r + 2)
    };
    // The chains a row's word may continue (their last row at most three
    // rows up), in the order they were opened: each word looks at these,
    // not at every chain of the table.
    let mut open: Vec<usize> = Vec::new();
    for (r, (labels, _)) in rows.iter().enumerate() {
        open.retain(|&ci| chains[ci].last_row + 3 >= r);
        for w in labels {
            let opens = super::layout::starts_label(&w.text);
            let continues = open
                .iter()
                .rposition(|&ci| {
                    let c = &chains[ci];
                    let skipped = (r - c.last_row.min(r)).saturating_sub(1);
                    let gap = w.y0 - c.word.y1;
                    r > c.last_row
                        && !c.figure_rows.iter().any(|&h| clash(h, r))
                        && (c.figure_rows.is_empty() || !wraps_around_figures(r, w))
                        && r - c.last_row <= 3
                        && w.x0 < c.word.x1
                        && w.x1 > c.word.x0
                        && gap >= -0.5 * w.size
                        && (gap < 0.5 * w.size
                            || (skipped > 0
                                && gap < (0.5 + 1.5 * skipped as f32) * w.size
                                && figures_between(c, r, w)
                                && !(c.last_row + 1..r).any(|h| clash(h, r))))
                })
                .map(|k| open[k])
                .filter(|_| !opens);
            match continues {
                Some(ci) => {
                    let c = &mut chains[ci];
                    c.word.text.push_str(&w.text);
                    c.word.y1 = w.y1;
                    c.word.x0 = c.word.x0.min(w.x0);
                    c.word.x1 = c.word.x1.max(w.x1);
                    c.last_row = r;
                    c.word_rows.push(r);
                    if holds_figure(r) {
                        c.figure_rows.push(r);
                    }
                }
                None => {
                    open.push(chains.len());
                    chains.push(Chain {
                        word: w.clone(),
                        first_row: r,
                        last_row: r,
                        word_rows: vec![r],
                        figure_rows: if holds_figure(r) { vec![r] } else { Vec::new() },
                    });
                }
            }
        }
    }
    let mut rows = rows;
    let has_figures =
        |rows: &[(Vec<LabelWord>, Vec<Val>)], r: usize| rows[r].1.iter().any(|v| !v.is_empty());
    let mut labels: Vec<Vec<(f32, String)>> = vec![Vec::new(); rows.len()];
    let mut home_of: Vec<usize> = Vec::with_capacity(chains.len());
    for c in &chains {
        // Its first line with figures; a line of figures alone between its
        // lines only when none of its lines has any.
        let home = c
            .word_rows
            .iter()
            .copied()
            .find(|r| has_figures(&rows, *r))
            .or_else(|| (c.first_row..=c.last_row).find(|r| has_figures(&rows, *r)))
            .unwrap_or(c.first_row);
        home_of.push(home);
    }
    let spans: Vec<(usize, usize)> = chains.iter().map(|c| (c.first_row, c.last_row)).collect();
    for (c, home) in chains.into_iter().zip(home_of.iter().copied()) {
        // The end of a label whose start is on the page before: a row of
        // figures without a label of its own, right above, takes it.
        let orphan_above = !has_figures(&rows, home)
            && !super::layout::starts_label(&c.word.text)
            && home > 0
            && has_figures(&rows, home - 1)
            && !home_of.contains(&(home - 1));
        let home = if orphan_above { home - 1 } else { home };
        labels[home].push((c.word.x0, c.word.text));
    }
    // A label wrapped beside two lines of figures that fill each other's
    // empty cells (cells aligned to their bottom, some over an empty line,
    // printed their figures on two lines): the other line's figures are
    // the label's row's, not a row without a label.
    for (&home, &(first, last)) in home_of.iter().zip(&spans) {
        let mut others =
            (first..=last).filter(|&r| r != home && labels[r].is_empty() && has_figures(&rows, r));
        let (Some(r), None) = (others.next(), others.next()) else {
            continue;
        };
        let fits = rows[r].1.len() == rows[home].1.len()
            && rows[r]
                .1
                .iter()
                .zip(&rows[home].1)
                .all(|(a, b)| a.is_empty() || b.is_empty());
        if fits && !labels[home].is_empty() {
            let vals = std::mem::take(&mut rows[r].1);
            for (j, v) in vals.into_iter().enumerate() {
                if !v.is_empty() {
                    rows[home].1[j] = v;
                }
            }
        }
    }
    rows.into_iter()
        .zip(labels)
        .filter(|((_, vals), labels)| !labels.is_empty() || vals.iter().any(|v| !v.is_empty()))
        .map(|((_, vals), mut labels)| {
            // Group labels stand left of their sub-labels.
            labels.sort_by(|a, b| a.0.total_cmp(&b.0));
            (labels.into_iter().map(|(_, t)| t).collect(), vals)
        })
        .collect()
}

/// A word's pieces (x0, x1), cut where its glyphs leave a gap: headers of
/// neighbouring columns printed close read as one word.
fn glyph_pieces(w: &Word, size: f32) -> impl Iterator<Item = (f32, f32)> + '_ {
    let g = &w.glyphs;
    let mut start = 0;
    (1..=g.len()).filter_map(move |i| {
        if i < g.len() && g[i].0 - g[i - 1].1 <= 0.15 * size {
            return None;
        }
        let piece = (g[start].0, g[i - 1].1);
        start = i;
        Some(piece)
    })
}

/// Column centres from the lowest header cells (the leaf headers, printed
/// over up to three lines), each word cut where its glyphs leave a gap:
/// headers of neighbouring columns often touch. Only right of `left`.
/// With each, the narrowest gap between its pieces and their neighbours
/// on their lines (a space's width inside one header: 社会 公益组织).
fn header_columns(header: &[WordLine], left: f32) -> Vec<(f32, f32)> {
    // A sub-table's caption over the header names no column: its type,
    // larger than the header's, would widen the band of the header's lowest
    // lines and their glyphs' gaps, and its line would join the words it
    // spans (本年制发件数 and 本年废止件数) into one cell.
    let header: Vec<&WordLine> = header.iter().filter(|l| !is_caption(l)).collect();
    let Some(bottom) = header.iter().map(|l| l.y1).reduce(f32::max) else {
        return Vec::new();
    };
    let size = header.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
    // (x0, x1, gap to the pieces beside it on its line)
    let line_pieces = |l: &WordLine, pieces: &mut Vec<(f32, f32, f32)>| {
        let first = pieces.len();
        for w in &l.words {
            pieces.extend(glyph_pieces(w, size).map(|(a, b)| (a, b, f32::MAX)));
        }
        let line = &mut pieces[first..];
        for i in 1..line.len() {
            let gap = line[i].0 - line[i - 1].1;
            line[i].2 = line[i].2.min(gap);
            line[i - 1].2 = line[i - 1].2.min(gap);
        }
    };
    let low = |l: &&&WordLine| l.y0 >= bottom - 3.5 * size;
    let mut pieces: Vec<(f32, f32, f32)> = Vec::new();
    for l in header.iter().filter(low) {
        line_pieces(l, &mut pieces);
    }
    pieces.retain(|p| p.0 >= left);
    // A header spanning the header's rows is centred between them, above
    // the leaf headers' lines when those wrap over three or four (自然人
    // and 总计 beside 社会/公益组/织 under 法人或其他组织): a piece above over
    // no leaf piece is such a header, not a group title over leaves.
    // (Leaf pieces sorted by start and their ends' running maximum: one
    // binary search a piece.)
    let mut leaves: Vec<(f32, f32)> = pieces.iter().map(|p| (p.0, p.1)).collect();
    leaves.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = f32::MIN;
    let ends: Vec<f32> = leaves
        .iter()
        .map(|p| {
            reach = reach.max(p.1);
            reach
        })
        .collect();
    let over_a_leaf = |(x0, x1): (f32, f32)| {
        // Leaves starting before x1: does any of them end after x0?
        let n = leaves.partition_point(|p| p.0 < x1);
        n > 0 && ends[n - 1] > x0
    };
    let mut upper = Vec::new();
    for l in header.iter().filter(|l| !low(l)) {
        line_pieces(l, &mut upper);
    }
    pieces.extend(
        upper
            .into_iter()
            .filter(|p| p.0 >= left && !over_a_leaf((p.0, p.1))),
    );
    // Pieces that overlap across lines are one header cell (结果维 over 持).
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cells: Vec<(f32, f32, f32)> = Vec::new();
    for (x0, x1, gap) in pieces {
        match cells.last_mut() {
            Some(c) if x0 < c.1 - 0.1 * size => {
                c.1 = c.1.max(x1);
                c.2 = c.2.min(gap);
            }
            _ => cells.push((x0, x1, gap)),
        }
    }
    cells
        .iter()
        .map(|(x0, x1, gap)| ((x0 + x1) / 2.0, *gap))
        .collect()
}

/// Whether columns of figures `cols` leave room for a column blank in
/// every row that the header's columns `hcols` could name: a gap between
/// two of them half as wide again as the narrowest (with only two, half as
/// wide again as the header's usual spacing, one gap saying nothing of
/// evenness), or a header column past the first or last of them by more
/// than 0.6 of the narrowest gap. Figures evenly spaced under the whole
/// header leave none, so a header read as more pieces than it has columns
/// (结果维 over 持, split at the space in 结果 维) is not taken for more
/// columns. The price: three or more columns of figures with every other
/// column blank in every row read as no room: they look here just like a
/// header of two pieces a column, taken as the commoner (Word and WPS
/// spread a label's characters across a narrow cell).
fn leaves_room_for_blank_columns(cols: &[f32], hcols: &[f32]) -> bool {
    let (Some(first), Some(last)) = (cols.first(), cols.last()) else {
        return true;
    };
    if cols.len() < 2 {
        return true;
    }
    let (narrowest, widest) = cols
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold((f32::MAX, f32::MIN), |(lo, hi), g| (lo.min(g), hi.max(g)));
    let hole = if cols.len() == 2 {
        let mut gaps: Vec<f32> = hcols.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_by(f32::total_cmp);
        gaps.get(gaps.len() / 2)
            .is_some_and(|median| widest >= 1.5 * median)
    } else {
        widest >= 1.5 * narrowest
    };
    let margin = 0.6 * narrowest;
    hole || hcols
        .iter()
        .any(|h| *h < first - margin || *h > last + margin)
}

/// Where the header's words go when the figures stand at their cells'
/// right edges (a web page's table with its cells aligned right): a wide
/// header then reaches left of its column's figures, nearer the column
/// before's, and a word wrapped under it (构 of 法律服务机构) stands near the
/// next column's. Each cell taken to run from the previous column's right
/// edge to its own. None unless some column's figures of differing widths
/// share their right edges and none's share their middles (or, figures all
/// as wide, some header word ends where its column's figures end, away
/// from their middle, and none is centred over them). Likewise at their
/// left edges (cells aligned left), each cell then running from its own
/// figures' left edge to the next column's, when more columns say so than
/// say right.
fn aligned_placement(header: &[WordLine], data: &[&WordLine], cols: &[f32]) -> Option<Placement> {
    if cols.len() < 2 {
        return None;
    }
    // Each column's counts' extents (plain digits: [`is_figure`]'s rules
    // cost more than this whole look, and counts tell the alignment).
    let mut spans: Vec<Vec<(f32, f32)>> = vec![Vec::new(); cols.len()];
    for w in data.iter().flat_map(|l| row_counts(l)) {
        spans[nearest(cols, w.cx())].push((w.x0, w.x1));
    }
    let size = data.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
    let spread = |v: &mut dyn Iterator<Item = f32>| {
        let (lo, hi) = v.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
        hi - lo
    };
    let (mut right, mut middle, mut left) = (0, 0, 0);
    for s in &spans {
        let widths = spread(&mut s.iter().map(|(a, b)| b - a));
        if s.len() < 2 || widths < 0.3 * size {
            continue;
        }
        let ends = spread(&mut s.iter().map(|p| p.1));
        let mids = spread(&mut s.iter().map(|(a, b)| (a + b) / 2.0));
        if ends < 0.25 * size && mids >= 0.25 * size {
            right += 1;
        } else if mids < 0.25 * size && ends >= 0.25 * size {
            middle += 1;
        } else if spread(&mut s.iter().map(|p| p.0)) < 0.25 * size && mids >= 0.25 * size {
            left += 1;
        }
    }
    let increasing =
        |v: &[f32]| v.iter().all(|e| e.is_finite()) && v.windows(2).all(|w| w[0] < w[1]);
    let edges: Vec<f32> = spans
        .iter()
        .map(|s| s.iter().map(|p| p.1).fold(f32::MIN, f32::max))
        .collect();
    let starts: Vec<f32> = spans
        .iter()
        .map(|s| s.iter().map(|p| p.0).fold(f32::MAX, f32::min))
        .collect();
    if !increasing(&edges) {
        return None;
    }
    // Figures all as wide as each other tell nothing: the header's words
    // (wider) then do, ending where their column's figures end, or
    // centred over them.
    if right == 0 && middle == 0 {
        let pieces = header
            .iter()
            .flat_map(|l| &l.words)
            .flat_map(|w| glyph_pieces(w, size));
        let mid = |k: usize| {
            spans[k].iter().map(|(a, b)| (a + b) / 2.0).sum::<f32>() / spans[k].len().max(1) as f32
        };
        for (x0, x1) in pieces.filter(|(x0, x1)| x1 - x0 >= 2.0 * size) {
            let k = nearest(&edges, x1);
            let (ends, centres) = ((x1 - edges[k]).abs(), ((x0 + x1) / 2.0 - mid(k)).abs());
            if ends < 0.25 * size && centres >= 0.5 * size {
                right += 1;
            } else if centres < 0.25 * size && ends >= 0.5 * size {
                middle += 1;
            } else {
                let k = nearest(&starts, x0);
                let begins = (x0 - starts[k]).abs();
                if begins < 0.25 * size && ((x0 + x1) / 2.0 - mid(k)).abs() >= 0.5 * size {
                    left += 1;
                }
            }
        }
    }
    if middle > 0 || (right == 0 && left == 0) {
        return None;
    }
    // (A column of counts that happen to end together among many that
    // start together is aligned left too.)
    if left > right {
        // Figures and headers aligned left (a borderless table in Word's
        // default alignment): each column's cell starts at its figures.
        if !increasing(&starts) {
            return None;
        }
        let centres = (0..starts.len())
            .map(|k| match starts.get(k + 1) {
                Some(next) => (starts[k] + next) / 2.0,
                None => starts[k] + (starts[k] - starts[k - 1]) / 2.0,
            })
            .collect();
        return Some(Placement {
            centres,
            edges: None,
            starts: Some(starts),
            slack: 0.25 * size,
        });
    }
    let centres = (0..edges.len())
        .map(|k| match k {
            0 => edges[0] - (edges[1] - edges[0]) / 2.0,
            _ => (edges[k - 1] + edges[k]) / 2.0,
        })
        .collect();
    Some(Placement {
        centres,
        edges: Some(edges),
        starts: None,
        slack: 0.25 * size,
    })
}

fn build(lines: &[WordLine], header_lines: usize) -> StreamTable {
    let data: Vec<&WordLine> = lines[header_lines..].iter().collect();
    let mut cols = columns(&data);
    // Columns that are blank in every row leave no figure to find them by:
    // the header names them. Taken when the header has more columns and
    // every column of figures stands under one of them.
    if let Some(first) = cols.first().copied() {
        let size = data.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
        let named_by_header = |left: f32| {
            let named = header_columns(&lines[..header_lines], left);
            let hcols: Vec<f32> = named.iter().map(|h| h.0).collect();
            let h_spacing = hcols
                .windows(2)
                .map(|w| w[1] - w[0])
                .fold(f32::MAX, f32::min);
            // Header columns of a real grid are evenly spaced; a group
            // title's centre (法人或其他组织) between two of them is not a
            // column.
            let mut gaps: Vec<f32> = hcols.windows(2).map(|w| w[1] - w[0]).collect();
            gaps.sort_by(f32::total_cmp);
            let even = gaps.first().zip(gaps.last()).is_some_and(|(lo, hi)| {
                let median = gaps[gaps.len() / 2];
                *lo >= 0.6 * median && *hi <= 1.6 * median
            });
            // Or every column of figures named right where it stands, the
            // header's other columns past them (总计, printed on the totals
            // only, narrow beside 其他): columns blank at the table's edge.
            let at_edges = || {
                let (first, last) = (cols[0], cols[cols.len() - 1]);
                let named_here = |x: f32| hcols.iter().any(|h| (h - x).abs() < 0.25 * size);
                cols.iter().all(|c| named_here(*c))
                    && hcols.iter().all(|h| {
                        *h < first || *h > last || cols.iter().any(|c| (h - c).abs() < 0.25 * size)
                    })
            };
            (hcols.len() > cols.len()
                && hcols.len() <= 40
                && (even || at_edges())
                && h_spacing > size
                && leaves_room_for_blank_columns(&cols, &hcols)
                && cols
                    .iter()
                    .all(|c| hcols.iter().any(|h| (h - c).abs() < 0.4 * h_spacing))
                // A column without figures is named by a header of its own,
                // set apart from its neighbours by more than a space.
                && named.iter().all(|(h, gap)| {
                    *gap >= 0.4 * size || cols.iter().any(|c| (h - c).abs() < 0.4 * h_spacing)
                }))
            .then_some(hcols)
        };
        // Header words from a little left of the first figures; or, for
        // columns blank in every row left of them (本年制发件数 and 本年废止件数
        // of a 规章 row printed blank), every header word right of the
        // rows' labels.
        // (Only looked for when a header line has two words or more left
        // of the figures: a label column's name and a blank column's.)
        let room = lines[..header_lines].iter().any(|l| {
            l.words
                .iter()
                .filter(|w| w.x1 < first - 2.5 * size)
                .nth(1)
                .is_some()
        });
        let widened = || {
            let labels_end = data
                .iter()
                .flat_map(|l| l.words[..l.words.len() - figures(l).len()].iter())
                .map(|w| w.x1)
                .fold(f32::MIN, f32::max);
            let left = labels_end + 0.5 * size;
            // (only when a header word stands between the two)
            (labels_end > f32::MIN
                && lines[..header_lines].iter().any(|l| {
                    l.words
                        .iter()
                        .any(|w| w.x0 >= left && w.x1 < first - 2.5 * size)
                }))
            .then_some(left)
        };
        if let Some(hcols) = named_by_header(first - 2.5 * size)
            .or_else(|| room.then(widened).flatten().and_then(named_by_header))
        {
            cols = hcols;
        }
    }
    let spacing = cols
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f32::MAX, f32::min);
    // Where the labels end and the figures begin (the edge between them
    // when every label ends before every figure).
    let labels_and_figures = || {
        let label_right = data
            .iter()
            .flat_map(|l| {
                let n = l.words.len() - figures(l).len();
                l.words[..n].iter().map(|w| w.x1)
            })
            .fold(f32::MIN, f32::max);
        let figure_left = data
            .iter()
            .filter_map(|l| figures(l).first().map(|w| w.x0))
            .fold(f32::MAX, f32::min);
        let between = (label_right < figure_left).then(|| (label_right + figure_left) / 2.0);
        (between, figure_left)
    };
    let first_edge = if cols.len() == 1 {
        // One column of figures: no spacing to go by, so the edge lies
        // between the labels and the figures.
        let (between, figure_left) = labels_and_figures();
        between.unwrap_or(figure_left)
    } else {
        // Half a column's spacing left of the first column, or further
        // right when the labels end there: two columns far apart (a
        // sub-table of table 二) put that half past the labels' end. (Not
        // past the first column: the header may name columns blank in every
        // row left of the figures.)
        let first = cols.first().copied().unwrap_or(0.0);
        let size = data.iter().map(|l| l.size).fold(0.0, f32::max).max(1.0);
        let spaced = first - spacing.min(200.0) / 2.0;
        // (Looked for only when a line's first word reaches past that half.)
        let past = data
            .iter()
            .any(|l| l.words.first().is_some_and(|w| w.x1 > spaced + 0.5 * size));
        match past.then(labels_and_figures) {
            Some((Some(b), _)) => b.min(first - 0.5 * size).max(spaced),
            _ => spaced,
        }
    };
    let mut cells: Vec<Cell> = Vec::new();
    let mut used = Vec::new();
    let cell = Cell::of_text;
    // Title lines (one word: 第二十条…, 申请人情况, the 勾稽关系 note) become
    // rows of their own; header lines merge into one row, each column's
    // words top to bottom; a word spanning several columns is a group title
    // and skipped.
    // Only the leading one-word lines are titles: below the first line of
    // column headers, a lone word is a header wrapped or centred apart from
    // its neighbours (其他 between 商业 and 企业).
    // A lone word no wider than a column, right above a header word over
    // one column at most, in line with it (`上一年` over `项目数量`, the row's other
    // headers centred between them), is that header's first line, not a
    // title (titles span columns: 第二十条第（五）项, 申请人情况 over
    // 法人或其他组织).
    // The column of that header word, for a lone word wrapped into it.
    // Where the header's words are placed: by the cells of their columns.
    let placed = aligned_placement(&lines[..header_lines], &data, &cols)
        .unwrap_or_else(|| Placement::centres(&cols));
    let wraps_into_header = |k: usize| -> Option<usize> {
        let [w] = lines[k].words.as_slice() else {
            return None;
        };
        let size = lines[k].size;
        if !spacing.is_finite() {
            return None;
        }
        let below = lines[k + 1..header_lines]
            .iter()
            .flat_map(|l| &l.words)
            .find(|n| n.x0 < w.x1 && n.x1 > w.x0);
        // Wider than the narrowest column only as a header's first line
        // over its last character or two, centred under it, over one
        // column (法律服务机 over 构, the narrow 总计 column beside).
        let tail_under = below.is_some_and(|b| {
            b.text.chars().count() <= 2
                && (b.cx() - w.cx()).abs() < 0.5 * size
                && placed.under(w) <= 1
        });
        if w.x1 - w.x0 > 0.9 * spacing && !tail_under {
            return None;
        }
        let Some(below) = below else {
            // Set a line above the header's other words (cells aligned to
            // their top or bottom), right over a column they leave unnamed:
            // that column's header (本年制发件数 over 本年废止件数's row).
            let next = lines.get(k + 1).filter(|_| k + 1 < header_lines)?;
            let col = placed.at(w.cx());
            let unnamed = !lines[k + 1..header_lines]
                .iter()
                .flat_map(|l| &l.words)
                .any(|n| n.x0 >= first_edge && placed.at(n.cx()) == col);
            return (next.y0 - w.y1 <= 0.5 * size
                && w.x0 >= first_edge
                && placed.under(w) <= 1
                && unnamed)
                .then_some(col);
        };
        // (Or both in one column, the word narrower than any: a header
        // whose inserted words a tracked change struck out again.)
        let in_line = (below.cx() - w.cx()).abs() < 0.5 * size
            || (below.x0 - w.x0).abs() < 0.5 * size
            || (w.x1 - w.x0 <= 0.9 * spacing
                && placed.under(w) <= 1
                && placed.at(w.cx()) == placed.at(below.cx()));
        (in_line
            && below.y0 - w.y1 < 2.0 * size
            && placed.under(below) <= 1
            && below.x1 >= first_edge)
            .then(|| placed.at(below.cx()))
    };
    let titles = lines[..header_lines]
        .iter()
        .enumerate()
        .take_while(|(k, l)| l.words.len() == 1 && wraps_into_header(*k).is_none())
        .count();
    let mut r = 0;
    for l in &lines[..titles] {
        used.extend(l.words[0].chars.iter().copied());
        cells.push(cell(r, 0, l.words[0].text.clone()));
        r += 1;
    }
    // A figure of the first row set a line higher (cells aligned to their
    // bottom, some ending in an empty line) is read with the header's last
    // line: it goes to that row, into a column the row leaves empty.
    let first_row_taken: Vec<bool> = {
        let mut taken = vec![false; cols.len()];
        if let Some(l) = data.first() {
            for w in l.words.iter().filter(|w| w.x1 > first_edge + 0.5 * l.size) {
                taken[nearest(&cols, w.cx())] = true;
            }
        }
        taken
    };
    let mut raised: Vec<(usize, &Word)> = Vec::new();
    if titles < header_lines {
        let mut texts = vec![String::new(); cols.len() + 1];
        for (k, l) in lines.iter().enumerate().take(header_lines).skip(titles) {
            if let Some(col) = wraps_into_header(k) {
                used.extend(l.words[0].chars.iter().copied());
                texts[col + 1].push_str(&l.words[0].text);
                continue;
            }
            for w in &l.words {
                used.extend(w.chars.iter().copied());
                if w.x1 < first_edge && !placed.in_first_cell(w) {
                    texts[0].push_str(&w.text);
                    continue;
                }
                // A word over one column only is that column's header,
                // however wide (`社会公益组` wrapped in a column beside a
                // narrow one).
                // (Nor is a word over none: it stands between two columns'
                // centres, nearer one — 社会公益组 in a column wider than
                // the narrowest, its cells aligned right.)
                let over_several = placed.under(w) > 1;
                if spacing.is_finite() && w.x1 - w.x0 > 1.6 * spacing && over_several {
                    // Headers of narrow columns printed close together read
                    // as one wide word: split it where a small gap falls on
                    // a column boundary. A group title (法人或其他组织) has
                    // no such gap and is skipped.
                    for (x, text) in split_at_gaps(w, &placed, l.size) {
                        texts[placed.at(x) + 1].push_str(&text);
                    }
                    continue;
                }
                let c = nearest(&cols, w.cx());
                if k + 1 == header_lines
                    && is_figure(&w.text)
                    && !first_row_taken[c]
                    && data
                        .first()
                        .is_some_and(|d| d.y0 - w.y1 <= 0.5 * d.size && !d.words.is_empty())
                    && !raised.iter().any(|(rc, _)| *rc == c)
                {
                    raised.push((c, w));
                    continue;
                }
                texts[placed.at(w.cx()) + 1].push_str(&w.text);
            }
        }
        for (c, t) in texts.into_iter().enumerate() {
            cells.push(cell(r, if c == 0 { 0 } else { LABEL_COLS + c - 1 }, t));
        }
        r += 1;
    }
    // Every word goes where it stands: left of the first column it is a
    // label (each label word its own cell, so a group label printed beside
    // a row label stays apart from it), otherwise the column it sits under
    // (a sub-table's own header line, e.g. 信息内容 | 本年处理决定数量, lands
    // in the right columns too).
    let mut rows: Vec<(Vec<LabelWord>, Vec<Val>)> = Vec::new();
    let starts = count_starts(&data, &cols);
    for l in &data {
        let mut labels: Vec<LabelWord> = Vec::new();
        let mut vals = vec![Val::default(); cols.len()];
        for w in &l.words {
            used.extend(w.chars.iter().copied());
            if let Some((k, col)) = figure_after_label(w, &starts, l.size) {
                split_before_labels(&word_part(w, 0..k), l.size, &mut labels);
                let figure = word_part(w, k..w.glyphs.len());
                vals[col].push(&figure.text, [figure.x0, w.y0, figure.x1, w.y1]);
                continue;
            }
            let in_label = w.x1 <= first_edge + 0.5 * l.size
                && !(is_figure(&w.text) && w.x0 >= first_edge - l.size);
            if in_label
                || (spacing.is_finite() && w.x1 - w.x0 > 1.6 * spacing && !is_figure(&w.text))
            {
                split_before_labels(w, l.size, &mut labels);
            } else {
                vals[nearest(&cols, w.cx())].push(&w.text, [w.x0, w.y0, w.x1, w.y1]);
            }
        }
        rows.push((labels, vals));
    }
    if let Some(first) = rows.first_mut() {
        for (c, w) in raised {
            first.1[c].push(&w.text, [w.x0, w.y0, w.x1, w.y1]);
        }
    }
    join_wrapped_values(&mut rows);
    join_dropped_figures(&mut rows, &data);
    let rows = join_wrapped_labels(rows);
    for (labels, vals) in rows {
        let n = labels.len();
        for (c, t) in labels.into_iter().enumerate() {
            // Surplus label words share the last label cell.
            if c < LABEL_COLS {
                cells.push(cell(r, c, t));
            } else if let Some(last) = cells
                .iter_mut()
                .rev()
                .find(|x| x.row == r && x.col == LABEL_COLS - 1)
            {
                last.text.push_str(&t);
            }
        }
        if n == 0 {
            cells.push(cell(r, 0, String::new()));
        }
        for (c, v) in vals.into_iter().enumerate() {
            let mut value = cell(r, LABEL_COLS + c, v.text);
            value.at = v.bbox.map(|bbox| PageBox { page: 0, bbox });
            cells.push(value);
        }
        r += 1;
    }
    StreamTable {
        top: lines[0].y0,
        table: Table::from_cells(cells),
        chars: used,
        cols,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_keys_order_floats_as_total_cmp() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            f32::MIN_POSITIVE,
            -f32::MIN_POSITIVE,
            1e-45,
            -1e-45,
            f32::MAX,
            f32::MIN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            -f32::NAN,
            412.5,
            412.50003,
        ];
        let mut rng = crate::test_rng::Xorshift(0x9e37_79b9);
        let random = (0..2000).map(|_| f32::from_bits(rng.next_u32()));
        let all: Vec<f32> = special.into_iter().chain(random).collect();
        for a in &all {
            for b in all.iter().step_by(7) {
                assert_eq!(
                    total_order(*a).cmp(&total_order(*b)),
                    a.total_cmp(b),
                    "{a} {b}"
                );
            }
        }
    }

    /// A page's lines found with plain comparisons (its edges all finite)
    /// are those `f32::min` and `max` find, on lines of mixed heights,
    /// baselines a hair apart, glyphs touching at an edge and huge edges.
    #[test]
    fn vertical_runs_of_finite_pages_are_the_nan_aware_ones() {
        let mut rng = crate::test_rng::Xorshift(0x2545_f491);
        let mut next = |n: u32| rng.next_u32() % n;
        let heights = [10.0, 12.0, 0.0, 3e38, 1e-30, 10.5];
        for _ in 0..300 {
            let chars: Vec<TextChar> = (0..next(60) + 1)
                .map(|_| {
                    let y0 = [0.0, -0.0, 100.0, 105.0, 100.000_01, -3e38][next(6) as usize]
                        + next(4) as f32 * 11.0;
                    let m = super::super::Matrix([10.0, 0.0, 0.0, 10.0, next(500) as f32, 0.0]);
                    let mut c = TextChar::placed(
                        "字".into(),
                        &m,
                        [0.0, 0.0, 1.0, 1.0],
                        false,
                        0.0,
                        false,
                        0,
                    );
                    (c.y0, c.y1) = (y0, y0 + heights[next(6) as usize]);
                    c
                })
                .collect();
            let refs: Vec<&TextChar> = chars.iter().collect();
            let (order, runs) = reading_lines(&refs);
            assert!(refs.iter().all(|c| c.y0.is_finite() && c.y1.is_finite()));
            let nan_aware = vertical_runs::<false>(&refs, &order);
            assert_eq!(runs, split_overprinted_lines(&refs, &order, nan_aware));
        }
    }

    /// A header whose cells read as two pieces each (a label with a space
    /// in it: 结果 维) over figures evenly spaced under every cell: the
    /// figures keep their own columns, not the pieces' (which would put
    /// them in every other column). Header columns are taken only where
    /// the figures leave room for a blank one.
    #[test]
    fn a_header_read_as_more_pieces_than_columns_does_not_move_figures() {
        let spaced = |x: f32, label: &str| {
            let mut w = line(0.0, &[(x, label)]).words.remove(0);
            let mut at = x;
            for ch in label.chars() {
                if ch == ' ' {
                    at += 2.0;
                    continue;
                }
                w.glyphs.push((at, at + 10.0, ch.to_string().into()));
                at += 10.0;
            }
            w.text = label.replace(' ', "");
            w.x1 = at;
            w
        };
        let mut header = line(0.0, &[]);
        header.words = (0..4).map(|k| spaced(40.0 * k as f32, "结果 维")).collect();
        let figures: Vec<(f32, &str)> = [
            (-60.0, "申请"),
            (5.0, "1"),
            (45.0, "2"),
            (85.0, "3"),
            (125.0, "4"),
        ]
        .to_vec();
        let lines = vec![header, line(15.0, &figures)];
        let t = build(&lines, 1).table;
        let at = |r: usize, c: usize| t.grid[r][c].map(|i| t.cells[i].text.as_str());
        for (k, f) in ["1", "2", "3", "4"].iter().enumerate() {
            assert_eq!(at(1, LABEL_COLS + k), Some(*f), "{:?}", t.cells);
        }
        assert!(!leaves_room_for_blank_columns(
            &[10.0, 40.0, 70.0, 100.0],
            &[10.0, 27.0, 40.0, 57.0, 70.0, 87.0, 100.0, 117.0]
        ));
        // A column blank in every row: a hole between figures, or a header
        // column past the last of them.
        assert!(leaves_room_for_blank_columns(
            &[10.0, 40.0, 100.0],
            &[10.0, 40.0, 70.0, 100.0]
        ));
        assert!(leaves_room_for_blank_columns(
            &[10.0, 40.0, 70.0],
            &[10.0, 40.0, 70.0, 100.0]
        ));
        // Two columns of figures with the one between them blank.
        assert!(leaves_room_for_blank_columns(
            &[10.0, 70.0],
            &[10.0, 40.0, 70.0]
        ));
    }

    /// Headers over one column each, set level with the first line of
    /// taller headers beside them, name columns blank in every row too.
    #[test]
    fn headers_centred_beside_taller_wrapped_headers_name_their_columns() {
        // Lines 16 apart at size 10: the one-line headers 自然人 and 总计,
        // centred over the header's rows, stand above the lowest lines of
        // 社会/公益组/织; 科研机构 and 社会公益组织 hold no figure.
        let lines = vec![
            line(0.0, &[(370.0, "法人或其他组织")]),
            line(16.0, &[(300.0, "自然人"), (455.0, "社会"), (555.0, "总计")]),
            line(24.0, &[(355.0, "商业"), (405.0, "科研")]),
            line(32.0, &[(450.0, "公益组"), (505.0, "其他")]),
            line(40.0, &[(355.0, "企业"), (405.0, "机构")]),
            line(48.0, &[(460.0, "织")]),
            line(
                70.0,
                &[
                    (-60.0, "新收"),
                    (310.0, "5"),
                    (360.0, "1"),
                    (510.0, "2"),
                    (560.0, "8"),
                ],
            ),
            line(
                86.0,
                &[
                    (-60.0, "结转"),
                    (310.0, "3"),
                    (360.0, "1"),
                    (510.0, "1"),
                    (560.0, "5"),
                ],
            ),
        ];
        let t = build(&lines, 6).table;
        let at = |r: usize, c: usize| {
            t.grid[r]
                .get(c)
                .copied()
                .flatten()
                .map(|i| t.cells[i].text.as_str())
        };
        let row = |label: &str| {
            t.cells
                .iter()
                .find(|c| c.text == label)
                .map(|c| c.row)
                .unwrap()
        };
        let (new, carried) = (row("新收"), row("结转"));
        let values = |r: usize| {
            (0..6)
                .map(|k| at(r, LABEL_COLS + k).unwrap_or(""))
                .collect::<Vec<_>>()
        };
        assert_eq!(values(new), ["5", "1", "", "", "2", "8"], "{:?}", t.cells);
        assert_eq!(values(carried), ["3", "1", "", "", "1", "5"]);
        let header = row("自然人");
        assert_eq!(at(header, LABEL_COLS + 5), Some("总计"));
        assert_eq!(at(header, LABEL_COLS + 2), Some("科研机构"));
    }

    /// Two columns of figures with the header's middle column blank in
    /// every row: the header names it, and the second figures stay under
    /// the third column.
    #[test]
    fn a_column_blank_between_two_columns_of_figures_is_kept() {
        let mut header = line(
            0.0,
            &[(-60.0, "内容"), (0.0, "甲"), (40.0, "乙"), (80.0, "丙")],
        );
        for w in &mut header.words {
            w.glyphs = vec![(w.x0, w.x1, w.text.as_str().into())];
        }
        let lines = vec![
            header,
            line(15.0, &[(-60.0, "申请"), (0.0, "1"), (80.0, "2")]),
            line(30.0, &[(-60.0, "办结"), (0.0, "3"), (80.0, "4")]),
        ];
        let t = build(&lines, 1).table;
        let at = |r: usize, c: usize| t.grid[r][c].map(|i| t.cells[i].text.as_str());
        assert_eq!(at(1, LABEL_COLS + 2), Some("2"), "{:?}", t.cells);
        assert_eq!(at(2, LABEL_COLS + 2), Some("4"));
        assert_eq!(at(0, LABEL_COLS + 1), Some("乙"));
    }

    fn line(y: f32, words: &[(f32, &str)]) -> WordLine {
        line_of_size(y, 10.0, words)
    }

    /// A line of `size`-point glyphs, each word's from its x.
    fn line_of_size(y: f32, size: f32, words: &[(f32, &str)]) -> WordLine {
        WordLine {
            y0: y,
            y1: y + size,
            size,
            words: words
                .iter()
                .map(|(x, t)| Word {
                    x0: *x,
                    x1: x + size * t.chars().count() as f32,
                    y0: y,
                    y1: y + size,
                    text: t.to_string(),
                    chars: vec![],
                    glyphs: t
                        .chars()
                        .enumerate()
                        .map(|(i, c)| {
                            let gx = x + size * i as f32;
                            (gx, gx + size, EcoString::from(c.to_string()))
                        })
                        .collect(),
                })
                .collect(),
            figure_count: Default::default(),
        }
    }

    /// Table 二's first sub-table at exact 18-point line spacing: its
    /// caption, in larger type, over a header whose columns only the
    /// header names (规章 printed blank, one figure in the last column).
    /// The caption stood within the header's band and joined the two
    /// columns it spans into one: the figure went to 本年废止件数.
    #[test]
    fn a_captions_larger_type_over_a_header_joins_no_columns() {
        let t = find(&[
            line_of_size(475.0, 16.0, &[(225.8, "第二十条第（一）项")]),
            line_of_size(
                497.9,
                10.5,
                &[
                    (161.4, "信息内容"),
                    (251.9, "本年制发件数"),
                    (328.8, "本年废止件数"),
                    (405.8, "现行有效件数"),
                ],
            ),
            line_of_size(515.9, 10.5, &[(171.9, "规章")]),
            line_of_size(533.9, 10.5, &[(145.6, "行政规范性文件"), (433.9, "5")]),
        ]);
        let rows = row_texts(&t[0].table);
        let column = |text: &str| rows.iter().find_map(|r| r.iter().position(|c| *c == text));
        assert!(column("本年废止件数").is_some(), "{rows:?}");
        assert_eq!(column("5"), column("现行有效件数"), "{rows:?}");
    }

    /// The caption test read without copying the line decides as the test
    /// over the line's text joined and stripped of white space.
    #[test]
    fn captions_are_found_as_in_the_joined_text() {
        fn joined(l: &WordLine) -> bool {
            let t: String = l.words.iter().map(|w| w.text.as_str()).collect();
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            t.starts_with('第') && t.contains('条') && t.ends_with('项') && t.chars().count() <= 16
        }
        let pieces = [
            "第",
            "条",
            "项",
            "十二",
            " ",
            "　",
            "第二十一条第",
            "款",
            "第五项",
            "",
            "1",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut seen = [0, 0];
        for _ in 0..20_000 {
            let words: Vec<String> = (0..seed % 4)
                .map(|_| {
                    (0..3)
                        .map(|_| {
                            seed ^= seed << 13;
                            seed ^= seed >> 17;
                            seed ^= seed << 5;
                            pieces[seed as usize % pieces.len()]
                        })
                        .collect()
                })
                .collect();
            seed = seed.wrapping_mul(0x9e37_79b9).wrapping_add(1);
            let l = line(
                0.0,
                &words.iter().map(|w| (0.0, w.as_str())).collect::<Vec<_>>(),
            );
            let expected = joined(&l);
            seen[usize::from(expected)] += 1;
            assert_eq!(is_caption(&l), expected, "{words:?}");
        }
        assert!(seen[0] > 100 && seen[1] > 100, "{seen:?}");
    }

    /// A line of thousands of one-character words (figures spaced far
    /// apart) reserves a bounded room per word, not the rest of the line.
    #[test]
    fn words_of_a_long_line_reserve_bounded_room() {
        let chars: Vec<TextChar> = (0..5_000)
            .map(|i| {
                TextChar::placed(
                    "7".into(),
                    &super::super::Matrix([10.0, 0.0, 0.0, 10.0, 40.0 * i as f32, 100.0]),
                    [0.0, -0.88, 0.5, 0.12],
                    false,
                    0.0,
                    false,
                    i,
                )
            })
            .collect();
        let idx: Vec<usize> = (0..chars.len()).collect();
        let lines = word_lines(&chars, &idx, 0.6);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].words.len(), 5_000);
        assert!(lines[0].words.iter().all(|w| w.chars.capacity() <= 64));
    }

    #[test]
    fn blank_cells_do_not_shift_values() {
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "信息内容"),
                    (100.0, "甲"),
                    (150.0, "乙"),
                    (200.0, "丙"),
                ],
            ),
            line(
                15.0,
                &[(0.0, "规章"), (100.0, "1"), (150.0, "2"), (200.0, "3")],
            ),
            // The middle cell is blank: 5 must stay in the last column.
            line(30.0, &[(0.0, "行政规范性文件"), (100.0, "4"), (200.0, "5")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let at = |r: usize, c: usize| t.grid[r][c].map(|i| t.cells[i].text.as_str());
        // Figures start at column LABEL_COLS; the header is row 0.
        assert_eq!(at(2, LABEL_COLS + 2), Some("5"));
        assert_eq!(at(2, LABEL_COLS + 1), Some(""));
        assert_eq!(at(0, LABEL_COLS + 1), Some("乙"));
        assert_eq!(at(2, 0), Some("行政规范性文件"));
    }

    #[test]
    fn a_bracketed_note_wrapped_above_and_below_its_label_is_one_cell() {
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "信息内容"),
                    (100.0, "甲"),
                    (200.0, "乙"),
                    (300.0, "丙"),
                ],
            ),
            line(
                15.0,
                &[(0.0, "规章"), (100.0, "0"), (200.0, "0"), (300.0, "0")],
            ),
            line(28.0, &[(100.0, "17（其中修订11件")]),
            line(36.0, &[(0.0, "规范性文件"), (200.0, "17"), (300.0, "49")]),
            line(44.0, &[(100.0, "）")]),
            line(
                60.0,
                &[(0.0, "行政许可"), (100.0, "5"), (200.0, "1"), (300.0, "6")],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let row_of = |label: &str| {
            (0..t.n_rows())
                .find(|r| t.row_cells(*r).iter().any(|c| c.cell.text == label))
                .unwrap()
        };
        let r = row_of("规范性文件");
        let texts: Vec<&str> = t
            .row_cells(r)
            .iter()
            .map(|c| c.cell.text.as_str())
            .collect();
        assert!(
            texts.ends_with(&["17（其中修订11件）", "17", "49"]),
            "{texts:?}"
        );
        assert_eq!(t.n_rows(), 4, "the fragments leave no rows of their own");
    }

    /// Each row's cell texts.
    fn row_texts(t: &Table) -> Vec<Vec<&str>> {
        (0..t.n_rows())
            .map(|r| {
                t.row_cells(r)
                    .iter()
                    .map(|c| c.cell.text.as_str())
                    .collect()
            })
            .collect()
    }

    /// [`row_texts`] without the empty cells.
    fn filled_rows(t: &Table) -> Vec<Vec<&str>> {
        row_texts(t)
            .into_iter()
            .map(|r| r.into_iter().filter(|s| !s.is_empty()).collect())
            .collect()
    }

    /// The rows' cells with text of the one table `find` reads.
    fn lone_table_rows(lines: &[WordLine]) -> Vec<Vec<String>> {
        let t = find(lines);
        assert_eq!(t.len(), 1);
        filled_rows(&t[0].table)
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect()
    }

    /// The last row's cells with text of the one table `find` reads.
    fn lone_table_last_row(lines: &[WordLine]) -> Vec<String> {
        let t = find(lines);
        assert_eq!(t.len(), 1);
        last_filled(&t[0].table)
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// The last row's cells with text.
    fn last_filled(t: &Table) -> Vec<&str> {
        filled_rows(t).pop().unwrap_or_default()
    }

    /// One word of 10-point glyphs from `x`: `parts` one after another,
    /// `gap` points apart (a gap too narrow to part words).
    fn word_of_parts(x: f32, y: f32, parts: &[&str], gap: f32) -> Word {
        let mut glyphs = Vec::new();
        let mut at = x;
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                at += gap;
            }
            for ch in part.chars() {
                glyphs.push((at, at + 10.0, EcoString::from(ch.to_string())));
                at += 10.0;
            }
        }
        Word {
            x0: x,
            x1: at,
            y0: y,
            y1: y + 10.0,
            text: parts.concat(),
            chars: vec![],
            glyphs,
        }
    }

    /// A group label and the row label beside it, in label columns 3 points
    /// apart, read as one word on each line (`三、本年（一）予以公开`, then
    /// `度办理结（二）部分公开…`), the figures of （二） centred between its
    /// two lines (a web page printed at 60 %): each label wraps on in its own
    /// column and （二） keeps its figures (before, its first line went to
    /// （一）'s row and its figures to a row labelled `一情形…`).
    #[test]
    fn a_group_label_and_a_row_label_read_as_one_word_are_cut_apart() {
        let mut a = line(0.0, &[(300.0, "210"), (400.0, "245")]);
        a.words.insert(
            0,
            word_of_parts(0.0, 0.0, &["三、本年", "（一）予以公开"], 3.0),
        );
        let mut b = line(14.6, &[]);
        b.words.push(word_of_parts(
            0.0,
            14.6,
            &["度办理结", "（二）部分公开（区分处理的，只计这"],
            3.0,
        ));
        let lines = vec![
            line(-15.0, &[(0.0, "项目"), (300.0, "自然人"), (400.0, "总计")]),
            a,
            b,
            line(22.0, &[(300.0, "76"), (400.0, "86")]),
            line(29.2, &[(0.0, "果"), (43.0, "一情形，不计其他情形）")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let rows = filled_rows(t);
        assert!(
            rows.contains(&vec!["三、本年度办理结果", "（一）予以公开", "210", "245"]),
            "{rows:?}"
        );
        assert!(
            rows.contains(&vec![
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "76",
                "86"
            ]),
            "{rows:?}"
        );
    }

    /// A header wrapped in its cell (`上一年` / `项目数量`) with the row's
    /// other headers centred between its two lines: the lone upper word is
    /// the header's first line, not a title row (before, the column was
    /// named `项目数量` alone and its figures were lost); a title spanning
    /// the columns stays a title.
    #[test]
    fn a_header_wrapped_above_the_rows_other_headers_is_not_a_title() {
        let lines = vec![
            line(0.0, &[(120.0, "第二十条第（五）项")]),
            line(20.0, &[(115.0, "上一年")]),
            line(
                32.0,
                &[
                    (0.0, "信息内容"),
                    (200.0, "本年增/减"),
                    (300.0, "处理决定数量"),
                ],
            ),
            line(44.0, &[(110.0, "项目数量")]),
            line(
                70.0,
                &[
                    (0.0, "行政许可"),
                    (125.0, "11"),
                    (225.0, "2"),
                    (325.0, "69"),
                ],
            ),
            line(
                85.0,
                &[
                    (0.0, "行政处罚"),
                    (125.0, "19"),
                    (225.0, "1"),
                    (325.0, "53"),
                ],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let rows = row_texts(t);
        assert_eq!(rows[0], ["第二十条第（五）项"]);
        assert_eq!(
            rows[1],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
        );
        assert_eq!(rows[2], ["行政许可", "11", "2", "69"]);
    }

    #[test]
    fn a_sub_labels_numbering_touching_its_group_labels_end_is_cut_off() {
        // 公开 (the end of （三）不予公开, aligned right in its column) and
        // 2.其他法律… (aligned left in the next) printed touching: one word,
        // which had joined 1.属于国家秘密 above as one label.
        let pieces = |text: &str| {
            let mut out = Vec::new();
            split_before_labels(&line(0.0, &[(0.0, text)]).words[0], 10.0, &mut out);
            out.into_iter().map(|w| w.text).collect::<Vec<_>>()
        };
        assert_eq!(pieces("公开2.其他法律"), ["公开", "2.其他法律"]);
        // A decimal among words is no numbering.
        assert_eq!(pieces("增长2.5倍"), ["增长2.5倍"]);
        assert_eq!(pieces("2.其他法律"), ["2.其他法律"]);
    }

    /// Table 三's seven column names, each centred on its centre.
    fn applicant_header(centres: [f32; 7]) -> Vec<(f32, &'static str)> {
        let names = [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ];
        centres
            .iter()
            .zip(names)
            .map(|(c, n)| (c - 5.0 * n.chars().count() as f32, n))
            .collect()
    }

    #[test]
    fn a_narrow_total_column_blank_on_a_pages_rows_is_named_apart_from_its_neighbour() {
        // Table 三's middle on a page of its own: the detail rows leave 总计
        // blank, and the narrow 总计 column stands closer to 其他 than the
        // others to each other. 其他 and 总计 had named one column, 其他's
        // figures read as totals.
        let centres = [300.0, 340.0, 385.0, 440.0, 505.0, 550.0, 575.0];
        let header = applicant_header(centres);
        let row = |y: f32, label: &'static str, figs: [&'static str; 6]| {
            let mut words = vec![(0.0, label)];
            words.extend(centres.iter().map(|c| c - 5.0).zip(figs));
            line(y, &words)
        };
        let lines = vec![
            line(0.0, &header),
            row(30.0, "6.属于四类过程性信息", ["0", "0", "0", "0", "0", "2"]),
            row(50.0, "7.属于行政执法案卷", ["1", "0", "0", "0", "0", "3"]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = row_texts(&t[0].table);
        let column = |r: usize, text: &str| rows[r].iter().position(|c| *c == text);
        assert_eq!(column(1, "2"), column(0, "其他"), "{rows:?}");
        assert!(column(0, "总计") > column(0, "其他"), "{rows:?}");
    }

    #[test]
    fn a_figure_pushed_off_its_column_by_a_tracked_change_stays_in_its_column() {
        // A DOCX printed with its tracked changes shown: an inserted word
        // beside a count pushes it right, off its column's centre and
        // nearer than half a column to it. It had made a column of its own:
        // the header's 法律服务机构 went to it and the real column, its
        // figures and the pushed one all read as blank, silently.
        let centres = [300.0, 360.0, 420.0, 480.0, 540.0, 600.0, 660.0];
        let header = applicant_header(centres);
        let row = |y: f32, label: &'static str, pushed: bool| {
            let mut words = vec![(0.0, label)];
            words.extend(centres.iter().enumerate().map(|(k, c)| {
                if k == 4 && pushed {
                    (c + 15.0, "9")
                } else {
                    (c - 5.0, "1")
                }
            }));
            line(y, &words)
        };
        let labels = [
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ];
        let mut lines = vec![line(0.0, &header)];
        lines.extend(
            labels
                .iter()
                .enumerate()
                .map(|(k, l)| row(30.0 + 20.0 * k as f32, l, k == 5)),
        );
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = row_texts(&t[0].table);
        let column = |r: usize, text: &str| rows[r].iter().position(|c| *c == text);
        assert!(column(0, "法律服务机构").is_some(), "{rows:?}");
        assert_eq!(column(6, "9"), column(0, "法律服务机构"), "{rows:?}");
        // No column of its own: every row fills every column.
        assert!(
            rows[1..].iter().all(|r| r.iter().all(|c| !c.is_empty())),
            "{rows:?}"
        );
    }

    #[test]
    fn a_long_row_label_wrapped_onto_its_figures_line_keeps_the_table_whole() {
        // Tall rows, cells aligned to their bottom: the long label of
        // 2.申请人逾期未按收费通知… prints its first line alone, its end
        // beside the figures. The line, long as prose, had cut the table in
        // two: the row's figures lost their label.
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (500.0, "自然人"),
                    (560.0, "商业企业"),
                    (620.0, "总计"),
                ],
            ),
            line(
                20.0,
                &[
                    (0.0, "1.申请人无正当理由逾期不补正"),
                    (505.0, "5"),
                    (565.0, "0"),
                    (625.0, "5"),
                ],
            ),
            line(
                47.0,
                &[(
                    0.0,
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息",
                )],
            ),
            line(
                64.0,
                &[
                    (100.0, "公开申请"),
                    (505.0, "1"),
                    (565.0, "0"),
                    (625.0, "1"),
                ],
            ),
            line(
                90.0,
                &[(0.0, "3.其他"), (505.0, "0"), (565.0, "0"), (625.0, "0")],
            ),
        ];
        // One table, the label's first line in it (mapping reads a label
        // row over the row it wraps onto).
        let rows = lone_table_rows(&lines);
        let at = |head: &str| rows.iter().position(|r| r[0].starts_with(head));
        assert_eq!(
            at("2.申请人逾期").map(|k| k + 1),
            at("公开申请"),
            "{rows:?}"
        );
        assert_eq!(rows[at("公开申请").unwrap()][1..], ["1", "0", "1"]);
    }

    #[test]
    fn a_headers_first_line_off_centre_in_its_column_is_not_a_title() {
        // A tracked change's words struck out of 全年上一年项 leave the line
        // off the centre of 目数量 under it: it had been read as a title and
        // the column named 目数量 (its figures lost, silently).
        let lines = vec![
            line(0.0, &[(200.0, "第二十条第（五）项")]),
            line(20.0, &[(274.0, "上一年项")]),
            line(
                28.0,
                &[
                    (100.0, "信息内容"),
                    (268.0, "目数量"),
                    (325.0, "本年增/减"),
                    (390.0, "处理决定数量"),
                ],
            ),
            line(
                50.0,
                &[
                    (100.0, "行政许可"),
                    (275.0, "46"),
                    (345.0, "0"),
                    (405.0, "305"),
                ],
            ),
            line(
                70.0,
                &[
                    (100.0, "行政处罚"),
                    (275.0, "45"),
                    (345.0, "0"),
                    (405.0, "502"),
                ],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = row_texts(&t[0].table);
        assert_eq!(rows[0], ["第二十条第（五）项"], "{rows:?}");
        assert!(rows[1].contains(&"上一年项目数量"), "{rows:?}");
    }

    #[test]
    fn a_header_wider_than_the_narrowest_column_wrapped_over_its_tail_names_its_column() {
        // Cells aligned to their bottom: 法律服务机 prints a line above the
        // other headers, its 构 under it; the 总计 column beside 其他 is
        // narrow. 法律服务机 had been taken for a title and the column named
        // 构 alone (its figures lost, silently).
        let row = |y: f32, label: &'static str, figs: [&'static str; 5]| {
            let mut words = vec![(0.0, label)];
            words.extend([130.0, 170.0, 210.0, 250.0, 270.0].into_iter().zip(figs));
            line(y, &words)
        };
        let lines = vec![
            line(0.0, &[(165.0, "申请人情况")]),
            line(20.0, &[(190.0, "法律服务机")]),
            line(
                30.0,
                &[
                    (0.0, "项目"),
                    (120.0, "自然人"),
                    (165.0, "科研"),
                    (210.0, "构"),
                    (245.0, "其他"),
                    (265.0, "总计"),
                ],
            ),
            row(50.0, "一、本年新收", ["4", "0", "1", "1", "6"]),
            row(70.0, "二、上年结转", ["1", "0", "0", "0", "1"]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = row_texts(&t[0].table);
        let column = |r: usize, text: &str| rows[r].iter().position(|c| *c == text);
        assert_eq!(rows[0], ["申请人情况"], "{rows:?}");
        assert!(column(1, "法律服务机构").is_some(), "{rows:?}");
    }

    /// Cells aligned to their bottom, some ending in an empty line: two of
    /// a row's figures stand a line lower, touching it (or higher, aligned
    /// to their top). They were a row of their own without a label (the
    /// row's two figures lost).
    #[test]
    fn figures_set_a_line_below_their_row_are_its_own() {
        let header = [
            (0.0, "信息内容"),
            (100.0, "本年制发件数"),
            (200.0, "本年废止件数"),
            (300.0, "现行有效件数"),
        ];
        let lines = vec![
            line(0.0, &header),
            line(
                20.0,
                &[(0.0, "规章"), (120.0, "1"), (220.0, "0"), (320.0, "4")],
            ),
            line(40.0, &[(0.0, "行政规范性文件"), (120.0, "2")]),
            line(50.0, &[(220.0, "3"), (320.0, "9")]),
            line(70.0, &[(0.0, "第二十条第（五）项")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let texts = filled_rows(t);
        assert_eq!(texts.last().unwrap(), &["行政规范性文件", "2", "3", "9"]);
        // A line of words (a header's wrapped tail) is not taken.
        let mut words = lines.clone();
        words[3] = line(50.0, &[(220.0, "件数")]);
        let t = &find(&words)[0].table;
        let last = last_filled(t);
        assert_ne!(last, ["行政规范性文件", "2", "件数"]);
        // Set a line above their row (cells aligned to their top).
        let raised = vec![
            line(0.0, &header),
            line(
                20.0,
                &[(0.0, "规章"), (120.0, "1"), (220.0, "0"), (320.0, "4")],
            ),
            line(30.0, &[(220.0, "3"), (320.0, "9")]),
            line(40.0, &[(0.0, "行政规范性文件"), (120.0, "2")]),
        ];
        let t = &find(&raised)[0].table;
        let last = last_filled(t);
        assert_eq!(last, ["行政规范性文件", "2", "3", "9"]);
        // A figure of the first row set a line higher, touching it, is read
        // with the header's last line: it goes back to the row.
        let under_header = vec![
            line(0.0, &header),
            line(10.0, &[(220.0, "3")]),
            line(20.0, &[(0.0, "规章"), (120.0, "1"), (320.0, "4")]),
            line(
                40.0,
                &[
                    (0.0, "行政规范性文件"),
                    (120.0, "2"),
                    (220.0, "3"),
                    (320.0, "9"),
                ],
            ),
        ];
        let t = &find(&under_header)[0].table;
        let rows = filled_rows(t);
        assert_eq!(
            rows[0],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
        );
        assert_eq!(rows[1], ["规章", "1", "3", "4"]);
        // One figure set below the table's last row is still the table's.
        let last_one = vec![
            line(0.0, &header),
            line(
                20.0,
                &[(0.0, "规章"), (120.0, "1"), (220.0, "0"), (320.0, "4")],
            ),
            line(40.0, &[(0.0, "行政规范性文件"), (120.0, "2"), (220.0, "3")]),
            line(50.0, &[(320.0, "9")]),
            line(80.0, &[(0.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        let t = &find(&last_one)[0].table;
        let last = last_filled(t);
        assert_eq!(last, ["行政规范性文件", "2", "3", "9"]);
        // Between two rows that would both take them, they stay apart.
        let mut both = raised.clone();
        both[1] = line(20.0, &[(0.0, "规章"), (120.0, "1")]);
        let t = &find(&both)[0].table;
        assert_eq!(t.n_rows(), 4);
    }

    /// One-column tables (行政许可, 行政事业性收费) whose figure printed a
    /// line below its label — the figure's cell opening with an empty line,
    /// or its font sitting lower — were read as prose: the label one line,
    /// the figure another, and the value lost without a warning.
    #[test]
    fn a_lone_figure_set_a_line_below_its_label_is_the_rows() {
        let fees = vec![
            line(0.0, &[(130.0, "第二十条第（八）项")]),
            line(20.0, &[(10.0, "信息内容")]),
            line(30.0, &[(250.0, "本年收费金额（单位：万元）")]),
            line(50.0, &[(0.0, "行政事业性收费")]),
            line(60.0, &[(300.0, "255.84")]),
            line(90.0, &[(0.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        assert_eq!(lone_table_last_row(&fees), ["行政事业性收费", "255.84"]);
        // Two such rows, each figure under the one before.
        let two = vec![
            line(0.0, &[(10.0, "信息内容"), (250.0, "本年处理决定数量")]),
            line(20.0, &[(10.0, "行政处罚")]),
            line(30.0, &[(300.0, "89")]),
            line(50.0, &[(10.0, "行政强制")]),
            line(60.0, &[(300.0, "8")]),
        ];
        let rows = lone_table_rows(&two);
        assert_eq!(rows[rows.len() - 2], ["行政处罚", "89"]);
        assert_eq!(rows[rows.len() - 1], ["行政强制", "8"]);
        // A figure under no word of the line above is no row's.
        let mut astray = fees.clone();
        astray[4] = line(60.0, &[(100.0, "255.84")]);
        assert!(find(&astray).is_empty());
        // Prose: a sentence above the short line names no column.
        let mut prose = fees.clone();
        prose[2] = line(
            30.0,
            &[(
                0.0,
                "本机关全年收取的信息处理费按照国务院办公厅印发的办法执行，具体如下。",
            )],
        );
        assert!(find(&prose).is_empty());
    }

    /// Cells aligned to their bottom, the figure's font sitting higher: a
    /// one-column table's figure on a line of its own over its label, and
    /// its caption in traditional characters (第二十條第（五）項), which was
    /// no caption: the table above ran on over it and took the row, its
    /// figure in no column of its own (82 lost silently).
    #[test]
    fn a_raised_figure_over_its_label_under_a_traditional_caption_is_a_table() {
        let lines = vec![
            line(
                0.0,
                &[
                    (10.0, "行政規範性文件"),
                    (200.0, "1"),
                    (260.0, "0"),
                    (320.0, "4"),
                ],
            ),
            line(25.0, &[(130.0, "第二十條第（五）項")]),
            line(45.0, &[(10.0, "信息內容"), (250.0, "本年處理決定數量")]),
            line(65.0, &[(300.0, "82")]),
            line(75.0, &[(10.0, "行政許可")]),
            line(100.0, &[(130.0, "第二十條第（六）項")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 2);
        assert_eq!(last_filled(&t[1].table), ["行政許可", "82"]);
    }

    /// The rest of a table at a page's top (its header on the page before):
    /// one row, the last figure set a line lower in a column of its own.
    #[test]
    fn a_figure_set_below_a_lone_row_right_of_its_figures_is_the_rows() {
        let lines = vec![
            line(20.0, &[(0.0, "政府集中采购"), (130.0, "0")]),
            line(26.0, &[(280.0, "0")]),
            line(60.0, &[(0.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        assert_eq!(lone_table_last_row(&lines), ["政府集中采购", "0", "0"]);
    }

    /// Cells aligned to their bottom, the total's over an empty line: a
    /// label wrapped over two lines stood beside two lines of figures (the
    /// total on its first, the rest on its second), and the second line's
    /// figures were left a row without a label (dropped silently).
    #[test]
    fn a_wrapped_labels_figures_on_two_lines_are_its_rows() {
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (200.0, "自然人"),
                    (260.0, "商业企业"),
                    (320.0, "其他"),
                    (380.0, "总计"),
                ],
            ),
            line(
                20.0,
                &[
                    (0.0, "1.其他甲"),
                    (200.0, "4"),
                    (260.0, "5"),
                    (320.0, "6"),
                    (380.0, "15"),
                ],
            ),
            line(40.0, &[(0.0, "2.申请人逾期未按收费"), (380.0, "6")]),
            line(
                50.0,
                &[
                    (0.0, "通知要求缴纳"),
                    (200.0, "1"),
                    (260.0, "2"),
                    (320.0, "3"),
                ],
            ),
            line(
                70.0,
                &[
                    (0.0, "3.其他"),
                    (200.0, "0"),
                    (260.0, "0"),
                    (320.0, "0"),
                    (380.0, "0"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[2],
            ["2.申请人逾期未按收费通知要求缴纳", "1", "2", "3", "6"]
        );
        // Figures in the same cells on both lines are two rows' (a group
        // label beside rows of its own).
        let mut clash = lines.clone();
        clash[2] = line(
            40.0,
            &[(0.0, "2.申请人逾期未按收费"), (200.0, "7"), (380.0, "6")],
        );
        let t = find(&clash);
        assert_eq!(filled_rows(&t[0].table).len(), 5);
    }

    /// Full-width figures wrapped in narrow cells, centred on their row:
    /// １６ over the row's line and ７ under it. The line over joined the
    /// row, the line under was left a row without a label (167 read 16).
    #[test]
    fn a_figure_wrapped_in_a_cell_centred_on_its_row_is_joined_whole() {
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (200.0, "自然人"),
                    (260.0, "商业企业"),
                    (380.0, "总计"),
                ],
            ),
            line(14.0, &[(200.0, "１６"), (380.0, "２０")]),
            line(20.0, &[(0.0, "一、本年新收"), (260.0, "５")]),
            line(26.0, &[(200.0, "７"), (380.0, "０")]),
            line(
                45.0,
                &[
                    (0.0, "二、上年结转"),
                    (200.0, "１"),
                    (260.0, "２"),
                    (380.0, "３"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[1], ["一、本年新收", "１６７", "５", "２００"]);
        assert_eq!(rows[2], ["二、上年结转", "１", "２", "３"]);
        assert_eq!(rows.len(), 3);
    }

    /// A header line over three columns of figures at x 200, 260 and 320.
    fn three_column_header() -> WordLine {
        let words = [
            (0.0, "项目"),
            (200.0, "自然人"),
            (260.0, "商业企业"),
            (320.0, "总计"),
        ];
        line(0.0, &words)
    }

    #[test]
    fn a_label_wrapped_a_character_a_line_keeps_its_table_whole() {
        // A sub-label column a character or two wide wraps its labels a
        // character a line, more lines than three under the row's figures;
        // the last row of a page: its label's lines all stay in the table
        // (the next page's part joins it).
        let header = three_column_header();
        let mut lines = vec![
            header.clone(),
            line(
                20.0,
                &[
                    (60.0, "2.其他"),
                    (200.0, "４"),
                    (260.0, "５"),
                    (320.0, "９"),
                ],
            ),
            line(
                40.0,
                &[(60.0, "3.危"), (200.0, "１"), (260.0, "２"), (320.0, "３")],
            ),
        ];
        for (k, c) in ["及", "三", "安", "全", "稳", "定"].iter().enumerate() {
            lines.push(line(50.0 + 10.0 * k as f32, &[(60.0, c)]));
        }
        let rows = lone_table_rows(&lines);
        assert_eq!(
            rows.last().unwrap(),
            &["3.危及三安全稳定", "１", "２", "３"],
            "{rows:?}"
        );
        // A label wrapped onto three lines of more characters, the page's
        // last row, stays whole too (the second line's test had looked for
        // figures on the first).
        let lines = vec![
            header.clone(),
            line(
                20.0,
                &[(0.0, "1.属于"), (200.0, "４"), (260.0, "５"), (320.0, "９")],
            ),
            line(
                40.0,
                &[
                    (0.0, "（二）部分公"),
                    (200.0, "１"),
                    (260.0, "２"),
                    (320.0, "３"),
                ],
            ),
            line(50.0, &[(0.0, "开（区分处理")]),
            line(60.0, &[(0.0, "的情形）")]),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(
            rows.last().unwrap(),
            &["（二）部分公开（区分处理的情形）", "１", "２", "３"],
            "{rows:?}"
        );
    }

    #[test]
    fn a_row_labels_numbering_alone_on_its_line_is_no_figure() {
        assert!(!is_figure("1.") && !is_figure("12.") && !is_figure("１."));
        assert!(is_figure("1") && is_figure("1.5") && is_figure("1,234") && is_figure("-"));
        // Sub-labels in a narrow column wrap after their numbering: `1.`
        // alone at the end of a line had been a column of figures, and the
        // sub-labels under it that column's values.
        let header = three_column_header();
        let lines = vec![
            header.clone(),
            line(20.0, &[(0.0, "（三）"), (60.0, "1.")]),
            line(
                30.0,
                &[
                    (60.0, "属于国"),
                    (200.0, "１"),
                    (260.0, "２"),
                    (320.0, "３"),
                ],
            ),
            line(40.0, &[(60.0, "家秘密")]),
            line(
                60.0,
                &[
                    (60.0, "2.其他"),
                    (200.0, "４"),
                    (260.0, "５"),
                    (320.0, "９"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        // (the group title a row of its own, as mapping reads it)
        assert_eq!(rows[1], ["（三）"], "{rows:?}");
        assert_eq!(rows[2], ["1.属于国家秘密", "１", "２", "３"], "{rows:?}");
        assert_eq!(rows[3], ["2.其他", "４", "５", "９"], "{rows:?}");
    }

    #[test]
    fn a_lone_figure_under_a_header_of_two_lines_is_its_rows() {
        // Table 二's fees part: its header's cells aligned to their top
        // print as two lines (the amount's header, then 信息内容 at the
        // left), and the row's figure sits a line over its label or under
        // it (cells aligned to their top or bottom, the figure's font
        // sitting higher or lower).
        let header = [
            line(0.0, &[(346.0, "本年收费金额（单位：万元）")]),
            line(10.0, &[(108.0, "信息内容")]),
        ];
        let label = |y: f32| line(y, &[(94.0, "行政事业性收费")]);
        let figure = |y: f32| line(y, &[(402.0, "0")]);
        for (first, second) in [(figure(38.0), label(48.0)), (label(38.0), figure(48.0))] {
            let mut lines = header.to_vec();
            lines.extend([first, second]);
            let rows = lone_table_rows(&lines);
            assert_eq!(rows.last().unwrap(), &["行政事业性收费", "0"], "{rows:?}");
        }
    }

    #[test]
    fn a_cell_note_among_a_rows_figures_keeps_the_row_in_its_table() {
        // 见附件 in the last column: the row stayed out of the table (its
        // line ended in no figure) and its figures were lost.
        let header = line(
            0.0,
            &[
                (100.0, "信息内容"),
                (250.0, "本年制发件数"),
                (330.0, "本年废止件数"),
                (410.0, "现行有效件数"),
            ],
        );
        let rows = lone_table_rows(&[
            header.clone(),
            line(
                20.0,
                &[(100.0, "规章"), (275.0, "—"), (355.0, "—"), (435.0, "—")],
            ),
            line(
                40.0,
                &[
                    (90.0, "行政规范性文件"),
                    (278.0, "9"),
                    (358.0, "2"),
                    (425.0, "见附件"),
                ],
            ),
        ]);
        assert_eq!(
            rows.last().unwrap(),
            &["行政规范性文件", "9", "2", "见附件"],
            "{rows:?}"
        );
        // A lone row, the note before its only figure: two cells, not one.
        let fees = lone_table_last_row(&[
            line(
                0.0,
                &[
                    (100.0, "信息内容"),
                    (250.0, "上一年项目数量"),
                    (370.0, "本年增/减"),
                ],
            ),
            line(
                20.0,
                &[
                    (90.0, "行政事业性收费"),
                    (270.0, "见附件1"),
                    (385.0, "持平"),
                ],
            ),
        ]);
        assert_eq!(fees, ["行政事业性收费", "见附件1", "持平"]);
        // Cells aligned right: the note, wider than the figures, ends where
        // its column's figures end and is in their column.
        let t = find(&[
            header,
            line(
                20.0,
                &[(100.0, "规章"), (310.0, "0"), (390.0, "0"), (470.0, "0")],
            ),
            line(
                40.0,
                &[
                    (90.0, "规范性文件"),
                    (280.0, "暂无数据"),
                    (390.0, "7"),
                    (460.0, "58"),
                ],
            ),
        ]);
        let rows = row_texts(&t[0].table);
        let column = |r: usize, text: &str| rows[r].iter().position(|c| *c == text);
        assert_eq!(column(2, "暂无数据"), column(1, "0"), "{rows:?}");
        assert_eq!(column(2, "暂无数据"), column(0, "本年制发件数"), "{rows:?}");
        // Notes alone make no row: a line of them is no table.
        assert!(
            find(&[line(
                0.0,
                &[(90.0, "规章"), (270.0, "不适用"), (370.0, "见附件")]
            )])
            .is_empty()
        );
    }

    #[test]
    fn tall_rows_leaving_the_total_column_blank_stay_one_table_with_the_totals() {
        // Table 三 printed without rulings in tall rows (gaps of three
        // sizes), its 总计 column printed on the totals row only: the
        // totals row's extra figure had cut the table in two, the detail
        // rows' part read with no 总计 column.
        let xs = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0];
        let row = |y: f32, label: &'static str, figs: &[&'static str]| {
            let mut words = vec![(100.0, label)];
            words.extend(xs.iter().copied().chain([540.0]).zip(figs.iter().copied()));
            line(y, &words)
        };
        let lines = [
            line(
                0.0,
                &[(295.0, "自然人"), (335.0, "商业企业"), (535.0, "总计")],
            ),
            row(40.0, "（五）不予处理", &["0", "0", "0", "0", "0", "0"]),
            row(80.0, "（六）其他处理", &["1", "0", "0", "0", "0", "0"]),
            row(120.0, "（七）总计", &["13", "1", "0", "0", "0", "1", "15"]),
            row(
                160.0,
                "四、结转下年度继续办理",
                &["1", "0", "0", "0", "0", "0", "1"],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1, "one table");
        let rows = row_texts(&t[0].table);
        let total_col = rows[0].iter().position(|c| *c == "总计");
        assert!(total_col.is_some(), "{rows:?}");
        let at = |r: usize, text: &str| rows[r].iter().rposition(|c| *c == text);
        assert_eq!(at(3, "15"), total_col, "{rows:?}");
        assert_eq!(at(4, "1"), total_col, "{rows:?}");
        assert_eq!(rows[2].get(total_col.unwrap()), Some(&""), "{rows:?}");
    }

    #[test]
    fn a_figure_set_a_line_below_the_rest_of_its_row_fills_its_blank_cell() {
        // Tall rows printed without rulings stand apart, each a table of
        // its own (table 三's rows are wide); in each, one cell's figure
        // sits a line lower (a paragraph spaced before it), in a column
        // the row leaves blank.
        let heads = ["自然人", "商业企业", "科研机构", "公益组织", "其他", "总计"];
        let mut header = vec![(0.0, "项目")];
        header.extend((0..6).map(|i| (200.0 + 60.0 * i as f32, heads[i])));
        // Row `label` at `y` with `figures` in every column but `lowered`,
        // whose figure is on the line under.
        let row = |y: f32, label: &'static str, figures: [&'static str; 6], lowered: usize| {
            let mut words = vec![(0.0, label)];
            words.extend(
                (0..6)
                    .filter(|i| *i != lowered)
                    .map(|i| (200.0 + 60.0 * i as f32, figures[i])),
            );
            let x = 200.0 + 60.0 * lowered as f32;
            [line(y, &words), line(y + 12.0, &[(x, figures[lowered])])]
        };
        // (the row over them full, its label wrapped onto a line of its own)
        let mut full = vec![(0.0, "2.申请人逾期未按")];
        full.extend((0..6).map(|i| (200.0 + 60.0 * i as f32, "０")));
        let mut lines = vec![
            line(0.0, &header),
            line(40.0, &full),
            line(52.0, &[(0.0, "开申请")]),
        ];
        let other = ["3.其他", "１", "２", "３", "０", "４", "１０"];
        let total = ["（七）总计", "７", "５", "０", "１", "２", "１５"];
        lines.extend(row(90.0, other[0], other[1..].try_into().unwrap(), 2));
        lines.extend(row(140.0, total[0], total[1..].try_into().unwrap(), 0));
        let rows: Vec<Vec<String>> = find(&lines)
            .iter()
            .flat_map(|t| filled_rows(&t.table))
            .map(|r| r.into_iter().map(String::from).collect())
            .collect();
        assert!(rows.contains(&other.map(String::from).to_vec()), "{rows:?}");
        assert!(rows.contains(&total.map(String::from).to_vec()), "{rows:?}");
        // A lone figure beyond the row's last figure, or under one of its
        // figures, is not the row's (it is left to the rules for them).
        let row = line(40.0, &[(0.0, "3.其他"), (200.0, "１"), (260.0, "２")]);
        assert!(!in_blank_cell(&row, &line(52.0, &[(320.0, "３")]).words[0]));
        assert!(!in_blank_cell(&row, &line(52.0, &[(205.0, "３")]).words[0]));
        assert!(in_blank_cell(
            &line(40.0, &[(0.0, "3.其他"), (200.0, "１"), (380.0, "２")]),
            &line(52.0, &[(260.0, "３")]).words[0]
        ));
    }

    #[test]
    fn a_figure_beside_a_line_under_its_rows_figures_fills_the_rows_blank_cell() {
        // Tall rows printed without rulings, a cell opening with an empty
        // paragraph: its figure sits half a line under the rest of its row,
        // beside the last line of the row's wrapped label (or a piece of
        // the group label), in a cell the row leaves blank (was: the figure
        // began a table of its own, the cell read as blank).
        let xs: Vec<f32> = (0..6).map(|i| 200.0 + 60.0 * i as f32).collect();
        let heads = ["自然人", "商业企业", "科研机构", "公益组织", "其他", "总计"];
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.iter().copied().zip(heads));
        let figures = |label: &'static str, values: [&'static str; 6], blank: usize| {
            let mut words = vec![(0.0, label)];
            words.extend((0..6).filter(|i| *i != blank).map(|i| (xs[i], values[i])));
            words
        };
        let full = |y: f32, label: &'static str| line(y, &figures(label, ["１"; 6], 9));
        let lines = vec![
            line(0.0, &header),
            full(20.0, "（一）予以公开"),
            // The label's first line, the figures, its second line and the
            // lowered figure, each half a line under the last.
            line(40.0, &[(0.0, "（二）部分公开")]),
            line(
                48.0,
                &figures("", ["８", "５", "０", "２", "１", "１６"], 2)[1..],
            ),
            line(56.0, &[(0.0, "（区分处理）")]),
            line(61.0, &[(xs[2], "０")]),
            // The lowered figure in the last column, beside a group label's
            // piece under the row.
            line(
                100.0,
                &figures("5.属于三类", ["１", "０", "０", "０", "０", "１"], 5),
            ),
            line(108.0, &[(0.0, "予公开")]),
            line(113.0, &[(xs[5], "１")]),
            full(140.0, "6.属于四类"),
        ];
        let rows: Vec<Vec<String>> = find(&lines)
            .iter()
            .flat_map(|t| filled_rows(&t.table))
            .map(|r| r.into_iter().map(String::from).collect())
            .collect();
        let values = |label: &str| {
            rows.iter()
                .find(|r| r[0].starts_with(label))
                .map(|r| r[1..].to_vec())
                .unwrap_or_default()
        };
        let want = |v: [&str; 6]| v.map(String::from).to_vec();
        assert_eq!(
            values("（二）部分公开"),
            want(["８", "５", "０", "２", "１", "１６"]),
            "{rows:?}"
        );
        assert_eq!(
            values("5.属于三类"),
            want(["１", "０", "０", "０", "０", "１"]),
            "{rows:?}"
        );
    }

    #[test]
    fn a_row_of_two_figures_far_under_a_row_of_three_stays_in_its_table() {
        // Rows of a set height printed without rulings stand far apart; a
        // row whose first cell opens with an empty paragraph has two
        // figures on its line and the third under them (was: the row left
        // out as a paragraph, its lowered figure read as the next table's
        // header).
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "信息内容"),
                    (200.0, "上一年项目数量"),
                    (350.0, "本年增/减"),
                    (500.0, "处理决定数量"),
                ],
            ),
            line(
                40.0,
                &[
                    (0.0, "行政处罚"),
                    (260.0, "1,554"),
                    (390.0, "0"),
                    (550.0, "4,396"),
                ],
            ),
            line(80.0, &[(0.0, "行政强制"), (390.0, "0"), (555.0, "532")]),
            line(92.0, &[(265.0, "114")]),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(&["行政强制", "114", "0", "532"].map(String::from).to_vec()),
            "{rows:?}"
        );
    }

    #[test]
    fn rows_of_one_figure_far_apart_under_one_header_are_one_table() {
        // A sub-table of table 二 of one count a row, its rows standing far
        // apart (a tall line height) but their labels and counts in line
        // (was: the second row read as a paragraph, its count lost).
        let lines = vec![
            line(0.0, &[(100.0, "第二十条第（六）项")]),
            line(12.0, &[(30.0, "信息内容"), (300.0, "本年处理决定数量")]),
            line(24.0, &[(30.0, "行政处罚"), (370.0, "49")]),
            line(60.0, &[(30.0, "行政强制"), (375.0, "4")]),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(&vec!["行政强制".to_string(), "4".to_string()]),
            "{rows:?}"
        );
        // Labels apart are no such rows.
        let apart = line(60.0, &[(200.0, "行政强制"), (375.0, "4")]);
        assert!(!figures_align(&lines[2], &apart));
    }

    #[test]
    fn a_tall_row_opening_with_a_label_line_continues_the_table() {
        // Rows set far apart (tall cells, no rulings), a row's label
        // wrapped onto a line over its figures and one under them: the
        // rows stay one table (was: cut at each such row, the rows under it
        // read without their group).
        let xs: Vec<f32> = (0..3).map(|i| 200.0 + 60.0 * i as f32).collect();
        let row = |y: f32, label: &'static str| {
            let mut words = vec![(0.0, label)];
            words.extend(xs.iter().map(|x| (*x, "２")));
            line(y, &words)
        };
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.iter().copied().zip(["自然人", "商业企业", "总计"]));
        let lines = vec![
            line(0.0, &header),
            row(30.0, "1.申请人无正当"),
            line(70.0, &[(0.0, "（六）其"), (50.0, "2.申请人逾期")]),
            row(82.0, "他处理 用、行政"),
            line(94.0, &[(50.0, "申请")]),
            row(134.0, "3.其他"),
        ];
        let t = find(&lines);
        assert_eq!(
            t.len(),
            1,
            "{:?}",
            t.iter().map(|t| filled_rows(&t.table)).collect::<Vec<_>>()
        );
        let text = row_texts(&t[0].table).concat().concat();
        assert!(
            text.contains("（六）其") && text.contains("3.其他"),
            "{text}"
        );
    }

    #[test]
    fn on_a_page_of_lines_set_wide_apart_a_rows_label_lines_keep_with_it() {
        // Every line a line apart (CSS's line-height, a tall fixed line
        // height): a row's label wrapped over and under its figures (the
        // rest of a table a page break cut, under its header) keeps both
        // parts (was: the part over read as a paragraph, the part under as
        // the next table's header).
        let xs: Vec<f32> = (0..3).map(|i| 200.0 + 60.0 * i as f32).collect();
        let mut lines: Vec<WordLine> = (0..5)
            .map(|k| {
                line(
                    22.0 * k as f32,
                    &[(
                        0.0,
                        "本年度本机关认真贯彻落实条例的各项要求，持续推进政务公开工作",
                    )],
                )
            })
            .collect();
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.iter().copied().zip(["自然人", "商业企业", "总计"]));
        lines.push(line(140.0, &header));
        lines.push(line(172.0, &[(10.0, "2.申请人逾期未按")]));
        let mut row = vec![(5.0, "用、行政机关不再")];
        row.extend(xs.iter().map(|x| (*x, "１")));
        lines.push(line(194.0, &row));
        lines.push(line(216.0, &[(60.0, "申请")]));
        assert!(wide_lead(&lines) > 1.0);
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = filled_rows(&t[0].table);
        let text = rows.concat().concat();
        assert!(text.contains("2.申请人逾期未按"), "{rows:?}");
        assert_eq!(
            rows.last().map(|r| r.concat()),
            Some("申请".into()),
            "{rows:?}"
        );
        // Lines set as usual leave no such gap.
        let close: Vec<WordLine> = (0..6)
            .map(|k| line(14.0 * k as f32, &[(0.0, "一行")]))
            .collect();
        assert_eq!(wide_lead(&close), 0.0);
    }

    #[test]
    fn rows_set_close_keep_their_own_labels() {
        // Rows of table 二 set at single spacing without rulings: each
        // label sits less than half a line under the one over it, as a
        // wrapped label's next line would, but each line has figures in
        // the same columns (was: 行政处罚行政强制 one label, the second
        // row's figures left without one and lost).
        let lines = vec![
            line(0.0, &[(170.0, "第二十条第（六）项")]),
            line(
                23.0,
                &[
                    (80.0, "信息内容"),
                    (170.0, "上一年项目数量"),
                    (260.0, "本年增/减"),
                    (350.0, "处理决定数量"),
                ],
            ),
            line(
                46.0,
                &[(80.0, "行政处罚"), (197.0, "3"), (287.0, "0"), (377.0, "5")],
            ),
            line(
                60.0,
                &[(80.0, "行政强制"), (197.0, "1"), (287.0, "0"), (377.0, "2")],
            ),
            // A label wrapped onto the line under its figures still joins.
            line(
                74.0,
                &[(80.0, "其他对外"), (197.0, "4"), (287.0, "0"), (377.0, "6")],
            ),
            line(88.0, &[(80.0, "管理服务")]),
        ];
        let rows = lone_table_rows(&lines);
        for want in [
            ["行政处罚", "3", "0", "5"],
            ["行政强制", "1", "0", "2"],
            ["其他对外管理服务", "4", "0", "6"],
        ] {
            assert!(rows.contains(&want.map(String::from).to_vec()), "{rows:?}");
        }
    }

    #[test]
    fn figures_under_their_row_over_a_group_labels_piece_are_the_rows() {
        // A row whose cells open with empty paragraphs has two figures
        // half a line under the rest, in the cells it leaves blank; under
        // them, touching, stands the first piece of the next group's label
        // (（五）不 of （五）不予处理), left of the rows' labels (was: both
        // lines would take them, so neither did: the cells read as blank).
        let xs: Vec<f32> = (0..4).map(|i| 200.0 + 60.0 * i as f32).collect();
        let mut header = vec![(0.0, "项目")];
        header.extend(
            xs.iter()
                .copied()
                .zip(["自然人", "商业企业", "科研机构", "总计"]),
        );
        let lines = vec![
            line(0.0, &header),
            line(
                30.0,
                &[
                    (60.0, "1.信访举报"),
                    (xs[0], "３"),
                    (xs[1], "０"),
                    (xs[2], "０"),
                    (xs[3], "３"),
                ],
            ),
            line(60.0, &[(60.0, "2.重复申请"), (xs[1], "０"), (xs[3], "２")]),
            line(73.0, &[(xs[0], "１"), (xs[2], "１")]),
            line(86.0, &[(0.0, "（五）不")]),
            line(
                99.0,
                &[
                    (0.0, "予处理"),
                    (60.0, "3.要求提供"),
                    (xs[0], "０"),
                    (xs[1], "０"),
                    (xs[2], "０"),
                    (xs[3], "０"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        let row = rows.iter().find(|r| r[0].contains("2.重复申请"));
        assert_eq!(
            row.map(|r| r[r.len() - 4..].to_vec()),
            Some(["１", "０", "１", "２"].map(String::from).to_vec()),
            "{rows:?}"
        );
    }

    #[test]
    fn a_section_heading_set_close_over_a_sub_tables_caption_is_no_label() {
        // Lines spaced closely (a fixed line height) leave the section's
        // heading half a line over the caption of its first sub-table: the
        // heading is no row label wrapped onto the caption (was: read as
        // the table's first row, the section reported missing).
        let lines = vec![
            line(0.0, &[(20.0, "二、主动公开政府信息情况")]),
            line(12.0, &[(100.0, "第二十条第（一）项")]),
            line(
                24.0,
                &[
                    (0.0, "信息内容"),
                    (200.0, "本年新制作数量"),
                    (350.0, "本年新公开数量"),
                    (500.0, "对外公开总数量"),
                ],
            ),
            line(
                36.0,
                &[(0.0, "规章"), (260.0, "—"), (410.0, "—"), (560.0, "—")],
            ),
            line(
                48.0,
                &[
                    (0.0, "规范性文件"),
                    (260.0, "4"),
                    (410.0, "4"),
                    (555.0, "64"),
                ],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let text: Vec<&str> = row_texts(&t[0].table).concat();
        assert!(text.iter().all(|c| !c.contains("主动公开")), "{text:?}");
        assert!(text.contains(&"第二十条第（一）项"), "{text:?}");
    }

    #[test]
    fn a_label_wrapped_under_the_last_row_keeps_with_it_at_a_wide_line_spacing() {
        // Lines set a whole line apart (a fixed line height twice the
        // type's): the last row's label wraps onto a line as far under its
        // figures as each row's label lines stand apart (was: the wrapped
        // part left out as a paragraph, the row's label not known, its
        // figures lost).
        let xs: Vec<f32> = (0..3).map(|i| 200.0 + 60.0 * i as f32).collect();
        let row = |y: f32, label: &'static str| {
            let mut words = vec![(0.0, label)];
            words.extend(xs.iter().map(|x| (*x, "０")));
            line(y, &words)
        };
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.iter().copied().zip(["自然人", "商业企业", "总计"]));
        let lines = vec![
            line(0.0, &header),
            line(40.0, &[(0.0, "1.申请人无正当")]),
            row(60.0, "不补正、行政"),
            line(80.0, &[(0.0, "理其申请")]),
            row(100.0, "2.申请人逾期未按"),
            line(120.0, &[(0.0, "知要求缴纳费用")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = filled_rows(&t[0].table);
        // (Its lines are joined when the table is mapped, as the rows' over.)
        assert_eq!(
            rows.last().map(|r| r.join("")),
            Some("知要求缴纳费用".into()),
            "{rows:?}"
        );
    }

    #[test]
    fn the_section_heading_and_the_sentence_over_a_table_are_not_its_header() {
        // Lines set close: the heading, the sentence opening the table and
        // the header touch (was: all read as the table's header, the
        // heading not found).
        let xs: Vec<f32> = (0..3).map(|i| 200.0 + 60.0 * i as f32).collect();
        let row = |y: f32, label: &'static str| {
            let mut words = vec![(0.0, label)];
            words.extend(xs.iter().map(|x| (*x, "１")));
            line(y, &words)
        };
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.iter().copied().zip(["自然人", "商业企业", "总计"]));
        let heading = line(0.0, &[(0.0, "三、收到和处理政府信息公开申请情况")]);
        let sentence = line(12.0, &[(20.0, "本年度收到和处理申请情况如下：")]);
        let rows = [row(36.0, "一、本年新收"), row(48.0, "二、上年结转")];
        for lines in [
            vec![heading.clone(), sentence, line(24.0, &header)],
            vec![heading, line(12.0, &header)],
        ] {
            let lines: Vec<WordLine> = lines.into_iter().chain(rows.iter().cloned()).collect();
            let t = find(&lines);
            assert_eq!(t.len(), 1);
            let text = row_texts(&t[0].table).concat().concat();
            assert!(
                text.contains("自然人") && !text.contains("收到和处理"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_figure_two_lines_under_the_last_row_at_a_pages_foot_fills_its_blank_cell() {
        // The last row on a page, printed without rulings: one cell opens
        // with an empty paragraph, and at the page's foot its figure sits
        // two lines under the rest of the row (was: left out of the table,
        // the cell read as blank with no warning).
        let xs = [200.0, 260.0, 320.0, 380.0];
        let names = ["自然人", "商业企业", "科研机构", "总计"];
        let mut header = vec![(0.0, "项目")];
        header.extend(xs.into_iter().zip(names));
        let header = line(0.0, &header);
        let mut full = vec![(0.0, "1.属于国家秘密")];
        full.extend(xs.map(|x| (x, "０")));
        let full = line(40.0, &full);
        let last = line(
            70.0,
            &[
                (0.0, "2.其他法律行政法规"),
                (xs[0], "１"),
                (xs[1], "２"),
                (xs[3], "３"),
            ],
        );
        let lowered = line(96.0, &[(xs[2], "０")]);
        let rows = |lines: &[WordLine]| -> Vec<Vec<String>> {
            find(lines)
                .iter()
                .flat_map(|t| filled_rows(&t.table))
                .map(|r| r.into_iter().map(String::from).collect())
                .collect()
        };
        let whole = ["2.其他法律行政法规", "１", "２", "０", "３"].map(String::from);
        let lines = [header.clone(), full.clone(), last.clone(), lowered.clone()];
        assert!(rows(&lines).contains(&whole.to_vec()), "{:?}", rows(&lines));
        // Three lines under, or with a line nearer under it (a paragraph
        // the figure may open), it is not the row's.
        let far = line(108.0, &[(xs[2], "０")]);
        let lines = [header.clone(), full.clone(), last.clone(), far];
        assert!(
            !rows(&lines).contains(&whole.to_vec()),
            "{:?}",
            rows(&lines)
        );
        let next = line(110.0, &[(0.0, "四、政府信息公开行政复议")]);
        let lines = [header, full, last, lowered, next];
        assert!(
            !rows(&lines).contains(&whole.to_vec()),
            "{:?}",
            rows(&lines)
        );
    }

    /// Full-width counts wrapped in narrow cells aligned to their top (the
    /// rest of the count on a line under the row's) or to their bottom (the
    /// count's first line over the row's): the count is whole (before, １６７
    /// was read １６ or ７, and the other line was a row without a label);
    /// also one digit a line in table 四's one row, which has no label.
    /// Lines of counts as wide as the row's, filling its cells, are left
    /// alone.
    #[test]
    fn counts_wrapped_in_cells_aligned_to_their_top_or_bottom_are_whole() {
        let header = [
            (0.0, "项目"),
            (200.0, "自然人"),
            (260.0, "商业企业"),
            (380.0, "总计"),
        ];
        let next = [
            (0.0, "二、上年结转"),
            (200.0, "１"),
            (260.0, "２"),
            (380.0, "３"),
        ];
        let row = [
            (0.0, "一、本年新收"),
            (200.0, "１６"),
            (260.0, "５"),
            (380.0, "２０"),
        ];
        let top = vec![
            line(0.0, &header),
            line(20.0, &row),
            line(32.0, &[(205.0, "７"), (385.0, "０")]),
            line(50.0, &next),
        ];
        let rows = lone_table_rows(&top);
        assert_eq!(rows[1], ["一、本年新收", "１６７", "５", "２００"]);
        assert_eq!(rows[2], ["二、上年结转", "１", "２", "３"]);
        assert_eq!(rows.len(), 3);
        let bottom = vec![
            line(0.0, &header),
            line(20.0, &[(200.0, "１６"), (380.0, "２０")]),
            line(
                32.0,
                &[
                    (0.0, "一、本年新收"),
                    (205.0, "７"),
                    (260.0, "５"),
                    (385.0, "０"),
                ],
            ),
            line(50.0, &next),
        ];
        let rows = lone_table_rows(&bottom);
        assert_eq!(rows[1], ["一、本年新收", "１６７", "５", "２００"]);
        assert_eq!(rows.len(), 3);
        // A count wrapped one digit a line, in table 四's one row (no
        // label): a few cells' ends, as wide as their firsts, with no row
        // under to take them.
        let mut review = review_header_and_row(["３", "５", "１", "１", "２"]);
        review.push(line(32.0, &[(110.0, "７")]));
        assert_eq!(
            lone_table_last_row(&review),
            ["３７", "５", "１", "１", "２"]
        );
        // As wide as the counts over them: another row's, not joined.
        let mut even = top.clone();
        even[2] = line(32.0, &[(200.0, "１７"), (380.0, "２１")]);
        let rows = lone_table_rows(&even);
        assert_eq!(rows[1], ["一、本年新收", "１６", "５", "２０"]);
    }

    /// A row's counts wrapped in their narrow cells (１８４ over ０) and,
    /// under the wrapped ends, a figure its cell sets lower (４９): that
    /// figure is the row's too (before, the line of wrapped ends between
    /// kept it from the row, and its cell was null).
    #[test]
    fn a_figure_set_under_a_rows_wrapped_counts_is_the_rows() {
        let header = [
            (0.0, "项目"),
            (200.0, "自然人"),
            (260.0, "商业企业"),
            (380.0, "总计"),
        ];
        let lines = vec![
            line(0.0, &header),
            line(
                20.0,
                &[(0.0, "一、本年新收"), (200.0, "１８４"), (380.0, "１９８")],
            ),
            line(28.0, &[(205.0, "０"), (385.0, "１")]),
            line(34.0, &[(260.0, "４９")]),
            line(
                50.0,
                &[
                    (0.0, "二、上年结转"),
                    (200.0, "１"),
                    (260.0, "２"),
                    (380.0, "３"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[1], ["一、本年新收", "１８４０", "４９", "１９８１"]);
        assert_eq!(rows[2], ["二、上年结转", "１", "２", "３"]);
        assert_eq!(rows.len(), 3);
    }

    /// Table 四's one row (no label) in cells centred on it: a total in
    /// full-width digits too wide for its narrow cell wraps around the row,
    /// １０ over it and ９ under it. The total is whole (before, 109 was
    /// read as 10, the ９ dropped).
    #[test]
    fn a_count_wrapped_around_table_fours_unlabelled_row_is_joined_whole() {
        let mut review = review_header_and_row(["５９", "１１", "１７", "２２", "１０"]);
        // The row's line without its total, which stands a line higher.
        let total = review[1].words.pop().expect("the total");
        review.insert(1, line(12.0, &[(total.x0, "１０")]));
        review.push(line(28.0, &[(total.x0 + 5.0, "９")]));
        assert_eq!(
            lone_table_last_row(&review),
            ["５９", "１１", "１７", "２２", "１０９"]
        );
    }

    /// A count wrapped in table 四's one row, printed with tracked changes
    /// shown: the deleted figures (struck through, and dropped) stood
    /// before the inserted count's first digit on its line, so the centred
    /// lines' second digit sits left of the first one's box (before, ３７
    /// was read as ３, silently). A lower part centred within the upper
    /// part's box is its end.
    #[test]
    fn a_count_wrapped_after_a_tracked_deletion_is_joined_whole() {
        let mut review = review_header_and_row(["３", "５", "１", "１", "４４"]);
        review.push(line(32.0, &[(104.0, "７")]));
        assert_eq!(
            lone_table_last_row(&review),
            ["３７", "５", "１", "１", "４４"]
        );
    }

    /// Table 四's five result columns (one group) over its one row of
    /// `counts`, without a label, each count right of its column's start.
    fn review_header_and_row(counts: [&'static str; 5]) -> Vec<WordLine> {
        let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let at = |i: usize, dx: f32| 100.0 + dx + 60.0 * i as f32;
        let header: Vec<(f32, &str)> = (0..5).map(|i| (at(i, 0.0), heads[i])).collect();
        let figures: Vec<(f32, &str)> = (0..5).map(|i| (at(i, 10.0), counts[i])).collect();
        vec![line(0.0, &header), line(20.0, &figures)]
    }

    /// Cells centred on their row, some figures a line higher than others
    /// and the label wrapped over the lines around them: 2.其他法律行政法
    /// 规禁止 over a line of some figures, 公开 beside the rest. The label
    /// is whole and the row has every figure (before, 公开 was a label of
    /// its own and the first figures a row without one: values lost
    /// silently). Under a group title with no figures of its own (（三）不予
    /// 公开), such a line is its sub-row's.
    #[test]
    fn a_label_wrapped_around_a_line_of_its_rows_figures_keeps_them() {
        let header = [
            (0.0, "项目"),
            (200.0, "自然人"),
            (260.0, "商业企业"),
            (320.0, "其他"),
            (380.0, "总计"),
        ];
        let next = [
            (30.0, "3.危及“三安全一稳定”"),
            (200.0, "1"),
            (260.0, "1"),
            (320.0, "1"),
            (380.0, "3"),
        ];
        let lines = vec![
            line(0.0, &header),
            line(20.0, &[(30.0, "2.其他法律行政法规禁止")]),
            line(32.0, &[(200.0, "4"), (260.0, "5")]),
            line(44.0, &[(30.0, "公开"), (320.0, "6"), (380.0, "15")]),
            line(64.0, &next),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[1], ["2.其他法律行政法规禁止公开", "4", "5", "6", "15"]);
        assert_eq!(rows.len(), 3);
        let titled = vec![
            line(0.0, &header),
            line(20.0, &[(0.0, "（三）不予公开")]),
            line(32.0, &[(200.0, "4"), (320.0, "6")]),
            line(
                44.0,
                &[(30.0, "1.属于国家秘密"), (260.0, "5"), (380.0, "15")],
            ),
            line(64.0, &next),
        ];
        let rows = lone_table_rows(&titled);
        assert_eq!(rows[1], ["（三）不予公开"]);
        assert_eq!(rows[2], ["1.属于国家秘密", "4", "5", "6", "15"]);
        // A group label so wrapped, its end on its first sub-row's line:
        // the figures are the sub-row's, not the group label's.
        let grouped = vec![
            line(0.0, &header),
            line(20.0, &[(0.0, "三、本年度办理结")]),
            line(32.0, &[(320.0, "6")]),
            line(
                44.0,
                &[
                    (0.0, "果"),
                    (90.0, "（一）予以公开"),
                    (200.0, "4"),
                    (260.0, "5"),
                    (380.0, "15"),
                ],
            ),
            line(64.0, &next),
        ];
        let rows = lone_table_rows(&grouped);
        let sub = rows
            .iter()
            .find(|r| r.iter().any(|t| t == "（一）予以公开"))
            .expect("the sub-row");
        assert!(
            sub.ends_with(&["4", "5", "6", "15"].map(String::from)),
            "{rows:?}"
        );
    }

    #[test]
    fn a_row_numbered_like_a_section_under_its_raised_figures_is_the_tables() {
        // Cells aligned to their top, the label's font sitting lower: the
        // figures of 四、结转下年度继续办理 print a line over it. Numbered as
        // a section heading is, the label had been left out of the table
        // (the row missing, its figures a row without a label).
        let header = line(
            0.0,
            &[
                (0.0, "项目"),
                (200.0, "自然人"),
                (260.0, "商业企业"),
                (380.0, "总计"),
            ],
        );
        let lines = vec![
            header,
            line(
                20.0,
                &[
                    (0.0, "（七）总计"),
                    (200.0, "74"),
                    (260.0, "7"),
                    (380.0, "82"),
                ],
            ),
            line(40.0, &[(200.0, "1"), (260.0, "0"), (380.0, "1")]),
            line(50.0, &[(0.0, "四、结转下年度继续办理")]),
            line(80.0, &[(0.0, "四、政府信息公开行政复议、行政诉讼情况")]),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(
            rows.last().unwrap(),
            &["四、结转下年度继续办理", "1", "0", "1"],
            "{rows:?}"
        );
        assert!(
            !rows.iter().flatten().any(|t| t.contains("行政复议")),
            "{rows:?}"
        );
    }

    /// A header of three columns and 二、上年结转's row, both over `y`.
    fn header_and_a_row_over(y: f32) -> Vec<WordLine> {
        let columns = [(200.0, "自然人"), (260.0, "商业企业"), (380.0, "总计")];
        let figures = [(200.0, "１"), (260.0, "２"), (380.0, "３")];
        vec![
            line(y - 60.0, &[&[(0.0, "项目")], &columns[..]].concat()),
            line(y - 30.0, &[&[(0.0, "二、上年结转")], &figures[..]].concat()),
        ]
    }

    #[test]
    fn a_count_wrapped_beside_pieces_of_a_group_label_is_joined_whole() {
        // Cells centred on their rows, the group label 三、本年度办理结果
        // wrapped a few characters a line in a narrow column: the total
        // １０３, wrapped in its narrow cell, prints its top on the line of
        // 三、本 and its end on the line of 年度办. The top had been read as
        // that group piece's own figure and the total as ３.
        let mut lines = header_and_a_row_over(60.0);
        lines.extend([
            line(60.0, &[(0.0, "三、本"), (380.0, "１０")]),
            line(
                66.0,
                &[(60.0, "（一）予以公开"), (200.0, "８７"), (260.0, "１２")],
            ),
            line(72.0, &[(0.0, "年度办"), (380.0, "３")]),
            line(
                84.0,
                &[
                    (0.0, "理结果"),
                    (60.0, "（二）部分公开"),
                    (200.0, "１"),
                    (260.0, "０"),
                    (380.0, "１"),
                ],
            ),
        ]);
        let rows = lone_table_rows(&lines);
        let disclosed = rows
            .iter()
            .find(|r| r.iter().any(|t| t == "（一）予以公开"))
            .expect("the row");
        assert!(
            disclosed.ends_with(&["８７", "１２", "１０３"].map(String::from)),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .any(|r| r.iter().any(|t| t.starts_with("三、本年度办"))),
            "the group label keeps its pieces: {rows:?}"
        );
    }

    #[test]
    fn a_count_wrapped_beside_a_group_labels_piece_over_its_bottom_aligned_row_is_joined_whole() {
        // Cells aligned to their bottom: the total １０３ wraps in its narrow
        // cell, its top on the line of the group label's first piece 三、本,
        // its end on the row's own line, where the label's next piece 年度办
        // stands before （一）予以公开. The top had been left out: ３.
        let mut lines = header_and_a_row_over(60.0);
        lines.extend([
            line(60.0, &[(0.0, "三、本"), (380.0, "１０")]),
            line(
                72.0,
                &[
                    (0.0, "年度办"),
                    (60.0, "（一）予以公开"),
                    (200.0, "８７"),
                    (260.0, "１２"),
                    (385.0, "３"),
                ],
            ),
            line(
                90.0,
                &[
                    (0.0, "理结果"),
                    (60.0, "（二）部分公开"),
                    (200.0, "１"),
                    (260.0, "０"),
                    (380.0, "１"),
                ],
            ),
        ]);
        let rows = lone_table_rows(&lines);
        let disclosed = rows
            .iter()
            .find(|r| r.iter().any(|t| t.contains("（一）予以公开")))
            .expect("the row");
        assert!(
            disclosed.ends_with(&["８７", "１２", "１０３"].map(String::from)),
            "{rows:?}"
        );
    }

    #[test]
    fn a_sub_label_wrapped_around_its_figures_beside_its_group_label_keeps_them() {
        // Cells centred on their rows: the group label （六）其他 opens on
        // the line of its first sub-row's figures, and that sub-row's label
        // wraps over the line above and the line below. The figures had
        // gone to the group label (其他处理 read 2 where it held 5) and the
        // sub-row, its label cut in two, had none.
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (200.0, "自然人"),
                    (260.0, "商业企业"),
                    (380.0, "总计"),
                ],
            ),
            line(20.0, &[(60.0, "1.申请人逾期不补正")]),
            line(
                27.0,
                &[
                    (0.0, "（六）其他"),
                    (200.0, "2"),
                    (260.0, "0"),
                    (380.0, "2"),
                ],
            ),
            line(36.0, &[(60.0, "信息公开申请")]),
            line(
                60.0,
                &[
                    (60.0, "2.申请人逾期未缴费"),
                    (200.0, "1"),
                    (260.0, "0"),
                    (380.0, "1"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(
                &[
                    "（六）其他",
                    "1.申请人逾期不补正信息公开申请",
                    "2",
                    "0",
                    "2"
                ]
                .map(String::from)
                .to_vec()
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn a_sub_label_wrapped_around_its_figures_beside_its_group_labels_end_keeps_them() {
        // The same with the group label cut over two lines, its end
        // (予处理, no opening) beside the figures: they had gone to it, and
        // 4.无正当理由大量反 / 复申请 were rows without figures.
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (200.0, "自然人"),
                    (260.0, "商业企业"),
                    (380.0, "总计"),
                ],
            ),
            line(
                20.0,
                &[
                    (60.0, "3.要求提供公开出版物"),
                    (200.0, "2"),
                    (260.0, "0"),
                    (380.0, "2"),
                ],
            ),
            line(30.0, &[(0.0, "（五）不")]),
            line(37.0, &[(60.0, "4.无正当理由大量反")]),
            line(
                46.0,
                &[(4.0, "予处理"), (200.0, "1"), (260.0, "0"), (380.0, "1")],
            ),
            line(55.0, &[(60.0, "复申请")]),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.iter()
                .any(|r| r.contains(&"4.无正当理由大量反复申请".to_string())
                    && r.ends_with(&["1", "0", "1"].map(String::from))),
            "{rows:?}"
        );
    }

    /// A row label wrapped over two lines set a full line apart (exact
    /// line spacing), the row's counts split between them (some cells
    /// aligned to their top, others to their bottom): the counts beside the
    /// label's end fill the cells the first line left blank (the end had
    /// been a row of its own, with them; the row without them).
    #[test]
    fn counts_beside_a_wrapped_labels_end_fill_the_rows_blank_cells() {
        let header = line(
            0.0,
            &[
                (0.0, "项目"),
                (200.0, "自然人"),
                (260.0, "商业企业"),
                (320.0, "科研机构"),
                (380.0, "总计"),
            ],
        );
        let first = |y: f32, label: &'static str| {
            line(y, &[(0.0, label), (200.0, "0"), (260.0, "1"), (380.0, "1")])
        };
        let lines = vec![
            header.clone(),
            line(
                20.0,
                &[
                    (0.0, "3.要求提供公开出版物"),
                    (200.0, "2"),
                    (260.0, "0"),
                    (320.0, "0"),
                    (380.0, "2"),
                ],
            ),
            first(40.0, "5.要求行政机关确认或重"),
            line(59.0, &[(0.0, "新出具已获取信息"), (320.0, "0")]),
            line(
                78.0,
                &[
                    (0.0, "（七）总计"),
                    (200.0, "2"),
                    (260.0, "1"),
                    (320.0, "0"),
                    (380.0, "3"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(
                &["5.要求行政机关确认或重", "0", "1", "0", "1"]
                    .map(String::from)
                    .to_vec()
            ),
            "{rows:?}"
        );
        assert!(
            !rows
                .iter()
                .any(|r| r[0] == "新出具已获取信息" && r.len() > 1),
            "{rows:?}"
        );
        // Not a label that opens one of its own, nor under a label that
        // opens none (规章 over 规范性文件 hold their own counts).
        let mut own = lines.clone();
        own[3] = line(59.0, &[(0.0, "6.属于四类过程性信息"), (320.0, "0")]);
        let rows = lone_table_rows(&own);
        assert!(
            rows.contains(&["6.属于四类过程性信息", "0"].map(String::from).to_vec()),
            "{rows:?}"
        );
        let mut unnumbered = lines;
        unnumbered[2] = first(40.0, "行政许可行政处罚行政");
        unnumbered[3] = line(59.0, &[(0.0, "规范性文件"), (320.0, "0")]);
        let rows = lone_table_rows(&unnumbered);
        assert!(
            rows.contains(&["规范性文件", "0"].map(String::from).to_vec()),
            "{rows:?}"
        );
    }

    /// The ends of a row's label of four lines, cut after its first at the
    /// page before's foot, atop the next page over the rest of the table:
    /// the tall cell's padding leaves them three lines over the next row.
    /// Rows of the table (for the part above to take back), not a header;
    /// lines set from different left edges so far over it are not.
    #[test]
    fn a_labels_ends_atop_a_page_far_over_the_next_row_are_rows() {
        let figures = |y: f32, label: (f32, &'static str), counts: [&'static str; 3]| {
            line(
                y,
                &[
                    label,
                    (250.0, counts[0]),
                    (300.0, counts[1]),
                    (350.0, counts[2]),
                ],
            )
        };
        let mut lines = vec![
            line(0.0, &[(100.0, "知要求缴纳费用、行政机")]),
            line(15.0, &[(100.0, "关不再处理其政府信息公")]),
            line(30.0, &[(100.0, "开申请")]),
            figures(72.0, (140.0, "3.其他"), ["0", "0", "0"]),
            figures(100.0, (106.0, "（七）总计"), ["45", "6", "51"]),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[0], ["知要求缴纳费用、行政机"], "{rows:?}");
        assert_eq!(rows[2], ["开申请"], "{rows:?}");
        lines[1] = line(15.0, &[(60.0, "关不再处理其政府信息公")]);
        let rows = lone_table_rows(&lines);
        assert!(rows.iter().all(|r| r[0] != "开申请"), "{rows:?}");
    }

    /// One word of glyph runs, each starting at its x (runs a few points
    /// apart read as one word).
    fn touching(y: f32, runs: &[(f32, &str)]) -> Word {
        let mut w = line(y, &[(runs[0].0, "")]).words.remove(0);
        for (x, t) in runs {
            for (i, c) in t.chars().enumerate() {
                let gx = x + 10.0 * i as f32;
                w.glyphs
                    .push((gx, gx + 10.0, EcoString::from(c.to_string())));
            }
            w.text.push_str(t);
            w.x1 = x + 10.0 * t.chars().count() as f32;
        }
        w
    }

    /// A long label filling its cell up to the first column's figures,
    /// which start at the cell's left edge two points after it (cells
    /// aligned left): one word, `…情形）0`. It is cut where the count
    /// begins at the column's counts' left edge (before, the 0 stayed in
    /// the label and the cell read null without a word).
    #[test]
    fn a_count_touching_the_label_before_it_goes_to_its_column() {
        let row = |y: f32, label: &'static str, figures: [&'static str; 3]| {
            let mut words = vec![(-250.0, label)];
            words.extend([0.0, 50.0, 100.0].into_iter().zip(figures));
            line(y, &words)
        };
        let label = "（二）部分公开（区分处理的，只计这一情形）";
        let mut cut = line(20.0, &[(50.0, "0"), (100.0, "0")]);
        cut.words
            .insert(0, touching(20.0, &[(-212.0, label), (0.0, "0")]));
        let lines = vec![
            header_of_three_columns(),
            row(0.0, "（一）予以公开", ["2", "1", "3"]),
            cut,
            row(40.0, "（三）不予公开", ["14", "0", "14"]),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[2], [label, "0", "0", "0"], "{rows:?}");
    }

    /// The same with no gap at all: a cell without padding (a web page's
    /// table printed), its label filling it up to the next cell's edge,
    /// the count drawn right after the label's last character (`不明确7`).
    #[test]
    fn a_count_touching_a_label_that_fills_its_cell_goes_to_its_column() {
        let label = "3.补正后申请内容仍不明确";
        let mut cut = line(20.0, &[(50.0, "1"), (100.0, "8")]);
        cut.words
            .insert(0, touching(20.0, &[(-130.0, label), (0.0, "7")]));
        let lines = vec![
            header_of_three_columns(),
            line(
                0.0,
                &[
                    (-250.0, "2.重复申请"),
                    (0.0, "32"),
                    (50.0, "7"),
                    (100.0, "39"),
                ],
            ),
            cut,
            line(
                40.0,
                &[
                    (-250.0, "3.要求提供公开出版物"),
                    (0.0, "2"),
                    (50.0, "0"),
                    (100.0, "2"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[2], [label, "7", "1", "8"], "{rows:?}");
    }

    /// The header line of the tables of the two tests above: 项目 over
    /// the labels, three columns 50 apart from x = 0.
    fn header_of_three_columns() -> WordLine {
        line(
            -20.0,
            &[
                (-250.0, "项目"),
                (0.0, "自然人"),
                (50.0, "商业企业"),
                (100.0, "总计"),
            ],
        )
    }

    /// A figure with a bracketed note in a column aligned left: its middle
    /// stands far right of its column's, between two columns. It is placed
    /// as a note (in the column whose figures it spans), not a column of
    /// its own (before, it made one: 本年新制作数量 lost its figure and the
    /// header a column, silently).
    #[test]
    fn a_noted_figure_in_a_column_aligned_left_makes_no_column() {
        let lines = vec![
            line(
                0.0,
                &[
                    (-250.0, "信息内容"),
                    (0.0, "本年新制作数量"),
                    (120.0, "本年新公开数量"),
                    (210.0, "对外公开总数量"),
                ],
            ),
            line(
                20.0,
                &[(-250.0, "规章"), (0.0, "0"), (120.0, "0"), (210.0, "0")],
            ),
            line(
                40.0,
                &[
                    (-250.0, "规范性文件"),
                    (0.0, "98（其中修订65件）"),
                    (120.0, "98"),
                    (210.0, "98"),
                ],
            ),
        ];
        let t = find(&lines);
        let rows = row_texts(&t[0].table);
        // (one table, its empty cells kept: three columns, no fourth)
        assert_eq!(t.len(), 1);
        assert_eq!(rows[1], ["规章", "0", "0", "0"], "{rows:?}");
        let noted = ["规范性文件", "98（其中修订65件）", "98", "98"];
        assert_eq!(rows[2], noted, "{rows:?}");
    }

    /// A borderless table with its cells aligned left (Word's default; a
    /// web page's under `text-align:left`), its columns so narrow that the
    /// headers' first lines touch (商业企科研机社会公益法律服务其他, a few
    /// points apart): each column's cell starts at its figures' left edge,
    /// so the word is cut there and each wrapped tail (业, 构, 组织) joins
    /// the head above it. Before, the cells were taken around the figures'
    /// middles, the headers were cut apart wrongly (业 | 商业企构) and five
    /// columns of table 三 read null without a word.
    #[test]
    fn headers_of_cells_aligned_left_are_cut_at_their_columns_starts() {
        let starts = [0.0, 50.0, 85.0, 120.0, 165.0, 210.0, 245.0];
        let runs = [
            (50.0, "商业企"),
            (85.0, "科研机"),
            (120.0, "社会公益"),
            (165.0, "法律服务"),
            (210.0, "其他"),
        ];
        let mut header = line(0.0, &[(-250.0, "项目"), (0.0, "自然")]);
        header.words.push(touching(0.0, &runs));
        header
            .words
            .push(line(0.0, &[(245.0, "总")]).words.remove(0));
        let tails = [
            (0.0, "人"),
            (50.0, "业"),
            (85.0, "构"),
            (120.0, "组织"),
            (165.0, "机构"),
            (245.0, "计"),
        ];
        let row = |y: f32, label: &'static str, figures: [&'static str; 7]| {
            let mut words = vec![(-250.0, label)];
            words.extend(starts.iter().copied().zip(figures));
            line(y, &words)
        };
        let lines = vec![
            header,
            line(10.0, &tails),
            row(
                30.0,
                "一、本年新收",
                ["576", "56", "1", "3", "8", "18", "662"],
            ),
            row(50.0, "二、上年结转", ["22", "3", "0", "0", "1", "0", "26"]),
        ];
        let rows = lone_table_rows(&lines);
        // (the template's column names, in order)
        let names: Vec<String> = crate::template::APPLICANT_COLUMNS
            .iter()
            .map(|c| c.label.to_string())
            .collect();
        let head = rows
            .iter()
            .find(|r| r.contains(&"总计".to_string()))
            .expect("a header row");
        assert_eq!(head[head.len() - 7..], names, "{rows:?}");
    }

    /// A borderless table printed from a web page with its cells aligned
    /// right. Narrow header cells, 社会公益组织 written 社会 公益组织 and
    /// wrapped at the space: 社会 is no column of its own (before, it and
    /// 法律 were taken for columns blank in every row, and the figures under
    /// 公益组织 and 服务机构 went unnamed: two columns null, silently). A
    /// header's words go to the cell between the column before's right
    /// edge and its own (构 of 法律服务机构 is not 其他's), and 自然人 starting
    /// left of its figures is still a column's, not the labels'.
    #[test]
    fn headers_of_cells_aligned_right_name_their_own_columns() {
        let lines = vec![
            line(0.0, &[(-250.0, "项目"), (14.4, "自然"), (243.5, "总")]),
            line(
                10.0,
                &[
                    (24.5, "人"),
                    (51.5, "商业"),
                    (88.5, "科研"),
                    (116.3, "社会"),
                    (139.1, "公益"),
                    (166.7, "法律"),
                    (189.6, "服务"),
                    (221.3, "其"),
                    (243.5, "计"),
                ],
            ),
            line(
                20.0,
                &[
                    (51.5, "企业"),
                    (88.5, "机构"),
                    (139.1, "组织"),
                    (189.6, "机构"),
                    (221.3, "他"),
                ],
            ),
        ];
        let rights = [34.5, 71.6, 108.6, 159.0, 209.6, 231.3, 253.5];
        let row = |y: f32, label: &'static str, figures: [&'static str; 7]| {
            let mut words = vec![(-250.0, label)];
            for (r, f) in rights.iter().zip(figures) {
                words.push((r - 10.0 * f.chars().count() as f32, f));
            }
            line(y, &words)
        };
        // Every figure one digit wide: the header's words, ending where
        // their figures end, tell the alignment.
        let mut single = lines.clone();
        single.push(row(
            40.0,
            "一、本年新收",
            ["3", "1", "2", "3", "4", "5", "8"],
        ));
        single.push(row(
            60.0,
            "二、上年结转",
            ["1", "0", "0", "0", "0", "0", "1"],
        ));
        let found = find(&single);
        let rows = filled_rows(&found[0].table);
        assert!(rows.iter().any(|r| r.contains(&"社会公益组织")), "{rows:?}");
        assert!(rows.iter().any(|r| r.contains(&"法律服务机构")), "{rows:?}");
        let mut lines = lines;
        lines.push(row(
            40.0,
            "一、本年新收",
            ["23", "1", "2", "3", "4", "5", "38"],
        ));
        lines.push(row(
            60.0,
            "二、上年结转",
            ["1", "0", "0", "0", "0", "0", "1"],
        ));
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = filled_rows(&t[0].table);
        let header = rows
            .iter()
            .find(|r| r.iter().any(|c| c.contains("组织")))
            .expect("a header row");
        assert!(header.contains(&"社会公益组织"), "{rows:?}");
        assert!(header.contains(&"法律服务机构"), "{rows:?}");
        let first = rows
            .iter()
            .find(|r| r.first() == Some(&"一、本年新收"))
            .expect("the first row");
        assert_eq!(first.len(), 8, "{rows:?}");
        // Small text in wide cells aligned right: each header starts where
        // the column before's figures end, 自然人 left of its own figures.
        let edges = [96.1, 171.2, 246.6, 321.7, 397.3, 472.4, 547.7];
        let mut small = vec![
            line(0.0, &[(-250.0, "项目"), (20.9, "自然人"), (472.4, "总计")]),
            line(
                10.0,
                &[
                    (96.1, "商业企业"),
                    (171.2, "科研机构"),
                    (246.6, "社会公益组织"),
                    (321.7, "法律服务机构"),
                    (397.3, "其他"),
                ],
            ),
        ];
        for (y, label, figures) in [
            (
                30.0,
                "一、本年新收",
                ["5", "56", "1", "3", "8", "18", "662"],
            ),
            (50.0, "二、上年结转", ["22", "3", "0", "0", "1", "0", "26"]),
        ] {
            let mut words = vec![(-250.0, label)];
            for (r, f) in edges.iter().zip(figures) {
                words.push((r - 10.0 * f.chars().count() as f32, f));
            }
            small.push(line(y, &words));
        }
        // Two headers set close on one line, read as one word (法律 其他,
        // cells aligned right and to their top): it stands over two cells,
        // and each name goes to its own (before, 法律其他 went to 法律服务
        // 机构's column and 其他's was blank: two columns null, silently).
        let edges = [9.7, 33.2, 56.8, 123.2, 167.0, 190.5, 214.2];
        let mut top = vec![
            line(
                -20.0,
                &[(-250.0, "项目"), (-20.3, "自然人"), (194.1, "总计")],
            ),
            line(
                0.0,
                &[(13.2, "商业"), (36.8, "科研"), (60.7, "社会公益组织")],
            ),
            line(14.0, &[(13.2, "企业"), (36.8, "机构"), (127.0, "服务机构")]),
        ];
        top[1]
            .words
            .push(word_of_parts(147.0, 0.0, &["法律", "其他"], 3.6));
        for (y, label) in [(40.0, "一、本年新收"), (60.0, "二、上年结转")] {
            let mut words = vec![(-250.0, label)];
            for r in edges {
                words.push((r - 10.0, "0"));
            }
            top.push(line(y, &words));
        }
        let found = find(&top);
        let rows = filled_rows(&found[0].table);
        assert!(rows[0].contains(&"法律服务机构"), "{rows:?}");
        assert!(rows[0].contains(&"其他"), "{rows:?}");
        let t = find(&small);
        let rows = filled_rows(&t[0].table);
        assert_eq!(
            rows[0][1..],
            [
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计"
            ],
            "{rows:?}"
        );
    }

    /// Cells aligned to their top, the figures' font sitting higher: most
    /// of 1.属于国家秘密's figures printed on the line of （三）不予公开 over
    /// it, a group title with no figures of its own; the sub-row kept two
    /// and the five were lost silently.
    #[test]
    fn figures_raised_onto_a_figureless_group_title_are_its_first_sub_rows() {
        let header = [
            (0.0, "项目"),
            (200.0, "自然人"),
            (260.0, "商业企业"),
            (320.0, "其他"),
            (380.0, "总计"),
        ];
        let lines = vec![
            line(0.0, &header),
            line(20.0, &[(0.0, "（三）不予公开"), (200.0, "1"), (380.0, "3")]),
            line(
                30.0,
                &[(30.0, "1.属于国家秘密"), (260.0, "2"), (320.0, "0")],
            ),
            line(
                50.0,
                &[
                    (30.0, "2.其他法律"),
                    (200.0, "0"),
                    (260.0, "0"),
                    (320.0, "0"),
                    (380.0, "0"),
                ],
            ),
        ];
        let t = find(&lines);
        let rows = filled_rows(&t[0].table);
        assert_eq!(rows[1], ["（三）不予公开"]);
        assert_eq!(rows[2], ["1.属于国家秘密", "1", "2", "0", "3"]);
        // The title wrapped in its narrow column, its end on the sub-row's
        // line (（四）无法 over 提供): the raised figures are the sub-row's
        // still (they had stayed on the title's piece, the sub-row short).
        let mut wrapped = lines.clone();
        wrapped[1] = line(20.0, &[(0.0, "（四）无法"), (200.0, "1"), (380.0, "3")]);
        wrapped[2] = line(
            30.0,
            &[
                (0.0, "提供"),
                (30.0, "1.本机关不掌握"),
                (260.0, "2"),
                (320.0, "0"),
            ],
        );
        let t = find(&wrapped);
        let rows = filled_rows(&t[0].table);
        let sub = rows
            .iter()
            .find(|r| r.contains(&"1.本机关不掌握"))
            .expect("the sub-row");
        assert!(sub.ends_with(&["1", "2", "0", "3"]), "{rows:?}");
        // （六）其他处理 has numbered sub-rows in the 2021 template and prints
        // no figures of its own beside them: a figure raised onto it is its
        // sub-row's (3.其他's had stayed on the title, the sub-row short).
        // Beside an unnumbered row (the 2019 template's （六） row over
        // （七）总计) its figures stay its own.
        let other = |next: &'static str| {
            let mut l = lines.clone();
            l[1] = line(20.0, &[(0.0, "（六）其他"), (320.0, "0")]);
            l[2] = line(
                30.0,
                &[
                    (0.0, "处理"),
                    (30.0, next),
                    (200.0, "4"),
                    (260.0, "1"),
                    (380.0, "5"),
                ],
            );
            let t = find(&l);
            filled_rows(&t[0].table)
                .into_iter()
                .map(|r| r.into_iter().map(String::from).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let rows = other("3.其他");
        let sub = rows
            .iter()
            .find(|r| r.contains(&"3.其他".to_string()))
            .expect("the sub-row");
        assert!(
            sub.ends_with(&["4", "1", "0", "5"].map(String::from)),
            "{rows:?}"
        );
        let rows = other("（七）总计");
        assert!(
            rows.iter()
                .any(|r| r.first().is_some_and(|t| t.starts_with("（六）其他"))
                    && r.ends_with(&["0".to_string()])),
            "{rows:?}"
        );
        // A subtotal printed on the group's line stays there: the sub-row's
        // figures do not fill its gaps.
        let mut subtotal = lines.clone();
        subtotal[2] = line(
            30.0,
            &[
                (30.0, "1.属于国家秘密"),
                (200.0, "1"),
                (260.0, "2"),
                (320.0, "0"),
                (380.0, "3"),
            ],
        );
        let t = find(&subtotal);
        assert_eq!(filled_rows(&t[0].table)[1], ["（三）不予公开", "1", "3"]);
        // Table 四 with its groups as rows: 行政诉讼 prints no figures,
        // 未经复议直接起诉 under it does.
        let review = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (200.0, "结果维持"),
                    (260.0, "结果纠正"),
                    (320.0, "其他结果"),
                    (380.0, "总计"),
                ],
            ),
            line(
                20.0,
                &[
                    (0.0, "行政复议"),
                    (200.0, "0"),
                    (260.0, "0"),
                    (320.0, "0"),
                    (380.0, "0"),
                ],
            ),
            line(40.0, &[(0.0, "行政诉讼"), (260.0, "1"), (380.0, "1")]),
            line(
                50.0,
                &[(50.0, "未经复议直接起诉"), (200.0, "0"), (320.0, "0")],
            ),
            line(
                70.0,
                &[
                    (50.0, "复议后起诉"),
                    (200.0, "0"),
                    (260.0, "0"),
                    (320.0, "0"),
                    (380.0, "0"),
                ],
            ),
        ];
        let rows = lone_table_rows(&review);
        assert_eq!(rows[2], ["行政诉讼"]);
        assert_eq!(rows[3], ["未经复议直接起诉", "0", "1", "0", "1"]);
        // Cells aligned to their bottom, 行政诉讼 centred beside its two
        // sub-rows: its line, under 复议后起诉's, holds the rest of that
        // row's figures.
        let mut bottom = review.clone();
        bottom[2] = line(
            40.0,
            &[
                (50.0, "未经复议直接起诉"),
                (200.0, "0"),
                (260.0, "1"),
                (320.0, "0"),
                (380.0, "1"),
            ],
        );
        bottom[3] = line(60.0, &[(50.0, "复议后起诉"), (200.0, "0"), (320.0, "1")]);
        bottom[4] = line(70.0, &[(0.0, "行政诉讼"), (260.0, "2"), (380.0, "3")]);
        let rows = lone_table_rows(&bottom);
        assert_eq!(rows[3], ["复议后起诉", "0", "2", "1", "3"]);
        assert_eq!(rows[4], ["行政诉讼"]);
    }

    /// A one-row table whose header cells are aligned to their top print
    /// the header as two touching lines (上一年项目数量 half a line higher
    /// than 信息内容 and 本年增/减): neither line had more words than the row
    /// has figures, and the row was taken for prose (its two figures lost).
    #[test]
    fn a_lone_row_under_a_header_printed_as_two_lines_is_a_table() {
        let lines = vec![
            line(0.0, &[(130.0, "第二十条第（八）项")]),
            line(20.0, &[(150.0, "上一年项目数量")]),
            line(30.0, &[(20.0, "信息内容"), (300.0, "本年增/减")]),
            line(
                55.0,
                &[(10.0, "行政事业性收费"), (170.0, "5"), (320.0, "0")],
            ),
            line(85.0, &[(130.0, "第二十条第（九）项")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        let last = last_filled(t);
        assert_eq!(last, ["行政事业性收费", "5", "0"]);
    }

    /// Header cells aligned to their top: one header (本年制发件数) printed
    /// a line above the others, over a column they leave unnamed, was read
    /// as a title and its column named nothing (its figures lost silently).
    #[test]
    fn a_header_word_set_a_line_above_the_others_names_its_column() {
        let lines = vec![
            line(0.0, &[(150.0, "第二十条第（一）项")]),
            line(20.0, &[(100.0, "本年制发件数")]),
            line(
                30.0,
                &[
                    (0.0, "信息内容"),
                    (200.0, "本年废止件数"),
                    (300.0, "现行有效件数"),
                ],
            ),
            line(
                50.0,
                &[(0.0, "规章"), (120.0, "1"), (220.0, "0"), (320.0, "4")],
            ),
            line(
                70.0,
                &[
                    (0.0, "行政规范性文件"),
                    (120.0, "2"),
                    (220.0, "3"),
                    (320.0, "9"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert_eq!(rows[0], ["第二十条第（一）项"]);
        assert_eq!(
            rows[1],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
        );
    }

    /// A one-row table cut by a page break, its header on the page before:
    /// the browser repeats its title (`<thead>`) above the row. The row was
    /// taken for prose and its figure lost (行政事业性收费 null, no warning).
    #[test]
    fn a_lone_row_under_a_repeated_title_at_a_page_top_is_a_table() {
        let lines = vec![
            line(0.0, &[(130.0, "第二十条第（八）项")]),
            line(12.0, &[(50.0, "行政事业性收费"), (220.0, "2871.65")]),
            line(40.0, &[(10.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let last: Vec<&str> = row_texts(&t[0].table).pop().unwrap_or_default();
        assert_eq!(last, ["行政事业性收费", "2871.65"]);
        // Below a line of prose it stays prose.
        let mut prose = lines.clone();
        prose[0] = line(
            0.0,
            &[(10.0, "本年度收费情况如下，单位万元，详见下表所列各项数据。")],
        );
        assert!(find(&prose).is_empty());
    }

    /// The rest of a table at a page's top, its cells aligned to their top
    /// and the figures' font sitting higher: the row's figures on a line
    /// over its label. Read as prose (the fees row lost silently).
    #[test]
    fn figures_over_their_label_at_a_page_top_are_a_row() {
        let lines = vec![
            line(0.0, &[(200.0, "82"), (300.0, "0")]),
            line(8.0, &[(20.0, "行政事业性收费")]),
            line(30.0, &[(130.0, "第二十条第（九）项")]),
        ];
        assert_eq!(lone_table_last_row(&lines), ["行政事业性收费", "82", "0"]);
        // A line of figures alone at a page's top is no table.
        assert!(find(&lines[..1]).is_empty());
    }

    /// A sub-table of table 二 whose figures are printed in its last column
    /// only (规章 all blank, 行政规范性文件 with 现行有效件数 alone): the
    /// header names the blank columns left of it, and the figure stays in
    /// its own (it had been read as 本年制发件数, silently).
    #[test]
    fn header_words_name_blank_columns_left_of_the_only_figures() {
        let lines = vec![
            line(0.0, &[(225.0, "第二十条第（一）项")]),
            line(
                30.0,
                &[
                    (160.0, "信息内容"),
                    (250.0, "本年制发件数"),
                    (330.0, "本年废止件数"),
                    (410.0, "现行有效件数"),
                ],
            ),
            line(55.0, &[(170.0, "规章")]),
            line(80.0, &[(145.0, "行政规范性文件"), (435.0, "5")]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let rows = row_texts(&t[0].table);
        let header = rows.iter().find(|r| r.contains(&"本年制发件数")).unwrap();
        let last = rows.last().unwrap();
        let col_of = |name: &str| header.iter().position(|c| *c == name).unwrap();
        assert_eq!(last[col_of("现行有效件数")], "5");
        assert_eq!(last[col_of("本年制发件数")], "");
    }

    /// A sub-table of two columns far apart (政府集中采购 | 采购项目数量 |
    /// 采购总金额, printed without borders): its label reaches past half a
    /// column's spacing left of the first figures, and is still a label
    /// (it had been read into the first column with the figure, and the
    /// row lost).
    #[test]
    fn a_label_reaching_past_half_the_spacing_of_two_far_columns_is_a_label() {
        let lines = vec![
            line(0.0, &[(130.0, "第二十条第（九）项")]),
            line(
                20.0,
                &[
                    (90.0, "信息内容"),
                    (185.0, "采购项目数量"),
                    (370.0, "采购总金额"),
                ],
            ),
            line(
                40.0,
                &[(80.0, "政府集中采购"), (210.0, "32"), (385.0, "349.18")],
            ),
        ];
        assert_eq!(
            lone_table_last_row(&lines),
            ["政府集中采购", "32", "349.18"]
        );
    }

    /// A row split across pages (cells aligned to their top, the figures
    /// left with the label's first line on the page before): the end of its
    /// label, and a label opened over the first row, stand at the page's top
    /// over the rest of the table. They are its rows, not a header (the
    /// end had been left out as a paragraph, and the row lost); a header at
    /// the page's top stays a header.
    #[test]
    fn label_ends_at_a_page_top_over_a_table_are_its_rows() {
        let figures = |y: f32, label: &'static str| {
            let mut w = vec![(20.0, label)];
            w.extend([200.0, 240.0, 280.0].map(|x| (x, "0")));
            line(y, &w)
        };
        let cut = vec![
            line(0.0, &[(20.0, "新出具已获取信息")]),
            line(16.0, &[(20.0, "1.申请人无正当理由逾期")]),
            figures(32.0, "不补正、行政机关不再处"),
            figures(48.0, "3.其他"),
        ];
        let rows = lone_table_rows(&cut);
        assert_eq!(rows[0], ["新出具已获取信息"]);
        assert_eq!(rows.len(), 4);
        // Under the table's header repeated at the page's top, the same.
        let repeated = vec![
            line(
                0.0,
                &[(20.0, "（本列数据的勾稽关系）"), (200.0, "申请人情况")],
            ),
            line(
                16.0,
                &[(200.0, "自然人"), (240.0, "商业企业"), (280.0, "总计")],
            ),
            line(32.0, &[(20.0, "不补正、行政机关不再处")]),
            line(48.0, &[(20.0, "理其政府信息公开申请")]),
            line(64.0, &[(20.0, "2.申请人逾期未按收费通")]),
            figures(80.0, "知要求缴纳费用、行政机"),
            figures(96.0, "（七）总计"),
        ];
        let rows = lone_table_rows(&repeated);
        let ends = rows.iter().position(|r| r == &["不补正、行政机关不再处"]);
        assert!(ends.is_some_and(|k| k > 0), "{rows:?}");
        assert!(
            rows[..ends.unwrap()].concat().concat().contains("自然人"),
            "{rows:?}"
        );
        let headed = vec![
            line(
                0.0,
                &[(200.0, "自然人"), (240.0, "商业企业"), (280.0, "总计")],
            ),
            figures(16.0, "（六）其他处理"),
            figures(32.0, "（七）总计"),
        ];
        let t = find(&headed);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].table.n_rows(), 3);
        let first = &filled_rows(&t[0].table)[0];
        assert_eq!(first, &["自然人", "商业企业", "总计"]);
    }

    /// Cells aligned to their bottom, the figures' font sitting lower: a
    /// one-row table's label on the line over its figures, at a page's top
    /// or under its header. The label was read as a title or header line
    /// and the figures as a row without a label (both rows lost silently).
    #[test]
    fn a_label_over_its_figures_is_the_rows() {
        let top = vec![
            line(0.0, &[(20.0, "行政事业性收费")]),
            line(8.0, &[(200.0, "82"), (300.0, "0")]),
            line(30.0, &[(130.0, "第二十条第（九）项")]),
        ];
        assert_eq!(lone_table_last_row(&top), ["行政事业性收费", "82", "0"]);
        let under_header = vec![
            line(0.0, &[(130.0, "第二十条第（九）项")]),
            line(
                20.0,
                &[
                    (10.0, "信息内容"),
                    (180.0, "采购项目数量"),
                    (280.0, "采购总金额"),
                ],
            ),
            line(40.0, &[(20.0, "政府集中采购")]),
            line(48.0, &[(200.0, "378"), (300.0, "5105.28")]),
            line(80.0, &[(10.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        let rows = lone_table_rows(&under_header);
        assert_eq!(rows.last().unwrap(), &["政府集中采购", "378", "5105.28"]);
        // A label wrapped over lines around its figures keeps its opening
        // line (一、本年新 / 收政府信息 / figures / 公开申请数量).
        let wrapped = vec![
            line(0.0, &[(10.0, "项目"), (200.0, "自然人"), (300.0, "总计")]),
            line(20.0, &[(10.0, "一、本年新")]),
            line(30.0, &[(10.0, "收政府信息")]),
            line(36.0, &[(200.0, "15"), (300.0, "18")]),
            line(40.0, &[(10.0, "公开申请数量")]),
            line(60.0, &[(10.0, "二、上年结转"), (200.0, "1"), (300.0, "1")]),
        ];
        let t = find(&wrapped);
        let rows = filled_rows(&t[0].table);
        assert_eq!(rows[1], ["一、本年新收政府信息公开申请数量", "15", "18"]);
    }

    /// Cells aligned to their top: a one-row table's first figure raised
    /// onto a line of its own between the header and the row, and its
    /// header's label word (信息内容) set a line below the others. The
    /// table was read as prose (fees and procurement lost silently).
    #[test]
    fn a_figure_raised_over_a_lone_row_and_a_header_word_set_lower_make_a_table() {
        let fees = vec![
            line(0.0, &[(130.0, "第二十条第（八）项")]),
            line(20.0, &[(200.0, "上一年项目数量"), (300.0, "本年增/减")]),
            line(30.0, &[(10.0, "信息内容")]),
            line(50.0, &[(240.0, "0")]),
            line(60.0, &[(10.0, "行政事业性收费"), (320.0, "持平")]),
            line(85.0, &[(130.0, "第二十条第（九）项")]),
        ];
        assert_eq!(lone_table_last_row(&fees), ["行政事业性收费", "0", "持平"]);
        let procurement = vec![
            line(0.0, &[(130.0, "第二十条第（九）项")]),
            line(20.0, &[(200.0, "采购项目数量"), (300.0, "采购总金额")]),
            line(30.0, &[(10.0, "信息内容")]),
            line(
                55.0,
                &[(10.0, "政府集中采购"), (240.0, "3"), (320.0, "105.29")],
            ),
            line(85.0, &[(10.0, "三、收到和处理政府信息公开申请情况")]),
        ];
        assert_eq!(
            lone_table_last_row(&procurement),
            ["政府集中采购", "3", "105.29"]
        );
        // Under prose the pair is no table (and the search moves on).
        let prose = vec![
            line(
                0.0,
                &[(10.0, "本年度共受理行政许可申请，详见下表所列各项。")],
            ),
            line(20.0, &[(240.0, "5")]),
            line(30.0, &[(10.0, "行政许可"), (320.0, "12")]),
        ];
        assert!(find(&prose).is_empty());
    }

    /// Cells aligned to their top: a one-column table's header printed as
    /// two touching lines of one word each (本年处理决定数量 over 信息内容),
    /// and its one row under them was read as prose (799 lost silently).
    #[test]
    fn a_lone_row_under_a_header_of_stacked_single_words_is_a_table() {
        let lines = vec![
            line(-30.0, &[(10.0, "本年度主动公开政府信息情况如下。")]),
            line(0.0, &[(130.0, "第二十条第（五）项")]),
            line(20.0, &[(200.0, "本年处理决定数量")]),
            line(30.0, &[(10.0, "信息内容")]),
            line(50.0, &[(10.0, "行政许可"), (240.0, "799")]),
            line(75.0, &[(130.0, "第二十条第（六）项")]),
        ];
        assert_eq!(lone_table_last_row(&lines), ["行政许可", "799"]);
        // One line of one word over it is a title, not a header.
        let titled = [&lines[..3], &lines[4..]].concat();
        assert!(find(&titled).is_empty());
    }

    /// Rows of a set height printed without rulings stand three font sizes
    /// apart, and their header as far above: rows whose figures stand under
    /// each other are one table, under that header (before, each row was a
    /// table of its own without a header, and a row of eight figures was
    /// read as the template's seven by dropping the first).
    #[test]
    fn tall_rows_far_apart_are_one_table_under_their_header() {
        let xs = [100.0, 150.0, 200.0, 250.0];
        let header: Vec<(f32, &str)> = [(0.0, "项目")]
            .into_iter()
            .chain(
                xs.iter()
                    .copied()
                    .zip(["自然人", "商业企业", "小计", "总计"]),
            )
            .collect();
        let row = |y: f32, label: &'static str, figs: [&'static str; 4]| {
            let words: Vec<(f32, &str)> = [(0.0, label)]
                .into_iter()
                .chain(xs.iter().map(|x| x + 10.0).zip(figs))
                .collect();
            line(y, &words)
        };
        let lines = vec![
            line(0.0, &header),
            row(40.0, "一、本年新收", ["23", "2", "4", "27"]),
            row(80.0, "二、上年结转", ["2", "0", "0", "2"]),
            row(120.0, "四、结转下年度", ["1", "0", "0", "1"]),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        let t = &t[0].table;
        assert_eq!(t.n_rows(), 4);
        let first: Vec<&str> = t
            .row_cells(0)
            .iter()
            .map(|c| c.cell.text.as_str())
            .collect();
        assert_eq!(first, ["项目", "自然人", "商业企业", "小计", "总计"]);
        // Rows that far apart whose figures do not line up stay apart.
        let mut shifted = lines.clone();
        shifted[3] = line(
            120.0,
            &[(0.0, "四、结转"), (300.0, "1"), (350.0, "0"), (400.0, "1")],
        );
        assert_eq!(find(&shifted)[0].table.n_rows(), 3);
    }

    /// A header wrapped in a column beside a narrow one (`社会公益组` /
    /// `织`) is wider than that narrow spacing allows a column's word, but
    /// it stands over one column only: it names it (before, it was taken
    /// for a group title over several columns and skipped).
    #[test]
    fn a_wide_header_over_one_column_names_it() {
        let lines = vec![
            line(
                0.0,
                &[
                    (0.0, "项目"),
                    (100.0, "自然人"),
                    (180.0, "社会公益组"),
                    (290.0, "其他"),
                    (320.0, "总计"),
                ],
            ),
            line(12.0, &[(200.0, "织")]),
            line(
                30.0,
                &[
                    (0.0, "一、本年新收"),
                    (110.0, "5"),
                    (210.0, "1"),
                    (295.0, "0"),
                    (325.0, "6"),
                ],
            ),
            line(
                45.0,
                &[
                    (0.0, "二、上年结转"),
                    (110.0, "2"),
                    (210.0, "0"),
                    (295.0, "0"),
                    (325.0, "2"),
                ],
            ),
        ];
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(
            row_texts(&t[0].table)[0],
            ["项目", "自然人", "社会公益组织", "其他", "总计"]
        );
        // Cells aligned right, the word ending left of its figures' middle:
        // over no column's centre, it names the nearest (it had been
        // skipped as a group title).
        let mut right = lines.clone();
        right[0].words[2] = line(0.0, &[(161.0, "社会公益组")]).words.remove(0);
        right[1] = line(12.0, &[(201.0, "织")]);
        let t = find(&right);
        assert_eq!(
            row_texts(&t[0].table)[0],
            ["项目", "自然人", "社会公益组织", "其他", "总计"]
        );
    }

    #[test]
    fn figures_as_printed_in_cells() {
        for t in [
            "12",
            "0",
            "１２",
            "1,234",
            "-",
            "——",
            "无",
            "增加6",
            "减少2",
            "持平",
            "22（其中修订16件）",
            "5件",
        ] {
            assert!(is_figure(t), "{t}");
        }
        for t in [
            "规章",
            "增加",
            "（六）",
            "第3页",
            "",
            "  ",
            "本年度共收到申请12件",
        ] {
            assert!(!is_figure(t), "{t}");
        }
        // Spaces before a figure do not hide it.
        assert!(is_figure(" 1 2"));
        assert!(is_figure("\u{3000}— "));
    }

    /// A report in traditional characters prints a change as 減少3: the row
    /// was no row of figures, taken for a header line, and table 二's first
    /// row of 第二十条第（五）项 merged into its header (its figures lost).
    #[test]
    fn changes_in_traditional_characters_are_figures() {
        for t in ["減少3", "增加1", "無", "5個", "3項"] {
            assert!(is_figure(t), "{t}");
        }
        assert!(!is_figure("減少"));
        assert!(!is_figure("處理決定數量"));
    }

    /// The quick test turns away no text the rules take as a figure: every
    /// string of up to four of 25 characters (figures' characters,
    /// brackets, spaces, prose; 406,901 strings), each also with a note.
    #[test]
    fn the_quick_test_keeps_every_figure() {
        let alphabet: Vec<char> = "0１ 增加减少減持平无無件元—/（）()年，第页"
            .chars()
            .chain(",.%".chars())
            .collect();
        let mut taken = 0;
        let mut word = Vec::new();
        let mut check = |w: &[char]| {
            let s: String = w.iter().collect();
            for t in [s.clone(), format!("{s}（其中3件）")] {
                if is_figure_by_rules(&t) {
                    assert!(could_be_figure(&t), "{t:?} is a figure");
                    taken += 1;
                }
            }
        };
        fn each(alphabet: &[char], word: &mut Vec<char>, len: usize, f: &mut dyn FnMut(&[char])) {
            f(word);
            if word.len() == len {
                return;
            }
            for c in alphabet {
                word.push(*c);
                each(alphabet, word, len, f);
                word.pop();
            }
        }
        each(&alphabet, &mut word, 4, &mut check);
        assert!(taken > 1000, "{taken} figures");
    }

    /// `is_figure`'s shortcuts (digits alone, blank marks alone) give the
    /// rules' answer, and text too long for the rules' stack buffer (here
    /// the same text padded with spaces, which the rules drop) gets the
    /// answer the short text gets.
    #[test]
    fn figure_shortcuts_and_long_text_agree_with_the_rules() {
        let alphabet: Vec<char> = "0１ /／-—－增减无件（）.年".chars().collect();
        let (mut words, mut figures) = (0, 0);
        let mut stack = vec![String::new()];
        while let Some(s) = stack.pop() {
            let by_rules = could_be_figure(&s) && is_figure_by_rules(&s);
            assert_eq!(is_figure(&s), by_rules, "{s:?}");
            let padded = format!("{s}{}", " ".repeat(SHORT_FIGURE_BYTES));
            assert_eq!(is_figure_by_rules(&padded), is_figure_by_rules(&s), "{s:?}");
            words += 1;
            figures += usize::from(by_rules);
            if s.chars().count() < 4 {
                for c in &alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
        }
        assert!(figures > 1000 && words > figures, "{figures} of {words}");
        // Long figures, read on the heap.
        assert!(is_figure("1,234,567,890,123,456,789,012,345,678"));
        assert!(is_figure("22（其中修订16件，其余为本年度新增加的内容）"));
        assert!(is_figure("/") && is_figure(" — ") && !is_figure(""));
    }

    #[test]
    fn headers_of_narrow_columns_read_as_one_word_are_split_on_column_gaps() {
        // 商业企业 | 科研机构 two points apart over columns at 20 and 60; 法人
        // 或其他组织 with no gaps stays whole (a group title).
        let glyph = |x: f32, t: &str| (x, x + 10.0, EcoString::from(t));
        let w = Word {
            x0: 0.0,
            x1: 81.0,
            y0: 0.0,
            y1: 10.0,
            text: "商业企业科研机构".into(),
            chars: vec![],
            glyphs: "商业企业"
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(i as f32 * 10.0, &c.to_string()))
                .chain(
                    "科研机构"
                        .chars()
                        .enumerate()
                        .map(|(i, c)| glyph(42.0 + i as f32 * 10.0, &c.to_string())),
                )
                .collect(),
        };
        let parts = split_at_gaps(&w, &Placement::centres(&[20.0, 60.0]), 10.0);
        let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, vec!["商业企业", "科研机构"]);
        let title = Word {
            glyphs: "法人或其他组织"
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(i as f32 * 10.0, &c.to_string()))
                .collect(),
            ..w
        };
        assert!(split_at_gaps(&title, &Placement::centres(&[20.0, 60.0]), 10.0).is_empty());
    }

    /// 法律服务机构 and 其他 centred in narrow cells print touching, wider
    /// than their columns, with no gap where the columns part: both were
    /// dropped as one group title, and two columns of figures named nothing
    /// (their values null, no warning).
    #[test]
    fn two_column_names_printed_touching_are_two_headers() {
        let glyph = |x: f32, t: char| (x, x + 7.0, EcoString::from(t.to_string()));
        let word = |text: &str| Word {
            x0: 510.0,
            x1: 510.0 + 7.0 * text.chars().count() as f32,
            y0: 0.0,
            y1: 7.0,
            text: text.into(),
            chars: vec![],
            glyphs: text
                .chars()
                .enumerate()
                .map(|(i, c)| glyph(510.0 + i as f32 * 7.0, c))
                .collect(),
        };
        let cols = [530.0, 560.0, 576.0];
        let parts = split_at_gaps(&word("法律服务机构其他"), &Placement::centres(&cols), 7.0);
        let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["法律服务机构", "其他"]);
        assert!(nearest(&cols, parts[0].0) != nearest(&cols, parts[1].0));
        // A group title is no two names, however it is cut.
        assert!(split_at_gaps(&word("法人或其他组织"), &Placement::centres(&cols), 7.0).is_empty());
        // Two of the longest names fit under the cap.
        let longest = crate::template::ACTIVE_COLUMNS
            .iter()
            .chain(crate::template::APPLICANT_COLUMNS)
            .chain(crate::template::REVIEW_COLUMNS)
            .map(|c| c.label.chars().count())
            .max()
            .unwrap_or(0);
        assert!(2 * longest <= MAX_TOUCHING_NAMES_GLYPHS);
    }

    /// 科研机构 wrapped in its narrow cell (科研 over 机构) printed touching
    /// 社会公益组织 beside it, after a gap from 商业: the part between gaps
    /// was one header, named two columns and so neither, and the columns of
    /// 科研机构 and 社会公益组织 lost every figure without a warning.
    #[test]
    fn a_wrapped_names_head_touching_the_next_name_is_cut_off() {
        let glyphs = |x0: f32, text: &str| -> Vec<(f32, f32, EcoString)> {
            text.chars()
                .enumerate()
                .map(|(i, c)| {
                    let x = x0 + 7.0 * i as f32;
                    (x, x + 7.0, EcoString::from(c.to_string()))
                })
                .collect()
        };
        // 商业 over the first column, a gap, then 科研社会公益组织 over the
        // next two.
        let mut g = glyphs(400.0, "商业");
        g.extend(glyphs(418.0, "科研社会公益组织"));
        let w = Word {
            x0: 400.0,
            x1: g.last().unwrap().1,
            y0: 0.0,
            y1: 7.0,
            text: "商业科研社会公益组织".into(),
            chars: vec![],
            glyphs: g,
        };
        let cols = [407.0, 425.0, 455.0];
        let parts = split_at_gaps(&w, &Placement::centres(&cols), 7.0);
        let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["商业", "科研", "社会公益组织"]);
        let at: Vec<usize> = parts.iter().map(|p| nearest(&cols, p.0)).collect();
        assert_eq!(at, [0, 1, 2]);
        // Two heads touching are no two names.
        assert!(
            split_touching_names(&glyphs(418.0, "科研社会"), &Placement::centres(&cols)).is_empty()
        );
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        let lines = vec![
            line(0.0, &[(0.0, "2020年，共收到申请48件，办结48件。")]),
            line(15.0, &[(0.0, "主动公开信息1286条。")]),
        ];
        assert!(find(&lines).is_empty());
    }

    /// A sub-table of table 二 set at an exact line height: 行政处罚's figure
    /// sits lower than its label, partly beside it, nearer 行政强制 58 under
    /// it. The figure is 行政处罚's; the two labels stay apart (they were
    /// read as one label, 行政处罚行政强制, holding 58, and 255 had none).
    #[test]
    fn a_figure_set_lower_than_its_label_between_two_short_labels_is_the_upper_rows() {
        let l = |y: f32, words: &[(f32, &str)]| line_of_size(y, 10.5, words);
        let lines = vec![
            l(420.2, &[(250.5, "第二十条第（五）项")]),
            l(437.2, &[(161.4, "信息内容"), (318.3, "本年处理决定数量")]),
            l(454.2, &[(161.4, "行政许可"), (331.6, "1487")]),
            l(471.2, &[(250.5, "第二十条第（六）项")]),
            l(488.2, &[(161.4, "信息内容"), (318.3, "本年处理决定数量")]),
            l(510.7, &[(161.4, "行政处罚")]),
            l(517.7, &[(350.3, "255")]),
            l(533.2, &[(161.4, "行政强制"), (346.0, "58")]),
        ];
        let tables = find(&lines);
        let rows: Vec<Vec<&str>> = tables.iter().flat_map(|t| filled_rows(&t.table)).collect();
        assert!(rows.contains(&vec!["行政处罚", "255"]), "{rows:?}");
        assert!(rows.contains(&vec!["行政强制", "58"]), "{rows:?}");
    }

    /// The same in a row with figures: 规章 0 _ 0, its middle figure set
    /// lower, overlapping the row's line and touching 行政规范性文件 1 0 1
    /// under it, fills 规章's blank cell (it was a row of its own, left
    /// without a label: the cell read null).
    #[test]
    fn a_figure_set_lower_in_a_rows_blank_cell_over_a_full_row_is_the_upper_rows() {
        let l = |y: f32, words: &[(f32, &str)]| line_of_size(y, 10.5, words);
        let lines = vec![
            l(464.2, &[(250.5, "第二十条第（一）项")]),
            l(
                481.2,
                &[
                    (161.4, "信息内容"),
                    (234.0, "本年制发件数"),
                    (318.0, "本年废止件数"),
                    (400.0, "现行有效件数"),
                ],
            ),
            l(503.7, &[(171.9, "规章"), (270.0, "0"), (434.0, "0")]),
            l(510.7, &[(357.0, "0")]),
            l(
                526.2,
                &[
                    (145.6, "行政规范性文件"),
                    (270.0, "1"),
                    (357.0, "0"),
                    (434.0, "1"),
                ],
            ),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(&vec!["规章".into(), "0".into(), "0".into(), "0".into()]),
            "{rows:?}"
        );
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    /// Lines set close (exact line spacing): 行政许可 44 0 699 right over
    /// 其他对外管理, whose figures stand on a line of their own under it and
    /// its label's end (服务事项) under them. The second label is its own
    /// row's, with its figures (the three lines were read as one label,
    /// 行政许可其他对外管理服务事项, and 33 +7 389 had none).
    #[test]
    fn a_label_wrapped_around_its_figures_right_under_a_row_opens_its_own_row() {
        let l = |y: f32, words: &[(f32, &str)]| line_of_size(y, 10.5, words);
        let lines = vec![
            l(558.5, &[(225.8, "第二十条第（五）项")]),
            l(
                578.9,
                &[
                    (82.3, "信息内容"),
                    (210.0, "上一年项目数量"),
                    (330.0, "本年增/减"),
                    (440.0, "处理决定数量"),
                ],
            ),
            l(
                595.9,
                &[
                    (82.3, "行政许可"),
                    (226.0, "44"),
                    (350.0, "0"),
                    (458.0, "699"),
                ],
            ),
            l(611.4, &[(67.9, "其他对外管理")]),
            l(618.4, &[(226.0, "33"), (345.0, "+7"), (458.0, "389")]),
            l(625.4, &[(67.9, "服务事项")]),
        ];
        let rows = lone_table_rows(&lines);
        assert!(
            rows.contains(&vec![
                "行政许可".into(),
                "44".into(),
                "0".into(),
                "699".into()
            ]),
            "{rows:?}"
        );
        assert!(
            rows.contains(&vec![
                "其他对外管理服务事项".into(),
                "33".into(),
                "+7".into(),
                "389".into()
            ]),
            "{rows:?}"
        );
    }
}
