"""A Spark job: every report under INPUT (a folder, a glob, s3a://…) to
Parquet under OUTPUT, partitioned by year.

    spark-submit --archives env.tar.gz#env \
      --conf spark.pyspark.python=./env/bin/python \
      python/examples/spark_job.py s3a://bucket/reports/ s3a://bucket/govreport/
"""
import sys

from pyspark.sql import SparkSession

import govreport.spark

if __name__ == "__main__":
    source, target = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("govreport").getOrCreate()
    df = govreport.spark.extract_files(spark, source)
    govreport.spark.write_parquet(df, target)
    spark.stop()
