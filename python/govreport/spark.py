"""govreport on Spark: a whole archive of reports as a DataFrame.

    from pyspark.sql import SparkSession
    import govreport.spark
    spark = SparkSession.builder.master("local[*]").getOrCreate()
    df = govreport.spark.extract_files(spark, "s3a://bucket/reports/**/*.pdf")
    govreport.spark.write_parquet(df, "s3a://bucket/govreport/")

Files are read with Spark's ``binaryFile`` source and extracted in the
executors with ``mapInArrow``: one row per file with the fixed columns of
``govreport.COLUMNS`` plus ``record``, the whole record as JSON. A bad file
is a row with ``error_code`` set, never a failed task.
"""
import json

import govreport

RECORD = "record"


def spark_schema():
    """The output schema: ``govreport.COLUMNS`` and ``record`` (JSON)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    kinds = {"string": StringType(), "int64": LongType(), "float64": DoubleType()}
    fields = [StructField(name, kinds[kind], True) for name, kind in govreport.COLUMNS]
    fields.append(StructField(RECORD, StringType(), True))
    return StructType(fields)


def _arrow_schema():
    import pyarrow as pa

    kinds = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(n, kinds[k]) for n, k in govreport.COLUMNS] + [(RECORD, pa.string())])


def _name(path):
    """A local file keeps its plain path, as the CLI names it."""
    return path[len("file:"):] if path.startswith("file:") else path


def _extract_one(path, content, provenance, limits):
    name = _name(path)
    try:
        text = govreport._native.extract(bytes(content), name, limits, provenance)
    except Exception as e:  # never a failed task: the file gets an error row
        text = json.dumps({"schema": govreport.SCHEMA, "source": {"path": name, "format": "unknown",
                           "sha256": "", "bytes": len(content or b""), "tool": "govreport (python)"},
                           "title": None, "agency": None, "year": None, "template": None, "sections": [],
                           "active_disclosure": None, "applications": None, "reviews_litigation": None,
                           "duplicate_of": None, "same_report_as": None, "warnings": [],
                           "error": {"code": "internal", "message": "%s: %s" % (type(e).__name__, e)}},
                          ensure_ascii=False)
    row = govreport.to_row(json.loads(text))
    row[RECORD] = text
    return row


def extract_files(spark, path_glob, jobs_per_task=1, provenance=False, **limits):
    """A DataFrame with one row per file matched by ``path_glob`` (any path
    Spark's ``binaryFile`` source takes: a folder, a glob, ``s3a://…``).

    ``jobs_per_task`` threads extract within each task (the GIL is released
    while a document is read); give Spark one core per task and as many
    tasks as cores, or fewer tasks with more threads each.
    """
    limits_json = govreport._limits(limits)
    schema = _arrow_schema()

    def run(batches):
        import pyarrow as pa
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(jobs_per_task) if jobs_per_task > 1 else None
        try:
            for batch in batches:
                paths = batch.column("path").to_pylist()
                contents = batch.column("content").to_pylist()
                work = [(p, c, provenance, limits_json) for p, c in zip(paths, contents)]
                rows = list(pool.map(lambda a: _extract_one(*a), work)) if pool else [_extract_one(*a) for a in work]
                yield pa.RecordBatch.from_pylist(rows, schema=schema)
        finally:
            if pool:
                pool.shutdown()

    files = spark.read.format("binaryFile").load(path_glob).select("path", "content")
    return files.mapInArrow(run, spark_schema())


def write_parquet(df, path, mode="overwrite"):
    """Writes ``extract_files``'s DataFrame as Parquet, partitioned by year."""
    df.write.partitionBy("year").mode(mode).parquet(path)
