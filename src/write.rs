//! Writers: records as JSON Lines (default) or JSON.

use crate::record::Record;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Json,
}

/// Writes records one at a time, in the order given.
pub struct RecordWriter<W: Write> {
    out: W,
    format: OutputFormat,
    /// JSON: whether the output is an array (several inputs).
    array: bool,
    written: usize,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: OutputFormat, several: bool) -> Self {
        RecordWriter {
            out,
            format,
            array: several,
            written: 0,
        }
    }

    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                // One whole line per write, so an interrupted run never leaves half a record.
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
