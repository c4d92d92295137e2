//! The audit pages: `show --html` for one report and `report --html` for an
//! archive are complete, offline HTML whose values link to their boxes.
//! (tools/check_html_in_chromium.py renders them in a real browser.)

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(args)
        .output()
        .expect("run govreport");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The page needs nothing from the network.
fn offline(html: &str) {
    for remote in ["http://", "https://", "<link", "src=\""] {
        let hits: Vec<&str> = html
            .match_indices(remote)
            .map(|(i, _)| &html[i.saturating_sub(30)..(i + 40).min(html.len())])
            .filter(|s| !s.contains("www.w3.org/2000/svg"))
            .collect();
        assert!(hits.is_empty(), "loads {remote}: {hits:?}");
    }
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
}

#[test]
fn a_pdf_audit_page_draws_its_pages_and_links_every_value_to_its_box() {
    let pdf = root().join("samples/layout-2022-inconsistent.docx");
    let (code, html) = run(&["show", "--html", pdf.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    offline(&html);
    // A DOCX: tables and warnings, no page drawing.
    assert!(html.contains("<h2>Warnings (13)</h2>"), "warnings listed");
    assert!(html.contains("class=\"flag\""), "flagged cells marked");
    assert!(!html.contains("<svg class=\"page\""));

    let pdf = root().join("samples/reportlab-2023-three-line.pdf");
    let (code, html) = run(&["show", "--html", pdf.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    offline(&html);
    let (_, rec) = run(&["extract", "--provenance", pdf.to_str().unwrap()]);
    let rec: Value = serde_json::from_str(&rec).unwrap();
    let mut linked = 0;
    for (table, rows) in rec["provenance"].as_object().unwrap() {
        for (row, cols) in rows.as_object().unwrap() {
            for (col, at) in cols.as_object().unwrap() {
                if at["bbox"].is_array() {
                    let id = format!("{table}-{row}-{col}");
                    assert!(html.contains(&format!("href=\"#b-{id}\"")), "{id} linked");
                    assert!(html.contains(&format!("<rect id=\"b-{id}\"")), "{id} drawn");
                    linked += 1;
                }
            }
        }
    }
    assert!(linked > 50, "{linked} values linked");
    assert!(html.contains("<svg class=\"page\""));
    assert!(html.contains("class=\"rule\""), "rulings drawn");
    assert!(html.contains("class=\"grid\""), "the table grid drawn");
}

#[test]
fn the_archive_summary_counts_and_links_the_audit_pages() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let (_, records) = run(&["extract", "-q", samples.to_str().unwrap()]);
    let recs = dir.path().join("records.jsonl");
    std::fs::write(&recs, &records).unwrap();
    let n = records.lines().count();
    let audit = dir.path().join("audit");
    let (code, html) = run(&[
        "report",
        recs.to_str().unwrap(),
        "--html",
        "--audit-dir",
        audit.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    offline(&html);
    assert!(html.contains(&format!("<h1>{n} documents</h1>")));
    assert!(html.contains("<td class=\"label\">encrypted</td><td>1</td>"));
    assert!(html.contains("<svg class=\"chart\""));
    let pages = std::fs::read_dir(&audit).unwrap().count();
    assert_eq!(pages, n, "one audit page per document");
    assert_eq!(
        html.matches(&format!("href=\"{}/", audit.display()))
            .count(),
        n
    );
    // Text summary without --html.
    let (code, text) = run(&["report", recs.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(text.starts_with(&format!("{n} documents\n")), "{text}");
}
