//! The command line: exit codes, bad input, directories, output formats.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run govreport")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON record"))
        .collect()
}

#[test]
fn good_file_exits_zero_with_one_jsonl_line() {
    let s = sample("seed-2020-jinyang.docx");
    let out = run(&["extract", s.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["applications"]["new_received"]["total"], 2);
    assert!(recs[0]["error"].is_null());
}

#[test]
fn unreadable_file_gets_an_error_record_and_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("report.docx");
    std::fs::write(&bad, b"PK\x03\x04 this is not really a zip file").unwrap();
    let text = dir.path().join("notes.docx");
    std::fs::write(&text, "just some text, renamed").unwrap();
    let empty = dir.path().join("empty.docx");
    std::fs::write(&empty, b"").unwrap();
    let good = sample("wps-2024-grid.docx");
    let out = run(&[
        "extract",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
        text.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 4, "one record per named file, in order");
    assert_eq!(recs[0]["error"]["code"], "corrupt");
    assert!(recs[1]["error"].is_null());
    assert_eq!(recs[2]["error"]["code"], "unsupported_format");
    assert_eq!(recs[3]["error"]["code"], "unsupported_format");
    assert!(
        recs[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("empty")
    );
    assert!(!recs[0]["source"]["sha256"].as_str().unwrap().is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.docx"));
}

#[test]
fn docx_without_document_part_is_corrupt_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hollow.docx");
    let f = std::fs::File::create(&p).unwrap();
    let mut z = zip::ZipWriter::new(f);
    z.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, b"<w:styles/>").unwrap();
    z.finish().unwrap();
    let out = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs[0]["error"]["code"], "corrupt");
    assert!(
        recs[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("document.xml")
    );
}

#[test]
fn missing_path_gets_a_record_and_bad_usage_exits_two() {
    let out = run(&["extract", "/nonexistent/report.docx"]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["error"]["code"], "not_found");
    assert_eq!(recs[0]["source"]["path"], "/nonexistent/report.docx");
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn directories_are_walked_and_other_files_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2020").join("county");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(sample("seed-2020-jinyang.docx"), sub.join("a.docx")).unwrap();
    // Named .dat but a DOCX: format comes from content.
    std::fs::copy(
        sample("county-2022-numbered.docx"),
        dir.path().join("b.dat"),
    )
    .unwrap();
    std::fs::write(dir.path().join("readme.txt"), "not a report").unwrap();
    let out = run(&["extract", "--jobs", "2", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    let paths: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert!(
        paths[0].ends_with("a.docx") && paths[1].ends_with("b.dat"),
        "{paths:?}"
    );
    assert_eq!(recs[1]["source"]["format"], "docx");
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 1"));
}

#[test]
fn json_format_is_one_object_or_an_array_and_output_file_works() {
    let s = sample("seed-2020-jinyang.docx");
    let out = run(&["extract", "--format", "json", s.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_object());
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("out.json");
    let out = run(&[
        "extract",
        "--format",
        "json",
        "-o",
        o.to_str().unwrap(),
        s.to_str().unwrap(),
        s.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&o).unwrap()).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert!(arr[0]["duplicate_of"].is_null());
    assert_eq!(arr[1]["duplicate_of"], arr[0]["source"]["path"]);
    // A directory, or `-`, always gives an array, even of one or none.
    let one = tempfile::tempdir().unwrap();
    std::fs::copy(&s, one.path().join("a.docx")).unwrap();
    let v: Value = serde_json::from_slice(
        &run(&["extract", "--format", "json", one.path().to_str().unwrap()]).stdout,
    )
    .unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let empty = tempfile::tempdir().unwrap();
    let v: Value = serde_json::from_slice(
        &run(&[
            "extract",
            "--format",
            "json",
            empty.path().to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(0));
    let mut child = bin()
        .args(["extract", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        format!("{}\n", s.display()).as_bytes(),
    )
    .unwrap();
    drop(child.stdin.take());
    let v: Value = serde_json::from_slice(&child.wait_with_output().unwrap().stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

#[test]
fn samples_directory_runs_in_input_order_with_many_jobs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let one = run(&["extract", "--jobs", "1", dir.to_str().unwrap()]);
    let many = run(&["extract", "--jobs", "8", dir.to_str().unwrap()]);
    // samples/ holds a password-protected PDF and a scanned one, alone and
    // under a download stamp, on purpose.
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, many.stdout);
    let recs = lines(&one);
    let errors: Vec<&str> = recs
        .iter()
        .filter_map(|r| r["error"]["code"].as_str())
        .collect();
    assert_eq!(errors, vec!["encrypted", "no_text_layer", "no_text_layer"]);
}

/// Writes a minimal OLE file with the given streams.
fn ole_file(path: &Path, streams: &[(&str, Vec<u8>)]) {
    let f = std::fs::File::create(path).unwrap();
    let mut cf = cfb::CompoundFile::create(f).unwrap();
    for (name, data) in streams {
        let mut s = cf.create_stream(name).unwrap();
        std::io::Write::write_all(&mut s, data).unwrap();
    }
    cf.flush().unwrap();
}

#[test]
fn word_binary_edge_cases_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    // A Word FIB with fEncrypted set.
    let mut fib = vec![0u8; 1024];
    fib[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    fib[0x0A..0x0C].copy_from_slice(&0x0100u16.to_le_bytes());
    let enc = dir.path().join("protected.doc");
    ole_file(&enc, &[("WordDocument", fib)]);
    // Microsoft Works .wps: an OLE file without a WordDocument stream.
    let works = dir.path().join("works.wps");
    ole_file(&works, &[("CONTENTS", b"works text".to_vec())]);
    // An HTML error page saved with a .doc name.
    let page = dir.path().join("page.doc");
    std::fs::write(&page, "<html><body><p>404 页面不存在</p></body></html>").unwrap();
    let out = run(&[
        "extract",
        enc.to_str().unwrap(),
        works.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    let recs = lines(&out);
    assert_eq!(recs[0]["error"]["code"], "encrypted");
    assert_eq!(recs[1]["error"]["code"], "unsupported_format");
    // Read as HTML (not as a .doc), and a 404 page is no report.
    assert_eq!(recs[2]["source"]["format"], "html");
    assert_eq!(recs[2]["error"]["code"], "not_a_report");
}

/// A folder's RTF files get records by their name or their content: an
/// RTF report named .doc (as publishing systems export them) is read as
/// RTF, a broken .rtf is one record saying what it is, and an RTF without
/// an RTF name is found by its content.
#[test]
fn rtf_files_in_a_folder_are_read_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let report = std::fs::read(sample("seed-2020-numbered-rtf.rtf")).unwrap();
    std::fs::write(dir.path().join("a-report.doc"), &report).unwrap();
    std::fs::write(dir.path().join("b-broken.rtf"), b"not rtf at all").unwrap();
    std::fs::write(dir.path().join("c-noname"), &report).unwrap();
    let out = run(&["extract", "--jobs", "1", dir.path().to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 3, "{recs:?}");
    let by_name = |n: &str| {
        recs.iter()
            .find(|r| r["source"]["path"].as_str().unwrap().ends_with(n))
            .unwrap_or_else(|| panic!("no record for {n}"))
    };
    assert_eq!(by_name("a-report.doc")["source"]["format"], "rtf");
    assert!(by_name("a-report.doc")["error"].is_null());
    assert_eq!(by_name("a-report.doc")["year"], 2020);
    assert_eq!(
        by_name("b-broken.rtf")["error"]["code"],
        "unsupported_format"
    );
    assert_eq!(by_name("c-noname")["source"]["format"], "rtf");
}

/// Writes a zip holding the given (name, content) members.
fn write_zip(path: &Path, members: &[(&str, &[u8])]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in members {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, data).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn office_file_or_archive_without_documents_gets_one_record_each() {
    let dir = tempfile::tempdir().unwrap();
    // An XLSX renamed .docx: a package, never opened as an archive.
    let xlsx = dir.path().join("book.docx");
    write_zip(
        &xlsx,
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            (
                "xl/styles.xml",
                b"<styleSheet><div><table/></div></styleSheet>",
            ),
        ],
    );
    let empty = dir.path().join("empty.zip");
    write_zip(&empty, &[]);
    let texts = dir.path().join("texts.zip");
    write_zip(&texts, &[("a.txt", b"hello"), ("b.csv", b"1,2")]);
    let out = run(&[
        "extract",
        xlsx.to_str().unwrap(),
        empty.to_str().unwrap(),
        texts.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 3, "one record per named file");
    for r in &recs {
        assert_eq!(r["error"]["code"], "unsupported_format", "{r}");
    }
}

/// A `.docx` that is an empty zip (a download cut off, a copy gone wrong)
/// was opened as an archive when met in a folder, held nothing, and left no
/// record: the batch lost the file without a word.
#[test]
fn empty_zip_named_docx_in_a_folder_gets_its_record() {
    let dir = tempfile::tempdir().unwrap();
    // An end-of-archive record for no members, with a comment.
    let mut cut = b"PK\x05\x06".to_vec();
    cut.extend_from_slice(&[0; 16]);
    cut.extend_from_slice(b"\x02\x00cp");
    std::fs::write(dir.path().join("cut.docx"), cut).unwrap();
    write_zip(&dir.path().join("empty.zip"), &[]);
    write_zip(&dir.path().join("texts.zip"), &[("a.txt", b"hello")]);
    // Not claiming a format we read: skipped, as a folder's other files are.
    write_zip(&dir.path().join("data.bin"), &[("a.txt", b"hello")]);
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    let names: Vec<&str> = recs
        .iter()
        .map(|r| {
            r["source"]["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["cut.docx", "empty.zip", "texts.zip"]);
    for r in &recs {
        assert_eq!(r["error"]["code"], "unsupported_format", "{r}");
    }
}

#[test]
fn encrypted_or_unreadably_compressed_archive_members_get_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.zip");
    let good = std::fs::read(sample("seed-2020-jinyang.docx")).unwrap();
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in ["a-locked.docx", "b-bzip2.pdf", "c-good.docx"] {
        z.start_file(name, stored).unwrap();
        std::io::Write::write_all(&mut z, &good).unwrap();
    }
    z.finish().unwrap();
    // Mark member 1 encrypted (flag bit 0) and member 2 as bzip2 (method
    // 12), in both its local and its central header.
    let mut bytes = std::fs::read(&path).unwrap();
    let find_all = |b: &[u8], sig: &[u8]| -> Vec<usize> {
        b.windows(4)
            .enumerate()
            .filter(|(_, w)| *w == sig)
            .map(|(i, _)| i)
            .collect()
    };
    let locals = find_all(&bytes, b"PK\x03\x04");
    let centrals = find_all(&bytes, b"PK\x01\x02");
    // Only the headers the writer made (the DOCX inside is stored too, so
    // its own signatures appear: take the outer ones by name).
    let at = |offsets: &[usize], name_at: usize, name: &[u8]| -> usize {
        *offsets
            .iter()
            .find(|o| bytes.get(**o + name_at..**o + name_at + name.len()) == Some(name))
            .unwrap()
    };
    let (l1, c1) = (at(&locals, 30, b"a-locked"), at(&centrals, 46, b"a-locked"));
    let (l2, c2) = (at(&locals, 30, b"b-bzip2"), at(&centrals, 46, b"b-bzip2"));
    bytes[l1 + 6] |= 1;
    bytes[c1 + 8] |= 1;
    bytes[l2 + 8] = 12;
    bytes[c2 + 10] = 12;
    std::fs::write(&path, &bytes).unwrap();
    let out = run(&["extract", path.to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(recs[0]["error"]["code"], "encrypted");
    assert_eq!(recs[1]["error"]["code"], "unsupported_format");
    assert!(recs[2]["error"].is_null());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn files_named_as_documents_always_get_a_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.docx"), "plain text, renamed").unwrap();
    std::fs::write(dir.path().join("data.csv"), "a,b\n1,2\n").unwrap();
    write_zip(
        &dir.path().join("batch.zip"),
        &[("zeros.pdf", &[0u8; 4096]), ("readme.txt", b"hello")],
    );
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    let recs = lines(&out);
    let paths: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(recs.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("batch.zip!zeros.pdf"), "{paths:?}");
    assert!(paths[1].ends_with("notes.docx"), "{paths:?}");
    for r in &recs {
        assert_eq!(r["error"]["code"], "unsupported_format");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped 2 files"), "{stderr}");
}

/// GBK file names (Chinese Windows archives unpacked on Linux): on the
/// command line, in a directory, in a `-` list and a `-0` list, each gets
/// its record with the lossy path and the raw bytes in `path_hex`.
#[cfg(unix)]
#[test]
fn non_utf8_paths_are_read_and_reported_raw() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // 年报.docx in GBK: c4 ea b1 a8
    let raw: &[u8] = b"\xc4\xea\xb1\xa8.docx";
    let name = std::ffi::OsStr::from_bytes(raw);
    let path = dir.path().join(name);
    std::fs::copy(sample("seed-2020-jinyang.docx"), &path).unwrap();
    let check = |out: &Output| {
        let recs = lines(out);
        assert_eq!(recs.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
        assert!(recs[0]["error"].is_null(), "{}", recs[0]);
        let hex = recs[0]["source"]["path_hex"].as_str().unwrap();
        assert!(hex.ends_with("c4eab1a82e646f6378"), "{hex}");
        assert!(
            recs[0]["source"]["path"]
                .as_str()
                .unwrap()
                .contains('\u{fffd}')
        );
    };
    check(&bin().arg("extract").arg(&path).output().unwrap());
    check(&bin().arg("extract").arg(dir.path()).output().unwrap());
    for (flag, sep) in [(None, b'\n'), (Some("-0"), b'\0')] {
        let mut child = bin()
            .arg("extract")
            .args(flag)
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut list = path.as_os_str().as_bytes().to_vec();
        list.push(sep);
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), &list).unwrap();
        drop(child.stdin.take());
        check(&child.wait_with_output().unwrap());
    }
}

/// A FIFO and a symbolic-link loop inside a directory: the walk finishes,
/// skipping both; the report beside them is read.
#[cfg(unix)]
#[test]
fn directories_with_a_fifo_and_a_link_loop_finish() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("seed-2020-jinyang.docx"), dir.path().join("a.docx")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let fifo = dir.path().join("pipe.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let out = run(&["extract", "-v", dir.path().to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(recs[0]["error"].is_null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped ") && stderr.contains("loop (symbolic link"),
        "{stderr}"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(stderr.contains("skipped 2 files"), "{stderr}");
    }
    // -L follows the link: the loop is found and reported once, the report
    // is read once (the second sighting is a duplicate).
    let out = run(&["extract", "-L", dir.path().to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("symbolic-link loop").count(), 1, "{stderr}");
}

/// `govreport extract DIR | head -1`: once the reader has gone, the run
/// stops quietly (no error, no summary) as rg does.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::BufRead;
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut child = bin()
        .args(["extract", "--jobs", "1"])
        .arg(&samples)
        .arg(&samples)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("documents in"), "{stderr}");
    assert!(!stderr.contains("failed"), "{stderr}");
}

#[test]
fn quiet_units_bom_and_colour_flags() {
    let s = sample("seed-2020-jinyang.docx");
    let p = s.to_str().unwrap();
    // Units on limits.
    let out = run(&["extract", "--timeout", "2.5", "--max-input-bytes", "10M", p]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        run(&["extract", "--max-input-bytes", "ten", p])
            .status
            .code(),
        Some(2)
    );
    // -q: records only.
    let bad = sample("protected-password.pdf");
    let out = run(&["extract", "-q", p, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(lines(&out).len(), 2);
    // --bom is for CSV only.
    assert_eq!(run(&["extract", "--bom", p]).status.code(), Some(2));
    let csv = run(&["extract", "--format", "csv", "--bom", p]);
    assert!(csv.stdout.starts_with(b"\xEF\xBB\xBF"));
    // show --color.
    let always = run(&["show", "--color", "always", p]);
    assert!(String::from_utf8_lossy(&always.stdout).contains('\x1b'));
    let never = run(&["show", "--color", "never", p]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
}

/// A readable document that is not an annual report (a notice in a folder
/// of downloads) is flagged `not_a_report`; a report is not.
#[test]
fn documents_that_are_not_reports_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
        <w:p><w:r><w:t>关于做好2021年春节期间安全生产工作的通知</w:t></w:r></w:p>\
        <w:p><w:r><w:t>各乡镇人民政府：现将有关事项通知如下。</w:t></w:r></w:p></w:body></w:document>";
    write_zip(
        &dir.path().join("notice.docx"),
        &[("word/document.xml", doc.as_bytes())],
    );
    std::fs::write(
        dir.path().join("page.html"),
        "<!DOCTYPE html><html><body><h1>网站地图</h1><p>首页 政务公开 互动交流</p></body></html>",
    )
    .unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    for r in &recs {
        assert_eq!(r["error"]["code"], "not_a_report", "{r}");
    }
    let report = run(&[
        "extract",
        sample("seed-2020-jinyang.docx").to_str().unwrap(),
    ]);
    assert!(lines(&report)[0]["error"].is_null());
}

#[test]
fn completions_and_man_page_come_from_the_command_definitions() {
    let bash = run(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let text = String::from_utf8_lossy(&bash.stdout);
    assert!(text.contains("govreport") && text.contains("extract"));
    let man = run(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH govreport 1"));
}
