//! `extract --provenance`: every value of every sample can be traced to
//! where it was printed, a few locations checked by hand, and records
//! without the flag unchanged.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract(args: &[&str], paths: &[PathBuf]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .arg("extract")
        .args(args)
        .args(paths)
        .output()
        .expect("run govreport");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect()
}

fn record_for<'a>(recs: &'a [Value], name: &str) -> &'a Value {
    recs.iter()
        .find(|r| {
            r["source"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(name))
        })
        .unwrap_or_else(|| panic!("no record for {name}"))
}

const TABLES: [&str; 3] = ["active_disclosure", "applications", "reviews_litigation"];

#[test]
fn every_value_of_every_sample_has_a_location() {
    let recs = extract(&["--provenance"], &[root().join("samples")]);
    let mut checked = 0;
    for r in recs.iter().filter(|r| r["error"].is_null()) {
        let path = r["source"]["path"].as_str().unwrap();
        let fixed = matches!(r["source"]["format"].as_str(), Some("pdf" | "ofd"));
        for t in TABLES {
            let Some(rows) = r[t].as_object() else {
                continue;
            };
            for (row, cols) in rows {
                let Some(cols) = cols.as_object() else {
                    continue;
                };
                for (col, v) in cols.iter().filter(|(_, v)| !v.is_null()) {
                    let p = &r["provenance"][t][row][col];
                    let at = format!("{path}: {t}.{row}.{col} = {v}: {p}");
                    // （六）其他处理 printed only as a group label is the sum
                    // of its sub-rows: computed, not read.
                    if row == "other_handling" && p.is_null() {
                        let part = &r["provenance"][t]["other_no_correction"][col];
                        assert!(part.is_object(), "{at}");
                        continue;
                    }
                    assert!(p.is_object(), "no provenance for {at}");
                    assert!(!p["text"].as_str().unwrap_or("").is_empty(), "{at}");
                    if fixed {
                        assert!(p["page"].as_u64().is_some_and(|n| n >= 1), "{at}");
                        let b: Vec<f64> = p["bbox"]
                            .as_array()
                            .unwrap_or_else(|| panic!("{at}"))
                            .iter()
                            .map(|x| x.as_f64().unwrap())
                            .collect();
                        assert!(b.len() == 4 && b[0] < b[2] && b[1] < b[3], "{at}");
                        assert!(p["table"].is_null() && p["row"].is_null(), "{at}");
                    } else {
                        assert!(p["table"].as_u64().is_some(), "{at}");
                        assert!(
                            p["row"].as_u64().is_some() && p["col"].as_u64().is_some(),
                            "{at}"
                        );
                        assert!(p["page"].is_null() && p["bbox"].is_null(), "{at}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 3000, "{checked} values checked");
}

/// Whether `outer` [x0 y0 x1 y1] holds `inner`.
fn holds(outer: &Value, inner: [f64; 4]) -> bool {
    let o: Vec<f64> = outer
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    o.len() == 4 && o[0] <= inner[0] && o[1] <= inner[1] && o[2] >= inner[2] && o[3] >= inner[3]
}

/// Locations checked against other tools: python-docx's
/// `Document.tables[1].rows[3].cells` for the DOCX, pdfplumber's
/// `extract_words()` boxes (x0, top, x1, bottom) for the PDF and for the
/// OFD laid out from the same pages.
#[test]
fn provenance_points_at_the_printed_cell() {
    let s = |n: &str| root().join("samples").join(n);
    let recs = extract(
        &["--provenance"],
        &[
            s("seed-2020-jinyang.docx"),
            s("reportlab-2023-stsong.pdf"),
            s("ofd-2023-lines.ofd"),
        ],
    );
    // The DOCX: table 三 is the document's second table; 一、本年新收 is
    // grid row 3 (three header rows), its label spans grid columns 0–2, so
    // 自然人 is column 3 and 总计 column 9.
    let p = &record_for(&recs, "seed-2020-jinyang.docx")["provenance"]["applications"];
    for (col, grid_col) in [("natural_person", 3), ("total", 9)] {
        let c = &p["new_received"][col];
        assert_eq!(c["table"], 1, "{c}");
        assert_eq!(c["row"], 3, "{c}");
        assert_eq!(c["col"], grid_col, "{c}");
        assert_eq!(c["text"], "2", "{c}");
    }
    // The PDF: pdfplumber puts "14" (自然人, 本年新收) at x 301.6–309.0,
    // top 506.4–514.4 on page 1, and "3.25" (收费金额) at 193.6–206.6,
    // 406.4–414.4.
    for name in ["reportlab-2023-stsong.pdf", "ofd-2023-lines.ofd"] {
        let p = &record_for(&recs, name)["provenance"];
        let c = &p["applications"]["new_received"]["natural_person"];
        assert_eq!(c["text"], "14", "{name}: {c}");
        assert_eq!(c["page"], 1, "{name}: {c}");
        assert!(
            holds(&c["bbox"], [301.6, 506.4, 309.0, 514.4]),
            "{name}: {c}"
        );
        let c = &p["active_disclosure"]["fees"]["amount"];
        assert_eq!(c["text"], "3.25", "{name}: {c}");
        assert!(
            holds(&c["bbox"], [193.6, 406.4, 206.6, 414.4]),
            "{name}: {c}"
        );
        // The box is the ruled cell, not the page.
        let b = c["bbox"].as_array().unwrap();
        assert!(
            b[3].as_f64().unwrap() - b[1].as_f64().unwrap() < 30.0,
            "{name}: {c}"
        );
    }
}

#[test]
fn records_without_the_flag_have_no_provenance_and_are_unchanged() {
    let files: Vec<PathBuf> = ["seed-2020-jinyang.docx", "reportlab-2023-stsong.pdf"]
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(n)
        })
        .collect();
    let plain = extract(&[], &files);
    let mut with = extract(&["--provenance"], &files);
    for (a, b) in plain.iter().zip(with.iter_mut()) {
        assert!(a.get("provenance").is_none());
        assert!(b["provenance"].is_object());
        b.as_object_mut().unwrap().remove("provenance");
        assert_eq!(a, b);
    }
}
