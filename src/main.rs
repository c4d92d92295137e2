//! The `govreport` command; see the `cli` module.

mod cli;

fn main() -> std::process::ExitCode {
    let code = cli::run();
    cli::report_peak_rss();
    code
}
