//! Page layout: characters → lines → paragraphs, tables filled from their
//! grid, page furniture (page numbers, headers, watermarks) dropped, and
//! tables and paragraphs that run over a page break joined.

use super::columns::split_side_column;
use super::stream;
use super::table::{GridTable, find_tables};
use super::{GlyphClass, PALE, PageContent, TextChar, is_pale};
use crate::model::{Block, Cell, Document, PageBox, Paragraph, Table};
use crate::text::is_digit;
use foldhash::{HashMap, HashMapExt, HashSet};

/// A line of text on a page.
#[derive(Debug, Clone)]
pub struct TextLine {
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub size: f32,
    pub text: String,
}

/// Whether a byte of UTF-8 text is an ASCII letter or digit: a string's
/// last (or first) character is one exactly when its last (or first) byte
/// is, as every byte of a longer character is 0x80 or above.
fn is_ascii_word(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_alphanumeric)
}

/// Groups characters into lines: by vertical overlap, then left to right.
pub fn lines(chars: Vec<&TextChar>) -> Vec<TextLine> {
    let mut out = Vec::new();
    each_line(chars, |line| out.push(line));
    out
}

/// [`lines`], handing each line over as it is made. The characters are
/// sorted once and each line is a run of them: no per-line vectors.
fn each_line(chars: Vec<&TextChar>, mut emit: impl FnMut(TextLine)) {
    let (order, runs) = stream::reading_lines(&chars);
    let mut sorted: Vec<&TextChar> = order.into_iter().map(|p| chars[p]).collect();
    let mut sizes: Vec<f32> = Vec::new();
    for run in runs {
        emit(text_line(&mut sorted[run], &mut sizes));
    }
}

/// The text lines of a page's characters grouped by [`stream::line_groups`]
/// (as [`lines`] would group them), and whether any of them would split
/// into two words or more at gaps wider than `gap` × its font size (as
/// [`stream::word_lines_of`] splits them): without such a line, no line is
/// a row of a borderless table, and a page of prose builds no words.
fn lines_of_groups(
    chars: &[TextChar],
    groups: &stream::LineGroups,
    gap: f32,
) -> (Vec<TextLine>, bool) {
    let mut g: Vec<&TextChar> = Vec::new();
    let mut sizes: Vec<f32> = Vec::new();
    let mut any_words = false;
    let lines = groups
        .runs
        .iter()
        .map(|run| {
            g.clear();
            g.extend(groups.order[run.clone()].iter().map(|i| &chars[*i]));
            let line = text_line(&mut g, &mut sizes);
            // `g` is now left to right; the size is the word split's median.
            any_words = any_words || splits_into_words(&g, line.size.max(1.0), gap);
            line
        })
        .collect();
    (lines, any_words)
}

/// Whether a line's characters, left to right, have a gap past the right
/// edge of those before them wider than `gap` × `size`: the word split's
/// test. (The order of characters at the same x does not change it.)
fn splits_into_words(g: &[&TextChar], size: f32, gap: f32) -> bool {
    let Some((first, rest)) = g.split_first() else {
        return false;
    };
    let mut x1 = first.x1;
    rest.iter().any(|c| {
        // Written as the join test: NaN never joins, as in the split.
        let joins = c.x0 - x1 <= gap * size;
        x1 = x1.max(c.x1);
        !joins
    })
}

/// One line from its characters: left to right, overprinted duplicates
/// dropped, a space between ASCII words set apart.
fn text_line(g: &mut [&TextChar], sizes: &mut Vec<f32>) -> TextLine {
    let text = line_text(g);
    // The box in one pass (each edge folded in order, as a fold per edge
    // would), and whether the line is of one size (most are): then that
    // size is the median, with no list of sizes made.
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    let first_size = g.first().map_or(0, |c| c.size.to_bits());
    let mut one_size = true;
    // Compared, not `f32::min`: the edges start finite, so a NaN (never
    // less or greater) is passed over as `min` passes it, without its
    // NaN checks.
    for c in g.iter() {
        if c.x0 < x0 {
            x0 = c.x0;
        }
        if c.x1 > x1 {
            x1 = c.x1;
        }
        if c.y0 < y0 {
            y0 = c.y0;
        }
        if c.y1 > y1 {
            y1 = c.y1;
        }
        one_size &= c.size.to_bits() == first_size;
    }
    let size = if one_size {
        g.first().map_or(0.0, |c| c.size)
    } else {
        sizes.clear();
        sizes.extend(g.iter().map(|c| c.size));
        median_in(sizes)
    };
    TextLine {
        x0,
        x1,
        y0,
        y1,
        size,
        text,
    }
}

/// The text of [`text_line`] alone (`g` is left sorted as it sorts it).
fn line_text(g: &mut [&TextChar]) -> String {
    g.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.seq.cmp(&b.seq)));
    let mut text = String::with_capacity(g.len() * 3);
    let mut prev: Option<&TextChar> = None;
    for c in g.iter() {
        if let Some(p) = prev {
            // Overprinted duplicates (fake bold) are dropped.
            if (c.x0 - p.x0).abs() < 0.3 * c.size.max(1.0) && p.text == c.text {
                continue;
            }
            let gap = c.x0 - p.x1;
            if gap > 0.25 * c.size
                && is_ascii_word(text.as_bytes().last())
                && is_ascii_word(c.text.as_bytes().first())
            {
                text.push(' ');
            }
        }
        push_glyph_text(&mut text, &c.text);
        prev = Some(c);
    }
    text
}

/// [`median_in`] of values that mostly repeat a few (a page's font sizes):
/// counted by value, up to 16 distinct ones, instead of collected and
/// selected. The value at the middle of the total order is the one whose
/// count reaches past the middle, in that order.
fn median_of(values: impl Iterator<Item = f32> + Clone) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::with_capacity(16);
    let mut n = 0;
    // Neighbours mostly share a size: a run of one value is counted in a
    // register and added to its entry when it ends.
    let mut run: Option<(f32, usize)> = None;
    let add = |counts: &mut Vec<(f32, usize)>, (v, k): (f32, usize)| {
        if let Some(e) = counts.iter_mut().find(|(x, _)| x.to_bits() == v.to_bits()) {
            e.1 += k;
        } else if counts.len() < 16 {
            counts.push((v, k));
        } else {
            return false;
        }
        true
    };
    for v in values.clone() {
        n += 1;
        match &mut run {
            Some((x, k)) if x.to_bits() == v.to_bits() => *k += 1,
            _ => {
                if let Some(r) = run.replace((v, 1))
                    && !add(&mut counts, r)
                {
                    return median_in(&mut values.collect::<Vec<f32>>());
                }
            }
        }
    }
    if let Some(r) = run
        && !add(&mut counts, r)
    {
        return median_in(&mut values.collect::<Vec<f32>>());
    }
    counts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut seen = 0;
    for (v, k) in counts {
        seen += k;
        if seen > n / 2 {
            return v;
        }
    }
    0.0
}

/// A glyph's text appended to a line: a glyph of up to four bytes (nearly
/// every one) copied at a length known here, not by a call to memcpy, nor
/// decoded and encoded again as a character.
#[inline]
fn push_glyph_text(line: &mut String, glyph: &str) {
    match glyph.len() {
        1 => line.push_str(&glyph[..1]),
        2 => line.push_str(&glyph[..2]),
        3 => line.push_str(&glyph[..3]),
        4 => line.push_str(&glyph[..4]),
        _ => line.push_str(glyph),
    }
}

fn median_in(v: &mut [f32]) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    // A line is mostly of one size: then that size is the median.
    if v.iter().all(|x| x.to_bits() == v[0].to_bits()) {
        return v[0];
    }
    let mid = v.len() / 2;
    *v.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// Text of a table cell: lines joined without separators (labels wrapped
/// over lines, or printed one character per line, read as one label).
fn cell_text(chars: Vec<&TextChar>) -> String {
    // Most cells of a report's tables are empty or one digit.
    match chars[..] {
        [] => return String::new(),
        // (Not `to_string`: a small string's may go through the formatter.)
        [c] => return c.text.as_str().to_owned(),
        _ => {}
    }
    if let Some(text) = text_in_columns(&chars) {
        return text;
    }
    if chars.iter().all(|c| c.vertical) {
        let mut cs = chars;
        cs.sort_by(|a, b| {
            a.x0.total_cmp(&b.x0)
                .reverse()
                .then(a.cy().total_cmp(&b.cy()))
        });
        return cs.iter().map(|c| c.text.as_str()).collect();
    }
    // Glyphs of one size on one baseline (a figure, a short label) are one
    // line: the same text as grouping them, without sorting them twice.
    let first = chars[0];
    if first.y1 > first.y0
        && first.y0.is_finite()
        && first.y1.is_finite()
        && chars.iter().all(|c| c.y0 == first.y0 && c.y1 == first.y1)
    {
        let mut cs = chars;
        return line_text(&mut cs);
    }
    let mut text = String::new();
    each_line(chars, |l| {
        if text.is_empty() {
            text = l.text;
        } else {
            text.push_str(&l.text);
        }
    });
    text
}

/// The text of upright glyphs set in columns read top to bottom, the
/// columns right to left (a cell's text direction made vertical: CSS
/// `writing-mode: vertical-rl`, Word's vertical text with CJK kept
/// upright), in the order they were drawn: down each column, each glyph
/// standing on the one before, then up to the next column on the left,
/// never along a row. Read as lines, two columns interleave (`维结持果`
/// for 结果 | 维持); text in one column reads the same either way (None).
fn text_in_columns(chars: &[&TextChar]) -> Option<String> {
    if chars.len() < 3 || chars.iter().any(|c| !c.upright() || c.skewed || c.vertical) {
        return None;
    }
    // Cells' glyphs mostly come in drawing order already.
    let sorted;
    let drawn = if chars.is_sorted_by_key(|c| c.seq) {
        chars
    } else {
        let mut cs = chars.to_vec();
        cs.sort_by_key(|c| c.seq);
        sorted = cs;
        &sorted[..]
    };
    let (mut below, mut columns) = (0, 1);
    for pair in drawn.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let h = (a.y1 - a.y0).min(b.y1 - b.y0);
        let w = (a.x1 - a.x0).min(b.x1 - b.x0);
        if !(h > 0.0 && w > 0.0) {
            return None;
        }
        let same_column = (a.x0 - b.x0).abs() <= 0.25 * w;
        let overlap = a.y1.min(b.y1) - a.y0.max(b.y0);
        if same_column && (b.y0 - a.y1).abs() <= 0.25 * h {
            below += 1;
        } else if overlap <= 0.5 * h && b.y0 < a.y0 && b.x1 <= a.x0 + 0.25 * w {
            // Up to the top of the next column, on the left.
            columns += 1;
        } else {
            // Beside the glyph before (a row), or any other step.
            return None;
        }
    }
    (columns >= 2 && below >= 1).then(|| drawn.iter().map(|c| c.text.as_str()).collect())
}

/// Page numbers and running heads: `-3-`, `- 3 -`, `— 3 —`, `3`, `第3页 共5页`, `3/5`.
fn is_page_furniture(text: &str) -> bool {
    // A page number is short (`第 12 页 共 30 页` with spaces) and of a few
    // characters: a line of text is rejected before it is copied.
    text.len() <= 64 && text.chars().all(may_be_furniture) && furniture_by_rules(text)
}

/// [`is_page_furniture`]'s rules, on any text.
fn furniture_by_rules(text: &str) -> bool {
    if text.len() > 64 {
        return false;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return true;
    }
    let core = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    if !core.is_empty() && core.chars().all(is_digit) {
        return true;
    }
    let digits_or = |s: &str, extra: &str| s.chars().all(|c| is_digit(c) || extra.contains(c));
    (t.starts_with('第') && t.contains('页') && digits_or(&t, "第页共,，"))
        || (t.contains('/') && digits_or(&t, "/"))
}

/// Whether `c` may stand in a page number (every character of one does):
/// a line with any other is prose, rejected before it is copied.
fn may_be_furniture(c: char) -> bool {
    c.is_whitespace() || is_digit(c) || "-—–－·第页共,，/".contains(c)
}

/// A ruled table's column edges and whether a page break cut its first or
/// last row open.
#[derive(Debug, Clone)]
struct Edges {
    xs: Vec<f32>,
    open_top: bool,
    open_bottom: bool,
}

struct PageBlocks {
    /// (top y, block, paragraph starts indented, paragraph ends short)
    blocks: Vec<(f32, Block, bool, bool)>,
    /// Column boundaries of each table block, for joining across pages.
    table_xs: Vec<Option<Edges>>,
    /// Value columns' middles of each borderless table block, for giving
    /// its continuation on the next page the same columns.
    stream_cols: Vec<Option<Vec<f32>>>,
    /// The source a printed web page's info line names (来源：某局).
    source: Option<String>,
}

/// The top and bottom margins of a page, where running heads and page
/// numbers stand: (top edge of the body, bottom edge of the body).
fn margins(page: &PageContent) -> (f32, f32) {
    (page.height * 0.1, page.height * 0.9)
}

/// What a margin line says, ignoring spaces and page numbers.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_digit(*c))
        .collect()
}

/// Running heads and feet: margin lines that recur on at least two pages
/// and on half the pages or more (an agency's name above every page, from
/// a Word header or an OFD template page). A title or a heading at the top
/// of one page does not recur.
fn running_lines(pages: &[PageContent]) -> HashSet<String> {
    let mut pages_with: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let (top, bottom) = margins(page);
        let in_margin: Vec<&TextChar> = page
            .chars
            .iter()
            .filter(|c| (c.y1 < top || c.y0 > bottom) && !c.skewed)
            .collect();
        let keys: HashSet<String> = lines(in_margin)
            .iter()
            .map(|l| furniture_key(&l.text))
            .filter(|k| !k.is_empty())
            .collect();
        for k in keys {
            *pages_with.entry(k).or_default() += 1;
        }
    }
    pages_with
        .into_iter()
        .filter(|(_, n)| *n >= 2 && *n * 2 >= pages.len())
        .map(|(k, _)| k)
        .collect()
}

/// Marks the cells of a table found on page `number` (1-based).
fn on_page(mut t: Table, number: u32) -> Table {
    for c in &mut t.cells {
        if let Some(at) = &mut c.at {
            at.page = number;
        }
    }
    t
}

/// Drops a page's watermarks before anything else reads it (struck-through
/// text, layout): text at an angle, large pale text, or pale gray text at
/// any size (a download stamp of name, date and address tiled over the
/// page: its digits would join the tables' figures, its lines the text).
/// White text is kept unless large: a table's header printed white on a
/// dark fill.
pub(super) fn drop_watermarks(page: &mut PageContent) {
    // Most pages have none: one look at each character, no body size.
    if !page.chars.iter().any(|c| c.skewed || c.brightness > PALE) {
        return;
    }
    let body_size = median_of(page.chars.iter().map(|c| c.size)).max(1.0);
    // The census the reader kept is kept true: each dropped character is
    // taken off its class (counting the page again would classify every
    // character of it).
    let PageContent { chars, classes, .. } = page;
    let counted = classes.iter().map(|n| *n as usize).sum::<usize>() == chars.len();
    chars.retain(|c| {
        let watermark =
            c.skewed || is_pale(c.brightness) || (c.brightness > PALE && c.size > 1.8 * body_size);
        if watermark && counted {
            let class = &mut classes[GlyphClass::of(&c.text, c.undecoded) as usize];
            *class = class.saturating_sub(1);
        }
        !watermark
    });
}

fn page_blocks(page: &PageContent, number: u32, running: &HashSet<String>) -> PageBlocks {
    let body_size = median_of(page.chars.iter().map(|c| c.size)).max(1.0);
    // (Every character is the page's own: watermarks went in `drop_watermarks`.)
    let chars: Vec<&TextChar> = page.chars.iter().collect();
    let mut grids = find_tables(&page.segments);
    let mut used = vec![false; chars.len()];
    let mut out = PageBlocks {
        blocks: Vec::new(),
        table_xs: Vec::new(),
        stream_cols: Vec::new(),
        source: None,
    };
    let mut frames_read = 0;
    let mut layout_grids = Vec::new();
    for (gi, g) in grids.iter().enumerate() {
        let (x0, y0, x1, y1) = g.bbox();
        // Each frame looked into reads the characters inside it: a page of
        // hundreds of nested frames must not read its text hundreds of times.
        if g.xs.len() == 2 && frames_read < MAX_FRAMES_READ {
            frames_read += 1;
            if frames_a_borderless_table(page, g) {
                // Its characters stay free: the borderless pass below reads them.
                continue;
            }
        }
        let mut per_cell: Vec<Vec<&TextChar>> = vec![Vec::new(); g.cells.len()];
        let mut placed = Vec::new();
        // A grid reaching the page's side was cut there (its rulings
        // clipped to the page box): text drawn past the edge, as a table
        // wider than the page leaves it, is its outer column's (a count's
        // last digits).
        let (cut_left, cut_right) = (x0 <= EDGE_TOL, x1 >= page.width - EDGE_TOL);
        for (i, c) in chars.iter().enumerate() {
            let (mut cx, cy) = (c.cx(), c.cy());
            if cut_right && cx > x1 {
                cx = x1 - EDGE_TOL;
            } else if cut_left && cx < x0 {
                cx = x0 + EDGE_TOL;
            }
            if cx < x0 || cx > x1 || cy < y0 || cy > y1 {
                continue;
            }
            if let Some(k) = g.cell_at(cx, cy) {
                per_cell[k].push(c);
                placed.push(i);
            }
        }
        if per_cell.iter().any(|c| holds_prose(c)) {
            // A web page laid out in a table whose cells have borders: its
            // characters stay free, read as text and borderless tables.
            layout_grids.push(gi);
            continue;
        }
        for i in placed {
            used[i] = true;
        }
        keep_overflowing_words_whole(g, &mut per_cell);
        keep_overflowing_stacks_whole(g, &mut per_cell);
        out.blocks.push((
            y0,
            Block::Table(on_page(grid_to_table(g, per_cell), number)),
            false,
            false,
        ));
        out.table_xs.push(Some(Edges {
            xs: g.xs.clone(),
            open_top: g.open_top,
            open_bottom: g.open_bottom,
        }));
        out.stream_cols.push(None);
    }
    // (One pass: a page of thousands of such grids is not quadratic.)
    let mut k = 0;
    grids.retain(|_| {
        k += 1;
        layout_grids.binary_search(&(k - 1)).is_err()
    });
    // Tables without vertical rulings, from the characters left over.
    let mut free_idx: Vec<usize> = Vec::with_capacity(used.len());
    free_idx.extend(
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| i),
    );
    let mut groups = stream::line_groups(&page.chars, &free_idx);
    let (mut grouped_lines, mut any_words) = lines_of_groups(&page.chars, &groups, 0.6);
    let mut word_lines = if any_words {
        stream::word_lines_of(&page.chars, &groups, 0.6)
    } else {
        Vec::new()
    };
    // A web page's side column printed beside the report is the site's, as
    // the HTML reader leaves the page's side bar out: not read. Only a page
    // with a line of two words or more (maybe made of both columns) is
    // looked at: on others the columns' lines are apart already.
    let ruled: Vec<(f32, f32)> = grids.iter().map(|g| (g.bbox().0, g.bbox().2)).collect();
    if any_words
        && let Some((main, _side)) = split_side_column(&page.chars, &word_lines, &ruled, body_size)
    {
        free_idx = main;
        groups = stream::line_groups(&page.chars, &free_idx);
        (grouped_lines, any_words) = lines_of_groups(&page.chars, &groups, 0.6);
        word_lines = if any_words {
            stream::word_lines_of(&page.chars, &groups, 0.6)
        } else {
            Vec::new()
        };
    }
    let mut in_stream = vec![false; page.chars.len()];
    let mut any_stream = false;
    for st in stream::find(&word_lines) {
        any_stream = true;
        for i in st.chars {
            in_stream[i] = true;
        }
        out.blocks.push((
            st.top,
            Block::Table(on_page(st.table, number)),
            false,
            false,
        ));
        out.table_xs.push(None);
        out.stream_cols.push(Some(st.cols));
    }
    // Without a borderless table the lines are those already grouped.
    let mut text_lines = if any_stream {
        let free: Vec<&TextChar> = free_idx
            .iter()
            .filter(|i| !in_stream[**i])
            .map(|i| &page.chars[*i])
            .collect();
        lines(free)
    } else {
        grouped_lines
    };
    let (top, bottom) = margins(page);
    for b in pictures(page, &grids, top, bottom) {
        out.blocks
            .push((b[1], Block::Image(String::new()), false, false));
        out.table_xs.push(None);
        out.stream_cols.push(None);
    }
    // Page numbers and running heads in the top and bottom margins; a page
    // number also as the page's first or last line wherever it stands (a
    // short page's footer lies above its bottom tenth, and left as a
    // paragraph it would part a table from its rest on the next page).
    // (The page's first and last heights are found once, and only for a
    // page with a page-number-like line.)
    let mut ends: Option<(f32, f32)> = None;
    text_lines.retain(|l| {
        let in_margin = l.y1 < top || l.y0 > bottom;
        if in_margin && running.contains(&furniture_key(&l.text)) {
            return false;
        }
        if !is_page_furniture(&l.text) {
            return true;
        }
        let (first_cy, last_cy) = *ends.get_or_insert_with(|| {
            page.chars
                .iter()
                .map(TextChar::cy)
                .filter(|y| y.is_finite())
                .fold((f32::MAX, f32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)))
        });
        let at_an_end = (l.y0..=l.y1).contains(&last_cy) || (l.y0..=l.y1).contains(&first_cy);
        !(in_margin || at_an_end)
    });
    for (y, p, ind, short) in paragraphs(&text_lines, page.width) {
        // A browser print of a web page carries the site's chrome.
        if crate::read::is_chrome_line(&p) {
            if out.source.is_none() {
                out.source = crate::read::source_named_in(&p).map(str::to_string);
            }
            continue;
        }
        out.blocks.push((
            y,
            Block::Paragraph(Paragraph {
                text: p,
                heading_level: None,
            }),
            ind,
            short,
        ));
        out.table_xs.push(None);
        out.stream_cols.push(None);
    }
    // Reading order: top to bottom.
    let mut order: Vec<usize> = (0..out.blocks.len()).collect();
    order.sort_by(|a, b| out.blocks[*a].0.total_cmp(&out.blocks[*b].0));
    let mut blocks = Vec::with_capacity(order.len());
    let mut xs = Vec::with_capacity(order.len());
    let mut cols = Vec::with_capacity(order.len());
    let mut taken: Vec<Option<(f32, Block, bool, bool)>> =
        out.blocks.into_iter().map(Some).collect();
    for i in order {
        if let Some(b) = taken[i].take() {
            blocks.push(b);
            xs.push(out.table_xs[i].clone());
            cols.push(out.stream_cols[i].take());
        }
    }
    PageBlocks {
        blocks,
        table_xs: xs,
        stream_cols: cols,
        source: out.source,
    }
}

/// Characters of prose in one cell that make a ruled grid a page's
/// layout, not a table: a web page laid out in a table, printed with its
/// cells' borders (the report's prose in one cell, its tables in others).
/// The longest cells of the tables of reports hold ~50 (a 2021 table 三
/// label, the 2019 header's note on its sums).
const LAYOUT_CELL_CHARS: usize = 120;

/// A cell holding sentences: long, with a full stop.
fn holds_prose(cell: &[&TextChar]) -> bool {
    cell.len() > LAYOUT_CELL_CHARS && cell.iter().any(|c| c.text == "。")
}

/// Most frames of a page looked into for a borderless table (a report has
/// a few tables a page).
const MAX_FRAMES_READ: usize = 16;

/// A grid of one column (a frame, maybe cut by a rule or two) around text
/// that reads as a borderless table: a table printed with its outer border
/// only (Word's 外侧框线, a web page's `<table border=1>` with cell borders
/// off). A data table has two columns at least, so the frame is not one.
fn frames_a_borderless_table(page: &PageContent, g: &GridTable) -> bool {
    if g.xs.len() != 2 {
        return false;
    }
    let (x0, y0, x1, y1) = g.bbox();
    let inside: Vec<usize> = (0..page.chars.len())
        .filter(|i| {
            let c = &page.chars[*i];
            (x0..=x1).contains(&c.cx()) && (y0..=y1).contains(&c.cy())
        })
        .collect();
    !inside.is_empty() && !stream::find(&stream::word_lines(&page.chars, &inside, 0.6)).is_empty()
}

/// An image at least this wide and tall (points) may be a table's picture;
/// smaller ones are icons, bullets and rules.
const PICTURE_MIN_WIDTH: f32 = 100.0;
const PICTURE_MIN_HEIGHT: f32 = 30.0;
/// Characters over an image that make it a background (a letterhead, a
/// watermark), not a picture of content.
const PICTURE_MAX_CHARS_OVER: usize = 20;
/// Most images of a page looked at as pictures (each is checked against
/// the page's characters; a page could draw one image a thousand times).
const MAX_PICTURES: usize = 16;

/// The boxes of a page's images that may be pictures of content (a table
/// published as an image): big enough, in the page's body (not a logo in
/// the margins), over no ruled table and under no text. A page-sized image
/// under the page's text is its background; one with no text over it (a
/// scanned page among text pages) is a picture.
fn pictures(page: &PageContent, grids: &[GridTable], top: f32, bottom: f32) -> Vec<[f32; 4]> {
    let mut out = Vec::new();
    let big = page
        .images
        .iter()
        .map(|&[x0, y0, x1, y1]| {
            // The part on the page.
            let (x0, y0) = (x0.max(0.0), y0.max(0.0));
            [x0, y0, x1.min(page.width), y1.min(page.height)]
        })
        .filter(|&[x0, y0, x1, y1]| {
            x1 - x0 >= PICTURE_MIN_WIDTH
                && y1 - y0 >= PICTURE_MIN_HEIGHT
                && y1 >= top
                && y0 <= bottom
        })
        .take(MAX_PICTURES);
    for [x0, y0, x1, y1] in big {
        let over_table = grids.iter().any(|g| {
            let (gx0, gy0, gx1, gy1) = g.bbox();
            gx0 < x1 && x0 < gx1 && gy0 < y1 && y0 < gy1
        });
        if over_table {
            continue;
        }
        let under_text = page
            .chars
            .iter()
            .filter(|c| {
                let (cx, cy) = (c.cx(), c.cy());
                cx > x0 && cx < x1 && cy > y0 && cy < y1
            })
            .nth(PICTURE_MAX_CHARS_OVER)
            .is_some();
        if !under_text {
            out.push([x0, y0, x1, y1]);
        }
    }
    out
}

/// A label too wide for its cell runs over the ruling into the next cell
/// (`…重新出具` with 具 printed over the first figure cell). A character
/// that is not part of a figure and touches the text of the cell to its
/// left on the same line goes back to that cell — unless the ruling is
/// drawn in the gap between them: text set flush in narrow cells without
/// padding (a web page's header cells 商业|科研 printed by a browser) also
/// nearly touches, but across a ruling, where an overflowing label's
/// glyphs follow each other with no room for one.
fn keep_overflowing_words_whole(g: &GridTable, per_cell: &mut [Vec<&TextChar>]) {
    for k in 0..per_cell.len() {
        let (_, c0, _, _) = g.cells[k];
        let Some(left_x) = g.xs.get(c0).map(|x| x - 1.0) else {
            continue;
        };
        // Only characters just right of the ruling can have run over it.
        let edge = left_x + 1.0;
        let near = |c: &TextChar| c.x0 < edge + 2.0 * c.size;
        // Most cells hold a figure: nothing there can move, so their
        // characters are not collected (an allocation a cell).
        if !per_cell[k].iter().any(|c| near(c) && !is_figure_glyph(c)) {
            continue;
        }
        let mut chars: Vec<&TextChar> = per_cell[k].iter().filter(|c| near(c)).copied().collect();
        if chars.len() > 64 {
            continue;
        }
        chars.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        for c in chars {
            if is_figure_glyph(c) {
                continue;
            }
            let Some(left) = g.cell_at(left_x, c.cy()).filter(|l| *l != k) else {
                continue;
            };
            let touches = per_cell[left].iter().rev().take(512).any(|p| {
                (p.cy() - c.cy()).abs() < 0.3 * c.size
                    && c.x0 - p.x1 > -0.2 * c.size
                    && c.x0 - p.x1 < 0.15 * c.size
                    && !ruling_between(p, c, edge)
            });
            if touches {
                per_cell[k].retain(|x| !std::ptr::eq(*x, c));
                per_cell[left].push(c);
            }
        }
    }
}

/// A header set one character per line in a cell too short for it runs
/// down over the ruling into the cell below (LibreOffice: `结果维` over
/// `持112`). A character that is not part of a figure, crosses its cell's
/// top ruling, stands alone among words on its line there, and stands
/// right under a character of the cell above that is alone on its line
/// too (the same left edge and size, no gap) goes back to that cell.
/// Words set with wide line spacing also reach over their cell's top
/// ruling, but several to a line.
fn keep_overflowing_stacks_whole(g: &GridTable, per_cell: &mut [Vec<&TextChar>]) {
    // Whether `c` is the only glyph of `cell` on its line (figures aside).
    let alone = |cell: &[&TextChar], c: &TextChar| {
        !cell.iter().take(512).any(|o| {
            !std::ptr::eq(*o, c) && !is_figure_glyph(o) && (o.cy() - c.cy()).abs() < 0.3 * c.size
        })
    };
    for k in 0..per_cell.len() {
        let (r0, _, _, _) = g.cells[k];
        let Some(top) = g.ys.get(r0).copied() else {
            continue;
        };
        let crosses = |c: &TextChar| c.y0 < top - 0.1 && c.y1 > top && !is_figure_glyph(c);
        if !per_cell[k].iter().any(|c| crosses(c)) {
            continue;
        }
        let over: Vec<&TextChar> = per_cell[k]
            .iter()
            .filter(|c| crosses(c))
            .take(64)
            .copied()
            .collect();
        for c in over {
            let Some(above) = g.cell_at(c.cx(), top - 0.5).filter(|a| *a != k) else {
                continue;
            };
            if !alone(&per_cell[k], c) {
                continue;
            }
            // The character it would continue, then whether that one is
            // alone on its line: one look along the cell each, not one per
            // glyph.
            let up = &per_cell[above];
            let under = up
                .iter()
                .rev()
                .take(512)
                .find(|p| {
                    (p.x0 - c.x0).abs() < 0.2 * c.size
                        && (p.size - c.size).abs() < 0.1 * c.size
                        && (c.y0 - p.y1).abs() < 0.2 * c.size
                })
                .is_some_and(|p| alone(up, p));
            if under {
                per_cell[k].retain(|x| !std::ptr::eq(*x, c));
                per_cell[above].push(c);
            }
        }
    }
}

/// Whether the vertical ruling at `x` is drawn in the gap between glyph
/// `a` and glyph `b` to its right (a gap of a ruling's width at least).
fn ruling_between(a: &TextChar, b: &TextChar, x: f32) -> bool {
    const SLACK: f32 = 0.2;
    const MIN_GAP: f32 = 0.25;
    a.x1 <= x + SLACK && b.x0 >= x - SLACK && b.x0 - a.x1 >= MIN_GAP
}

/// A glyph that belongs to a figure (a digit, `.`, `,`, `-`, `%`; digits,
/// `．`, `－` and `％` in full width too, as an input method in full-width
/// mode types them — not `，`, prose's comma).
fn is_figure_glyph(c: &TextChar) -> bool {
    c.text
        .chars()
        .all(|ch| is_digit(ch) || ".,-%．－％".contains(ch))
}

fn grid_to_table(g: &GridTable, per_cell: Vec<Vec<&TextChar>>) -> Table {
    let cells = g
        .cells
        .iter()
        .zip(per_cell)
        .map(|(&(r, c, rs, cs), chars)| {
            let text = cell_text(chars);
            let edge = |v: &[f32], i: usize| v.get(i.min(v.len().saturating_sub(1))).copied();
            let at = match (
                edge(&g.xs, c),
                edge(&g.ys, r),
                edge(&g.xs, c + cs),
                edge(&g.ys, r + rs),
            ) {
                (Some(x0), Some(y0), Some(x1), Some(y1)) => Some(PageBox {
                    page: 0,
                    bbox: [x0, y0, x1, y1],
                }),
                _ => None,
            };
            Cell {
                row: r,
                col: c,
                row_span: rs,
                col_span: cs,
                blocks: vec![Block::Paragraph(Paragraph {
                    text: text.clone(),
                    heading_level: None,
                })],
                text,
                at,
            }
        })
        .collect();
    Table::from_cells(cells)
}

/// A label that starts a table row of its own: `（一）…`, `一、…`, `1.…`.
pub fn starts_label(text: &str) -> bool {
    let t = text.trim_start();
    starts_item(t)
        || t.chars().next().is_some_and(is_digit)
            && t.chars().nth(1).is_some_and(|c| ".、．".contains(c))
}

/// Starts of lines that open a new paragraph: list labels and headings.
fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    let mut cs = t.chars();
    match cs.next() {
        Some('（' | '(') => cs
            .next()
            .is_some_and(|c| "一二三四五六七八九十123456789１２３４５６７８９".contains(c)),
        Some(c) if "一二三四五六七八九十".contains(c) => {
            let rest: String = t
                .chars()
                .skip_while(|c| "一二三四五六七八九十".contains(*c))
                .take(1)
                .collect();
            rest == "、" || rest == "．" || rest == "."
        }
        _ => false,
    }
}

/// Lines ending together that make a text block's right edge.
const FULL_LINES: usize = 3;

/// The rightmost x where [`FULL_LINES`] lines or more end (within 1.5 times
/// the font size of the line ending there), with fewer lines than that
/// reaching further (a footer wider than the text): short lines that happen
/// to end together lower down are no edge.
fn justified_edge(lines: &[TextLine]) -> Option<f32> {
    let mut ends: Vec<(f32, f32)> = lines
        .iter()
        .map(|l| (l.x1, 1.5 * l.size.max(1.0)))
        .filter(|(x1, tol)| x1.is_finite() && tol.is_finite())
        .collect();
    ends.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Two pointers: `j` runs past the ends within reach of end `i`.
    let mut j = 0;
    for (i, &(x1, tol)) in ends.iter().enumerate().take(FULL_LINES) {
        j = j.max(i);
        while ends.get(j).is_some_and(|e| e.0 >= x1 - tol) {
            j += 1;
        }
        if j - i >= FULL_LINES {
            return Some(x1);
        }
    }
    None
}

/// Lines → paragraphs: a new paragraph at a first-line indent, after a short
/// line, at a wide gap, at a change of size, or at a list label.
/// Returns (top y, text, starts indented, ends short).
fn paragraphs(lines: &[TextLine], page_width: f32) -> Vec<(f32, String, bool, bool)> {
    if lines.is_empty() {
        return Vec::new();
    }
    let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    // The text block's right edge: where several lines end (justified text,
    // whatever the page's margins: a browser prints a web page's narrow
    // column at the left of the sheet, maybe above a wider footer), else the
    // longest line, but at least the mirror of the left margin (a page of
    // short lines has no full-width line).
    let right = justified_edge(lines).unwrap_or_else(|| {
        lines
            .iter()
            .map(|l| l.x1)
            .fold(f32::MIN, f32::max)
            .max(page_width - left)
    });
    let centred = |l: &TextLine| {
        let (lm, rm) = (l.x0 - left, right - l.x1);
        lm > 2.0 * l.size && (lm - rm).abs() < 1.5 * l.size
    };
    let mut out: Vec<(f32, String, bool, bool)> = Vec::new();
    let mut prev: Option<&TextLine> = None;
    for l in lines {
        let size = l.size.max(1.0);
        let indented = l.x0 > left + 1.2 * size;
        let new = match prev {
            None => true,
            Some(p) => {
                let gap = l.y0 - p.y1;
                let short = p.x1 < right - 1.5 * size;
                indented
                    || short
                    || gap > 1.2 * size
                    || (l.size - p.size).abs() > 0.15 * size
                    || starts_item(&l.text)
                    || centred(l)
                    || centred(p)
            }
        };
        if new {
            out.push((l.y0, l.text.clone(), indented, false));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(&l.text);
        }
        if let Some(last) = out.last_mut() {
            last.3 = l.x1 < right - 1.5 * size;
        }
        prev = Some(l);
    }
    out
}

/// Column edges closer than this are the same edge across pages.
const EDGE_TOL: f32 = 3.0;

/// Whether a table on the next page continues `a`: the same outer edges
/// (the inner ones may differ, e.g. when one part's rows never split a
/// label column).
fn continues(a: &[f32], b: &[f32]) -> bool {
    let edge =
        |x: Option<&f32>, y: Option<&f32>| x.zip(y).is_some_and(|(x, y)| (x - y).abs() <= EDGE_TOL);
    edge(a.first(), b.first()) && edge(a.last(), b.last())
}

/// Index of the edge in `union` nearest to `x`.
fn edge_index(union: &[f32], x: f32) -> usize {
    union
        .iter()
        .enumerate()
        .min_by(|p, q| (p.1 - x).abs().total_cmp(&(q.1 - x).abs()))
        .map_or(0, |(i, _)| i)
}

/// Appends table `b`'s rows below table `a`, both re-gridded on the union of
/// their column edges; a row cut in two by the page break is glued back.
/// Returns the joined table's edges.
fn append_rows(a: &mut Table, a_edges: &Edges, b: Table, b_edges: &Edges) -> Edges {
    let (a_xs, b_xs) = (&a_edges.xs[..], &b_edges.xs[..]);
    let mut all: Vec<f32> = a_xs.iter().chain(b_xs).copied().collect();
    all.sort_by(f32::total_cmp);
    let mut union: Vec<f32> = Vec::new();
    for x in all {
        if union.last().is_none_or(|u| x - u > EDGE_TOL) {
            union.push(x);
        }
    }
    let regrid = |c: &mut Cell, xs: &[f32]| {
        let start = edge_index(&union, xs.get(c.col).copied().unwrap_or(0.0));
        let end = edge_index(
            &union,
            xs.get(c.col + c.col_span).copied().unwrap_or(f32::MAX),
        );
        c.col = start;
        c.col_span = end.saturating_sub(start).max(1);
    };
    // Word and LibreOffice print a table's header rows again at the top of
    // each page and let a row break across pages: the cut row's lower half
    // then comes below the repeated header.
    let skip = repeated_header_rows(a, &b);
    let open = a_edges.open_bottom && b_edges.open_top;
    // Ends of wrapped counts, by the column of `b` each stands in, go to
    // the counts they end (their columns may not line up).
    let mut ends_of: Vec<(usize, usize)> = Vec::new();
    let mut wrapped = |lower: &Table| match wrapped_count_ends(a, a_xs, lower, b_xs) {
        Some(ends) => {
            ends_of = ends;
            true
        }
        None => false,
    };
    let glue = if skip == 0 {
        row_cut_by_page_break(a, &b, open)
            || fills_empty_cells(a, a_xs, &b, b_xs)
            || wrapped(&b)
            || completes_unlabelled_row(a, a_xs, &b, b_xs, open)
    } else {
        let lower = rows_from(&b, skip);
        skip < b.n_rows()
            && (row_cut_by_page_break(a, &lower, false)
                || fills_empty_cells(a, a_xs, &lower, b_xs)
                || wrapped(&lower)
                || completes_unlabelled_row(a, a_xs, &lower, b_xs, a_edges.open_bottom))
    };
    let a_rows = a.n_rows();
    // Where row `r` of `b` goes: below `a`, except the lower half of a cut
    // row, which joins `a`'s last row (and the rows below it move up one).
    let target = |r: usize| match (glue, r.cmp(&skip)) {
        (true, std::cmp::Ordering::Equal) => a_rows - 1,
        (true, std::cmp::Ordering::Greater) => a_rows + r - 1,
        _ => a_rows + r,
    };
    let mut cells = std::mem::take(&mut a.cells);
    for c in &mut cells {
        regrid(c, a_xs);
    }
    // The cells of `a` that end in its last row (the upper half of a cut
    // row), found once.
    let last_row: Vec<usize> = if glue {
        (0..cells.len())
            .filter(|i| cells[*i].row + cells[*i].row_span == a_rows)
            .collect()
    } else {
        Vec::new()
    };
    for mut c in b.cells {
        let b_col = c.col;
        regrid(&mut c, b_xs);
        let r = c.row;
        c.row = target(r);
        if glue && r == skip {
            // The cut row's two halves: text of the lower half goes into
            // the cell of the upper half it stands in.
            let end_of = ends_of.iter().find(|(col, _)| *col == b_col).map(|e| e.1);
            if let Some(ui) = end_of.or_else(|| {
                last_row
                    .iter()
                    .copied()
                    .find(|i| c.col >= cells[*i].col && c.col < cells[*i].col + cells[*i].col_span)
            }) {
                let upper = &mut cells[ui];
                upper.text.push_str(&c.text);
                upper.blocks.extend(c.blocks);
                // Below a repeated header the lower half's rows are not
                // the upper half's next ones: the header's are.
                if skip == 0 {
                    upper.row_span += c.row_span - 1;
                }
                continue;
            }
        }
        cells.push(c);
    }
    *a = Table::from_cells(cells);
    Edges {
        xs: union,
        open_top: a_edges.open_top,
        open_bottom: b_edges.open_bottom,
    }
}

/// A cell's text without white space.
fn compact_text(c: &Cell) -> String {
    c.text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Rows a table's header may take (table 三's takes three).
const HEADER_ROWS: usize = 4;

/// How many rows at the top of `b` repeat `a`'s header: rows each holding
/// some text, all of it words (not figures) of `a`'s first rows, and no
/// cell of them reaching below them.
fn repeated_header_rows(a: &Table, b: &Table) -> usize {
    let header: HashSet<String> = a
        .cells
        .iter()
        .filter(|c| c.row < HEADER_ROWS)
        .map(compact_text)
        .filter(|t| !t.is_empty() && !super::stream::is_figure(t))
        .collect();
    let mut rows = 0;
    while rows < HEADER_ROWS {
        let texts: Vec<String> = b
            .cells
            .iter()
            .filter(|c| c.row == rows)
            .map(compact_text)
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() || !texts.iter().all(|t| header.contains(t)) {
            break;
        }
        rows += 1;
    }
    let reaches_below = b
        .cells
        .iter()
        .any(|c| c.row < rows && c.row + c.row_span > rows);
    if reaches_below { 0 } else { rows }
}

/// A cut that takes figures over the break (a cell's figure on its second
/// line, below a blank one, went over to the next page): each figure of the
/// first row of `b` stands under an empty cell of the last row of `a`, a
/// row with a label, and any words beside them go on that label (they
/// stand under it and open no item of their own).
fn fills_empty_cells(a: &Table, a_xs: &[f32], b: &Table, b_xs: &[f32]) -> bool {
    let Some(a_last) = a.n_rows().checked_sub(1) else {
        return false;
    };
    let extent = |xs: &[f32], c: &Cell| Some((*xs.get(c.col)?, *xs.get(c.col + c.col_span)?));
    let upper: Vec<&Cell> = a
        .cells
        .iter()
        .filter(|c| c.row + c.row_span == a_last + 1)
        .collect();
    let labelled = upper.iter().any(|c| {
        let t = compact_text(c);
        c.row_span == 1 && !t.is_empty() && !super::stream::is_figure(&t)
    });
    if !labelled {
        return false;
    }
    let mut figures = 0;
    for c in b.cells.iter().filter(|c| c.row == 0 && c.row_span == 1) {
        let t = compact_text(c);
        if t.is_empty() {
            continue;
        }
        let Some((x0, x1)) = extent(b_xs, c) else {
            return false;
        };
        let mid = (x0 + x1) / 2.0;
        let Some(above) = upper
            .iter()
            .find(|u| extent(a_xs, u).is_some_and(|(l, r)| l <= mid && mid < r))
            .map(|u| compact_text(u))
        else {
            return false;
        };
        if super::stream::is_figure(&t) {
            if !above.is_empty() {
                return false;
            }
            figures += 1;
        } else if starts_label(&t) || above.is_empty() || super::stream::is_figure(&above) {
            return false;
        }
    }
    figures > 0
}

/// A row cut open by a page break with its cells' contents parted
/// unevenly (each cell's text flows on by itself: WeasyPrint leaves a
/// count whose cell has room above the break, and carries the label and
/// the other counts over): the last row of `a` holds counts only, the
/// first row of `b` begins with a label, and every text of either stands
/// over or under an empty cell of the other.
fn completes_unlabelled_row(a: &Table, a_xs: &[f32], b: &Table, b_xs: &[f32], open: bool) -> bool {
    let Some(a_last) = a.n_rows().checked_sub(1).filter(|_| open) else {
        return false;
    };
    let extent = |xs: &[f32], c: &Cell| Some((*xs.get(c.col)?, *xs.get(c.col + c.col_span)?));
    fn row(t: &Table, r: usize) -> Vec<(&Cell, String)> {
        t.cells
            .iter()
            .filter(|c| c.row_span == 1 && c.row == r)
            .map(|c| (c, compact_text(c)))
            .collect()
    }
    let (upper, lower) = (row(a, a_last), row(b, 0));
    let counts_only = |cells: &[(&Cell, String)]| {
        let mut filled = cells
            .iter()
            .map(|(_, t)| t)
            .filter(|t| !t.is_empty())
            .peekable();
        filled.peek().is_some() && filled.all(|t| super::stream::is_figure(t))
    };
    let labelled = lower
        .iter()
        .find(|(_, t)| !t.is_empty())
        .is_some_and(|(_, t)| !super::stream::is_figure(t));
    // Each text of one side over an empty cell of the other, found by its
    // middle.
    let over_empty =
        |from: &[(&Cell, String)], from_xs: &[f32], to: &[(&Cell, String)], to_xs: &[f32]| {
            from.iter().filter(|(_, t)| !t.is_empty()).all(|(c, _)| {
                extent(from_xs, c).is_some_and(|(x0, x1)| {
                    let mid = (x0 + x1) / 2.0;
                    to.iter().any(|(o, t)| {
                        t.is_empty() && extent(to_xs, o).is_some_and(|(l, r)| l <= mid && mid < r)
                    })
                })
            })
        };
    counts_only(&upper)
        && labelled
        && over_empty(&upper, a_xs, &lower, b_xs)
        && over_empty(&lower, b_xs, &upper, a_xs)
}

/// A cut through counts wrapped in their narrow cells (155 as 15 over 5;
/// LibreOffice closes both halves with rulings): the first row of `b` is
/// digits only, fewer than half as many as the last row of `a` (a row with
/// a label) has, each under one of them by the tables' rulings — its
/// middle in that cell, or that cell within it (the upper half's row may
/// split a column the lower half's keeps whole). The ends, as `b`'s column
/// of each with the index of the cell of `a` it continues.
fn wrapped_count_ends(
    a: &Table,
    a_xs: &[f32],
    b: &Table,
    b_xs: &[f32],
) -> Option<Vec<(usize, usize)>> {
    let extent = |xs: &[f32], c: &Cell| Some((*xs.get(c.col)?, *xs.get(c.col + c.col_span)?));
    let ends = ends_of_cut_counts(a, b, |u, c| {
        extent(b_xs, c)
            .zip(extent(a_xs, u))
            .is_some_and(|((x0, x1), (l, r))| {
                let mid = (x0 + x1) / 2.0;
                let within = x0 - EDGE_TOL <= l && r <= x1 + EDGE_TOL;
                (l <= mid && mid < r) || within
            })
    })?;
    Some(ends.into_iter().map(|(over, c)| (c.col, over)).collect())
}

/// The same cut in a borderless table (full-width digits wrapped: １４８ at
/// the page's foot, ２ atop the next), each end under its count by the
/// boxes they were printed in. The ends join their counts; true when they
/// did.
fn join_counts_cut_by_page_break(a: &mut Table, b: &Table) -> bool {
    let under = |u: &Cell, c: &Cell| {
        let (Some(p), Some(q)) = (u.at, c.at) else {
            return false;
        };
        let [x0, y0, x1, y1] = q.bbox;
        let (mid, slack) = ((x0 + x1) / 2.0, 0.5 * (y1 - y0));
        p.bbox[0] - slack <= mid && mid <= p.bbox[2] + slack
    };
    let Some(ends) = ends_of_cut_counts(a, b, under) else {
        return false;
    };
    for (over, c) in ends {
        let u = &mut a.cells[over];
        u.text.push_str(&c.text);
        u.blocks.extend(c.blocks.iter().cloned());
    }
    true
}

/// Whether a borderless table atop page `number` opens with a row of one
/// bare count alone that may be the page's number (the page's, or one or
/// two off it where the cover or the contents go unnumbered), over rows of
/// its own: a page number at the page's top, not a figure of the table's.
fn opens_with_page_number(t: &Table, number: u32) -> bool {
    let mut first = t
        .cells
        .iter()
        .filter(|c| c.row == 0 && !c.text.trim().is_empty());
    let (Some(c), None) = (first.next(), first.next()) else {
        return false;
    };
    let text = compact_text(c);
    t.n_rows() >= 2
        && text.len() <= 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .parse::<u32>()
            .is_ok_and(|n| n >= 1 && n.abs_diff(number) <= 2)
}

/// A borderless table's last row at a page's foot whose cells set their
/// text low (bottom-aligned, or under a label of two lines) has some
/// figures past the foot: the first row of the next page's part, `b`'s,
/// holds them (`0` under 社会公益组织, the row's other figures and label
/// above the break), maybe beside its label's end; or, under the header
/// the office suite repeats, its first row with figures. Each such figure
/// stands in one value column of `a` (where the figures of its other rows
/// stand) blank in `a`'s last row with figures (a row with a label, maybe
/// wrapped onto a line or two below); it fills that cell, and the label's
/// end joins the label. The row of `b` they came from when they did; None,
/// `a` unchanged, when any figure stands elsewhere (a row of its own whose
/// label was lost has figures under the row's figures too).
fn join_figures_lowered_past_page_break(a: &mut Table, b: &Table) -> Option<usize> {
    use stream::LABEL_COLS;
    let is_count = |c: &Cell| {
        let t = compact_text(c);
        !t.is_empty() && t.chars().all(is_digit)
    };
    // (b's first row with a count; past the first only under header rows,
    // which hold none)
    let header_above = |row: usize| {
        b.cells
            .iter()
            .any(|c| c.row < row && crate::template::holds_header_word(&crate::text::norm(&c.text)))
    };
    let from = b
        .cells
        .iter()
        .filter(|c| c.col >= LABEL_COLS && is_count(c))
        .map(|c| c.row)
        .min()?;
    let (ends, lowered): (Vec<&Cell>, Vec<&Cell>) = b
        .cells
        .iter()
        .filter(|c| c.row == from && !c.text.trim().is_empty())
        .partition(|c| c.col < LABEL_COLS);
    if lowered.is_empty()
        || !lowered.iter().all(|c| is_count(c) && c.at.is_some())
        || (from > 0 && !header_above(from))
    {
        return None;
    }
    // The row: the last with figures, under it at most the rest of its
    // label wrapped onto lines of their own (`予公开`).
    let holds_figures = |r: usize| {
        a.cells
            .iter()
            .any(|c| c.row == r && c.col >= LABEL_COLS && is_count(c))
    };
    let n = a.n_rows();
    let row = (n.saturating_sub(3)..n).rev().find(|r| holds_figures(*r))?;
    let labels: Vec<usize> = (0..a.cells.len())
        .filter(|i| {
            let c = &a.cells[*i];
            c.row == row && c.row_span == 1 && c.col < LABEL_COLS && !c.text.trim().is_empty()
        })
        .collect();
    // Beside the figures, the ends of the row's labels the break cut
    // (`新出具已获取信息` after `5.要求行政机关确认或重`): each its own
    // label's, or all the one label's.
    let label_end = |c: &&Cell| {
        let t = crate::text::norm(&c.text);
        !starts_label(&t) && !crate::template::holds_header_word(&t) && !is_count(c)
    };
    if labels.is_empty()
        || !ends.iter().all(label_end)
        || !(ends.len() <= 1 || ends.len() == labels.len() || labels.len() == 1)
    {
        return None;
    }
    // Each value column's reach across the page: its figures' boxes.
    let mut reach: Vec<Option<(f32, f32)>> = vec![None; a.n_cols()];
    for c in &a.cells {
        if let (Some(at), true) = (c.at, c.col >= LABEL_COLS && c.col_span == 1 && is_count(c)) {
            let r = &mut reach[c.col];
            let (x0, x1) = r.get_or_insert((at.bbox[0], at.bbox[2]));
            *x0 = x0.min(at.bbox[0]);
            *x1 = x1.max(at.bbox[2]);
        }
    }
    let mut fills = Vec::with_capacity(lowered.len());
    for c in lowered {
        let at = c.at?;
        let [x0, y0, x1, y1] = at.bbox;
        let (mid, slack) = ((x0 + x1) / 2.0, 0.5 * (y1 - y0));
        let mut cols = (LABEL_COLS..reach.len())
            .filter(|k| reach[*k].is_some_and(|(l, r)| l - slack <= mid && mid <= r + slack));
        let (Some(col), None) = (cols.next(), cols.next()) else {
            return None;
        };
        // (looked up in the grid: a table of many cells is not searched
        // once a figure)
        let blank = a
            .grid
            .get(row)
            .and_then(|r| r.get(col))
            .copied()
            .flatten()?;
        let u = &a.cells[blank];
        if u.row != row
            || u.col != col
            || u.row_span != 1
            || u.col_span != 1
            || !u.text.trim().is_empty()
            || fills.iter().any(|(i, _)| *i == blank)
        {
            return None;
        }
        fills.push((blank, c));
    }
    for (i, c) in fills {
        let u = &mut a.cells[i];
        *u = Cell {
            at: c.at,
            ..Cell::of_text(u.row, u.col, c.text.clone())
        };
    }
    for (k, end) in ends.into_iter().enumerate() {
        let u = &mut a.cells[labels[k.min(labels.len() - 1)]];
        *u = Cell {
            row_span: u.row_span,
            col_span: u.col_span,
            at: u.at,
            ..Cell::of_text(u.row, u.col, format!("{}{}", u.text, end.text))
        };
    }
    Some(from)
}

/// A borderless table's row whose label a page break cut: its figures and
/// its label's first lines at the page's foot (`（四）` | `1.本机关不掌`),
/// the ends atop the next page, rows of their own without figures that
/// open no label (`无法提供` | `握相关政府信息`; or a line a row, `不计其` /
/// `他情` / `形）`, when the label is set a few characters a line), right
/// over rows of figures. Each end joins the label of `a`'s last row in its
/// place (as many on every line; one label takes every line). The rows of
/// `b` joined, none when none.
fn join_labels_cut_by_page_break(a: &mut Table, b: &Table) -> std::ops::Range<usize> {
    use stream::LABEL_COLS;
    let Some(a_last) = a.n_rows().checked_sub(1) else {
        return 0..0;
    };
    // A row's label cells, left to right, and whether its values hold any
    // words, and a figure.
    let row = |t: &Table, r: usize| -> (Vec<usize>, bool, bool) {
        let (mut labels, mut words, mut figures) = (Vec::new(), false, false);
        for i in t.grid[r].iter().flatten() {
            let c = &t.cells[*i];
            if c.row != r || c.row_span != 1 {
                continue;
            }
            if c.col < LABEL_COLS {
                if !c.text.trim().is_empty() && !labels.contains(i) {
                    labels.push(*i);
                }
            } else {
                words |= !c.text.trim().is_empty();
                figures |= stream::is_figure(c.text.trim());
            }
        }
        (labels, words, figures)
    };
    let (a_labels, _, a_figures) = row(a, a_last);
    // The ends: rows of labels only, up to the first row of figures; under
    // the table's header when it is repeated on each page (its first row
    // with words among the values holds no figure).
    let with_words = |from: usize| (from..b.n_rows()).find(|r| row(b, *r).1);
    let Some(first) = with_words(0) else {
        return 0..0;
    };
    let (from, to) = if row(b, first).2 {
        (0, first)
    } else {
        match with_words(first + 1) {
            Some(to) => (first + 1, to),
            None => return 0..0,
        }
    };
    // (The ends stop at a row opening a label over its figures' line:
    // 1.申请人逾期 over 不补正、行政 2 0 0 2.)
    let opens = |r: usize| row(b, r).0.iter().any(|i| starts_label(&b.cells[*i].text));
    let to = (from..to).find(|r| opens(*r)).unwrap_or(to);
    let end_rows: Vec<Vec<usize>> = (from..to).map(|r| row(b, r).0).collect();
    let label_end = |i: &usize| {
        let t = &b.cells[*i].text;
        !starts_label(t) && !crate::template::holds_header_word(&crate::text::norm(t))
    };
    let fits = |labels: &Vec<usize>| {
        !labels.is_empty()
            && labels.iter().all(label_end)
            && (labels.len() == a_labels.len() || a_labels.len() == 1)
    };
    if !a_figures
        || a_labels.is_empty()
        || from == to
        || !(row(b, to).2 || opens(to))
        || !end_rows.iter().all(fits)
    {
        return 0..0;
    }
    for labels in end_rows {
        for (k, end) in labels.into_iter().enumerate() {
            let over = a_labels[k.min(a_labels.len() - 1)];
            let end = &b.cells[end];
            let u = &mut a.cells[over];
            let text = format!("{}{}", u.text, end.text);
            *u = Cell {
                row_span: u.row_span,
                col_span: u.col_span,
                at: u.at,
                ..Cell::of_text(u.row, u.col, text)
            };
        }
    }
    from..to
}

/// `t` without rows `cut` (rows below move up).
fn without_rows(t: &Table, cut: std::ops::Range<usize>) -> Table {
    let n = cut.len();
    Table::from_cells(
        t.cells
            .iter()
            .filter(|c| !cut.contains(&c.row))
            .map(|c| Cell {
                row: if c.row >= cut.end { c.row - n } else { c.row },
                ..c.clone()
            })
            .collect(),
    )
}

/// The cells of `b`'s first row, each with the cell of `a`'s last row it
/// continues (`under`: it stands under that one), when they are the ends
/// of counts a cut wrapped: digits only, each under a figure of a row
/// with a label, fewer than half as many as the row's figures — or one
/// alone, under the total (which overflows first; one elsewhere may be a
/// row's whose label was lost). Table 四's one row of figures has no
/// label: when no row above holds a figure, the row is that one and a
/// lone end anywhere is its count's (there is no other row to lose).
/// The last row's cells are those ending in it (a grid may cut a row in
/// two where the header's rulings went on below it).
fn ends_of_cut_counts<'b>(
    a: &Table,
    b: &'b Table,
    under: impl Fn(&Cell, &Cell) -> bool,
) -> Option<Vec<(usize, &'b Cell)>> {
    let a_rows = a.n_rows();
    let in_last = |c: &Cell| c.row + c.row_span == a_rows;
    let is_count = |c: &Cell| super::stream::is_figure(&compact_text(c));
    let upper: Vec<usize> = (0..a.cells.len())
        .filter(|i| in_last(&a.cells[*i]) && !compact_text(&a.cells[*i]).is_empty())
        .collect();
    let figures: Vec<usize> = upper
        .iter()
        .copied()
        .filter(|i| is_count(&a.cells[*i]))
        .collect();
    let unlabelled = figures.len() == upper.len();
    let table_fours_row = unlabelled && !a.cells.iter().any(|c| !in_last(c) && is_count(c));
    if figures.is_empty() || (unlabelled && !table_fours_row) {
        return None;
    }
    // (The last figure of the row: its total, the widest count.)
    let last = figures.iter().copied().max_by_key(|i| a.cells[*i].col);
    let mut ends = Vec::new();
    for c in b.cells.iter().filter(|c| c.row == 0) {
        let t = compact_text(c);
        if t.is_empty() {
            continue;
        }
        if !t.chars().all(is_digit) {
            return None;
        }
        // Under one figure only: an end beneath two is no one's.
        let mut overs = figures.iter().copied().filter(|i| under(&a.cells[*i], c));
        let over = overs.next()?;
        if overs.next().is_some() {
            return None;
        }
        ends.push((over, c));
    }
    let under_total = ends.iter().any(|(over, _)| Some(*over) == last);
    let n = ends.len();
    let lone_end_placed = n == 1 && (under_total || table_fours_row);
    ((n >= 2 || lone_end_placed) && 2 * n <= figures.len()).then_some(ends)
}

/// A borderless table's rows going on past a break (a page's, or a row
/// without figures read as a paragraph), read without a header, have only
/// the columns their figures stand in, where the part above also has
/// columns its header named though blank in every row
/// (科研机构 and 社会公益组织 with no applicant of either kind): its value
/// columns `b_cols` are moved to the columns `a_cols` of the part above
/// they stand in (each within a third of the narrowest spacing there, in
/// order), blank cells filling the others, so that its rows read against
/// the header above. Only columns blank in every row of `above` too may be
/// missing (a table under another header, table 二's next part, one column
/// beside three, lacks columns that held figures) — unless three columns
/// or more, the first and the last among them, stand in evenly set ones.
/// False, `t` unchanged, when some column stands in none or one missing
/// held a figure.
fn align_continued_columns(t: &mut Table, b_cols: &[f32], above: &Table, a_cols: &[f32]) -> bool {
    use stream::LABEL_COLS;
    if b_cols.is_empty() || b_cols.len() >= a_cols.len() {
        return false;
    }
    let spacing = a_cols
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f32::MAX, f32::min);
    if !(spacing.is_finite() && spacing > 0.0) {
        return false;
    }
    let mut to = Vec::with_capacity(b_cols.len());
    for x in b_cols {
        // (a_cols increase: the nearest is next to the insertion point)
        let i = a_cols.partition_point(|a| a < x);
        let k = [i.checked_sub(1), (i < a_cols.len()).then_some(i)]
            .into_iter()
            .flatten()
            .min_by(|p, q| (a_cols[*p] - x).abs().total_cmp(&(a_cols[*q] - x).abs()));
        match k {
            Some(k) if (a_cols[k] - x).abs() < spacing / 3.0 && to.last() < Some(&k) => to.push(k),
            _ => return false,
        }
    }
    let mut filled = vec![false; a_cols.len()];
    for k in &to {
        filled[*k] = true;
    }
    let mut held_a_figure = vec![false; a_cols.len()];
    for c in &above.cells {
        if let Some(held) = c
            .col
            .checked_sub(LABEL_COLS)
            .and_then(|k| held_a_figure.get_mut(k))
        {
            *held |= c.text.chars().any(is_digit);
        }
    }
    // (Three columns or more, the first and the last (the totals') among
    // them, line up only with the same table: its rows may leave a column
    // between them blank that the part above filled. Not when the columns
    // above are set unevenly: one of them may be a misread.)
    let even = {
        let mut gaps: Vec<f32> = a_cols.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_by(f32::total_cmp);
        gaps.get(gaps.len() / 2)
            .is_some_and(|median| spacing >= 0.6 * median)
    };
    let surely_same =
        even && to.len() >= 3 && to.first() == Some(&0) && to.last() == Some(&(a_cols.len() - 1));
    if !surely_same && filled.iter().zip(&held_a_figure).any(|(f, h)| !f && *h) {
        return false;
    }
    let mut cells = std::mem::take(&mut t.cells);
    for c in &mut cells {
        if c.col >= LABEL_COLS
            && let Some(k) = to.get(c.col - LABEL_COLS)
        {
            c.col = LABEL_COLS + k;
        }
    }
    let mut blanks = Vec::new();
    for row in 0..t.n_rows() {
        for (k, _) in filled.iter().enumerate().filter(|(_, f)| !**f) {
            blanks.push(Cell::of_text(row, LABEL_COLS + k, String::new()));
        }
    }
    cells.extend(blanks);
    *t = Table::from_cells(cells);
    true
}

/// Whether two parts of a borderless table have their value columns at
/// the same places: as many, each within a third of the narrowest spacing.
fn same_value_columns(a: &[f32], b: &[f32]) -> bool {
    let spacing = a.windows(2).map(|w| w[1] - w[0]).fold(f32::MAX, f32::min);
    a.len() >= 2
        && a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| (x - y).abs() < spacing / 3.0)
}

/// Whether a paragraph's `text` is a short line, not prose: at most
/// `max_chars`, no sentence's or lead-in's end (。；：), no section heading.
fn short_line(text: &str, max_chars: usize) -> bool {
    text.chars().count() <= max_chars
        && !text.ends_with(['。', '；', '：', ':'])
        && !stream::is_section_heading(text)
}

/// The labels of rows read as paragraphs (blank in every column, so no
/// figure told them from text), when `blocks` are nothing else: short
/// lines, the first opening a label (`1.`, `（三）`), each line opening one
/// starting a row and the others going on with the row above
/// (`2.其他法律行政法规禁止` over `公开`). None when there are none, or a
/// line reads as prose.
fn row_labels(blocks: &[Block]) -> Option<Vec<String>> {
    /// Rows so read between two parts: a page's foot and the next's top.
    const MAX_LINES: usize = 8;
    /// A wrapped label's line is as long as its column is wide.
    const MAX_CHARS: usize = 40;
    if blocks.is_empty() || blocks.len() > MAX_LINES {
        return None;
    }
    let mut labels: Vec<String> = Vec::new();
    for b in blocks {
        let Block::Paragraph(p) = b else { return None };
        let text = p.text.trim();
        // (A line holding a second label — a group's and its first row's,
        // `（三）不1.属于国家秘密` — is not told apart here.)
        let prose = text.is_empty()
            || !short_line(text, MAX_CHARS)
            || text
                .char_indices()
                .skip(1)
                .any(|(i, _)| starts_label(&text[i..]));
        match labels.last_mut() {
            _ if prose => return None,
            _ if starts_label(text) => labels.push(text.to_string()),
            Some(label) => label.push_str(text),
            None => return None,
        }
    }
    Some(labels)
}

/// Whether `text` is table 三's last row's label (四、结转下年度继续办理),
/// which follows the table's last figures: a line of its own.
fn ends_table_three(text: &str) -> bool {
    let t = text.trim();
    starts_item(t) && t.contains("结转下年度") && t.chars().count() <= 20
}

/// Cells of a row of `n_cols` columns labelled `label`, blank in the rest.
fn blank_row(row: usize, label: &str, n_cols: usize) -> impl Iterator<Item = Cell> + '_ {
    (0..n_cols.max(stream::LABEL_COLS + 1))
        .filter(|c| *c == 0 || *c >= stream::LABEL_COLS)
        .map(move |col| {
            let text = if col == 0 {
                label.to_string()
            } else {
                String::new()
            };
            Cell::of_text(row, col, text)
        })
}

/// `t` with rows labelled `labels`, blank in every column, above its own.
fn with_blank_rows_above(t: &Table, labels: &[String]) -> Table {
    let n_cols = t.n_cols();
    let mut cells: Vec<Cell> = labels
        .iter()
        .enumerate()
        .flat_map(|(r, label)| blank_row(r, label, n_cols))
        .collect();
    cells.extend(t.cells.iter().map(|c| Cell {
        row: c.row + labels.len(),
        ..c.clone()
    }));
    Table::from_cells(cells)
}

/// `t` with a row labelled `label`, blank in every column, below its own.
fn with_blank_row_below(t: &Table, label: &str) -> Table {
    let mut cells = t.cells.clone();
    cells.extend(blank_row(t.n_rows(), label, t.n_cols()));
    Table::from_cells(cells)
}

/// Whether the first of `t`'s rows with words among its values holds a
/// figure there: rows going on from a page above, no header of their own
/// (rows before it blank in every column are rows too: no applicant of
/// that kind; a header names its columns).
fn opens_with_figures(t: &Table) -> bool {
    let values = |row: &[Option<usize>]| -> Vec<&str> {
        row.iter()
            .skip(stream::LABEL_COLS)
            .flatten()
            .map(|i| t.cells[*i].text.trim())
            .filter(|s| !s.is_empty())
            .collect()
    };
    t.grid
        .iter()
        .map(|row| values(row))
        .find(|v| !v.is_empty())
        .is_some_and(|v| v.iter().any(|s| s.chars().any(is_digit)))
}

/// `t`'s rows from `first` on, as a table of their own.
fn rows_from(t: &Table, first: usize) -> Table {
    Table::from_cells(
        t.cells
            .iter()
            .filter(|c| c.row >= first)
            .map(|c| Cell {
                row: c.row - first,
                ..c.clone()
            })
            .collect(),
    )
}

/// Whether the last row of `a` and the first row of `b` are one row cut by
/// a page break (`open`: the rulings say so too): the first row of `b` goes on
/// with a label (its first one-row label does not open a label such as
/// `（二）` or `1.`), is not a repeated header, and the figures stand on one
/// side of the break only (or on neither: a header row).
fn row_cut_by_page_break(a: &Table, b: &Table, open: bool) -> bool {
    let (Some(a_last), true) = (a.n_rows().checked_sub(1), b.n_rows() > 0) else {
        return false;
    };
    let has_figures = |t: &Table, r: usize| {
        t.cells
            .iter()
            .any(|c| c.row == r && c.row_span == 1 && super::stream::is_figure(&c.text))
    };
    let text = compact_text;
    let Some(b_label) = b
        .cells
        .iter()
        .filter(|c| c.row == 0 && c.row_span == 1)
        .map(text)
        .find(|t| !t.is_empty() && !super::stream::is_figure(t))
    else {
        return false;
    };
    let header: Vec<String> = a.cells.iter().filter(|c| c.row < 3).map(text).collect();
    let repeats_header = b
        .cells
        .iter()
        .filter(|c| c.row == 0)
        .map(text)
        .any(|t| !t.is_empty() && header.contains(&t));
    let a_has_text = a
        .cells
        .iter()
        .any(|c| c.row + c.row_span == a_last + 1 && c.row_span == 1 && !text(c).is_empty());
    // Producers that close both halves with rulings (LibreOffice) leave
    // only the words to go by: the lower half must not be a table caption
    // or a header of its own.
    let a_label = a
        .cells
        .iter()
        .filter(|c| c.row == a_last && c.row_span == 1)
        .map(text)
        .find(|t| !t.is_empty() && !super::stream::is_figure(t))
        .unwrap_or_default();
    // Folded (a 繁体 report's 信息內容 is 信息内容).
    let is_header = |t: &str| crate::template::holds_header_word(&crate::text::norm(t));
    let own_header = is_header(&b_label) || is_header(&a_label);
    // A header row cut in two has figures on neither side; a header row
    // ending a page above a row of figures is whole (a browser prints the
    // ruling between them on one page only, leaving both halves open).
    let header_cut = open && !has_figures(a, a_last) && !has_figures(b, 0);
    let header_above_figures = is_header(&a_label) && has_figures(b, 0);
    // A table typed in two parts (a 续表: the header copied atop the
    // second) may break between them: the second part's header, not the
    // one the first part opened with, is no lower half of the row above.
    let header_below_figures = has_figures(a, a_last)
        && b.cells.iter().any(|c| {
            c.row == 0 && crate::template::holds_header_only_word(&crate::text::norm(&c.text))
        });
    !starts_label(&b_label)
        && !header_above_figures
        && !header_below_figures
        && !repeats_header
        && (open || !own_header)
        && a_has_text
        && (header_cut || has_figures(a, a_last) != has_figures(b, 0))
}

/// Whether a page opens with a borderless table without a header of its
/// own: rows going on from the page before (not under a caption repeated
/// atop the page).
fn opens_with_a_headless_table(pb: &PageBlocks) -> bool {
    let titled = |t: &Table| {
        t.cells
            .iter()
            .any(|c| c.row == 0 && (is_caption(&c.text) || holds_header_word(&c.text)))
    };
    matches!(pb.blocks.first(), Some((_, Block::Table(t), _, _)) if opens_with_figures(t) && !titled(t))
        && matches!(pb.table_xs.first(), Some(None))
}

/// A sub-table's caption: 第二十条第（一）项.
fn is_caption(text: &str) -> bool {
    stream::is_caption_text(text.chars())
}

/// Whether `text` (normalised) holds a word of a table's header.
fn holds_header_word(text: &str) -> bool {
    crate::template::holds_header_word(&crate::text::norm(text))
}

/// A word of a table's header (自然人) that the lines of `foot` hold and
/// the table `t` opening the next page under a header of its own does
/// not: the header's first lines left at the page's foot (with no figure:
/// not a sentence counting applicants). None when `t` is headless or
/// opens with a caption (a table of its own); the caller asks of
/// borderless tables only (a ruled one's grid would not take the lines).
fn header_words_missing(foot: &[Block], t: &Table) -> Option<&'static str> {
    if opens_with_figures(t) || t.cells.iter().any(|c| c.row == 0 && is_caption(&c.text)) {
        return None;
    }
    let foot: String = foot
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(crate::text::norm(&p.text)),
            _ => None,
        })
        .collect();
    if foot.chars().any(is_digit) {
        return None;
    }
    let own = crate::text::norm(&t.all_text());
    crate::template::TABLE_HEADER_WORDS
        .iter()
        .find(|w| foot.contains(*w) && !own.contains(*w))
        .copied()
}

/// How many rows of `t` hold a figure among their values.
fn figure_rows(t: &Table) -> usize {
    t.grid
        .iter()
        .filter(|row| {
            row.iter()
                .skip(stream::LABEL_COLS)
                .flatten()
                .any(|i| t.cells[*i].text.chars().any(is_digit))
        })
        .count()
}

/// Of the paragraphs a page ended with (`trailing`: each one's place in
/// `blocks` and its top on the page), the last few short lines (up to
/// eight: table 三's header in narrow columns takes seven) when they are a
/// table's caption and header: one a sub-table's caption (第二十条第（一）项)
/// or holding a header's word (信息内容, 自然人). Where they start in
/// `blocks` and on the page.
fn header_at_foot(blocks: &[Block], trailing: &[(usize, f32)]) -> Option<(usize, f32)> {
    const MAX_LINES: usize = 8;
    const MAX_CHARS: usize = 60;
    let text = |k: usize| match &blocks[k] {
        Block::Paragraph(p) => Some(p.text.trim()),
        _ => None,
    };
    let short = |t: &str| short_line(t, MAX_CHARS);
    // (the last of them must end the document so far)
    let last = trailing.last()?;
    if last.0 + 1 != blocks.len() {
        return None;
    }
    let lines: Vec<(usize, f32)> = trailing
        .iter()
        .rev()
        .take(MAX_LINES)
        .take_while(|(k, _)| text(*k).is_some_and(short))
        .copied()
        .collect();
    let first = *lines.last()?;
    let names = lines
        .iter()
        .any(|(k, _)| text(*k).is_some_and(|t| is_caption(t) || holds_header_word(t)));
    names.then_some(first)
}

/// `page` with the foot of the page `above` from `y` down (to its bottom
/// margin) set right over its first line: a table's caption and header
/// left at one page's foot, read with the rows they head.
fn with_foot_over(above: &PageContent, y: f32, page: &PageContent) -> PageContent {
    // The lines from `y` down that reach into the body (a header's last
    // line may stand in the bottom margin), less page numbers (which on
    // a small page reach into the body too).
    let bottom = margins(above).1;
    let below: Vec<&TextChar> = above
        .chars
        .iter()
        .filter(|c| c.y0 >= y - 1.0 && c.y0 <= bottom)
        .collect();
    // (a few: a page has one number, and each char is tested on them)
    let numbers: Vec<TextLine> = lines(below.clone())
        .into_iter()
        .filter(|l| is_page_furniture(&l.text))
        .take(4)
        .collect();
    let foot: Vec<&TextChar> = below
        .into_iter()
        .filter(|c| {
            let (x, y) = (c.cx(), c.cy());
            !numbers
                .iter()
                .any(|l| (l.x0..=l.x1).contains(&x) && (l.y0..=l.y1).contains(&y))
        })
        .collect();
    // (A line reaching into the body is the page's first: running heads
    // lie wholly in the margin.)
    let top_margin = margins(page).0;
    let top = page
        .chars
        .iter()
        .filter(|c| c.y1 >= top_margin)
        .map(|c| c.y0)
        .fold(f32::INFINITY, f32::min);
    let foot_bottom = foot.iter().map(|c| c.y1).fold(f32::NEG_INFINITY, f32::max);
    let size = median_of(foot.iter().map(|c| c.size)).max(1.0);
    let dy = if top.is_finite() && foot_bottom.is_finite() {
        top - size - foot_bottom
    } else {
        0.0
    };
    let mut chars: Vec<TextChar> = Vec::with_capacity(foot.len() + page.chars.len());
    // Drawing order: the foot's lines first (both are a page's glyphs,
    // well under 2³²).
    chars.extend(foot.iter().zip(0u32..).map(|(c, k)| TextChar {
        y0: c.y0 + dy,
        y1: c.y1 + dy,
        seq: k,
        ..(*c).clone()
    }));
    let n = chars.len() as u32;
    chars.extend(page.chars.iter().map(|c| TextChar {
        seq: c.seq + n,
        ..c.clone()
    }));
    PageContent {
        width: page.width,
        height: page.height,
        chars,
        segments: page.segments.clone(),
        images: page.images.clone(),
        // Laid out after the census: not counted.
        classes: Default::default(),
    }
}

pub fn build_document(pages: Vec<PageContent>) -> Document {
    let mut doc = Document::default();
    // The open table (its rulings' or its figures' columns) and whether
    // the last paragraph may continue.
    let mut last_xs: Option<Edges> = None;
    let mut last_cols: Option<Vec<f32>> = None;
    let mut last_para_open = false;
    let running = running_lines(&pages);
    // The paragraphs a page ended with, after its last table or picture:
    // where each stands in the document and on the page.
    let mut trailing: Vec<(usize, f32)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut pb = page_blocks(page, number, &running);
        if let Some(above) = i.checked_sub(1).map(|k| &pages[k])
            && let Some((from, y)) = header_at_foot(&doc.blocks, &trailing)
        {
            // The rows atop the page headless, or under the lower lines of
            // a header whose words the foot's lines hold.
            let headless = opens_with_a_headless_table(&pb);
            let header_part = match (pb.blocks.first(), pb.table_xs.first()) {
                (Some((_, Block::Table(t), _, _)), Some(None)) if !headless => {
                    header_words_missing(&doc.blocks[from..], t)
                        .map(|w| (w, figure_rows(t), t.n_cols()))
                }
                _ => None,
            };
            if headless || header_part.is_some() {
                let moved = with_foot_over(above, y, page);
                let retried = page_blocks(&moved, number, &running);
                let taken = match (retried.blocks.first(), &header_part) {
                    (Some((_, Block::Table(t), _, _)), None) => !opens_with_figures(t),
                    (Some((_, Block::Table(t), _, _)), Some((word, rows, cols))) => {
                        figure_rows(t) == *rows
                            && t.n_cols() >= *cols
                            && crate::text::norm(&t.all_text()).contains(word)
                    }
                    _ => false,
                };
                if taken {
                    doc.blocks.truncate(from);
                    last_cols = None;
                    pb = retried;
                }
            }
        }
        trailing.clear();
        if doc.page_info.source.is_none() {
            doc.page_info.source = pb.source;
        }
        for (i, (((y, block, indented, ends_short), xs), mut cols)) in pb
            .blocks
            .into_iter()
            .zip(pb.table_xs)
            .zip(pb.stream_cols)
            .enumerate()
        {
            let first_on_page = i == 0;
            match block {
                Block::Table(mut t) => {
                    trailing.clear();
                    // (A row with no figure between the two may have been
                    // read as a paragraph.)
                    if let Some((a, b)) = last_cols.as_ref().zip(cols.as_ref())
                        && let Some(above) = doc.blocks.iter().rev().find_map(|b| match b {
                            Block::Table(t) => Some(t),
                            _ => None,
                        })
                        && opens_with_figures(&t)
                        && (same_value_columns(a, b)
                            || align_continued_columns(&mut t, b, above, a))
                    {
                        cols = last_cols.clone();
                        // Rows without figures between the parts, read as
                        // paragraphs, are the lower part's first rows.
                        if let Some(since) = doc
                            .blocks
                            .iter()
                            .rposition(|b| matches!(b, Block::Table(_)))
                            .map(|i| i + 1)
                            && let Some(labels) = row_labels(&doc.blocks[since..])
                        {
                            doc.blocks.truncate(since);
                            t = with_blank_rows_above(&t, &labels);
                        }
                    }
                    let joins = first_on_page
                        && matches!(doc.blocks.last(), Some(Block::Table(_)))
                        && last_xs
                            .as_ref()
                            .zip(xs.as_ref())
                            .is_some_and(|(a, b)| continues(&a.xs, &b.xs));
                    // Borderless tables on both sides of the break: the
                    // ends of counts it cut go to them.
                    // (the rows of `t` they took)
                    if first_on_page && xs.is_none() && opens_with_page_number(&t, number) {
                        t = without_rows(&t, 0..1);
                    }
                    let ends_joined = match doc.blocks.last_mut() {
                        Some(Block::Table(prev))
                            if first_on_page && last_xs.is_none() && xs.is_none() =>
                        {
                            if join_counts_cut_by_page_break(prev, &t) {
                                0..1
                            } else if let Some(row) = join_figures_lowered_past_page_break(prev, &t)
                            {
                                row..row + 1
                            } else {
                                join_labels_cut_by_page_break(prev, &t)
                            }
                        }
                        _ => 0..0,
                    };
                    match (doc.blocks.last_mut(), &last_xs, &xs) {
                        _ if !ends_joined.is_empty() => {
                            let rest = without_rows(&t, ends_joined);
                            if rest.n_rows() > 0 {
                                doc.blocks.push(Block::Table(rest));
                            }
                        }
                        (Some(Block::Table(prev)), Some(a_xs), Some(b_xs)) if joins => {
                            last_xs = Some(append_rows(prev, a_xs, t, b_xs));
                        }

                        _ => {
                            doc.blocks.push(Block::Table(t));
                            last_xs = xs;
                        }
                    }
                    last_cols = cols;
                    last_para_open = false;
                }
                // A picture stands between what comes before and after it.
                Block::Image(alt) => {
                    trailing.clear();
                    doc.blocks.push(Block::Image(alt));
                    last_xs = None;
                    last_cols = None;
                    last_para_open = false;
                }
                Block::Paragraph(p) => {
                    // Table 三's last row (四、结转下年度继续办理) blank in
                    // every column under a borderless table: one of its rows.
                    if last_cols.is_some()
                        && let Some(Block::Table(open)) = doc.blocks.last_mut()
                        && ends_table_three(&p.text)
                    {
                        *open = with_blank_row_below(open, p.text.trim());
                        continue;
                    }
                    // (No table goes on past a section's heading.)
                    if stream::is_section_heading(&p.text) {
                        last_cols = None;
                    }
                    let joins =
                        first_on_page && last_para_open && !indented && !starts_item(&p.text);
                    match doc.blocks.last_mut() {
                        Some(Block::Paragraph(prev)) if joins => prev.text.push_str(&p.text),
                        _ => {
                            trailing.push((doc.blocks.len(), y));
                            doc.blocks.push(Block::Paragraph(p))
                        }
                    }
                    last_para_open = !ends_short;
                    last_xs = None;
                }
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_rng::Xorshift;

    /// Pale gray text at body size (a download stamp's name, date and
    /// address, light or black at low opacity) is a watermark: its digits
    /// had joined the figures of a borderless table under it. White text
    /// (a header on a dark fill), black and mid-gray text stay.
    #[test]
    fn pale_gray_text_is_a_watermark_and_white_text_is_not() {
        let glyph = |text: &str, x: f32, brightness: f32| TextChar {
            brightness,
            ..TextChar::square(text, x, 100.0, 10.0)
        };
        let mut page = PageContent {
            width: 595.0,
            height: 842.0,
            chars: vec![
                glyph("1", 10.0, 0.0),
                glyph("张", 30.0, 0.8),
                glyph("3", 50.0, 1.0),
                glyph("4", 70.0, 0.6),
                glyph("5", 90.0, 0.97),
            ],
            ..Default::default()
        };
        let count = |page: &PageContent| {
            let mut classes = [0u32; crate::read::fixed::GLYPH_CLASSES];
            for c in &page.chars {
                classes[GlyphClass::of(&c.text, c.undecoded) as usize] += 1;
            }
            classes
        };
        // As a reader counts the page while placing it.
        page.classes = count(&page);
        drop_watermarks(&mut page);
        let kept: Vec<&str> = page.chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(kept, ["1", "3", "4"]);
        // The reader's census is kept true without counting the page again.
        assert_eq!(page.classes, count(&page));
    }

    /// Values drawn mostly from a few sizes, with signed zeros, NaN and
    /// infinities among them, and sometimes more than 16 distinct ones.
    fn random_sizes(rng: &mut Xorshift, n: usize) -> Vec<f32> {
        let few = [10.5, 12.0, 0.0, -0.0, f32::NAN, f32::INFINITY, 16.0, 10.5];
        (0..n)
            .map(|_| {
                let r = rng.next_u32();
                if r.is_multiple_of(7) {
                    (r % 40) as f32 * 0.25
                } else {
                    few[r as usize % few.len()]
                }
            })
            .collect()
    }

    /// A glyph's text is appended as it is, one character or several.
    #[test]
    fn glyph_text_is_appended_whole() {
        for g in ["", "字", "7", "fi", "𠀀", "（一）", "\u{0}"] {
            let mut line = String::from("前");
            push_glyph_text(&mut line, g);
            assert_eq!(line, format!("前{g}"));
        }
    }

    /// Counting by value picks, bit for bit, the value selecting picks.
    #[test]
    fn median_by_counts_is_the_selected_median() {
        let mut rng = Xorshift(0x1234_5679);
        for n in 0..300 {
            let v = random_sizes(&mut rng, n % 60);
            let selected = median_in(&mut v.clone());
            let counted = median_of(v.iter().copied());
            assert_eq!(counted.to_bits(), selected.to_bits(), "{v:?}");
            // The same values in runs, as a page's characters give them.
            let runs: Vec<f32> = v
                .iter()
                .zip(random_sizes(&mut rng, v.len()))
                .flat_map(|(x, r)| std::iter::repeat_n(*x, 1 + r.to_bits() as usize % 5))
                .collect();
            let selected = median_in(&mut runs.clone());
            let counted = median_of(runs.iter().copied());
            assert_eq!(counted.to_bits(), selected.to_bits(), "{runs:?}");
        }
        // More than 16 distinct values: selected after all.
        let many: Vec<f32> = (0..41).rev().map(|i| i as f32 * 0.5).collect();
        assert_eq!(median_of(many.iter().copied()), 10.0);
    }

    /// A line's box and size read in one pass are those of a fold per edge
    /// and of the median of its sizes.
    #[test]
    fn a_lines_box_in_one_pass_is_the_folded_box() {
        let mut rng = Xorshift(0x0bad_5eed);
        for n in 1..200 {
            let sizes = random_sizes(&mut rng, n % 9 + 1);
            let edges = random_sizes(&mut rng, 4 * sizes.len());
            let chars: Vec<TextChar> = sizes
                .iter()
                .zip(edges.chunks(4))
                .enumerate()
                .map(|(i, (s, e))| {
                    let mut c = TextChar::placed(
                        "字".into(),
                        &super::super::Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
                        [0.0, 0.0, 1.0, 1.0],
                        false,
                        0.0,
                        false,
                        i as u32,
                    );
                    (c.x0, c.y0, c.x1, c.y1, c.size) = (e[0], e[1], e[2], e[3], *s);
                    c
                })
                .collect();
            let mut g: Vec<&TextChar> = chars.iter().collect();
            let line = text_line(&mut g, &mut Vec::new());
            let fold = |f: fn(&TextChar) -> f32, init: f32, op: fn(f32, f32) -> f32| {
                g.iter().map(|c| f(c)).fold(init, op)
            };
            let expected = [
                fold(|c| c.x0, f32::MAX, f32::min),
                fold(|c| c.x1, f32::MIN, f32::max),
                fold(|c| c.y0, f32::MAX, f32::min),
                fold(|c| c.y1, f32::MIN, f32::max),
                median_in(&mut g.iter().map(|c| c.size).collect::<Vec<f32>>()),
            ];
            let got = [line.x0, line.x1, line.y0, line.y1, line.size];
            assert_eq!(
                got.map(f32::to_bits),
                expected.map(f32::to_bits),
                "{sizes:?} {edges:?}"
            );
        }
    }

    #[test]
    fn page_numbers_are_furniture() {
        for t in ["- 3 -", "-3-", "— 12 —", "3", "第3页 共5页", "3/5"] {
            assert!(is_page_furniture(t), "{t}");
        }
        for t in ["2024年1月", "一、总体情况", "95"] {
            assert_eq!(is_page_furniture(t), t == "95", "{t}");
        }
    }

    /// Rejecting a line holding a character no page number holds, before
    /// the line is copied, decides as the rules alone do.
    #[test]
    fn furniture_prefilter_agrees_with_the_rules() {
        let alphabet: Vec<char> = "1２ -—–－·第页共,，/年a　\t".chars().collect();
        let (mut rng, mut furniture) = (Xorshift(0x5eed), 0);
        for len in 0..9 {
            for _ in 0..4000 {
                let text: String = (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect();
                let by_rules = furniture_by_rules(&text);
                assert_eq!(is_page_furniture(&text), by_rules, "{text:?}");
                furniture += usize::from(by_rules);
            }
        }
        assert!(furniture > 500, "{furniture} page numbers drawn");
    }

    /// A page of 600 × 800 points with one line of text at each (y, text).
    fn page_with(lines: &[(f32, &str)]) -> PageContent {
        let words: Vec<(f32, f32, &str)> = lines.iter().map(|(y, t)| (60.0, *y, *t)).collect();
        page_of_words(&words)
    }

    /// A page of 600 × 800 points with text at each (x, y, text).
    fn page_of_words(words: &[(f32, f32, &str)]) -> PageContent {
        let mut chars = Vec::new();
        for (x, y, text) in words {
            glyphs_from(&mut chars, *x, *y, text);
        }
        PageContent {
            width: 600.0,
            height: 800.0,
            chars,
            segments: Vec::new(),
            images: Vec::new(),
            classes: Default::default(),
        }
    }

    /// The prose-page shortcut answers as building the words would: a page
    /// is skipped only when none of its lines splits into two words,
    /// whatever the spacing, sizes and drawing order.
    #[test]
    fn prose_page_shortcut_agrees_with_the_word_split() {
        let glyph = |x: f32, y: f32, size: f32, seq: u32| {
            TextChar::placed(
                "字".into(),
                &super::super::Matrix([size, 0.0, 0.0, size, x, y]),
                [0.0, -0.88, 1.0, 0.12],
                false,
                0.0,
                false,
                seq,
            )
        };
        let mut seen = [false; 2];
        // (x step between glyphs in em, sizes cycled, drawn backwards,
        // glyphs in pairs at one x: overprinted, of unequal widths)
        for (step, sizes, backwards, paired) in [
            (1.0, &[10.0][..], false, false),
            (1.55, &[10.0][..], false, false),
            (1.65, &[10.0][..], true, false),
            (1.65, &[10.0, 30.0, 30.0][..], false, false),
            (3.0, &[10.0, 40.0][..], true, false),
            (1.0, &[0.2][..], false, false),
            (0.0, &[10.0, 30.0][..], true, false),
            (1.2, &[10.0, 30.0][..], false, true),
            (3.5, &[10.0, 30.0][..], true, true),
            (4.5, &[30.0, 10.0][..], false, true),
        ] {
            for count in [1, 2, 7] {
                let mut chars: Vec<TextChar> = (0..count)
                    .map(|i| {
                        let size = sizes[i % sizes.len()];
                        let slot = if paired { i / 2 } else { i };
                        glyph(step * 10.0 * slot as f32, 100.0, size, i as u32)
                    })
                    .collect();
                if backwards {
                    chars.reverse();
                }
                let idx: Vec<usize> = (0..chars.len()).collect();
                let groups = stream::line_groups(&chars, &idx);
                let built = stream::word_lines_of(&chars, &groups, 0.6)
                    .iter()
                    .any(|l| l.words.len() >= 2);
                assert_eq!(
                    lines_of_groups(&chars, &groups, 0.6).1,
                    built,
                    "step {step}, sizes {sizes:?}, {count} glyphs"
                );
                seen[usize::from(built)] = true;
            }
        }
        assert_eq!(seen, [true, true], "both answers are exercised");
    }

    /// Two lines set closer than their type (exact line spacing below the
    /// font size, a cell's text run over into the next) print over each
    /// other: each is read whole, the upper first, not interleaved glyph by
    /// glyph (`2022年政府南信康…`), and so is a last character wrapped
    /// under its line. A raised figure beside its line, and fake bold (each
    /// glyph drawn twice, a little apart), stay one line.
    #[test]
    fn lines_printed_over_each_other_are_read_one_after_the_other() {
        let texts = |rows: &[(f32, f32, &str)]| -> Vec<String> {
            let mut chars = Vec::new();
            for (x, y, text) in rows {
                glyphs_from(&mut chars, *x, *y, text);
            }
            lines(chars.iter().collect())
                .into_iter()
                .map(|l| l.text)
                .collect()
        };
        assert_eq!(
            texts(&[
                (66.0, 104.0, "政府信息公开"),
                (60.0, 100.0, "南康街道办事处")
            ]),
            ["南康街道办事处", "政府信息公开"]
        );
        assert_eq!(
            texts(&[(60.0, 100.0, "工作年度报"), (90.0, 103.0, "告")]),
            ["工作年度报", "告"]
        );
        assert_eq!(
            texts(&[(60.0, 100.0, "共收到"), (96.0, 96.0, "12")]),
            ["共收到12"]
        );
        assert_eq!(
            texts(&[(60.0, 100.0, "公开情况"), (60.5, 102.0, "公开情况")]),
            ["公开情况"]
        );
    }

    /// A cell whose text direction is vertical (CJK kept upright) sets its
    /// glyphs down columns, right to left: 结果 | 维持 reads 结果维持, not
    /// row by row (`维结持果`). The same four places drawn row by row are
    /// horizontal text and read by rows.
    #[test]
    fn text_set_in_columns_reads_down_each_column_from_the_right() {
        let glyph = |text: &str, x: f32, y: f32, seq: u32| {
            TextChar::placed(
                text.into(),
                &super::super::Matrix([10.0, 0.0, 0.0, 10.0, x, y]),
                [0.0, -0.88, 1.0, 0.12],
                false,
                0.0,
                false,
                seq,
            )
        };
        // The cell's text from its glyphs (text, x, y) in drawing order.
        let read = |drawn: &[(&str, f32, f32)]| {
            let cs: Vec<TextChar> = drawn
                .iter()
                .enumerate()
                .map(|(seq, &(text, x, y))| glyph(text, x, y, seq as u32))
                .collect();
            cell_text(cs.iter().collect())
        };
        // Column writing: the right column first, each glyph under the last.
        let columns = [
            ("结", 110.0, 100.0),
            ("果", 110.0, 110.0),
            ("维", 97.0, 100.0),
            ("持", 97.0, 110.0),
        ];
        assert_eq!(read(&columns), "结果维持");
        // A last column shorter than the others.
        assert_eq!(read(&columns[..3]), "结果维");
        // Rows: the same places drawn left to right, line by line.
        let rows = [
            ("结", 97.0, 100.0),
            ("果", 110.0, 100.0),
            ("维", 97.0, 110.0),
            ("持", 110.0, 110.0),
        ];
        assert_eq!(read(&rows), "结果维持");
        // One glyph a line, each under the last: one column either way.
        assert_eq!(
            read(&[
                ("总", 97.0, 100.0),
                ("计", 97.0, 110.0),
                ("数", 97.0, 120.0)
            ]),
            "总计数"
        );
    }

    /// A cell's text: empty, one glyph (as is, upright or vertical), or
    /// lines joined in reading order.
    #[test]
    fn cell_texts_of_no_one_or_many_glyphs() {
        let page = page_with(&[(100.0, "12"), (130.0, "件")]);
        let c = &page.chars;
        assert_eq!(cell_text(vec![]), "");
        assert_eq!(cell_text(vec![&c[1]]), "2");
        let mut upright_down = c[2].clone();
        upright_down.vertical = true;
        assert_eq!(cell_text(vec![&upright_down]), "件");
        assert_eq!(cell_text(vec![&c[2], &c[1], &c[0]]), "12件");
    }

    /// A cell whose glyphs share one baseline and size reads as grouping
    /// them into lines reads it, in any order, overprinted glyphs included.
    #[test]
    fn one_line_cells_read_as_grouped_lines() {
        // The second line overprints the first one's first two glyphs.
        let page = page_with(&[(100.0, "其他处理 12"), (100.0, "其他")]);
        let c: Vec<&TextChar> = page.chars.iter().collect();
        for order in [
            vec![0, 1, 2, 3],
            vec![3, 1, 0, 2],
            vec![7, 8, 0, 1, 2, 3, 4, 5, 6],
            vec![8, 7, 6, 5, 4, 3, 2, 1, 0],
        ] {
            let cell: Vec<&TextChar> = order.iter().map(|i| c[*i]).collect();
            let grouped: String = lines(cell.clone()).into_iter().map(|l| l.text).collect();
            assert_eq!(cell_text(cell), grouped, "{order:?}");
        }
        let all: Vec<&TextChar> = c.iter().rev().copied().collect();
        assert_eq!(cell_text(all), "其他处理 12");
        // Over two lines: the lines joined, top first.
        let two = page_with(&[(100.0, "12"), (130.0, "件")]);
        assert_eq!(cell_text(two.chars.iter().rev().collect()), "12件");
    }

    /// Glyphs whose height is not a number (a matrix that overflowed) do
    /// not join each other into a line, in either grouping of a page.
    #[test]
    fn glyphs_at_no_height_join_no_line() {
        let mut page = page_with(&[(100.0, "总体")]);
        for c in &mut page.chars {
            (c.y0, c.y1) = (f32::NAN, f32::NAN);
        }
        let refs: Vec<&TextChar> = page.chars.iter().collect();
        assert_eq!(lines(refs).len(), 2);
        let all: Vec<usize> = (0..page.chars.len()).collect();
        let groups = stream::line_groups(&page.chars, &all);
        assert_eq!(groups.runs.len(), 2);
        assert_eq!(lines_of_groups(&page.chars, &groups, 0.6).0.len(), 2);
    }

    /// The texts of the cells that start in row `r` of `t`.
    fn row_texts(t: &Table, r: usize) -> Vec<&str> {
        t.cells
            .iter()
            .filter(|c| c.row == r)
            .map(|c| c.text.as_str())
            .collect()
    }

    /// Table 三's header on two rows, then `rows`, each cell one column of
    /// the same five edges.
    fn table_three_part(rows: &[&[&str]]) -> (Table, Edges) {
        let mut all: Vec<&[&str]> = vec![
            &["项目@2x1", "自然人@2x1", "法人或其他组织@1x2", "总计@2x1"],
            &["商业企业", "科研机构"],
        ];
        all.extend_from_slice(rows);
        let edges = Edges {
            xs: vec![0.0, 200.0, 250.0, 300.0, 350.0, 400.0],
            open_top: false,
            open_bottom: false,
        };
        (Table::from_texts(&all), edges)
    }

    /// A browser prints the ruling between a header row ending one page and
    /// the first row of figures on the next once, leaving both halves open:
    /// the header row is whole (a 繁体 header too), not a label cut in two.
    #[test]
    fn a_header_row_ending_a_page_above_figures_is_not_glued_to_them() {
        let a = Table::from_texts(&[
            &["第二十條第（一）項@1x4"],
            &["信息內容", "本年制發件數", "本年廢止件數", "現行有效件數"],
        ]);
        let b = Table::from_texts(&[&["規章", "0", "0", "0"], &["行政規範性文件", "1", "0", "4"]]);
        assert!(!row_cut_by_page_break(&a, &b, true));
        // A label cut in two still is: its upper half has no figures.
        let a = Table::from_texts(&[&["信息内容", "本年制发件数"], &["行政规范", ""]]);
        let b = Table::from_texts(&[&["性文件", "4"]]);
        assert!(row_cut_by_page_break(&a, &b, true));
    }

    /// A table typed in two parts (a 续表: the header copied atop the
    /// second) may break between them: the next page opens with the second
    /// part's header, under rows of figures (so the header is none the
    /// first part opened with). Before, the header's
    /// first row was taken for the lower half of the last row above it:
    /// `0自然人`, `0总计`, the row's counts null. A header word no row label
    /// holds says it is a header, even where the rulings leave both open.
    #[test]
    fn a_header_printed_again_below_a_split_tables_figures_is_no_cut_row() {
        let upper: &[&[&str]] = &[
            &["5.属于三类内部事务信息", "1", "0", "0", "1"],
            &["6.属于四类过程性信息", "2", "0", "0", "2"],
        ];
        let mut a = Table::from_texts(upper);
        let (b, mut edges) = table_three_part(&[&["7.属于行政执法案卷", "3", "0", "0", "3"]]);
        assert!(!row_cut_by_page_break(&a, &b, true));
        (edges.open_bottom, edges.open_top) = (true, true);
        append_rows(&mut a, &edges, b, &edges);
        assert_eq!(row_texts(&a, 1), upper[1]);
        assert_eq!(a.n_rows(), 5);
        // The lower half of a label cut by the break still joins its row.
        let a = Table::from_texts(&[&["5.要求行政机关确认或重", "1", "0", "0", "1"]]);
        let b = Table::from_texts(&[&["新出具已获取信息", "", "", "", ""]]);
        assert!(row_cut_by_page_break(&a, &b, true));
    }

    /// Word and LibreOffice repeat a table's header rows on each page and
    /// let a row break across pages: the lower half of a cut row then comes
    /// below the repeated header. It joins the upper half (the label reads
    /// whole, the figures stay), and the rows after it keep their order.
    #[test]
    fn a_row_cut_below_a_repeated_header_is_glued() {
        let (mut a, a_edges) = table_three_part(&[
            &["4.无正当理由大量反复申请", "1", "0", "0", "1"],
            &["5.要求行政机关确认或重", "5", "0", "0", "5"],
        ]);
        let (b, b_edges) = table_three_part(&[
            &["新出具已获取信息", "", "", "", ""],
            &["（六）其他处理", "2", "1", "0", "3"],
        ]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        let row = |r: usize| -> Vec<&str> {
            a.cells
                .iter()
                .filter(|c| c.row == r)
                .map(|c| c.text.as_str())
                .collect()
        };
        assert_eq!(a.n_rows(), 7);
        assert_eq!(
            row(3),
            ["5.要求行政机关确认或重新出具已获取信息", "5", "0", "0", "5"]
        );
        assert_eq!(row(4), ["项目", "自然人", "法人或其他组织", "总计"]);
        assert_eq!(row(6), ["（六）其他处理", "2", "1", "0", "3"]);

        // A row of its own below the repeated header (a label that opens
        // an item, figures on both sides) stays a row.
        let (mut a, a_edges) =
            table_three_part(&[&["5.要求行政机关确认或重新出具已获取信息", "5", "0", "0", "5"]]);
        let (b, b_edges) = table_three_part(&[&["（六）其他处理", "2", "1", "0", "3"]]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        assert_eq!(a.n_rows(), 6);
        assert_eq!(
            a.cells
                .iter()
                .filter(|c| c.text == "（六）其他处理")
                .map(|c| c.row)
                .collect::<Vec<_>>(),
            [5]
        );
    }

    /// A cell whose figure stands on its second line, below a blank one,
    /// can lose just the figure to the next page: a row holding figures,
    /// each under an empty cell of the row above the break (and maybe the
    /// end of its label). It fills them in, with or without the header
    /// repeated between; figures under cells that already hold some, or
    /// beside a label that opens an item, are a row of their own.
    #[test]
    fn figures_cut_off_below_empty_cells_fill_them_in() {
        let upper: &[&[&str]] = &[&["7.属于行政执法案卷", "11", "", "0", "11"]];
        let below = |r: usize, t: &Table| -> Vec<String> {
            t.cells
                .iter()
                .filter(|c| c.row == r)
                .map(|c| c.text.clone())
                .collect()
        };
        for repeated in [false, true] {
            let (mut a, a_edges) = table_three_part(upper);
            let (mut b, b_edges) = table_three_part(&[
                &["", "", "0", "", ""],
                &["8.属于行政查询事项", "2", "0", "0", "2"],
            ]);
            if !repeated {
                b = rows_from(&b, 2);
            }
            append_rows(&mut a, &a_edges, b, &b_edges);
            assert_eq!(below(2, &a), ["7.属于行政执法案卷", "11", "0", "0", "11"]);
            let next = if repeated { 5 } else { 3 };
            assert_eq!(a.n_rows(), next + 1, "repeated header: {repeated}");
            assert_eq!(below(next, &a)[0], "8.属于行政查询事项");
        }
        // The end of a wrapped label may go over with the figure.
        let (mut a, a_edges) = table_three_part(&[&["2.没有现成信息需要另行", "", "0", "0", "0"]]);
        let (b, b_edges) = table_three_part(&[&["制作", "0", "", "", ""]]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        assert_eq!(
            below(2, &a),
            ["2.没有现成信息需要另行制作", "0", "0", "0", "0"]
        );
        let (mut a, a_edges) = table_three_part(upper);
        let (b, b_edges) = table_three_part(&[&["", "3", "", "", ""]]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        assert_eq!(a.n_rows(), 6);
        assert_eq!(below(2, &a), ["7.属于行政执法案卷", "11", "", "0", "11"]);
        // Nor does a row that opens an item of its own.
        let (mut a, a_edges) = table_three_part(upper);
        let (b, b_edges) = table_three_part(&[&["8.属于行政查询事项", "", "0", "", ""]]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        assert_eq!(a.n_rows(), 6);
    }

    /// A row cut open by a page break whose cells' contents part unevenly
    /// (WeasyPrint lets each cell's text flow on by itself): one count
    /// above the break, the label and the other counts below it. The
    /// halves are one row when each text of either stands over or under
    /// an empty cell of the other and the rulings leave both open; not
    /// when the rulings close them, nor when a count stands on both sides.
    #[test]
    fn a_row_whose_counts_part_at_a_page_break_is_whole() {
        let upper: &[&[&str]] = &[
            &["（一）予以公开", "3", "0", "0", "3"],
            &["", "25", "", "", ""],
        ];
        let lower: &[&[&str]] = &[
            &["（二）部分公开", "", "1", "0", "26"],
            &["（三）不予公开", "4", "0", "0", "4"],
        ];
        let glued = |lower: &[&[&str]], open: bool| {
            let (mut a, mut a_edges) = table_three_part(upper);
            let (b, mut b_edges) = table_three_part(lower);
            let b = rows_from(&b, 2);
            (a_edges.open_bottom, b_edges.open_top) = (open, open);
            glue(&mut a, &a_edges, b, &b_edges)
        };
        // (or below the header printed again, the rulings closing the
        // header's top: the upper half's open bottom tells)
        let below_header = |lower: &[&[&str]]| {
            let (mut a, mut a_edges) = table_three_part(upper);
            let (b, b_edges) = table_three_part(lower);
            a_edges.open_bottom = true;
            glue(&mut a, &a_edges, b, &b_edges)
        };
        fn glue(a: &mut Table, a_edges: &Edges, b: Table, b_edges: &Edges) -> Vec<String> {
            let mut b_edges = b_edges.clone();
            b_edges.xs = a_edges.xs.clone();
            append_rows(a, a_edges, b, &b_edges);
            a.cells
                .iter()
                .filter(|c| c.row == 3)
                .map(|c| c.text.clone())
                .collect()
        }
        assert_eq!(glued(lower, true), ["（二）部分公开", "25", "1", "0", "26"]);
        assert_eq!(
            below_header(lower),
            ["（二）部分公开", "25", "1", "0", "26"]
        );
        assert_eq!(glued(lower, false), ["", "25", "", "", ""]);
        let both: &[&[&str]] = &[&["（二）部分公开", "7", "1", "0", "26"]];
        assert_eq!(glued(both, true), ["", "25", "", "", ""]);
    }

    /// Counts too wide for their narrow cells wrap (155 as 15 over 5), and
    /// the page break falls between the lines: LibreOffice closes both
    /// halves with rulings, and the next page starts with the counts'
    /// ends alone (before, a row without a label, and 155 read as 15).
    #[test]
    fn counts_wrapped_over_a_page_break_are_whole() {
        let cells = |r: usize, t: &Table| -> Vec<String> {
            t.cells
                .iter()
                .filter(|c| c.row == r)
                .map(|c| c.text.clone())
                .collect()
        };
        let upper: &[&[&str]] = &[&["（六）其他处理", "15", "10", "3", "16"]];
        let (mut a, a_edges) = table_three_part(upper);
        let (b, b_edges) =
            table_three_part(&[&["", "5", "", "", "8"], &["（七）总计", "1", "2", "3", "6"]]);
        append_rows(&mut a, &a_edges, rows_from(&b, 2), &b_edges);
        assert_eq!(cells(2, &a), ["（六）其他处理", "155", "10", "3", "168"]);
        assert_eq!(cells(3, &a)[0], "（七）总计");
        // The total's end alone goes on too; another count's alone does not
        // (a row whose label was lost), nor do as many figures as the row has.
        let (mut a, a_edges) = table_three_part(upper);
        let (b, b_edges) = table_three_part(&[&["", "", "", "", "8"]]);
        append_rows(&mut a, &a_edges, rows_from(&b, 2), &b_edges);
        assert_eq!(cells(2, &a), ["（六）其他处理", "15", "10", "3", "168"]);
        for lower in [["", "", "5", "", ""], ["", "1", "2", "0", "3"]] {
            let (mut a, a_edges) = table_three_part(upper);
            let (b, b_edges) = table_three_part(&[&lower]);
            append_rows(&mut a, &a_edges, rows_from(&b, 2), &b_edges);
            assert_eq!(a.n_rows(), 4, "{lower:?}");
        }
    }

    /// Table 四's one row of figures has no label. Word lets it break over
    /// a page and prints the header again above the rest: `３` above the
    /// break, `７` below the repeated header (before, 37 read as 3, with no
    /// warning). The upper half's row splits the first column (a deleted
    /// figure's cell) where the lower half's keeps it whole, so `７`'s
    /// middle stands in the empty half: it still ends `３`, the one count
    /// within its cell; the repeated header stays rows of its own.
    #[test]
    fn a_count_cut_below_table_fours_repeated_header_is_whole() {
        let header: [&[&str]; 2] = [
            &["行政复议@1x4", "行政诉讼@1x2"],
            &["结果维持@1x2", "结果纠正", "总计", "结果维持", "总计"],
        ];
        let edges = |xs: &[f32]| Edges {
            xs: xs.to_vec(),
            open_top: false,
            open_bottom: false,
        };
        let upper: &[&str] = &["", "３", "５", "７２", "４", "１６"];
        let mut rows = header.to_vec();
        rows.push(upper);
        let mut a = Table::from_texts(&rows);
        let a_edges = edges(&[0.0, 31.0, 60.0, 100.0, 140.0, 180.0, 220.0]);
        let b_header: [&[&str]; 2] = [
            &["行政复议@1x3", "行政诉讼@1x2"],
            &["结果维持", "结果纠正", "总计", "结果维持", "总计"],
        ];
        let mut rows = b_header.to_vec();
        // (The grid may give the lower half two rows, as the upper half's.)
        rows.push(&["７@2x1", "@2x1", "@2x1", "@2x1", "@2x1"]);
        let b = Table::from_texts(&rows);
        let b_edges = edges(&[0.0, 60.0, 100.0, 140.0, 180.0, 220.0]);
        append_rows(&mut a, &a_edges, b, &b_edges);
        let row = |r: usize| -> Vec<(&str, usize)> {
            a.cells
                .iter()
                .filter(|c| c.row == r)
                .map(|c| (c.text.as_str(), c.row_span))
                .collect()
        };
        let figures = [
            ("", 1),
            ("３７", 1),
            ("５", 1),
            ("７２", 1),
            ("４", 1),
            ("１６", 1),
        ];
        assert_eq!(row(2), figures);
        assert_eq!(a.n_rows(), 5);
        assert_eq!(row(3)[0], ("行政复议", 1));

        // Below a labelled row, a lone digit under a count other than the
        // total may be a row whose label was lost: it stays a row.
        let mut rows = header.to_vec();
        rows.push(&["（一）予以公开@1x2", "５", "７２", "４", "１６"]);
        let mut a = Table::from_texts(&rows);
        let mut rows = b_header.to_vec();
        rows.push(&["", "７", "", "", ""]);
        let b = Table::from_texts(&rows);
        append_rows(&mut a, &a_edges, b, &b_edges);
        assert_eq!(a.n_rows(), 6);
    }

    /// Counts typed in full-width digits are twice as wide and wrap in
    /// cells that hold them half-width (１４８２ as １４８ over ２); cut by
    /// a page break they are whole too (before, only ASCII digits went on:
    /// 1482 was read as 148 and 1608 as 160).
    /// A borderless table's rows going on below a page break, read without
    /// a header, take the columns the part above's header named, those
    /// blank in every row too; a part lacking a column that held a figure
    /// above (but for the same table's rows, its first and last columns
    /// and another at evenly set places), or with one standing between two
    /// of them, is left as it is.
    #[test]
    fn a_borderless_continuation_keeps_the_columns_blank_in_every_row_above() {
        // Label cells 0 to 3 (stream::LABEL_COLS), then the values.
        let above = Table::from_texts(&[
            &[
                "",
                "",
                "",
                "",
                "自然人",
                "商业企业",
                "科研机构",
                "其他",
                "总计",
            ],
            &["新收", "", "", "", "5", "1", "", "2", "8"],
        ]);
        let a_cols = [100.0, 150.0, 200.0, 250.0, 300.0];
        let values = |t: &Table, r: usize| -> Vec<String> {
            (4..t.grid[r].len())
                .map(|c| t.grid[r][c].map_or("-".into(), |i| t.cells[i].text.clone()))
                .collect()
        };
        let rows: &[&[&str]] = &[
            &["结转", "", "", "", "3", "1", "1", "5"],
            &["办结", "", "", "", "4", "", "", "4"],
        ];
        // The rows as a part whose value columns stand at `b_cols`.
        let aligned = |b_cols: &[f32]| {
            let mut t = Table::from_texts(rows);
            (align_continued_columns(&mut t, b_cols, &above, &a_cols), t)
        };
        let (moved, b) = aligned(&[100.5, 149.8, 250.2, 300.1]);
        assert!(moved);
        assert_eq!(values(&b, 0), ["3", "1", "", "1", "5"]);
        assert_eq!(values(&b, 1), ["4", "", "", "", "4"]);
        // 商业企业 held a figure above: a part without it is another table,
        // unless it has the first and the last (totals) columns and one
        // more, at evenly set places: the same table's rows leaving it
        // blank.
        let rows: &[&[&str]] = &[&["结转", "", "", "", "3", "1", "5"]];
        let mut c = Table::from_texts(rows);
        assert!(!align_continued_columns(
            &mut c,
            &[100.0, 200.0, 250.0],
            &above,
            &a_cols
        ));
        assert_eq!(values(&c, 0), ["3", "1", "5"]);
        let (moved, c) = aligned(&[100.0, 200.0, 250.0, 300.0]);
        assert!(moved);
        assert_eq!(values(&c, 0), ["3", "", "1", "1", "5"]);
        let uneven = [100.0, 150.0, 160.0, 250.0, 300.0];
        let mut c = Table::from_texts(rows);
        assert!(!align_continued_columns(
            &mut c,
            &[100.0, 250.0, 300.0],
            &above,
            &uneven
        ));
        // A column halfway between two of those above stands in neither.
        assert!(!aligned(&[100.0, 175.0, 250.0, 300.0]).0);
    }

    /// The same through the whole layout: a borderless table 三 whose
    /// header names two columns no row fills, its rows going on at the top
    /// of the next page under no header.
    #[test]
    fn a_borderless_table_going_on_over_a_page_keeps_its_blank_columns() {
        let second = page_of_words(&[
            (70.0, 100.0, "（一）予以公开"),
            (306.0, 100.0, "4"),
            (361.0, 100.0, "2"),
            (511.0, 100.0, "1"),
            (561.0, 100.0, "7"),
            (70.0, 130.0, "（七）总计"),
            (306.0, 130.0, "6"),
            (561.0, 130.0, "6"),
        ]);
        let doc = build_document(vec![table_three_top_without_rulings(), second]);
        let row_of = |label: &str| values_of_row(&doc, label);
        assert_eq!(row_of("自然人").unwrap()[5], "总计", "{doc:#?}");
        assert_eq!(
            row_of("一、本年新收").unwrap(),
            ["5", "1", "", "", "2", "8"]
        );
        assert_eq!(
            row_of("（一）予以公开").unwrap(),
            ["4", "2", "", "", "1", "7"]
        );
        assert_eq!(row_of("（七）总计").unwrap(), ["6", "", "", "", "", "6"]);
    }

    /// The same when the first row below the break is blank in every
    /// column (no applicant of that kind): the rows still read against
    /// the header above (they took the columns in their own order, the
    /// totals landing under 科研机构 and 社会公益组织).
    #[test]
    fn a_borderless_continuation_opening_with_a_blank_row_keeps_the_columns_above() {
        let second = page_of_words(&[
            (70.0, 100.0, "（二）部分公开"),
            (70.0, 130.0, "（三）不予公开"),
            (306.0, 130.0, "4"),
            (361.0, 130.0, "2"),
            (511.0, 130.0, "1"),
            (561.0, 130.0, "7"),
            (70.0, 160.0, "（七）总计"),
            (306.0, 160.0, "6"),
            (561.0, 160.0, "6"),
        ]);
        let doc = build_document(vec![table_three_top_without_rulings(), second]);
        let row_of = |label: &str| values_of_row(&doc, label);
        assert_eq!(
            row_of("（三）不予公开").unwrap(),
            ["4", "2", "", "", "1", "7"],
            "{doc:#?}"
        );
        assert_eq!(row_of("（七）总计").unwrap(), ["6", "", "", "", "", "6"]);
    }

    /// Rows blank in every column have no figure to tell them from text: a
    /// wrapped one at a page's foot between two parts of a borderless
    /// table, and table 三's last (四、结转下年度继续办理) under its
    /// figures, were read as paragraphs — rows missing from the table and
    /// words in the section's text. Both are rows of the table.
    #[test]
    fn blank_rows_of_a_borderless_table_read_as_text_are_its_rows() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (150.0, 275.0, "2.其他法律行政法规禁止"),
            (150.0, 295.0, "公开"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (70.0, 100.0, "3.危及“三安全一稳定”"),
            (306.0, 100.0, "4"),
            (361.0, 100.0, "2"),
            (511.0, 100.0, "1"),
            (561.0, 100.0, "7"),
            (70.0, 130.0, "（七）总计"),
            (306.0, 130.0, "6"),
            (561.0, 130.0, "6"),
            (70.0, 170.0, "四、结转下年度继续办理"),
            (70.0, 210.0, "四、政府信息公开行政复议、行政诉讼情况"),
        ]);
        let doc = build_document(vec![first, second]);
        let row_of = |label: &str| values_of_row(&doc, label);
        assert_eq!(
            row_of("2.其他法律行政法规禁止公开").as_deref(),
            Some(&["", "", "", "", "", ""].map(String::from)[..]),
            "{doc:#?}"
        );
        assert_eq!(
            row_of("3.危及“三安全一稳定”").unwrap(),
            ["4", "2", "", "", "1", "7"]
        );
        assert_eq!(
            row_of("四、结转下年度继续办理").as_deref(),
            Some(&["", "", "", "", "", ""].map(String::from)[..])
        );
        let paragraphs: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(paragraphs, ["四、政府信息公开行政复议、行政诉讼情况"]);
    }

    /// A borderless table 三 whose page break falls inside a row: its
    /// figures and its labels' first lines (`三、本`, `（四）`,
    /// `1.本机关不掌`) at the page's foot, the ends of the three labels side
    /// by side atop the next page. The ends go back to their labels (before,
    /// they were a header over the rest of the table: the row was named by
    /// a third of its label and lost).
    #[test]
    fn a_borderless_rows_labels_cut_by_a_page_break_join_it() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (20.0, 270.0, "三、本"),
            (70.0, 270.0, "（四）"),
            (118.0, 270.0, "1.本机关不掌"),
            (306.0, 270.0, "5"),
            (561.0, 270.0, "5"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (20.0, 100.0, "年度办"),
            (70.0, 100.0, "无法提"),
            (118.0, 100.0, "握相关政府信"),
            (20.0, 114.0, "理结果"),
            (82.0, 114.0, "供"),
            (118.0, 114.0, "息"),
            (118.0, 150.0, "2.没有现成信息"),
            (306.0, 150.0, "1"),
            (361.0, 150.0, "1"),
            (511.0, 150.0, "0"),
            (561.0, 150.0, "2"),
            (118.0, 180.0, "3.补正后申请"),
            (306.0, 180.0, "2"),
            (361.0, 180.0, "0"),
            (511.0, 180.0, "0"),
            (561.0, 180.0, "2"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "1.本机关不掌握相关政府信息").unwrap(),
            ["5", "", "", "", "", "5"],
            "{doc:#?}"
        );
        assert!(values_of_row(&doc, "（四）无法提供").is_some());
        assert!(values_of_row(&doc, "三、本年度办理结果").is_some());
        assert_eq!(
            values_of_row(&doc, "2.没有现成信息").unwrap(),
            ["1", "1", "", "", "0", "2"]
        );
    }

    /// The same with the label's end set over several lines atop the next
    /// page, each read as a row of its own: every line goes back to it.
    #[test]
    fn a_borderless_rows_label_ending_over_lines_atop_the_next_page_joins_it() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "（二）部分公开"),
            (306.0, 270.0, "3"),
            (561.0, 270.0, "3"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (70.0, 118.0, "（区分处"),
            (70.0, 140.0, "理的）"),
            (70.0, 160.0, "（三）不予公开"),
            (306.0, 160.0, "1"),
            (361.0, 160.0, "1"),
            (511.0, 160.0, "0"),
            (561.0, 160.0, "2"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "（二）部分公开（区分处理的）").unwrap(),
            ["3", "", "", "", "", "3"],
            "{doc:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "（三）不予公开").unwrap(),
            ["1", "1", "", "", "0", "2"]
        );
    }

    /// The same under the table's header repeated atop the next page: the
    /// label's end below it goes back to the row (it was read into the
    /// header's label cell), the header stays.
    #[test]
    fn a_borderless_rows_label_ending_under_a_repeated_header_joins_it() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "5.要求确认或重"),
            (306.0, 270.0, "1"),
            (561.0, 270.0, "1"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let mut words = table_three_header_words().to_vec();
        words.extend([
            (70.0, 200.0, "新出具信息"),
            (70.0, 230.0, "（六）其他处理"),
            (306.0, 230.0, "2"),
            (361.0, 230.0, "0"),
            (511.0, 230.0, "0"),
            (561.0, 230.0, "2"),
            (70.0, 260.0, "（七）总计"),
            (306.0, 260.0, "9"),
            (361.0, 260.0, "1"),
            (511.0, 260.0, "1"),
            (561.0, 260.0, "11"),
        ]);
        let doc = build_document(vec![first, page_of_words(&words)]);
        assert_eq!(
            values_of_row(&doc, "5.要求确认或重新出具信息"),
            Some(["1", "", "", "", "", "1"].map(String::from).to_vec()),
            "{:#?}",
            outline(&doc)
        );
        assert_eq!(
            values_of_row(&doc, "（六）其他处理").unwrap(),
            ["2", "0", "", "", "0", "2"]
        );
        let headers = doc
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table(t) if t.cells.iter().any(|c| c.text == "自然人")))
            .count();
        assert_eq!(headers, 2);
    }

    /// A row label wrapped around its figures (一、本年新收政 / 府信息公开申请
    /// 5 1 2 8 / 数量), its lines a line apart in a table set at a fixed
    /// line height, on a page whose other lines stand closer: the label's
    /// first line opens the first row, under the header (it was read as a
    /// paragraph, the header with it, and the row went missing; with no
    /// table above, the header was found by other means).
    #[test]
    fn a_first_rows_label_wrapped_around_its_figures_at_a_wide_lead_keeps_its_header() {
        // (table 二's last part over it, set closer)
        let mut words: Vec<(f32, f32, &str)> = vec![
            (200.0, 12.0, "第二十条第（六）项"),
            (70.0, 26.0, "信息内容"),
            (300.0, 26.0, "本年处理决定数量"),
            (70.0, 40.0, "行政许可"),
            (340.0, 40.0, "5"),
            (70.0, 54.0, "行政处罚"),
            (340.0, 54.0, "3"),
        ];
        words.extend(table_three_header_words());
        words.extend([
            (70.0, 200.0, "一、本年新收政"),
            (70.0, 224.0, "府信息公开申请"),
            (306.0, 224.0, "5"),
            (361.0, 224.0, "1"),
            (511.0, 224.0, "2"),
            (561.0, 224.0, "8"),
            (70.0, 248.0, "数量"),
            (70.0, 272.0, "二、上年结转"),
            (306.0, 272.0, "3"),
            (361.0, 272.0, "1"),
            (511.0, 272.0, "1"),
            (561.0, 272.0, "5"),
        ]);
        let doc = build_document(vec![page_of_words(&words)]);
        let texts = outline(&doc);
        let table = doc.blocks.iter().find_map(|b| match b {
            Block::Table(t) if t.cells.iter().any(|c| c.text == "自然人") => Some(t),
            _ => None,
        });
        // (the row's label lines stay rows of the table, joined in mapping)
        assert!(
            table.is_some_and(|t| t.cells.iter().any(|c| c.text == "一、本年新收政")),
            "{texts:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "府信息公开申请").unwrap(),
            ["5", "1", "", "", "2", "8"],
            "{texts:#?}"
        );
    }

    /// A label's end cut off by a page break (新出具信息) under the header
    /// repeated atop the next page, over a row whose label opens a line
    /// over its figures (1.申请人逾期 / 不补正、… 2 0 0 2 / 不再处理): the
    /// end goes back to the row above the break (it was read as a header
    /// line, and that row lost its label's end and the row below went
    /// missing).
    #[test]
    fn a_labels_end_under_a_repeated_header_over_a_label_wrapped_around_its_figures_joins_its_row()
    {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "5.要求确认或重"),
            (306.0, 270.0, "1"),
            (561.0, 270.0, "1"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let mut words = table_three_header_words().to_vec();
        words.extend([
            (70.0, 200.0, "新出具信息"),
            (70.0, 224.0, "1.申请人逾期"),
            (70.0, 248.0, "不补正、行政"),
            (306.0, 248.0, "2"),
            (361.0, 248.0, "0"),
            (511.0, 248.0, "0"),
            (561.0, 248.0, "2"),
            (70.0, 272.0, "机关不再处理"),
            (70.0, 296.0, "（七）总计"),
            (306.0, 296.0, "9"),
            (361.0, 296.0, "1"),
            (511.0, 296.0, "1"),
            (561.0, 296.0, "11"),
        ]);
        let doc = build_document(vec![first, page_of_words(&words)]);
        let texts = outline(&doc);
        assert_eq!(
            values_of_row(&doc, "5.要求确认或重新出具信息"),
            Some(["1", "", "", "", "", "1"].map(String::from).to_vec()),
            "{texts:#?}"
        );
        let at = texts
            .iter()
            .position(|t| t == "| 1.申请人逾期 |  |  |  |  |  | ");
        assert!(
            at.is_some_and(|k| texts[k + 1] == "| 不补正、行政 | 2 | 0 |  |  | 0 | 2"),
            "{texts:#?}"
        );
    }

    /// A blank group row (`（六）其他处理`) under the table's header repeated
    /// atop a page, over a row whose figures stand on a line of their own
    /// between its label's lines: the header is the table's (it was read
    /// as paragraphs, the rows below went without it and some were lost).
    #[test]
    fn a_blank_group_row_under_a_repeated_header_over_a_bare_row_of_figures_keeps_the_header() {
        let mut words = table_three_header_words().to_vec();
        words.extend([
            (70.0, 215.0, "（六）其他处理"),
            (70.0, 243.0, "1.申请人逾期"),
            (306.0, 253.0, "2"),
            (361.0, 253.0, "0"),
            (511.0, 253.0, "0"),
            (561.0, 253.0, "2"),
            (70.0, 263.0, "不再处理"),
            (70.0, 295.0, "（七）总计"),
            (306.0, 295.0, "9"),
            (361.0, 295.0, "1"),
            (511.0, 295.0, "1"),
            (561.0, 295.0, "11"),
        ]);
        let doc = build_document(vec![page_of_words(&words)]);
        let paragraphs: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.clone()),
                _ => None,
            })
            .collect();
        assert!(paragraphs.is_empty(), "{:#?}", outline(&doc));
        assert_eq!(
            values_of_row(&doc, "（七）总计"),
            Some(["9", "1", "", "", "1", "11"].map(String::from).to_vec()),
            "{:#?}",
            outline(&doc)
        );
    }

    /// A sub-table's caption and header left at one page's foot, its rows
    /// atop the next: the header heads them (it was read as the section's
    /// text, and a row's lone figure took the first column).
    #[test]
    fn a_caption_and_header_at_a_pages_foot_head_the_rows_atop_the_next() {
        let first = page_of_words(&[
            (70.0, 600.0, "二、主动公开政府信息情况"),
            (240.0, 650.0, "第二十条第（一）项"),
            (60.0, 680.0, "信息内容"),
            (200.0, 680.0, "本年制发件数"),
            (320.0, 680.0, "本年废止件数"),
            (440.0, 680.0, "现行有效件数"),
            (290.0, 770.0, "-1-"),
        ]);
        let second = page_of_words(&[
            (72.0, 100.0, "规章"),
            (470.0, 100.0, "3"),
            (48.0, 130.0, "行政规范性文件"),
            (230.0, 130.0, "2"),
            (350.0, 130.0, "1"),
            (470.0, 130.0, "5"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "规章"),
            Some(["", "", "3"].map(String::from).to_vec()),
            "{:#?}",
            outline(&doc)
        );
        assert_eq!(
            values_of_row(&doc, "行政规范性文件"),
            Some(["2", "1", "5"].map(String::from).to_vec())
        );
        let texts = outline(&doc);
        assert!(
            !texts.iter().any(|t| t.starts_with("信息内容")),
            "{texts:#?}"
        );
    }

    /// A sub-table's caption at one page's foot, its header and rows atop
    /// the next: the caption heads them (it was the section's text).
    #[test]
    fn a_caption_at_a_pages_foot_over_a_header_atop_the_next_heads_it() {
        let first = page_of_words(&[
            (70.0, 600.0, "二、主动公开政府信息情况"),
            (240.0, 680.0, "第二十条第（六）项"),
            (290.0, 770.0, "-1-"),
        ]);
        let second = page_of_words(&[
            (60.0, 100.0, "信息内容"),
            (200.0, 100.0, "上一年项目数"),
            (320.0, 100.0, "本年增减"),
            (440.0, 100.0, "处理决定数量"),
            (48.0, 130.0, "行政处罚"),
            (230.0, 130.0, "1"),
            (350.0, 130.0, "0"),
            (470.0, 130.0, "26"),
            (48.0, 160.0, "行政强制"),
            (230.0, 160.0, "3"),
            (350.0, 160.0, "1"),
            (470.0, 160.0, "8"),
        ]);
        let doc = build_document(vec![first, second]);
        let texts = outline(&doc);
        assert!(
            !texts.iter().any(|t| t.starts_with("第二十条")),
            "{texts:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "行政处罚"),
            Some(["1", "0", "26"].map(String::from).to_vec())
        );
    }

    /// Table 三's header cut by a page break, its first lines (申请人情况,
    /// 自然人 … 总计) at one page's foot and the rest over the rows atop
    /// the next: read as one header (自然人 and 总计 named no column).
    #[test]
    fn a_header_cut_by_a_page_break_heads_the_rows_as_one() {
        let header = table_three_header_words();
        let (upper, lower) = header.split_at(5);
        let mut words: Vec<(f32, f32, &str)> =
            vec![(70.0, 560.0, "三、收到和处理政府信息公开申请情况")];
        words.extend(upper.iter().map(|(x, y, w)| (*x, y + 560.0, *w)));
        words.push((290.0, 770.0, "-1-"));
        let first = page_of_words(&words);
        let mut words: Vec<(f32, f32, &str)> =
            lower.iter().map(|(x, y, w)| (*x, y - 57.0, *w)).collect();
        words.extend([
            (70.0, 150.0, "一、本年新收"),
            (306.0, 150.0, "5"),
            (361.0, 150.0, "1"),
            (511.0, 150.0, "2"),
            (561.0, 150.0, "8"),
            (70.0, 180.0, "二、上年结转"),
            (306.0, 180.0, "3"),
            (361.0, 180.0, "1"),
            (511.0, 180.0, "1"),
            (561.0, 180.0, "5"),
        ]);
        let second = page_of_words(&words);
        let doc = build_document(vec![first, second]);
        let texts = outline(&doc);
        let in_text = |w: &str| texts.iter().any(|t| !t.starts_with('|') && t.contains(w));
        assert!(!in_text("自然人") && !in_text("申请人情况"), "{texts:#?}");
        let Some(Block::Table(t)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!("{texts:#?}");
        };
        let header = crate::text::norm(&t.all_text());
        assert!(
            header.contains("自然人") && header.contains("总计"),
            "{header}"
        );
        assert_eq!(
            values_of_row(&doc, "一、本年新收").unwrap(),
            ["5", "1", "", "", "2", "8"]
        );
    }

    /// Table 三's whole header at one page's foot (seven lines, the last
    /// reaching into the bottom margin), its rows atop the next page from
    /// within the top margin: the header heads them.
    #[test]
    fn a_long_header_at_a_pages_foot_heads_the_rows_atop_the_next() {
        let rows_atop = |first_y: f32| {
            page_of_words(&[
                (70.0, first_y, "一、本年新收"),
                (306.0, first_y, "5"),
                (361.0, first_y, "1"),
                (511.0, first_y, "2"),
                (561.0, first_y, "8"),
                (70.0, first_y + 30.0, "二、上年结转"),
                (306.0, first_y + 30.0, "3"),
                (361.0, first_y + 30.0, "1"),
                (511.0, first_y + 30.0, "1"),
                (561.0, first_y + 30.0, "5"),
            ])
        };
        let foot = |dy: f32, number: (f32, f32)| {
            let mut words: Vec<(f32, f32, &str)> =
                vec![(70.0, 50.0 + dy, "三、收到和处理政府信息公开申请情况")];
            words.extend(
                table_three_header_words()
                    .iter()
                    .map(|(x, y, w)| (*x, y + dy, *w)),
            );
            words.push((number.0, number.1, "-1-"));
            page_of_words(&words)
        };
        let header_heads_rows = |doc: &Document| {
            let texts = outline(doc);
            let in_text = |w: &str| texts.iter().any(|t| !t.starts_with('|') && t.contains(w));
            assert!(!in_text("申请人情况") && !in_text("织"), "{texts:#?}");
            assert!(
                texts.iter().any(|t| t.contains("社会公益组织")),
                "{texts:#?}"
            );
            assert_eq!(
                values_of_row(doc, "一、本年新收").unwrap(),
                ["5", "1", "", "", "2", "8"],
                "{texts:#?}"
            );
        };
        // (织, the last line, at 726 on a page of 800: past 720.)
        header_heads_rows(&build_document(vec![
            foot(550.0, (290.0, 780.0)),
            rows_atop(85.0),
        ]));
        // On a page 400 high (margins at 40 and 360), the page number below
        // reaches into the body: it stays.
        let mut small = foot(150.0, (290.0, 362.0));
        small.height = 400.0;
        let mut next = rows_atop(60.0);
        next.height = 400.0;
        header_heads_rows(&build_document(vec![small, next]));
    }

    /// The same when the caption is repeated atop the next page over the
    /// rows: that part has its title, and the foot stays where it was.
    #[test]
    fn a_caption_repeated_atop_the_next_page_keeps_the_foot_in_place() {
        let first = page_of_words(&[
            (240.0, 650.0, "第二十条第（五）项"),
            (60.0, 680.0, "信息内容"),
            (200.0, 680.0, "上一年项目数"),
            (320.0, 680.0, "本年增减"),
            (440.0, 680.0, "处理决定数量"),
            (290.0, 770.0, "-1-"),
        ]);
        let second = page_of_words(&[
            (240.0, 100.0, "第二十条第（五）项"),
            (48.0, 130.0, "行政许可"),
            (230.0, 130.0, "1"),
            (350.0, 130.0, "0"),
            (470.0, 130.0, "26"),
            (48.0, 160.0, "其他服务事项"),
            (230.0, 160.0, "3"),
            (350.0, 160.0, "1"),
            (470.0, 160.0, "8"),
        ]);
        let doc = build_document(vec![first, second]);
        let texts = outline(&doc);
        let captions = texts
            .iter()
            .filter(|t| t.contains("第二十条第（五）项"))
            .count();
        assert_eq!(captions, 2, "{texts:#?}");
        assert_eq!(
            values_of_row(&doc, "行政许可"),
            Some(["1", "0", "26"].map(String::from).to_vec()),
            "{texts:#?}"
        );
    }

    /// `doc`'s blocks in short: a paragraph's text, a table's rows' texts.
    fn outline(doc: &Document) -> Vec<String> {
        let mut out = Vec::new();
        for b in &doc.blocks {
            match b {
                Block::Table(t) => {
                    for r in 0..t.n_rows() {
                        let texts: Vec<&str> = t
                            .row_cells(r)
                            .iter()
                            .map(|c| c.cell.text.as_str())
                            .collect();
                        out.push(format!("| {}", texts.join(" | ")));
                    }
                    out.push("--".into());
                }
                Block::Paragraph(p) => out.push(p.text.clone()),
                _ => {}
            }
        }
        out
    }

    /// The value cells of the row labelled `label` in any table of `doc`.
    fn values_of_row(doc: &Document, label: &str) -> Option<Vec<String>> {
        doc.blocks.iter().find_map(|b| {
            let Block::Table(t) = b else { return None };
            let c = t.cells.iter().find(|c| c.text == label)?;
            Some(
                (stream::LABEL_COLS..t.grid[c.row].len())
                    .map(|k| t.grid[c.row][k].map_or("-".into(), |i| t.cells[i].text.clone()))
                    .collect(),
            )
        })
    }

    /// A part of table 三 going on atop the next page with fewer columns
    /// than the part above (none of its rows has a 科研机构 or 社会公益组织
    /// applicant) takes the columns above, though a row above filled one
    /// of those (its 法律服务机构 and 其他 figures were read one column
    /// to the left of where they stand).
    #[test]
    fn a_continued_part_without_some_filled_columns_keeps_the_columns_above() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "（一）予以公开"),
            (306.0, 270.0, "4"),
            (411.0, 270.0, "1"),
            (561.0, 270.0, "5"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (70.0, 100.0, "（二）部分公开"),
            (306.0, 100.0, "2"),
            (361.0, 100.0, "1"),
            (511.0, 100.0, "1"),
            (561.0, 100.0, "4"),
            (70.0, 130.0, "（三）不予公开"),
            (306.0, 130.0, "3"),
            (361.0, 130.0, "1"),
            (511.0, 130.0, "2"),
            (561.0, 130.0, "6"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "（二）部分公开").unwrap(),
            ["2", "1", "", "", "1", "4"],
            "{:#?}",
            outline(&doc)
        );
        assert_eq!(
            values_of_row(&doc, "（三）不予公开").unwrap(),
            ["3", "1", "", "", "2", "6"]
        );
    }

    /// Table 三's first row under its header repeated mid-page, its
    /// label's first line over its figures' line, which opens with a piece
    /// of the group label (（四）无) left of that label: the label line was
    /// read as text, the figures given to （四）无. (The header's first
    /// lines stay text here, as they did before.)
    #[test]
    fn a_row_label_over_its_figures_beside_a_group_labels_piece_keeps_them() {
        // (under the rows of the table's part above, the header repeated)
        let mut words = vec![
            (118.0, 40.0, "7.属于行政执法案卷"),
            (306.0, 40.0, "1"),
            (361.0, 40.0, "0"),
            (561.0, 40.0, "1"),
            (118.0, 70.0, "8.属于行政查询事项"),
            (306.0, 70.0, "2"),
            (361.0, 70.0, "0"),
            (561.0, 70.0, "2"),
        ];
        words.extend(
            table_three_header_words()
                .iter()
                .map(|(x, y, w)| (*x, y + 20.0, *w)),
        );
        words.extend([
            (118.0, 230.0, "1.本机关不掌握相关政府"),
            (60.0, 240.0, "（四）无"),
            (306.0, 240.0, "0"),
            (361.0, 240.0, "0"),
            (561.0, 240.0, "0"),
            (118.0, 250.0, "信息"),
            (66.0, 260.0, "法提供"),
            (118.0, 282.0, "2.没有现成信息需要另行制作"),
            (306.0, 282.0, "1"),
            (361.0, 282.0, "0"),
            (561.0, 282.0, "1"),
        ]);
        let doc = build_document(vec![page_of_words(&words)]);
        let texts = outline(&doc);
        let values = values_of_row(&doc, "1.本机关不掌握相关政府信息");
        assert!(
            values.is_some_and(|v| v.first().is_some_and(|f| f == "0")),
            "{texts:#?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with("1.本机关")),
            "{texts:#?}"
        );
    }

    /// Table 三's top over a row whose cells set their text low: its
    /// figures at the page's foot but for the one under 社会公益组织
    /// (x 461), which the page break left atop the next page.
    fn table_three_with_a_figure_lowered_past_the_foot(row: &str) -> PageContent {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "三、本年度办理结果"),
            (306.0, 270.0, "0"),
            (361.0, 270.0, "0"),
            (411.0, 270.0, "0"),
            (461.0, 270.0, "0"),
            (511.0, 270.0, "0"),
            (561.0, 270.0, "0"),
            (118.0, 300.0, row),
            (306.0, 300.0, "2"),
            (361.0, 300.0, "0"),
            (411.0, 300.0, "0"),
            (511.0, 300.0, "0"),
            (561.0, 300.0, "2"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        first
    }

    /// A figure alone atop a page, over the next row, is the figure the
    /// row above the break left past the page's foot: it fills that row's
    /// blank cell under it (it was read as a header of the rows below, or
    /// glued to their label: `7.属于行政执法案卷0`).
    #[test]
    fn a_figure_lowered_past_a_page_break_fills_its_rows_blank_cell() {
        // Close over the next row, or as far over it as rows stand apart;
        // a figure there that could be a page number's is none (this is
        // page 2).
        for (y, lowered) in [(110.0, "0"), (90.0, "0"), (90.0, "7")] {
            let first = table_three_with_a_figure_lowered_past_the_foot("7.属于行政执法案卷");
            let second = page_of_words(&[
                (461.0, y, lowered),
                (118.0, 130.0, "8.属于行政查询事项"),
                (306.0, 130.0, "1"),
                (361.0, 130.0, "0"),
                (411.0, 130.0, "0"),
                (461.0, 130.0, "0"),
                (511.0, 130.0, "0"),
                (561.0, 130.0, "1"),
            ]);
            let doc = build_document(vec![first, second]);
            assert_eq!(
                values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
                ["2", "0", "0", lowered, "0", "2"],
                "{y}: {:#?}",
                outline(&doc)
            );
            assert_eq!(
                values_of_row(&doc, "8.属于行政查询事项").unwrap(),
                ["1", "0", "0", "0", "0", "1"]
            );
        }
    }

    /// The same under the table's header repeated atop the next page: the
    /// figure, alone between the header and the first row, is no header
    /// word (`法律服务机构1`) but the row's above the break.
    #[test]
    fn a_figure_lowered_under_a_repeated_header_fills_its_rows_blank_cell() {
        // Close over the next row, or as far over it as tall rows stand
        // apart (the header and the figure had been paragraphs); alone, or
        // beside the end of the row's label the break cut.
        for (row_y, cut) in [(215.0, ""), (245.0, ""), (215.0, "益")] {
            let label = "4.保护第三方合法权益";
            let first = table_three_with_a_figure_lowered_past_the_foot(
                label.strip_suffix(cut).unwrap_or(label),
            );
            let mut words = table_three_header_words().to_vec();
            if !cut.is_empty() {
                words.push((118.0, 195.0, cut));
            }
            words.extend([
                (461.0, 195.0, "7"),
                (118.0, row_y, "5.属于三类内部事务信息"),
                (306.0, row_y, "1"),
                (361.0, row_y, "0"),
                (411.0, row_y, "0"),
                (461.0, row_y, "0"),
                (511.0, row_y, "0"),
                (561.0, row_y, "1"),
            ]);
            let doc = build_document(vec![first, page_of_words(&words)]);
            assert_eq!(
                values_of_row(&doc, label).unwrap_or_default(),
                ["2", "0", "0", "7", "0", "2"],
                "{row_y} {cut}: {:#?}",
                outline(&doc)
            );
            assert_eq!(
                values_of_row(&doc, "5.属于三类内部事务信息").unwrap(),
                ["1", "0", "0", "0", "0", "1"]
            );
        }
    }

    /// A page holding only the repeated header and the figure the row
    /// before the break set low (the table's last row at the page's foot):
    /// the figure fills the row's blank cell (the page had been paragraphs).
    #[test]
    fn a_figure_lowered_onto_a_page_of_the_repeated_header_alone_fills_its_rows_blank_cell() {
        let first = table_three_with_a_figure_lowered_past_the_foot("7.属于行政执法案卷");
        let mut words = table_three_header_words().to_vec();
        words.push((461.0, 195.0, "0"));
        let doc = build_document(vec![first, page_of_words(&words)]);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["2", "0", "0", "0", "0", "2"],
            "{:#?}",
            outline(&doc)
        );
    }

    /// A page opening with the repeated header over the figure the row
    /// before the break set low, the section's text and the page's number
    /// under it: the figure fills the row's blank cell (the page had been
    /// paragraphs, the header's words in the section's text).
    #[test]
    fn a_figure_lowered_onto_the_repeated_header_over_the_sections_text_fills_its_rows_blank_cell()
    {
        let first = table_three_with_a_figure_lowered_past_the_foot("7.属于行政执法案卷");
        let mut words = table_three_header_words().to_vec();
        words.extend([
            (461.0, 195.0, "0"),
            (70.0, 240.0, "四、政府信息公开行政复议、行政诉讼情况"),
            (70.0, 280.0, "本年度因政府信息公开被申请行政复议2件，被提起行政诉讼1件，均已依法办结，未发生被纠错的"),
            (70.0, 300.0, "情形。"),
            (290.0, 700.0, "-2-"),
        ]);
        let doc = build_document(vec![first, page_of_words(&words)]);
        let texts = outline(&doc);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["2", "0", "0", "0", "0", "2"],
            "{texts:#?}"
        );
        // (and the header is no paragraph of the section's text)
        assert!(
            !texts
                .iter()
                .any(|t| !t.starts_with('|') && t.contains("公益组")),
            "{texts:#?}"
        );
    }

    /// A row's total set two lines under it at a page's foot (its cell
    /// opening with empty paragraphs), under the totals of the rows above
    /// and over the page's number: the row's. A figure alone as the page's
    /// last line, under that column, may be the page's number: not taken.
    #[test]
    fn a_total_lowered_two_lines_under_a_pages_last_row_fills_its_blank_total() {
        let page = |lowered: &[(f32, f32, &'static str)]| {
            let mut page = table_three_top_without_rulings();
            for (x, y, w) in [
                (70.0, 270.0, "三、本年度办理结果"),
                (306.0, 270.0, "1"),
                (361.0, 270.0, "0"),
                (411.0, 270.0, "0"),
                (461.0, 270.0, "0"),
                (511.0, 270.0, "0"),
                (561.0, 270.0, "1"),
                (118.0, 300.0, "7.属于行政执法案卷"),
                (306.0, 300.0, "2"),
                (361.0, 300.0, "0"),
                (411.0, 300.0, "0"),
                (461.0, 300.0, "0"),
                (511.0, 300.0, "0"),
            ]
            .iter()
            .chain(lowered)
            {
                glyphs_from(&mut page.chars, *x, *y, w);
            }
            build_document(vec![page])
        };
        let doc = page(&[(561.0, 334.0, "2"), (290.0, 420.0, "-1-")]);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["2", "0", "0", "0", "0", "2"],
            "{:#?}",
            outline(&doc)
        );
        let doc = page(&[(561.0, 334.0, "2")]);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["2", "0", "0", "0", "0", ""],
            "{:#?}",
            outline(&doc)
        );
    }

    /// Two figures the row before the break set low, atop the next page
    /// three lines over a row whose own figures stand in other columns (its
    /// cells set the same way, their lowered figures on the line under it):
    /// they
    /// fill the row above the break's blank cells (the line was no row's
    /// and was dropped as a page number).
    #[test]
    fn figures_lowered_past_a_page_break_over_a_row_in_other_columns_fill_its_rows_blanks() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "（一）予以公开"),
            (306.0, 270.0, "4"),
            (411.0, 270.0, "0"),
            (461.0, 270.0, "0"),
            (511.0, 270.0, "1"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (361.0, 90.0, "0"),
            (561.0, 90.0, "5"),
            (70.0, 140.0, "（二）部分公开"),
            (306.0, 140.0, "2"),
            (411.0, 140.0, "0"),
            (461.0, 140.0, "0"),
            (511.0, 140.0, "0"),
            (361.0, 154.0, "0"),
            (561.0, 154.0, "2"),
        ]);
        let doc = build_document(vec![first, second]);
        let texts = outline(&doc);
        assert_eq!(
            values_of_row(&doc, "（一）予以公开").unwrap(),
            ["4", "0", "0", "0", "1", "5"],
            "{texts:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "（二）部分公开").unwrap(),
            ["2", "0", "0", "0", "0", "2"],
            "{texts:#?}"
        );
    }

    /// A page's number atop it (`2` on page 2), over the rows of a table
    /// going on from the page before, is dropped as ever: it fills no
    /// blank cell of the row above the break.
    #[test]
    fn a_page_number_atop_a_page_is_no_lowered_figure() {
        let mut first = table_three_top_without_rulings();
        for (x, y, w) in [
            (70.0, 270.0, "三、本年度办理结果"),
            (306.0, 270.0, "1"),
            (361.0, 270.0, "0"),
            (561.0, 270.0, "1"),
            (118.0, 300.0, "7.属于行政执法案卷"),
            (361.0, 300.0, "2"),
            (561.0, 300.0, "2"),
        ] {
            glyphs_from(&mut first.chars, x, y, w);
        }
        let second = page_of_words(&[
            (300.0, 90.0, "2"),
            (118.0, 130.0, "8.属于行政查询事项"),
            (306.0, 130.0, "1"),
            (361.0, 130.0, "0"),
            (561.0, 130.0, "1"),
            (118.0, 160.0, "1.本机关不掌握相关政府信息"),
            (306.0, 160.0, "3"),
            (361.0, 160.0, "0"),
            (561.0, 160.0, "3"),
            (118.0, 190.0, "2.没有现成信息需要另行制作"),
            (306.0, 190.0, "4"),
            (361.0, 190.0, "0"),
            (561.0, 190.0, "4"),
        ]);
        let doc = build_document(vec![first, second]);
        let texts = outline(&doc);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["", "2", "", "", "", "2"],
            "{texts:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "8.属于行政查询事项").unwrap(),
            ["1", "0", "", "", "", "1"],
            "{texts:#?}"
        );
        assert!(
            !texts
                .iter()
                .any(|t| t.trim() == "2" || t.starts_with("|  | 2")),
            "{texts:#?}"
        );
    }

    /// The same beside the end of the row's label, cut by the break
    /// (`新出具已获取信息 0` after `5.要求行政机关确认或重`): both go back.
    #[test]
    fn a_labels_end_and_a_lowered_figure_past_a_page_break_join_their_row() {
        let first = table_three_with_a_figure_lowered_past_the_foot("5.要求行政机关确认或重");
        let second = page_of_words(&[
            (118.0, 90.0, "新出具已获取信息"),
            (461.0, 90.0, "0"),
            (118.0, 130.0, "6.其他"),
            (306.0, 130.0, "1"),
            (361.0, 130.0, "0"),
            (411.0, 130.0, "0"),
            (461.0, 130.0, "0"),
            (511.0, 130.0, "0"),
            (561.0, 130.0, "1"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "5.要求行政机关确认或重新出具已获取信息").unwrap(),
            ["2", "0", "0", "0", "0", "2"],
            "{doc:#?}"
        );
        assert_eq!(
            values_of_row(&doc, "6.其他").unwrap(),
            ["1", "0", "0", "0", "0", "1"]
        );
    }

    /// A row of its own atop the next page, its figures under the row
    /// above's as well as in its blank cell, is no lowered figure: kept.
    #[test]
    fn a_bare_row_of_figures_atop_a_page_is_not_taken_as_lowered() {
        let first = table_three_with_a_figure_lowered_past_the_foot("7.属于行政执法案卷");
        let second = page_of_words(&[
            (306.0, 90.0, "3"),
            (461.0, 90.0, "0"),
            (561.0, 90.0, "3"),
            (118.0, 130.0, "8.属于行政查询事项"),
            (306.0, 130.0, "1"),
            (361.0, 130.0, "0"),
            (411.0, 130.0, "0"),
            (461.0, 130.0, "0"),
            (511.0, 130.0, "0"),
            (561.0, 130.0, "1"),
        ]);
        let doc = build_document(vec![first, second]);
        assert_eq!(
            values_of_row(&doc, "7.属于行政执法案卷").unwrap(),
            ["2", "0", "0", "", "0", "2"],
            "{doc:#?}"
        );
    }

    /// A borderless table 三's header naming two columns no row fills
    /// (科研机构, 社会公益组织) over two rows of figures, filling a page.
    fn table_three_top_without_rulings() -> PageContent {
        let mut words = table_three_header_words().to_vec();
        words.extend([
            (70.0, 210.0, "一、本年新收"),
            (306.0, 210.0, "5"),
            (361.0, 210.0, "1"),
            (511.0, 210.0, "2"),
            (561.0, 210.0, "8"),
            (70.0, 240.0, "二、上年结转"),
            (306.0, 240.0, "3"),
            (361.0, 240.0, "1"),
            (511.0, 240.0, "1"),
            (561.0, 240.0, "5"),
        ]);
        page_of_words(&words)
    }

    /// The header of [`table_three_top_without_rulings`].
    fn table_three_header_words() -> [(f32, f32, &'static str); 12] {
        // Header lines 9.5 apart (19 a cell's), the one-line headers level
        // with 社会/公益组/织's first line: more than 3.5 lines above the last.
        [
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
        ]
    }

    #[test]
    fn full_width_counts_wrapped_over_a_page_break_are_whole() {
        let upper: &[&[&str]] = &[&["一、本年新收", "１４８", "７３", "５", "１６０"]];
        let (mut a, a_edges) = table_three_part(upper);
        let (b, b_edges) = table_three_part(&[
            &["", "２", "", "", "８"],
            &["二、上年结转", "１", "０", "０", "１"],
        ]);
        append_rows(&mut a, &a_edges, rows_from(&b, 2), &b_edges);
        assert_eq!(
            row_texts(&a, 2),
            ["一、本年新收", "１４８２", "７３", "５", "１６０８"]
        );
    }

    /// The same in a borderless table (no rulings: the cells' printed
    /// boxes tell which count an end stands under): the next page's table
    /// opens with `２` and `８` under `１４８` and `１６０`, which go on; a
    /// row of as many figures as the last one is a row of its own.
    #[test]
    fn full_width_counts_wrapped_over_a_page_break_in_a_borderless_table_are_whole() {
        // Each cell's box: a column 60 points wide from x 140, text centred.
        let boxed = |rows: &[&[&str]], y: f32| {
            let mut t = Table::from_texts(rows);
            for c in &mut t.cells {
                let (mid, half) = (
                    170.0 + 60.0 * c.col as f32,
                    5.0 * c.text.chars().count() as f32,
                );
                let top = y + 12.0 * c.row as f32;
                c.at = Some(PageBox {
                    page: 1,
                    bbox: [mid - half, top, mid + half, top + 10.0],
                });
            }
            t
        };
        let upper: &[&[&str]] = &[&["一、本年新收", "１４８", "７３", "５", "１６０"]];
        let mut a = boxed(upper, 780.0);
        let b = boxed(
            &[
                &["", "２", "", "", "８"],
                &["二、上年结转", "１", "０", "０", "１"],
            ],
            40.0,
        );
        assert!(join_counts_cut_by_page_break(&mut a, &b));
        let row: Vec<&str> = a.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(row, ["一、本年新收", "１４８２", "７３", "５", "１６０８"]);
        let mut a = boxed(upper, 780.0);
        let b = boxed(&[&["", "２", "１", "０", "８"]], 40.0);
        assert!(!join_counts_cut_by_page_break(&mut a, &b));
    }

    #[test]
    fn page_numbers_and_list_labels_in_full_width_digits() {
        assert!(is_page_furniture("－２－"));
        assert!(is_page_furniture("第２页 共５页"));
        assert_eq!(furniture_key("某市人民政府 ２"), "某市人民政府");
        assert!(starts_label("１．属于国家秘密"));
        assert!(starts_item("（２）部分公开"));
    }

    #[test]
    fn running_heads_on_every_page_are_dropped_but_a_title_is_kept() {
        let pages = vec![
            page_with(&[
                (40.0, "某市发展和改革委员会"),
                (70.0, "2023年年度报告"),
                (300.0, "一、总体情况"),
            ]),
            page_with(&[
                (40.0, "某市发展和改革委员会"),
                (300.0, "本年度收到申请5件。"),
                (780.0, "第 2 页"),
            ]),
        ];
        let running = running_lines(&pages);
        assert!(running.contains("某市发展和改革委员会"), "{running:?}");
        assert!(!running.iter().any(|k| k.contains("年度报告")));
        let doc = build_document(pages);
        let text: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.clone()),
                _ => None,
            })
            .collect();
        assert!(!text.iter().any(|t| t.contains("发展和改革")), "{text:?}");
        assert!(
            text.iter().any(|t| t.contains("2023年年度报告")),
            "{text:?}"
        );
    }

    #[test]
    fn list_labels_start_paragraphs() {
        assert!(starts_item("一、总体情况"));
        assert!(starts_item("（二）主动公开"));
        assert!(!starts_item("一是完善制度"));
    }

    fn line_at(x0: f32, x1: f32, y0: f32, text: &str) -> TextLine {
        TextLine {
            x0,
            x1,
            y0,
            y1: y0 + 10.0,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn a_narrow_column_at_the_left_of_a_wide_sheet_keeps_its_paragraphs() {
        // A browser's print of a web page: justified lines ending at 450 on a
        // sheet 612 wide with a left margin of 28.
        let lines = [
            line_at(
                46.0,
                450.0,
                100.0,
                "组织开展政务公开业务培训十二次，邀请第三方开展网站检",
            ),
            line_at(
                28.0,
                450.0,
                113.0,
                "测，发现问题及时整改。完善制度建设，强化审批管理，建",
            ),
            line_at(
                28.0,
                450.0,
                126.0,
                "立健全政府信息公开工作制度，严格落实保密审查机制，做",
            ),
            line_at(28.0, 200.0, 139.0, "到一事一议一审一批。"),
            line_at(
                46.0,
                450.0,
                152.0,
                "二是明确公开流程，回应社会关切，及时妥善地解答群众咨",
            ),
            line_at(28.0, 120.0, 165.0, "询。"),
        ];
        let paras: Vec<String> = paragraphs(&lines, 612.0).into_iter().map(|p| p.1).collect();
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].starts_with("组织") && paras[0].ends_with("一批。"));
        // Two lines reaching 450 are not yet a text block's edge: a page of
        // short lines keeps the mirror of its left margin.
        let paras = paragraphs(&lines[..2], 612.0);
        assert_eq!(paras.len(), 2);
        // A footer wider than the column does not move its edge.
        let mut with_footer = lines.to_vec();
        with_footer.push(line_at(28.0, 590.0, 200.0, "主办单位：某某人民政府办公室"));
        assert_eq!(justified_edge(&with_footer), Some(450.0));
    }

    #[test]
    fn a_table_sized_image_in_the_body_is_a_picture_block() {
        let mut page = page_with(&[
            (120.0, "三、收到和处理政府信息公开申请情况"),
            (520.0, "四、政府信息公开行政复议、行政诉讼情况"),
        ]);
        page.images = vec![
            [60.0, 140.0, 500.0, 480.0], // the table's picture
            [60.0, 20.0, 300.0, 70.0],   // a logo in the top margin
            [60.0, 600.0, 80.0, 620.0],  // an icon
        ];
        let (top, bottom) = margins(&page);
        assert_eq!(
            pictures(&page, &[], top, bottom),
            vec![[60.0, 140.0, 500.0, 480.0]]
        );
        let kinds: Vec<&str> = page_blocks(&page, 1, &HashSet::default())
            .blocks
            .iter()
            .map(|b| match &b.1 {
                Block::Paragraph(_) => "P",
                Block::Table(_) => "T",
                Block::Image(_) => "I",
            })
            .collect();
        assert_eq!(kinds, ["P", "I", "P"]);
        // A page-sized image under the page's text is its background.
        let mut prose = page_with(&[(120.0, &"政府信息公开工作年度报告".repeat(3))]);
        prose.images = vec![[0.0, 0.0, 600.0, 800.0]];
        assert!(pictures(&prose, &[], top, bottom).is_empty());
        // With no text over it (a scanned page among text pages), a picture.
        prose.chars.truncate(10);
        assert_eq!(pictures(&prose, &[], top, bottom).len(), 1);
    }

    /// Glyphs of 12 pt at (x, baseline y), one after another from `x`.
    /// A web page laid out in a table whose cells the site gives borders
    /// (`td {border: 1px solid}`), printed by a browser: an empty side
    /// column, the report's prose in one cell and its table in the cell
    /// below, all one ruled grid. The prose is the page's text and the
    /// table its own (before, the whole page was one table: title, sections
    /// and table 二 lost).
    #[test]
    fn a_web_page_laid_out_in_a_bordered_table_reads_as_text_and_a_table() {
        let s = |x0, y0, x1, y1| super::super::Segment { x0, y0, x1, y1 };
        let mut segments = Vec::new();
        for y in [60.0, 200.0, 320.0] {
            segments.push(s(40.0, y, 560.0, y));
        }
        for x in [40.0, 140.0, 560.0] {
            segments.push(s(x, 60.0, x, 320.0));
        }
        // The report's table inside the content cell, ruled as well.
        for y in [220.0, 240.0, 260.0, 280.0] {
            segments.push(s(150.0, y, 550.0, y));
        }
        for x in [150.0, 300.0, 420.0, 550.0] {
            segments.push(s(x, 220.0, x, 280.0));
        }
        let mut chars = Vec::new();
        let prose = [
            "一、总体情况。本年度本机关认真贯彻落实条例要求，",
            "不断完善政府信息公开制度，推进公开工作规范有序。",
            "全年主动公开政府信息一千余条，回应社会关切及时。",
            "二、主动公开政府信息情况。各项工作有序开展推进。",
            "依申请公开工作依法依规办理，答复及时准确规范到位。",
        ];
        for (k, line) in prose.iter().enumerate() {
            glyphs_from(&mut chars, 150.0, 80.0 + 20.0 * k as f32, line);
        }
        two_rows_of_table_two(&mut chars, [160.0, 310.0, 430.0], [350.0, 470.0], 235.0);
        let page = PageContent {
            width: 600.0,
            height: 800.0,
            chars,
            segments,
            images: Vec::new(),
            classes: Default::default(),
        };
        let blocks = page_blocks(&page, 1, &HashSet::default()).blocks;
        let text: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match &b.1 {
                Block::Paragraph(p) => Some(p.text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            text.iter().any(|t| t.starts_with("一、总体情况")),
            "{text:?}"
        );
        let tables: Vec<&Table> = blocks
            .iter()
            .filter_map(|b| match &b.1 {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        let rows: Vec<Vec<&str>> = (0..tables[0].n_rows())
            .map(|r| {
                tables[0]
                    .row_cells(r)
                    .iter()
                    .map(|c| c.cell.text.as_str())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();
        assert!(rows.contains(&vec!["规范性文件", "5", "40"]), "{rows:?}");
        assert!(!rows.iter().flatten().any(|t| t.contains("总体情况")));
    }

    /// A header of table 二's first sub-table at height `y` (its three
    /// words at `header`) and two rows 20 points apart under it, their
    /// figures at `figures`: 规章 3 12, 规范性文件 5 40.
    fn two_rows_of_table_two(
        chars: &mut Vec<TextChar>,
        header: [f32; 3],
        figures: [f32; 2],
        y: f32,
    ) {
        for (x, h) in header
            .iter()
            .zip(["信息内容", "本年新制作数量", "对外公开总数量"])
        {
            glyphs_from(chars, *x, y, h);
        }
        for (dy, label, a, b) in [(20.0, "规章", "3", "12"), (40.0, "规范性文件", "5", "40")]
        {
            glyphs_from(chars, header[0], y + dy, label);
            glyphs_from(chars, figures[0], y + dy, a);
            glyphs_from(chars, figures[1], y + dy, b);
        }
    }

    fn glyphs_from(chars: &mut Vec<TextChar>, x: f32, y: f32, text: &str) {
        for (i, ch) in text.chars().enumerate() {
            chars.push(TextChar::placed(
                ch.to_string().into(),
                &super::super::Matrix([12.0, 0.0, 0.0, 12.0, x + 12.0 * i as f32, y]),
                [0.0, -0.88, 1.0, 0.12],
                false,
                0.0,
                false,
                chars.len() as u32,
            ));
        }
    }

    /// A browser prints header cells as narrow as their words without
    /// padding: 商业 ends just left of a ruling and 科研 starts just right
    /// of it, nearly touching. They stay in their own cells (before, 科研
    /// joined 商业 as if it had run over the ruling, and the column lost
    /// its name); a label that does run over a ruling (出 across it, 具
    /// right after it, no gap) still goes back whole.
    #[test]
    fn header_words_set_flush_against_a_ruling_stay_in_their_cells() {
        let mut chars = Vec::new();
        glyphs_from(&mut chars, 96.0, 120.0, "商业");
        glyphs_from(&mut chars, 120.7, 120.0, "科研");
        glyphs_from(&mut chars, 180.0, 120.0, "其他");
        glyphs_from(&mut chars, 60.5, 150.0, "要求重新出具");
        glyphs_from(&mut chars, 190.0, 150.0, "0");
        let xs = [60.0, 120.35, 145.05, 240.0];
        let texts = ruled_table_texts(&xs, &[100.0, 130.0, 160.0], chars, 600.0);
        assert_eq!(texts, ["商业", "科研", "其他", "要求重新出具", "", "0"]);
    }

    /// Figures typed in full-width digits (１７４, as an input method in
    /// full-width mode types them) filling narrow cells flush against the
    /// ruling between them are figures, which never run over a ruling:
    /// they stay in their cells. Before, the right cell's digits touched
    /// the left one's and went over to it whole (`２８１７４`, the total
    /// beside it blank: a wrong figure and no check to catch it).
    #[test]
    fn full_width_figures_flush_against_a_ruling_stay_in_their_cells() {
        let mut chars = Vec::new();
        glyphs_from(&mut chars, 96.0, 120.0, "２８");
        glyphs_from(&mut chars, 120.0, 120.0, "１７４");
        let xs = [60.0, 120.0, 160.0];
        let texts = ruled_table_texts(&xs, &[100.0, 130.0], chars, 600.0);
        assert_eq!(texts, ["２８", "１７４"]);
    }

    /// A header set one character per line in a cell too short for it
    /// (LibreOffice): 持, its last, crosses the ruling under the cell and was
    /// read into the figure below (`持12`, the figure lost). It goes back
    /// up; a character below the ruling that stacks on nothing, and text
    /// wholly inside its cell, stay.
    #[test]
    fn a_vertical_header_running_over_its_ruling_stays_in_its_cell() {
        let mut chars: Vec<TextChar> = "结果维"
            .chars()
            .enumerate()
            .map(|(i, ch)| TextChar::square(&ch.to_string(), 65.0, 109.0 + 9.0 * i as f32, 9.0))
            .collect();
        chars.push(TextChar::square("持", 65.0, 136.0, 9.0));
        glyphs_from(&mut chars, 100.0, 122.0, "总计");
        glyphs_from(&mut chars, 62.0, 160.0, "12");
        // 注 crosses the ruling under 总计 with nothing stacked above it.
        chars.push(TextChar::square("注", 130.0, 137.0, 9.0));
        glyphs_from(&mut chars, 100.0, 160.0, "5");
        let texts = ruled_table_texts(&[60.0, 90.0, 150.0], &[100.0, 140.0, 170.0], chars, 600.0);
        assert_eq!(texts, ["结果维持", "总计", "12", "注5"]);
    }

    /// The cells' texts of the table read from a page `width` wide holding
    /// `chars` and a grid ruled at `xs` and `ys`.
    fn ruled_table_texts(xs: &[f32], ys: &[f32], chars: Vec<TextChar>, width: f32) -> Vec<String> {
        let s = |x0, y0, x1, y1| super::super::Segment { x0, y0, x1, y1 };
        let (left, right) = (xs[0], xs[xs.len() - 1]);
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        let mut segments: Vec<_> = ys.iter().map(|y| s(left, *y, right, *y)).collect();
        segments.extend(xs.iter().map(|x| s(*x, top, *x, bottom)));
        let page = PageContent {
            width,
            height: 800.0,
            chars,
            segments,
            images: Vec::new(),
            classes: Default::default(),
        };
        let blocks = page_blocks(&page, 1, &HashSet::default()).blocks;
        blocks
            .iter()
            .find_map(|b| match &b.1 {
                Block::Table(t) => Some(t.cells.iter().map(|c| c.text.clone()).collect()),
                _ => None,
            })
            .expect("a table")
    }

    /// A table wider than the page (laid out for a wider one): its rulings
    /// are clipped at the page's side, and its last column's counts run
    /// past the edge, their last digits drawn outside the page. They are
    /// the column's (before, 102 read as 10, silently); text past the
    /// side of a grid inside the page is not.
    #[test]
    fn digits_drawn_past_the_pages_edge_stay_in_the_clipped_tables_last_column() {
        let page_with_grid_to = |right: f32| {
            let mut chars = Vec::new();
            glyphs_from(&mut chars, 70.0, 120.0, "信息内容");
            glyphs_from(&mut chars, 210.0, 120.0, "总计");
            glyphs_from(&mut chars, 70.0, 150.0, "本年新收");
            // 1 and 0 inside, 2 past the page's edge at 420
            glyphs_from(&mut chars, 398.0, 150.0, "102");
            ruled_table_texts(&[60.0, 200.0, right], &[100.0, 130.0, 160.0], chars, 420.0)
        };
        assert_eq!(
            page_with_grid_to(420.0),
            ["信息内容", "总计", "本年新收", "102"]
        );
        assert_eq!(
            page_with_grid_to(410.0),
            ["信息内容", "总计", "本年新收", "1"]
        );
    }

    /// A table printed with its outer border only (Word's 外侧框线, a web
    /// page's `<table border=1>` with its cells' borders off): the frame
    /// is a grid of one cell, and the table inside reads as a borderless
    /// one (before, the frame was a table of one cell and its text one
    /// paragraph: the whole of table 二 lost). A frame around prose stays
    /// a frame.
    #[test]
    fn a_frame_around_a_borderless_table_is_no_table_of_one_cell() {
        let frame = |y0: f32, y1: f32| {
            let s = |x0, y0, x1, y1| super::super::Segment { x0, y0, x1, y1 };
            vec![
                s(50.0, y0, 450.0, y0),
                s(50.0, y1, 450.0, y1),
                s(50.0, y0, 50.0, y1),
                s(450.0, y0, 450.0, y1),
            ]
        };
        let mut chars = Vec::new();
        two_rows_of_table_two(&mut chars, [60.0, 180.0, 300.0], [220.0, 340.0], 120.0);
        let page = PageContent {
            width: 600.0,
            height: 800.0,
            chars,
            segments: frame(100.0, 170.0),
            images: Vec::new(),
            classes: Default::default(),
        };
        let blocks = page_blocks(&page, 1, &HashSet::default()).blocks;
        let tables: Vec<&Table> = blocks
            .iter()
            .filter_map(|b| match &b.1 {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        let row = |label: &str| -> Vec<&str> {
            let t = tables[0];
            (0..t.n_rows())
                .map(|r| t.row_cells(r))
                .find(|cells| cells.iter().any(|c| c.cell.text == label))
                .map(|cells| cells.iter().map(|c| c.cell.text.as_str()).collect())
                .unwrap_or_default()
        };
        assert_eq!(row("规范性文件"), ["规范性文件", "5", "40"]);
        // Prose in a frame: one cell, as before.
        let mut boxed = page_with(&[(120.0, "本机关将继续做好政府信息公开工作")]);
        boxed.segments = frame(100.0, 130.0);
        let blocks = page_blocks(&boxed, 1, &HashSet::default()).blocks;
        assert!(matches!(blocks.as_slice(), [(_, Block::Table(t), _, _)] if t.cells.len() == 1));
    }

    /// A page number printed as a short page's last line stands above the
    /// page's bottom tenth: still furniture (left as a paragraph, it parted
    /// a table from its rest on the next page, and the row cut there lost
    /// its figures). A number amid the text is kept.
    #[test]
    fn a_page_number_ending_a_short_page_above_its_margin_is_furniture() {
        let page = page_with(&[
            (100.0, "本年度共收到政府信息公开申请十二件"),
            (130.0, "12"),
            (160.0, "均已按期答复"),
            (600.0, "-8-"),
        ]);
        let texts: Vec<String> = page_blocks(&page, 8, &HashSet::default())
            .blocks
            .into_iter()
            .filter_map(|b| match b.1 {
                Block::Paragraph(p) => Some(p.text),
                _ => None,
            })
            .collect();
        assert!(texts.iter().all(|t| !t.contains("-8-")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("12")), "{texts:?}");
    }

    #[test]
    fn short_lines_ending_together_below_two_full_ones_are_no_edge() {
        let lines = [
            line_at(
                72.0,
                521.0,
                100.0,
                "本年度予以公开五件，部分公开两件，因本机关不掌握等原因无",
            ),
            line_at(
                72.0,
                511.0,
                120.0,
                "本局共收到政府信息公开申请十二件，其中网上申请八件",
            ),
            line_at(72.0, 361.0, 140.0, "法提供三件，结转下年度继续办理一件。"),
            line_at(72.0, 352.0, 160.0, "二、主动公开政府信息情况"),
            line_at(72.0, 344.0, 180.0, "三、收到和处理政府信息公开申请情况"),
        ];
        assert_eq!(justified_edge(&lines), None);
    }
}
