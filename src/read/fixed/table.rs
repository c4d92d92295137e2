//! Tables from ruling lines (lattice): rulings are merged into lines, lines
//! that touch form a table, their positions form a grid, and a missing inner
//! ruling merges the cells on either side.

use super::Segment;

/// Rulings closer than this (device units, ~pt) are the same line.
const SNAP: f32 = 2.0;
/// Parallel rulings this close, or collinear ones with a gap this short,
/// are one line: cells drawn as boxes of their own with space between
/// them (HTML's `cellspacing`, CSS `border-collapse: separate`, Word's
/// cell spacing) rule each boundary twice, a few points apart, and break
/// each rule at every gap. No row or column of text is this narrow.
const DOUBLE_RULE: f32 = 5.0;
/// How far a ruling may fall short of a crossing and still meet it.
const JOIN: f32 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Position across the line (y of a horizontal, x of a vertical line).
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// A table found on a page: grid positions and its merged cells.
#[derive(Debug, Clone)]
pub struct GridTable {
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    /// (row, col, row_span, col_span)
    pub cells: Vec<(usize, usize, usize, usize)>,
    /// The top or bottom row had no ruling on that side and was closed at
    /// the end of the vertical rulings (a row cut by a page break).
    pub open_top: bool,
    pub open_bottom: bool,
    /// The cell covering each grid slot, row by row: placing a character
    /// is two binary searches and a lookup, not a scan of every cell.
    slot_cell: Vec<usize>,
}

impl GridTable {
    pub fn bbox(&self) -> (f32, f32, f32, f32) {
        (
            self.xs[0],
            self.ys[0],
            *self.xs.last().unwrap_or(&0.0),
            *self.ys.last().unwrap_or(&0.0),
        )
    }

    /// The cell whose rectangle holds the point.
    pub fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let col = interval(&self.xs, x)?;
        let row = interval(&self.ys, y)?;
        let cols = self.xs.len() - 1;
        self.slot_cell
            .get(row * cols + col)
            .copied()
            .filter(|k| *k != usize::MAX)
    }
}

/// The i with `edges[i] <= v < edges[i + 1]` (edges ascending).
fn interval(edges: &[f32], v: f32) -> Option<usize> {
    let i = edges.partition_point(|e| *e <= v).checked_sub(1)?;
    (i + 1 < edges.len() && v >= edges[i]).then_some(i)
}

/// Merges collinear, overlapping or touching segments into lines, and the
/// two rules of a boundary drawn twice into one between them.
fn merge(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    // Each line with the lowest and highest position merged into it.
    let mut out: Vec<(Line, f32, f32)> = Vec::new();
    for l in lines {
        // Same line only when the two overlap or touch along their length.
        if let Some((last, low, high)) = out.iter_mut().rev().take(16).find(|(o, low, high)| {
            // One rule, or the second of a double one, run alongside the
            // first for most of its length: never a third (boxes nested a
            // few points apart stay apart), nor a strike-through over an
            // underline.
            let double = *high - *low > SNAP;
            let same_rule = (l.at - *low).abs() <= SNAP || double && (l.at - *high).abs() <= SNAP;
            let alongside =
                l.to.min(o.to) - l.from.max(o.from) >= 0.5 * (l.to - l.from).min(o.to - o.from);
            let second = !double && (l.at - *low).abs() <= DOUBLE_RULE && alongside;
            (same_rule || second) && l.from <= o.to + DOUBLE_RULE && l.to >= o.from - DOUBLE_RULE
        }) {
            last.from = last.from.min(l.from);
            last.to = last.to.max(l.to);
            *low = low.min(l.at);
            *high = high.max(l.at);
            continue;
        }
        out.push((l, l.at, l.at));
    }
    out.into_iter()
        .map(|(mut l, low, high)| {
            // A double rule stands between its two: the cells on either
            // side start a few points from each, past the crossing slack.
            if high - low > SNAP {
                l.at = (low + high) / 2.0;
            }
            l
        })
        .collect()
}

fn cluster(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut group: Vec<f32> = Vec::new();
    for x in v {
        if group.last().is_some_and(|g| x - g > SNAP) {
            out.push(group.iter().sum::<f32>() / group.len() as f32);
            group.clear();
        }
        group.push(x);
    }
    if !group.is_empty() {
        out.push(group.iter().sum::<f32>() / group.len() as f32);
    }
    out
}

fn crosses(h: &Line, v: &Line) -> bool {
    v.at >= h.from - JOIN && v.at <= h.to + JOIN && h.at >= v.from - JOIN && h.at <= v.to + JOIN
}

/// A grid's rulings of one direction, sorted by position so that the lines
/// near a position are found by binary search (a grid asks for every cell
/// edge: scanning all rulings each time is quadratic).
struct Rulings {
    lines: Vec<Line>,
    /// Every position is finite, so the sorted order answers range queries.
    sorted: bool,
}

impl Rulings {
    fn new(lines: &[Line]) -> Rulings {
        let mut lines = lines.to_vec();
        let sorted = lines.iter().all(|l| l.at.is_finite());
        if sorted {
            lines.sort_by(|a, b| a.at.total_cmp(&b.at));
        }
        Rulings { lines, sorted }
    }

    /// Whether some line at `at` covers most of [from, to].
    fn covered(&self, at: f32, from: f32, to: f32) -> bool {
        let need = (to - from) * 0.6;
        let near = |l: &&Line| (l.at - at).abs() <= SNAP * 1.5;
        let covers = |l: &Line| l.to.min(to) - l.from.max(from) >= need;
        if !self.sorted {
            return self.lines.iter().filter(near).any(covers);
        }
        // `l.at - at` grows with `l.at`: the near lines are one run.
        let first = self.lines.partition_point(|l| l.at - at < -(SNAP * 1.5));
        self.lines[first..].iter().take_while(near).any(covers)
    }
}

pub fn find_tables(segments: &[Segment]) -> Vec<GridTable> {
    let hs = merge(
        segments
            .iter()
            .filter(|s| s.is_horizontal())
            .map(|s| Line {
                at: (s.y0 + s.y1) / 2.0,
                from: s.x0,
                to: s.x1,
            })
            .collect(),
    );
    let vs = merge(
        segments
            .iter()
            .filter(|s| s.is_vertical())
            .map(|s| Line {
                at: (s.x0 + s.x1) / 2.0,
                from: s.y0,
                to: s.y1,
            })
            .collect(),
    );
    if hs.is_empty() || vs.len() < 2 || hs.len() * vs.len() > 4_000_000 {
        return Vec::new();
    }
    // Connected components over crossings (union-find on h + v lines).
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if crosses(h, v) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, hs.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Line>, Vec<Line>)> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let g = groups.entry(root).or_default();
        if i < hs.len() {
            g.0.push(hs[i]);
        } else {
            g.1.push(vs[i - hs.len()]);
        }
    }
    // One horizontal ruling with the vertical ones running on past it to
    // one side only is a row cut open by a page break, its other ruling
    // on the next or the last page (a browser breaks a row whose figure
    // sits low in its cell, leaving the label above the break).
    let mut tables: Vec<GridTable> = groups
        .into_values()
        .filter(|(h, v)| !h.is_empty() && v.len() >= 2)
        .filter_map(|(h, v)| grid(&h, &v).filter(|g| h.len() >= 2 || g.open_top != g.open_bottom))
        .collect();
    tables.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]));
    tables
}

/// Where most vertical rulings run on past the outermost horizontal one (a
/// row cut open by a page break: its bottom or top ruling is on the other
/// page), the grid is closed there so that row's text stays in the table.
fn open_row_edges(ys: &mut Vec<f32>, vs: &[Line]) -> (bool, bool) {
    let (Some(&top), Some(&bottom)) = (ys.first(), ys.last()) else {
        return (false, false);
    };
    // Most of the columns' rulings that meet the outer ruling, counted by
    // position: a ruling broken by a merged cell lower down is one
    // position, not two lines, and sub-tables of other columns stacked
    // under it (table 二's) do not count.
    let positions =
        |lines: &mut dyn Iterator<Item = &Line>| cluster(lines.map(|l| l.at).collect()).len();
    let most_at = |y: f32| {
        positions(
            &mut vs
                .iter()
                .filter(|l| l.from <= y + 2.0 * JOIN && l.to >= y - 2.0 * JOIN),
        )
        .div_ceil(2)
        .max(2)
    };
    let below: Vec<f32> = vs
        .iter()
        .map(|l| l.to)
        .filter(|t| *t > bottom + 2.0 * JOIN)
        .collect();
    // A little past the rulings' end: text of a cut row is centred on the
    // whole row and may stand partly beyond the page's part of it.
    let open_bottom =
        positions(&mut vs.iter().filter(|l| l.to > bottom + 2.0 * JOIN)) >= most_at(bottom);
    if open_bottom {
        ys.push(below.iter().copied().fold(f32::MAX, f32::min) + 2.0 * JOIN);
    }
    let above: Vec<f32> = vs
        .iter()
        .map(|l| l.from)
        .filter(|f| *f < top - 2.0 * JOIN)
        .collect();
    let open_top = positions(&mut vs.iter().filter(|l| l.from < top - 2.0 * JOIN)) >= most_at(top);
    if open_top {
        ys.insert(
            0,
            above.iter().copied().fold(f32::MIN, f32::max) - 2.0 * JOIN,
        );
    }
    (open_top, open_bottom)
}

/// Where most horizontal rulings run on past the outermost vertical one by
/// more than a character or two (a table wider than the printable area,
/// its outer border clipped away: the text of its last column still
/// printed), the grid is closed where they end, so that column stays in it.
fn open_column_edges(xs: &mut Vec<f32>, hs: &[Line]) {
    let (Some(&left), Some(&right)) = (xs.first(), xs.last()) else {
        return;
    };
    let most = hs.len().div_ceil(2).max(2);
    let past = |ends: &mut dyn Iterator<Item = f32>| {
        let ends: Vec<f32> = ends.collect();
        (ends.len() >= most).then_some(ends)
    };
    if let Some(ends) = past(
        &mut hs
            .iter()
            .map(|l| l.to)
            .filter(|t| *t > right + MIN_OPEN_COLUMN),
    ) {
        xs.push(ends.iter().copied().fold(f32::MAX, f32::min));
    }
    if let Some(starts) = past(
        &mut hs
            .iter()
            .map(|l| l.from)
            .filter(|f| *f < left - MIN_OPEN_COLUMN),
    ) {
        xs.insert(0, starts.iter().copied().fold(f32::MIN, f32::max));
    }
}

/// How far past the outermost vertical ruling horizontal ones must run to
/// close a column there (~two characters of table text; less is a ruling's
/// overshoot).
const MIN_OPEN_COLUMN: f32 = 20.0;

fn grid(hs: &[Line], vs: &[Line]) -> Option<GridTable> {
    let mut xs = cluster(vs.iter().map(|l| l.at).collect());
    open_column_edges(&mut xs, hs);
    let mut ys = cluster(hs.iter().map(|l| l.at).collect());
    let (open_top, open_bottom) = open_row_edges(&mut ys, vs);
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    if nr * nc > 100_000 {
        return None;
    }
    // Union cells across missing inner rulings.
    let (h_rulings, v_rulings) = (Rulings::new(hs), Rulings::new(vs));
    let idx = |r: usize, c: usize| r * nc + c;
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !v_rulings.covered(xs[c + 1], ys[r], ys[r + 1]) {
                let (a, b) = (
                    find(&mut parent, idx(r, c)),
                    find(&mut parent, idx(r, c + 1)),
                );
                parent[a] = b;
            }
            if r + 1 < nr && !h_rulings.covered(ys[r + 1], xs[c], xs[c + 1]) {
                let (a, b) = (
                    find(&mut parent, idx(r, c)),
                    find(&mut parent, idx(r + 1, c)),
                );
                parent[a] = b;
            }
        }
    }
    // Each merged cell's extent, by its root slot (roots are slot indices).
    let mut spans: Vec<Option<(usize, usize, usize, usize)>> = vec![None; nr * nc];
    for r in 0..nr {
        for c in 0..nc {
            let root = find(&mut parent, idx(r, c));
            let e = spans[root].get_or_insert((r, c, r, c));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
        }
    }
    let area = |(r0, c0, r1, c1): (usize, usize, usize, usize)| (r1 - r0 + 1) * (c1 - c0 + 1);
    // The merged cells cover the grid once each when every one is a
    // rectangle: their boxes' areas then add up to the grid's.
    let boxes_area: usize = spans.iter().flatten().map(|s| area(*s)).sum();
    let (cut, roots) = if boxes_area == nr * nc {
        (Vec::new(), Vec::new())
    } else {
        let roots: Vec<usize> = (0..nr * nc).map(|i| find(&mut parent, i)).collect();
        let outer = OuterEdges {
            xs: &xs,
            ys: &ys,
            h: &h_rulings,
            v: &v_rulings,
        };
        (shapes_to_cut(&roots, &spans, nr, nc, &outer), roots)
    };
    let mut cells: Vec<(usize, usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .filter(|(root, _)| !cut.contains(root))
        .filter_map(|(_, s)| *s)
        .map(|(r0, c0, r1, c1)| (r0, c0, r1 - r0 + 1, c1 - c0 + 1))
        .collect();
    if !cut.is_empty() {
        cells.extend(rectangles_of_other_shapes(&roots, nr, nc, |root| {
            cut.contains(&root)
        }));
    }
    cells.sort();
    let mut slot_cell = vec![usize::MAX; nr * nc];
    for (k, &(r0, c0, rs, cs)) in cells.iter().enumerate() {
        for r in r0..r0 + rs {
            for slot in &mut slot_cell[idx(r, c0)..idx(r, c0 + cs)] {
                if *slot == usize::MAX {
                    *slot = k;
                }
            }
        }
    }
    Some(GridTable {
        xs,
        ys,
        cells,
        open_top,
        open_bottom,
        slot_cell,
    })
}

/// A grid's outer edges and its rulings, to tell where it is open.
struct OuterEdges<'a> {
    xs: &'a [f32],
    ys: &'a [f32],
    h: &'a Rulings,
    v: &'a Rulings,
}

/// The merged cells (by root slot) that are not rectangles and reach the
/// grid's edge where no ruling closes it: the space around the tables of
/// a stack of tables of differing widths. Sorted.
fn shapes_to_cut(
    roots: &[usize],
    spans: &[Option<(usize, usize, usize, usize)>],
    nr: usize,
    nc: usize,
    e: &OuterEdges<'_>,
) -> Vec<usize> {
    let mut counts = vec![0usize; nr * nc];
    for &root in roots {
        counts[root] += 1;
    }
    let is_rectangle = |root: usize| {
        spans[root].is_some_and(|(r0, c0, r1, c1)| (r1 - r0 + 1) * (c1 - c0 + 1) == counts[root])
    };
    let mut open: Vec<usize> = Vec::new();
    for r in 0..nr {
        if !e.v.covered(e.xs[0], e.ys[r], e.ys[r + 1]) {
            open.push(roots[r * nc]);
        }
        if !e.v.covered(e.xs[nc], e.ys[r], e.ys[r + 1]) {
            open.push(roots[r * nc + nc - 1]);
        }
    }
    for c in 0..nc {
        if !e.h.covered(e.ys[0], e.xs[c], e.xs[c + 1]) {
            open.push(roots[c]);
        }
        if !e.h.covered(e.ys[nr], e.xs[c], e.xs[c + 1]) {
            open.push(roots[(nr - 1) * nc + c]);
        }
    }
    open.sort_unstable();
    open.dedup();
    open.retain(|root| !is_rectangle(*root));
    open
}

/// Slots merged into a shape that is not a rectangle (the empty space
/// beside the narrower of two tables drawn one under the other) as
/// rectangles: each row's runs of the shape, a run continuing the same
/// columns' run of the row above extending it. Its bounding box would
/// overlap the cells beside it and take their text.
fn rectangles_of_other_shapes(
    roots: &[usize],
    nr: usize,
    nc: usize,
    cut: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    // The rectangle each (root, first column, last column) run extends,
    // while it reaches the row above.
    let mut open: std::collections::HashMap<(usize, usize, usize), usize> = Default::default();
    for r in 0..nr {
        let mut c = 0;
        while c < nc {
            let root = roots[r * nc + c];
            let start = c;
            while c < nc && roots[r * nc + c] == root {
                c += 1;
            }
            if !cut(root) {
                continue;
            }
            let key = (root, start, c - 1);
            match open.get(&key) {
                Some(&k) if out[k].0 + out[k].2 == r => out[k].2 += 1,
                _ => {
                    open.insert(key, out.len());
                    out.push((r, start, 1, c - start));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary-searched ruling lookup answers as a scan of every line.
    #[test]
    fn rulings_lookup_agrees_with_a_scan_of_every_line() {
        // A deterministic scatter of lines, some at the same position.
        let lines: Vec<Line> = (0..300u32)
            .map(|i| {
                let at = ((i * 7919) % 400) as f32 * 0.75;
                let from = ((i * 104_729) % 500) as f32;
                Line {
                    at,
                    from,
                    to: from + ((i * 31) % 200) as f32,
                }
            })
            .collect();
        let fast = Rulings::new(&lines);
        let scan = Rulings {
            lines: lines.clone(),
            sorted: false,
        };
        assert!(fast.sorted);
        let mut hits = 0;
        for q in 0..2000u32 {
            let at = (q % 320) as f32 * 0.93;
            let from = ((q * 13) % 450) as f32;
            let to = from + ((q * 17) % 120) as f32 + 1.0;
            let covered = fast.covered(at, from, to);
            assert_eq!(covered, scan.covered(at, from, to));
            hits += usize::from(covered);
        }
        assert!(hits > 100 && hits < 1900, "{hits} of 2000 covered");
        let odd = Rulings::new(&[Line {
            at: f32::NAN,
            from: 0.0,
            to: 1.0,
        }]);
        assert!(!odd.sorted);
    }

    fn h(y: f32, x0: f32, x1: f32) -> Segment {
        Segment {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Segment {
        Segment {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }

    #[test]
    fn grid_with_a_merged_cell() {
        // 2 rows × 3 columns; the first row's inner ruling at x=20 is missing,
        // so its first two cells are one.
        let segs = vec![
            h(0.0, 0.0, 30.0),
            h(10.0, 0.0, 30.0),
            h(20.0, 0.0, 30.0),
            v(0.0, 0.0, 20.0),
            v(10.0, 10.0, 20.0),
            v(20.0, 0.0, 20.0),
            v(30.0, 0.0, 20.0),
        ];
        let t = find_tables(&segs);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.xs.len(), 4);
        assert!(t.cells.contains(&(0, 0, 1, 2)));
        assert!(t.cells.contains(&(1, 0, 1, 1)));
        assert_eq!(t.cells.len(), 5);
        // Points land in the merged cell, in their own cells, or nowhere.
        let cell = |x, y| t.cell_at(x, y).map(|k| t.cells[k]);
        assert_eq!(cell(5.0, 5.0), Some((0, 0, 1, 2)));
        assert_eq!(cell(15.0, 5.0), Some((0, 0, 1, 2)));
        assert_eq!(cell(25.0, 5.0), Some((0, 2, 1, 1)));
        assert_eq!(cell(15.0, 15.0), Some((1, 1, 1, 1)));
        assert_eq!(cell(0.0, 0.0), Some((0, 0, 1, 2)));
        assert_eq!(cell(30.0, 5.0), None);
        assert_eq!(cell(-1.0, 5.0), None);
        assert_eq!(cell(5.0, 20.0), None);
        assert_eq!(cell(f32::NAN, 5.0), None);
    }

    /// Cells drawn as boxes of their own with space between them (HTML's
    /// default `cellspacing`, CSS `border-collapse: separate`) rule each
    /// boundary twice: one grid still, its edges between the two rules.
    /// Before, every box was a table of one cell and the figures lost
    /// their rows and columns. A strike-through over an underline is no
    /// double rule, nor a third rule beside a double one.
    #[test]
    fn cells_boxed_apart_by_cell_spacing_make_one_grid() {
        // 2 × 3 boxes on a 40 × 20 grid, `gap` apart (half on either side
        // of x = 40, 80 and y = 20).
        let boxes = |gap: f32| {
            let mut segs = Vec::new();
            for (r, c) in [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)] {
                let inset = |edge: bool| if edge { 0.0 } else { gap / 2.0 };
                let (x0, y0) = (c as f32 * 40.0, r as f32 * 20.0);
                let (x0, x1) = (x0 + inset(c == 0), x0 + 40.0 - inset(c == 2));
                let (y0, y1) = (y0 + inset(r == 0), y0 + 20.0 - inset(r == 1));
                segs.extend([h(y0, x0, x1), h(y1, x0, x1), v(x0, y0, y1), v(x1, y0, y1)]);
            }
            segs
        };
        let t = find_tables(&boxes(3.0));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].xs, vec![0.0, 40.0, 80.0, 120.0]);
        assert_eq!(t[0].ys, vec![0.0, 20.0, 40.0]);
        assert_eq!(t[0].cells.len(), 6);
        // 4.5 apart (5 px of spacing printed at 0.75 pt a pixel): the same.
        let t = find_tables(&boxes(4.5));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].cells.len(), 6);
        // A one-cell table with a struck figure above an underlined one,
        // 3.4 apart, each mark under 60 % of the cell's width (together
        // more): the cell stays whole.
        let marked = [
            h(0.0, 0.0, 20.0),
            h(30.0, 0.0, 20.0),
            v(0.0, 0.0, 30.0),
            v(20.0, 0.0, 30.0),
            h(10.0, -5.0, 8.0),
            h(13.4, 7.0, 16.0),
        ];
        let t = find_tables(&marked);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].cells.len(), 1);
        // Boxes nested 2.5 apart (a table in a page's layout cells, all
        // spaced): the first two rules are one double rule, the third
        // another line.
        let line = |at: f32| Line {
            at,
            from: 0.0,
            to: 100.0,
        };
        let lines = merge(vec![line(0.0), line(2.5), line(5.0)]);
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn collinear_rulings_of_two_tables_are_not_joined() {
        // Same x, far apart in y: the lower line is sorted first by position.
        let lines = merge(vec![
            Line {
                at: 10.2,
                from: 300.0,
                to: 400.0,
            },
            Line {
                at: 10.5,
                from: 0.0,
                to: 100.0,
            },
        ]);
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn a_row_cut_open_by_the_page_end_stays_in_the_grid() {
        // Two closed rows, then verticals running 12 units further down with
        // no ruling under them: the open third row is closed at their end.
        let segs = vec![
            h(0.0, 0.0, 30.0),
            h(10.0, 0.0, 30.0),
            h(20.0, 0.0, 30.0),
            v(0.0, 0.0, 32.0),
            v(15.0, 0.0, 32.0),
            v(30.0, 0.0, 32.0),
        ];
        let t = find_tables(&segs);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].ys, vec![0.0, 10.0, 20.0, 32.0 + 2.0 * JOIN]);
        assert!(t[0].cells.contains(&(2, 1, 1, 1)));
        assert!(t[0].open_bottom && !t[0].open_top);
    }

    /// A row cut by the page break with only one of its rulings on each
    /// page: at the next page's top, verticals rising from its bottom
    /// ruling (WeasyPrint breaks a row whose figure, set in a paragraph
    /// with margins, sits low in its cell). Before, a lone horizontal
    /// ruling made no grid and the figure was dropped as a page number.
    /// Verticals through a ruling on both sides, or a ruling alone, are
    /// no such row.
    #[test]
    fn a_row_cut_with_one_ruling_on_the_page_is_a_grid() {
        let top = find_tables(&[
            h(90.0, 0.0, 300.0),
            v(0.0, 56.0, 90.0),
            v(300.0, 56.0, 90.0),
        ]);
        assert_eq!(top.len(), 1);
        assert!(top[0].open_top && !top[0].open_bottom);
        assert_eq!(top[0].ys, vec![56.0 - 2.0 * JOIN, 90.0]);
        let bottom = find_tables(&[
            h(700.0, 0.0, 300.0),
            v(0.0, 700.0, 780.0),
            v(150.0, 700.0, 780.0),
            v(300.0, 700.0, 780.0),
        ]);
        assert_eq!(bottom.len(), 1);
        assert!(bottom[0].open_bottom && bottom[0].cells.len() == 2);
        let cross = [
            h(90.0, 0.0, 300.0),
            v(0.0, 56.0, 120.0),
            v(300.0, 56.0, 120.0),
        ];
        assert!(find_tables(&cross).is_empty());
        assert!(find_tables(&[h(90.0, 0.0, 300.0), v(0.0, 80.0, 90.0)]).is_empty());
    }

    /// A header row cut by the page break at the top of the next page, in
    /// a table whose inner rulings merged cells break lower down into
    /// several pieces each: most of the grid's ruling positions run up past
    /// its first horizontal ruling, so the cut row stays in the grid
    /// (before, the pieces were counted as rulings, the row was left out
    /// and its header words, 定数量 of 处理决定数量, read as a paragraph).
    #[test]
    fn a_row_cut_open_by_the_page_top_stays_in_the_grid_over_merged_cells() {
        let ys = [20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0];
        let mut segs: Vec<Segment> = ys.iter().map(|y| h(*y, 0.0, 40.0)).collect();
        segs.extend([v(0.0, 8.0, 80.0), v(40.0, 8.0, 80.0)]);
        // inner rulings broken where cells merge across them
        for x in [10.0, 20.0, 30.0] {
            segs.extend([v(x, 8.0, 30.0), v(x, 40.0, 50.0), v(x, 60.0, 70.0)]);
        }
        let t = find_tables(&segs);
        assert_eq!(t.len(), 1);
        assert!(t[0].open_top, "{:?}", t[0].ys);
        assert_eq!(t[0].ys[0], 8.0 - 2.0 * JOIN);
    }

    /// A header row cut by the page break above a table whose lower rows
    /// are another sub-table of more columns (table 二's, drawn as one
    /// grid): the cut row's rulings, all rising past the first
    /// horizontal one, are most of those that meet it, though not of the
    /// whole grid's (before, the row was left out and its header words,
    /// 信息内容 上一年项目数量 本年增/减, read as a paragraph).
    #[test]
    fn a_row_cut_open_by_the_page_top_stays_in_a_grid_of_stacked_sub_tables() {
        let cut = [0.0, 100.0, 200.0, 300.0];
        let mut segs: Vec<Segment> = cut.iter().map(|x| v(*x, 5.0, 40.0)).collect();
        segs.extend([
            h(40.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
            h(80.0, 0.0, 300.0),
        ]);
        segs.extend(cut.iter().map(|x| v(*x, 40.0, 60.0)));
        // the sub-table below: ten columns
        segs.extend((0..=10).map(|k| v(30.0 * k as f32, 60.0, 80.0)));
        let t = find_tables(&segs);
        assert_eq!(t.len(), 1);
        assert!(t[0].open_top, "{:?}", t[0].ys);
        assert_eq!(t[0].ys[0], 5.0 - 2.0 * JOIN);
    }

    /// Tables of differing widths drawn one under the other (a browser's
    /// print of a page stacking one table per item): the space beside the
    /// narrower ones, one region of no rectangular shape, is cut into
    /// rectangles that overlap no cell (before, its bounding box took a
    /// cell's slots, and its text: the 处理决定数量 header and its figures).
    #[test]
    fn the_space_beside_stacked_tables_of_differing_widths_takes_no_cells_slots() {
        let segs = vec![
            // A full-width table of one row.
            h(0.0, 0.0, 300.0),
            h(20.0, 0.0, 300.0),
            v(0.0, 0.0, 20.0),
            v(300.0, 0.0, 20.0),
            // One 250 wide: a title row, then two cells.
            h(40.0, 0.0, 250.0),
            h(60.0, 0.0, 250.0),
            v(0.0, 20.0, 60.0),
            v(250.0, 20.0, 60.0),
            v(100.0, 40.0, 60.0),
            // One 200 wide.
            h(80.0, 0.0, 200.0),
            v(0.0, 60.0, 80.0),
            v(100.0, 60.0, 80.0),
            v(200.0, 60.0, 80.0),
        ];
        let t = find_tables(&segs);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.xs, vec![0.0, 100.0, 200.0, 250.0, 300.0]);
        let cell = |x, y| t.cell_at(x, y).map(|k| t.cells[k]);
        // The second table's right cell, though the space beside it starts
        // a row higher.
        assert_eq!(cell(225.0, 50.0), Some((2, 1, 1, 2)));
        assert_eq!(cell(150.0, 50.0), Some((2, 1, 1, 2)));
        assert_eq!(cell(150.0, 30.0), Some((1, 0, 1, 3)));
        // The space beside: rectangles of its own.
        assert_eq!(cell(275.0, 30.0), Some((1, 3, 2, 1)));
        assert_eq!(cell(250.0, 70.0), Some((3, 2, 1, 2)));
        // No two cells share a slot.
        let area: usize = t.cells.iter().map(|c| c.2 * c.3).sum();
        assert_eq!(area, (t.xs.len() - 1) * (t.ys.len() - 1));
    }

    /// A table wider than the printable area, its right border clipped
    /// away: the rows' rulings run on past the last vertical one, and the
    /// column they close there stays in the grid (before, its text was
    /// read as paragraphs and the column's values were lost). A ruling's
    /// overshoot of a few points closes no column.
    #[test]
    fn a_column_past_the_last_vertical_ruling_stays_in_the_grid() {
        let xs = [28.0, 148.0, 235.0, 321.0];
        let grid_with_rows_to = |end: f32| {
            let mut segs: Vec<Segment> = [100.0, 112.0, 124.0, 136.0]
                .iter()
                .map(|y| h(*y, xs[0], end))
                .collect();
            segs.extend(xs.iter().map(|x| v(*x, 100.0, 136.0)));
            find_tables(&segs)
        };
        let t = grid_with_rows_to(408.0);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].xs.len(), 5, "{:?}", t[0].xs);
        assert!((t[0].xs[4] - 408.0).abs() < 1.0, "{:?}", t[0].xs);
        assert!(t[0].cell_at(360.0, 118.0).is_some());
        let t = grid_with_rows_to(326.0);
        assert_eq!(t[0].xs.len(), 4, "{:?}", t[0].xs);
    }

    #[test]
    fn separate_tables_stay_apart() {
        let mut segs = vec![
            h(0.0, 0.0, 10.0),
            h(10.0, 0.0, 10.0),
            v(0.0, 0.0, 10.0),
            v(10.0, 0.0, 10.0),
        ];
        segs.extend([
            h(50.0, 0.0, 10.0),
            h(60.0, 0.0, 10.0),
            v(0.0, 50.0, 60.0),
            v(10.0, 50.0, 60.0),
        ]);
        assert_eq!(find_tables(&segs).len(), 2);
    }
}
