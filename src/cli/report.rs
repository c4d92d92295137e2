//! `govreport report`: an archive's records summed up, as text or as one
//! HTML page linking each document's audit page.

use super::*;
use std::io::Write;
use std::path::Path;

pub fn report(records_path: &Path, html: bool, audit_dir: Option<&Path>) -> ExitCode {
    let (records, bad) = match series::read_records(records_path) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut out = std::io::stdout().lock();
    if !html {
        let _ = write!(out, "{}", text_summary(&records));
        return if bad > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut links: Vec<Option<String>> = vec![None; records.len()];
    if let Some(dir) = audit_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("govreport: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
        for (i, r) in records.iter().enumerate() {
            let Some(path) = r["source"]["path"].as_str() else {
                continue;
            };
            // A duplicate's record points to the first copy's page.
            if r["duplicate_of"].is_string() {
                continue;
            }
            // read_named says why a file cannot be read again.
            let Ok(bytes) = read_named(Path::new(path)) else {
                continue;
            };
            let (_, page) = govreport::audit::audit_document(&bytes, path, &Options::default());
            let name = format!("{:05}.html", i + 1);
            match std::fs::write(dir.join(&name), page) {
                Ok(()) => links[i] = Some(format!("{}/{name}", dir.display())),
                Err(e) => eprintln!("govreport: {}: {e}", dir.join(&name).display()),
            }
        }
    }
    let _ = write!(
        out,
        "{}",
        govreport::summary::summary_html(&records, &links)
    );
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Counts by format, error and warning code, as lines of text.
fn text_summary(records: &[serde_json::Value]) -> String {
    use std::collections::BTreeMap;
    let mut formats: BTreeMap<&str, usize> = BTreeMap::new();
    let mut errors: BTreeMap<&str, usize> = BTreeMap::new();
    let mut warnings: BTreeMap<&str, usize> = BTreeMap::new();
    for r in records {
        *formats
            .entry(r["source"]["format"].as_str().unwrap_or("?"))
            .or_default() += 1;
        if let Some(c) = r["error"]["code"].as_str() {
            *errors.entry(c).or_default() += 1;
        }
        for w in r["warnings"].as_array().into_iter().flatten() {
            if let Some(c) = w["code"].as_str() {
                *warnings.entry(c).or_default() += 1;
            }
        }
    }
    let line = |m: &BTreeMap<&str, usize>| {
        if m.is_empty() {
            "none".to_string()
        } else {
            m.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    format!(
        "{} documents\nformats: {}\nerrors: {}\nwarnings: {}\n",
        records.len(),
        line(&formats),
        line(&errors),
        line(&warnings)
    )
}
