//! Cross-year checks over extracted records: for each agency, consecutive
//! years are compared — this year's 二、上年结转 against last year's
//! 四、结转下年度继续办理 per column (`carryover_mismatch`), and, in the 2019
//! template, this year's 上一年项目数量 against last year's figure plus its
//! 本年增/减 (`previous_items_mismatch`, info: a soft relation).

use crate::cell::Num;
use crate::template::{APPLICANT_COLUMNS, APPLICATION_ROWS};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: &'static str,
    pub agency: String,
    pub year: i64,
    pub previous_year: i64,
    pub path: String,
    pub previous_path: String,
    pub table: &'static str,
    pub row: String,
    pub column: String,
    /// Counts print as integers (as in records).
    pub value: Option<Num>,
    pub expected: Option<Num>,
    pub message: String,
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn cell(r: &Value, t: &str, row: &str, col: &str) -> Option<f64> {
    num(r.get(t)?.get(row)?.get(col)?)
}

fn label(row: &str) -> &'static str {
    APPLICATION_ROWS
        .iter()
        .find(|d| d.key == row)
        .map_or("", |d| d.label)
}

/// Items of table 二 (2019) with 上一年项目数量 and 本年增/减.
const ITEM_ROWS: &[(&str, &str)] = &[
    ("licensing", "行政许可"),
    ("other_services", "其他对外管理服务事项"),
    ("penalties", "行政处罚"),
    ("coercion", "行政强制"),
    ("fees", "行政事业性收费"),
];

/// Checks records (parsed JSON) and returns the findings, agency by agency,
/// year by year. Records without agency or year, with an error, or marked as
/// duplicates are left out; for an agency with two records in one year the
/// first is used.
pub fn check(records: &[Value]) -> Vec<Finding> {
    let mut by_agency: BTreeMap<String, BTreeMap<i64, &Value>> = BTreeMap::new();
    for r in records {
        if !r["error"].is_null() || !r["duplicate_of"].is_null() {
            continue;
        }
        let (Some(agency), Some(year)) = (r["agency"].as_str(), r["year"].as_i64()) else {
            continue;
        };
        by_agency
            .entry(agency.to_string())
            .or_default()
            .entry(year)
            .or_insert(r);
    }
    let mut out = Vec::new();
    for (agency, years) in &by_agency {
        for (year, cur) in years {
            let Some(prev) = years.get(&(year - 1)) else {
                continue;
            };
            let path = |r: &Value| r["source"]["path"].as_str().unwrap_or("").to_string();
            for col in APPLICANT_COLUMNS {
                let now = cell(cur, "applications", "carried_over", col.key);
                let before = cell(prev, "applications", "carried_forward", col.key);
                if let (Some(a), Some(b)) = (now, before)
                    && (a - b).abs() > 1e-9
                {
                    out.push(Finding {
                        code: "carryover_mismatch",
                        severity: "warning",
                        agency: agency.clone(),
                        year: *year,
                        previous_year: year - 1,
                        path: path(cur),
                        previous_path: path(prev),
                        table: "applications",
                        row: "carried_over".into(),
                        column: col.key.into(),
                        value: now.map(Num),
                        expected: before.map(Num),
                        message: format!(
                            "{agency} {year}: {} ({}) is {a}, but the {} report's {} was {b}",
                            label("carried_over"),
                            col.label,
                            year - 1,
                            label("carried_forward")
                        ),
                    });
                }
            }
            if cur["template"] == "2019" && prev["template"] == "2019" {
                for (row, name) in ITEM_ROWS {
                    let now = cell(cur, "active_disclosure", row, "previous_items");
                    let before = cell(prev, "active_disclosure", row, "previous_items");
                    let change = cell(prev, "active_disclosure", row, "change");
                    if let (Some(a), Some(b)) = (now, before) {
                        let expected = b + change.unwrap_or(0.0);
                        if (a - expected).abs() > 1e-9 {
                            out.push(Finding {
                                code: "previous_items_mismatch",
                                severity: "info",
                                agency: agency.clone(),
                                year: *year,
                                previous_year: year - 1,
                                path: path(cur),
                                previous_path: path(prev),
                                table: "active_disclosure",
                                row: (*row).into(),
                                column: "previous_items".into(),
                                value: now.map(Num),
                                expected: Some(Num(expected)),
                                message: format!(
                                    "{agency} {year}: {name} 上一年项目数量 is {a}, but {} had {b} with 本年增/减 {}",
                                    year - 1,
                                    change.unwrap_or(0.0)
                                ),
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// A readable table of findings.
pub fn text(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "no cross-year findings\n".into();
    }
    let mut s = String::new();
    for f in findings {
        s.push_str(&format!(
            "{:<8} {} {}→{} {}.{}.{}: {}\n",
            f.severity, f.agency, f.previous_year, f.year, f.table, f.row, f.column, f.message
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(agency: &str, year: i64, carried_over: f64, carried_forward: f64) -> Value {
        json!({
            "source": {"path": format!("{agency}-{year}.docx")},
            "agency": agency, "year": year, "template": "2021", "error": null, "duplicate_of": null,
            "applications": {
                "carried_over": {"natural_person": carried_over, "total": carried_over},
                "carried_forward": {"natural_person": carried_forward, "total": carried_forward}
            }
        })
    }

    #[test]
    fn planted_carryover_break_is_found() {
        let recs = vec![
            rec("某局", 2021, 0.0, 2.0),
            rec("某局", 2022, 2.0, 1.0),
            rec("某局", 2023, 3.0, 0.0),
            rec("他局", 2022, 5.0, 0.0),
        ];
        let f = check(&recs);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .all(|x| x.code == "carryover_mismatch" && x.year == 2023 && x.agency == "某局")
        );
        assert_eq!(f[0].expected, Some(Num(1.0)));
    }
}
