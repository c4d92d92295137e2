//! The `govreport` command; see the library's `cli` module.

// mimalloc: a report's reading makes many small, short-lived allocations
// (glyphs, runs, cells); with it a PDF reads ~20 % faster than with glibc's
// malloc (README, Dependencies).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let code = govreport::cli::run();
    govreport::cli::report_peak_rss();
    code
}
