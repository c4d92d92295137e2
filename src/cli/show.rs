//! `govreport show`: one report's tables, aligned, flagged cells marked.

use super::*;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn show(file: &Path, color: ColorChoice, html: bool) -> ExitCode {
    let bytes = match read_named(file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if html {
        let (rec, page) =
            govreport::audit::audit_document(&bytes, &file.to_string_lossy(), &Options::default());
        let _ = write!(std::io::stdout().lock(), "{page}");
        return if rec.error.is_some() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rec = govreport::extract(&bytes, &file.to_string_lossy(), &Options::default());
    let colour = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let _ = write!(
        std::io::stdout().lock(),
        "{}",
        govreport::show::show(&rec, colour)
    );
    if rec.error.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
