//! The `govreport` command; see the library's `cli` module.

fn main() -> std::process::ExitCode {
    let code = govreport::cli::run();
    govreport::cli::report_peak_rss();
    code
}
