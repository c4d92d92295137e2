//! The output record of SCHEMA.md, serialised in the documented key order.

use crate::cell::Num;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

pub const SCHEMA: &str = "govreport/1";

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub path: String,
    pub format: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    pub key: &'static str,
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

impl Serialize for TableValues {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Warning {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<&'static str>,
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

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RecordError {
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub schema: &'static str,
    pub source: Source,
    pub title: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub template: Option<&'static str>,
    pub sections: Vec<Section>,
    pub active_disclosure: Option<TableValues>,
    pub applications: Option<TableValues>,
    pub reviews_litigation: Option<TableValues>,
    pub duplicate_of: Option<String>,
    pub warnings: Vec<Warning>,
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
            warnings: Vec::new(),
            error: None,
        }
    }
}
