//! `govreport dump`: a reader's document model, or one stage of the
//! fixed-layout (PDF and OFD) page reader.

use super::*;
use govreport::read::Format;
use std::io::Write;
use std::path::Path;

pub fn dump(file: &Path, stage: Option<Stage>, page: usize) -> ExitCode {
    let bytes = match read_named(file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if let Some(stage) = stage {
        if page == 0 {
            eprintln!("govreport: pages are numbered from 1");
            return ExitCode::from(2);
        }
        let format = govreport::read::sniff(&bytes);
        if !matches!(format, Format::Pdf | Format::Ofd) {
            eprintln!(
                "govreport: --stage shows the PDF and OFD page reader's stages (chars, segments, lines); {} is {}, whose model `dump` prints without --stage",
                file.display(),
                format.as_str()
            );
            return ExitCode::from(2);
        }
        return dump_page_stage(&bytes, format, stage, page);
    }
    let format = govreport::read::sniff(&bytes);
    match govreport::read::read(&bytes, format, &Options::default().limits) {
        Ok(doc) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = write!(std::io::stdout().lock(), "{doc}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("govreport: {}: {e} ({})", file.display(), e.code());
            ExitCode::from(1)
        }
    }
}

fn dump_page_stage(bytes: &[u8], format: Format, stage: Stage, page: usize) -> ExitCode {
    use govreport::read::{ofd, pdf};
    let limits = Options::default().limits;
    let deadline = govreport::read::Deadline::after(limits.timeout);
    let pages = if format == Format::Ofd {
        ofd::pages(bytes, &limits, &deadline)
    } else {
        pdf::pages(bytes, &limits, &deadline)
    };
    let pages = match pages {
        Ok(p) => p,
        Err(e) => {
            eprintln!("govreport: {e} ({})", e.code());
            return ExitCode::from(1);
        }
    };
    let Some(p) = pages.get(page.saturating_sub(1)) else {
        eprintln!(
            "govreport: the {} has {} pages",
            format.as_str().to_uppercase(),
            pages.len()
        );
        return ExitCode::from(2);
    };
    let mut out = String::new();
    out.push_str(&format!(
        "page {page}: {:.1} × {:.1}, {} chars, {} segments, {} images\n",
        p.width,
        p.height,
        p.chars.len(),
        p.segments.len(),
        p.images.len()
    ));
    match stage {
        Stage::Chars => {
            for c in &p.chars {
                let flags = format!(
                    "{}{}{}{}",
                    if c.upright() { "" } else { " rotated" },
                    if c.skewed { " skewed" } else { "" },
                    if c.vertical { " vertical" } else { "" },
                    if c.undecoded { " undecoded" } else { "" }
                );
                out.push_str(&format!(
                    "{:7.1} {:7.1} {:7.1} {:7.1} size {:4.1} gray {:.2} {:?}{flags}\n",
                    c.x0, c.y0, c.x1, c.y1, c.size, c.brightness, c.text
                ));
            }
        }
        Stage::Segments => {
            for s in &p.segments {
                let kind = if s.is_horizontal() { "H" } else { "V" };
                out.push_str(&format!(
                    "{kind} {:7.1} {:7.1} {:7.1} {:7.1}\n",
                    s.x0, s.y0, s.x1, s.y1
                ));
            }
        }
        Stage::Lines => {
            for l in govreport::read::fixed::layout::lines(p.chars.iter().collect()) {
                out.push_str(&format!(
                    "{:7.1} {:7.1} {:7.1} {:7.1} {}\n",
                    l.x0, l.y0, l.x1, l.y1, l.text
                ));
            }
        }
    }
    let _ = write!(std::io::stdout().lock(), "{out}");
    ExitCode::SUCCESS
}
