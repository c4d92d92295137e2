"""The Python package against the command line: every sample's record is
the CLI's, batches come back in input order, rows fit pandas and pyarrow,
``python -m govreport`` is the CLI, and Spark (local[2]) gives the same
records. ``GOVREPORT_BIN`` names the CLI binary (tests/python.rs sets it)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govreport

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
BIN = os.environ.get("GOVREPORT_BIN", str(ROOT / "target" / "release" / "govreport"))
DOCS = sorted(p for p in SAMPLES.iterdir() if p.suffix != ".json")


def cli(*args):
    out = subprocess.run([BIN, "extract", "--in-process", *map(str, args)], capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_sample_gives_the_clis_record():
    assert len(DOCS) >= 30
    for doc in DOCS:
        (want,) = cli(doc)
        assert govreport.extract(str(doc)) == want, doc.name
        assert govreport.extract(doc) == want, "os.PathLike too"


def test_bytes_bad_input_and_missing_files_give_records_not_exceptions():
    doc = SAMPLES / "reportlab-2023-stsong.pdf"
    rec = govreport.extract(doc.read_bytes(), name="upload.pdf")
    assert rec["source"]["path"] == "upload.pdf"
    assert rec["applications"]["new_received"]["total"] == 17
    assert govreport.extract(b"\x00garbage", name="x.docx")["error"]["code"] == "unsupported_format"
    assert govreport.extract(str(SAMPLES / "no-such.pdf"))["error"]["code"] == "not_found"
    assert govreport.extract(SAMPLES / "protected-password.pdf")["error"]["code"] == "encrypted"
    # Limits are the CLI's.
    assert govreport.extract(doc, max_input_bytes=100)["error"]["code"] == "too_large"
    with pytest.raises(TypeError):
        govreport.extract(doc, no_such_limit=1)


def test_provenance_as_in_the_cli():
    doc = SAMPLES / "seed-2020-jinyang.docx"
    out = subprocess.run([BIN, "extract", "--in-process", "--provenance", str(doc)], capture_output=True, text=True)
    assert govreport.extract(doc, provenance=True) == json.loads(out.stdout)


def test_extract_many_is_the_clis_batch_in_input_order():
    want = cli(SAMPLES)
    for isolate in (True, False):
        got = list(govreport.extract_many([SAMPLES], jobs=2, isolate=isolate))
        assert got == want
    # A zip archive's members, and a single path.
    archive = ROOT / "tests" / "fixtures" / "archive.zip"
    assert list(govreport.extract_many(archive)) == cli(archive)


def test_rows_have_the_fixed_columns_for_pandas_and_pyarrow():
    import pandas
    import pyarrow

    recs = list(govreport.extract_many([SAMPLES], isolate=False))
    rows = govreport.to_rows(recs)
    names = [n for n, _ in govreport.COLUMNS]
    df = pandas.DataFrame(rows)
    assert list(df.columns) == names
    assert len(df) == len(recs)
    table = pyarrow.Table.from_pylist(rows)
    assert table.column_names == names
    # The CSV's header is the same column set.
    out = subprocess.run([BIN, "extract", "--in-process", "--format", "csv", str(SAMPLES / "seed-2020-jinyang.docx")],
                         capture_output=True, text=True)
    assert out.stdout.splitlines()[0].split(",") == names
    by_path = {r["path"]: r for r in rows}
    r = by_path[str(SAMPLES / "reportlab-2023-stsong.pdf")]
    assert r["applications.new_received.total"] == 17.0
    assert r["year"] == 2023 and r["error_code"] is None
    assert "missing_row" in r["warning_codes"]


def test_python_m_govreport_is_the_cli():
    doc = SAMPLES / "wps-2024-grid.docx"
    out = subprocess.run([sys.executable, "-m", "govreport", "extract", str(doc)], capture_output=True, text=True)
    assert out.returncode == 0
    assert json.loads(out.stdout) == cli(doc)[0]
    out = subprocess.run([sys.executable, "-m", "govreport", "--version"], capture_output=True, text=True)
    assert out.stdout.startswith("govreport ")


def test_spark_local_mode_gives_the_clis_records(tmp_path):
    pyspark = pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    import govreport.spark

    # Executors run this interpreter, which has the package installed (on a
    # cluster: the wheel shipped with spark-submit, see the README).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("govreport-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        df = govreport.spark.extract_files(spark, str(SAMPLES), jobs_per_task=2)
        rows = df.collect()
        docs = {str(d): d for d in DOCS}
        assert len(rows) == len(list(SAMPLES.iterdir()))  # the expected JSON files too
        for row in rows:
            path = row["path"]
            rec = json.loads(row[govreport.spark.RECORD])
            if path not in docs:
                assert row["error_code"] == "unsupported_format", path  # an expected-JSON file
                continue
            (want,) = cli(path)
            assert rec == want, path
            assert row["error_code"] == (want["error"] or {}).get("code")
        govreport.spark.write_parquet(df, str(tmp_path / "out"))
        back = spark.read.parquet(str(tmp_path / "out"))
        assert back.count() == len(rows)
        assert back.filter("year = 2023").count() > 0
    finally:
        spark.stop()
