use clap::{Parser, Subcommand, ValueEnum};
use govreport::Options;
use govreport::batch::{self, Outcome, RunOptions};
use govreport::write::{OutputFormat, RecordWriter};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
        #[arg(required = true, value_parser = clap::value_parser!(std::ffi::OsString))]
        paths: Vec<std::ffi::OsString>,
        /// With "-": the list on stdin is separated by NUL bytes
        /// (`find … -print0`), not by lines.
        #[arg(short = '0', long = "null")]
        null: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Write records to FILE instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// With -o (jsonl): skip inputs already recorded there (same path and
        /// sha256) and append the rest.
        #[arg(long, requires = "output")]
        resume: bool,
        /// CSV: start with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// No summary and no per-file error lines on stderr.
        #[arg(short, long)]
        quiet: bool,
        /// List the files skipped as of no supported format.
        #[arg(short, long)]
        verbose: bool,
        /// Follow symbolic links when walking directories (loops are
        /// detected and reported once).
        #[arg(short = 'L', long)]
        follow: bool,
        /// Read documents in this process instead of in worker processes:
        /// a little faster, but a reader bug that aborts ends the run.
        #[arg(long)]
        in_process: bool,
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
        /// Deepest nesting of PDF Form XObjects.
        #[arg(long, default_value_t = 8)]
        max_form_depth: usize,
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
    },
    /// Cross-year checks over extracted records (JSON Lines): carryover and
    /// 2019 item-count continuity per agency.
    Series {
        records: PathBuf,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: SeriesFormat,
    },
    /// Print the document model one reader produced (paragraphs and table
    /// grids), to see where an extraction went wrong.
    Dump {
        /// A file, or `archive.zip!member` as records name it.
        file: PathBuf,
        /// PDF only: print one stage of the page reader instead of the model.
        #[arg(long, value_enum)]
        stage: Option<Stage>,
        /// PDF only: the page (1-based) whose stage is printed.
        #[arg(long, default_value_t = 1)]
        page: usize,
    },
}

/// Peak resident memory of this process in KB (Linux), for the tests that
/// check hostile files stay bounded: printed when GOVREPORT_PEAK_RSS is set.
fn report_peak_rss() {
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

fn main() -> ExitCode {
    let code = run_cli();
    report_peak_rss();
    code
}

fn run_cli() -> ExitCode {
    match Cli::parse().command {
        Command::Extract {
            paths,
            null,
            format,
            output,
            jobs,
            resume,
            bom,
            quiet,
            verbose,
            follow,
            in_process,
            timeout,
            max_input_bytes,
            max_member_bytes,
            max_total_unzipped,
            max_compression_ratio,
            max_xml_depth,
            max_pdf_pages,
            max_pdf_ops,
            max_form_depth,
        } => {
            let mut opts = Options::default();
            let l = &mut opts.limits;
            l.timeout = timeout;
            l.max_input_bytes = max_input_bytes;
            l.max_member_bytes = max_member_bytes;
            l.max_total_unzipped = max_total_unzipped;
            l.max_compression_ratio = max_compression_ratio;
            l.max_xml_depth = max_xml_depth;
            l.max_pdf_pages = max_pdf_pages;
            l.max_pdf_ops_per_page = max_pdf_ops;
            l.max_form_depth = max_form_depth;
            if bom && !matches!(format, Format::Csv) {
                eprintln!("govreport: --bom goes with --format csv");
                return ExitCode::from(2);
            }
            let fmt = match format {
                Format::Jsonl => OutputFormat::Jsonl,
                Format::Json => OutputFormat::Json,
                Format::Csv => OutputFormat::Csv,
            };
            let worker = (!in_process)
                .then(|| std::env::current_exe().ok())
                .flatten();
            // `--format json` prints one object only for exactly one file
            // argument; a directory, an archive or `-` always give an array.
            let one_file = paths.len() == 1 && paths[0] != "-";
            let paths = input_paths(paths, null);
            extract(
                ExtractArgs {
                    paths,
                    one_file,
                    fmt,
                    output,
                    jobs,
                    resume,
                    bom,
                    quiet,
                    verbose,
                    follow,
                    worker,
                },
                &opts,
            )
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
            let mut opts = Options::default();
            if let Some(l) = std::env::var(govreport::worker::LIMITS_ENV)
                .ok()
                .and_then(|j| serde_json::from_str(&j).ok())
            {
                opts.limits = l;
            }
            match govreport::worker::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        Command::Show { file, color } => {
            let bytes = match batch::read_named(
                &file.to_string_lossy(),
                Options::default().limits.max_input_bytes,
            ) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("govreport: {}: {e}", file.display());
                    return ExitCode::from(2);
                }
            };
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
        Command::Series { records, format } => series(&records, format),
        Command::Dump { file, stage, page } => dump(&file, stage, page),
    }
}

/// Expands "-" into the paths listed on stdin, one per line (or separated
/// by NUL bytes with `-0`). Names are taken as bytes: a line that is not
/// UTF-8 (a GBK file name) is a path like any other.
fn input_paths(args: Vec<std::ffi::OsString>, null: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            let mut stdin = std::io::stdin().lock();
            let sep = if null { b'\0' } else { b'\n' };
            let mut item = Vec::new();
            while matches!(stdin.read_until(sep, &mut item), Ok(n) if n > 0) {
                let t = if null {
                    item.strip_suffix(b"\0").unwrap_or(&item)
                } else {
                    item.trim_ascii()
                };
                if !t.is_empty() {
                    out.push(path_from_bytes(t));
                }
                item.clear();
            }
        } else {
            out.push(PathBuf::from(a));
        }
    }
    out
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// Reads the records already in a JSONL output (path → sha256) and cuts off
/// a last line left half-written by an interrupted run.
/// One CSV row from the start of `data`: its fields and the bytes it
/// takes, or None when the row is not complete (a half-written last line).
fn csv_row(data: &[u8]) -> Option<(Vec<String>, usize)> {
    let mut fields = Vec::new();
    let mut field = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if quoted {
            if b == b'"' {
                if data.get(i + 1) == Some(&b'"') {
                    field.push(b'"');
                    i += 1;
                } else {
                    quoted = false;
                }
            } else {
                field.push(b);
            }
        } else {
            match b {
                b'"' => quoted = true,
                b',' => {
                    fields.push(String::from_utf8_lossy(&std::mem::take(&mut field)).into_owned())
                }
                b'\n' => {
                    fields.push(String::from_utf8_lossy(&field).into_owned());
                    return Some((fields, i + 1));
                }
                b'\r' => {}
                _ => field.push(b),
            }
        }
        i += 1;
    }
    None
}

/// Inputs already in an output being resumed (path → sha256), and whether it
/// holds anything; a last line an interrupted run left half-written is cut
/// off first. JSON Lines, or CSV (header first; path and sha256 columns).
fn resume_state(path: &Path, csv: bool) -> std::io::Result<(HashMap<String, String>, bool)> {
    let mut done = HashMap::new();
    let Ok(mut f) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    else {
        return Ok((done, false));
    };
    let mut data = Vec::new();
    f.read_to_end(&mut data)?;
    let mut good = 0usize;
    if csv {
        let start = if data.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut at = start;
        let mut header: Option<Vec<String>> = None;
        while let Some((fields, used)) = csv_row(&data[at..]) {
            at += used;
            match &header {
                None => header = Some(fields),
                Some(h) => {
                    let col = |name: &str| h.iter().position(|c| c == name);
                    if let (Some(p), Some(s)) = (col("path"), col("sha256"))
                        && let (Some(p), Some(s)) = (fields.get(p), fields.get(s))
                    {
                        // Undo the formula guard a path may carry.
                        let p = match p.strip_prefix('\'') {
                            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                                rest
                            }
                            _ => p.as_str(),
                        };
                        done.insert(p.to_string(), s.clone());
                    }
                }
            }
            good = at;
        }
    } else {
        for line in data.split_inclusive(|b| *b == b'\n') {
            if !line.ends_with(b"\n") {
                break;
            }
            let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) else {
                break;
            };
            if let (Some(p), Some(s)) =
                (v["source"]["path"].as_str(), v["source"]["sha256"].as_str())
            {
                done.insert(p.to_string(), s.to_string());
            }
            good += line.len();
        }
    }
    if good < data.len() {
        f.set_len(good as u64)?;
        f.seek(std::io::SeekFrom::End(0))?;
    }
    Ok((done, good > 0))
}

#[derive(Default)]
struct Summary {
    formats: BTreeMap<String, usize>,
    errors: BTreeMap<String, usize>,
    warnings: BTreeMap<String, usize>,
    documents: usize,
    resumed: usize,
    duplicates: usize,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What `extract` was asked to do (its flags, parsed).
struct ExtractArgs {
    paths: Vec<PathBuf>,
    /// Exactly one file argument (`--format json` then prints an object).
    one_file: bool,
    fmt: OutputFormat,
    output: Option<PathBuf>,
    jobs: Option<usize>,
    resume: bool,
    bom: bool,
    quiet: bool,
    verbose: bool,
    follow: bool,
    /// The program to start worker processes from; None: in-process.
    worker: Option<PathBuf>,
}

fn extract(args: ExtractArgs, opts: &Options) -> ExitCode {
    let ExtractArgs {
        paths,
        one_file,
        fmt,
        output,
        jobs,
        resume,
        bom,
        quiet,
        verbose,
        follow,
        worker,
    } = args;
    if resume && fmt == OutputFormat::Json {
        eprintln!("govreport: --resume works with jsonl and csv output");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let inputs = batch::expand(
        &paths,
        batch::WalkOptions {
            follow_links: follow,
        },
    );
    for m in &inputs.missing {
        eprintln!("govreport: {m}");
    }
    if !quiet {
        for n in &inputs.notes {
            eprintln!("govreport: {n}");
        }
    }
    if verbose {
        for s in &inputs.skipped_paths {
            eprintln!("govreport: skipped {s}");
        }
    }
    let (already, has_content) = match (&output, resume) {
        (Some(p), true) => match resume_state(p, fmt == OutputFormat::Csv) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("govreport: cannot resume from {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        _ => (HashMap::new(), false),
    };
    let out: Box<dyn Write> = match &output {
        Some(p) => {
            let file = if resume {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)
            } else {
                std::fs::File::create(p)
            };
            match file {
                Ok(f) => Box::new(std::io::BufWriter::new(f)),
                Err(e) => {
                    eprintln!("govreport: cannot write {}: {e}", p.display());
                    return ExitCode::from(2);
                }
            }
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let several = !(one_file
        && inputs.inputs.len() == 1
        && matches!(&inputs.inputs[0].location, batch::Location::File(p) if Some(p) == paths.first()));
    // Appending to CSV that has its header already: no second header.
    let header = !(resume && has_content);
    let mut writer = match RecordWriter::new(out, fmt, several, header, bom && header) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("govreport: writing records failed: {e}");
            return ExitCode::from(2);
        }
    };
    let total = inputs.inputs.len();
    let progress = !quiet && std::io::stderr().is_terminal();
    let mut last_tick = Instant::now();
    let mut summary = Summary::default();
    let mut io_error = None;
    let run = RunOptions {
        jobs,
        already: &already,
        worker,
    };
    batch::run(&inputs.inputs, opts, &run, |_, outcome| {
        summary.documents += 1;
        match outcome {
            Outcome::Done { .. } => summary.resumed += 1,
            Outcome::Record(rec) => {
                *summary
                    .formats
                    .entry(rec.source.format.clone())
                    .or_default() += 1;
                if rec.duplicate_of.is_some() {
                    summary.duplicates += 1;
                }
                if let Some(e) = &rec.error {
                    *summary.errors.entry(e.code.to_string()).or_default() += 1;
                }
                if let Some(e) = rec.error.as_ref().filter(|_| !quiet) {
                    eprintln!(
                        "{}govreport: {}: {} ({})",
                        if progress { "\r\x1b[K" } else { "" },
                        rec.source.path,
                        e.message,
                        e.code
                    );
                }
                for w in &rec.warnings {
                    *summary.warnings.entry(w.code.to_string()).or_default() += 1;
                }
                if io_error.is_none()
                    && let Err(e) = writer.write(&rec)
                {
                    io_error = Some(e);
                }
            }
        }
        // A closed output (`| head -1`) ends the run, as it does for rg.
        if io_error
            .as_ref()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return false;
        }
        if progress
            && (last_tick.elapsed() > Duration::from_millis(200) || summary.documents == total)
        {
            last_tick = Instant::now();
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let rate = summary.documents as f64 / secs;
            let eta = (total - summary.documents) as f64 / rate.max(1e-3);
            eprint!(
                "\r\x1b[K{}/{} documents, {:.0}/s, ETA {:.0} s",
                summary.documents, total, rate, eta
            );
        }
        true
    });
    if progress {
        eprintln!();
    }
    if let Err(e) = writer.finish() {
        io_error.get_or_insert(e);
    }
    match io_error {
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Some(e) => {
            eprintln!("govreport: writing records failed: {e}");
            return ExitCode::from(2);
        }
        None => {}
    }
    let secs = started.elapsed().as_secs_f64();
    let list = |m: &BTreeMap<String, usize>| {
        if m.is_empty() {
            "none".to_string()
        } else {
            m.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    if !quiet {
        eprintln!(
            "govreport: {} documents in {:.2} s ({:.0}/s); formats: {}; errors: {}; warnings: {}{}{}{}",
            summary.documents,
            secs,
            summary.documents as f64 / secs.max(1e-9),
            list(&summary.formats),
            list(&summary.errors),
            list(&summary.warnings),
            if summary.duplicates > 0 {
                format!("; duplicates {}", summary.duplicates)
            } else {
                String::new()
            },
            if summary.resumed > 0 {
                format!("; already done {}", summary.resumed)
            } else {
                String::new()
            },
            if inputs.skipped > 0 {
                format!("; skipped {} files of no supported format", inputs.skipped)
            } else {
                String::new()
            },
        );
    }
    if !inputs.missing.is_empty() {
        ExitCode::from(2)
    } else if !summary.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads records for `series`: JSON Lines, or one JSON array, from a file
/// or `-` (stdin). Lines that are not records are reported; after a few,
/// the input is taken for something else and reading stops.
fn series(path: &Path, format: SeriesFormat) -> ExitCode {
    let read = if path == Path::new("-") {
        let mut t = String::new();
        std::io::stdin().read_to_string(&mut t).map(|_| t)
    } else {
        std::fs::read_to_string(path)
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("govreport: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let mut records = Vec::new();
    let mut bad = 0usize;
    if let Ok(serde_json::Value::Array(items)) =
        serde_json::from_str::<serde_json::Value>(text.trim_start())
    {
        records = items;
    } else {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) if v.get("schema").is_some() || v.get("source").is_some() => records.push(v),
                _ => {
                    bad += 1;
                    eprintln!(
                        "govreport: {}:{}: not a govreport record; skipped",
                        path.display(),
                        i + 1
                    );
                    if bad >= 5 {
                        eprintln!(
                            "govreport: {}: this is not a file of records",
                            path.display()
                        );
                        break;
                    }
                }
            }
        }
    }
    let findings = govreport::series::check(&records);
    let mut out = std::io::stdout().lock();
    let _ = match format {
        SeriesFormat::Text => write!(out, "{}", govreport::series::text(&findings)),
        SeriesFormat::Jsonl => findings
            .iter()
            .try_for_each(|f| writeln!(out, "{}", serde_json::to_string(f).unwrap_or_default())),
    };
    if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn dump(file: &Path, stage: Option<Stage>, page: usize) -> ExitCode {
    let bytes = match batch::read_named(
        &file.to_string_lossy(),
        Options::default().limits.max_input_bytes,
    ) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("govreport: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    if let Some(stage) = stage {
        if page == 0 {
            eprintln!("govreport: pages are numbered from 1");
            return ExitCode::from(2);
        }
        let format = govreport::read::sniff(&bytes);
        if format != govreport::read::Format::Pdf {
            eprintln!(
                "govreport: --stage shows the PDF page reader's stages (chars, segments, lines); {} is {}, whose model `dump` prints without --stage",
                file.display(),
                format.as_str()
            );
            return ExitCode::from(2);
        }
        return dump_pdf_stage(&bytes, stage, page);
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

fn dump_pdf_stage(bytes: &[u8], stage: Stage, page: usize) -> ExitCode {
    use govreport::read::pdf;
    let limits = Options::default().limits;
    let deadline = govreport::read::Deadline::after(limits.timeout);
    let pages = match pdf::pages(bytes, &limits, &deadline) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("govreport: {e} ({})", e.code());
            return ExitCode::from(1);
        }
    };
    let Some(p) = pages.get(page.saturating_sub(1)) else {
        eprintln!("govreport: the PDF has {} pages", pages.len());
        return ExitCode::from(2);
    };
    let mut out = String::new();
    out.push_str(&format!(
        "page {page}: {:.1} × {:.1}, {} chars, {} segments, {} images\n",
        p.width,
        p.height,
        p.chars.len(),
        p.segments.len(),
        p.images
    ));
    match stage {
        Stage::Chars => {
            for c in &p.chars {
                let flags = format!(
                    "{}{}{}{}",
                    if c.upright { "" } else { " rotated" },
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
            for l in pdf::layout::lines(p.chars.iter().collect()) {
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

/// `--max-input-bytes 10M`: a size in bytes with an optional unit (K, M, G,
/// binary multiples; `KB`/`MiB` spellings too).
fn parse_bytes(s: &str) -> Result<u64, String> {
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
fn parse_seconds(s: &str) -> Result<Duration, String> {
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
