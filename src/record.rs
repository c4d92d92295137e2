//! The output record of SCHEMA.md, serialised in the documented key order.

use crate::cell::Num;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// A string of the record's fixed vocabulary (keys, codes, template names)
/// as `&'static str`, for records read back from JSON (a worker process's
/// answer): each distinct string is kept once, and at most 4,096 are kept.
pub fn intern(s: &str) -> &'static str {
    static SET: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = SET
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(k) = set.get(s) {
        return k;
    }
    if set.len() >= 4096 {
        return "unknown";
    }
    let k: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(k);
    k
}

/// `&'static str` under another name: serde's derive borrows a field
/// spelled `&'static str` from the input (and so reads records only from
/// `'static` text); under an alias it takes `de_static`'s interned copy, and
/// a record parses straight from a worker's line.
pub type StaticStr = &'static str;

fn de_static<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    String::deserialize(d).map(|s| intern(&s))
}

fn de_static_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    Option::<String>::deserialize(d).map(|o| o.map(|s| intern(&s)))
}

pub const SCHEMA: &str = "govreport/1";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub format: String,
    pub sha256: String,
    pub bytes: u64,
    /// The raw bytes of a path that is not UTF-8 (`path` then holds U+FFFD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_hex: Option<String>,
    /// The program and version that wrote the record.
    #[serde(default = "tool")]
    pub tool: String,
}

impl Source {
    /// The source of `bytes` read from `path`: format and sha256 given by the
    /// caller (each is computed once per document), written by this tool.
    pub fn new(path: &str, format: &str, bytes: &[u8], sha256: String) -> Source {
        Source {
            path: path.to_string(),
            format: format.to_string(),
            sha256,
            bytes: bytes.len() as u64,
            path_hex: None,
            tool: tool(),
        }
    }
}

/// `govreport <version>`, as `source.tool` names the writer.
pub fn tool() -> String {
    format!("govreport {}", env!("CARGO_PKG_VERSION"))
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Section {
    #[serde(deserialize_with = "de_static")]
    pub key: StaticStr,
    pub number: u8,
    pub heading: String,
    pub text: String,
}

/// One row: its columns in template order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowValues(pub Vec<(&'static str, Option<Num>)>);

impl RowValues {
    pub fn get(&self, key: &str) -> Option<Num> {
        self.0.iter().find(|(k, _)| *k == key).and_then(|(_, v)| *v)
    }
    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| *k == key)
    }
}

/// A table: its rows in template order, `None` for a row the document lacks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableValues(pub Vec<(&'static str, Option<RowValues>)>);

impl TableValues {
    pub fn row(&self, key: &str) -> Option<&RowValues> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, r)| r.as_ref())
    }
    pub fn cell(&self, row: &str, col: &str) -> Option<Num> {
        self.row(row).and_then(|r| r.get(col))
    }
}

impl Serialize for RowValues {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Reads a JSON object keeping its keys in order (the template's order).
fn ordered_map<'de, D, V>(d: D) -> Result<Vec<(&'static str, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Ordered<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Ordered<V> {
        type Value = Vec<(&'static str, V)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = m.next_entry::<String, V>()? {
                out.push((intern(&k), v));
            }
            Ok(out)
        }
    }
    d.deserialize_map(Ordered(std::marker::PhantomData))
}

impl<'de> Deserialize<'de> for RowValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ordered_map(d).map(RowValues)
    }
}

impl<'de> Deserialize<'de> for TableValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ordered_map(d).map(TableValues)
    }
}

impl Serialize for TableValues {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Where one value was read (`extract --provenance`): its text as printed
/// and, for PDF and OFD, the page (1-based) and box in points from the
/// page's top-left corner; for the other formats the document's table
/// (0-based, in reading order) and the cell's grid row and column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellProvenance {
    pub text: String,
    pub page: Option<u32>,
    pub bbox: Option<[f32; 4]>,
    pub table: Option<usize>,
    pub row: Option<usize>,
    pub col: Option<usize>,
}

impl CellProvenance {
    /// The provenance of `cell`, found in the document's table `table`.
    pub fn of(cell: &crate::model::Cell, table: usize) -> CellProvenance {
        let text = cell.text.trim().to_string();
        match cell.at {
            Some(at) => CellProvenance {
                text,
                page: Some(at.page),
                // Two decimals: a hundredth of a point is far below a glyph.
                bbox: Some(at.bbox.map(|v| (v * 100.0).round() / 100.0)),
                table: None,
                row: None,
                col: None,
            },
            None => CellProvenance {
                text,
                page: None,
                bbox: None,
                table: (table != usize::MAX).then_some(table),
                row: Some(cell.row),
                col: Some(cell.col),
            },
        }
    }
}

/// A JSON object whose keys keep their order (rows and columns in the
/// template's order).
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<V>(pub Vec<(&'static str, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ordered_map(d).map(Ordered)
    }
}

/// `provenance`: table → row → column → where the value was read.
pub type Provenance = Ordered<Ordered<Ordered<CellProvenance>>>;

/// The provenance of the tables' values, in the tables' row and column
/// order: every cell a value was read from (blank ones too), by key.
pub fn provenance(
    tables: [(&'static str, &Option<TableValues>); 3],
    found: &foldhash::HashMap<(&'static str, &'static str, &'static str), CellProvenance>,
) -> Provenance {
    let mut out = Ordered::default();
    for (key, table) in tables {
        let Some(table) = table else { continue };
        let mut rows = Ordered::default();
        for (row, values) in &table.0 {
            let Some(values) = values else { continue };
            let cols: Vec<(&'static str, CellProvenance)> = values
                .0
                .iter()
                .filter_map(|(col, _)| found.get(&(key, *row, *col)).map(|p| (*col, p.clone())))
                .collect();
            if !cols.is_empty() {
                rows.0.push((*row, Ordered(cols)));
            }
        }
        out.0.push((key, rows));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Warning {
    #[serde(deserialize_with = "de_static")]
    pub code: StaticStr,
    pub severity: Severity,
    pub message: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_static_opt"
    )]
    pub section: Option<StaticStr>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_static_opt"
    )]
    pub table: Option<StaticStr>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_static_opt"
    )]
    pub row: Option<StaticStr>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_static_opt"
    )]
    pub column: Option<StaticStr>,
}

impl Warning {
    pub fn new(code: &'static str, severity: Severity, message: String) -> Self {
        Warning {
            code,
            severity,
            message,
            section: None,
            table: None,
            row: None,
            column: None,
        }
    }
    pub fn at(
        mut self,
        table: &'static str,
        row: Option<&'static str>,
        column: Option<&'static str>,
    ) -> Self {
        self.table = Some(table);
        self.row = row;
        self.column = column;
        self
    }
    pub fn in_section(mut self, section: &'static str) -> Self {
        self.section = Some(section);
        self
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordError {
    #[serde(deserialize_with = "de_static")]
    pub code: StaticStr,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    #[serde(deserialize_with = "de_static")]
    pub schema: StaticStr,
    pub source: Source,
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    #[serde(default, deserialize_with = "de_static_opt")]
    pub template: Option<StaticStr>,
    pub sections: Vec<Section>,
    pub active_disclosure: Option<TableValues>,
    pub applications: Option<TableValues>,
    pub reviews_litigation: Option<TableValues>,
    pub duplicate_of: Option<String>,
    /// An earlier record of this run with the same agency, year and table
    /// values (the same report in another file).
    #[serde(default)]
    pub same_report_as: Option<String>,
    pub warnings: Vec<Warning>,
    /// Only with `extract --provenance`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    pub error: Option<RecordError>,
}

impl Record {
    /// A record for a document that could not be read.
    pub fn failed(source: Source, code: &'static str, message: String) -> Record {
        Record {
            error: Some(RecordError { code, message }),
            ..Record::bare(source)
        }
    }

    /// A record with its source and nothing extracted.
    pub fn bare(source: Source) -> Record {
        Record {
            schema: SCHEMA,
            source,
            title: None,
            agency: None,
            year: None,
            template: None,
            sections: Vec::new(),
            active_disclosure: None,
            applications: None,
            reviews_litigation: None,
            duplicate_of: None,
            same_report_as: None,
            warnings: Vec::new(),
            provenance: None,
            error: None,
        }
    }
}
