//! Map: table cells onto the schema keys by their row and column labels,
//! never by fixed positions. A table may come in several parts (split by a
//! page or by the author); parts are read in order, headers carried over.

use crate::cell::{Num, parse_cell};
use crate::model::{Cell, Table};
use crate::record::{CellProvenance, RowValues, Severity, TableValues, Warning};
use crate::template::{
    self as tpl, ACTIVE_COLUMNS, ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, KeywordIndex,
    OTHER_HANDLING_PARTS, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_GROUPS_MATCH_ORDER, TableKind,
    Template, ValueKind, first_of,
};
use crate::text::{norm, norm_into};
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// The mapped tables plus what map learnt on the way.
#[derive(Debug, Default)]
pub struct Mapped {
    pub active: Option<TableValues>,
    pub active_template: Option<Template>,
    pub applications: Option<TableValues>,
    /// True when table 三 has the 2021 （六） sub-rows.
    pub applications_has_other_parts: bool,
    /// True when （六） printed its own figures (rather than only a group label).
    pub other_handling_printed: bool,
    /// Table 三's cells, as (row, column), of rows that were found but have
    /// no cell at all in that column (a label drawn across them).
    pub applications_unread: foldhash::HashSet<(&'static str, &'static str)>,
    /// Where each value was read, by (table, row, column); kept only when
    /// asked for (`map_tables`'s `provenance`).
    pub provenance: Option<HashMap<(&'static str, &'static str, &'static str), CellProvenance>>,
    pub reviews: Option<TableValues>,
    pub warnings: Vec<Warning>,
}

// ------------------------------------------------------------ row views

/// What mapping asks of a table's cells, worked out once per cell: a row is
/// viewed up to three times (before and after its header is known), and a
/// header band is classified up to three ways (table 四's layouts).
struct Cells<'t> {
    table: &'t Table,
    /// Per cell: whether it reads as a figure or a blank marker (empty,
    /// dash, slash, 无), and whether it is blank (only spaces and quotes).
    value: Vec<bool>,
    blank: Vec<bool>,
    /// The cells' texts normalised, one after another, and each one's span
    /// there; None for a text already normal (digits alone: most figures).
    normed: String,
    normed_spans: Vec<Option<(usize, usize)>>,
    /// The leftmost grid column where a row prints a figure after its label
    /// (see [`figure_column`]).
    figure_col: Option<usize>,
}

impl<'t> Cells<'t> {
    fn of(table: &'t Table) -> Self {
        let n = table.cells.len();
        let mut cells = Cells {
            table,
            value: Vec::with_capacity(n),
            blank: Vec::with_capacity(n),
            normed: String::with_capacity(table.cells.iter().map(|c| c.text.len()).sum()),
            normed_spans: Vec::with_capacity(n),
            figure_col: None,
        };
        for c in &table.cells {
            if c.text.bytes().all(|b| b.is_ascii_digit()) {
                // A plain count, or empty: a value, already normal.
                cells
                    .value
                    .push(c.text.len() <= 9 || crate::cell::is_value_text(&c.text));
                cells.normed_spans.push(None);
                cells.blank.push(c.text.is_empty());
                continue;
            }
            cells.value.push(crate::cell::is_value_text(&c.text));
            let start = cells.normed.len();
            norm_into(&c.text, &mut cells.normed);
            cells.normed_spans.push(Some((start, cells.normed.len())));
            // What norm drops is what `is_blank` skips: spaces and quotes.
            cells.blank.push(cells.normed.len() == start);
        }
        cells.figure_col = figure_column(&cells);
        cells
    }

    fn norm(&self, i: usize) -> &str {
        match self.normed_spans[i] {
            Some((start, end)) => &self.normed[start..end],
            None => &self.table.cells[i].text,
        }
    }

    /// Cell `i` as a row sees it.
    fn seen(&self, i: usize) -> Seen<'t> {
        Seen {
            cell: &self.table.cells[i],
            index: Some(i),
            value: self.value[i],
            blank: self.blank[i],
        }
    }
}

/// A cell in a row's view, with what [`Cells`] knows of it.
#[derive(Clone, Copy)]
struct Seen<'t> {
    cell: &'t Cell,
    /// Its index in the table's cells; None for the empty stand-in of a value
    /// cell merged down from the row above.
    index: Option<usize>,
    value: bool,
    blank: bool,
}

impl std::ops::Deref for Seen<'_> {
    type Target = Cell;
    fn deref(&self) -> &Cell {
        self.cell
    }
}

impl Seen<'_> {
    /// Its text normalised.
    fn norm<'c>(&self, cells: &'c Cells<'_>) -> &'c str {
        self.index.map_or("", |i| cells.norm(i))
    }
}

/// One table row split into its label cells (left) and value cells (right).
struct RowView<'t> {
    labels: Vec<Seen<'t>>,
    values: Vec<Seen<'t>>,
}

/// The leftmost grid column in which some row prints a figure after a label
/// of its own: where a table without a header has its figures.
fn figure_column(cells: &Cells<'_>) -> Option<usize> {
    let t = cells.table;
    let mut first: Option<usize> = None;
    for r in 0..t.n_rows() {
        let mut labelled = false;
        for (i, _) in t.row_cell_indices(r) {
            if first.is_some_and(|f| t.cells[i].col >= f) {
                break;
            }
            if cells.blank[i] {
                continue;
            }
            if !cells.value[i] {
                labelled = true;
            } else if labelled {
                first = Some(t.cells[i].col);
                break;
            }
        }
    }
    first
}

/// A row's labels and values as read against `slots`. Without a header's
/// geometry, a row with fewer values than slots may hold a word in a value
/// cell (不适用 where the other rows print a count), read as the label's last
/// cell: the label's last cells standing in the table's figure columns are
/// values then, as many as the slots lack (a label cell with text stays), in
/// a row printing a figure.
fn with_stand_ins<'v, 't>(
    view: &'v RowView<'t>,
    slots: &[Slot],
    figure_col: Option<usize>,
) -> (&'v [Seen<'t>], std::borrow::Cow<'v, [Seen<'t>]>) {
    let (labels, values) = (view.labels.as_slice(), view.values.as_slice());
    let short = slots.len().saturating_sub(values.len());
    let Some(fc) = figure_col.filter(|_| {
        short > 0
            && values.iter().any(|c| c.value && !c.blank)
            && slots.iter().all(|s| s.start == usize::MAX)
    }) else {
        return (labels, values.into());
    };
    let mut keep = labels.len();
    while labels.len() - keep < short
        && keep > 1
        && labels[keep - 1].col >= fc
        && labels[..keep - 1].iter().any(|c| !c.blank)
    {
        keep -= 1;
    }
    if keep == labels.len() {
        return (labels, values.into());
    }
    let moved: Vec<Seen<'t>> = labels[keep..].iter().chain(values).copied().collect();
    (&labels[..keep], moved.into())
}

/// Splits row `r`. Cells starting at or right of `value_start` (the header's
/// first value column, once known) are values even when they hold text, so a
/// stray word in a figure cell is reported rather than read as a label.
fn row_view<'t>(cells: &Cells<'t>, r: usize, value_start: Option<usize>) -> RowView<'t> {
    let row = || {
        cells
            .table
            .row_cell_indices(r)
            .map(|(i, continued)| (cells.seen(i), continued))
    };
    let width = cells.table.grid.get(r).map_or(0, Vec::len);
    let mut labels = Vec::with_capacity(width);
    let mut values = Vec::with_capacity(width);
    // Without geometry: everything up to the last word before the first
    // figure is label area, so empty cells of a group-label column (a
    // merged cell begun on the page before) do not start the figures.
    let label_end = if value_start.is_none() {
        let first_figure = row().position(|(c, continued)| !continued && !c.blank && c.value);
        row()
            .take(first_figure.unwrap_or(usize::MAX))
            .enumerate()
            .filter(|(_, (c, _))| !c.blank && !c.value)
            .last()
            .map(|(k, _)| k)
    } else {
        None
    };
    // Whether a label cell so far holds text.
    let mut has_label = false;
    for (i, (c, continued)) in row().enumerate() {
        // With the header's geometry known, position decides; without it, a
        // leading cell is a label when it is merged from above or holds text.
        let is_label = match value_start {
            // A figure in a cell reaching into the value area is a value
            // even when its cell starts left of it (grids rebuilt from a
            // page's rulings can start a merged value cell one column early).
            // Words in the value area of a row with no label yet are its
            // label: rows whose grid is shifted a column (a table joined
            // across pages whose parts were drawn with other widths).
            Some(v) => {
                (c.col < v && (c.col + c.col_span <= v || c.blank || (!has_label && !c.value)))
                    || (!has_label && !c.value && !c.blank && !continued)
            }
            None => continued || !c.value || label_end.is_some_and(|e| i < e),
        };
        if values.is_empty() && is_label {
            has_label |= !c.blank;
            labels.push(c);
        } else if continued {
            // A value cell merged down from the row above belongs to that row.
            values.push(Seen {
                cell: &EMPTY_CELL,
                index: None,
                value: true,
                blank: true,
            });
        } else {
            values.push(c);
        }
    }
    RowView { labels, values }
}

static EMPTY_CELL: Cell = Cell {
    row: 0,
    col: usize::MAX,
    row_span: 1,
    col_span: 1,
    text: String::new(),
    blocks: Vec::new(),
    at: None,
};

/// A header column: the target it maps to (an index into the table's column
/// space; None for a local extra such as 小计) and the grid columns it covers.
#[derive(Debug, Clone)]
struct Slot {
    target: Option<usize>,
    start: usize,
    end: usize,
    /// The header states 元 (amounts to convert).
    yuan: bool,
    /// The header names a group's own sum (小计, 合计): no template column.
    subtotal: bool,
}

/// Where a slot's value goes.
struct Target {
    row: &'static str,
    col: &'static str,
    kind: ValueKind,
    col_label: &'static str,
}

/// Values read, by (row, column); a row read is marked by (row, ""). Each
/// table's map is sized for its template's cells at once.
type Values = std::collections::HashMap<(&'static str, &'static str), Option<Num>, KeyHashing>;

/// Hashing for [`Values`]' keys, the template's short ASCII row and column
/// keys: each key's length and its first and last eight bytes (where keys
/// differ) mixed by one multiplication, where a general hasher reads every
/// byte and profiled at a sixth of mapping. Equal keys hash equal; keys
/// are compared whole.
#[derive(Clone, Copy, Default)]
struct KeyHashing;

impl std::hash::BuildHasher for KeyHashing {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

struct KeyHasher(u64);

impl KeyHasher {
    fn mix(&mut self, v: u64) {
        let m = u128::from(self.0 ^ v) * 0x9E37_79B9_7F4A_7C15;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(h), Some(t)) => (u64::from_le_bytes(*h), u64::from_le_bytes(*t)),
            // Shorter keys (and the empty column of a row mark) byte by byte.
            _ => (bytes.iter().fold(0, |w, b| w << 8 | u64::from(*b)), 0),
        };
        self.mix(head ^ (n as u64).rotate_left(56));
        self.mix(tail);
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Pairs a row's value cells with header slots: in order when the counts
/// agree (header merges that don't line up with data cells), else by grid
/// position, else right-aligned (总计 is always last).
fn assign<'t>(values: &[Seen<'t>], slots: &[Slot]) -> Vec<(usize, &'t Cell)> {
    if values.len() == slots.len() {
        return values
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.cell))
            .collect();
    }
    let mut by_grid = Vec::new();
    let mut used = vec![false; values.len()];
    let mut ok = true;
    for (si, s) in slots.iter().enumerate() {
        let hits: Vec<usize> = values
            .iter()
            .enumerate()
            .filter(|(vi, c)| !used[*vi] && c.col >= s.start && c.col < s.end)
            .map(|(vi, _)| vi)
            .collect();
        match hits.as_slice() {
            [vi] => {
                used[*vi] = true;
                by_grid.push((si, values[*vi].cell));
            }
            [] => {}
            _ => ok = false,
        }
    }
    let stray = values.iter().zip(&used).any(|(c, u)| !u && !c.blank);
    if ok && !by_grid.is_empty() && !stray {
        return by_grid;
    }
    if values.len() > slots.len() {
        let skip = values.len() - slots.len();
        return values[skip..]
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.cell))
            .collect();
    }
    values
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.cell))
        .collect()
}

/// Header slots from a band of header rows: one slot per distinct bottom
/// header cell; `classify(deepest, whole_path)` names its target. Slots start
/// at the first classified column (the label columns lie left of it).
fn header_slots(
    cells: &Cells<'_>,
    rows: std::ops::Range<usize>,
    classify: impl Fn(&str, &str) -> Option<usize>,
) -> Vec<Slot> {
    let mut slots: Vec<Slot> = Vec::new();
    let mut last_bottom: Option<usize> = None;
    let mut started = false;
    let mut path: Vec<usize> = Vec::new();
    let t = cells.table;
    for c in 0..t.n_cols() {
        path.clear();
        for r in rows.clone() {
            if let Some(Some(idx)) = t.grid.get(r).and_then(|row| row.get(c))
                && path.last() != Some(idx)
            {
                path.push(*idx);
            }
        }
        let Some(&bottom) = path.last() else { continue };
        if last_bottom == Some(bottom) {
            if let Some(s) = slots.last_mut() {
                s.end = c + 1;
            }
            continue;
        }
        last_bottom = Some(bottom);
        let texts: Vec<&str> = path.iter().map(|i| cells.norm(*i)).collect();
        // A header of one row (most of table 二's) has one cell per column:
        // its text is the whole, with nothing to join.
        let joined = |from: usize| -> std::borrow::Cow<'_, str> {
            match &texts[from..] {
                [one] => (*one).into(),
                more => more.concat().into(),
            }
        };
        let whole = joined(0);
        // The lowest header cell with text names the column (an empty cell
        // below it is a layout artefact, e.g. wrapped text in a PDF); when
        // it names nothing, the cells above it are added one by one (a
        // header cell cut in two by a page break: 其 | 他).
        let target = (0..texts.len())
            .rev()
            .filter(|k| !texts[*k].is_empty())
            .find_map(|k| classify(&joined(k), &whole));
        started |= target.is_some();
        if !started {
            continue;
        }
        let yuan = whole.contains('元') && !whole.contains("万元");
        let subtotal = target.is_none()
            && texts
                .iter()
                .rev()
                .find(|t| !t.is_empty())
                .is_some_and(|t| matches!(*t, "小计" | "合计"));
        slots.push(Slot {
            target,
            start: c,
            end: c + 1,
            yuan,
            subtotal,
        });
    }
    slots
}

/// Header cells a drawing lost (a PDF whose header text overlaps: 自然人
/// and 商业企业 swallowed by the 勾稽 note's cell, 总计 drawn elsewhere)
/// leave value columns without a name at the header's edges. When the
/// labelled columns are in the template's order and exactly as many value
/// columns stand unnamed before the first labelled one (in the first data
/// row, `view`) or after the last as the template has there, they are the
/// template's columns there, in order. Otherwise nothing is guessed.
fn name_unlabelled_edge_columns(slots: &mut Vec<Slot>, view: &RowView<'_>, n_targets: usize) {
    // A header cell over the column that holds the rows' labels is the
    // stub (the 勾稽 note), whatever words overlapping text left in it.
    if view.labels.first().is_some_and(|c| c.col == 0) {
        slots.retain(|s| s.start != 0);
    }
    let targets: Vec<usize> = slots.iter().filter_map(|s| s.target).collect();
    if targets.len() < 3 || !targets.windows(2).all(|w| w[0] < w[1]) {
        return;
    }
    let (first, last) = (targets[0], targets[targets.len() - 1]);
    // Trailing: unnamed slots after the last named one (a group's 小计
    // among them is no template column).
    let trailing = slots
        .iter()
        .rev()
        .take_while(|s| s.target.is_none())
        .count();
    let n = slots.len();
    let unnamed: Vec<usize> = (n - trailing..n).filter(|k| !slots[*k].subtotal).collect();
    // (Some of them printed in the first data row: columns with neither
    // a name nor a figure are the grid's, not the template's: a table
    // cut at the page's edge leaves its rulings past the text.)
    let printed = |s: &Slot| {
        view.values
            .iter()
            .any(|c| !c.blank && c.col < s.end && c.col + c.col_span > s.start)
    };
    if !unnamed.is_empty()
        && unnamed.len() == n_targets - 1 - last
        && unnamed.iter().any(|i| printed(&slots[*i]))
    {
        for (k, i) in unnamed.into_iter().enumerate() {
            slots[i].target = Some(last + 1 + k);
        }
    }
    // Leading: value cells of the first data row left of the first slot.
    let start = slots.first().map_or(usize::MAX, |s| s.start);
    let before: Vec<Seen<'_>> = view
        .values
        .iter()
        .copied()
        .filter(|c| c.col != usize::MAX && c.col + c.col_span <= start && c.value)
        .collect();
    if start != usize::MAX && first > 0 && before.len() == first {
        let lead = before.iter().enumerate().map(|(k, c)| Slot {
            target: Some(k),
            start: c.col,
            end: c.col + c.col_span,
            yuan: false,
            subtotal: false,
        });
        let rest = std::mem::take(slots);
        *slots = lead.chain(rest).collect();
    }
    name_unlabelled_inner_columns(slots, view);
}

/// The same between two labelled columns: header words broken or merged
/// by a drawing (`法人或其他组织组织` over 社会公益组织, `机构` alone)
/// name nothing, and the columns under them would be dropped. When exactly
/// as many value columns stand unnamed between two labelled ones as the
/// template has between those two, and the first data row prints in one
/// of them, they are those columns, in order.
fn name_unlabelled_inner_columns(slots: &mut [Slot], view: &RowView<'_>) {
    let printed = |s: &Slot| {
        view.values
            .iter()
            .any(|c| !c.blank && c.col < s.end && c.col + c.col_span > s.start)
    };
    let named: Vec<usize> = (0..slots.len())
        .filter(|&i| slots[i].target.is_some())
        .collect();
    for pair in named.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        let (Some(a), Some(b)) = (slots[i].target, slots[j].target) else {
            continue;
        };
        let unnamed: Vec<usize> = (i + 1..j).filter(|k| !slots[*k].subtotal).collect();
        if !unnamed.is_empty()
            && b > a
            && unnamed.len() == b - a - 1
            && unnamed.iter().any(|k| printed(&slots[*k]))
        {
            for (n, k) in unnamed.into_iter().enumerate() {
                slots[k].target = Some(a + 1 + n);
            }
        }
    }
}

/// Whether a slot that names no column (nor a group's sum) has words of
/// its own in the header `rows` (in a cell within its columns: a group's
/// name over it and others is not its own).
fn unnamed_header_words(cells: &Cells<'_>, rows: std::ops::Range<usize>, slots: &[Slot]) -> bool {
    let t = cells.table;
    slots
        .iter()
        .filter(|s| s.target.is_none() && !s.subtotal && s.start != usize::MAX)
        .any(|s| {
            rows.clone().any(|r| {
                (s.start..s.end.min(t.n_cols())).any(|c| {
                    t.grid
                        .get(r)
                        .and_then(|row| row.get(c))
                        .copied()
                        .flatten()
                        .is_some_and(|i| {
                            let cell = &t.cells[i];
                            cell.col >= s.start
                                && cell.col + cell.col_span <= s.end
                                && !cells.norm(i).is_empty()
                        })
                })
            })
        })
}

/// The grid column where a header's value area starts.
fn value_start(slots: &[Slot]) -> Option<usize> {
    slots.first().map(|s| s.start).filter(|s| *s != usize::MAX)
}

/// Slots for a part without a header: the template's columns in order.
fn default_slots(targets: impl Iterator<Item = usize>) -> Vec<Slot> {
    targets
        .map(|t| Slot {
            target: Some(t),
            start: usize::MAX,
            end: usize::MAX,
            yuan: false,
            subtotal: false,
        })
        .collect()
}

/// Names a header column by the first column definition whose keywords its
/// deepest cell matches, else by the first one (of those matched by search
/// alone) the whole header path matches.
fn classify_by(index: &'static KeywordIndex) -> impl Fn(&str, &str) -> Option<usize> {
    move |deepest, whole| {
        first_of(index.matching(deepest))
            .or_else(|| first_of(index.matching(whole) & index.searched_only))
    }
}

/// The keyword indexes of the template's row and column definitions, each
/// in the definitions' order.
fn keyword_index<D>(
    defs: &'static [D],
    keywords: fn(&D) -> &'static [&'static str],
) -> KeywordIndex {
    KeywordIndex::new(defs.iter().map(keywords))
}

static ACTIVE_COLUMN_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(ACTIVE_COLUMNS, |d| d.keywords));
static APPLICANT_COLUMN_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(APPLICANT_COLUMNS, |d| d.keywords));
static REVIEW_COLUMN_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(REVIEW_COLUMNS, |d| d.keywords));
static ACTIVE_ROW_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(ACTIVE_ROWS, |d| d.keywords));
static APPLICATION_ROW_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(APPLICATION_ROWS, |d| d.keywords));
static REVIEW_GROUP_INDEX: LazyLock<KeywordIndex> =
    LazyLock::new(|| keyword_index(REVIEW_GROUPS_MATCH_ORDER, |g| g.keywords));

/// Reads a row's value cells into `out` by the header's slots; `(table,
/// source)` names the output table and the document table the cells are
/// in. Warnings and provenance go to `m`.
fn read_values(
    (view, figure_col): (&RowView<'_>, Option<usize>),
    slots: &[Slot],
    target: impl Fn(usize) -> Option<Target>,
    (table, source): (&'static str, usize),
    out: &mut Values,
    m: &mut Mapped,
) {
    let (labels, values) = with_stand_ins(view, slots, figure_col);
    let values = &*values;
    let warnings = &mut m.warnings;
    // The row's label, joined for a warning's message when one is given.
    let mut row_label: Option<String> = None;
    for (si, cell) in assign(values, slots) {
        let slot = &slots[si];
        let Some(t) = slot.target.and_then(&target) else {
            continue;
        };
        let p = parse_cell(&cell.text, t.kind, slot.yuan);
        let at = |w: Warning| w.at(table, Some(t.row), Some(t.col));
        let col_label = t.col_label;
        if let Some(text) = &p.non_numeric {
            warnings.push(at(Warning::new(
                "non_numeric_cell",
                Severity::Warning,
                format!(
                    "{} / {col_label}: the cell holds \"{text}\", not a number; it is left null",
                    row_label.get_or_insert_with(|| label_text(labels))
                ),
            )));
        }
        if let (Some(note), Some(v)) = (&p.note, p.value) {
            warnings.push(at(Warning::new(
                "cell_note",
                Severity::Info,
                format!(
                    "{} / {col_label}: {v} comes with the note \"{note}\"",
                    row_label.get_or_insert_with(|| label_text(labels))
                ),
            )));
        }
        if let (true, Some(v)) = (p.converted_from_yuan, p.value) {
            warnings.push(at(Warning::new(
                "unit_converted",
                Severity::Info,
                format!(
                    "{} / {col_label}: \"{}\" is in 元, converted to {v} 万元",
                    row_label.get_or_insert_with(|| label_text(labels)),
                    cell.text.trim()
                ),
            )));
        }
        // The first value for a cell wins; a later blank never erases it.
        let entry = out.entry((t.row, t.col)).or_insert(None);
        if entry.is_none() {
            *entry = p.value;
            if let Some(p) = m.provenance.as_mut()
                && cell.col != usize::MAX
            {
                p.insert((table, t.row, t.col), CellProvenance::of(cell, source));
            }
        }
    }
}

fn label_text(labels: &[Seen<'_>]) -> String {
    labels
        .iter()
        .map(|c| c.text.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn missing_row(table: TableKind, key: &'static str, label: &str) -> Warning {
    Warning::new(
        "missing_row",
        Severity::Warning,
        format!(
            "{} has no row \"{label}\"; its values are null",
            table.label()
        ),
    )
    .at(table.key(), Some(key), None)
}

/// Builds a row of the output from the values found.
fn row_out(values: &Values, row: &'static str, cols: &[&'static str]) -> RowValues {
    RowValues(
        cols.iter()
            .map(|c| (*c, values.get(&(row, *c)).copied().flatten()))
            .collect(),
    )
}

/// Whether a row was read: every row read is marked `(row, "")` before its
/// values go in (a lookup, not a pass over every value read).
fn has_row(values: &Values, row: &'static str) -> bool {
    values.contains_key(&(row, ""))
}

// -------------------------------------------------------------- table 三

/// A header row: every cell is a label (a data row with blank figures still
/// has value cells).
fn is_header_row(view: &RowView<'_>) -> bool {
    view.values.is_empty()
}

/// A row of table 三 without a figure whose cells name two applicant
/// columns or more (自然人 … 总计): a header row, whatever row its words
/// seem to name (总计 is also （七）总计's). A header band cut by a ruling
/// leaves such a row with blank cells below its names.
fn names_applicants(cells: &Cells<'_>, view: &RowView<'_>) -> bool {
    if view.values.iter().any(|c| !c.blank && c.value) {
        return false;
    }
    let classify = classify_by(&APPLICANT_COLUMN_INDEX);
    let mut named = view
        .labels
        .iter()
        .chain(&view.values)
        .filter(|c| !c.blank)
        .filter_map(|c| classify(c.norm(cells), c.norm(cells)));
    named.next().is_some_and(|first| named.any(|k| k != first))
}

/// A row whose value cells hold figures or blank markers only, one at least
/// printed: never a header row, whatever its label.
fn is_figure_row(view: &RowView<'_>) -> bool {
    view.values.iter().any(|c| !c.blank) && view.values.iter().all(|c| c.blank || c.value)
}

/// Table 四's header rows hold label text and no figure; its data row may be
/// entirely blank.
fn is_review_header(view: &RowView<'_>) -> bool {
    let has_number = view.values.iter().any(|c| !c.blank && c.value);
    let has_label = view.labels.iter().any(|c| !c.blank) || view.values.iter().any(|c| !c.value);
    has_label && !has_number
}

/// The template row a row's label names. `opened`: the start of the label
/// printed on the row above (a label wrapped across a ruling: `5.要求行政机关
/// 确认或重` over `新出具已获取信息`), put before this row's leaf; `closing`:
/// its end printed on the row below (the figures beside the label's first
/// line), put after it.
fn application_row_key(
    cells: &Cells<'_>,
    view: &RowView<'_>,
    prev: Option<&'static str>,
    (opened, closing): (&str, &str),
) -> Option<&'static str> {
    let mut texts: Vec<std::borrow::Cow<'_, str>> = view
        .labels
        .iter()
        .map(|c| c.norm(cells))
        .filter(|s| !s.is_empty())
        .map(Into::into)
        .collect();
    if !opened.is_empty() || !closing.is_empty() {
        let leaf = texts.pop()?;
        texts.push(format!("{opened}{leaf}{closing}").into());
    }
    let leaf = texts.last()?;
    let parents: String = texts[..texts.len() - 1].concat();
    let leaf: &str = leaf;
    let in_other_group = parents.contains("其他处理")
        || matches!(
            prev,
            Some("other_handling" | "other_no_correction" | "other_unpaid_fee")
        );
    // The first row whose keywords the leaf matches, under its group.
    let found = APPLICATION_ROW_INDEX.matching(leaf);
    let by_leaf = APPLICATION_ROWS.iter().enumerate().find(|(i, def)| {
        found >> i & 1 == 1
            && !def.ruled_out(leaf)
            && def
                .group
                .is_none_or(|g| parents.contains(g) || (g == "其他处理" && in_other_group))
    });
    if let Some((_, def)) = by_leaf {
        return Some(def.key);
    }
    // A leaf that is only a fragment (a label wrapped into two cells): try the whole label.
    let whole = texts.concat();
    let found = APPLICATION_ROW_INDEX.matching(&whole) & APPLICATION_ROW_INDEX.searched_only;
    APPLICATION_ROWS
        .iter()
        .enumerate()
        .find(|(i, d)| found >> i & 1 == 1 && d.group.is_none() && !d.ruled_out(&whole))
        .map(|(_, d)| d.key)
}

/// Whether the words of `cells` (left to right) name a row of table 三 by
/// themselves.
fn names_an_application_row(cells: &Cells<'_>, words: &[Seen<'_>]) -> bool {
    let text: String = words.iter().map(|c| c.norm(cells)).collect();
    APPLICATION_ROW_INDEX.matching(&text) != 0
}

/// The label of row `r` when it is all the row holds (no figure, no blank
/// marker, nothing in a value cell): perhaps the end of the label above.
fn label_only_row_text(cells: &Cells<'_>, r: usize, geometry: Option<usize>) -> Option<String> {
    if r >= cells.table.n_rows() {
        return None;
    }
    let view = row_view(cells, r, geometry);
    if !view.values.iter().all(|c| c.blank) {
        return None;
    }
    let text: String = view.labels.iter().map(|c| c.norm(cells)).collect();
    // A label of its own (（五）不予处理, 2.重复申请, 四、…) is no label's end.
    let mut chars = text.chars();
    let starts_item = match (chars.next(), chars.next()) {
        (Some('（' | '('), _) | (_, Some('、' | '.' | '．')) => true,
        (Some(c), _) => c.is_ascii_digit(),
        (None, _) => true,
    };
    (!starts_item).then_some(text)
}

/// Whether `values` hold something exactly where a row's value cells were
/// blank (`blank`, cell by cell): the two lines of one row's figures.
fn fills_exactly(values: &[Seen<'_>], blank: &[bool]) -> bool {
    values.len() == blank.len() && values.iter().zip(blank).all(|(c, b)| c.blank != *b)
}

/// The first row of a table's part under the header rows repeated over it
/// (rows naming a header word), when it holds a label only: perhaps the
/// end of the label the page before ended with.
fn first_label_end(part: &Table) -> Option<(usize, String)> {
    let cells = Cells::of(part);
    let is_header = |r: usize| {
        part.row_cells(r).iter().any(|c| {
            let t = norm(&c.cell.text);
            tpl::holds_header_word(&t) || tpl::is_column_name(&t)
        })
    };
    let r = (0..part.n_rows().min(8)).find(|r| !is_header(*r))?;
    label_only_row_text(&cells, r, None).map(|t| (r, t))
}

fn applicant_target(row: &'static str) -> impl Fn(usize) -> Option<Target> {
    move |i| {
        APPLICANT_COLUMNS.get(i).map(|d| Target {
            row,
            col: d.key,
            kind: d.kind,
            col_label: d.label,
        })
    }
}

fn map_applications(parts: &[(&Table, usize)], template_hint: Option<Template>, m: &mut Mapped) {
    let table = TableKind::Applications;
    let mut slots: Vec<Slot> = Vec::new();
    // Grid width of the part the header came from: its value-area position
    // only applies to parts laid out on the same grid.
    let mut slots_width = 0;
    // A header column with words that name no applicant column (a name
    // broken across lines): a column not found may be that one.
    let mut names_unread = false;
    let mut values = Values::with_capacity_and_hasher(
        APPLICATION_ROWS.len() * (APPLICANT_COLUMNS.len() + 1),
        KeyHashing,
    );
    let mut prev: Option<&'static str> = None;
    let mut prev_printed = true;
    // Which value cells the last row read left blank.
    let mut prev_blank: Vec<bool> = Vec::new();
    let mut opened: Option<String> = None;
    // (part, row) read with a row above as the end of its label.
    let mut closed: Option<(usize, usize)> = None;
    for (pi, &(t, source)) in parts.iter().enumerate() {
        let cells = Cells::of(t);
        let mut header_start: Option<usize> = None;
        let mut header_end: Option<usize> = None;
        // A row of figures without a label, just read: perhaps figures of
        // the row below set higher.
        let mut raised: Option<usize> = None;
        for r in 0..t.n_rows() {
            let above = raised.take();
            let geometry = if t.n_cols() == slots_width {
                value_start(&slots)
            } else {
                None
            };
            if closed == Some((pi, r)) {
                // The end of the label of a row above, read with it.
                continue;
            }
            let mut view = row_view(&cells, r, geometry);
            let mut key = application_row_key(&cells, &view, prev, ("", ""));
            // A row printed a column or two right of the header's grid (its
            // cells of other widths than the rows above): its labels stand
            // where the first figures are, and a figure for each column
            // follows them, read in order. So too when the labels left of
            // the value area name a row but the words first in it name one
            // too: a group's label that is also a row's (（六）其他处理)
            // beside its first part's (1.申请人无正当理由逾期不补正…), the
            // row — not a note in a count's cell (见附件).
            let mut row_slots: Option<Vec<Slot>> = None;
            let words_lead_values =
                key.is_some() && view.values.first().is_some_and(|c| !c.blank && !c.value);
            if key.is_none() || words_lead_values {
                let lead = view
                    .values
                    .iter()
                    .take_while(|c| c.blank || !c.value)
                    .count();
                let rest = &view.values[lead..];
                let targets = slots.iter().filter(|s| s.target.is_some()).count();
                if lead > 0
                    && view.values[..lead].iter().any(|c| !c.blank)
                    && rest.iter().any(|c| !c.blank)
                    && rest.iter().all(|c| c.value || c.blank)
                    && (rest.len() == slots.len() || rest.len() == targets)
                    && (!words_lead_values
                        || names_an_application_row(&cells, &view.values[..lead]))
                {
                    let mut labels = view.labels.clone();
                    labels.extend(view.values[..lead].iter().filter(|c| !c.blank));
                    let shifted = RowView {
                        labels,
                        values: rest.to_vec(),
                    };
                    if let Some(k) = application_row_key(&cells, &shifted, prev, ("", "")) {
                        key = Some(k);
                        if rest.len() != slots.len() {
                            row_slots = Some(
                                slots
                                    .iter()
                                    .filter(|s| s.target.is_some())
                                    .cloned()
                                    .collect(),
                            );
                        }
                        view = shifted;
                    }
                }
            }
            if key.is_none()
                && let Some(o) = opened.as_deref()
            {
                key = application_row_key(&cells, &view, prev, (o, ""));
            }
            // A label alone on its row, naming no row: perhaps the start of
            // one the next row ends.
            opened = (key.is_none() && view.values.iter().all(|c| c.blank))
                .then(|| {
                    view.labels
                        .iter()
                        .rev()
                        .map(|c| c.norm(&cells))
                        .find(|t| !t.is_empty())
                })
                .flatten()
                .map(str::to_owned);
            // A label whose figures stand on the next row (cut by a page
            // break, or wrapped past them): a row of figures without a label
            // of its own goes to the row above when that row had none.
            if key.is_none()
                && is_figure_row(&view)
                && let Some(p) = prev.filter(|_| !prev_printed)
            {
                key = Some(p);
            }
            // Or figures that fill exactly the cells the row above left
            // blank: that row's, printed on two lines (cells centred on
            // their row in fonts that sit at other heights).
            if key.is_none()
                && is_figure_row(&view)
                && fills_exactly(&view.values, &prev_blank)
                && let Some(p) = prev
            {
                key = Some(p);
            }
            // Else figures beside a label's first line, its end on the row
            // below alone (a borderless table's cells aligned to their top).
            if key.is_none()
                && is_figure_row(&view)
                && let Some((at, closing)) = if r + 1 < t.n_rows() {
                    label_only_row_text(&cells, r + 1, geometry).map(|c| ((pi, r + 1), c))
                } else {
                    // (or at the top of the next part, the document's next
                    // table, under the header repeated there: the row cut by
                    // a page break, its figures left on the page before)
                    parts
                        .get(pi + 1)
                        .filter(|(_, next_source)| source.checked_add(1) == Some(*next_source))
                        .and_then(|(next, _)| first_label_end(next))
                        .map(|(nr, c)| ((pi + 1, nr), c))
                }
            {
                key = application_row_key(&cells, &view, prev, ("", &closing));
                if key.is_some() {
                    closed = Some(at);
                }
            }
            let Some(key) =
                key.filter(|_| !is_header_row(&view) && !names_applicants(&cells, &view))
            else {
                if is_figure_row(&view) {
                    // A row of figures the template does not list (a group's
                    // own total: （四）无法提供) ends a header band above it:
                    // its figures are no header words.
                    if header_start.is_some() {
                        header_end.get_or_insert(r);
                    }
                } else if header_end.is_some() {
                    // Header rows again below such a row: a new band.
                    header_start = Some(r);
                    header_end = None;
                } else {
                    // Header band: read it at the first data row below it.
                    header_start.get_or_insert(r);
                }
                if is_figure_row(&view) && view.labels.iter().all(|c| c.blank) {
                    raised = Some(r);
                }
                continue;
            };
            if let Some(hs) = header_start.take() {
                let he = header_end.take().unwrap_or(r);
                let mut s = header_slots(&cells, hs..he, classify_by(&APPLICANT_COLUMN_INDEX));
                name_unlabelled_edge_columns(
                    &mut s,
                    &row_view(&cells, r, None),
                    APPLICANT_COLUMNS.len(),
                );
                if s.iter().filter(|s| s.target.is_some()).count() >= 3 {
                    names_unread |= unnamed_header_words(&cells, hs..he, &s);
                    slots = s;
                    slots_width = t.n_cols();
                    view = row_view(&cells, r, value_start(&slots));
                }
            }
            // Leading columns the header lost may first be seen filled on a
            // later row (the first one printed fewer cells).
            if t.n_cols() == slots_width
                && slots.first().and_then(|s| s.target).is_some_and(|k| k > 0)
            {
                let before = slots.len();
                name_unlabelled_edge_columns(
                    &mut slots,
                    &row_view(&cells, r, None),
                    APPLICANT_COLUMNS.len(),
                );
                if slots.len() != before {
                    view = row_view(&cells, r, value_start(&slots));
                }
            }
            if slots.is_empty() {
                slots = default_slots(0..APPLICANT_COLUMNS.len());
            }
            prev = Some(key);
            // Whether the row printed anything in its value cells (a dash
            // is printed; an empty cell is not).
            prev_printed = view.values.iter().any(|c| !c.blank);
            prev_blank = view.values.iter().map(|c| c.blank).collect();
            values.entry((key, "")).or_insert(None);
            read_values(
                (&view, cells.figure_col),
                row_slots.as_deref().unwrap_or(&slots),
                applicant_target(key),
                (table.key(), source),
                &mut values,
                m,
            );
            // Figures just above filling exactly the cells this row left
            // blank: its own, set a line higher (cells aligned to their
            // bottom, in fonts that sit at other heights).
            // (Split as this row is: the header may have been read at it.)
            let split_now = (t.n_cols() == slots_width)
                .then(|| value_start(&slots))
                .flatten();
            if let Some(a) = above.map(|ar| row_view(&cells, ar, split_now))
                && a.labels.iter().all(|c| c.blank)
                && fills_exactly(&a.values, &prev_blank)
            {
                prev_blank.fill(false);
                read_values(
                    (&a, cells.figure_col),
                    row_slots.as_deref().unwrap_or(&slots),
                    applicant_target(key),
                    (table.key(), source),
                    &mut values,
                    m,
                );
            }
        }
    }
    if values.is_empty() {
        return;
    }
    let cols: Vec<&'static str> = APPLICANT_COLUMNS.iter().map(|d| d.key).collect();
    let has_parts = OTHER_HANDLING_PARTS.iter().any(|k| has_row(&values, k));
    let printed_other = cols.iter().any(|c| {
        values
            .get(&("other_handling", *c))
            .copied()
            .flatten()
            .is_some()
    });
    m.applications_has_other_parts = has_parts;
    m.other_handling_printed = printed_other;
    // The 2021 sub-rows are expected when the report follows the 2021 template.
    let expect_parts = has_parts || template_hint == Some(Template::Y2021);
    let mut out = TableValues::default();
    for def in APPLICATION_ROWS {
        if def.key == "other_handling" && !printed_other && has_parts {
            // （六） as a group label only: its figures are the sum of its sub-rows.
            let sum = cols
                .iter()
                .map(|c| {
                    let parts: Vec<f64> = OTHER_HANDLING_PARTS
                        .iter()
                        .filter_map(|p| values.get(&(*p, *c)).copied().flatten())
                        .map(|n| n.0)
                        .collect();
                    (*c, (!parts.is_empty()).then(|| Num(parts.iter().sum())))
                })
                .collect();
            out.0.push((def.key, Some(RowValues(sum))));
        } else if has_row(&values, def.key) {
            // A row printed with fewer cells than columns: the ones it lacks
            // are unknown, not blank.
            if cols.iter().any(|c| values.contains_key(&(def.key, *c))) {
                m.applications_unread.extend(
                    cols.iter()
                        .filter(|c| !values.contains_key(&(def.key, **c)))
                        .map(|c| (def.key, *c)),
                );
            }
            out.0
                .push((def.key, Some(row_out(&values, def.key, &cols))));
        } else {
            if def.only != Some(Template::Y2021) || expect_parts {
                m.warnings.push(missing_row(table, def.key, def.label));
            }
            out.0.push((def.key, None));
        }
    }
    // A column no found row has a cell in: the table lacks it (cut off at
    // the page's edge, or never printed). Blank cells are cells: a column
    // left blank for zeros is not missing.
    let found: Vec<&str> = APPLICATION_ROWS
        .iter()
        .map(|d| d.key)
        .filter(|r| cols.iter().any(|c| values.contains_key(&(*r, *c))))
        .collect();
    // With a header word that names no column, a column not found may be
    // that one, unread: said so, as its values are null all the same.
    if found.len() >= MIN_ROWS_FOR_MISSING_COLUMN {
        for def in APPLICANT_COLUMNS {
            if found.iter().all(|r| !values.contains_key(&(*r, def.key))) {
                m.warnings.push(missing_column(
                    table,
                    None,
                    (def.key, def.label),
                    names_unread,
                ));
            }
        }
    }
    // A cell a found row lacks in a column other rows have (a label drawn
    // over it): its null is not a blank.
    for row in APPLICATION_ROWS {
        for col in APPLICANT_COLUMNS {
            if m.applications_unread.contains(&(row.key, col.key))
                && found.iter().any(|r| values.contains_key(&(*r, col.key)))
            {
                m.warnings.push(unread_cell(
                    table,
                    (row.key, row.label),
                    (col.key, col.label),
                ));
            }
        }
    }
    m.applications = Some(out);
}

/// A cell of row `row` the table has no cell for, though other rows have
/// one in its column.
fn unread_cell(
    table: TableKind,
    (row, row_label): (&'static str, &str),
    (col, col_label): (&'static str, &str),
) -> Warning {
    Warning::new(
        "unread_cell",
        Severity::Warning,
        format!(
            "{} row \"{row_label}\" has no cell under \"{col_label}\" (text drawn over it, or a cell lost); its value is null",
            table.label(),
        ),
    )
    .at(table.key(), Some(row), Some(col))
}

/// How far along table 四's fifteen cells (a third of them) its row of
/// figures must reach before the cells past its end are called missing.
const MIN_REVIEW_CELLS_FOR_MISSING: usize = 5;

/// Rows a table must show before a column none of them has is called
/// missing (a table cut to a row or two says little of its columns).
const MIN_ROWS_FOR_MISSING_COLUMN: usize = 3;

/// A column `key` (of group `row`, in table 四) the table lacks, or
/// (`header_unread`: a header word names no column) may hold unread.
fn missing_column(
    table: TableKind,
    row: Option<&'static str>,
    (key, label): (&'static str, &str),
    header_unread: bool,
) -> Warning {
    let message = if header_unread {
        format!(
            "{} has no column read as \"{label}\" (a header names no column: it may be this one, unread); its values are null",
            table.label()
        )
    } else {
        format!(
            "{} has no column \"{label}\"; its values are null",
            table.label()
        )
    };
    Warning::new("missing_column", Severity::Warning, message).at(table.key(), row, Some(key))
}

// -------------------------------------------------------------- table 二

fn active_template_from_text(text: &str) -> Option<Template> {
    let t = norm(text);
    if tpl::ACTIVE_2021_SIGNS.iter().any(|s| t.contains(s)) {
        Some(Template::Y2021)
    } else if tpl::ACTIVE_2019_SIGNS.iter().any(|s| t.contains(&norm(s))) {
        Some(Template::Y2019)
    } else {
        None
    }
}

fn active_target(row: &'static str) -> impl Fn(usize) -> Option<Target> {
    move |i| {
        ACTIVE_COLUMNS.get(i).map(|d| Target {
            row,
            col: d.key,
            kind: d.kind,
            col_label: crate::template::active_column_label(row, d.key),
        })
    }
}

fn active_index(key: &str) -> Option<usize> {
    ACTIVE_COLUMNS.iter().position(|d| d.key == key)
}

fn map_active(
    parts: &[(&Table, usize)],
    captions: &[Option<&str>],
    year: Option<i32>,
    m: &mut Mapped,
) {
    let table = TableKind::Active;
    let all: String = parts.iter().map(|(t, _)| t.all_text()).collect();
    let template = active_template_from_text(&all)
        .or(year.map(Template::for_year))
        .unwrap_or(Template::Y2021);
    let mut values = Values::with_capacity_and_hasher(
        ACTIVE_ROWS.len() * (ACTIVE_COLUMNS.len() + 1),
        KeyHashing,
    );
    let mut slots: Vec<Slot> = Vec::new();
    // The part whose header gave the slots: its value-area position tells a
    // figure cell holding words (见附件) from a label.
    let mut slots_from: Option<usize> = None;
    for (pi, &(t, source)) in parts.iter().enumerate() {
        let cells = Cells::of(t);
        // A header printed as a line of text before the part, stating 元.
        let caption_in_yuan = captions.get(pi).copied().flatten().is_some_and(|c| {
            crate::template::holds_header_word(c) && c.contains('元') && !c.contains("万元")
        });
        // The rows since the last data row: a header's words wrapped onto
        // rows of their own (处理决 above the row of the other headers, 定数量
        // below it) name their column only read with the rows around them.
        let mut band_start: Option<usize> = None;
        // Whether `slots` were named by rows of the current band.
        let mut named_in_band = false;
        for r in 0..t.n_rows() {
            let geometry = if slots_from == Some(pi) {
                value_start(&slots)
            } else {
                None
            };
            let view = row_view(&cells, r, geometry);
            // The first label with text: blank cells may stand before it
            // (a web page's layout table printed with its cells' borders).
            let label = view
                .labels
                .iter()
                .find(|c| !c.blank)
                .map_or("", |c| c.norm(&cells));
            let Some(def) = first_of(ACTIVE_ROW_INDEX.matching(label)).map(|i| &ACTIVE_ROWS[i])
            else {
                // Header rows name columns; title rows (第二十条…) name nothing.
                let classify = || classify_by(&ACTIVE_COLUMN_INDEX);
                let named = |s: &[Slot]| s.iter().filter(|s| s.target.is_some()).count();
                let start = *band_start.get_or_insert(r);
                let mut s = header_slots(&cells, r..r + 1, classify());
                if start < r {
                    let mut band = header_slots(&cells, start..r + 1, classify());
                    // A column named by the rows above keeps that name: the
                    // band's deepest text may be a wrapped header's tail
                    // (项目数量 under 上一年) naming another column.
                    if named_in_band {
                        for b in &mut band {
                            if let Some(k) = slots
                                .iter()
                                .find(|k| k.start == b.start && k.target.is_some())
                            {
                                b.target = k.target;
                            }
                        }
                    }
                    if named(&band) > named(&s) {
                        s = band;
                    }
                }
                if s.iter().any(|s| s.target.is_some()) {
                    slots = s;
                    slots_from = Some(pi);
                    named_in_band = true;
                }
                continue;
            };
            band_start = None;
            named_in_band = false;
            let cols = match def.columns(template) {
                [] => def.columns(other(template)),
                c => c,
            };
            let fits = slots
                .iter()
                .filter_map(|s| s.target)
                .any(|i| cols.contains(&ACTIVE_COLUMNS[i].key));
            let row_slots = if fits {
                slots.clone()
            } else {
                let mut d = default_slots(cols.iter().filter_map(|k| active_index(k)));
                for s in &mut d {
                    s.yuan = caption_in_yuan;
                }
                d
            };
            values.entry((def.key, "")).or_insert(None);
            read_values(
                (&view, cells.figure_col),
                &row_slots,
                active_target(def.key),
                (table.key(), source),
                &mut values,
                m,
            );
        }
    }
    if values.is_empty() {
        return;
    }
    let mut out = TableValues::default();
    for def in ACTIVE_ROWS {
        let cols = def.columns(template);
        if cols.is_empty() {
            continue;
        }
        if has_row(&values, def.key) {
            // A row found with cells for some of its columns but not all (a
            // blank cell is a cell): those nulls are not blanks. (A row
            // with none, its label run into the header's, is left alone.)
            let has = |c: &&str| values.contains_key(&(def.key, *c));
            if cols.iter().any(has) {
                for col in cols.iter().filter(|c| !has(c)) {
                    let label = ACTIVE_COLUMNS
                        .iter()
                        .find(|c| c.key == *col)
                        .map_or(*col, |c| c.label);
                    m.warnings
                        .push(unread_cell(table, (def.key, def.label), (col, label)));
                }
            }
            out.0.push((def.key, Some(row_out(&values, def.key, cols))));
        } else {
            m.warnings.push(missing_row(table, def.key, def.label));
            out.0.push((def.key, None));
        }
    }
    m.active = Some(out);
    m.active_template = Some(template);
}

fn other(t: Template) -> Template {
    match t {
        Template::Y2019 => Template::Y2021,
        Template::Y2021 => Template::Y2019,
    }
}

// -------------------------------------------------------------- table 四

/// Table 四's column space: group index × 5 + column index.
fn review_target(i: usize) -> Option<Target> {
    let g = REVIEW_GROUPS.get(i / REVIEW_COLUMNS.len())?;
    let d = REVIEW_COLUMNS.get(i % REVIEW_COLUMNS.len())?;
    Some(Target {
        row: g,
        col: d.key,
        kind: d.kind,
        col_label: d.label,
    })
}

fn classify_review(deepest: &str, whole: &str) -> Option<usize> {
    let g = &REVIEW_GROUPS_MATCH_ORDER[first_of(REVIEW_GROUP_INDEX.matching(whole))?];
    let gi = REVIEW_GROUPS.iter().position(|k| *k == g.key)?;
    let ci = first_of(REVIEW_COLUMN_INDEX.matching(deepest))?;
    Some(gi * REVIEW_COLUMNS.len() + ci)
}

/// The group a transposed table's row stands for, from its label cells
/// (行政复议; 行政诉讼 / 未经复议直接起诉; 行政诉讼 / 复议后起诉).
fn review_group_of_row(label: &str) -> Option<usize> {
    let g = &REVIEW_GROUPS_MATCH_ORDER[first_of(REVIEW_GROUP_INDEX.matching(label))?];
    REVIEW_GROUPS.iter().position(|k| *k == g.key)
}

/// How a part of table 四 lays out its groups.
enum ReviewLayout {
    /// The official layout: groups and result columns in the header, one
    /// data row.
    Columns(Vec<Slot>),
    /// Groups as rows (行政复议 / 行政诉讼 over 未经复议直接起诉 and 复议后起诉),
    /// the result types as columns.
    Rows(Vec<Slot>),
}

fn review_layout(cells: &Cells<'_>, header: std::ops::Range<usize>) -> Option<ReviewLayout> {
    let full = header_slots(cells, header.clone(), classify_review);
    let n_full = REVIEW_GROUPS.len() * REVIEW_COLUMNS.len();
    let targets: Vec<usize> = full.iter().filter_map(|s| s.target).collect();
    let in_order = targets.len() == n_full && targets.windows(2).all(|w| w[0] < w[1]);
    if !in_order && let Some(slots) = review_columns_by_position(cells, header.clone()) {
        return Some(ReviewLayout::Columns(slots));
    }
    if targets.len() >= REVIEW_COLUMNS.len() {
        return Some(ReviewLayout::Columns(full));
    }
    let by_result = header_slots(cells, header, |deepest, _| {
        first_of(REVIEW_COLUMN_INDEX.matching(deepest))
    });
    // Each result type once: a header naming them again per group is the
    // official layout with its group labels lost.
    let found: Vec<usize> = by_result.iter().filter_map(|s| s.target).collect();
    let once = (0..REVIEW_COLUMNS.len()).all(|ci| found.iter().filter(|f| **f == ci).count() <= 1);
    (once && found.len() >= REVIEW_COLUMNS.len() - 1).then_some(ReviewLayout::Rows(by_result))
}

/// The official layout whose group headers are drawn out of place (rulings
/// lost, text overlapping: 行政复议 over one column, 复议后起诉 over nine):
/// fifteen value columns under the header, and every result label still
/// readable (结果维持…总计) is the template's at its position, at least two
/// in three of them readable. The columns are then the template's, in
/// order: the labels that remain confirm the positions.
fn review_columns_by_position(
    cells: &Cells<'_>,
    header: std::ops::Range<usize>,
) -> Option<Vec<Slot>> {
    let per_group = REVIEW_COLUMNS.len();
    let n = REVIEW_GROUPS.len() * per_group;
    let by_result = header_slots(cells, header, |deepest, _| {
        first_of(REVIEW_COLUMN_INDEX.matching(deepest))
    });
    let found = by_result.iter().filter(|s| s.target.is_some()).count();
    let agree = by_result
        .iter()
        .enumerate()
        .all(|(i, s)| s.target.is_none_or(|ci| ci == i % per_group));
    (by_result.len() == n && agree && found * 3 >= n * 2).then(|| {
        by_result
            .into_iter()
            .enumerate()
            .map(|(i, s)| Slot {
                target: Some(i),
                ..s
            })
            .collect()
    })
}

fn map_reviews(parts: &[(&Table, usize)], m: &mut Mapped) {
    let table = TableKind::Reviews;
    let mut values = Values::with_capacity_and_hasher(
        REVIEW_GROUPS.len() * (REVIEW_COLUMNS.len() + 1),
        KeyHashing,
    );
    let mut layout: Option<ReviewLayout> = None;
    // Some row was read as one group's (the transposed layout): a group no
    // row names is then a row the table lacks (one left blank, read as a
    // header, is named all the same).
    let mut groups_as_rows = false;
    let mut rows_named = [false; REVIEW_GROUPS.len()];
    for &(t, source) in parts {
        let cells = Cells::of(t);
        let mut header_start: Option<usize> = None;
        for r in 0..t.n_rows() {
            let view = row_view(&cells, r, None);
            if is_review_header(&view) {
                if let Some(gi) = review_group_of_row(&norm(&label_text(&view.labels))) {
                    rows_named[gi] = true;
                }
                header_start.get_or_insert(r);
                continue;
            }
            if let Some(hs) = header_start.take()
                && let Some(l) = review_layout(&cells, hs..r)
            {
                layout = Some(l);
            }
            for g in REVIEW_GROUPS {
                values.entry((g, "")).or_insert(None);
            }
            let row_slots: std::borrow::Cow<'_, [Slot]> = match &layout {
                Some(ReviewLayout::Columns(s)) => s.as_slice().into(),
                Some(ReviewLayout::Rows(s)) => {
                    let Some(gi) = review_group_of_row(&norm(&label_text(&view.labels))) else {
                        continue;
                    };
                    (groups_as_rows, rows_named[gi]) = (true, true);
                    s.iter()
                        .map(|slot| Slot {
                            target: slot.target.map(|ci| gi * REVIEW_COLUMNS.len() + ci),
                            ..slot.clone()
                        })
                        .collect::<Vec<_>>()
                        .into()
                }
                None => {
                    let per_group = REVIEW_COLUMNS.len();
                    match review_group_of_row(&norm(&label_text(&view.labels))) {
                        // No header read (a borderless table's header taken
                        // for a line of text): a row naming its group with
                        // one cell per result type is the transposed layout,
                        // the results in the template's order.
                        Some(gi) if view.values.len() == per_group => {
                            (groups_as_rows, rows_named[gi]) = (true, true);
                            default_slots(gi * per_group..(gi + 1) * per_group).into()
                        }
                        _ => default_slots(0..REVIEW_GROUPS.len() * per_group).into(),
                    }
                }
            };
            read_values(
                (&view, cells.figure_col),
                &row_slots,
                review_target,
                (table.key(), source),
                &mut values,
                m,
            );
        }
    }
    if values.is_empty() {
        return;
    }
    let cols: Vec<&'static str> = REVIEW_COLUMNS.iter().map(|d| d.key).collect();
    // Cells the one row of figures does not reach (a table wider than the
    // page, its right-hand columns cut off) are missing, not blank; a
    // table read at all has most of its fifteen.
    let slots: Vec<(&str, &tpl::ColumnDef)> = REVIEW_GROUPS
        .iter()
        .flat_map(|g| REVIEW_COLUMNS.iter().map(move |c| (*g, c)))
        .collect();
    let reached = slots
        .iter()
        .rposition(|(g, c)| values.contains_key(&(*g, c.key)))
        .map_or(0, |i| i + 1);
    let one_row = matches!(layout, Some(ReviewLayout::Columns(_)));
    if one_row && reached >= MIN_REVIEW_CELLS_FOR_MISSING {
        for (g, c) in &slots[reached..] {
            let group = tpl::REVIEW_GROUPS_MATCH_ORDER
                .iter()
                .find(|d| d.key == *g)
                .map_or(*g, |d| d.label);
            let label = format!("{group}·{}", c.label);
            m.warnings
                .push(missing_column(table, Some(g), (c.key, &label), false));
        }
    }
    // Cells short of that end the row has no figure cell for (a header's
    // text run down into them, `持112`): null, and said so.
    if one_row {
        for (g, c) in slots[..reached]
            .iter()
            .filter(|(g, c)| !values.contains_key(&(*g, c.key)))
        {
            let group = tpl::REVIEW_GROUPS_MATCH_ORDER
                .iter()
                .find(|d| d.key == *g)
                .map_or(*g, |d| d.label);
            m.warnings
                .push(unread_cell(table, (g, group), (c.key, c.label)));
        }
    }
    let mut out = TableValues::default();
    for (&g, named) in REVIEW_GROUPS.iter().zip(rows_named) {
        if groups_as_rows && !named && !cols.iter().any(|c| values.contains_key(&(g, *c))) {
            let label = tpl::REVIEW_GROUPS_MATCH_ORDER
                .iter()
                .find(|d| d.key == g)
                .map_or(g, |d| d.label);
            m.warnings.push(missing_row(table, g, label));
            out.0.push((g, None));
        } else {
            out.0.push((g, Some(row_out(&values, g, &cols))));
        }
    }
    m.reviews = Some(out);
}

// ---------------------------------------------------------------- entry

/// Maps the located tables, `ordinals` giving each table's index among the
/// document's (which parts follow each other). With `provenance`, where
/// each value was read is kept too, naming tables so.
pub fn map_tables(
    tables: &[(TableKind, &Table)],
    ordinals: &[usize],
    year: Option<i32>,
    provenance: bool,
) -> Mapped {
    map_tables_captioned(tables, ordinals, &[], year, provenance)
}

/// As [`map_tables`], with the paragraph right before each table (when the
/// block before it is one): a header printed as a line of text (a table
/// without rulings whose header and rows a page break parts) still states
/// the unit of the table's amounts.
pub fn map_tables_captioned(
    tables: &[(TableKind, &Table)],
    ordinals: &[usize],
    captions: &[Option<&str>],
    year: Option<i32>,
    provenance: bool,
) -> Mapped {
    let mut m = Mapped {
        provenance: provenance.then(HashMap::new),
        ..Mapped::default()
    };
    let parts = |k: TableKind| -> Vec<(&Table, usize)> {
        tables
            .iter()
            .zip(
                ordinals
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(usize::MAX)),
            )
            .filter(|((kk, _), _)| *kk == k)
            .map(|((_, t), o)| (*t, o))
            .collect()
    };
    let active = parts(TableKind::Active);
    if !active.is_empty() {
        let active_captions: Vec<Option<&str>> = tables
            .iter()
            .zip(captions.iter().copied().chain(std::iter::repeat(None)))
            .filter(|((k, _), _)| *k == TableKind::Active)
            .map(|(_, c)| c)
            .collect();
        map_active(&active, &active_captions, year, &mut m);
    }
    let hint = m.active_template.or(year.map(Template::for_year));
    let apps = parts(TableKind::Applications);
    if !apps.is_empty() {
        map_applications(&apps, hint, &mut m);
    }
    let reviews = parts(TableKind::Reviews);
    if !reviews.is_empty() {
        map_reviews(&reviews, &mut m);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`Cells`] works out once per cell is what the text functions
    /// give for that cell: its normal form, blankness and value reading.
    #[test]
    fn cell_facts_agree_with_the_text_functions() {
        let texts = [
            "",
            "12",
            "007",
            "1234567890",
            " 12 ",
            "１２",
            "“”",
            " \u{3000} ",
            "—",
            "无",
            "資訊公開",
            "（一）予以公开",
            "1.危及“三安全一稳定”",
            "3件",
            "12(其中3件)",
            "增加3",
            "持平",
        ];
        let t = Table::from_cells(
            texts
                .iter()
                .enumerate()
                .map(|(i, text)| Cell {
                    row: 0,
                    col: i,
                    row_span: 1,
                    col_span: 1,
                    text: (*text).to_string(),
                    blocks: Vec::new(),
                    at: None,
                })
                .collect(),
        );
        let cells = Cells::of(&t);
        for (i, c) in t.cells.iter().enumerate() {
            assert_eq!(cells.norm(i), norm(&c.text), "{:?}", c.text);
            let seen = cells.seen(i);
            assert_eq!(seen.blank, crate::text::is_blank(&c.text), "{:?}", c.text);
            assert_eq!(
                seen.value,
                crate::cell::is_value_text(&c.text),
                "{:?}",
                c.text
            );
        }
    }

    /// The key hashing tells every cell key of the three tables apart (a
    /// collision would cost time, not correctness: keys compare whole).
    #[test]
    fn key_hashing_spreads_the_templates_keys() {
        use std::hash::BuildHasher;
        let key_sets: [(Vec<&str>, Vec<&str>); 3] = [
            (
                ACTIVE_ROWS.iter().map(|r| r.key).collect(),
                ACTIVE_COLUMNS.iter().map(|c| c.key).collect(),
            ),
            (
                APPLICATION_ROWS.iter().map(|r| r.key).collect(),
                APPLICANT_COLUMNS.iter().map(|c| c.key).collect(),
            ),
            (
                REVIEW_GROUPS.to_vec(),
                REVIEW_COLUMNS.iter().map(|c| c.key).collect(),
            ),
        ];
        // Every (row, column) key, and each row's mark (row, "").
        let keys: Vec<(&str, &str)> = key_sets
            .iter()
            .flat_map(|(rows, cols)| {
                rows.iter()
                    .flat_map(move |r| cols.iter().map(move |c| (*r, *c)).chain([(*r, "")]))
            })
            .collect();
        let hashes: foldhash::HashSet<u64> = keys.iter().map(|k| KeyHashing.hash_one(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        assert!(keys.len() > 200);
    }

    /// Table 三 as mapped from `t` alone.
    /// Table 三's two header rows as the template prints them.
    const APPLICATION_HEADER: [&[&str]; 2] = [
        &[
            "（本列数据的勾稽关系）@2x2",
            "自然人@2x1",
            "法人或其他组织@1x5",
            "总计@2x1",
        ],
        &[
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ],
    ];

    fn applications_of(t: &Table) -> TableValues {
        let m = map_tables(&[(TableKind::Applications, t)], &[0], Some(2023), false);
        m.applications.expect("table 三")
    }

    fn cell(t: &TableValues, row: &str, col: &str) -> Option<f64> {
        t.row(row).and_then(|r| r.get(col)).map(|n| n.0)
    }

    /// Glyph boxes too wide (a font rewritten without its widths) put the
    /// first line of 社会公益组织 and 法律服务机构 into the group label's
    /// cell: `法人或其他组织组织` and `机构` name nothing. Two unnamed columns
    /// between 科研机构 and 其他, where the template has two: those two.
    #[test]
    fn applicant_columns_whose_header_words_name_nothing_between_named_ones_are_the_templates() {
        let header: &[&str] = &[
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "自然人",
            "商业企业",
            "科研机构",
            "法人或其他组织组织",
            "机构",
            "其他",
            "总计",
        ];
        let new_received: &[&str] = &[
            "一、本年新收政府信息公开申请数量",
            "5",
            "1",
            "0",
            "3",
            "2",
            "0",
            "11",
        ];
        let carried_over: &[&str] = &[
            "二、上年结转政府信息公开申请数量",
            "1",
            "0",
            "0",
            "0",
            "4",
            "0",
            "5",
        ];
        let apps = applications_of(&Table::from_texts(&[header, new_received, carried_over]));
        assert_eq!(cell(&apps, "new_received", "social_welfare_org"), Some(3.0));
        assert_eq!(cell(&apps, "new_received", "legal_service_org"), Some(2.0));
        assert_eq!(cell(&apps, "carried_over", "legal_service_org"), Some(4.0));
        assert_eq!(cell(&apps, "new_received", "other_org"), Some(0.0));
        // One unnamed column where the template has two: nothing is guessed.
        let drop = |row: &[&'static str]| -> Vec<&'static str> {
            row.iter()
                .enumerate()
                .filter(|(k, _)| *k != 5)
                .map(|(_, c)| *c)
                .collect()
        };
        let (h, n, c) = (drop(header), drop(new_received), drop(carried_over));
        let apps = applications_of(&Table::from_texts(&[&h, &n, &c]));
        assert_eq!(cell(&apps, "new_received", "social_welfare_org"), None);
        assert_eq!(cell(&apps, "new_received", "legal_service_org"), None);
        assert_eq!(cell(&apps, "new_received", "other_org"), Some(0.0));
    }

    /// 自然人 and 商业企业 drawn into the 勾稽 note's cell and 总计 left
    /// without text (a PDF whose header overlaps): the unnamed columns at
    /// the header's edges are the template's columns there.
    #[test]
    fn applicant_columns_a_drawing_lost_from_the_header_are_the_templates() {
        let t = Table::from_texts(&[
            &[
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）自然人商业企业@3x3",
                "申请人情况@1x5",
            ],
            &["法人或其他组织@1x4", "@2x1"],
            &["科研机构", "社会公益组织", "法律服务机构", "其他"],
            &[
                "一、本年新收政府信息公开申请数量",
                "5",
                "1",
                "0",
                "0",
                "2",
                "0",
                "8",
            ],
            &[
                "二、上年结转政府信息公开申请数量",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
                "1",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(5.0));
        assert_eq!(
            cell(&apps, "new_received", "commercial_enterprise"),
            Some(1.0)
        );
        assert_eq!(cell(&apps, "new_received", "legal_service_org"), Some(2.0));
        assert_eq!(cell(&apps, "new_received", "total"), Some(8.0));
        assert_eq!(cell(&apps, "carried_over", "natural_person"), Some(1.0));
        // Three unnamed columns where the template has two: nothing is guessed.
        let t = Table::from_texts(&[
            &[
                "（本列数据的勾稽关系）自然人商业企业@1x4",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
            ],
            &[
                "一、本年新收政府信息公开申请数量",
                "9",
                "5",
                "1",
                "0",
                "0",
                "2",
                "0",
                "8",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "new_received", "natural_person"), None);
        assert_eq!(
            cell(&apps, "new_received", "research_institution"),
            Some(0.0)
        );
    }

    /// Table 三's first three rows with the six applicant columns, each
    /// with its 总计.
    const THREE_ROWS: [(&[&str], &str); 3] = [
        (
            &[
                "一、本年新收政府信息公开申请数量@1x2",
                "5",
                "1",
                "0",
                "0",
                "2",
                "0",
            ],
            "8",
        ),
        (
            &[
                "二、上年结转政府信息公开申请数量@1x2",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
            ],
            "1",
        ),
        (&["（一）予以公开@1x2", "3", "1", "0", "0", "1", "0"], "5"),
    ];

    /// A 2023 report's table 三 of these rows' cell texts, mapped.
    fn map_applications_of(rows: &[Vec<&str>]) -> Mapped {
        let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        map_tables(
            &[(TableKind::Applications, &Table::from_texts(&refs))],
            &[0],
            Some(2023),
            false,
        )
    }

    /// A table cut off at the page's edge through its 法律服务机构 column:
    /// the header keeps 服务机构 (naming no column), the cells under it are
    /// blank and 其他组织 and 总计 are gone. Every column not read is
    /// `missing_column`, said to be maybe the unread one (before, with a
    /// header word naming no column, their nulls came without a word).
    #[test]
    fn columns_cut_off_beside_a_header_cut_in_two_are_missing() {
        let mut t: Vec<Vec<&str>> = vec![
            vec![
                "（本列数据的勾稽关系）@2x2",
                "自然人@2x1",
                "法人或其他组织@1x4",
            ],
            vec!["商业企业", "科研机构", "社会公益组织", "服务机构"],
        ];
        t.extend(THREE_ROWS.iter().map(|(r, _)| [&r[..5], &[""]].concat()));
        let m = map_applications_of(&t);
        let missing: Vec<(&str, &str)> = m
            .warnings
            .iter()
            .filter(|w| w.code == "missing_column")
            .map(|w| (w.column.unwrap_or_default(), w.message.as_str()))
            .collect();
        let columns: Vec<&str> = missing.iter().map(|(c, _)| *c).collect();
        assert_eq!(columns, ["legal_service_org", "other_org", "total"]);
        assert!(
            missing.iter().all(|(_, m)| m.contains("may be this one")),
            "{missing:?}"
        );
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "new_received", "social_welfare_org"), Some(0.0));
        assert_eq!(cell(&apps, "new_received", "other_org"), None);
    }

    /// A table wider than the page, printed with its 总计 column cut off
    /// at the page's edge, its rulings running on past the text: a column
    /// no row has is `missing_column` (before, its cells read blank and
    /// every total was null without a word). A column left blank for
    /// zeros, or one whose name broke across lines, is not missing.
    #[test]
    fn a_column_cut_off_at_the_pages_edge_is_missing_not_blank() {
        let with_header = |top: &'static [&'static str], names: &'static [&'static str]| {
            let mut t: Vec<Vec<&str>> = vec![top.to_vec(), names.to_vec()];
            t.extend(THREE_ROWS.iter().map(|(r, _)| [*r, &[""]].concat()));
            let m = map_applications_of(&t);
            let missing: Vec<&str> = m
                .warnings
                .iter()
                .filter(|w| w.code == "missing_column")
                .filter_map(|w| w.column)
                .collect();
            (m.applications.expect("table 三"), missing)
        };
        let cut: &[&str] = &[
            "（本列数据的勾稽关系）@2x2",
            "自然人@2x1",
            "法人或其他组织@1x5",
            "@2x1",
        ];
        let (apps, missing) = with_header(cut, APPLICATION_HEADER[1]);
        assert_eq!(missing, ["total"]);
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(5.0));
        assert_eq!(cell(&apps, "new_received", "total"), None);
        // 总计 printed over blank cells: blank, not missing.
        let (apps, missing) = with_header(APPLICATION_HEADER[0], APPLICATION_HEADER[1]);
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(cell(&apps, "new_received", "legal_service_org"), Some(2.0));
        // 商业企业 broken to its last character: unread, not missing.
        let broken: &[&str] = &["业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
        let (apps, missing) = with_header(APPLICATION_HEADER[0], broken);
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(
            cell(&apps, "new_received", "commercial_enterprise"),
            Some(1.0)
        );
    }

    /// The (row, column) of each `unread_cell` warning.
    fn unread_cells(m: &Mapped) -> Vec<(Option<&'static str>, Option<&'static str>)> {
        m.warnings
            .iter()
            .filter(|w| w.code == "unread_cell")
            .map(|w| (w.row, w.column))
            .collect()
    }

    /// 一、本年新收's label drawn over its 自然人 cell: that value is null,
    /// and says so (`unread_cell`), as other rows have the column; the
    /// checks skip relations naming it.
    #[test]
    fn a_cell_a_label_is_drawn_over_is_an_unread_cell() {
        let header: Vec<&str> = std::iter::once("（本列数据的勾稽关系）")
            .chain(APPLICANT_COLUMNS.iter().map(|c| c.label))
            .collect();
        let others: Vec<[&str; 8]> = [
            "二、上年结转政府信息公开申请数量",
            "（一）予以公开",
            "（七）总计",
        ]
        .map(|label| [label, "3", "0", "0", "0", "0", "0", "3"])
        .to_vec();
        let mut rows: Vec<&[&str]> = vec![
            &header,
            &[
                "一、本年新收政府信息公开申请数量@1x2",
                "0",
                "0",
                "0",
                "1",
                "0",
                "19",
            ],
        ];
        rows.extend(others.iter().map(|r| r.as_slice()));
        let t = Table::from_texts(&rows);
        let m = map_tables(&[(TableKind::Applications, &t)], &[0], Some(2023), false);
        assert_eq!(
            unread_cells(&m),
            [(Some("new_received"), Some("natural_person"))]
        );
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "new_received", "natural_person"), None);
        assert_eq!(cell(&apps, "new_received", "total"), Some(19.0));
        assert_eq!(cell(&apps, "carried_over", "natural_person"), Some(3.0));
    }

    /// A header band cut by a ruling under its names (printed with exact
    /// line spacing, LibreOffice closes each header cell on its first
    /// line): 自然人 and 总计 stand on a row of their own above blank
    /// cells, beside an empty column the table ends with. That row is
    /// header, not a row of figures named by its 总计 (before, the band
    /// ended above it, 总计 named nothing and the total column was missing).
    #[test]
    fn header_names_over_blank_cells_cut_off_by_a_ruling_still_name_their_columns() {
        let mut rows: Vec<Vec<&str>> = vec![
            vec!["（本列数据的勾稽关系）@2x2", "申请人情况@1x8"],
            vec!["自然人", "法人或其他组织@1x5", "总计", ""],
            [&["@1x2", ""], APPLICATION_HEADER[1], &["", ""]].concat(),
        ];
        rows.extend(
            THREE_ROWS
                .iter()
                .map(|(r, total)| [*r, &[*total, ""]].concat()),
        );
        let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let t = Table::from_texts(&refs);
        let m = map_tables(&[(TableKind::Applications, &t)], &[0], Some(2023), false);
        assert!(!m.warnings.iter().any(|w| w.code == "missing_column"));
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "new_received", "total"), Some(8.0));
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(5.0));
        assert_eq!(cell(&apps, "disclosed", "legal_service_org"), Some(1.0));
    }

    /// A browser prints table 三's header (a <thead>) again at the top of
    /// each page; a page may then start with a row of a group's sums that
    /// the template does not list (（四）无法提供). Its figures are no header
    /// words: the repeated header keeps naming every column (before, the
    /// band ran on over that row, 其 | 他 | 4 named nothing, and the rows
    /// below lost their 其他 figures without a warning).
    #[test]
    fn a_row_of_group_sums_below_a_repeated_header_is_no_header() {
        let header: [&[&str]; 3] = [
            &[
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@3x2",
                "申请人情况@1x7",
            ],
            &["自然人@2x1", "法人或其他组织@1x5", "总计@2x1"],
            &[
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
            ],
        ];
        let figures = ["3", "0", "0", "0", "1", "4", "8"];
        let row = |labels: &[&'static str]| -> Vec<&'static str> {
            labels.iter().copied().chain(figures).collect()
        };
        let first = row(&["一、本年新收政府信息公开申请数量@1x2"]);
        let sums = row(&["（四）无法提供@1x2"]);
        let part = row(&["@3x1", "1.本机关不掌握相关政府信息"]);
        let next = row(&["2.没有现成信息需要另行制作"]);
        let mut rows: Vec<&[&str]> = header.to_vec();
        rows.push(&first);
        rows.extend(header);
        rows.extend([&sums[..], &part[..], &next[..]]);
        let apps = applications_of(&Table::from_texts(&rows));
        for key in [
            "new_received",
            "unavailable_not_held",
            "unavailable_needs_creation",
        ] {
            assert_eq!(cell(&apps, key, "other_org"), Some(4.0), "{key}");
            assert_eq!(cell(&apps, key, "legal_service_org"), Some(1.0), "{key}");
            assert_eq!(cell(&apps, key, "total"), Some(8.0), "{key}");
        }
    }

    /// A table joined across pages whose parts were drawn with other column
    /// widths: a row's label stands a column right, in the header's first
    /// value column. With no label left of it, it is the row's label and the
    /// figures after it its values (before, the row read as a header row
    /// and was lost).
    #[test]
    fn words_in_the_value_area_of_a_row_without_a_label_are_its_label() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &[
                "一、本年新收政府信息公开申请数量@1x2",
                "5",
                "1",
                "0",
                "0",
                "0",
                "0",
                "6",
            ],
            &[
                "",
                "",
                "二、上年结转政府信息公开申请数量",
                "2",
                "0",
                "0",
                "0",
                "1",
                "0",
                "3",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(5.0));
        assert_eq!(cell(&apps, "carried_over", "natural_person"), Some(2.0));
        assert_eq!(cell(&apps, "carried_over", "legal_service_org"), Some(1.0));
        assert_eq!(cell(&apps, "carried_over", "total"), Some(3.0));
    }

    /// A borderless table 二 sub-table whose header line ends one page and
    /// whose row opens the next: the header is read as a line of text, the
    /// row as a table without a header. The line states the amount in 元,
    /// so the amount is converted (before, 51052800 元 was read as 51052800
    /// 万元, silently).
    #[test]
    fn an_amount_under_a_header_printed_as_a_line_of_text_takes_its_unit() {
        let t = Table::from_texts(&[&["政府集中采购", "", "", "", "378", "51052800"]]);
        let under = |caption: &str| {
            let tables = [(TableKind::Active, &t)];
            let m = map_tables_captioned(&tables, &[0], &[Some(caption)], Some(2020), false);
            let active = m.active.expect("table 二");
            let converted = m.warnings.iter().any(|w| w.code == "unit_converted");
            let items = cell(&active, "procurement", "items");
            (items, cell(&active, "procurement", "amount"), converted)
        };
        assert_eq!(
            under("信息内容采购项目数量采购总金额（元）"),
            (Some(378.0), Some(5105.28), true)
        );
        // In 万元, or a line that is no header: as printed.
        for caption in [
            "信息内容采购项目数量采购总金额（万元）",
            "本单位共采购1次，计51052800元。",
        ] {
            assert_eq!(
                under(caption),
                (Some(378.0), Some(51052800.0), false),
                "{caption}"
            );
        }
    }

    /// Table 二's rows beside a blank merged cell (the empty side column of
    /// a web page's layout table printed with its cells' borders): the row
    /// is named by its first label with text (before, by the blank cell:
    /// 行政事业性收费 and 政府集中采购 missing rows).
    #[test]
    fn an_active_row_after_a_blank_side_cell_is_read_by_its_label() {
        let t = Table::from_texts(&[
            &["@3x1", "信息内容", "采购项目数量", "采购总金额"],
            &["政府集中采购", "39", "315.54"],
            &["", "", ""],
        ]);
        let m = map_tables(&[(TableKind::Active, &t)], &[0], Some(2019), false);
        let active = m.active.expect("table 二");
        assert_eq!(cell(&active, "procurement", "items"), Some(39.0));
        assert_eq!(cell(&active, "procurement", "amount"), Some(315.54));
    }

    /// A converter lost 规章's last cell (LibreOffice's HTML export of a
    /// table whose cells span columns unevenly): its 现行有效件数 is null
    /// with an `unread_cell` warning, not silently; a row with no cells at
    /// all (its label run into the header's) and blank cells are left alone.
    #[test]
    fn an_active_row_short_of_a_cell_has_an_unread_cell() {
        let t = Table::from_texts(&[
            &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            &["规章", "0", "0"],
            &["行政规范性文件", "2", "", "11"],
        ]);
        let m = map_tables(&[(TableKind::Active, &t)], &[0], Some(2022), false);
        assert_eq!(unread_cells(&m), [(Some("regulations"), Some("in_force"))]);
        let active = m.active.expect("table 二");
        assert_eq!(cell(&active, "regulations", "issued"), Some(0.0));
        assert_eq!(cell(&active, "regulations", "in_force"), None);
        assert_eq!(cell(&active, "normative_documents", "repealed"), None);
    }

    /// A part of table 二 printed without borders, its header read as a
    /// paragraph: 不适用 in 规范性文件's first value cell read as the end of
    /// the row's label, and the row's two figures went to the first two
    /// columns (7 as 本年新制作, 58 as 本年新公开): silent wrong values.
    #[test]
    fn a_word_in_a_value_cell_of_a_table_without_header_is_no_label() {
        let t = Table::from_texts(&[
            &["规章", "", "", "", "0", "0", "0"],
            &["规范性文件", "", "", "", "不适用", "7", "58"],
        ]);
        let m = map_tables(&[(TableKind::Active, &t)], &[0], Some(2020), false);
        let active = m.active.expect("table 二");
        assert_eq!(cell(&active, "normative_documents", "new_made"), None);
        assert_eq!(
            cell(&active, "normative_documents", "new_published"),
            Some(7.0)
        );
        assert_eq!(
            cell(&active, "normative_documents", "total_published"),
            Some(58.0)
        );
        assert!(
            m.warnings
                .iter()
                .any(|w| w.code == "non_numeric_cell" && w.message.contains("不适用")),
            "{:?}",
            m.warnings
        );
    }

    /// The same in table 三, and a label of two cells (a group label beside
    /// the row's own) keeps both: only as many cells move as the row lacks.
    #[test]
    fn only_the_missing_values_are_taken_from_the_label_cells() {
        let t = Table::from_texts(&[
            &[
                "一、本年新收政府信息公开申请数量@1x2",
                "5",
                "1",
                "0",
                "0",
                "0",
                "0",
                "6",
            ],
            &[
                "三、本年度办理结果",
                "（一）予以公开",
                "不适用",
                "1",
                "0",
                "0",
                "0",
                "0",
                "1",
            ],
            &[
                "三、本年度办理结果",
                "（二）部分公开",
                "2",
                "0",
                "0",
                "0",
                "0",
                "0",
                "2",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(5.0));
        assert_eq!(cell(&apps, "disclosed", "natural_person"), None);
        assert_eq!(cell(&apps, "disclosed", "commercial_enterprise"), Some(1.0));
        assert_eq!(cell(&apps, "disclosed", "total"), Some(1.0));
        assert_eq!(
            cell(&apps, "partially_disclosed", "natural_person"),
            Some(2.0)
        );
        assert_eq!(cell(&apps, "partially_disclosed", "total"), Some(2.0));
    }

    /// （一）同意公开, the older wording of （一）予以公开, had been no row:
    /// its figures lost (`missing_row`, and the results no longer adding
    /// up to the received). 不同意公开, the withheld in that wording, holds
    /// 同意公开 and is still not the disclosed row.
    #[test]
    fn the_disclosed_row_worded_agree_to_disclose_is_that_row() {
        let received = [
            "一、本年新收政府信息公开申请数量@1x2",
            "5",
            "1",
            "0",
            "0",
            "0",
            "0",
            "6",
        ];
        let results = "三、本年度办理结果";
        let agreed = [results, "（一）同意公开", "4", "1", "0", "0", "0", "0", "5"];
        let partly = [results, "（二）部分公开", "1", "0", "0", "0", "0", "0", "1"];
        let refused = [
            results,
            "（三）不同意公开",
            "7",
            "0",
            "0",
            "0",
            "0",
            "0",
            "7",
        ];
        let apps = applications_of(&Table::from_texts(&[&received, &agreed, &partly, &refused]));
        assert_eq!(cell(&apps, "disclosed", "natural_person"), Some(4.0));
        assert_eq!(cell(&apps, "disclosed", "total"), Some(5.0));
        assert_eq!(cell(&apps, "partially_disclosed", "total"), Some(1.0));
        // 不同意公开 printed as a row of its own, before the disclosed row
        // or without one: not the disclosed row (it had taken its figures).
        let apps = applications_of(&Table::from_texts(&[&received, &refused, &partly]));
        assert_eq!(cell(&apps, "disclosed", "natural_person"), None);
        assert_eq!(cell(&apps, "disclosed", "total"), None);
        assert_eq!(cell(&apps, "partially_disclosed", "total"), Some(1.0));
    }

    /// Table 二's headers printed without borders, wrapped onto lines of
    /// their own (处理决 above the row of the other headers and 定数量 below
    /// it; 上一年 above and 项目数量 below): read a row at a time, 处理决定数量
    /// named no column (990 lost, no warning), and 项目数量 alone named
    /// 采购项目数量's column instead of 上一年项目数量's.
    #[test]
    fn table_two_headers_wrapped_onto_rows_of_their_own_name_their_columns() {
        let t = Table::from_texts(&[
            &["", "", "", "处理决"],
            &["信息内容", "上一年项目数量", "本年增/减", ""],
            &["", "", "", "定数量"],
            &["行政许可", "54", "减少3", "990"],
            &["第二十条第（六）项@1x4"],
            &["", "上一年", "", "处理决"],
            &["信息内容", "", "本年增/减", ""],
            &["", "项目数量", "", "定数量"],
            &["行政处罚", "683", "0", "7253"],
        ]);
        let m = map_tables(&[(TableKind::Active, &t)], &[0], Some(2020), false);
        let active = m.active.expect("table 二");
        assert_eq!(cell(&active, "licensing", "previous_items"), Some(54.0));
        assert_eq!(cell(&active, "licensing", "change"), Some(-3.0));
        assert_eq!(cell(&active, "licensing", "decisions"), Some(990.0));
        assert_eq!(cell(&active, "penalties", "previous_items"), Some(683.0));
        assert_eq!(cell(&active, "penalties", "change"), Some(0.0));
        assert_eq!(cell(&active, "penalties", "decisions"), Some(7253.0));
    }

    /// Table 三's header cut by a page break: 自然人 and 总计 printed on the
    /// page before, and the part on this page names the five 法人 columns
    /// and a 小计 beside them. The two unnamed edge columns after 其他 (小计
    /// and 总计) were more than the template has there, so 总计 named
    /// nothing: every row's total null, without a warning.
    #[test]
    fn a_subtotal_column_is_no_template_column_at_the_headers_edge() {
        let t = Table::from_texts(&[
            &[
                "",
                "",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "小计",
                "",
            ],
            &[
                "一、本年新收政府信息公开申请数量",
                "23",
                "2",
                "1",
                "0",
                "0",
                "1",
                "4",
                "27",
            ],
            &[
                "二、上年结转政府信息公开申请数量",
                "2",
                "0",
                "0",
                "0",
                "0",
                "0",
                "0",
                "2",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "new_received", "natural_person"), Some(23.0));
        assert_eq!(cell(&apps, "new_received", "other_org"), Some(1.0));
        assert_eq!(cell(&apps, "new_received", "total"), Some(27.0));
        assert_eq!(cell(&apps, "carried_over", "total"), Some(2.0));
    }

    /// A long label's head alone, its end lost past a page break (a print
    /// that drops the line): `5.要求行政机关确认或重`, `1.申请人无正当理由逾期`
    /// and `2.申请人逾期未按收费通` still name their rows (their figures
    /// were null, the rows reported missing).
    #[test]
    fn a_long_labels_head_alone_names_its_row() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &[
                "5.要求行政机关确认或重@1x2",
                "18",
                "2",
                "0",
                "0",
                "1",
                "0",
                "21",
            ],
            &["（六）其他处理@1x2", "3", "0", "0", "0", "0", "0", "3"],
            &[
                "1.申请人无正当理由逾期@1x2",
                "2",
                "0",
                "0",
                "0",
                "0",
                "0",
                "2",
            ],
            &[
                "2.申请人逾期未按收费通@1x2",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
                "1",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), Some(21.0));
        assert_eq!(
            cell(&apps, "unprocessed_confirmation", "commercial_enterprise"),
            Some(2.0)
        );
        assert_eq!(cell(&apps, "other_no_correction", "total"), Some(2.0));
        assert_eq!(cell(&apps, "other_unpaid_fee", "total"), Some(1.0));
    }

    /// A label wrapped across a ruling (the grid drawn row by row, each
    /// line of a tall label a row of its own): `5.要求行政机关` over
    /// `确认或重新出具已获取信息` and the figures. Neither half named a row, and the
    /// row's figures were lost (flagged only by the column sums).
    #[test]
    fn a_label_wrapped_across_a_ruling_names_the_row_below() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &[
                "4.无正当理由大量反复申请@1x2",
                "7",
                "0",
                "0",
                "0",
                "0",
                "1",
                "8",
            ],
            &["5.要求行政机关@1x2", "", "", "", "", "", "", ""],
            &[
                "确认或重新出具已获取信息@1x2",
                "10",
                "0",
                "0",
                "0",
                "0",
                "0",
                "10",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "unprocessed_excessive", "total"), Some(8.0));
        assert_eq!(
            cell(&apps, "unprocessed_confirmation", "natural_person"),
            Some(10.0)
        );
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), Some(10.0));
    }

    /// A borderless table's cells aligned to their top: a label's figures
    /// beside its first line (`5.要求行政机关`, which names no row),
    /// its end alone on the row below. The end is not read as a row of its
    /// own, nor is a label of its own (2.重复申请) read as an end.
    #[test]
    fn a_labels_end_on_the_row_below_its_figures_names_the_row() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &["5.要求行政机关@1x2", "6", "0", "0", "0", "1", "0", "7"],
            &["确认或重新出具已获取信息@1x2", "", "", "", "", "", "", ""],
            &["1.申请人无正当理由@1x2", "2", "0", "0", "0", "0", "0", "2"],
            &["2.重复申请@1x2", "", "", "", "", "", "", ""],
        ]);
        let apps = applications_of(&t);
        assert_eq!(
            cell(&apps, "unprocessed_confirmation", "natural_person"),
            Some(6.0)
        );
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), Some(7.0));
        assert_eq!(cell(&apps, "other_no_correction", "total"), None);
        assert_eq!(cell(&apps, "unprocessed_duplicate", "total"), None);
    }

    /// A row named on its label's first line, its figures on the next line
    /// by the label's end, keeps them: the label opened on the row below
    /// (2.没有现成信息需要另行 | 制作) is not read as the end of theirs.
    #[test]
    fn figures_under_a_named_label_are_its_own_before_a_label_opened_below() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &["1.本机关不掌握相关政府@1x2", "", "", "", "", "", "", ""],
            &["信息@1x2", "62", "4", "0", "0", "1", "1", "68"],
            &[
                "理结果",
                "2.没有现成信息需要另行",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &["制作@1x2", "19", "2", "0", "1", "0", "1", "23"],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "unavailable_not_held", "total"), Some(68.0));
        assert_eq!(
            cell(&apps, "unavailable_needs_creation", "total"),
            Some(23.0)
        );
    }

    /// Rows whose cells have other widths than the rows above (a Word
    /// table drawn by hand, printed with its rulings): a row's labels stand
    /// in the header's first value columns and its seven figures further
    /// right. They are read by their labels, the figures in order (they
    /// had been missing rows).
    #[test]
    fn rows_printed_columns_right_of_the_header_are_read_by_their_labels() {
        let t = Table::from_texts(&[
            &[
                "项目@1x2",
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
                "备注@1x2",
            ],
            &[
                "（二）部分公开@1x2",
                "3",
                "0",
                "0",
                "0",
                "0",
                "0",
                "3",
                "@1x2",
            ],
            // One column right: the label, then the figures (the last under
            // 备注, which names no column of the template's).
            &[
                "（三）",
                "",
                "1.属于国家秘密",
                "1",
                "0",
                "0",
                "0",
                "0",
                "2",
                "3",
            ],
            // Two right: the group's title and the label, then the figures.
            &[
                "（三）",
                "",
                "不予公开",
                "2.其他法律行政法规禁止公开",
                "0",
                "4",
                "0",
                "0",
                "0",
                "0",
                "4",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "partially_disclosed", "total"), Some(3.0));
        assert_eq!(
            cell(&apps, "withheld_state_secret", "natural_person"),
            Some(1.0)
        );
        assert_eq!(cell(&apps, "withheld_state_secret", "other_org"), Some(2.0));
        assert_eq!(cell(&apps, "withheld_state_secret", "total"), Some(3.0));
        let row = "withheld_prohibited_by_law";
        assert_eq!(cell(&apps, row, "commercial_enterprise"), Some(4.0));
        assert_eq!(cell(&apps, row, "total"), Some(4.0));
    }

    /// （六）其他处理 — a group's label that names a row of its own (the 2019
    /// template's) — beside its first part's label, both pushed right of the
    /// header's first value column (a DOCX printed by LibreOffice, its rows
    /// of other widths than the header's): the row is the part's, not
    /// （六）'s (its figures had gone to other_handling, other_no_correction
    /// missing). Words that name no row there are a note in a count's cell.
    #[test]
    fn a_group_label_naming_a_row_beside_its_parts_label_right_of_the_header_is_the_parts_row() {
        let t = Table::from_texts(&[
            &[
                "项目",
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
                "@1x2",
            ],
            &[
                "一、本年新收政府信息公开申请数量",
                "14",
                "0",
                "0",
                "0",
                "1",
                "0",
                "15",
                "@1x2",
            ],
            &[
                "",
                "（六）其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "6",
                "0",
                "0",
                "0",
                "1",
                "0",
                "7",
            ],
            &[
                "",
                "",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "2",
                "0",
                "0",
                "0",
                "0",
                "0",
                "2",
            ],
            &["", "", "3.其他", "5", "0", "0", "0", "0", "0", "5"],
        ]);
        let apps = applications_of(&t);
        let row = "other_no_correction";
        assert_eq!(cell(&apps, row, "natural_person"), Some(6.0));
        assert_eq!(cell(&apps, row, "legal_service_org"), Some(1.0));
        assert_eq!(cell(&apps, row, "total"), Some(7.0));
        assert_eq!(cell(&apps, "other_unpaid_fee", "total"), Some(2.0));
        assert_eq!(cell(&apps, "other_misc", "natural_person"), Some(5.0));
        // Summed from its three parts, as when it is not printed.
        assert_eq!(cell(&apps, "other_handling", "total"), Some(14.0));
    }

    /// A row's figures printed on two lines (cells centred on their row,
    /// full-width digits in a font that sits lower in some cells): the
    /// second line fills exactly the cells the first left blank, and is
    /// the same row's (its figures had been lost, silently). A line of
    /// figures that overlaps the row's is not taken.
    #[test]
    fn figures_filling_the_blank_cells_of_the_row_above_are_its_own() {
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &[
                "1.本机关不掌握相关政府信息@1x2",
                "３",
                "０",
                "",
                "",
                "０",
                "０",
                "４",
            ],
            &["@1x2", "", "", "１", "０", "", "", ""],
            &[
                "2.没有现成信息需要另行制作@1x2",
                "５",
                "",
                "",
                "",
                "",
                "",
                "５",
            ],
            &["@1x2", "１", "２", "", "", "", "", ""],
        ]);
        let apps = applications_of(&t);
        let row = "unavailable_not_held";
        assert_eq!(cell(&apps, row, "natural_person"), Some(3.0));
        assert_eq!(cell(&apps, row, "research_institution"), Some(1.0));
        assert_eq!(cell(&apps, row, "social_welfare_org"), Some(0.0));
        assert_eq!(cell(&apps, row, "total"), Some(4.0));
        assert_eq!(
            cell(&apps, "unavailable_needs_creation", "natural_person"),
            Some(5.0)
        );
        assert_eq!(
            cell(&apps, "unavailable_needs_creation", "commercial_enterprise"),
            None
        );
        // The same with the figures set a line higher (cells aligned to
        // their bottom): the line over a row fills exactly its blanks.
        let t = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &["@1x2", "", "", "", "", "０", "０", ""],
            &[
                "（一）予以公开@1x2",
                "４０",
                "４",
                "０",
                "０",
                "",
                "",
                "４４",
            ],
            &["@1x2", "", "２", "", "", "", "", ""],
            &[
                "（二）部分公开@1x2",
                "７",
                "０",
                "０",
                "０",
                "０",
                "０",
                "７",
            ],
        ]);
        let apps = applications_of(&t);
        assert_eq!(cell(&apps, "disclosed", "legal_service_org"), Some(0.0));
        assert_eq!(cell(&apps, "disclosed", "other_org"), Some(0.0));
        assert_eq!(cell(&apps, "disclosed", "total"), Some(44.0));
        assert_eq!(
            cell(&apps, "partially_disclosed", "commercial_enterprise"),
            Some(0.0)
        );
    }

    /// The same with the row cut by a page break: the label's end opens
    /// the table's next part.
    #[test]
    fn a_labels_end_atop_the_next_part_names_the_row_above() {
        let a = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &[
                "4.无正当理由大量反复申请@1x2",
                "1",
                "0",
                "0",
                "0",
                "0",
                "0",
                "1",
            ],
            &["5.要求行政机关@1x2", "6", "0", "0", "0", "1", "0", "7"],
        ]);
        let b = Table::from_texts(&[
            &["确认或重新出具已获取信息@1x2", "", "", "", "", "", "", ""],
            &["（七）总计@1x2", "9", "0", "0", "0", "1", "0", "10"],
        ]);
        let m = map_tables(
            &[(TableKind::Applications, &a), (TableKind::Applications, &b)],
            &[0, 1],
            Some(2023),
            false,
        );
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), Some(7.0));
        assert_eq!(cell(&apps, "results_total", "total"), Some(10.0));
        // Under the header repeated at the next part's top, the same.
        let repeated = Table::from_texts(&[
            APPLICATION_HEADER[0],
            APPLICATION_HEADER[1],
            &["确认或重新出具已获取信息@1x2", "", "", "", "", "", "", ""],
            &["（七）总计@1x2", "9", "0", "0", "0", "1", "0", "10"],
        ]);
        let m = map_tables(
            &[
                (TableKind::Applications, &a),
                (TableKind::Applications, &repeated),
            ],
            &[0, 1],
            Some(2023),
            false,
        );
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), Some(7.0));
        assert_eq!(cell(&apps, "results_total", "total"), Some(10.0));
        // Another table between the two parts: the next part's first row
        // is no end of this one's last label.
        let m = map_tables(
            &[(TableKind::Applications, &a), (TableKind::Applications, &b)],
            &[0, 2],
            Some(2023),
            false,
        );
        let apps = m.applications.expect("table 三");
        assert_eq!(cell(&apps, "unprocessed_confirmation", "total"), None);
    }

    /// Table 四 in the official layout with its group headers drawn out of
    /// place (行政复议 over one column, 复议后起诉 over nine): the result
    /// labels that remain agree with the template's positions, so the
    /// fifteen columns are the template's.
    #[test]
    fn review_columns_whose_group_headers_are_misdrawn_follow_their_result_labels() {
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let row1: Vec<String> = results
            .iter()
            .map(|r| format!("{r}@2x1"))
            .chain(["未经复议直接起诉".to_string(), "复议后起诉@1x9".to_string()])
            .collect();
        let row2: Vec<&str> = results
            .iter()
            .chain(&results[..2])
            .copied()
            .chain(["", "", ""])
            .collect();
        let figures: Vec<String> = (1..=15).map(|n| n.to_string()).collect();
        let row1: Vec<&str> = row1.iter().map(String::as_str).collect();
        let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
        let t = Table::from_texts(&[&["行政复议", "行政诉讼@1x14"], &row1, &row2, &figures]);
        let m = map_tables(&[(TableKind::Reviews, &t)], &[0], Some(2023), false);
        let r = m.reviews.expect("table 四");
        assert_eq!(cell(&r, "administrative_review", "total"), Some(5.0));
        assert_eq!(cell(&r, "litigation_direct", "upheld"), Some(6.0));
        assert_eq!(cell(&r, "litigation_after_review", "upheld"), Some(11.0));
        assert_eq!(cell(&r, "litigation_after_review", "total"), Some(15.0));
    }

    /// 行政复议's result headers set vertically in cells too short for them
    /// (LibreOffice): each last character runs down into the figure below
    /// (`结果维` over `持112`). Those four cells hold no figure: null, each
    /// with an `unread_cell` warning (before: null without a word).
    #[test]
    fn review_figures_a_header_ran_into_are_unread_cells() {
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let cut = [
            "结果维@2x1",
            "结果纠@2x1",
            "其他结@2x1",
            "尚未审@2x1",
            "总计@2x1",
        ];
        let row1: Vec<&str> = cut
            .iter()
            .copied()
            .chain(["未经复议直接起诉@1x5", "复议后起诉@1x5"])
            .collect();
        let row2: Vec<&str> = results.iter().chain(&results).copied().collect();
        let figures = [
            "持112", "正16", "果32", "结13", "173", "45", "5", "13", "12", "75", "3", "1", "2",
            "0", "6",
        ];
        let t = Table::from_texts(&[&["行政复议@1x5", "行政诉讼@1x10"], &row1, &row2, &figures]);
        let m = map_tables(&[(TableKind::Reviews, &t)], &[0], Some(2023), false);
        let group = Some("administrative_review");
        assert_eq!(
            unread_cells(&m),
            ["upheld", "corrected", "other", "pending"].map(|c| (group, Some(c)))
        );
        let r = m.reviews.expect("table 四");
        assert_eq!(cell(&r, "administrative_review", "upheld"), None);
        assert_eq!(cell(&r, "administrative_review", "total"), Some(173.0));
        assert_eq!(cell(&r, "litigation_direct", "upheld"), Some(45.0));
    }

    /// Table 四 wider than the page, cut after its twelfth column: header
    /// and figures stop there. The three cells the row does not reach are
    /// `missing_column` (before: null without a word); blank cells the row
    /// does reach are blank.
    #[test]
    fn review_cells_cut_off_at_the_pages_edge_are_missing_not_blank() {
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let row1: Vec<String> = results
            .iter()
            .map(|r| format!("{r}@2x1"))
            .chain([
                "未经复议直接起诉@1x5".to_string(),
                "复议后起诉@1x2".to_string(),
            ])
            .collect();
        let row2: Vec<&str> = results.iter().chain(&results[..2]).copied().collect();
        let missing = |figures: &[&str]| {
            let row1: Vec<&str> = row1.iter().map(String::as_str).collect();
            let t = Table::from_texts(&[&["行政复议@1x5", "行政诉讼@1x7"], &row1, &row2, figures]);
            let m = map_tables(&[(TableKind::Reviews, &t)], &[0], Some(2023), false);
            let r = m.reviews.expect("table 四");
            assert_eq!(cell(&r, "litigation_after_review", "corrected"), Some(2.0));
            assert_eq!(cell(&r, "litigation_after_review", "total"), None);
            m.warnings
                .iter()
                .filter(|w| w.code == "missing_column")
                .map(|w| (w.row.unwrap_or(""), w.column.unwrap_or("")))
                .collect::<Vec<_>>()
        };
        let cut = ["1", "0", "0", "0", "1", "2", "0", "0", "0", "2", "1", "2"];
        let group = "litigation_after_review";
        assert_eq!(
            missing(&cut),
            [(group, "other"), (group, "pending"), (group, "total")]
        );
        let blank = ["1", "0", "0", "0", "1", "2", "0", "", "", "2", "1", "2"];
        assert_eq!(missing(&blank).len(), 3);
    }

    /// Table 四 transposed (groups as rows) whose header was not read as a
    /// row (a borderless table's header taken for a line of text) and
    /// which a page break parts: each row naming its group with five
    /// cells is that group's results in the template's order (before, the
    /// litigation rows were read into 行政复议's columns and lost without a
    /// word). In a transposed table a group no row names is `missing_row`;
    /// one printed blank is not.
    #[test]
    fn transposed_review_rows_without_a_header_are_read_as_their_groups() {
        let review = Table::from_texts(&[&["行政复议", "109", "23", "25", "22", "179"]]);
        let litigation = Table::from_texts(&[
            &[
                "行政诉讼@2x1",
                "未经复议直接起诉",
                "47",
                "5",
                "6",
                "6",
                "64",
            ],
            &["复议后起诉", "3", "0", "4", "2", "9"],
        ]);
        let parts = [
            (TableKind::Reviews, &review),
            (TableKind::Reviews, &litigation),
        ];
        let m = map_tables(&parts, &[0, 1], Some(2023), false);
        let r = m.reviews.expect("table 四");
        assert_eq!(cell(&r, "administrative_review", "total"), Some(179.0));
        assert_eq!(cell(&r, "litigation_direct", "upheld"), Some(47.0));
        assert_eq!(cell(&r, "litigation_direct", "total"), Some(64.0));
        assert_eq!(cell(&r, "litigation_after_review", "other"), Some(4.0));
        assert_eq!(cell(&r, "litigation_after_review", "total"), Some(9.0));
        assert!(m.warnings.is_empty(), "{:?}", m.warnings);

        // The second part lost: its two groups are missing rows.
        let m = map_tables(&parts[..1], &[0], Some(2023), false);
        let missing: Vec<_> = m.warnings.iter().map(|w| (w.code, w.row)).collect();
        assert_eq!(
            missing,
            [
                ("missing_row", Some("litigation_direct")),
                ("missing_row", Some("litigation_after_review")),
            ]
        );
        let r = m.reviews.expect("table 四");
        assert!(
            r.0.iter()
                .any(|(g, v)| *g == "litigation_direct" && v.is_none())
        );

        // With its header, a row printed blank is there, not missing.
        let header = [
            "项目",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
        ];
        let blank = ["复议后起诉", "", "", "", "", ""];
        let review_row = ["行政复议", "1", "0", "0", "0", "1"];
        let t = Table::from_texts(&[&header, &review_row, &blank]);
        let m = map_tables(&[(TableKind::Reviews, &t)], &[0], Some(2023), false);
        let missing: Vec<_> = m.warnings.iter().map(|w| w.row).collect();
        assert_eq!(missing, [Some("litigation_direct")]);
    }
}
