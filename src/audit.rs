//! `govreport show --html`: one report as a self-contained page to audit it
//! at a glance — the record's identity, the three tables with every value
//! (flagged ones marked, each warning beside them) and, for PDF and OFD,
//! a drawing of each page that holds a table: glyph boxes, rulings, the
//! grid the table finder saw and the cells that became values, like
//! pdfplumber's table-finder debug image. A value in the tables links to
//! its box on the page. No network, no framework: inline CSS and SVG and a
//! few lines of plain script.

use crate::read::fixed::PageContent;
use crate::record::{CellProvenance, Record, TableValues};
use crate::template::{
    ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Template,
    active_column_label, review_group_label,
};
use std::fmt::Write;

/// One page to draw: its number (1-based), what the reader saw on it and
/// the boxes of the table cells the layout stage found there.
pub struct PageDrawing<'a> {
    pub number: u32,
    pub page: &'a PageContent,
    pub grid: Vec<[f32; 4]>,
}

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub const STYLE: &str = "
body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5em;color:#222;max-width:1400px}
h1{font-size:1.3em;margin:.2em 0}h2{font-size:1.1em;margin:1.4em 0 .4em}
.meta{color:#555;font-size:.9em}.meta code{font-size:.85em}
table{border-collapse:collapse;font-size:.85em;margin:.3em 0}
th,td{border:1px solid #ccc;padding:2px 6px;text-align:right;white-space:nowrap}
th{background:#f3f3f3;font-weight:600}td.label,th.label{text-align:left;white-space:normal;max-width:26em}
td.null{color:#aaa}td.flag{background:#fde2e1;color:#b00;font-weight:700}
td a{color:inherit;text-decoration:none;border-bottom:1px dotted #888}
ul.warnings li{margin:.2em 0}.sev-error,.sev-warning{color:#b00}.sev-info{color:#666}
.code{font-family:monospace;background:#f3f3f3;padding:0 3px}
svg.page{border:1px solid #999;margin:.5em 0;background:#fff;max-width:100%;height:auto}
.legend span{display:inline-block;margin-right:1.2em;font-size:.85em}
.sw{display:inline-block;width:1em;height:.8em;vertical-align:middle;margin-right:.3em;border:1px solid}
rect.glyph{fill:none;stroke:#bbb;stroke-width:.3}text.ch{fill:#777}line.rule{stroke:#1f5fbf;stroke-width:.8}
rect.grid{fill:none;stroke:#2a9d3a;stroke-width:.6;stroke-dasharray:2 1}
rect.value{fill:rgba(255,165,0,.12);stroke:#e08a00;stroke-width:1}
rect.value.flag{fill:rgba(220,0,0,.2);stroke:#d00;stroke-width:1.6}
rect.value.focus{stroke:#000;stroke-width:2.5}
";

const SCRIPT: &str = "
document.addEventListener('click',function(e){var a=e.target.closest('a[href^=\"#b-\"]');if(!a)return;
document.querySelectorAll('rect.focus').forEach(function(r){r.classList.remove('focus')});
var r=document.getElementById(a.getAttribute('href').slice(1));if(r)r.classList.add('focus');});
";

/// Whether a warning names this cell (or its whole row).
fn flagged(r: &Record, table: &str, row: &str, col: &str) -> bool {
    r.warnings
        .iter()
        .any(|w| w.table == Some(table) && w.row == Some(row) && w.column.is_none_or(|c| c == col))
}

fn provenance<'r>(r: &'r Record, table: &str, row: &str, col: &str) -> Option<&'r CellProvenance> {
    let p = r.provenance.as_ref()?;
    let rows = &p.0.iter().find(|(k, _)| *k == table)?.1;
    let cols = &rows.0.iter().find(|(k, _)| *k == row)?.1;
    cols.0.iter().find(|(k, _)| *k == col).map(|(_, v)| v)
}

fn cell_id(table: &str, row: &str, col: &str) -> String {
    format!("{table}-{row}-{col}")
}

/// Where a value was printed, in words (the cell's tooltip).
fn place(p: &CellProvenance) -> String {
    match (p.page, p.bbox, p.table, p.row, p.col) {
        (Some(page), Some(b), ..) => format!(
            "\"{}\" on page {page} at ({:.0}, {:.0})–({:.0}, {:.0})",
            p.text, b[0], b[1], b[2], b[3]
        ),
        (_, _, Some(t), Some(r), Some(c)) => {
            format!("\"{}\" in table {t}, row {r}, column {c}", p.text)
        }
        _ => format!("\"{}\"", p.text),
    }
}

/// One value's table cell: the value, marked when flagged, linked to its
/// box on a drawn page.
fn value_cell(out: &mut String, r: &Record, t: &TableValues, table: &str, row: &str, col: &str) {
    let v = t.cell(row, col);
    let flag = flagged(r, table, row, col);
    let class = match (flag, v.is_some()) {
        (true, _) => " class=\"flag\"",
        (false, false) => " class=\"null\"",
        _ => "",
    };
    let text = v.map_or_else(|| "—".to_string(), |n| n.to_string());
    let id = cell_id(table, row, col);
    let p = provenance(r, table, row, col);
    let title = p.map(place).unwrap_or_default();
    let body = match p {
        Some(p) if p.bbox.is_some() => format!("<a href=\"#b-{id}\">{}</a>", esc(&text)),
        _ => esc(&text),
    };
    let _ = write!(
        out,
        "<td id=\"v-{id}\"{class} title=\"{}\">{body}</td>",
        esc(&title)
    );
}

fn tables_html(out: &mut String, r: &Record) {
    let template = if r.template == Some("2019") {
        Template::Y2019
    } else {
        Template::Y2021
    };
    out.push_str("<h2>二、主动公开政府信息情况</h2>");
    match &r.active_disclosure {
        None => out.push_str("<p>not found</p>"),
        Some(t) => {
            out.push_str(
                "<table><tr><th class=\"label\">信息内容</th><th colspan=\"3\">figures</th></tr>",
            );
            for def in ACTIVE_ROWS
                .iter()
                .filter(|d| !d.columns(template).is_empty())
            {
                let _ = write!(out, "<tr><td class=\"label\">{}</td>", esc(def.label));
                for c in def.columns(template) {
                    let label = active_column_label(def.key, c);
                    let _ = write!(out, "<td class=\"label\">{}</td>", esc(label));
                    value_cell(out, r, t, "active_disclosure", def.key, c);
                }
                out.push_str("</tr>");
            }
            out.push_str("</table>");
        }
    }
    out.push_str("<h2>三、收到和处理政府信息公开申请情况</h2>");
    let rows: Vec<(&str, &str)> = APPLICATION_ROWS
        .iter()
        .filter(|d| {
            d.only.is_none()
                || r.applications
                    .as_ref()
                    .is_some_and(|t| t.row(d.key).is_some())
        })
        .map(|d| (d.key, d.label))
        .collect();
    let cols: Vec<(&str, &str)> = APPLICANT_COLUMNS.iter().map(|c| (c.key, c.label)).collect();
    grid_html(out, r, "applications", &r.applications, &rows, &cols);
    out.push_str("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>");
    let rows: Vec<(&str, &str)> = REVIEW_GROUPS
        .iter()
        .map(|g| (*g, review_group_label(g)))
        .collect();
    let cols: Vec<(&str, &str)> = REVIEW_COLUMNS.iter().map(|c| (c.key, c.label)).collect();
    grid_html(
        out,
        r,
        "reviews_litigation",
        &r.reviews_litigation,
        &rows,
        &cols,
    );
}

/// A table of rows × columns (keys and labels), every value a cell.
fn grid_html(
    out: &mut String,
    r: &Record,
    table: &str,
    values: &Option<TableValues>,
    rows: &[(&str, &str)],
    cols: &[(&str, &str)],
) {
    let Some(t) = values else {
        out.push_str("<p>not found</p>");
        return;
    };
    out.push_str("<table><tr><th class=\"label\"></th>");
    for (_, label) in cols {
        let _ = write!(out, "<th>{}</th>", esc(label));
    }
    out.push_str("</tr>");
    for (row, label) in rows {
        let _ = write!(out, "<tr><td class=\"label\">{}</td>", esc(label));
        for (col, _) in cols {
            value_cell(out, r, t, table, row, col);
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

fn warnings_html(out: &mut String, r: &Record) {
    let _ = write!(out, "<h2>Warnings ({})</h2>", r.warnings.len());
    if r.warnings.is_empty() {
        out.push_str("<p>none: the report agrees with itself wherever it was checked.</p>");
        return;
    }
    out.push_str("<ul class=\"warnings\">");
    for w in &r.warnings {
        let sev = match w.severity {
            crate::record::Severity::Error => "error",
            crate::record::Severity::Warning => "warning",
            crate::record::Severity::Info => "info",
        };
        let link = match (w.table, w.row, w.column) {
            (Some(t), Some(row), Some(c)) => {
                format!(" <a href=\"#v-{}\">→ cell</a>", cell_id(t, row, c))
            }
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<li class=\"sev-{sev}\"><span class=\"code\">{}</span> {}{link}</li>",
            esc(w.code),
            esc(&w.message)
        );
    }
    out.push_str("</ul>");
}

/// Every value's box on page `number`: (id, box, flagged, title).
fn value_boxes(r: &Record, number: u32) -> Vec<(String, [f32; 4], bool, String)> {
    let mut out = Vec::new();
    let Some(p) = &r.provenance else { return out };
    for (table, rows) in &p.0 {
        for (row, cols) in &rows.0 {
            for (col, at) in &cols.0 {
                if let (Some(page), Some(b)) = (at.page, at.bbox)
                    && page == number
                {
                    out.push((
                        cell_id(table, row, col),
                        b,
                        flagged(r, table, row, col),
                        format!("{table}.{row}.{col}: {}", place(at)),
                    ));
                }
            }
        }
    }
    out
}

fn page_svg(out: &mut String, r: &Record, d: &PageDrawing<'_>) {
    let p = d.page;
    let _ = write!(
        out,
        "<h3 id=\"page-{n}\">Page {n}</h3><svg class=\"page\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.1} {h:.1}\" width=\"{w2:.0}\" height=\"{h2:.0}\">",
        n = d.number,
        w = p.width,
        h = p.height,
        w2 = p.width * 1.5,
        h2 = p.height * 1.5
    );
    for c in &p.chars {
        let (w, h) = ((c.x1 - c.x0).max(0.1), (c.y1 - c.y0).max(0.1));
        let _ = write!(
            out,
            "<rect class=\"glyph\" x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"/>",
            c.x0, c.y0
        );
        // The character itself, small and grey, so the page reads.
        if c.upright() && !c.text.trim().is_empty() {
            let _ = write!(
                out,
                "<text class=\"ch\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\">{}</text>",
                c.x0,
                c.y1 - 0.15 * h,
                0.8 * h,
                esc(&c.text)
            );
        }
    }
    for s in &p.segments {
        let _ = write!(
            out,
            "<line class=\"rule\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
            s.x0, s.y0, s.x1, s.y1
        );
    }
    for b in &d.grid {
        let _ = write!(
            out,
            "<rect class=\"grid\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>",
            b[0],
            b[1],
            (b[2] - b[0]).max(0.1),
            (b[3] - b[1]).max(0.1)
        );
    }
    for (id, b, flag, title) in value_boxes(r, d.number) {
        let _ = write!(
            out,
            "<rect id=\"b-{id}\" class=\"value{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>{}</title></rect>",
            if flag { " flag" } else { "" },
            b[0],
            b[1],
            (b[2] - b[0]).max(0.1),
            (b[3] - b[1]).max(0.1),
            esc(&title)
        );
    }
    out.push_str("</svg>");
}

/// The audit page of a document: extracted with provenance and, for PDF
/// and OFD, the pages that hold a table or a value drawn as the reader saw
/// them.
pub fn audit_document(bytes: &[u8], path: &str, opts: &crate::Options) -> (Record, String) {
    let mut opts = opts.clone();
    opts.provenance = true;
    let rec = crate::extract(bytes, path, &opts);
    let format = crate::read::sniff(bytes);
    let deadline = crate::read::Deadline::after(opts.limits.timeout);
    let pages = match format {
        crate::read::Format::Pdf => crate::read::pdf::pages(bytes, &opts.limits, &deadline).ok(),
        crate::read::Format::Ofd => crate::read::ofd::pages(bytes, &opts.limits, &deadline).ok(),
        _ => None,
    };
    let Some(pages) = pages.filter(|_| rec.error.is_none()) else {
        return (rec.clone(), audit_html(&rec, &[]));
    };
    // The grid the layout stage found: every table cell's box, by page.
    let mut grid: Vec<Vec<[f32; 4]>> = vec![Vec::new(); pages.len()];
    if let Ok(doc) = crate::read::read(bytes, format, &opts.limits) {
        for b in &doc.blocks {
            if let crate::model::Block::Table(t) = b {
                for c in &t.cells {
                    if let Some(at) = c.at
                        && let Some(g) = grid.get_mut((at.page as usize).wrapping_sub(1))
                    {
                        g.push(at.bbox);
                    }
                }
            }
        }
    }
    let drawings: Vec<PageDrawing<'_>> = pages
        .iter()
        .zip(grid)
        .enumerate()
        .map(|(i, (page, grid))| PageDrawing {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            page,
            grid,
        })
        .filter(|d| !d.grid.is_empty() || !value_boxes(&rec, d.number).is_empty())
        .collect();
    let html = audit_html(&rec, &drawings);
    (rec, html)
}

/// The audit page of one record; `pages` are the drawn pages of a PDF or
/// OFD (empty for the other formats).
pub fn audit_html(r: &Record, pages: &[PageDrawing<'_>]) -> String {
    let mut out = String::new();
    let title = r.title.as_deref().unwrap_or("(no title)");
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>",
        esc(title)
    );
    let _ = write!(out, "<h1>{}</h1>", esc(title));
    let _ = write!(
        out,
        "<p class=\"meta\">{} · {} · template {} · {} · <code>{}</code><br>sha256 <code>{}</code> · {}</p>",
        esc(r.agency.as_deref().unwrap_or("(no agency)")),
        r.year.map_or("(no year)".into(), |y| y.to_string()),
        r.template.unwrap_or("—"),
        esc(&r.source.format),
        esc(&r.source.path),
        esc(&r.source.sha256),
        esc(&r.source.tool)
    );
    if let Some(e) = &r.error {
        let _ = write!(
            out,
            "<p class=\"sev-error\"><span class=\"code\">{}</span> {}</p></body></html>",
            esc(e.code),
            esc(&e.message)
        );
        return out;
    }
    warnings_html(&mut out, r);
    tables_html(&mut out, r);
    if !pages.is_empty() {
        out.push_str("<h2>Pages with tables</h2><p class=\"legend\"><span><i class=\"sw\" style=\"border-color:#bbb\"></i>glyph</span><span><i class=\"sw\" style=\"border-color:#1f5fbf;background:#1f5fbf\"></i>ruling</span><span><i class=\"sw\" style=\"border-color:#2a9d3a;border-style:dashed\"></i>table grid found</span><span><i class=\"sw\" style=\"border-color:#e08a00;background:#ffe9c7\"></i>cell read as a value</span><span><i class=\"sw\" style=\"border-color:#d00;background:#f6c4c4\"></i>flagged value</span></p>");
        for d in pages {
            page_svg(&mut out, r, d);
        }
    }
    let _ = write!(out, "<script>{SCRIPT}</script></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
