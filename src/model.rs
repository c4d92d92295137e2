//! The common document model every reader produces: blocks in reading order,
//! each a paragraph or a table whose merged cells are already resolved.
//! Nothing after `read/` knows which format a document came from.

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// What a reader could not fully read, as (warning code, message); the
    /// record reports them as info warnings.
    pub notes: Vec<(&'static str, String)>,
    /// What a web page says of the document beside its text (empty for
    /// other formats).
    pub page_info: PageInfo,
}

/// A web page's word on the document it carries, outside the document's
/// own text: its metadata and its info line (发布时间…来源…), which readers
/// drop as site chrome. Used only when the report itself does not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageInfo {
    /// The title in the page's metadata (`<meta name="ArticleTitle">`).
    pub title: Option<String>,
    /// The body the page names as the document's source
    /// (`<meta name="ContentSource">`, `来源：某局`).
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
    /// A picture in the flow of text (its alt text, if any): a table
    /// published as an image shows up here instead of as a table.
    Image(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// Text as printed, automatic numbering label included (`一、总体情况`).
    /// Line breaks inside the paragraph are `\n`.
    pub text: String,
    /// Outline level (0 = top) when the source marks the paragraph as a heading.
    pub heading_level: Option<u8>,
}

/// One cell of a table: its top-left grid position and how far it spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    /// The cell's paragraphs, joined by `\n`.
    pub text: String,
    /// Blocks inside the cell (paragraphs and nested tables), kept so that
    /// layout tables can be unwrapped into the body.
    pub blocks: Vec<Block>,
    /// Where a fixed-layout page (PDF, OFD) printed it.
    pub at: Option<PageBox>,
}

impl Cell {
    /// A one-row, one-column cell holding `text` as its one paragraph, not
    /// placed on a page.
    pub fn of_text(row: usize, col: usize, text: String) -> Cell {
        Cell {
            row,
            col,
            row_span: 1,
            col_span: 1,
            blocks: vec![Block::Paragraph(Paragraph {
                text: text.clone(),
                heading_level: None,
            })],
            text,
            at: None,
        }
    }
}

/// A box on a page: the page (1-based) and [x0, y0, x1, y1] in points from
/// the top-left corner of the page as displayed, y growing downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageBox {
    pub page: u32,
    pub bbox: [f32; 4],
}

/// Largest grid a table is given, in rows and in columns.
pub const MAX_GRID_ROWS: usize = 4096;
pub const MAX_GRID_COLS: usize = 256;

/// A rectangular grid: `grid[r][c]` is the index in `cells` of the cell covering
/// that position, or `None` where a row is shorter than the grid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub cells: Vec<Cell>,
    pub grid: Vec<Vec<Option<usize>>>,
}

/// A cell as seen from one row: `continued` is true when the cell started in an
/// earlier row (a vertical merge reaching down into this row).
#[derive(Debug, Clone, Copy)]
pub struct RowCell<'a> {
    pub cell: &'a Cell,
    pub continued: bool,
}

/// Cells of a table being built row by row, with vertical merges: for each
/// grid column, the cell that last covered it, so a merge continues in
/// constant time however long it runs (a 200,000-row merge stays linear).
#[derive(Default)]
pub struct CellBuilder {
    pub cells: Vec<Cell>,
    last_in_col: foldhash::HashMap<usize, usize>,
}

impl CellBuilder {
    pub fn push(&mut self, cell: Cell) {
        let i = self.cells.len();
        let end = cell.col.saturating_add(cell.col_span).min(MAX_GRID_COLS);
        for c in cell.col..end {
            self.last_in_col.insert(c, i);
        }
        self.cells.push(cell);
    }

    /// Continues a vertical merge: the cell that ends just above row `row`
    /// and covers column `col` grows by one row. Returns it, or `None` when
    /// no cell is there to continue (the caller then starts a new cell).
    pub fn merge_down(&mut self, row: usize, col: usize) -> Option<&mut Cell> {
        let i = *self.last_in_col.get(&col)?;
        let above = self.cells.get_mut(i)?;
        if above.row + above.row_span != row {
            return None;
        }
        above.row_span += 1;
        Some(above)
    }
}

impl Table {
    /// The rows above `row` and the rows from `row` on, as two tables; the
    /// table unchanged when a merged cell with text crosses the cut or
    /// either part would be empty. A blank merged cell crossing it is cut
    /// in two (the empty side column of a web page's layout table printed
    /// with its cells' borders, beside the report's tables).
    pub fn split_at_row(mut self, row: usize) -> Result<(Table, Table), Table> {
        let crosses = |c: &Cell| c.row < row && c.row + c.row_span > row;
        if row > 0
            && row < self.grid.len()
            && self.cells.iter().any(crosses)
            && self
                .cells
                .iter()
                .all(|c| !crosses(c) || c.text.trim().is_empty())
        {
            let mut head = Vec::with_capacity(self.cells.len());
            let mut tail = Vec::new();
            for mut c in self.cells {
                if c.row >= row {
                    c.row -= row;
                    tail.push(c);
                } else if crosses(&c) {
                    let mut rest = c.clone();
                    rest.row = 0;
                    rest.row_span = c.row + c.row_span - row;
                    c.row_span = row - c.row;
                    head.push(c);
                    tail.push(rest);
                } else {
                    head.push(c);
                }
            }
            // Reading order, as the grid's builders store cells.
            tail.sort_by_key(|c| (c.row, c.col));
            return Ok((Table::from_cells(head), Table::from_cells(tail)));
        }
        // Cells are stored in reading order, so the tail's cells follow the
        // head's; checked rather than assumed.
        let split = self
            .cells
            .iter()
            .position(|c| c.row >= row)
            .unwrap_or(self.cells.len());
        if row == 0
            || row >= self.grid.len()
            || self
                .cells
                .iter()
                .any(|c| c.row < row && c.row + c.row_span > row)
            || self.cells[split..].iter().any(|c| c.row < row)
        {
            return Err(self);
        }
        let tail_grid = self.grid.split_off(row);
        let mut tail_cells = self.cells.split_off(split);
        for c in &mut tail_cells {
            c.row -= row;
        }
        let tail_grid = tail_grid
            .into_iter()
            .map(|r| r.into_iter().map(|i| i.map(|i| i - split)).collect())
            .collect();
        let tail = Table {
            cells: tail_cells,
            grid: tail_grid,
        };
        Ok((self, tail))
    }

    pub fn n_rows(&self) -> usize {
        self.grid.len()
    }

    pub fn n_cols(&self) -> usize {
        self.grid.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The distinct cells of row `r`, left to right (a horizontal merge once).
    pub fn row_cells(&self, r: usize) -> Vec<RowCell<'_>> {
        let mut out: Vec<RowCell<'_>> = Vec::with_capacity(self.grid.get(r).map_or(0, Vec::len));
        out.extend(self.row_cell_indices(r).map(|(i, continued)| RowCell {
            cell: &self.cells[i],
            continued,
        }));
        out
    }

    /// [`Table::row_cells`] as indices into `cells`, each with whether the
    /// cell started in an earlier row.
    pub fn row_cell_indices(&self, r: usize) -> impl Iterator<Item = (usize, bool)> + '_ {
        let mut last = None;
        self.grid
            .get(r)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(move |&idx| {
                if last == Some(idx) {
                    return None;
                }
                last = Some(idx);
                self.cells.get(idx).map(|cell| (idx, cell.row < r))
            })
    }

    /// Builds a table from cells given with positions and spans; a later cell
    /// never overwrites an earlier one (overlaps from bad merges are dropped),
    /// except that an empty cell never hides one with text (a sliver of a
    /// grid rebuilt from rulings lying over a header or a figure).
    /// Builds the grid. Cells past [`MAX_GRID_ROWS`] × [`MAX_GRID_COLS`] are
    /// dropped and spans cut at that edge: no file's spans or cell counts can
    /// size the grid (report tables have a few dozen rows and columns).
    pub fn from_cells(mut cells: Vec<Cell>) -> Table {
        cells.retain(|c| c.row < MAX_GRID_ROWS && c.col < MAX_GRID_COLS);
        for c in &mut cells {
            c.row_span = c.row_span.clamp(1, MAX_GRID_ROWS - c.row);
            c.col_span = c.col_span.clamp(1, MAX_GRID_COLS - c.col);
        }
        let n_rows = cells
            .iter()
            .map(|c| c.row + c.row_span.max(1))
            .max()
            .unwrap_or(0);
        let n_cols = cells
            .iter()
            .map(|c| c.col + c.col_span.max(1))
            .max()
            .unwrap_or(0);
        let mut grid: Vec<Vec<Option<usize>>> = vec![vec![None; n_cols]; n_rows];
        let blank = |i: usize| cells[i].text.trim().is_empty();
        for (i, c) in cells.iter().enumerate() {
            for row in grid.iter_mut().skip(c.row).take(c.row_span.max(1)) {
                for slot in row.iter_mut().skip(c.col).take(c.col_span.max(1)) {
                    if slot.is_none_or(|held| blank(held) && !blank(i)) {
                        *slot = Some(i);
                    }
                }
            }
        }
        Table { cells, grid }
    }

    /// A table written out for tests, row by row as the cells' texts; a cell
    /// spanning rows or columns ends in `@RxC` (`行政诉讼@1x10`). Cells take
    /// the next column not covered from above, as in HTML.
    #[cfg(test)]
    pub fn from_texts(rows: &[&[&str]]) -> Table {
        let mut covered: foldhash::HashSet<(usize, usize)> = Default::default();
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let mut c = 0;
            for text in *row {
                while covered.contains(&(r, c)) {
                    c += 1;
                }
                let (text, rs, cs) = match text.rsplit_once('@') {
                    Some((t, span)) => {
                        let (a, b) = span.split_once('x').expect("RxC");
                        (t, a.parse().expect("rows"), b.parse().expect("columns"))
                    }
                    None => (*text, 1, 1),
                };
                for dr in 0..rs {
                    for dc in 0..cs {
                        covered.insert((r + dr, c + dc));
                    }
                }
                cells.push(Cell {
                    row: r,
                    col: c,
                    row_span: rs,
                    col_span: cs,
                    text: text.to_string(),
                    blocks: Vec::new(),
                    at: None,
                });
                c += cs;
            }
        }
        Table::from_cells(cells)
    }

    /// All text of the table, cells in row order, for classifying it.
    pub fn all_text(&self) -> String {
        let mut s = String::new();
        for c in &self.cells {
            s.push_str(&c.text);
            s.push('\n');
        }
        s
    }
}

impl Document {
    /// Replaces layout tables (a report laid out inside a table, or a frame
    /// around the real table) by their content, so that later stages see the
    /// headings and data tables as if they stood in the body.
    pub fn unwrap_layout_tables(&mut self) {
        self.blocks = unwrap_blocks(std::mem::take(&mut self.blocks), 0);
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) | Block::Image(_) => None,
        })
    }
}

const MAX_UNWRAP_DEPTH: usize = 16;

fn unwrap_blocks(blocks: Vec<Block>, depth: usize) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        match b {
            Block::Table(t) if depth < MAX_UNWRAP_DEPTH && is_layout_table(&t) => {
                for cell in t.cells {
                    out.extend(unwrap_blocks(cell.blocks, depth + 1));
                }
            }
            Block::Table(mut t) => {
                // A data table may still hold nested tables in its cells; those are
                // not unwrapped (the cell text already carries their text).
                for c in &mut t.cells {
                    c.blocks.clear();
                }
                out.push(Block::Table(t));
            }
            p => out.push(p),
        }
    }
    out
}

/// A table used for page layout rather than data: a single cell, or a table
/// whose cells hold other tables or long prose.
fn is_layout_table(t: &Table) -> bool {
    if t.cells.len() == 1 {
        return true;
    }
    let holds_table = t
        .cells
        .iter()
        .any(|c| c.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    let holds_prose = t.cells.iter().any(|c| {
        c.blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(p) if p.text.chars().count() > 80))
            .count()
            >= 2
    });
    holds_table || holds_prose
}

impl std::fmt::Display for Document {
    /// A plain-text view of the model, for `govreport dump`: paragraphs as
    /// lines, tables as rows of `[r,c rs×cs] text` cells.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, b) in self.blocks.iter().enumerate() {
            match b {
                Block::Paragraph(p) => {
                    let level = p.heading_level.map_or(String::new(), |l| format!(" h{l}"));
                    writeln!(f, "#{i} P{level}: {}", p.text.replace('\n', "⏎"))?;
                }
                Block::Image(alt) => writeln!(f, "#{i} IMAGE {alt}")?,
                Block::Table(t) => {
                    writeln!(f, "#{i} TABLE {}×{}", t.n_rows(), t.n_cols())?;
                    for r in 0..t.n_rows() {
                        let cells: Vec<String> = t
                            .row_cells(r)
                            .iter()
                            .filter(|c| !c.continued)
                            .map(|c| {
                                let x = c.cell;
                                format!(
                                    "[{},{} {}×{}] {}",
                                    x.row,
                                    x.col,
                                    x.row_span,
                                    x.col_span,
                                    x.text.replace('\n', "⏎")
                                )
                            })
                            .collect();
                        writeln!(f, "    {}", cells.join(" | "))?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize, col: usize, rs: usize, cs: usize, text: &str) -> Cell {
        Cell {
            row,
            col,
            row_span: rs,
            col_span: cs,
            text: text.into(),
            blocks: vec![Block::Paragraph(Paragraph {
                text: text.into(),
                heading_level: None,
            })],
            at: None,
        }
    }

    #[test]
    fn row_cells_dedup_horizontal_and_flag_vertical_merges() {
        let t = Table::from_cells(vec![
            cell(0, 0, 2, 1, "三、本年度办理结果"),
            cell(0, 1, 1, 2, "（一）予以公开"),
            cell(1, 1, 1, 1, "（二）"),
            cell(1, 2, 1, 1, "0"),
        ]);
        let r0 = t.row_cells(0);
        assert_eq!(r0.len(), 2);
        let r1 = t.row_cells(1);
        assert_eq!(r1.len(), 3);
        assert!(r1[0].continued);
        assert_eq!(r1[0].cell.text, "三、本年度办理结果");
        assert!(!r1[1].continued);
    }

    /// A sliver cell of a grid rebuilt from near-coincident rulings starts
    /// in the same column as the header 处理决定数量 and came first: the
    /// header lost that column, and a row whose figure stood there lost it
    /// (行政强制's 5, no warning).
    #[test]
    fn an_empty_cell_never_hides_one_with_text() {
        let t = Table::from_cells(vec![
            cell(0, 0, 1, 1, "信息内容"),
            cell(0, 1, 1, 1, ""),
            cell(0, 1, 1, 2, "处理决定数量"),
            cell(1, 0, 1, 1, "行政强制"),
            cell(1, 1, 1, 2, "5"),
            cell(1, 2, 1, 1, " "),
        ]);
        let texts = |r: usize| -> Vec<&str> {
            t.row_cells(r)
                .iter()
                .map(|c| c.cell.text.as_str())
                .collect()
        };
        assert_eq!(texts(0), ["信息内容", "处理决定数量"]);
        // Text placed first keeps its place.
        assert_eq!(texts(1), ["行政强制", "5"]);
        // Two cells with text: the first placed keeps the overlap.
        let t = Table::from_cells(vec![cell(0, 0, 1, 2, "a"), cell(0, 1, 1, 1, "b")]);
        assert_eq!(t.row_cells(0).len(), 1);
    }

    #[test]
    fn one_cell_frame_is_unwrapped() {
        let inner = Table::from_cells(vec![cell(0, 0, 1, 1, "a"), cell(0, 1, 1, 1, "b")]);
        let mut frame = cell(0, 0, 1, 1, "");
        frame.blocks = vec![
            Block::Paragraph(Paragraph {
                text: "一、总体情况".into(),
                heading_level: None,
            }),
            Block::Table(inner.clone()),
        ];
        let mut doc = Document {
            blocks: vec![Block::Table(Table::from_cells(vec![frame]))],
            notes: Vec::new(),
            page_info: Default::default(),
        };
        doc.unwrap_layout_tables();
        assert_eq!(doc.blocks.len(), 2);
        assert!(matches!(&doc.blocks[1], Block::Table(t) if t.cells.len() == 2));
    }
}
