//! `govreport extract`: inputs → records, in order, with a summary.

use super::*;
use govreport::batch::{self, Outcome, RunOptions};
use govreport::write::{OutputFormat, RecordWriter};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, IsTerminal, Read, Seek, Write};
use std::path::Path;
use std::time::Instant;

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

/// `extract`'s own flags (the limits are `LimitFlags`).
#[derive(clap::Args)]
pub struct ExtractFlags {
    #[arg(required = true, value_parser = clap::value_parser!(std::ffi::OsString))]
    pub paths: Vec<std::ffi::OsString>,
    /// With "-": the list on stdin is separated by NUL bytes
    /// (`find … -print0`), not by lines.
    #[arg(short = '0', long = "null")]
    pub null: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write records to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// With -o (jsonl or csv): skip inputs already recorded there (same path and
    /// sha256) and append the rest.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// CSV: start with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// No summary and no per-file error lines on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// List the files skipped as of no supported format.
    #[arg(short, long)]
    pub verbose: bool,
    /// Follow symbolic links when walking directories (loops are
    /// detected and reported once).
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Read documents in this process instead of in worker processes:
    /// a little faster, but a reader bug that aborts ends the run.
    #[arg(long)]
    pub in_process: bool,
    /// Add `provenance` to each record: every value's printed text and
    /// where it stands (page and box for PDF and OFD; table, row and
    /// column for DOCX, DOC and HTML).
    #[arg(long)]
    pub provenance: bool,
}

pub fn extract(flags: ExtractFlags, opts: &Options) -> ExitCode {
    let ExtractFlags {
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
        provenance: _,
    } = flags;
    if bom && !matches!(format, Format::Csv) {
        eprintln!("govreport: --bom goes with --format csv");
        return ExitCode::from(2);
    }
    let fmt = match format {
        Format::Jsonl => OutputFormat::Jsonl,
        Format::Json => OutputFormat::Json,
        Format::Csv => OutputFormat::Csv,
    };
    // The command worker processes are started with; none: in-process.
    let worker = (!in_process).then(worker_command).flatten();
    if worker.is_none() {
        // While the inputs are listed and the first is read.
        govreport::check::compile_patterns_in_background();
    }
    // `--format json` prints one object only for exactly one file argument;
    // a directory, an archive or `-` always give an array.
    let one_file = paths.len() == 1 && paths[0] != "-";
    let paths = input_paths(paths, null);
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

/// How to start a worker: `GOVREPORT_WORKER_COMMAND` (a JSON array, set by
/// the Python package to `[python, "-m", "govreport"]`), else this binary.
fn worker_command() -> Option<Vec<std::ffi::OsString>> {
    if let Some(cmd) = std::env::var(govreport::worker::COMMAND_ENV)
        .ok()
        .and_then(|j| serde_json::from_str::<Vec<String>>(&j).ok())
        .filter(|c| !c.is_empty())
    {
        return Some(cmd.into_iter().map(Into::into).collect());
    }
    std::env::current_exe()
        .ok()
        .map(|p| vec![p.into_os_string()])
}
