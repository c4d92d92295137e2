//! The command line: flags are defined once here (clap), each subcommand
//! lives in a file of its own, and `main.rs` only calls `run`.

mod dump;
mod extract;
mod report;
mod series;
mod show;

use clap::{Parser, Subcommand, ValueEnum};
use govreport::Options;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "govreport",
    version,
    about = "Chinese government information-disclosure annual reports → checked data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeriesFormat {
    Jsonl,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum Stage {
    /// Positioned characters as drawn.
    Chars,
    /// Horizontal and vertical ruling segments.
    Segments,
    /// Text lines outside tables.
    Lines,
}

/// The per-document limits, as flags (see the README's Limits).
#[derive(clap::Args)]
struct LimitFlags {
    /// Per-document time limit in seconds (fractions allowed: 2.5).
    #[arg(long, default_value = "10", value_parser = parse_seconds)]
    timeout: Duration,
    /// Largest input file read, in bytes (units allowed: 10M, 1.5G, 512K).
    #[arg(long, default_value = "200M", value_parser = parse_bytes)]
    max_input_bytes: u64,
    /// Largest inflated size of one zip member (DOCX part), in bytes.
    #[arg(long, default_value = "64M", value_parser = parse_bytes)]
    max_member_bytes: u64,
    /// Largest inflated size of all parts of one document, in bytes.
    #[arg(long, default_value = "256M", value_parser = parse_bytes)]
    max_total_unzipped: u64,
    /// Largest compression ratio of a zip member over 1 MB.
    #[arg(long, default_value_t = 200)]
    max_compression_ratio: u64,
    /// Deepest XML/HTML element nesting.
    #[arg(long, default_value_t = 256)]
    max_xml_depth: usize,
    /// Most PDF pages read.
    #[arg(long, default_value_t = 500)]
    max_pdf_pages: usize,
    /// Most content-stream operations on one PDF page.
    #[arg(long, default_value_t = 2_000_000)]
    max_pdf_ops: usize,
    /// Most values (objects and their items) read from the objects a PDF's
    /// pages draw on.
    #[arg(long, default_value_t = 1_000_000)]
    max_pdf_values: usize,
    /// Deepest nesting of PDF Form XObjects.
    #[arg(long, default_value_t = 8)]
    max_form_depth: usize,
}

impl LimitFlags {
    fn options(&self) -> Options {
        let mut opts = Options::default();
        let l = &mut opts.limits;
        l.timeout = self.timeout;
        l.max_input_bytes = self.max_input_bytes;
        l.max_member_bytes = self.max_member_bytes;
        l.max_total_unzipped = self.max_total_unzipped;
        l.max_compression_ratio = self.max_compression_ratio;
        l.max_xml_depth = self.max_xml_depth;
        l.max_pdf_pages = self.max_pdf_pages;
        l.max_pdf_ops_per_page = self.max_pdf_ops;
        l.max_pdf_values = self.max_pdf_values;
        l.max_form_depth = self.max_form_depth;
        opts
    }
}

#[derive(Subcommand)]
enum Command {
    /// Internal: the worker process `extract` reads documents in.
    #[command(hide = true)]
    Worker,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `govreport man > govreport.1`.
    Man,
    /// Extract one record per document from files, directories (recursive)
    /// and zip archives; "-" reads a list of paths from stdin.
    Extract {
        #[command(flatten)]
        flags: extract::ExtractFlags,
        #[command(flatten)]
        limits: LimitFlags,
    },
    /// Print the three tables of one report, aligned, with warning cells
    /// marked and the warnings listed.
    Show {
        /// A file, or `archive.zip!member` as records name it.
        file: PathBuf,
        /// Colour flagged cells: auto (on a terminal, unless NO_COLOR is
        /// set), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Print a self-contained HTML audit page instead: the tables with
        /// flagged cells and warnings and, for PDF and OFD, each page with a
        /// table drawn as the reader saw it, values linked to their boxes.
        #[arg(long)]
        html: bool,
    },
    /// Cross-year checks over extracted records (JSON Lines): carryover and
    /// 2019 item-count continuity per agency.
    Series {
        records: PathBuf,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: SeriesFormat,
    },
    /// An archive at a glance from extracted records (JSON Lines or a JSON
    /// array; - for stdin): counts by format, year, template, errors and
    /// warnings, a chart of warnings per year and every document's warnings.
    Report {
        records: PathBuf,
        /// Print one self-contained HTML page (the default is a text summary).
        #[arg(long)]
        html: bool,
        /// Also write each document's `show --html` audit page into DIR
        /// (created if needed) and link the summary's rows to them; the
        /// documents are read again from the paths the records name.
        #[arg(long, value_name = "DIR", requires = "html")]
        audit_dir: Option<PathBuf>,
    },
    /// Print the document model one reader produced (paragraphs and table
    /// grids), to see where an extraction went wrong.
    Dump {
        /// A file, or `archive.zip!member` as records name it.
        file: PathBuf,
        /// PDF and OFD only: print one stage of the page reader instead of the model.
        #[arg(long, value_enum)]
        stage: Option<Stage>,
        /// PDF and OFD only: the page (1-based) whose stage is printed.
        #[arg(long, default_value_t = 1)]
        page: usize,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Peak resident memory of this process in KB (Linux), for the tests that
/// check hostile files stay bounded: printed when GOVREPORT_PEAK_RSS is set.
pub fn report_peak_rss() {
    if std::env::var_os("GOVREPORT_PEAK_RSS").is_none() {
        return;
    }
    let kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        });
    if let Some(kb) = kb {
        eprintln!("peak_rss_kb={kb}");
    }
}

/// The bytes of a file or `archive.zip!member` named on the command line,
/// or the exit code after saying why it cannot be read.
fn read_named(file: &std::path::Path) -> Result<Vec<u8>, ExitCode> {
    govreport::batch::read_named(
        &file.to_string_lossy(),
        Options::default().limits.max_input_bytes,
    )
    .map_err(|e| {
        eprintln!("govreport: {}: {e}", file.display());
        ExitCode::from(2)
    })
}

/// Runs the command line.
pub fn run() -> ExitCode {
    run_from(std::env::args_os())
}

/// Runs the command line on `args` and gives its exit status as a number
/// (for `python -m govreport`, which exits with it).
pub fn run_status(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    let code = run_from(args);
    report_peak_rss();
    (0..=u8::MAX)
        .find(|n| ExitCode::from(*n) == code)
        .unwrap_or(1)
}

/// Runs the command line on `args` (the program name first), as
/// `python -m govreport` does with `sys.argv`.
pub fn run_from(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    match Cli::parse_from(args).command {
        Command::Extract { flags, limits } => {
            let mut opts = limits.options();
            opts.provenance = flags.provenance;
            extract::extract(flags, &opts)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "govreport", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        Command::Worker => {
            let opts: Options = std::env::var(govreport::worker::OPTIONS_ENV)
                .ok()
                .and_then(|j| serde_json::from_str(&j).ok())
                .unwrap_or_default();
            match govreport::worker::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        Command::Show { file, color, html } => show::show(&file, color, html),
        Command::Series { records, format } => series::series(&records, format),
        Command::Report {
            records,
            html,
            audit_dir,
        } => report::report(&records, html, audit_dir.as_deref()),
        Command::Dump { file, stage, page } => dump::dump(&file, stage, page),
    }
}

/// `--max-input-bytes 10M`: a size in bytes with an optional unit (K, M, G,
/// binary multiples; `KB`/`MiB` spellings too).
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 10M, 512K, 2G)"))?;
    let mult: f64 = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1.0,
        "K" | "KB" | "KIB" => 1024.0,
        "M" | "MB" | "MIB" => 1024.0 * 1024.0,
        "G" | "GB" | "GIB" => 1024.0 * 1024.0 * 1024.0,
        _ => return Err(format!("{s:?}: unknown unit (use K, M or G)")),
    };
    let v = n * mult;
    if !v.is_finite() || v < 0.0 || v > u64::MAX as f64 {
        return Err(format!("{s:?} is out of range"));
    }
    Ok(v as u64)
}

/// `--timeout 2.5`: seconds, fractions allowed, at least 0.1.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .trim()
        .trim_end_matches('s')
        .parse()
        .map_err(|_| format!("{s:?} is not a number of seconds"))?;
    if !v.is_finite() || v <= 0.0 || v > 86_400.0 {
        return Err(format!("{s:?}: a timeout is between 0.1 s and a day"));
    }
    Ok(Duration::from_secs_f64(v.max(0.1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_seconds_take_units() {
        assert_eq!(parse_bytes("10M"), Ok(10 * 1024 * 1024));
        assert_eq!(parse_bytes("512k"), Ok(512 * 1024));
        assert_eq!(parse_bytes("1.5G"), Ok(1_610_612_736));
        assert_eq!(parse_bytes("4096"), Ok(4096));
        assert!(parse_bytes("ten").is_err());
        assert!(parse_bytes("5T").is_err());
        assert_eq!(parse_seconds("2.5"), Ok(Duration::from_millis(2500)));
        assert!(parse_seconds("0").is_err());
    }
}
