//! govreport: Chinese government information-disclosure annual reports
//! (政府信息公开工作年度报告) → checked records.
//!
//! One call reads one document (DOCX, PDF, DOC/WPS or HTML, recognised by
//! content) into a [`Record`]: title, agency, year, the six sections, every
//! cell of the three statistical tables, and warnings where the report
//! contradicts itself. A bad file gives a record with `error`, never a panic.
//!
//! ```
//! let bytes = std::fs::read("samples/seed-2020-jinyang.docx").unwrap();
//! let rec = govreport::extract(&bytes, "seed-2020-jinyang.docx", &govreport::Options::default());
//! assert!(rec.error.is_none());
//! assert_eq!(rec.year, Some(2020));
//! let apps = rec.applications.as_ref().unwrap();
//! assert_eq!(apps.cell("new_received", "total").map(|n| n.0), Some(2.0));
//! // Records are the JSON of the contract (docs/record.md), and read back:
//! let json = serde_json::to_string(&rec).unwrap();
//! assert!(json.starts_with("{\"schema\":\"govreport/1\""));
//! ```
//!
//! Many documents (files, directories, zip archives) run through
//! [`batch::expand`] and [`batch::run`], which keep input order, mark
//! duplicates and repeated reports, and can read each document in a worker
//! process ([`batch::RunOptions::worker`]). The command line (feature `cli`,
//! on by default) is one user of this surface.
//!
//! The data flows one way: `read` (bytes → `model::Document`) → `locate`
//! (sections and tables) → `map` (cells onto schema keys) → `check`
//! (arithmetic and prose) → `record` / `write`. Those stages are public for
//! the tools in `examples/` and the benchmarks, but not part of the stable
//! surface, and hidden from the documentation.

// The command line refers to the library by name, as any user would.
extern crate self as govreport;

pub mod audit;
pub mod batch;
#[doc(hidden)]
pub mod cell;
#[doc(hidden)]
pub mod check;
/// The command line (`govreport` and `python -m govreport` run it).
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod locate;
#[doc(hidden)]
pub mod map;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod read;
pub mod record;
pub mod series;
pub mod show;
pub mod summary;
#[doc(hidden)]
pub mod template;
#[cfg(test)]
mod test_rng;
#[doc(hidden)]
pub mod text;
pub mod worker;
pub mod write;

pub use cell::Num;
pub use read::Limits;
pub use record::{Record, RecordError, RowValues, Section, Severity, Source, TableValues, Warning};

use read::Format;
use record::SCHEMA;
use sha2::{Digest, Sha256};
use template::{TableKind, Template};

/// How documents are read: the bounds on the work one document may cause
/// (sizes, nesting, pages, operations, time); see the README's Limits.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Options {
    pub limits: Limits,
    /// Add `provenance` to records: where each value was printed.
    #[serde(default)]
    pub provenance: bool,
}

/// The sha256 of bytes, as lowercase hex (`source.sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    lower_hex(&Sha256::digest(bytes))
}

/// A digest as lowercase hex.
pub(crate) fn lower_hex(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest.iter() {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

/// Extracts one document. Never panics on input: a panic inside is caught
/// here and becomes `error.code = "internal"`.
pub fn extract(bytes: &[u8], path: &str, opts: &Options) -> Record {
    extract_hashed(bytes, path, sha256_hex(bytes), opts)
}

/// [`extract`] of bytes whose sha256 (lowercase hex) the caller has already
/// computed: a batch hashes every input to find duplicates, and the file is
/// not hashed twice.
pub(crate) fn extract_hashed(bytes: &[u8], path: &str, sha256: String, opts: &Options) -> Record {
    let format = read::sniff(bytes);
    let source = Source::new(path, format.as_str(), bytes, sha256);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_inner(bytes, format, source.clone(), opts)
    }));
    match result {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            Record::failed(
                source,
                "internal",
                format!(
                    "govreport hit a bug while reading {path} ({what}); please report it with the file"
                ),
            )
        }
    }
}

/// Each located table's index among the document's tables, in reading
/// order (provenance names tables so; mapping reads the next part of a
/// table only when it is the document's next table).
fn table_ordinals(doc: &model::Document, located: &[(TableKind, &model::Table)]) -> Vec<usize> {
    let index: std::collections::HashMap<*const model::Table, usize> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            model::Block::Table(t) => Some(t as *const model::Table),
            _ => None,
        })
        .enumerate()
        .map(|(i, t)| (t, i))
        .collect();
    located
        .iter()
        .map(|(_, t)| {
            index
                .get(&(*t as *const model::Table))
                .copied()
                .unwrap_or(usize::MAX)
        })
        .collect()
}

/// The paragraph right before each located table, when the block before
/// it is one.
fn table_captions<'d>(
    doc: &'d model::Document,
    located: &[(TableKind, &model::Table)],
) -> Vec<Option<&'d str>> {
    let before: std::collections::HashMap<*const model::Table, &str> = doc
        .blocks
        .windows(2)
        .filter_map(|w| match w {
            [model::Block::Paragraph(p), model::Block::Table(t)] => {
                Some((t as *const model::Table, p.text.as_str()))
            }
            _ => None,
        })
        .collect();
    located
        .iter()
        .map(|(_, t)| before.get(&(*t as *const model::Table)).copied())
        .collect()
}

fn extract_inner(bytes: &[u8], format: Format, source: Source, opts: &Options) -> Record {
    let mut doc = match read::read(bytes, format, &opts.limits) {
        Ok(d) => d,
        Err(e) => return Record::failed(source, e.code(), e.to_string()),
    };
    locate::split_tables_at_headings(&mut doc);
    let loc = locate::locate(&doc);
    let ordinals = table_ordinals(&doc, &loc.tables);
    let captions = table_captions(&doc, &loc.tables);
    let mapped =
        map::map_tables_captioned(&loc.tables, &ordinals, &captions, loc.year, opts.provenance);
    let mut warnings: Vec<Warning> = doc
        .notes
        .iter()
        .map(|(code, msg)| Warning::new(code, Severity::Info, msg.clone()))
        .collect();
    warnings.extend(mapped.warnings.into_iter().filter(|w| {
        let printed_blank = w.code == "missing_row"
            && w.table == Some(TableKind::Active.key())
            && template::ACTIVE_ROWS
                .iter()
                .find(|d| Some(d.key) == w.row)
                .is_some_and(|d| {
                    locate::label_line_in_section(
                        &loc.sections,
                        TableKind::Active.section(),
                        d.keywords,
                    )
                });
        !printed_blank
    }));
    // A readable document with none of a report's marks: no title naming
    // an information-disclosure report, none of the three tables, fewer
    // than two of the six sections (a notice, a web page, a spreadsheet
    // export in a folder of downloads).
    let titled = loc.title.as_deref().is_some_and(|t| {
        let t = text::norm(t);
        t.contains("信息公开") || t.contains("政务公开")
    });
    let has_table =
        mapped.active.is_some() || mapped.applications.is_some() || mapped.reviews.is_some();
    if !titled && !has_table && loc.sections.len() < 2 {
        // The reader's notes (undecodable text, say) stay: they may be why.
        return Record {
            warnings,
            ..Record::failed(
                source,
                "not_a_report",
                "the document is readable but is not an information-disclosure annual report (no such title, none of the three tables, fewer than two of the six sections)".into(),
            )
        };
    }

    // The record's template: table 二 decides; else the （六） layout of table 三.
    let template = mapped.active_template.or_else(|| {
        mapped.applications.as_ref().map(|_| {
            if mapped.applications_has_other_parts {
                Template::Y2021
            } else {
                loc.year.map_or(Template::Y2019, Template::for_year)
            }
        })
    });

    for (kind, table) in [
        (TableKind::Active, &mapped.active),
        (TableKind::Applications, &mapped.applications),
        (TableKind::Reviews, &mapped.reviews),
    ] {
        match table {
            // The report says there was nothing to count and prints no table
            // (not even as a picture, nor its words: a table printed and not
            // read is missing, whatever the prose says).
            None if !loc.sections_with_images.contains(&kind.section())
                && check::section_states_none(&loc.sections, kind)
                && !check::section_prints_table(&loc.sections, kind) => {}
            None => {
                warnings.push(
                    Warning::new(
                        "missing_table",
                        Severity::Warning,
                        format!("{} was not found in the document", kind.label()),
                    )
                    .at(kind.key(), None, None),
                );
                if loc.sections_with_images.contains(&kind.section()) {
                    warnings.push(
                        Warning::new(
                            "table_as_image",
                            Severity::Info,
                            format!(
                                "{} appears to be published as an image in its section; its figures cannot be read without OCR",
                                kind.label()
                            ),
                        )
                        .at(kind.key(), None, None)
                        .in_section(kind.section()),
                    );
                }
            }
            Some(t) => check::check_negative(kind.key(), t, &mut warnings),
        }
    }
    if let Some(t) = &mapped.applications {
        check::check_applications(
            t,
            mapped.other_handling_printed,
            mapped.applications_has_other_parts,
            &mapped.applications_unread,
            &mut warnings,
        );
    }
    if let Some(t) = &mapped.reviews {
        check::check_reviews(t, &mut warnings);
    }
    check::check_template(loc.year, mapped.active_template, &mut warnings);
    check::check_sections(&loc.sections, &mut warnings);
    let tables = check::Tables {
        active: mapped.active.as_ref(),
        applications: mapped.applications.as_ref(),
        reviews: mapped.reviews.as_ref(),
    };
    check::check_narrative(&loc.sections, &tables, loc.year, &mut warnings);

    let provenance = mapped.provenance.as_ref().map(|found| {
        record::provenance(
            [
                ("active_disclosure", &mapped.active),
                ("applications", &mapped.applications),
                ("reviews_litigation", &mapped.reviews),
            ],
            found,
        )
    });
    Record {
        schema: SCHEMA,
        source,
        title: loc.title,
        agency: loc.agency,
        year: loc.year,
        template: template.map(Template::as_str),
        sections: loc.sections,
        active_disclosure: mapped.active,
        applications: mapped.applications,
        reviews_litigation: mapped.reviews,
        duplicate_of: None,
        same_report_as: None,
        warnings,
        provenance,
        error: None::<RecordError>,
    }
}
