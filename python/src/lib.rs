//! Python bindings (PyO3): the extractor in-process, records as JSON text
//! (the package's `govreport/__init__.py` turns them into dicts, so a
//! Python record is byte for byte the CLI's), a batch run in Rust threads
//! streamed back in input order, the CSV column set, and the command line.
//! Extraction runs with the GIL released.

// The command line's allocator (see src/main.rs): reading makes many small,
// short-lived allocations, and Rust's allocations here are the extension's
// own (Python's objects keep Python's allocator).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use govreport::batch::{self, RunOptions, WalkOptions};
use govreport::{Options, record::Record};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, mpsc};

/// Options from a JSON object of limit overrides (the CLI's limits, by the
/// field names of `govreport::read::Limits`; `timeout` in milliseconds).
fn options(limits: Option<&str>, provenance: bool) -> PyResult<Options> {
    let mut opts = Options {
        provenance,
        ..Options::default()
    };
    if let Some(j) = limits {
        let mut base =
            serde_json::to_value(&opts.limits).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let overrides: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(j).map_err(|e| PyValueError::new_err(e.to_string()))?;
        for (k, v) in overrides {
            match base.get_mut(&k) {
                Some(slot) => *slot = v,
                None => return Err(PyValueError::new_err(format!("unknown limit: {k}"))),
            }
        }
        opts.limits =
            serde_json::from_value(base).map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(opts)
}

fn to_json(r: &Record) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

/// One document's record as JSON: `data` is the file's bytes (named by
/// `name`) or a path (a file, or `archive.zip!member` as records name it).
/// A file that cannot be read gets a record with its error, as in the CLI.
#[pyfunction]
#[pyo3(signature = (data, name=None, limits=None, provenance=false))]
fn extract(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    name: Option<String>,
    limits: Option<String>,
    provenance: bool,
) -> PyResult<String> {
    let opts = options(limits.as_deref(), provenance)?;
    if let Ok(bytes) = data.extract::<PyBackedBytes>() {
        let name = name.unwrap_or_else(|| "<bytes>".to_string());
        return Ok(py.detach(|| to_json(&govreport::extract(&bytes, &name, &opts))));
    }
    let path: String = data.extract()?;
    let name = name.unwrap_or_else(|| path.clone());
    Ok(py.detach(|| {
        let rec = match batch::read_named(&path, opts.limits.max_input_bytes) {
            Ok(bytes) => govreport::extract(&bytes, &name, &opts),
            Err(e) => batch::read_failure(&name, None, e),
        };
        to_json(&rec)
    }))
}

/// Records of a batch run, as JSON, in input order: an iterator whose
/// `__next__` waits (without the GIL) for the next record.
#[pyclass]
struct Records {
    rx: Mutex<mpsc::Receiver<String>>,
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> Option<String> {
        py.detach(|| self.rx.lock().ok()?.recv().ok())
    }
}

/// Runs files, folders (recursively) and zip archives on `jobs` threads
/// (default: all cores). `worker` is the command to start worker processes
/// with (`[python, "-m", "govreport"]`), so that a document that aborts
/// costs only its record; without it documents are read in this process.
#[pyfunction]
#[pyo3(signature = (paths, jobs=None, limits=None, provenance=false, worker=None))]
fn extract_many(
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    limits: Option<String>,
    provenance: bool,
    worker: Option<Vec<String>>,
) -> PyResult<Records> {
    let opts = options(limits.as_deref(), provenance)?;
    let jobs = jobs
        .filter(|j| *j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // A bounded queue: records wait for a slow reader instead of piling up.
    let (tx, rx) = mpsc::sync_channel::<String>(jobs * 4);
    std::thread::spawn(move || {
        let inputs = batch::expand(&paths, WalkOptions::default());
        let already = HashMap::new();
        let run = RunOptions {
            jobs,
            already: &already,
            worker: worker.map(|w| w.into_iter().map(Into::into).collect()),
        };
        batch::run(&inputs.inputs, &opts, &run, |_, outcome| match outcome {
            batch::Outcome::Record(r) => tx.send(to_json(&r)).is_ok(),
            batch::Outcome::Done { .. } => true,
        });
    });
    Ok(Records { rx: Mutex::new(rx) })
}

/// The CSV's fixed columns with their types: identity columns, every
/// table cell as `<table>.<row>.<column>`, then `warning_codes`.
#[pyfunction]
fn columns() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = govreport::write::IDENTITY
        .iter()
        .map(|c| {
            let t = match *c {
                "bytes" | "year" => "int64",
                _ => "string",
            };
            (c.to_string(), t)
        })
        .collect();
    out.extend(
        govreport::write::cell_columns()
            .into_iter()
            .map(|(t, r, c)| (format!("{t}.{r}.{c}"), "float64")),
    );
    out.push(("warning_codes".into(), "string"));
    out
}

/// Runs the command line with `argv` (the program name first) and returns
/// its exit status.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<String>) -> u8 {
    py.detach(|| govreport::cli::run_status(argv.into_iter().map(Into::into)))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    m.add_class::<Records>()?;
    m.add("SCHEMA", govreport::record::SCHEMA)?;
    Ok(())
}
