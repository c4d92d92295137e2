//! The batch driver: expands inputs, extracts them on worker threads and
//! hands records back in input order, holding only a bounded window of them.

use crate::record::Record;
use crate::{Options, extract};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// The path as written into the record.
    pub display: String,
}

/// What expanding the command-line paths found.
#[derive(Debug, Default)]
pub struct Inputs {
    pub inputs: Vec<Input>,
    /// Files under directories that are of no supported format.
    pub skipped: usize,
    /// Paths that do not exist or cannot be listed, with the reason.
    pub missing: Vec<String>,
}

/// Files are taken as named; directories are walked recursively (sorted, so
/// runs are reproducible) and keep only files whose content is a document.
pub fn expand(paths: &[PathBuf]) -> Inputs {
    let mut out = Inputs::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.inputs.push(Input {
                path: p.clone(),
                display: p.to_string_lossy().into_owned(),
            }),
            Err(e) => out.missing.push(format!("{}: {e}", p.display())),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Inputs) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
        Err(e) => {
            out.missing.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if is_document(&p) {
            out.inputs.push(Input {
                display: p.to_string_lossy().into_owned(),
                path: p,
            });
        } else {
            out.skipped += 1;
        }
    }
}

/// Sniffs the first bytes of a file found in a directory.
fn is_document(p: &Path) -> bool {
    use std::io::Read;
    let mut head = vec![0u8; 8192];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.truncate(n);
    crate::read::sniff(&head) != crate::read::Format::Unknown
}

fn extract_file(input: &Input, opts: &Options) -> Record {
    match std::fs::read(&input.path) {
        Ok(bytes) => extract(&bytes, &input.display, opts),
        Err(e) => Record::failed(
            crate::record::Source {
                path: input.display.clone(),
                format: "unknown".into(),
                sha256: String::new(),
                bytes: 0,
            },
            "corrupt",
            format!("the file could not be read: {e}"),
        ),
    }
}

/// Runs `inputs` on `jobs` threads and calls `sink` with each record in input
/// order. At most `jobs * 4` finished records wait for an earlier one.
pub fn run(inputs: &[Input], opts: &Options, jobs: usize, mut sink: impl FnMut(Record)) {
    let jobs = jobs.max(1);
    let window = jobs * 4;
    let next = AtomicUsize::new(0);
    let written = Mutex::new(0usize);
    let room = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, Record)>();
    std::thread::scope(|s| {
        for _ in 0..jobs.min(inputs.len().max(1)) {
            let tx = tx.clone();
            let (next, written, room) = (&next, &written, &room);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(input) = inputs.get(i) else { break };
                    {
                        let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *w + window {
                            w = room.wait(w).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    let rec = extract_file(input, opts);
                    if tx.send((i, rec)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Record> = BTreeMap::new();
        let mut first_by_hash: HashMap<String, String> = HashMap::new();
        let mut expect = 0usize;
        for (i, rec) in rx {
            pending.insert(i, rec);
            while let Some(mut rec) = pending.remove(&expect) {
                if !rec.source.sha256.is_empty() {
                    match first_by_hash.get(&rec.source.sha256) {
                        Some(first) => rec.duplicate_of = Some(first.clone()),
                        None => {
                            first_by_hash
                                .insert(rec.source.sha256.clone(), rec.source.path.clone());
                        }
                    }
                }
                sink(rec);
                expect += 1;
                *written.lock().unwrap_or_else(|e| e.into_inner()) = expect;
                room.notify_all();
            }
        }
    });
}
