#!/usr/bin/env python3
"""The Spark pipeline against a plain ingest: scripts/spark_ingest.py over corpus/ in local mode,
`gongwen load` of its JSON lines, and `gongwen ingest corpus` must give databases with the same
rows: the same count in every table (but ingest_runs) and the same documents, claims, findings
and list items, compared as sorted tuples without row ids.

  python3 Tests/Spark/spark_test.py --bin .build/debug/gongwen

With --ingested DB (make bench: the 10,000 documents bench-store replicated and ingested, kept in
.build/bench-store/) it compares with that database instead of ingesting again, compares the row
counts of every table and the documents (not every claim: millions of rows), writes no Parquet, and
prints the throughput of Spark + load beside the ingest's (from the database's ingest_runs row).
"""
import argparse
from datetime import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TABLES = ["documents", "sections", "paragraphs", "claims", "changes", "breakdowns", "breakdown_parts", "rates",
          "rate_parts", "lists", "list_items", "findings", "finding_claims", "ingest_errors"]
FINGERPRINTS = {
    "documents": "SELECT sha256, source, title, issuer, doc_type, date, characters FROM documents",
    "claims": "SELECT d.sha256, c.claim_index, c.text, c.value, c.unit, c.kind, c.subject, c.section "
              "FROM claims c JOIN documents d ON d.id = c.document_id",
    "findings": "SELECT d.sha256, f.rule, f.severity, f.start, f.message FROM findings f JOIN documents d ON d.id = f.document_id",
    "list_items": "SELECT d.sha256, i.position, i.text FROM list_items i JOIN documents d ON d.id = i.document_id",
}


def fingerprint(path, names):
    with sqlite3.connect(path) as db:
        counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        rows = {name: sorted(map(repr, db.execute(FINGERPRINTS[name]).fetchall())) for name in names}
    return counts, rows


def ingest_seconds(path):
    """How long the ingest that made the database took, from its (single) ingest_runs row."""
    with sqlite3.connect(path) as db:
        started, finished = db.execute("SELECT started_at, finished_at FROM ingest_runs ORDER BY id LIMIT 1").fetchone()
    parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (parse(finished) - parse(started)).total_seconds()


def run(command, **kwargs):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"spark test FAILED: {' '.join(command)} exited with {result.returncode}:\n{result.stderr[-4000:]}")
    return result.stdout, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/debug/gongwen")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--ingested", help="compare with this database of an ingest of --corpus (make bench)")
    options = parser.parse_args()
    gongwen = os.path.abspath(options.bin)
    work = tempfile.mkdtemp(prefix="gongwen-spark-")
    bench = options.ingested is not None

    # bench-store stores its copies under their absolute paths: the same sources here.
    corpus = os.path.abspath(options.corpus) if bench else options.corpus
    out, spark_seconds = run([sys.executable, "scripts/spark_ingest.py", corpus, "--out", f"{work}/parsed",
                              "--master", "local[*]", "--gongwen", gongwen] + ([] if bench else ["--parquet"]))
    print(out.strip())
    parts = sorted(os.path.join(f"{work}/parsed/jsonl", name) for name in os.listdir(f"{work}/parsed/jsonl")
                   if name.startswith("part-"))
    loaded, load_seconds = run([gongwen, "load", *parts, "--db", f"{work}/loaded.sqlite", "--quiet"])
    if bench:
        ingested_path = options.ingested
        ingest_time = ingest_seconds(ingested_path)
    else:
        ingested_path = f"{work}/ingested.sqlite"
        _, ingest_time = run([gongwen, "ingest", options.corpus, "--db", ingested_path, "--quiet"])
    names = ["documents"] if bench else list(FINGERPRINTS)
    spark_counts, spark_rows = fingerprint(f"{work}/loaded.sqlite", names)
    ingest_counts, ingest_rows = fingerprint(ingested_path, names)
    documents = spark_counts["documents"]
    if bench:
        cores = os.cpu_count()
        print(f"\n{documents} documents, Spark local[*] ({cores} cores) against gongwen ingest ({cores} workers), {options.bin}:")
        print(f"{'pipeline':<34}{'seconds':>9}{'docs/s':>9}")
        for name, seconds in [("gongwen ingest (bench-store)", ingest_time), ("spark_ingest.py (parse to JSONL)", spark_seconds),
                              ("gongwen load (JSONL to SQLite)", load_seconds), ("spark + load", spark_seconds + load_seconds)]:
            print(f"{name:<34}{seconds:>9.1f}{documents / seconds:>9.1f}")
    else:
        print(f"spark {spark_seconds:.1f} s + load {load_seconds:.1f} s; ingest {ingest_time:.1f} s")
    failures = []
    if spark_counts != ingest_counts:
        failures.append(f"row counts differ: spark {spark_counts} ingest {ingest_counts}")
    for name in names:
        if spark_rows[name] != ingest_rows[name]:
            only_spark = set(spark_rows[name]) - set(ingest_rows[name])
            only_ingest = set(ingest_rows[name]) - set(spark_rows[name])
            failures.append(f"{name} differ: {len(only_spark)} only from spark (e.g. {sorted(only_spark)[:2]}), "
                            f"{len(only_ingest)} only from ingest (e.g. {sorted(only_ingest)[:2]})")
    if spark_counts["documents"] == 0:
        failures.append("nothing was stored")
    if failures:
        print("spark test FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    # The same lines loaded into PostgreSQL, when the tests have a server: the same statistics.
    postgres = None if bench else os.environ.get("GONGWEN_TEST_POSTGRES")
    if postgres:
        run([gongwen, "load", *parts, "--db", postgres, "--quiet"])
        stats = [json.loads(run([gongwen, "stats", "--db", db, "--format", "json"])[0])
                 for db in (postgres, f"{work}/ingested.sqlite")]
        if stats[0] != stats[1]:
            print(f"spark test FAILED: stats of the lines loaded into PostgreSQL differ from ingest's:\n{stats}")
            sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)
    print(f"spark test passed: {spark_counts['documents']} documents, {spark_counts['claims']} claims, "
          f"{spark_counts['findings']} findings, the same {'row counts and documents' if bench else 'rows'} "
          f"from spark + load and from ingest" + (", the same statistics loaded into PostgreSQL" if postgres else ""))


if __name__ == "__main__":
    main()
