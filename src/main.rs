use clap::{Parser, Subcommand, ValueEnum};
use govreport::Options;
use govreport::batch;
use govreport::write::{OutputFormat, RecordWriter};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
enum Stage {
    /// Positioned characters as drawn.
    Chars,
    /// Horizontal and vertical ruling segments.
    Segments,
    /// Text lines outside tables.
    Lines,
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
    println!(
        "page {page}: {:.1} × {:.1}, {} chars, {} segments, {} images",
        p.width,
        p.height,
        p.chars.len(),
        p.segments.len(),
        p.images
    );
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
                println!(
                    "{:7.1} {:7.1} {:7.1} {:7.1} size {:4.1} gray {:.2} {:?}{flags}",
                    c.x0, c.y0, c.x1, c.y1, c.size, c.brightness, c.text
                );
            }
        }
        Stage::Segments => {
            for s in &p.segments {
                let kind = if s.is_horizontal() { "H" } else { "V" };
                println!("{kind} {:7.1} {:7.1} {:7.1} {:7.1}", s.x0, s.y0, s.x1, s.y1);
            }
        }
        Stage::Lines => {
            for l in pdf::layout::lines(p.chars.iter().collect()) {
                println!(
                    "{:7.1} {:7.1} {:7.1} {:7.1} {}",
                    l.x0, l.y0, l.x1, l.y1, l.text
                );
            }
        }
    }
    ExitCode::SUCCESS
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one record per document from files and directories (recursive).
    Extract {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Write records to FILE instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Per-document time limit in seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    /// Print the document model one reader produced (paragraphs and table
    /// grids), to see where an extraction went wrong.
    Dump {
        file: PathBuf,
        /// PDF only: print one stage of the page reader instead of the model.
        #[arg(long, value_enum)]
        stage: Option<Stage>,
        /// PDF only: the page (1-based) whose stage is printed.
        #[arg(long, default_value_t = 1)]
        page: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Dump { file, stage, page } => {
            let bytes = match std::fs::read(&file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("govreport: {}: {e}", file.display());
                    return ExitCode::from(2);
                }
            };
            if let Some(stage) = stage {
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
        Command::Extract {
            paths,
            format,
            output,
            jobs,
            timeout,
        } => {
            let mut opts = Options::default();
            opts.limits.timeout = std::time::Duration::from_secs(timeout.max(1));
            let inputs = batch::expand(&paths);
            for m in &inputs.missing {
                eprintln!("govreport: {m}");
            }
            let jobs =
                jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let out: Box<dyn Write> = match &output {
                Some(p) => match std::fs::File::create(p) {
                    Ok(f) => Box::new(std::io::BufWriter::new(f)),
                    Err(e) => {
                        eprintln!("govreport: cannot write {}: {e}", p.display());
                        return ExitCode::from(2);
                    }
                },
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let fmt = match format {
                Format::Jsonl => OutputFormat::Jsonl,
                Format::Json => OutputFormat::Json,
            };
            let several = inputs.inputs.len() != 1;
            let mut writer = RecordWriter::new(out, fmt, several);
            let mut errors = 0usize;
            let mut io_error = None;
            batch::run(&inputs.inputs, &opts, jobs, |rec| {
                if let Some(e) = &rec.error {
                    errors += 1;
                    eprintln!("govreport: {}: {} ({})", rec.source.path, e.message, e.code);
                }
                if io_error.is_none()
                    && let Err(e) = writer.write(&rec)
                {
                    io_error = Some(e);
                }
            });
            if let Err(e) = writer.finish() {
                io_error.get_or_insert(e);
            }
            if let Some(e) = io_error
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                eprintln!("govreport: writing records failed: {e}");
                return ExitCode::from(2);
            }
            if inputs.skipped > 0 {
                eprintln!(
                    "govreport: skipped {} files of no supported format",
                    inputs.skipped
                );
            }
            if !inputs.missing.is_empty() {
                ExitCode::from(2)
            } else if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
