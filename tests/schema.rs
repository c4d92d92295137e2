//! Every record the tool writes validates against the published JSON
//! Schema (schema/govreport-1.schema.json, draft 2020-12): the samples, a
//! batch with duplicates and the same report twice, and error records.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/govreport-1.schema.json"),
    )
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is valid draft 2020-12")
}

#[test]
fn every_record_validates_against_the_published_schema() {
    let v = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("missing-is-listed.txt"), "x").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(["extract", "--jobs", "2"])
        .arg(root.join("samples"))
        .arg(root.join("samples/seed-2020-jinyang.docx"))
        .arg(root.join("tests/fixtures/archive.zip"))
        .arg(dir.path().join("no-such-file.pdf"))
        .output()
        .unwrap();
    let mut n = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = v.iter_errors(&rec).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", rec["source"]["path"]);
        n += 1;
    }
    assert!(n >= 30, "{n} records");
    // With provenance too.
    let out = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(["extract", "--provenance"])
        .arg(root.join("samples"))
        .output()
        .unwrap();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = v.iter_errors(&rec).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", rec["source"]["path"]);
    }
    // The schema has teeth: a wrong key or type is refused.
    let mut bad: Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    bad["year"] = Value::from("2020");
    assert!(!v.is_valid(&bad));
    bad["year"] = Value::from(2020);
    bad["unknown_key"] = Value::from(1);
    assert!(!v.is_valid(&bad));
}
