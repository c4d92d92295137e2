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

/// A fixture read without error, of `year`, with table 三's rows 一 (new
/// requests) and 三（一） (disclosed) as given (the applicant columns, then
/// the total).
fn assert_reads_as(rec: &Record, year: i32, new_received: [f64; 7], disclosed: [f64; 7]) {
    assert!(rec.error.is_none(), "{:?}", rec.error);
    assert_eq!(rec.year, Some(year));
    assert_eq!(row(rec, "new_received"), new_received);
    assert_eq!(row(rec, "disclosed"), disclosed);
}

#[test]
fn the_wps_style_docx_fixture_reads_as_the_seed_reports_figures() {
    let rec = extract("benches/fixtures/wps-report.docx");
    assert_reads_as(
        &rec,
        2020,
        [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0],
        [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    );
    assert_eq!(rec.source.format, "docx");
}

#[test]
fn the_word_styles_docx_fixture_reads_as_the_county_samples_figures() {
    let rec = extract("benches/fixtures/word-styles-report.docx");
    assert_reads_as(
        &rec,
        2022,
        [20.0, 3.0, 0.0, 0.0, 1.0, 0.0, 24.0],
        [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0],
    );
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
    assert_reads_as(
        &rec,
        2023,
        [14.0, 2.0, 0.0, 0.0, 1.0, 0.0, 17.0],
        [6.0, 1.0, 0.0, 0.0, 0.0, 0.0, 7.0],
    );
    assert_eq!(rec.source.format, "pdf");
}

/// The WPS-style PDF is the CID fixture's report with its text encoded as
/// WPS writes it (tools/make_wps_style_fixture.py): every figure, warning
/// and section the same. Its glyphs are placed one by one at reportlab's
/// own advances, so this also checks the CID fixture's widths: read as the
/// code's CID rather than the UniGB CMap's, digits moved the glyphs after
/// them and wrapped lines read as paragraphs of their own.
#[test]
fn the_wps_style_pdf_fixture_reads_as_the_cid_fixtures_report() {
    let rec = extract("benches/fixtures/wps-style-report.pdf");
    assert_reads_as(
        &rec,
        2023,
        [14.0, 2.0, 0.0, 0.0, 1.0, 0.0, 17.0],
        [6.0, 1.0, 0.0, 0.0, 0.0, 0.0, 7.0],
    );
    let cid = extract("benches/fixtures/cid-report.pdf");
    let report = |r: &Record| {
        serde_json::to_string(&(
            &r.active_disclosure,
            &r.applications,
            &r.reviews_litigation,
            &r.warnings,
            &r.sections,
        ))
        .expect("report")
    };
    assert!(rec.active_disclosure.is_some() && rec.reviews_litigation.is_some());
    assert_eq!(report(&rec), report(&cid));
}

/// What makes it WPS's: an Identity-H font over glyph ids with a ToUnicode
/// map, each glyph shown by a `Tj` of its own, compressed content. A
/// fixture drawing lines per string would time a different reader.
#[test]
fn the_wps_style_pdf_fixture_shows_each_glyph_alone() {
    let path = format!(
        "{}/benches/fixtures/wps-style-report.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc = lopdf::Document::load(path).expect("PDF");
    let (mut shows, mut glyphs) = (0, 0);
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).expect("page");
        let contents = page.get(b"Contents").and_then(lopdf::Object::as_reference);
        let stream = doc
            .get_object(contents.expect("one content stream"))
            .expect("stream");
        let stream = stream.as_stream().expect("stream");
        assert_eq!(
            stream
                .dict
                .get(b"Filter")
                .and_then(lopdf::Object::as_name)
                .ok(),
            Some(&b"FlateDecode"[..])
        );
        let ops = lopdf::content::Content::decode(&doc.get_page_content(id))
            .expect("operations")
            .operations;
        for op in ops.iter().filter(|o| o.operator == "Tj") {
            shows += 1;
            if let Some(lopdf::Object::String(s, _)) = op.operands.first() {
                glyphs += s.len() / 2;
            }
        }
    }
    assert!(shows > 5000, "{shows} shows");
    assert_eq!(shows, glyphs, "one two-byte glyph id a Tj");
    let font = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Type0"))
        .expect("a Type0 font");
    assert_eq!(
        font.get(b"Encoding").and_then(lopdf::Object::as_name).ok(),
        Some(&b"Identity-H"[..])
    );
    assert!(font.get(b"ToUnicode").is_ok());
}
