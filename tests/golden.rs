//! Golden tests: every document in samples/ against its hand-checked
//! expected record. Whole records are compared; warnings are compared as a
//! set of (code, severity, section, table, row, column) and errors by code —
//! their messages are prose for people and may be reworded.

use serde_json::Value;
use std::path::Path;

fn warning_keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v
        .as_array()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    ["code", "severity", "section", "table", "row", "column"]
                        .iter()
                        .map(|k| w.get(*k).and_then(Value::as_str).unwrap_or("-"))
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect()
        })
        .unwrap_or_default();
    keys.sort();
    keys
}

/// Lists the differences between two JSON values, as paths.
fn diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, out),
                    None => out.push(format!("{path}.{k}: missing (want {va})")),
                }
            }
            for k in b.keys() {
                if !a.contains_key(k) {
                    out.push(format!("{path}.{k}: unexpected {}", b[k]));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        _ if want == got => {}
        _ => out.push(format!("{path}: want {want}, got {got}")),
    }
}

#[test]
fn samples_match_their_expected_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("samples/")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for expected_path in entries {
        let name = expected_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let doc = entries_doc(&dir, stem);
        let bytes = std::fs::read(&doc).expect("sample document");
        let rel = format!(
            "samples/{}",
            doc.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let record = govreport::extract(&bytes, &rel, &govreport::Options::default());
        let mut got = serde_json::to_value(&record).expect("record serialises");
        // source.tool names the version that wrote the record: checked here,
        // not typed into every expected file.
        assert_eq!(
            got["source"]["tool"],
            format!("govreport {}", env!("CARGO_PKG_VERSION")),
            "{stem}"
        );
        if let Some(s) = got["source"].as_object_mut() {
            s.remove("tool");
        }
        let mut want: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected json"))
                .expect("valid json");
        let (wg, ww) = (
            warning_keys(&got["warnings"]),
            warning_keys(&want["warnings"]),
        );
        got["warnings"] = Value::Null;
        want["warnings"] = Value::Null;
        // An error is compared by its code; its message is prose for people.
        if let Some(e) = got.get_mut("error").and_then(Value::as_object_mut) {
            e.remove("message");
        }
        let mut d = Vec::new();
        diff("", &want, &got, &mut d);
        if wg != ww {
            d.push(format!("warnings: want {ww:#?}\n got {wg:#?}"));
        }
        if !d.is_empty() {
            failures.push(format!("{stem}:\n  {}", d.join("\n  ")));
        }
        checked += 1;
    }
    assert!(checked >= 4, "expected at least 4 samples, found {checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked} samples differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn entries_doc(dir: &Path, stem: &str) -> std::path::PathBuf {
    for ext in ["docx", "doc", "wps", "rtf", "pdf", "ofd", "html", "htm"] {
        let p = dir.join(format!("{stem}.{ext}"));
        if p.exists() {
            return p;
        }
    }
    panic!("no document for {stem}.expected.json");
}

/// The same PDF rewritten with a cross-reference stream and object streams
/// (`qpdf --object-streams=generate`, tests/fixtures/objstm-*.pdf) gives the
/// same record as the sample it was made from, but for its source.
#[test]
fn a_pdf_rewritten_with_object_streams_reads_as_its_original() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (rewritten, original) in [
        ("objstm-lo.pdf", "seed-2020-jinyang-lo.pdf"),
        ("objstm-reportlab.pdf", "reportlab-2023-stsong.pdf"),
    ] {
        let record = |path: String| {
            let bytes = std::fs::read(&path).unwrap();
            let mut v = serde_json::to_value(govreport::extract(
                &bytes,
                "x.pdf",
                &govreport::Options::default(),
            ))
            .unwrap();
            v.as_object_mut().unwrap().remove("source");
            v
        };
        let a = record(format!("{root}/tests/fixtures/{rewritten}"));
        let b = record(format!("{root}/samples/{original}"));
        assert!(a["error"].is_null(), "{rewritten}: {}", a["error"]);
        assert_eq!(a, b, "{rewritten}");
    }
}

/// A report whose prose says no application came in may leave table 三 out
/// (no `missing_table`); one whose section 三 prints the table's words, as
/// lines no table was read from (a print of a broken table, a table pasted
/// as text), lost the table: `missing_table`, whatever the prose says.
#[test]
fn a_table_printed_but_not_read_is_missing_though_the_prose_says_none() {
    let page = |section_three: &str| {
        format!(
            "<html><head><meta charset=\"utf-8\"></head><body>\
             <h1>某县民政局2022年政府信息公开工作年度报告</h1>\
             <p>一、总体情况</p><p>2022年，本局未收到政府信息公开申请。</p>\
             <p>二、主动公开政府信息情况</p><p>本年主动公开信息56条。</p>\
             <p>三、收到和处理政府信息公开申请情况</p>{section_three}\
             <p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生政府信息公开行政复议、行政诉讼情况。</p>\
             <p>五、存在的主要问题及改进情况</p><p>公开内容还不够全面。</p>\
             <p>六、其他需要报告的事项</p><p>无。</p></body></html>"
        )
    };
    let missing = |html: String| {
        let r = serde_json::to_value(govreport::extract(
            html.as_bytes(),
            "x.html",
            &govreport::Options::default(),
        ))
        .unwrap();
        assert!(r["error"].is_null(), "{}", r["error"]);
        let tables: Vec<String> = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "missing_table")
            .map(|w| w["table"].as_str().unwrap_or("").to_string())
            .collect();
        tables
    };
    let none = missing(page("<p>本年度未收到政府信息公开申请。</p>"));
    assert!(!none.contains(&"applications".to_string()), "{none:?}");
    let lines = [
        "申请人情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 ** Expression is faulty **",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0",
        "（一）予以公开 0 0 0 0 0 0",
        "（二）部分公开 0 0 0 0 0 0",
        "（三）不予公开 1.属于国家秘密 0 0 0 0 0 0",
        "（四）无法提供 1.本机关不掌握相关政府信息 0 0 0 0 0 0",
        "（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0",
        "四、结转下年度继续办理 0 0 0 0 0 0",
    ];
    let printed: String = lines.iter().map(|l| format!("<p>{l}</p>")).collect();
    let lost = missing(page(&printed));
    assert!(lost.contains(&"applications".to_string()), "{lost:?}");
    // The other tables are as they were.
    assert_eq!(lost.len(), none.len() + 1, "{lost:?} {none:?}");
}
