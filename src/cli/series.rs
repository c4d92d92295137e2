//! `govreport series`: cross-year checks over records.

use super::*;
use std::io::{Read, Write};
use std::path::Path;

/// Cross-year checks over the records of a file.
pub fn series(path: &Path, format: SeriesFormat) -> ExitCode {
    let (records, bad) = match read_records(path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let findings = govreport::series::check(&records);
    let mut out = std::io::stdout().lock();
    let _ = match format {
        SeriesFormat::Text => write!(out, "{}", govreport::series::text(&findings)),
        SeriesFormat::Jsonl => findings
            .iter()
            .try_for_each(|f| writeln!(out, "{}", serde_json::to_string(f).unwrap_or_default())),
    };
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Records as `series` and `report` read them: JSON Lines, or one JSON
/// array, from a file or `-` (stdin), with how many lines were not records.
/// Lines that are not records are reported; after a few, the input is
/// taken for something else and reading stops.
pub(super) fn read_records(path: &Path) -> Result<(Vec<serde_json::Value>, usize), ExitCode> {
    let read = if path == Path::new("-") {
        let mut t = String::new();
        std::io::stdin().read_to_string(&mut t).map(|_| t)
    } else {
        std::fs::read_to_string(path)
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("govreport: {}: {e}", path.display());
            return Err(ExitCode::from(2));
        }
    };
    let mut records = Vec::new();
    let mut bad = 0usize;
    if let Ok(serde_json::Value::Array(items)) =
        serde_json::from_str::<serde_json::Value>(text.trim_start())
    {
        records = items;
    } else {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) if v.get("schema").is_some() || v.get("source").is_some() => records.push(v),
                _ => {
                    bad += 1;
                    eprintln!(
                        "govreport: {}:{}: not a govreport record; skipped",
                        path.display(),
                        i + 1
                    );
                    if bad >= 5 {
                        eprintln!(
                            "govreport: {}: this is not a file of records",
                            path.display()
                        );
                        break;
                    }
                }
            }
        }
    }
    Ok((records, bad))
}
