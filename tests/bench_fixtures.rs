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
fn the_word_styles_docx_fixture_reads_as_the_county_samples_figures() {
    let rec = extract("benches/fixtures/word-styles-report.docx");
    assert!(rec.error.is_none(), "{:?}", rec.error);
    assert_eq!(rec.year, Some(2022));
    assert_eq!(
        row(&rec, "new_received"),
        [20.0, 3.0, 0.0, 0.0, 1.0, 0.0, 24.0]
    );
    assert_eq!(row(&rec, "disclosed"), [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0]);
}

/// Word deflates every part of a package; a stored 440 KB part would make
/// the benchmark time hashing a file twelve times the size Word writes.
#[test]
fn the_word_styles_docx_fixture_is_packaged_as_word_packages() {
    let path = format!(
        "{}/benches/fixtures/word-styles-report.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).expect("bench fixture");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).expect("zip");
    for name in ["word/styles.xml", "word/stylesWithEffects.xml"] {
        let part = zip.by_name(name).expect(name);
        assert!(part.size() > 400_000, "{name} is Word's full default set");
        assert_eq!(
            part.compression(),
            zip::CompressionMethod::Deflated,
            "{name}"
        );
    }
    assert!(bytes.len() < 64 * 1024, "{} bytes", bytes.len());
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
