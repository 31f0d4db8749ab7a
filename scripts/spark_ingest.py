#!/usr/bin/env python3
"""Parse documents on a Spark cluster with gongwen's stream mode; store them with `gongwen load`.

Each partition of the input (paths, or JSON records {"id": ..., "text": ...}) is piped through
`gongwen parse --format jsonl -` (RDD.pipe): one JSON line out per line in, in order. The lines
are written as JSON Lines (OUT/jsonl/part-*), which `gongwen load` stores into SQLite or
PostgreSQL exactly as `gongwen ingest` stores the files, and with --parquet as a Parquet table
(OUT/parquet: source, sha256, type, title, issuer, doc_type, date, claims, findings and the whole
line as `json`) for the cluster's own tools.

  python3 scripts/spark_ingest.py corpus --out /tmp/parsed --master 'local[*]'
  gongwen load /tmp/parsed/jsonl/part-* --db gongwen.sqlite

On a cluster: --master spark://host:7077 (or yarn), gongwen installed at the same path on every
worker (--gongwen), and the paths readable there (a shared file system), or records with the text.
"""
import argparse
import json
import os
import shlex
import shutil
import sys

EXTENSIONS = (".txt", ".html", ".htm", ".pdf", ".docx")


def inputs(arguments, lists):
    """The lines to pipe: every document below the folders and the files given, in sorted order,
    then the lines of each --list file (paths or JSON records) as they are."""
    lines = []
    for argument in arguments:
        if os.path.isdir(argument):
            found = []
            for folder, _, files in os.walk(argument):
                found += [os.path.join(folder, name) for name in files if name.lower().endswith(EXTENSIONS)]
            lines += sorted(found)
        else:
            lines.append(argument)
    for listing in lists:
        with open(listing, encoding="utf-8") as handle:
            lines += [line.rstrip("\n") for line in handle if line.strip()]
    return lines


def default_gongwen():
    if os.environ.get("GONGWEN_BIN"):
        return os.environ["GONGWEN_BIN"]
    if shutil.which("gongwen"):
        return shutil.which("gongwen")
    built = [path for path in (".build/release/gongwen", ".build/debug/gongwen") if os.path.exists(path)]
    return os.path.abspath(max(built, key=os.path.getmtime)) if built else "gongwen"


def summary_row(line):
    """The Parquet row of one output line."""
    from pyspark.sql import Row

    record = json.loads(line)
    return Row(
        source=record.get("source"), sha256=record.get("sha256"), type=record.get("type", "document"),
        title=record.get("title"), issuer=record.get("issuer"), doc_type=record.get("doc_type"),
        date=record.get("date"), claims=len(record.get("claims") or []), findings=len(record.get("findings") or []),
        json=line)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="folders (walked for .txt .html .htm .pdf .docx) or files")
    parser.add_argument("--list", action="append", default=[], help="a file of paths or JSON records, one a line")
    parser.add_argument("--out", required=True, help="output folder (replaced): jsonl/ and parquet/")
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    parser.add_argument("--gongwen", default=default_gongwen(),
                        help="the gongwen executable on every worker (default: $GONGWEN_BIN, else gongwen on the PATH, "
                             "else the newer of .build/release/gongwen and .build/debug/gongwen)")
    parser.add_argument("--partitions", type=int, default=0, help="partitions (default: Spark's parallelism)")
    parser.add_argument("--parquet", action="store_true", help="also write OUT/parquet")
    options = parser.parse_args()

    lines = inputs(options.inputs, options.list)
    if not lines:
        sys.exit("spark_ingest: no input (give folders, files or --list)")
    if any("\n" in line for line in lines):
        sys.exit("spark_ingest: an input line holds a line break")

    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(options.master).appName("gongwen parse")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    context = spark.sparkContext
    partitions = options.partitions or context.defaultParallelism
    command = shlex.join([options.gongwen, "parse", "--format", "jsonl", "-"])
    parsed = context.parallelize(lines, partitions).pipe(command, checkCode=True)

    shutil.rmtree(options.out, ignore_errors=True)
    jsonl = os.path.join(options.out, "jsonl")
    parsed.saveAsTextFile(jsonl)
    # Counted (and made Parquet) from the lines written, not from `parsed`: that would pipe every
    # document through gongwen again (a cache of the lines does not fit a small driver's memory).
    written_lines = context.textFile(jsonl)
    written, errors = written_lines.map(lambda line: (1, int('"type":"error"' in line))) \
        .fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    if options.parquet:
        spark.createDataFrame(written_lines.map(summary_row)).write.parquet(os.path.join(options.out, "parquet"))
    spark.stop()
    print(f"spark_ingest: {len(lines)} inputs, {written} lines ({errors} error records) in {partitions} partitions "
          f"-> {os.path.join(options.out, 'jsonl')}{' and parquet' if options.parquet else ''}")
    if written != len(lines):
        sys.exit("spark_ingest: the stream mode wrote a different number of lines than it read")


if __name__ == "__main__":
    main()
