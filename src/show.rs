//! `govreport show`: the three tables of one report as aligned text with
//! their Chinese labels, the cells a warning names marked, and the warnings
//! listed below — what a user reads to trust or doubt a record.

use crate::record::{Record, TableValues};
use crate::template::{
    self, ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, Template,
};

/// Display width: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

struct Grid {
    title: String,
    header: Vec<String>,
    rows: Vec<(String, Vec<(String, bool)>)>,
}

fn render(g: &Grid, colour: bool) -> String {
    let label_w = g
        .rows
        .iter()
        .map(|(l, _)| width(l))
        .chain([width("")])
        .max()
        .unwrap_or(0)
        .min(40);
    let ncols = g.header.len();
    let col_w: Vec<usize> = (0..ncols)
        .map(|c| {
            g.rows
                .iter()
                .filter_map(|(_, v)| v.get(c))
                .map(|(s, _)| width(s) + 1)
                .chain([width(&g.header[c])])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let mut s = format!("{}\n", g.title);
    let mut line = pad("", label_w, false);
    for (c, h) in g.header.iter().enumerate() {
        line.push_str("  ");
        line.push_str(&pad(h, col_w[c], true));
    }
    s.push_str(line.trim_end());
    s.push('\n');
    for (label, vals) in &g.rows {
        let short: String = if width(label) > label_w {
            label.chars().take(label_w / 2).collect()
        } else {
            label.clone()
        };
        let mut line = pad(&short, label_w, false);
        for (c, (v, flagged)) in vals.iter().enumerate() {
            line.push_str("  ");
            let text = if *flagged { format!("{v}*") } else { v.clone() };
            let cell = pad(&text, col_w[c], true);
            if *flagged && colour {
                line.push_str(&format!("\x1b[31;1m{cell}\x1b[0m"));
            } else {
                line.push_str(&cell);
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

fn flagged(r: &Record, table: &str, row: &str, col: &str) -> bool {
    r.warnings.iter().any(|w| {
        w.table == Some(table)
            && w.row.is_none_or(|x| x == row)
            && w.column.is_none_or(|x| x == col)
            && w.row.is_some()
    })
}

fn value(t: &TableValues, row: &str, col: &str) -> String {
    t.cell(row, col)
        .map_or_else(|| "—".to_string(), |n| n.to_string())
}

/// The report as text; `colour` adds ANSI colour to flagged cells.
pub fn show(r: &Record, colour: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n", r.source.path));
    if let Some(e) = &r.error {
        out.push_str(&format!("error {}: {}\n", e.code, e.message));
        return out;
    }
    out.push_str(&format!(
        "{} | {} | {} | template {}\n\n",
        r.title.as_deref().unwrap_or("(no title)"),
        r.agency.as_deref().unwrap_or("(no agency)"),
        r.year.map_or("(no year)".into(), |y| y.to_string()),
        r.template.unwrap_or("-")
    ));
    let template = if r.template == Some("2019") {
        Template::Y2019
    } else {
        Template::Y2021
    };
    match &r.active_disclosure {
        Some(t) => {
            let mut rows = Vec::new();
            let mut header: Vec<String> = Vec::new();
            for def in ACTIVE_ROWS
                .iter()
                .filter(|d| !d.columns(template).is_empty())
            {
                let cols = def.columns(template);
                let vals = cols
                    .iter()
                    .map(|c| {
                        let label = template::active_column_label(def.key, c);
                        (
                            format!("{label} {}", value(t, def.key, c)),
                            flagged(r, "active_disclosure", def.key, c),
                        )
                    })
                    .collect::<Vec<_>>();
                header = vec![String::new(); header.len().max(vals.len())];
                rows.push((def.label.to_string(), vals));
            }
            out.push_str(&render(
                &Grid {
                    title: "二、主动公开政府信息情况".into(),
                    header,
                    rows,
                },
                colour,
            ));
        }
        None => out.push_str("二、主动公开政府信息情况: not found\n"),
    }
    out.push('\n');
    match &r.applications {
        Some(t) => {
            let header = APPLICANT_COLUMNS
                .iter()
                .map(|c| c.label.to_string())
                .collect();
            let rows = APPLICATION_ROWS
                .iter()
                .filter(|d| t.row(d.key).is_some() || d.only.is_none())
                .map(|d| {
                    let vals = APPLICANT_COLUMNS
                        .iter()
                        .map(|c| {
                            (
                                value(t, d.key, c.key),
                                flagged(r, "applications", d.key, c.key),
                            )
                        })
                        .collect();
                    (d.label.to_string(), vals)
                })
                .collect();
            out.push_str(&render(
                &Grid {
                    title: "三、收到和处理政府信息公开申请情况".into(),
                    header,
                    rows,
                },
                colour,
            ));
        }
        None => out.push_str("三、收到和处理政府信息公开申请情况: not found\n"),
    }
    out.push('\n');
    match &r.reviews_litigation {
        Some(t) => {
            let header = REVIEW_COLUMNS.iter().map(|c| c.label.to_string()).collect();
            let rows = REVIEW_GROUPS
                .iter()
                .map(|g| {
                    let vals = REVIEW_COLUMNS
                        .iter()
                        .map(|c| {
                            (
                                value(t, g, c.key),
                                flagged(r, "reviews_litigation", g, c.key),
                            )
                        })
                        .collect();
                    (template::review_group_label(g).to_string(), vals)
                })
                .collect();
            out.push_str(&render(
                &Grid {
                    title: "四、政府信息公开行政复议、行政诉讼情况".into(),
                    header,
                    rows,
                },
                colour,
            ));
        }
        None => out.push_str("四、政府信息公开行政复议、行政诉讼情况: not found\n"),
    }
    out.push('\n');
    if r.warnings.is_empty() {
        out.push_str("no warnings\n");
    } else {
        out.push_str(&format!(
            "{} warnings (* marks the cells involved):\n",
            r.warnings.len()
        ));
        for w in &r.warnings {
            let sev = match w.severity {
                crate::record::Severity::Error => "error",
                crate::record::Severity::Warning => "warning",
                crate::record::Severity::Info => "info",
            };
            out.push_str(&format!("  {sev:<7} {:<24} {}\n", w.code, w.message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_twice() {
        assert_eq!(width("总计"), 4);
        assert_eq!(width("95"), 2);
        assert_eq!(pad("95", 4, true), "  95");
    }
}
