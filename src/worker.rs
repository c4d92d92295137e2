//! Documents read in a child process, so that a reader bug that aborts (an
//! allocation failure is not a panic and cannot be caught) costs that one
//! document an `internal` record instead of the whole batch.
//!
//! The parent writes `<length> <sha256> <path as JSON>\n` and the bytes
//! (the sha256 the batch computed to find duplicates, so the child does not
//! hash the file again); the child answers with the record as one JSON
//! line. A child that dies is replaced for the next document.

use crate::record::{Record, Source};
use crate::{Options, extract_hashed};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The environment variable naming the command that starts a worker (a
/// JSON array of strings; the Python package sets `[python, "-m",
/// "govreport"]`).
pub const COMMAND_ENV: &str = "GOVREPORT_WORKER_COMMAND";
/// The environment variable that hands a worker its options (JSON).
pub const OPTIONS_ENV: &str = "GOVREPORT_WORKER_OPTIONS";
/// Test hook: a worker aborts on a document whose path contains this.
pub const ABORT_ON_ENV: &str = "GOVREPORT_TEST_ABORT_ON";
/// Test hook: a worker hangs on a document whose path contains this.
pub const HANG_ON_ENV: &str = "GOVREPORT_TEST_HANG_ON";

struct Running {
    child: Child,
    stdin: ChildStdin,
    /// Lines the child writes, read on a thread of their own so that the
    /// parent can stop waiting for a child that hangs.
    lines: mpsc::Receiver<std::io::Result<String>>,
}

/// How long past the per-document deadline a child may take before it is
/// killed (the deadline is cooperative; a loop that misses it still ends).
const GRACE: Duration = Duration::from_secs(5);

/// One child process and the program to start it from (`govreport worker`).
pub struct Worker {
    command: Vec<OsString>,
    running: Option<Running>,
}

impl Worker {
    /// A worker started as `COMMAND… worker`: the `govreport` binary, or
    /// `python -m govreport` from the Python package.
    pub fn new(command: &[OsString]) -> Self {
        Worker {
            command: command.to_vec(),
            running: None,
        }
    }

    fn spawn(&self, opts: &Options) -> std::io::Result<Running> {
        let options = serde_json::to_string(opts).map_err(std::io::Error::other)?;
        let Some((program, args)) = self.command.split_first() else {
            return Err(std::io::Error::other("no worker command"));
        };
        let mut child = Command::new(program)
            .args(args)
            .arg("worker")
            .env(OPTIONS_ENV, options)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(std::io::Error::other("worker pipes missing"));
        };
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                let mut line = String::new();
                let r = stdout.read_line(&mut line);
                let end = !matches!(r, Ok(n) if n > 0);
                if tx.send(r.map(|_| line)).is_err() || end {
                    break;
                }
            }
        });
        Ok(Running {
            child,
            stdin,
            lines,
        })
    }

    /// The record of one document (whose sha256 is `sha256`), read by the
    /// child; `internal` when the child dies on it. Without a child (it
    /// cannot be started), in-process.
    pub fn extract(&mut self, bytes: &[u8], path: &str, sha256: &str, opts: &Options) -> Record {
        if self.running.is_none() {
            match self.spawn(opts) {
                Ok(r) => self.running = Some(r),
                Err(_) => return extract_hashed(bytes, path, sha256.to_string(), opts),
            }
        }
        let Some(r) = self.running.as_mut() else {
            return extract_hashed(bytes, path, sha256.to_string(), opts);
        };
        let answer = ask(r, bytes, path, sha256, opts.limits.timeout + GRACE);
        match answer {
            Ok(rec) => rec,
            Err(Answer::Late) => {
                if let Some(mut g) = self.running.take() {
                    let _ = g.child.kill();
                    let _ = g.child.wait();
                }
                Record::failed(
                    source_of(bytes, path, sha256),
                    "timeout",
                    format!(
                        "reading {path} took more than {:.1} s; the reader was stopped",
                        (opts.limits.timeout + GRACE).as_secs_f64()
                    ),
                )
            }
            Err(Answer::Died) => {
                // The child died (or garbled its answer): say how, replace it.
                let mut gone = self.running.take();
                let status = gone.as_mut().and_then(|g| {
                    let _ = g.child.kill();
                    g.child.wait().ok()
                });
                let how = status.map_or_else(|| "it stopped".to_string(), describe);
                Record::failed(
                    source_of(bytes, path, sha256),
                    "internal",
                    format!(
                        "the extractor process died reading {path} ({how}); the rest of the batch went on — please report it with the file"
                    ),
                )
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(mut r) = self.running.take() {
            // Every answer is in: the idle child is ended, not waited for.
            drop(r.stdin);
            let _ = r.child.kill();
            let _ = r.child.wait();
        }
    }
}

fn source_of(bytes: &[u8], path: &str, sha256: &str) -> Source {
    Source::new(
        path,
        crate::read::sniff(bytes).as_str(),
        bytes,
        sha256.to_string(),
    )
}

/// Why a child gave no record.
enum Answer {
    /// It died or wrote something that is not a record.
    Died,
    /// It did not answer in time.
    Late,
}

fn ask(
    r: &mut Running,
    bytes: &[u8],
    path: &str,
    sha256: &str,
    wait: Duration,
) -> Result<Record, Answer> {
    let name = serde_json::to_string(path).map_err(|_| Answer::Died)?;
    let sent = r
        .stdin
        .write_all(format!("{} {sha256} {name}\n", bytes.len()).as_bytes())
        .and_then(|()| r.stdin.write_all(bytes))
        .and_then(|()| r.stdin.flush());
    if sent.is_err() {
        return Err(Answer::Died);
    }
    let line = match r.lines.recv_timeout(wait) {
        Ok(Ok(line)) if !line.is_empty() => line,
        Err(mpsc::RecvTimeoutError::Timeout) => return Err(Answer::Late),
        _ => return Err(Answer::Died),
    };
    // Straight from the line (no `serde_json::Value` in between); the
    // tables keep the order they were written in, and are put in template
    // order should a worker of another build have written them otherwise.
    let mut rec: Record = serde_json::from_str(&line).map_err(|_| Answer::Died)?;
    for (key, t) in [
        ("active_disclosure", &mut rec.active_disclosure),
        ("applications", &mut rec.applications),
        ("reviews_litigation", &mut rec.reviews_litigation),
    ] {
        if let Some(t) = t {
            crate::template::put_in_template_order(key, t);
        }
    }
    if let Some(p) = rec.provenance.take() {
        let found =
            p.0.into_iter()
                .flat_map(|(t, rows)| {
                    rows.0.into_iter().flat_map(move |(r, cols)| {
                        cols.0.into_iter().map(move |(c, at)| ((t, r, c), at))
                    })
                })
                .collect();
        rec.provenance = Some(crate::record::provenance(
            [
                ("active_disclosure", &rec.active_disclosure),
                ("applications", &rec.applications),
                ("reviews_litigation", &rec.reviews_litigation),
            ],
            &found,
        ));
    }
    Ok(rec)
}

#[cfg(unix)]
fn describe(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(6) => "aborted, signal 6 (SIGABRT)".into(),
        Some(9) => "killed, signal 9 (SIGKILL; out of memory?)".into(),
        Some(11) => "crashed, signal 11 (SIGSEGV)".into(),
        Some(s) => format!("killed by signal {s}"),
        None => format!("exit status {}", status.code().unwrap_or(-1)),
    }
}

#[cfg(not(unix))]
fn describe(status: std::process::ExitStatus) -> String {
    format!("exit status {}", status.code().unwrap_or(-1))
}

/// The child's loop: documents in on stdin, records out on stdout, until
/// stdin closes. A request larger than the input limit is refused.
pub fn serve(opts: &Options) -> std::io::Result<()> {
    // While the first request is written and read.
    crate::check::compile_patterns_in_background();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut header = String::new();
    loop {
        header.clear();
        if input.read_line(&mut header)? == 0 {
            return Ok(());
        }
        let bad = || std::io::Error::other("bad request");
        let (len, rest) = header.trim_end().split_once(' ').ok_or_else(bad)?;
        let (sha256, name) = rest.split_once(' ').ok_or_else(bad)?;
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let len: u64 = len.parse().map_err(std::io::Error::other)?;
        let path: String = serde_json::from_str(name).map_err(std::io::Error::other)?;
        if len > opts.limits.max_input_bytes.saturating_add(1) {
            return Err(std::io::Error::other("request over the input limit"));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        (&mut input).take(len).read_to_end(&mut bytes)?;
        // Fault injection for the tests: a worker that aborts the way an
        // allocation failure does, or hangs, on the document named.
        if let Some(pat) = std::env::var_os(ABORT_ON_ENV)
            && !pat.is_empty()
            && path.contains(pat.to_string_lossy().as_ref())
        {
            std::process::abort();
        }
        if let Some(pat) = std::env::var_os(HANG_ON_ENV)
            && !pat.is_empty()
            && path.contains(pat.to_string_lossy().as_ref())
        {
            loop {
                std::thread::sleep(Duration::from_secs(60));
            }
        }
        let rec = extract_hashed(&bytes, &path, sha256.to_string(), opts);
        serde_json::to_writer(&mut out, &rec).map_err(std::io::Error::other)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
}
