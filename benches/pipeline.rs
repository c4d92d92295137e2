//! One typical report through the whole pipeline (read → locate → map →
//! check → record), and the DOCX reader alone.
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

// The command line's allocator, so the figures are the tool's (the floors
// below run with it too).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The least any XML reader does: every event of a part, counted.
fn walk_events(xml: &[u8]) -> usize {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut events = 0usize;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            Ok(_) => events += 1,
        }
        buf.clear();
    }
    events
}

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/fixtures/typical-report.docx"
    );
    let bytes = std::fs::read(path).expect("benches/fixtures/typical-report.docx");
    let opts = govreport::Options::default();
    let mut g = c.benchmark_group("docx");
    g.throughput(Throughput::Elements(1));
    g.bench_function("extract_typical_report", |b| {
        b.iter(|| govreport::extract(black_box(&bytes), "typical-report.docx", &opts))
    });
    g.bench_function("read_only", |b| {
        b.iter(|| {
            govreport::read::read(
                black_box(&bytes),
                govreport::read::Format::Docx,
                &opts.limits,
            )
        })
    });
    g.bench_function("extract_and_serialise", |b| {
        b.iter(|| {
            serde_json::to_vec(&govreport::extract(
                black_box(&bytes),
                "typical-report.docx",
                &opts,
            ))
        })
    });
    g.finish();

    // A report saved from Word's default template (styles.xml and
    // stylesWithEffects.xml of ~440 KB each) and one packaged as WPS Office
    // writes it, each beside its floor: inflating document.xml and walking
    // every XML event, the least any DOCX reader does. The ratio of the two
    // is what issue 12 tracks.
    for (group, file) in [
        ("docx_word_styles", "word-styles-report.docx"),
        ("docx_wps", "wps-report.docx"),
    ] {
        let path = format!("{}/benches/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).expect("bench fixture (tools/make_*_fixture.py)");
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(1));
        g.bench_function("extract", |b| {
            b.iter(|| govreport::extract(black_box(&bytes), file, &opts))
        });
        g.bench_function("floor_inflate_and_walk_document_xml", |b| {
            b.iter(|| {
                let mut z = zip::ZipArchive::new(std::io::Cursor::new(black_box(&bytes))).unwrap();
                let mut xml = Vec::new();
                std::io::Read::read_to_end(&mut z.by_name("word/document.xml").unwrap(), &mut xml)
                    .unwrap();
                walk_events(&xml)
            })
        });
        g.finish();
    }

    for (group, file) in [
        ("doc", "seed-2020-numbered-doc.doc"),
        ("html", "seed-2020-jinyang-gbk.html"),
    ] {
        let path = format!("{}/samples/{file}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).expect("sample");
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(1));
        g.bench_function("extract_seed_report", |b| {
            b.iter(|| govreport::extract(black_box(&bytes), file, &opts))
        });
        g.finish();
    }

    // PDFs from four producers (LibreOffice's 6 pages in TrueType subsets,
    // reportlab's 6 and 2 pages in a CID-keyed font, the same 6 pages
    // encoded as WPS writes them — an Identity-H font, a `Tj` a glyph —
    // and Chromium's 4 pages),
    // each beside the floor issue 12 measures
    // PDF against: lopdf loading every object and decoding every page's
    // content stream into operations.
    for (group, file) in [
        ("pdf", "samples/seed-2020-jinyang-lo.pdf"),
        ("pdf_cid", "benches/fixtures/cid-report.pdf"),
        ("pdf_wps_style", "benches/fixtures/wps-style-report.pdf"),
        ("pdf_chromium", "samples/seed-2020-jinyang-chromium.pdf"),
        ("pdf_reportlab", "samples/reportlab-2023-stsong.pdf"),
    ] {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let pdf = std::fs::read(&path).expect("PDF sample");
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(1));
        g.bench_function("extract", |b| {
            b.iter(|| govreport::extract(black_box(&pdf), file, &opts))
        });
        g.bench_function("floor_lopdf_load_and_decode_content", |b| {
            b.iter(|| {
                let doc = lopdf::Document::load_mem(black_box(&pdf)).unwrap();
                let mut ops = 0usize;
                for (_, id) in doc.get_pages() {
                    let content = doc.get_page_content(id);
                    ops +=
                        lopdf::content::Content::decode(&content).map_or(0, |c| c.operations.len());
                }
                ops
            })
        });
        g.finish();
    }
}

/// An OFD report beside its floor: inflating every member and walking each
/// XML part's events.
fn bench_ofd(c: &mut Criterion) {
    let ofd = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/ofd-2023-lines.ofd"
    ))
    .expect("OFD sample");
    let opts = govreport::Options::default();
    let mut g = c.benchmark_group("ofd");
    g.throughput(Throughput::Elements(1));
    g.bench_function("extract_2_page_report", |b| {
        b.iter(|| govreport::extract(black_box(&ofd), "ofd-2023-lines.ofd", &opts))
    });
    g.bench_function("floor_inflate_and_walk_every_part", |b| {
        b.iter(|| {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(black_box(&ofd))).unwrap();
            let mut events = 0usize;
            for i in 0..z.len() {
                let mut xml = Vec::new();
                let mut f = z.by_index(i).unwrap();
                if !f.name().is_ok_and(|n| n.ends_with(".xml")) {
                    continue;
                }
                std::io::Read::read_to_end(&mut f, &mut xml).unwrap();
                events += walk_events(&xml);
            }
            events
        })
    });
    g.finish();
}

criterion_group!(benches, bench, bench_ofd);
criterion_main!(benches);
