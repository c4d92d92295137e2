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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
