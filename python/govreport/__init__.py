"""govreport: Chinese government information-disclosure annual reports
(政府信息公开工作年度报告) to checked data, in-process.

The extractor is the Rust library the ``govreport`` command runs: a record
here is exactly the command's JSON record (schema ``govreport/1``) as a dict.

    >>> import govreport
    >>> rec = govreport.extract("report.pdf")
    >>> rec["applications"]["new_received"]["total"]
    >>> rows = govreport.to_rows(govreport.extract_many(["reports/"]))
    >>> import pandas; df = pandas.DataFrame(rows)
"""
import json
import os
import sys

from . import _native

__all__ = ["extract", "extract_many", "to_row", "to_rows", "COLUMNS", "SCHEMA"]

SCHEMA = _native.SCHEMA

#: The fixed columns of ``to_rows`` (the CLI's CSV columns), as
#: ``(name, type)`` with types ``string``, ``int64`` or ``float64``:
#: identity columns, every table cell as ``<table>.<row>.<column>``, then
#: ``warning_codes`` (codes joined by ``;``).
COLUMNS = [tuple(c) for c in _native.columns()]

_LIMITS = {
    "timeout": "timeout",
    "max_input_bytes": "max_input_bytes",
    "max_member_bytes": "max_member_bytes",
    "max_total_unzipped": "max_total_unzipped",
    "max_compression_ratio": "max_compression_ratio",
    "max_xml_depth": "max_xml_depth",
    "max_pdf_pages": "max_pdf_pages",
    "max_pdf_ops": "max_pdf_ops_per_page",
    "max_pdf_values": "max_pdf_values",
    "max_form_depth": "max_form_depth",
}


def _limits(limits):
    """Keyword limits (the CLI's flag names; ``timeout`` in seconds) as the
    JSON the extractor takes."""
    if not limits:
        return None
    out = {}
    for k, v in limits.items():
        if k not in _LIMITS:
            raise TypeError("unknown limit %r; known: %s" % (k, ", ".join(sorted(_LIMITS))))
        out[_LIMITS[k]] = int(v * 1000) if k == "timeout" else int(v)
    return json.dumps(out)


def extract(path_or_bytes, name=None, provenance=False, **limits):
    """Extracts one document and returns its record (a dict, exactly the
    CLI's JSON record).

    ``path_or_bytes`` is a path (``str`` or ``os.PathLike``; also
    ``archive.zip!member``) or the document's bytes, named ``name`` in
    ``source.path``. A bad file never raises: its record carries ``error``.
    ``provenance=True`` adds where each value was printed. Limits are the
    CLI's: ``timeout`` (seconds), ``max_input_bytes``, ``max_member_bytes``,
    ``max_total_unzipped``, ``max_compression_ratio``, ``max_xml_depth``,
    ``max_pdf_pages``, ``max_pdf_ops``, ``max_pdf_values``, ``max_form_depth``.
    The GIL is released while the document is read.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(path_or_bytes)
    else:
        data = os.fsdecode(os.fspath(path_or_bytes))
    return json.loads(_native.extract(data, name, _limits(limits), provenance))


def _worker_command():
    """Worker processes run ``python -m govreport worker``: a document that
    aborts costs its record, not the interpreter."""
    return [sys.executable, "-m", "govreport"]


def extract_many(paths, jobs=None, provenance=False, isolate=True, **limits):
    """Extracts files, folders (recursively) and zip archives on ``jobs``
    threads in Rust (default: all cores) and yields their records (dicts)
    in input order, as ``govreport extract`` writes them.

    ``paths`` is one path or a list of paths. With ``isolate`` (the
    default) documents are read in worker processes, as the CLI does;
    ``isolate=False`` reads them in this process (a little faster).
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fsdecode(os.fspath(p)) for p in paths]
    worker = _worker_command() if isolate else None
    for line in _native.extract_many(paths, jobs, _limits(limits), provenance, worker):
        yield json.loads(line)


def _cell(rec, table, row, col):
    t = rec.get(table)
    if not isinstance(t, dict):
        return None
    r = t.get(row)
    if not isinstance(r, dict):
        return None
    v = r.get(col)
    return float(v) if isinstance(v, (int, float)) else None


def to_row(rec):
    """One record as a dict of ``COLUMNS`` (values as in JSON, ``None`` for
    null; cells as floats)."""
    source = rec.get("source") or {}
    error = rec.get("error") or {}
    row = {
        "path": source.get("path"),
        "format": source.get("format"),
        "sha256": source.get("sha256"),
        "bytes": source.get("bytes"),
        "title": rec.get("title"),
        "agency": rec.get("agency"),
        "year": rec.get("year"),
        "template": rec.get("template"),
        "duplicate_of": rec.get("duplicate_of"),
        "error_code": error.get("code"),
        "error_message": error.get("message"),
    }
    for name, _ in COLUMNS[len(row):-1]:
        table, r, c = name.split(".")
        row[name] = _cell(rec, table, r, c)
    row["warning_codes"] = ";".join(w.get("code", "") for w in rec.get("warnings") or [])
    return row


def to_rows(records):
    """Records as rows of ``COLUMNS``: a list of dicts for
    ``pandas.DataFrame(...)`` or ``pyarrow.Table.from_pylist(...)``."""
    return [to_row(r) for r in records]
