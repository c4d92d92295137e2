//! Writers: records as JSON Lines (default), JSON or CSV.

use crate::record::{Record, TableValues};
use crate::template::{
    ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Template,
};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Json,
    Csv,
}

/// The CSV's identity columns, before the table cells.
pub const IDENTITY: &[&str] = &[
    "path",
    "format",
    "sha256",
    "bytes",
    "title",
    "agency",
    "year",
    "template",
    "duplicate_of",
    "error_code",
    "error_message",
];

/// Every table cell column of schema `govreport/1`, in a fixed order: table
/// 二's rows and columns of both templates (2019 first, then the 2021-only
/// columns), table 三's rows × applicant columns, table 四's groups × columns.
pub fn cell_columns() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for row in ACTIVE_ROWS {
        let mut cols: Vec<&'static str> = row.columns(Template::Y2019).to_vec();
        for c in row.columns(Template::Y2021) {
            if !cols.contains(c) {
                cols.push(c);
            }
        }
        for c in cols {
            out.push(("active_disclosure", row.key, c));
        }
    }
    for row in APPLICATION_ROWS {
        for c in APPLICANT_COLUMNS {
            out.push(("applications", row.key, c.key));
        }
    }
    for g in REVIEW_GROUPS {
        for c in REVIEW_COLUMNS {
            out.push(("reviews_litigation", *g, c.key));
        }
    }
    out
}

/// The CSV header line's fields.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = IDENTITY.iter().map(|s| s.to_string()).collect();
    h.extend(
        cell_columns()
            .into_iter()
            .map(|(t, r, c)| format!("{t}.{r}.{c}")),
    );
    h.push("warning_codes".into());
    h
}

/// A text cell that a spreadsheet would run as a formula (`=…`, `+…`,
/// `-…`, `@…`, or starting with a tab or CR) gets a leading `'`, so a
/// hostile title or file name stays text. Numbers are written as numbers.
fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn table_of<'a>(r: &'a Record, t: &str) -> Option<&'a TableValues> {
    match t {
        "active_disclosure" => r.active_disclosure.as_ref(),
        "applications" => r.applications.as_ref(),
        _ => r.reviews_litigation.as_ref(),
    }
}

/// One record as a CSV row: values exactly as in JSON, empty for null.
pub fn csv_row(r: &Record, columns: &[(&'static str, &'static str, &'static str)]) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let text = |v: Option<String>| csv_text(&v.unwrap_or_default());
    let mut row = vec![
        csv_text(&r.source.path),
        r.source.format.clone(),
        r.source.sha256.clone(),
        r.source.bytes.to_string(),
        text(r.title.clone()),
        text(r.agency.clone()),
        opt(r.year.map(|y| y.to_string())),
        opt(r.template.map(str::to_string)),
        text(r.duplicate_of.clone()),
        opt(r.error.as_ref().map(|e| e.code.to_string())),
        text(r.error.as_ref().map(|e| e.message.clone())),
    ];
    for (t, rk, c) in columns {
        let v = table_of(r, t).and_then(|tv| tv.cell(rk, c));
        row.push(v.map(|n| n.to_string()).unwrap_or_default());
    }
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    row.push(codes.join(";"));
    row
}

/// Writes records one at a time, in the order given.
pub struct RecordWriter<W: Write> {
    out: W,
    format: OutputFormat,
    /// JSON: whether the output is an array (several inputs).
    array: bool,
    written: usize,
    columns: Vec<(&'static str, &'static str, &'static str)>,
}

impl<W: Write> RecordWriter<W> {
    /// `header`: write the CSV header line (not when appending to a file
    /// that has one); `bom`: start CSV with a UTF-8 BOM for Excel.
    pub fn new(
        mut out: W,
        format: OutputFormat,
        several: bool,
        header: bool,
        bom: bool,
    ) -> io::Result<Self> {
        if format == OutputFormat::Csv && header {
            if bom {
                out.write_all(b"\xEF\xBB\xBF")?;
            }
            let line: Vec<String> = csv_header().iter().map(|h| csv_field(h)).collect();
            out.write_all(line.join(",").as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(RecordWriter {
            out,
            format,
            array: several,
            written: 0,
            columns: cell_columns(),
        })
    }

    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                // One whole line per write, so an interrupted run leaves whole lines.
                let mut line = serde_json::to_vec(r).map_err(io::Error::other)?;
                line.push(b'\n');
                self.out.write_all(&line)?;
            }
            OutputFormat::Json => {
                let body = serde_json::to_string_pretty(r).map_err(io::Error::other)?;
                if self.array {
                    self.out
                        .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                }
                self.out.write_all(body.as_bytes())?;
                if !self.array {
                    self.out.write_all(b"\n")?;
                }
            }
            OutputFormat::Csv => {
                let fields: Vec<String> = csv_row(r, &self.columns)
                    .iter()
                    .map(|f| csv_field(f))
                    .collect();
                let mut line = fields.join(",");
                line.push('\n');
                self.out.write_all(line.as_bytes())?;
            }
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        if self.format == OutputFormat::Json && self.array {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_defused_and_numbers_are_not() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("\tx"), "'\tx");
        assert_eq!(csv_text("某局2020年报告"), "某局2020年报告");
    }

    #[test]
    fn csv_columns_are_fixed_and_unique() {
        let h = csv_header();
        let set: std::collections::HashSet<&String> = h.iter().collect();
        assert_eq!(set.len(), h.len());
        assert!(h.contains(&"applications.new_received.total".to_string()));
        assert!(h.contains(&"active_disclosure.fees.amount".to_string()));
        assert!(h.contains(&"active_disclosure.fees.previous_items".to_string()));
        assert_eq!(h.last().map(String::as_str), Some("warning_codes"));
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
