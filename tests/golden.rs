//! Golden tests: every document in samples/ against its hand-checked
//! expected record. Whole records are compared; warnings are compared as a
//! set of (code, severity, section, table, row, column) and errors by code —
//! their messages are prose for people and may be reworded.

use serde_json::Value;
use std::path::Path;

fn warning_keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v
        .as_array()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    ["code", "severity", "section", "table", "row", "column"]
                        .iter()
                        .map(|k| w.get(*k).and_then(Value::as_str).unwrap_or("-"))
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect()
        })
        .unwrap_or_default();
    keys.sort();
    keys
}

/// Lists the differences between two JSON values, as paths.
fn diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, out),
                    None => out.push(format!("{path}.{k}: missing (want {va})")),
                }
            }
            for k in b.keys() {
                if !a.contains_key(k) {
                    out.push(format!("{path}.{k}: unexpected {}", b[k]));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        _ if want == got => {}
        _ => out.push(format!("{path}: want {want}, got {got}")),
    }
}

#[test]
fn samples_match_their_expected_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("samples/")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for expected_path in entries {
        let name = expected_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let doc = entries_doc(&dir, stem);
        let bytes = std::fs::read(&doc).expect("sample document");
        let rel = format!(
            "samples/{}",
            doc.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let record = govreport::extract(&bytes, &rel, &govreport::Options::default());
        let mut got = serde_json::to_value(&record).expect("record serialises");
        // source.tool names the version that wrote the record: checked here,
        // not typed into every expected file.
        assert_eq!(
            got["source"]["tool"],
            format!("govreport {}", env!("CARGO_PKG_VERSION")),
            "{stem}"
        );
        if let Some(s) = got["source"].as_object_mut() {
            s.remove("tool");
        }
        let mut want: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected json"))
                .expect("valid json");
        let (wg, ww) = (
            warning_keys(&got["warnings"]),
            warning_keys(&want["warnings"]),
        );
        got["warnings"] = Value::Null;
        want["warnings"] = Value::Null;
        // An error is compared by its code; its message is prose for people.
        if let Some(e) = got.get_mut("error").and_then(Value::as_object_mut) {
            e.remove("message");
        }
        let mut d = Vec::new();
        diff("", &want, &got, &mut d);
        if wg != ww {
            d.push(format!("warnings: want {ww:#?}\n got {wg:#?}"));
        }
        if !d.is_empty() {
            failures.push(format!("{stem}:\n  {}", d.join("\n  ")));
        }
        checked += 1;
    }
    assert!(checked >= 4, "expected at least 4 samples, found {checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked} samples differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn entries_doc(dir: &Path, stem: &str) -> std::path::PathBuf {
    for ext in ["docx", "doc", "wps", "pdf", "ofd", "html", "htm"] {
        let p = dir.join(format!("{stem}.{ext}"));
        if p.exists() {
            return p;
        }
    }
    panic!("no document for {stem}.expected.json");
}

/// The same PDF rewritten with a cross-reference stream and object streams
/// (`qpdf --object-streams=generate`, tests/fixtures/objstm-*.pdf) gives the
/// same record as the sample it was made from, but for its source.
#[test]
fn a_pdf_rewritten_with_object_streams_reads_as_its_original() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (rewritten, original) in [
        ("objstm-lo.pdf", "seed-2020-jinyang-lo.pdf"),
        ("objstm-reportlab.pdf", "reportlab-2023-stsong.pdf"),
    ] {
        let record = |path: String| {
            let bytes = std::fs::read(&path).unwrap();
            let mut v = serde_json::to_value(govreport::extract(
                &bytes,
                "x.pdf",
                &govreport::Options::default(),
            ))
            .unwrap();
            v.as_object_mut().unwrap().remove("source");
            v
        };
        let a = record(format!("{root}/tests/fixtures/{rewritten}"));
        let b = record(format!("{root}/samples/{original}"));
        assert!(a["error"].is_null(), "{rewritten}: {}", a["error"]);
        assert_eq!(a, b, "{rewritten}");
    }
}
