//! `govreport report RECORDS --html`: an archive at a glance, as one
//! self-contained page — documents by format, year and template; errors and
//! warnings by code; a chart of warnings per year (inline SVG); and every
//! document with its warnings in a table that sorts by any column, each
//! linked to its audit page when one was written (`--audit-dir`).

use crate::audit::{STYLE, esc};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

fn text<'v>(r: &'v Value, key: &str) -> &'v str {
    r[key].as_str().unwrap_or("")
}

fn count(items: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

fn count_table(out: &mut String, title: &str, what: &str, counts: &BTreeMap<String, usize>) {
    let _ = write!(
        out,
        "<div class=\"box\"><h3>{}</h3><table><tr><th class=\"label\">{}</th><th>documents</th></tr>",
        esc(title),
        esc(what)
    );
    if counts.is_empty() {
        out.push_str("<tr><td class=\"label\">none</td><td>0</td></tr>");
    }
    for (k, n) in counts {
        let _ = write!(
            out,
            "<tr><td class=\"label\">{}</td><td>{n}</td></tr>",
            esc(k)
        );
    }
    out.push_str("</table></div>");
}

/// Bars of warnings (and documents) per report year.
fn chart(out: &mut String, records: &[Value]) {
    let mut per_year: BTreeMap<i64, (usize, usize)> = BTreeMap::new();
    for r in records {
        if let Some(y) = r["year"].as_i64() {
            let e = per_year.entry(y).or_default();
            e.0 += 1;
            e.1 += r["warnings"]
                .as_array()
                .map_or(0, |w| w.iter().filter(|w| w["severity"] != "info").count());
        }
    }
    if per_year.is_empty() {
        out.push_str("<p>No record has a year.</p>");
        return;
    }
    let max = per_year
        .values()
        .map(|(d, w)| (*d).max(*w))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (bar, gap, height) = (18.0, 14.0, 160.0);
    let width = per_year.len() as f64 * (2.0 * bar + gap) + 40.0;
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{:.0}\" viewBox=\"0 0 {width:.0} {:.0}\">",
        height + 40.0,
        height + 40.0
    );
    for (i, (year, (docs, warns))) in per_year.iter().enumerate() {
        let x = 20.0 + i as f64 * (2.0 * bar + gap);
        for (k, (n, colour, what)) in [
            (docs, "#7aa6d8", "documents"),
            (warns, "#d9534f", "warnings"),
        ]
        .into_iter()
        .enumerate()
        {
            let h = *n as f64 / max * height;
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar}\" height=\"{h:.1}\" fill=\"{colour}\"><title>{year}: {n} {what}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{n}</text>",
                x + k as f64 * bar,
                height + 10.0 - h,
                x + k as f64 * bar + bar / 2.0,
                height + 8.0 - h
            );
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{year}</text>",
            x + bar,
            height + 26.0
        );
    }
    out.push_str("</svg><p class=\"legend\"><span><i class=\"sw\" style=\"background:#7aa6d8\"></i>documents</span><span><i class=\"sw\" style=\"background:#d9534f\"></i>warnings (info left out)</span></p>");
}

const SORT_SCRIPT: &str = "
document.querySelectorAll('table.docs th').forEach(function(th,i){th.addEventListener('click',function(){
var t=th.closest('table'),rows=Array.from(t.querySelectorAll('tr')).slice(1),asc=th.dataset.asc!=='1';
t.querySelectorAll('th').forEach(function(h){h.dataset.asc=''});th.dataset.asc=asc?'1':'0';
rows.sort(function(a,b){var x=a.children[i].dataset.v||a.children[i].textContent,y=b.children[i].dataset.v||b.children[i].textContent;
var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh');return asc?c:-c});
rows.forEach(function(r){t.appendChild(r)});});});
";

/// The summary page. `audit_pages[i]` is the link to record `i`'s audit
/// page, when one was written.
pub fn summary_html(records: &[Value], audit_pages: &[Option<String>]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>govreport: {} documents</title><style>{STYLE}
.box{{display:inline-block;vertical-align:top;margin-right:2em}}table.docs th{{cursor:pointer}}table.docs td{{text-align:left;white-space:normal}}
</style></head><body>",
        records.len()
    );
    let errors = records.iter().filter(|r| !r["error"].is_null()).count();
    let _ = write!(
        out,
        "<h1>{} documents</h1><p class=\"meta\">{} read, {errors} with an error · {} warnings in all</p>",
        records.len(),
        records.len() - errors,
        records
            .iter()
            .map(|r| r["warnings"].as_array().map_or(0, Vec::len))
            .sum::<usize>()
    );
    count_table(
        &mut out,
        "By format",
        "format",
        &count(
            records
                .iter()
                .map(|r| text(&r["source"], "format").to_string()),
        ),
    );
    count_table(
        &mut out,
        "By year",
        "year",
        &count(
            records
                .iter()
                .map(|r| r["year"].as_i64().map_or("—".into(), |y| y.to_string())),
        ),
    );
    count_table(
        &mut out,
        "By template",
        "template",
        &count(
            records
                .iter()
                .map(|r| r["template"].as_str().unwrap_or("—").to_string()),
        ),
    );
    count_table(
        &mut out,
        "Errors",
        "code",
        &count(
            records
                .iter()
                .filter_map(|r| r["error"]["code"].as_str().map(str::to_string)),
        ),
    );
    count_table(
        &mut out,
        "Warnings",
        "code",
        &count(records.iter().flat_map(|r| {
            r["warnings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|w| w["code"].as_str().map(str::to_string))
        })),
    );
    out.push_str("<h2>Warnings per year</h2>");
    chart(&mut out, records);
    out.push_str("<h2>Documents</h2><p class=\"meta\">Click a column to sort.</p><table class=\"docs\"><tr><th>#</th><th>document</th><th>format</th><th>year</th><th>agency</th><th>template</th><th>warnings</th><th>codes</th><th>error</th></tr>");
    for (i, r) in records.iter().enumerate() {
        let path = text(&r["source"], "path");
        let name = match audit_pages.get(i).and_then(|p| p.as_deref()) {
            Some(link) => format!("<a href=\"{}\">{}</a>", esc(link), esc(path)),
            None => esc(path),
        };
        let warnings = r["warnings"].as_array();
        let mut codes: Vec<&str> = warnings
            .into_iter()
            .flatten()
            .filter_map(|w| w["code"].as_str())
            .collect();
        codes.dedup();
        let _ = write!(
            out,
            "<tr><td data-v=\"{i}\">{}</td><td>{name}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td data-v=\"{n}\">{n}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            esc(text(&r["source"], "format")),
            r["year"].as_i64().map_or(String::new(), |y| y.to_string()),
            esc(text(r, "agency")),
            esc(text(r, "template")),
            esc(&codes.join(" ")),
            esc(r["error"]["code"].as_str().unwrap_or("")),
            n = warnings.map_or(0, Vec::len),
        );
    }
    let _ = write!(out, "</table><script>{SORT_SCRIPT}</script></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_links() {
        let recs: Vec<Value> = vec![
            serde_json::json!({"source": {"path": "a.pdf", "format": "pdf"}, "year": 2023, "template": "2021",
                "agency": "甲局", "warnings": [{"code": "balance_mismatch", "severity": "warning"}], "error": null}),
            serde_json::json!({"source": {"path": "b<.docx", "format": "docx"}, "year": null, "template": null,
                "agency": null, "warnings": [], "error": {"code": "corrupt"}}),
        ];
        let html = summary_html(&recs, &[Some("audit/1.html".into()), None]);
        assert!(html.contains("<a href=\"audit/1.html\">a.pdf</a>"));
        assert!(html.contains("b&lt;.docx"));
        assert!(html.contains("balance_mismatch"));
        assert!(html.contains("<td class=\"label\">corrupt</td><td>1</td>"));
        assert!(html.contains("2023: 1 warnings"));
    }
}
