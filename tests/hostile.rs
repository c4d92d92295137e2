//! Hostile and broken inputs: every file gets exactly one record with a
//! clear error code, quickly, and nothing panics (a caught panic shows as
//! `internal`, which these tests treat as a failure).

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run govreport")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

fn code(r: &Value) -> String {
    r["error"]["code"].as_str().unwrap_or("ok").to_string()
}

/// Runs `extract` on every file of `dir`, each named on the command line (so
/// each gets a record, whatever its content), in name order.
fn extract_each_file_in(dir: &Path) -> (Output, Vec<Value>) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let args: Vec<&str> = std::iter::once("extract")
        .chain(names.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let out = run(&args);
    let recs = records(&out);
    (out, recs)
}

/// The committed documents of samples/.
fn sample_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.to_string_lossy().ends_with(".json"))
        .collect();
    v.sort();
    v
}

#[test]
fn fuzz_regressions_yield_records() {
    let dir = root().join("tests/fuzz_regressions");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(!files.is_empty());
    for f in files {
        let started = Instant::now();
        let out = run(&["extract", f.to_str().unwrap()]);
        let recs = records(&out);
        assert_eq!(recs.len(), 1, "{}", f.display());
        assert_ne!(
            code(&recs[0]),
            "internal",
            "{}: {}",
            f.display(),
            recs[0]["error"]
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            f.display(),
            started.elapsed()
        );
    }
}

/// A deterministic byte shuffle for the corruption sweep.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn every_sample_truncated_and_bit_flipped_gets_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for (k, f) in sample_files().iter().enumerate() {
        let bytes = std::fs::read(f).unwrap();
        let stem = f.file_name().unwrap().to_string_lossy().to_string();
        for (i, frac) in [0.0, 0.01, 0.1, 0.33, 0.5, 0.66, 0.9, 0.99]
            .iter()
            .enumerate()
        {
            let cut = (bytes.len() as f64 * frac) as usize;
            std::fs::write(dir.path().join(format!("{stem}.trunc{i}")), &bytes[..cut]).unwrap();
            n += 1;
        }
        let mut seed = k as u64 + 1;
        for v in 0..4 {
            let mut b = bytes.clone();
            for _ in 0..(1 + v * 8) {
                let at = lcg(&mut seed) as usize % b.len();
                b[at] ^= 1 << (lcg(&mut seed) % 8);
            }
            std::fs::write(dir.path().join(format!("{stem}.flip{v}")), &b).unwrap();
            n += 1;
        }
    }
    let started = Instant::now();
    let (_, recs) = extract_each_file_in(dir.path());
    assert_eq!(recs.len(), n, "one record per corrupted file");
    let internal: Vec<String> = recs
        .iter()
        .filter(|r| code(r) == "internal")
        .map(|r| r["source"]["path"].to_string())
        .collect();
    assert!(internal.is_empty(), "panics on: {internal:?}");
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "the sweep took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_batch_survives_bad_files_and_good_records_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let good = [
        "seed-2020-jinyang.docx",
        "reportlab-2023-stsong.pdf",
        "wps-2024-grid-utf8.html",
        "wps-2024-grid-doc.doc",
    ];
    for g in good {
        std::fs::copy(root().join("samples").join(g), dir.path().join(g)).unwrap();
    }
    std::fs::write(dir.path().join("empty.pdf"), b"").unwrap();
    std::fs::write(
        dir.path().join("random.docx"),
        (0..5000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let seed = std::fs::read(root().join("samples/seed-2020-jinyang.docx")).unwrap();
    std::fs::write(dir.path().join("truncated.docx"), &seed[..seed.len() / 2]).unwrap();
    std::fs::write(
        dir.path().join("error-page.pdf"),
        "<!DOCTYPE html><html><body>404 Not Found</body></html>",
    )
    .unwrap();
    let pdf = std::fs::read(root().join("samples/reportlab-2023-stsong.pdf")).unwrap();
    std::fs::write(dir.path().join("truncated.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    let (out, recs) = extract_each_file_in(dir.path());
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(recs.len(), files, "exactly one record per file");
    assert_eq!(out.status.code(), Some(1));
    for g in good {
        let alone = records(&run(&["extract", dir.path().join(g).to_str().unwrap()]));
        let in_batch = recs
            .iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(g))
            .unwrap();
        // same_report_as depends on the batch by design (it names an
        // earlier record of the same run); everything else is unchanged.
        let strip = |r: &Value| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("same_report_as");
            r
        };
        assert_eq!(
            strip(in_batch),
            strip(&alone[0]),
            "{g} is unchanged by its neighbours"
        );
    }
    // The web page and the .doc are one report.
    let html = recs
        .iter()
        .find(|r| r["source"]["path"].as_str().unwrap().ends_with(".html"))
        .unwrap();
    assert!(
        html["same_report_as"]
            .as_str()
            .is_some_and(|p| p.ends_with("wps-2024-grid-doc.doc")),
        "{}",
        html["same_report_as"]
    );
    let by_name = |n: &str| {
        recs.iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    assert_eq!(code(by_name("empty.pdf")), "unsupported_format");
    assert_eq!(code(by_name("random.docx")), "unsupported_format");
    assert_eq!(code(by_name("truncated.docx")), "corrupt");
    assert_eq!(by_name("error-page.pdf")["source"]["format"], "html");
    assert_ne!(code(by_name("truncated.pdf")), "internal");
}

fn docx_with(path: &Path, document_xml: &[u8]) {
    docx_with_parts(path, &[("word/document.xml", document_xml)]);
}

/// A DOCX holding just these parts (name, bytes), deflated.
fn docx_with_parts(path: &Path, parts: &[(&str, &[u8])]) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, o).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

/// A PDF from object bodies, with a correct xref table.
fn pdf_with(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", body.len()).into_bytes();
    v.extend_from_slice(body);
    v.extend_from_slice(b"\nendstream");
    v
}

#[test]
fn undecodable_text_is_reported_not_garbled() {
    let dir = tempfile::tempdir().unwrap();
    // Mostly Helvetica text, plus two codes of an Identity-H font of the
    // Japan1 collection with no ToUnicode and no embedded font.
    let mut content = b"BT /F1 12 Tf 72 700 Td (Report 2021: applications received 12, answered 12, reviews 0.) Tj ET ".to_vec();
    content.extend_from_slice(b"BT /F2 12 Tf 72 680 Td <04A104A2> Tj ET");
    let pdf = pdf_with(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>".to_vec(),
        stream("", &content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /Identity-H /DescendantFonts [7 0 R] >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 4 >> >>".to_vec(),
    ]);
    let p = dir.path().join("mixed.pdf");
    std::fs::write(&p, pdf).unwrap();
    let recs = records(&run(&["extract", p.to_str().unwrap()]));
    // The text is no report; the reader's note stays on the record.
    assert!(["ok", "not_a_report"].contains(&code(&recs[0]).as_str()));
    let notes: Vec<&Value> = recs[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "undecoded_text")
        .collect();
    assert_eq!(notes.len(), 1, "{}", recs[0]["warnings"]);
    assert_eq!(notes[0]["severity"], "info");
    assert!(notes[0]["message"].as_str().unwrap().starts_with("2 of "));
}

#[test]
fn hostile_constructions_get_their_error_codes_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    // A zip bomb: 64 MB of spaces inflating from a few KB.
    docx_with(&p("bomb.docx"), &vec![b' '; 64 * 1024 * 1024]);
    // XML nested far deeper than any report.
    let mut deep = b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>".to_vec();
    deep.extend(std::iter::repeat_n(b"<w:sdt><w:sdtContent>".as_slice(), 5000).flatten());
    docx_with(&p("deep.docx"), &deep);
    // document.xml that is not XML.
    docx_with(&p("notxml.docx"), b"\x00\x01 this is < not > xml </w:p>");
    // A page tree that contains itself and a Form XObject that draws itself.
    let cycle = pdf_with(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>".to_vec(),
        stream("", b"/X1 Do"),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >>", b"/X1 Do"),
    ]);
    std::fs::write(p("cycle.pdf"), cycle).unwrap();
    // An operator flood on one page.
    let flood = pdf_with(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream("", &b"q Q ".repeat(300_000)),
    ]);
    std::fs::write(p("flood.pdf"), flood).unwrap();
    // xref pointing nowhere: recovered by scanning, or a clear error.
    let mut broken = std::fs::read(root().join("samples/reportlab-2023-stsong.pdf")).unwrap();
    let at = broken.windows(9).rposition(|w| w == b"startxref").unwrap();
    broken.truncate(at);
    broken.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    std::fs::write(p("badxref.pdf"), broken).unwrap();
    // A password-protected OOXML package (an OLE file holding EncryptedPackage).
    {
        let f = std::fs::File::create(p("protected.docx")).unwrap();
        let mut cf = cfb::CompoundFile::create(f).unwrap();
        cf.create_stream("EncryptionInfo")
            .unwrap()
            .write_all(&[4, 0, 4, 0])
            .unwrap();
        cf.create_stream("EncryptedPackage")
            .unwrap()
            .write_all(&[0; 64])
            .unwrap();
        cf.flush().unwrap();
    }
    let started = Instant::now();
    let names = [
        "bomb.docx",
        "deep.docx",
        "notxml.docx",
        "cycle.pdf",
        "flood.pdf",
        "badxref.pdf",
        "protected.docx",
    ];
    let paths: Vec<String> = names
        .iter()
        .map(|n| p(n).to_string_lossy().into_owned())
        .collect();
    let args: Vec<&str> = ["extract", "--max-pdf-ops", "100000"]
        .into_iter()
        .chain(paths.iter().map(String::as_str))
        .collect();
    let out = run(&args);
    let recs = records(&out);
    assert_eq!(recs.len(), names.len());
    let got: Vec<String> = recs.iter().map(code).collect();
    assert_eq!(got[0], "too_large", "zip bomb");
    assert_eq!(got[1], "too_large", "deep nesting");
    assert_eq!(got[2], "corrupt", "not XML");
    assert!(
        ["no_text_layer", "corrupt"].contains(&got[3].as_str()),
        "cycle: {}",
        got[3]
    );
    assert_eq!(got[4], "too_large", "operator flood");
    assert!(
        ["ok", "corrupt"].contains(&got[5].as_str()),
        "bad xref: {}",
        got[5]
    );
    assert_eq!(got[6], "encrypted");
    for r in &recs {
        assert!(
            r["error"]["message"].as_str().is_none_or(|m| m.len() > 20),
            "messages say what is wrong: {r}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// Runs one file alone with the peak-memory report on, in the main process
/// (`--in-process`: a worker's memory would not show in the main process's
/// peak); returns its record, the wall time and the peak RSS in MB.
fn run_alone(path: &Path, extra: &[&str]) -> (Vec<Value>, Duration, u64) {
    let started = Instant::now();
    let out = bin()
        .arg("extract")
        .arg("--in-process")
        .args(extra)
        .arg(path)
        .env("GOVREPORT_PEAK_RSS", "1")
        .output()
        .expect("run govreport");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak_rss_kb="))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{}: no peak report (killed?): {stderr}", path.display()));
    (records(&out), took, kb / 1024)
}

fn docx_with_numbering(path: &Path, document_xml: &[u8], numbering_xml: &[u8]) {
    docx_with_parts(
        path,
        &[
            ("word/document.xml", document_xml),
            ("word/numbering.xml", numbering_xml),
        ],
    );
}

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// The objects of a one-page PDF selecting each of `n` fonts in turn to
/// show `shown`: the page's font dictionary is object 5, and font `i`'s
/// `per_font` objects (the font first) are made by `group(i, first id)`.
fn page_of_fonts(
    n: usize,
    per_font: usize,
    shown: &str,
    group: impl Fn(usize, usize) -> Vec<Vec<u8>>,
) -> Vec<Vec<u8>> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font 5 0 R >> >>".to_vec(),
    ];
    let mut content = b"BT 1 0 0 1 50 700 Tm ".to_vec();
    let mut font_dict = b"<<".to_vec();
    for i in 0..n {
        content.extend_from_slice(format!("/F{i} 12 Tf {shown} Tj ").as_bytes());
        font_dict.extend_from_slice(format!(" /F{i} {} 0 R", 6 + per_font * i).as_bytes());
    }
    content.extend_from_slice(b"ET");
    font_dict.extend_from_slice(b" >>");
    objects.push(stream("", &content));
    objects.push(font_dict);
    for i in 0..n {
        objects.extend(group(i, 6 + per_font * i));
    }
    objects
}

/// A one-page PDF whose page draws `content` with font F1 = object 5, and
/// further objects from 6 on.
fn one_page_pdf(content: &[u8], font: Vec<u8>, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        stream("", content),
        font,
    ];
    objects.extend(more);
    pdf_with(&objects)
}

/// Issue 10's classes: inputs whose numbers would size an allocation or a
/// loop (abort or hang before the bounds). Each gets one record with an
/// accepted code, within the deadline + 2 s, under 512 MB.
#[test]
fn inputs_that_size_allocations_or_loops_stay_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    // List level starting at 2^63 with a label of 5,000 %1 in letters.
    let numbering = format!(
        "<w:numbering {W_NS}><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"9223372036854775807\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"{}\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>",
        "%1".repeat(5000)
    );
    let numbered = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>".repeat(50);
    docx_with_numbering(
        &p("list-start.docx"),
        format!("<w:document {W_NS}><w:body>{numbered}</w:body></w:document>").as_bytes(),
        numbering.as_bytes(),
    );
    // A 200,000-row vertical merge (read with the ratio limit raised so
    // the merge itself is what is measured).
    let rows = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
        .repeat(200_000);
    docx_with(
        &p("long-merge.docx"),
        format!("<w:document {W_NS}><w:body>{}<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>{rows}</w:tbl></w:body></w:document>", para("x"))
            .as_bytes(),
    );
    // Spans at the HTML maxima, and 200,000 nested <div>s.
    std::fs::write(
        p("spans.html"),
        format!(
            "<html><body><table>{}</table></body></html>",
            "<tr><td colspan=1000 rowspan=65534>1</td></tr>".repeat(200)
        ),
    )
    .unwrap();
    std::fs::write(
        p("divs.html"),
        format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        ),
    )
    .unwrap();
    let helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec();
    // An 8 MB string in one Tj.
    let mut tj = b"BT /F1 12 Tf 10 10 Td (".to_vec();
    tj.extend(std::iter::repeat_n(b'A', 8 << 20));
    tj.extend_from_slice(b") Tj ET");
    std::fs::write(
        p("long-string.pdf"),
        one_page_pdf(&tj, helvetica.clone(), vec![]),
    )
    .unwrap();
    // A ToUnicode bfrange over 0000-FFFF with a 1 MB destination.
    let mut cmap = b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <".to_vec();
    cmap.extend(std::iter::repeat_n(b"4E00".as_slice(), 250_000).flatten());
    cmap.extend_from_slice(b"> endbfrange endcmap");
    let type0 = |extra: &str| {
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H {extra} /DescendantFonts [7 0 R] >>").into_bytes()
    };
    std::fs::write(
        p("bfrange.pdf"),
        one_page_pdf(
            b"BT /F1 12 Tf 10 10 Td <00010002> Tj ET",
            type0("/ToUnicode 6 0 R"),
            vec![
                stream("", &cmap),
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".to_vec(),
            ],
        ),
    )
    .unwrap();
    // A /W array of 20,000 ranges of 65,536 CIDs, and /Widths at FirstChar 2^32-1.
    let w = "0 65535 500 ".repeat(20_000);
    std::fs::write(
        p("w-ranges.pdf"),
        one_page_pdf(
            b"BT /F1 12 Tf 10 10 Td <00010002> Tj ET",
            type0(""),
            vec![
                vec![],
                format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [{w}] /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 0 >> >>").into_bytes(),
            ],
        ),
    )
    .unwrap();
    std::fs::write(
        p("first-char.pdf"),
        one_page_pdf(
            b"BT /F1 12 Tf 10 10 Td (AB) Tj ET",
            b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 4294967295 /Widths [1 2 3] >>".to_vec(),
            vec![],
        ),
    )
    .unwrap();
    // 100,000 Tf of an inline font whose ToUnicode CMap maps 5,000 codes.
    let bfchars: String = (0..5000u32)
        .map(|i| format!("<{i:04X}> <{:04X}> ", 0x4E00 + i))
        .collect();
    let big_cmap = format!(
        "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 5000 beginbfchar {bfchars} endbfchar endcmap"
    );
    std::fs::write(
        p("inline-font-tf.pdf"),
        pdf_with(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 5 0 R /DescendantFonts [6 0 R] >> >> >> >>".to_vec(),
            stream("", format!("BT {}ET", "/F1 12 Tf <0001> Tj ".repeat(100_000)).as_bytes()),
            stream("", big_cmap.as_bytes()),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".to_vec(),
        ]),
    )
    .unwrap();
    // /Widths of 10 million numbers (lopdf would hold each as an object).
    let mut widths =
        b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 0 /Widths [".to_vec();
    widths.extend(std::iter::repeat_n(b"1 ".as_slice(), 10_000_000).flatten());
    widths.extend_from_slice(b"] >>");
    std::fs::write(
        p("widths-10m.pdf"),
        one_page_pdf(b"BT /F1 12 Tf 10 10 Td (AB) Tj ET", widths, vec![]),
    )
    .unwrap();
    // 12 million two-byte operators, and 250,000 text lines drawn over each other.
    std::fs::write(
        p("q-flood.pdf"),
        one_page_pdf(&b"q\n".repeat(12_000_000), helvetica.clone(), vec![]),
    )
    .unwrap();
    let mut lines = b"BT /F1 12 Tf ".to_vec();
    for i in 0..250_000u32 {
        lines.extend_from_slice(
            format!("1 0 0 1 {} {} Tm (AB) Tj ", i % 500, (i * 7) % 790).as_bytes(),
        );
    }
    lines.extend_from_slice(b"ET");
    std::fs::write(
        p("overlapping-lines.pdf"),
        one_page_pdf(&lines, helvetica, vec![]),
    )
    .unwrap();
    // One page setting 100,000 distinct fonts, one glyph each (each font
    // kept would hold kilobytes: 200,000 took 3.1 GB).
    let objects = page_of_fonts(100_000, 1, "(A)", |_, _| {
        vec![b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()]
    });
    std::fs::write(p("many-fonts.pdf"), pdf_with(&objects)).unwrap();
    // 100 pages drawing one shared content stream of 250,000 characters
    // (a 250 KB file; each page's characters are kept until layout).
    let shared = format!(
        "BT /F1 1 Tf 1 0 0 1 10 10 Tm ({}) Tj ET",
        "A".repeat(250_000)
    );
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count 100 >>",
            (5..105)
                .map(|i| format!("{i} 0 R"))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        stream("", shared.as_bytes()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend((0..100).map(|_| {
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>".to_vec()
    }));
    std::fs::write(p("shared-content-pages.pdf"), pdf_with(&objects)).unwrap();
    // The same 100 pages stroking one shared stream of 50,000 lines each.
    let strokes = format!(
        "{}BT /F1 12 Tf 10 10 Td (x) Tj ET",
        "0 0 m 100 0 l S\n".repeat(50_000)
    );
    objects[2] = stream("", strokes.as_bytes());
    std::fs::write(p("shared-lines-pages.pdf"), pdf_with(&objects)).unwrap();
    // A page whose /Contents array names one stream of 2,500 characters
    // 200,000 times (500 MB joined, from a 1 MB file): too large, not a
    // blank page read as a scan (it was `no_text_layer`).
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{}] /Resources << /Font << /F1 5 0 R >> >> >>",
            "4 0 R ".repeat(200_000)
        )
        .into_bytes(),
        stream("", "BT /F1 12 Tf 72 700 Td (AB) Tj ET\n".repeat(70).as_bytes()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    std::fs::write(p("repeated-contents.pdf"), pdf_with(&objects)).unwrap();
    // 300 fonts, each with a ToUnicode CMap of four ranges over every
    // two-byte code (262,144 mappings from a few hundred bytes).
    let cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange 4 beginbfrange <0000> <FFFF> <4E00> <0000> <FFFF> <4E00> <0000> <FFFF> <4E00> <0000> <FFFF> <4E00> endbfrange";
    let objects = page_of_fonts(300, 2, "<0041>", |_, id| {
        vec![
            format!("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>] /ToUnicode {} 0 R >>", id + 1).into_bytes(),
            stream("", cmap.as_bytes()),
        ]
    });
    std::fs::write(p("many-cmaps.pdf"), pdf_with(&objects)).unwrap();

    // 400,000 table cells of three random characters each (a 20 MB
    // document.xml that compresses only some tenfold).
    let mut seed = 7;
    let mut xml = format!("<w:document {W_NS}><w:body><w:tbl>");
    for _ in 0..1_600 {
        xml.push_str("<w:tr>");
        for _ in 0..250 {
            let t: String = (0..3)
                .map(|_| char::from(b'a' + (lcg(&mut seed) % 26) as u8))
                .collect();
            xml.push_str(&format!(
                "<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"
            ));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl></w:body></w:document>");
    docx_with(&p("many-cells.docx"), xml.as_bytes());
    // 700,000 paragraphs of one random letter (1.5 million took 377 MB).
    let mut xml = format!("<w:document {W_NS}><w:body>");
    for _ in 0..700_000 {
        let c = char::from(b'a' + (lcg(&mut seed) % 26) as u8);
        xml.push_str(&format!("<w:p><w:r><w:t>{c}</w:t></w:r></w:p>"));
    }
    xml.push_str("</w:body></w:document>");
    docx_with(&p("many-paragraphs.docx"), xml.as_bytes());
    // 300,000 complex fields begun and past their separators, never
    // ended, then 300,000 runs of text (each run's visibility was decided
    // by scanning every open field: a timeout).
    docx_with(
        &p("open-fields.docx"),
        format!(
            "<w:document {W_NS}><w:body><w:p>{}{}</w:p></w:body></w:document>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>".repeat(300_000),
            "<w:r><w:t>a</w:t></w:r>".repeat(300_000)
        )
        .as_bytes(),
    );
    // A root declaring the WordprocessingML namespace under 100,000
    // prefixes, `w` last, over 300,000 paragraphs (each element's prefix
    // was compared with every declared one: a timeout).
    let decls: String = (0..100_000)
        .map(|i| {
            format!(" xmlns:p{i}=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"")
        })
        .collect();
    docx_with(
        &p("many-prefixes.docx"),
        format!(
            "<w:document{decls} {W_NS}><w:body>{}</w:body></w:document>",
            "<w:p><w:r><w:t>a</w:t></w:r></w:p>".repeat(300_000)
        )
        .as_bytes(),
    );
    // A line of 300,000 spaces between two letters (cleaning a title
    // candidate looked ahead from every space: 38 s).
    docx_with(
        &p("space-run.docx"),
        format!(
            "<w:document {W_NS}><w:body><w:p><w:r><w:t xml:space=\"preserve\">a{}b</w:t></w:r></w:p></w:body></w:document>",
            " ".repeat(300_000)
        )
        .as_bytes(),
    );
    // A 5 MB page of a million table cells (the parser's tree of it took
    // some 600 MB).
    std::fs::write(
        p("many-cells.html"),
        format!(
            "<html><body><table><tr>{}</table></body></html>",
            "<td>a".repeat(1_000_000)
        ),
    )
    .unwrap();
    // RTF: a million paragraph marks (each kept until the tables are
    // built), 300,000 rows of 256 cells' definition (each row end keeps
    // its edges), a \bin whose length is past the file's end, and groups
    // opened far deeper than any report's.
    std::fs::write(
        p("pars.rtf"),
        format!("{{\\rtf1 {}}}", "a\\par ".repeat(1_000_000)),
    )
    .unwrap();
    let row = format!("\\trowd{}", "\\cellx1".repeat(300));
    std::fs::write(
        p("rows.rtf"),
        format!(
            "{{\\rtf1 {row}{}}}",
            "\\intbl 1\\cell\\row ".repeat(300_000)
        ),
    )
    .unwrap();
    std::fs::write(p("bin.rtf"), "{\\rtf1 text\\bin2147483647 x}").unwrap();
    // 40 MB of text in one paragraph (190 MB held 1.1 GB and took 10 s).
    std::fs::write(
        p("text.rtf"),
        format!("{{\\rtf1 {}}}", "abcdefghij".repeat(4 << 20)),
    )
    .unwrap();
    std::fs::write(
        p("groups.rtf"),
        format!("{{\\rtf1 {}x", "{".repeat(2_000_000)),
    )
    .unwrap();
    // An archive of 600,000 empty members (listing it took some 600 bytes
    // a member; the listing is now bounded by its directory's size).
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(p("many-members.zip")).unwrap());
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..600_000 {
            z.start_file(format!("{i}.txt"), stored).unwrap();
        }
        z.finish().unwrap();
    }
    // Word 97 files whose piece table maps one run of a million bytes 19
    // times over: paragraph marks (each a paragraph: 5.4 GB), and letters
    // (one paragraph of 19 million characters, whose year search listed
    // them at 16 bytes each: 540 MB).
    word97_with_repeated_text(&p("marks.doc"), &b"\r".repeat(1_000_000), 19, 0);
    word97_with_repeated_text(&p("long-paragraph.doc"), &b"a".repeat(1_000_000), 19, 0);
    // 200,000 characters over a bin table of a million pages (each
    // character's page was looked for page by page: a timeout).
    word97_with_repeated_text(
        &p("many-chpx-pages.doc"),
        &b"a".repeat(200_000),
        1,
        1_000_000,
    );

    let cases: [(&str, &[&str], &[&str]); 34] = [
        ("widths-10m.pdf", &[], &["too_large"]),
        ("inline-font-tf.pdf", &[], &["ok", "too_large"]),
        ("list-start.docx", &[], &["ok"]),
        (
            "long-merge.docx",
            &["--max-compression-ratio", "100000"],
            &["ok", "too_large"],
        ),
        ("spans.html", &[], &["ok"]),
        ("divs.html", &[], &["too_large"]),
        ("long-string.pdf", &[], &["too_large"]),
        ("bfrange.pdf", &[], &["ok", "no_text_layer", "corrupt"]),
        ("w-ranges.pdf", &[], &["ok", "no_text_layer", "corrupt"]),
        ("first-char.pdf", &[], &["ok", "no_text_layer", "corrupt"]),
        ("q-flood.pdf", &[], &["too_large"]),
        (
            "overlapping-lines.pdf",
            &[],
            &["too_large", "ok", "no_text_layer"],
        ),
        ("divs.html", &["--timeout", "1"], &["too_large", "timeout"]),
        ("many-fonts.pdf", &[], &["ok"]),
        (
            "many-fonts.pdf",
            &["--max-pdf-values", "100000"],
            &["too_large"],
        ),
        ("shared-content-pages.pdf", &[], &["too_large"]),
        ("shared-lines-pages.pdf", &[], &["too_large"]),
        ("many-cmaps.pdf", &[], &["ok"]),
        ("many-cells.docx", &[], &["too_large"]),
        ("many-paragraphs.docx", &[], &["too_large"]),
        ("space-run.docx", &[], &["ok"]),
        (
            "many-prefixes.docx",
            &["--max-compression-ratio", "100000"],
            &["ok"],
        ),
        (
            "open-fields.docx",
            &["--max-compression-ratio", "100000"],
            &["ok"],
        ),
        ("repeated-contents.pdf", &[], &["too_large"]),
        ("many-cells.html", &[], &["too_large"]),
        ("marks.doc", &[], &["too_large"]),
        ("long-paragraph.doc", &[], &["ok"]),
        ("many-chpx-pages.doc", &[], &["ok"]),
        ("many-members.zip", &[], &["too_large"]),
        ("pars.rtf", &[], &["too_large"]),
        ("rows.rtf", &[], &["ok", "too_large"]),
        ("bin.rtf", &[], &["ok", "corrupt"]),
        ("text.rtf", &[], &["too_large"]),
        ("groups.rtf", &[], &["too_large"]),
    ];
    for (name, extra, accepted) in cases {
        let (recs, took, mb) = run_alone(&p(name), extra);
        assert_eq!(recs.len(), 1, "{name}: one record");
        // These files are read to the end but are no reports: for them
        // not_a_report is the "ok" of a real report.
        let c = match code(&recs[0]).as_str() {
            "not_a_report" => "ok".to_string(),
            other => other.to_string(),
        };
        assert!(
            accepted.contains(&c.as_str()),
            "{name}: {c} not in {accepted:?}"
        );
        assert!(took < Duration::from_secs(12), "{name}: took {took:?}");
        assert!(mb < 512, "{name}: peak {mb} MB");
    }
    // All of them in one batch with a good report between: every record is
    // there, in order, and the good one is unchanged.
    let good = root().join("samples/seed-2020-jinyang.docx");
    let mut args: Vec<String> = vec!["extract".into()];
    for (i, (name, _, _)) in cases.iter().enumerate() {
        args.push(p(name).to_string_lossy().into_owned());
        if i == 6 {
            args.push(good.to_string_lossy().into_owned());
        }
    }
    let out = bin().args(&args).output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), cases.len() + 1);
    assert_eq!(code(&recs[7]), "ok");
    assert_eq!(recs[7]["applications"]["new_received"]["total"], 2);
}

/// Archives that try to cost time or memory: a nested zip inflating to
/// 100 MB of filler beside a page, and a 30 MB member of NUL bytes named
/// .docx. Each finishes fast and small, every named member has a record.
#[test]
fn archive_filler_and_nul_members_stay_cheap() {
    let dir = tempfile::tempdir().unwrap();
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let page = std::fs::read(root().join("samples/wps-2024-grid-utf8.html")).unwrap();
    let mut inner = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    inner.start_file("filler.bin", deflated).unwrap();
    for _ in 0..100 {
        inner.write_all(&[0u8; 1 << 20]).unwrap();
    }
    inner.start_file("page.html", deflated).unwrap();
    inner.write_all(&page).unwrap();
    let inner = inner.finish().unwrap().into_inner();
    let path = dir.path().join("nested.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    z.start_file("inner.zip", stored).unwrap();
    z.write_all(&inner).unwrap();
    z.start_file("nul.docx", deflated).unwrap();
    for _ in 0..30 {
        z.write_all(&[0u8; 1 << 20]).unwrap();
    }
    z.finish().unwrap();
    let (recs, took, mb) = run_alone(&path, &[]);
    let paths: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(recs.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("inner.zip!page.html"));
    assert_eq!(code(&recs[0]), "ok");
    assert!(paths[1].ends_with("nul.docx"));
    assert_ne!(code(&recs[1]), "internal");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert!(mb < 512, "peak {mb} MB");
}

/// An OFD package from (member, bytes) pairs: OFD.xml pointing at
/// Doc_0/Document.xml, which lists `pages` (one `Page_i/Content.xml` each),
/// plus any `extra` members.
fn ofd_with(path: &Path, pages: &[Vec<u8>], extra: &[(&str, &[u8])]) {
    let ns = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;
    let ofd = format!(
        r#"<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
    );
    let refs: String = (0..pages.len())
        .map(|i| format!(r#"<ofd:Page ID="{i}" BaseLoc="Pages/Page_{i}/Content.xml"/>"#))
        .collect();
    let doc = format!(
        r#"<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{refs}</ofd:Pages></ofd:Document>"#
    );
    let names: Vec<String> = (0..pages.len())
        .map(|i| format!("Doc_0/Pages/Page_{i}/Content.xml"))
        .collect();
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("OFD.xml", ofd.as_bytes()),
        ("Doc_0/Document.xml", doc.as_bytes()),
    ];
    parts.extend(
        names
            .iter()
            .map(String::as_str)
            .zip(pages.iter().map(Vec::as_slice)),
    );
    parts.extend_from_slice(extra);
    docx_with_parts(path, &parts);
}

/// One OFD page holding `objects` in its layer.
fn ofd_page(objects: &str) -> Vec<u8> {
    format!(
        r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>"#
    )
    .into_bytes()
}

/// OFD packages built to cost memory or time, or that cannot be read: each
/// gets its error code (or a record) quickly, and a `g` count of 2^64 in a
/// DeltaX list costs only the characters it spaces.
#[test]
fn ofd_hostile_packages_get_their_error_codes_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let text = |s: &str, dx: &str| {
        format!(
            r#"<ofd:TextObject ID="2" Boundary="20 30 150 6" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="{dx}">{s}</ofd:TextCode></ofd:TextObject>"#
        )
    };
    let title = text(
        "某局2023年政府信息公开工作年度报告",
        "g 18446744073709551615 4",
    );
    ofd_with(&p("g-count.ofd"), &[ofd_page(&title)], &[]);
    ofd_with(
        &p("encrypted.ofd"),
        &[ofd_page(&title)],
        &[("Doc_0/Encryptions.xml", b"<Encryptions/>")],
    );
    docx_with_parts(
        &p("no-docroot.ofd"),
        &[(
            "OFD.xml",
            br#"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>"#,
        )],
    );
    let deep = "<ofd:PageBlock>".repeat(5000);
    ofd_with(&p("deep.ofd"), &[ofd_page(&deep)], &[]);
    ofd_with(&p("bomb.ofd"), &[vec![b' '; 64 * 1024 * 1024]], &[]);
    let flood = text(&"字".repeat(300_000), "");
    ofd_with(&p("char-flood.ofd"), &[ofd_page(&flood)], &[]);
    ofd_with(&p("many-pages.ofd"), &vec![ofd_page(""); 3000], &[]);
    let seal = r#"<ofd:ImageObject ID="3" Boundary="10 10 40 40" ResourceID="9"/>"#;
    ofd_with(&p("image-only.ofd"), &[ofd_page(seal)], &[]);
    let started = Instant::now();
    let names = [
        "g-count.ofd",
        "encrypted.ofd",
        "no-docroot.ofd",
        "deep.ofd",
        "bomb.ofd",
        "char-flood.ofd",
        "many-pages.ofd",
        "image-only.ofd",
    ];
    let want = [
        "ok",
        "encrypted",
        "corrupt",
        "too_large",
        "too_large",
        "too_large",
        "too_large",
        "no_text_layer",
    ];
    for (name, want) in names.iter().zip(want) {
        let (recs, _, mb) = run_alone(&p(name), &[]);
        assert_eq!(recs.len(), 1, "{name}");
        assert_eq!(code(&recs[0]), want, "{name}: {}", recs[0]);
        assert!(mb < 512, "{name}: peak {mb} MB");
        if want == "ok" {
            assert_eq!(
                recs[0]["title"], "某局2023年政府信息公开工作年度报告",
                "{}",
                recs[0]
            );
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

/// A Word 97 binary document (an OLE file) whose main story is `pieces`
/// 8-bit pieces, each mapping the same `text` (stored once in the
/// WordDocument stream after the FIB), with a character-property bin table
/// of `chpx_pages` empty pages before the text: only the fields the reader
/// needs.
fn word97_with_repeated_text(path: &Path, text: &[u8], pieces: u32, chpx_pages: u32) {
    const TEXT_AT: u32 = 0x800;
    let len = u32::try_from(text.len()).unwrap();
    // FIB: magic, flags (1Table), 14 FibRgW words, 22 FibRgLw longs with
    // ccpText third, then 93 (fc, lcb) pairs with the CLX's at index 33.
    let mut fib = vec![0u8; TEXT_AT as usize];
    fib[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    fib[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes());
    fib[32..34].copy_from_slice(&14u16.to_le_bytes());
    let lw = 34 + 14 * 2;
    fib[lw..lw + 2].copy_from_slice(&22u16.to_le_bytes());
    fib[lw + 14..lw + 18].copy_from_slice(&(len * pieces).to_le_bytes());
    let fc = lw + 2 + 22 * 4;
    fib[fc..fc + 2].copy_from_slice(&93u16.to_le_bytes());
    let mut plc = Vec::new();
    for k in 0..=pieces {
        plc.extend_from_slice(&(k * len).to_le_bytes());
    }
    for _ in 0..pieces {
        plc.extend_from_slice(&0u16.to_le_bytes());
        plc.extend_from_slice(&((TEXT_AT * 2) | 0x4000_0000).to_le_bytes());
        plc.extend_from_slice(&0u16.to_le_bytes());
    }
    let mut clx = vec![0x02];
    clx.extend_from_slice(&u32::try_from(plc.len()).unwrap().to_le_bytes());
    clx.extend_from_slice(&plc);
    let clx_at = fc + 2 + 33 * 8;
    fib[clx_at..clx_at + 4].copy_from_slice(&0u32.to_le_bytes());
    fib[clx_at + 4..clx_at + 8].copy_from_slice(&u32::try_from(clx.len()).unwrap().to_le_bytes());
    // PlcBteChpx after the CLX in the table stream: empty ranges at fc 0
    // (none holds a character), each page number 0 (a page of no runs).
    let bte = vec![0u8; 4 * (chpx_pages as usize + 1) + 4 * chpx_pages as usize];
    if chpx_pages > 0 {
        let bte_at = fc + 2 + 12 * 8;
        fib[bte_at..bte_at + 4].copy_from_slice(&u32::try_from(clx.len()).unwrap().to_le_bytes());
        fib[bte_at + 4..bte_at + 8]
            .copy_from_slice(&u32::try_from(bte.len()).unwrap().to_le_bytes());
        clx.extend_from_slice(&bte);
    }
    fib.extend_from_slice(text);
    let f = std::fs::File::create(path).unwrap();
    let mut cf = cfb::CompoundFile::create(f).unwrap();
    cf.create_stream("WordDocument")
        .unwrap()
        .write_all(&fib)
        .unwrap();
    cf.create_stream("1Table").unwrap().write_all(&clx).unwrap();
    cf.flush().unwrap();
}
