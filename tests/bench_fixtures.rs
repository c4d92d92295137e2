//! The speed benchmarks' fixtures read as the reports their scripts wrote
//! (figures from tools/samples_spec.py and tools/make_pdf_samples.py): a
//! benchmark over a document that fails to read would time the wrong work.

use govreport::{Options, Record};

fn extract(rel: &str) -> Record {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("bench fixture");
    govreport::extract(&bytes, rel, &Options::default())
}

fn row(rec: &Record, row: &str) -> Vec<f64> {
    let apps = rec.applications.as_ref().expect("table 三");
    let cols = govreport::template::APPLICANT_ADDENDS
        .iter()
        .chain(&["total"]);
    cols.map(|c| apps.cell(row, c).map_or(f64::NAN, |n| n.0))
        .collect()
}

#[test]
fn the_wps_style_docx_fixture_reads_as_the_seed_reports_figures() {
    let rec = extract("benches/fixtures/wps-report.docx");
    assert!(rec.error.is_none(), "{:?}", rec.error);
    assert_eq!(rec.year, Some(2020));
    assert_eq!(rec.source.format, "docx");
    assert_eq!(
        row(&rec, "new_received"),
        [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]
    );
    assert_eq!(row(&rec, "disclosed"), [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
}

#[test]
fn the_cid_font_pdf_fixture_reads_as_the_reportlab_reports_figures() {
    let rec = extract("benches/fixtures/cid-report.pdf");
    assert!(rec.error.is_none(), "{:?}", rec.error);
    assert_eq!(rec.year, Some(2023));
    assert_eq!(rec.source.format, "pdf");
    assert_eq!(
        row(&rec, "new_received"),
        [14.0, 2.0, 0.0, 0.0, 1.0, 0.0, 17.0]
    );
    assert_eq!(row(&rec, "disclosed"), [6.0, 1.0, 0.0, 0.0, 0.0, 0.0, 7.0]);
}
