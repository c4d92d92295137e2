//! Whole-archive use: zip archives, stdin lists, resume, CSV, duplicates,
//! series, show.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run govreport")
}

fn records(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

#[test]
fn zip_archive_members_nested_zip_and_gbk_names() {
    let zip = root().join("tests/fixtures/archive.zip");
    let out = run(&["extract", zip.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    let paths: Vec<String> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    let z = zip.to_str().unwrap();
    assert_eq!(
        paths,
        vec![
            format!("{z}!2020年报/锦阳路街道.docx"),
            format!("{z}!more.zip!county/county-2022.docx"),
            format!("{z}!wps-2024.pdf"),
        ]
    );
    assert_eq!(recs[0]["applications"]["new_received"]["total"], 2);
    assert_eq!(recs[2]["source"]["format"], "pdf");
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 2"));
}

/// Zip bytes holding the given (name, content) members.
fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in members {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// Members that are zips holding nothing we read (an empty zip named
/// `.docx`, an empty or text-only `.zip`) were opened, held nothing, and
/// left no record. A member cut before its zip directory keeps its own.
#[test]
fn archive_members_holding_no_document_get_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut cut = b"PK\x05\x06".to_vec();
    cut.extend_from_slice(&[0; 16]);
    cut.extend_from_slice(b"\x02\x00cp");
    // Cut before its central directory: read as a truncated document.
    let mut broken = zip_bytes(&[("a.txt", b"hello")]);
    broken.truncate(40);
    let outer = dir.path().join("outer.zip");
    std::fs::write(
        &outer,
        zip_bytes(&[
            ("a/cut.docx", &cut),
            ("a/empty.zip", &zip_bytes(&[])),
            ("a/texts.zip", &zip_bytes(&[("x.txt", b"hi")])),
            ("a/broken.bin", &broken),
            ("a/stray.bin", &zip_bytes(&[("y.txt", b"hi")])),
        ]),
    )
    .unwrap();
    let out = run(&["extract", outer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    let o = outer.to_str().unwrap();
    let paths: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            format!("{o}!a/cut.docx"),
            format!("{o}!a/empty.zip"),
            format!("{o}!a/texts.zip"),
            format!("{o}!a/broken.bin"),
        ]
    );
    for r in &recs {
        assert!(r["error"]["code"].is_string(), "{r}");
    }
    // Text files inside, and a zip named as nothing we read holding only
    // text, are skipped and counted.
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 2"));
}

#[test]
fn stdin_path_list() {
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!(
        "{}\n\n{}\n",
        root().join("samples/seed-2020-jinyang.docx").display(),
        root().join("samples/wps-2024-grid-utf8.html").display()
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["source"]["format"], "html");
}

fn copy_samples(dir: &Path, names: &[&str]) {
    for n in names {
        std::fs::copy(root().join("samples").join(n), dir.join(n)).unwrap();
    }
}

#[test]
fn resume_after_a_kill_skips_done_inputs_and_repairs_a_half_line() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    copy_samples(
        &docs,
        &[
            "seed-2020-jinyang.docx",
            "wps-2024-grid.docx",
            "county-2022-numbered.docx",
        ],
    );
    let out_file = dir.path().join("out.jsonl");
    let full = run(&[
        "extract",
        docs.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(full.status.code(), Some(0));
    let complete = std::fs::read(&out_file).unwrap();
    // Simulate a kill: the first record whole, the second cut mid-line.
    let first_end = complete.iter().position(|b| *b == b'\n').unwrap() + 1;
    let mut partial = complete[..first_end].to_vec();
    partial.extend_from_slice(&complete[first_end..first_end + 40]);
    std::fs::write(&out_file, &partial).unwrap();
    let resumed = run(&[
        "extract",
        docs.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
        "--resume",
    ]);
    assert_eq!(resumed.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&resumed.stderr).contains("already done 1"));
    let after = std::fs::read(&out_file).unwrap();
    assert_eq!(
        records(&after),
        records(&complete),
        "the resumed file holds every record once, whole"
    );
}

#[test]
fn csv_columns_are_fixed_and_equal_across_runs() {
    let a = run(&[
        "extract",
        "--format",
        "csv",
        root()
            .join("samples/seed-2020-jinyang.docx")
            .to_str()
            .unwrap(),
    ]);
    let b = run(&[
        "extract",
        "--format",
        "csv",
        "--bom",
        root()
            .join("samples/county-2022-numbered.docx")
            .to_str()
            .unwrap(),
    ]);
    let ta = String::from_utf8(a.stdout).unwrap();
    let tb = String::from_utf8(b.stdout).unwrap();
    let ha = ta.lines().next().unwrap();
    let hb = tb.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(tb.starts_with('\u{feff}'));
    assert!(!ta.starts_with('\u{feff}'));
    assert_eq!(ha, hb);
    let cols: Vec<&str> = ha.split(',').collect();
    let row: Vec<&str> = ta.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(cols.len(), row.len());
    let at = |name: &str| cols.iter().position(|c| *c == name).unwrap();
    assert_eq!(row[at("applications.new_received.total")], "2");
    assert_eq!(
        row[at("applications.other_misc.total")],
        "",
        "null is empty"
    );
    assert_eq!(row[at("year")], "2020");
    assert_eq!(row[at("warning_codes")], "narrative_mismatch");
}

#[test]
fn duplicates_point_to_the_first_path_and_are_not_extracted_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("samples/seed-2020-jinyang.docx"),
        dir.path().join("a.docx"),
    )
    .unwrap();
    std::fs::copy(
        root().join("samples/seed-2020-jinyang.docx"),
        dir.path().join("b.docx"),
    )
    .unwrap();
    let out = run(&["extract", "--jobs", "2", dir.path().to_str().unwrap()]);
    let recs = records(&out.stdout);
    assert!(recs[0]["duplicate_of"].is_null());
    assert_eq!(recs[1]["duplicate_of"], recs[0]["source"]["path"]);
    assert!(
        recs[1]["applications"].is_null(),
        "the copy is not extracted again"
    );
    assert_eq!(recs[1]["source"]["sha256"], recs[0]["source"]["sha256"]);
}

#[test]
fn series_finds_a_planted_carryover_break() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    let rec = |year: i64, over: i64, forward: i64| {
        serde_json::json!({"source": {"path": format!("r{year}.docx")}, "agency": "某县人民政府", "year": year,
            "template": "2021", "error": null, "duplicate_of": null,
            "applications": {"carried_over": {"total": over}, "carried_forward": {"total": forward}}})
        .to_string()
    };
    std::fs::write(
        &file,
        [rec(2021, 0, 3), rec(2022, 3, 2), rec(2023, 5, 0)].join("\n"),
    )
    .unwrap();
    let out = run(&["series", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let findings = records(&out.stdout);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["code"], "carryover_mismatch");
    assert_eq!(findings[0]["year"], 2023);
    assert_eq!(findings[0]["value"], 5.0);
    assert_eq!(findings[0]["expected"], 2.0);
    let text = run(&["series", "--format", "text", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("2022→2023"));
}

#[test]
fn show_prints_tables_with_marked_cells_and_warnings() {
    let out = run(&[
        "show",
        root()
            .join("samples/layout-2022-inconsistent.docx")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("三、收到和处理政府信息公开申请情况"));
    assert!(text.contains("行政复议"));
    // The row total that disagrees is marked, and the warning listed.
    let row = text
        .lines()
        .find(|l| l.starts_with("一、本年新收"))
        .unwrap();
    assert!(row.trim_end().ends_with("8*"), "{row}");
    assert!(text.contains("row_total_mismatch"));
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn resume_needs_an_output_file() {
    assert_eq!(
        run(&["extract", "--resume", "x.docx"]).status.code(),
        Some(2)
    );
}

/// A worker is handed each document's sha256 with its bytes (the batch has
/// hashed it to find duplicates) and writes it as the record's; a request
/// without one is refused.
#[test]
fn workers_take_the_hash_the_batch_computed() {
    use std::io::Write;
    let bytes = std::fs::read(root().join("samples/seed-2020-jinyang.docx")).unwrap();
    let talk = |header: String| {
        let mut child = bin()
            .arg("worker")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(header.as_bytes()).unwrap();
        stdin.write_all(&bytes).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let given = "ab".repeat(32);
    let out = talk(format!("{} {given} \"a b.docx\"\n", bytes.len()));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["sha256"], given.as_str());
    assert_eq!(recs[0]["source"]["path"], "a b.docx");
    assert_eq!(recs[0]["applications"]["new_received"]["total"], 2);
    // The old request, without the hash: refused, no record.
    let out = talk(format!("{} \"a.docx\"\n", bytes.len()));
    assert!(records(&out.stdout).is_empty());
    assert!(!out.status.success());
}

/// A document that aborts the process reading it (as an allocation failure
/// does) costs only its own record: the worker dies, the document gets
/// `internal`, a new worker reads the rest.
#[test]
fn an_abort_costs_one_document_not_the_batch() {
    let files = [
        "seed-2020-jinyang.docx",
        "wps-2024-grid.docx",
        "county-2022-numbered.docx",
        "traditional-2021-outline.docx",
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|f| {
            root()
                .join("samples")
                .join(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for jobs in ["1", "2"] {
        let out = bin()
            .args(["extract", "--jobs", jobs])
            .args(&paths)
            .env("GOVREPORT_TEST_ABORT_ON", "wps-2024-grid")
            .output()
            .unwrap();
        let recs = records(&out.stdout);
        assert_eq!(recs.len(), 4, "jobs {jobs}: every record is there");
        assert_eq!(recs[1]["error"]["code"], "internal");
        assert!(
            recs[1]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("SIGABRT")
        );
        for i in [0, 2, 3] {
            assert!(recs[i]["error"].is_null(), "jobs {jobs}: {}", recs[i]);
        }
        assert_eq!(recs[0]["applications"]["new_received"]["total"], 2);
        assert_eq!(out.status.code(), Some(1));
    }
}

/// A reader that hangs past the deadline (a loop that misses its deadline
/// check) is killed: the document gets `timeout`, the rest are read.
#[test]
fn a_hung_reader_is_stopped_after_the_deadline() {
    let samples = root().join("samples");
    let started = std::time::Instant::now();
    let out = bin()
        .args(["extract", "--jobs", "1", "--timeout", "1"])
        .arg(samples.join("wps-2024-grid.docx"))
        .arg(samples.join("seed-2020-jinyang.docx"))
        .env("GOVREPORT_TEST_HANG_ON", "wps-2024-grid")
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["code"], "timeout");
    assert!(recs[1]["error"].is_null());
    // Deadline 1 s + 5 s grace, plus starting a new worker.
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
}

/// `series` takes JSON Lines, a JSON array or stdin; counts print as
/// integers; a file of something else ends with status 1.
#[test]
fn series_reads_lines_arrays_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let rec = |year: i64, over: i64, forward: i64| {
        serde_json::json!({
            "schema": "govreport/1", "source": {"path": format!("r{year}.docx")},
            "agency": "某局", "year": year, "template": "2021",
            "applications": {
                "carried_over": {"natural_person": over, "total": over},
                "carried_forward": {"natural_person": forward, "total": forward}
            }
        })
    };
    let recs = [rec(2021, 0, 3), rec(2022, 5, 0)];
    let lines: String = recs.iter().map(|r| format!("{r}\n")).collect();
    let array = serde_json::to_string(&recs).unwrap();
    std::fs::write(dir.path().join("r.jsonl"), &lines).unwrap();
    std::fs::write(dir.path().join("r.json"), &array).unwrap();
    for f in ["r.jsonl", "r.json"] {
        let out = run(&["series", dir.path().join(f).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{f}");
        let first: Value =
            serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap())
                .unwrap();
        assert_eq!(first["code"], "carryover_mismatch");
        assert_eq!(first["value"], serde_json::json!(5), "an integer, not 5.0");
    }
    let mut child = bin()
        .args(["series", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("carryover_mismatch"));
    std::fs::write(dir.path().join("notes.txt"), "a\nb\nc\nd\ne\nf\n").unwrap();
    let out = run(&["series", dir.path().join("notes.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

/// `show` and `dump` take `archive.zip!member` as records name it; `dump
/// --stage` says what it needs.
#[test]
fn show_and_dump_open_archive_members() {
    let archive = root().join("tests/fixtures/archive.zip");
    let member = format!("{}!more.zip!county/county-2022.docx", archive.display());
    let out = run(&["show", "--color", "never", &member]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("某某县人民政府办公室"));
    let out = run(&["dump", &member]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["dump", "--stage", "lines", &member]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
    let pdf = root().join("samples/seed-2020-jinyang-lo.pdf");
    let out = run(&[
        "dump",
        "--stage",
        "lines",
        "--page",
        "0",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--resume` works for CSV as for JSON Lines: rows already there are kept,
/// a half-written last row is cut off, the header is not written twice.
#[test]
fn csv_output_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for f in [
        "seed-2020-jinyang.docx",
        "wps-2024-grid.docx",
        "county-2022-numbered.docx",
    ] {
        std::fs::copy(root().join("samples").join(f), docs.join(f)).unwrap();
    }
    let out = dir.path().join("out.csv");
    let csv = |args: &[&str]| {
        let mut a = vec!["extract", "--format", "csv", "-o", out.to_str().unwrap()];
        a.extend_from_slice(args);
        a.push(docs.to_str().unwrap());
        run(&a)
    };
    assert_eq!(csv(&[]).status.code(), Some(0));
    let full = std::fs::read_to_string(&out).unwrap();
    assert_eq!(full.lines().count(), 4, "header + 3 rows");
    // An interrupted run: the header, one row and half of the next.
    let lines: Vec<&str> = full.split_inclusive('\n').collect();
    let cut = format!(
        "{}{}{}",
        lines[0],
        lines[1],
        &lines[2][..lines[2].len() / 2]
    );
    std::fs::write(&out, cut).unwrap();
    let again = csv(&["--resume"]);
    assert_eq!(again.status.code(), Some(0));
    let resumed = std::fs::read_to_string(&out).unwrap();
    assert_eq!(resumed.lines().count(), 4, "{resumed}");
    assert_eq!(resumed.matches("path,format,sha256").count(), 1);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already done 1"));
}

/// OFD is read like PDF wherever documents are found: named, in a folder,
/// inside a zip archive; `dump --stage` shows its page reader.
#[test]
fn ofd_reads_in_files_folders_and_archives_and_dumps_its_stages() {
    let dir = tempfile::tempdir().unwrap();
    let ofd = root().join("samples/ofd-2023-glyphs.ofd");
    let folder = dir.path().join("docs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&ofd, folder.join("report.ofd")).unwrap();
    let archive = dir.path().join("reports.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    z.start_file("2023/report.ofd", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, &std::fs::read(&ofd).unwrap()).unwrap();
    z.finish().unwrap();
    for input in [&ofd, &folder, &archive] {
        let out = run(&["extract", input.to_str().unwrap()]);
        let recs = records(&out.stdout);
        assert_eq!(recs.len(), 1, "{}", input.display());
        let r = &recs[0];
        assert_eq!(r["source"]["format"], "ofd", "{r}");
        assert!(r["error"].is_null(), "{r}");
        assert_eq!(r["applications"]["new_received"]["total"], 17, "{r}");
    }
    let out = run(&[
        "dump",
        "--stage",
        "segments",
        "--page",
        "1",
        ofd.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("page 1:"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("H ")) && text.lines().any(|l| l.starts_with("V ")));
}

/// A file over the size limit is not read whole, but its record names the
/// file: its whole size and sha256 (they were those of the first limit + 1
/// bytes read, `"bytes": 1048577` for a 2 MB scan), on disk and in an
/// archive.
#[test]
fn an_input_over_the_size_limit_names_its_whole_size_and_sha256() {
    let dir = tempfile::tempdir().unwrap();
    // 2 MB that compress poorly: a PDF header and a pseudo-random body.
    let mut big = b"%PDF-1.4\n".to_vec();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while big.len() < 2_000_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        big.extend_from_slice(&x.to_le_bytes());
    }
    let file = dir.path().join("scan.pdf");
    std::fs::write(&file, &big).unwrap();
    let archive = dir.path().join("archive.zip");
    std::fs::write(&archive, zip_bytes(&[("2023/scan.pdf", &big)])).unwrap();
    let sha = govreport::sha256_hex(&big);
    for path in [&file, &archive] {
        let out = run(&["extract", "--max-input-bytes", "1M", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let rec = &records(&out.stdout)[0];
        assert_eq!(rec["error"]["code"], "too_large");
        assert_eq!(rec["source"]["bytes"], big.len());
        assert_eq!(rec["source"]["sha256"], sha.as_str());
        assert_eq!(rec["source"]["format"], "pdf");
        let message = rec["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("{} bytes", big.len())),
            "{message}"
        );
    }
}
