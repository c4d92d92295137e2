//! The Python package, built and tested as a user gets it: a fresh virtual
//! environment with maturin, pytest, pandas, pyarrow and pyspark from PyPI,
//! the wheel built from `python/` with maturin and installed, then
//! `python/tests` run with pytest (Spark in local[2] mode included) against
//! this build's command line.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn python_package_builds_installs_and_passes_its_tests() {
    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    run(
        Command::new(python()).args(["-m", "venv"]).arg(&venv),
        "python3 -m venv",
    );
    let py = venv.join("bin/python");
    run(
        Command::new(&py).args([
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "maturin>=1.7,<2",
            "pytest",
            "pandas",
            "pyarrow",
            "pyspark>=3.4",
        ]),
        "pip install (maturin, pytest, pandas, pyarrow, pyspark)",
    );
    let wheels = tmp.path().join("wheels");
    run(
        Command::new(venv.join("bin/maturin"))
            .args(["build", "--release", "--quiet", "-o"])
            .arg(&wheels)
            .current_dir(root().join("python")),
        "maturin build",
    );
    let wheel = std::fs::read_dir(&wheels)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("a wheel");
    run(
        Command::new(&py)
            .args([
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--force-reinstall",
            ])
            .arg(&wheel),
        "pip install the wheel",
    );
    // From a folder other than python/, so the installed package is tested.
    run(
        Command::new(&py)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .arg(root().join("python/tests"))
            .current_dir(tmp.path())
            .env("GOVREPORT_BIN", env!("CARGO_BIN_EXE_govreport")),
        "pytest python/tests",
    );
    assert!(Path::new(&wheel).exists());
}
