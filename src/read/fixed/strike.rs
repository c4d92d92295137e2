//! Text struck through is text its author deleted: an office suite that
//! prints a document with its tracked changes showing draws each deletion
//! with a line across the middle of its glyphs (LibreOffice strokes it in
//! the reviser's colour; a thin filled bar becomes a ruling segment too and
//! is read the same). Such glyphs are dropped, as
//! the DOCX reader drops deleted runs, and so are their lines, which would
//! otherwise cut a table cell in two.

use super::PageContent;

/// Where a strike crosses a glyph, as a share of the glyph box's height
/// from its top (the box runs from 0.88 em above the baseline to 0.12 em
/// below it): strikes stand 0.25–0.35 em above the baseline, underlines
/// below it, overlines at the top.
const STRIKE_BAND: std::ops::RangeInclusive<f32> = 0.3..=0.75;

/// Share of a strike's length its glyphs must cover: a table ruling that
/// happens to cross a line of text runs on far past it.
const MIN_COVER: f32 = 0.8;

/// Glyph-and-line pairs looked at on a page (a bound on a hostile page of
/// many lines across many glyphs of one height): past it, nothing is
/// dropped.
const MAX_STEPS: usize = 4_000_000;

/// Drops the page's struck-through glyphs and the lines striking them.
pub fn drop_struck_through(page: &mut PageContent) {
    // Lines that may strike text, by height on the page: a page has far
    // fewer than glyphs, so each glyph looks for the lines across it.
    let mut lines: Vec<(f32, usize)> = page
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_horizontal() && s.x1 - s.x0 < page.width)
        .map(|(k, s)| ((s.y0 + s.y1) / 2.0, k))
        .filter(|(y, _)| y.is_finite())
        .collect();
    if lines.is_empty() {
        return;
    }
    lines.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut covered = vec![0.0f32; page.segments.len()];
    // (glyph, line) for each line across a glyph's middle.
    let mut crossings: Vec<(usize, usize)> = Vec::new();
    let mut steps = 0usize;
    // The lines across the last glyph's band: the glyphs of a text line
    // share their top and bottom, so the search is made once a line.
    let mut band = (f32::NAN, f32::NAN, 0..0);
    for (i, c) in page.chars.iter().enumerate() {
        if !c.upright() || c.skewed || c.vertical || c.y1 <= c.y0 {
            continue;
        }
        if c.y0 != band.0 || c.y1 != band.1 {
            let h = c.y1 - c.y0;
            let (from, to) = (c.y0 + STRIKE_BAND.start() * h, c.y0 + STRIKE_BAND.end() * h);
            // (Not finite: no line is found, NaN comparing false.)
            let first = lines.partition_point(|(y, _)| *y < from);
            let end = first + lines[first..].partition_point(|(y, _)| *y <= to);
            band = (c.y0, c.y1, first..end);
        }
        if band.2.is_empty() {
            continue;
        }
        let cx = c.cx();
        for &(_, k) in &lines[band.2.clone()] {
            steps += 1;
            let s = &page.segments[k];
            if cx >= s.x0 && cx <= s.x1 {
                covered[k] += c.x1.min(s.x1) - c.x0.max(s.x0);
                crossings.push((i, k));
            }
        }
        if steps > MAX_STEPS {
            return;
        }
    }
    let strikes: Vec<bool> = page
        .segments
        .iter()
        .zip(&covered)
        .map(|(s, c)| *c > 0.0 && *c >= MIN_COVER * (s.x1 - s.x0))
        .collect();
    let mut struck = vec![false; page.chars.len()];
    let mut any = false;
    for (i, k) in crossings {
        if strikes[k] {
            struck[i] = true;
            any = true;
        }
    }
    if !any {
        return;
    }
    let mut i = 0;
    page.chars.retain(|_| {
        i += 1;
        !struck[i - 1]
    });
    let mut k = 0;
    page.segments.retain(|_| {
        k += 1;
        !strikes[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::fixed::{Matrix, Segment, TextChar};

    /// A line of one-point-wide glyphs at 12 pt from x = 100, baseline 200
    /// (y down), boxes as the PDF reader places them.
    fn line(text: &str) -> Vec<TextChar> {
        text.chars()
            .enumerate()
            .map(|(k, ch)| {
                let x = 100.0 + 12.0 * k as f32;
                let trm = Matrix([12.0, 0.0, 0.0, -12.0, x, 200.0]);
                TextChar::placed(
                    ch.to_string().into(),
                    &trm,
                    [0.0, -0.12, 1.0, 0.88],
                    false,
                    0.0,
                    false,
                    k as u32,
                )
            })
            .collect()
    }

    fn text(page: &PageContent) -> String {
        page.chars.iter().map(|c| c.text.as_str()).collect()
    }

    fn h(x0: f32, x1: f32, y: f32) -> Segment {
        Segment {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }

    /// 全年 struck (a line 0.3 em above the baseline across its two glyphs)
    /// before 0条: the cell reads 0条, and the strike is no ruling.
    #[test]
    fn struck_through_glyphs_are_deleted_text() {
        let mut page = PageContent {
            width: 595.0,
            height: 842.0,
            chars: line("全年0条"),
            segments: vec![h(100.0, 124.0, 200.0 - 0.3 * 12.0)],
            images: Vec::new(),
            classes: Default::default(),
        };
        drop_struck_through(&mut page);
        assert_eq!(text(&page), "0条");
        assert!(page.segments.is_empty());
    }

    /// A hostile page of thousands of lines through thousands of glyphs
    /// on one baseline stops at the bound, dropping nothing.
    #[test]
    fn lines_over_glyphs_past_the_bound_drop_nothing() {
        let chars = line(&"字".repeat(2_500));
        let segments = (0..2_500)
            .map(|k| {
                h(
                    100.0 + 12.0 * k as f32,
                    112.0 + 12.0 * k as f32,
                    200.0 - 0.3 * 12.0,
                )
            })
            .collect::<Vec<_>>();
        // Each glyph has every line in its band: 6.25 million pairs.
        let mut page = PageContent {
            width: 1e6,
            height: 842.0,
            chars,
            segments,
            images: Vec::new(),
            classes: Default::default(),
        };
        drop_struck_through(&mut page);
        assert_eq!(page.chars.len(), 2_500);
        assert_eq!(page.segments.len(), 2_500);
        // Under the bound the same page is struck through, glyph by glyph.
        page.chars.truncate(1_000);
        page.segments.truncate(1_000);
        drop_struck_through(&mut page);
        assert!(page.chars.is_empty() && page.segments.is_empty());
    }

    /// Underlines (inserted text) and rulings that run past the text they
    /// cross are left alone, as is a line above the glyphs.
    #[test]
    fn underlines_and_rulings_strike_nothing() {
        for s in [
            h(100.0, 148.0, 201.0),
            h(50.0, 500.0, 200.0 - 0.3 * 12.0),
            h(100.0, 148.0, 200.0 - 0.95 * 12.0),
        ] {
            let mut page = PageContent {
                width: 595.0,
                height: 842.0,
                chars: line("全年0条"),
                segments: vec![s],
                images: Vec::new(),
                classes: Default::default(),
            };
            drop_struck_through(&mut page);
            assert_eq!(text(&page), "全年0条", "{s:?}");
            assert_eq!(page.segments.len(), 1);
        }
    }
}
