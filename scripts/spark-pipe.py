#!/usr/bin/env python3
"""Runs analyze unchanged on Spark (local mode here; the same code on a cluster): the corpus as
{"id", "text"} lines, RDD.pipe through `analyze --input jsonl --format jsonl -`, and one report
line per document back. Checks that every document came back and that the reports match a plain run.

    pip install pyspark        # needs Java 17+
    scripts/spark-pipe.py [CORPUS_DIR]
"""
import glob, json, os, subprocess, sys, tempfile

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(root, "..", "shared", "eval", "corpus", "reports"))
files = sorted(glob.glob(os.path.join(corpus, "*.txt")))
subprocess.run(["swift", "build", "-c", "release", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout.strip(), "analyze")

work = tempfile.mkdtemp(prefix="analyze-spark-")
lines = os.path.join(work, "corpus.jsonl")
with open(lines, "w", encoding="utf-8") as out:
    for path in files:
        out.write(json.dumps({"id": os.path.basename(path), "text": open(path, encoding="utf-8").read()}, ensure_ascii=False) + "\n")

from pyspark import SparkContext

sc = SparkContext("local[2]", "analyze")
sc.setLogLevel("ERROR")
command = f"{binary} --plugins facts,slogans --input jsonl --format jsonl --jobs 1 -"
reports = sc.textFile(lines, minPartitions=4).pipe(command).map(json.loads).collect()
sc.stop()

plain = {}
for line in subprocess.run([binary, "--plugins", "facts,slogans", "--input", "jsonl", "--format", "jsonl", lines],
                           check=True, capture_output=True, text=True).stdout.splitlines():
    report = json.loads(line)
    plain[report["source"]] = report
by_source = {report["source"]: report for report in reports}
passed = sum(1 for source, report in by_source.items() if plain.get(source) == report)
failed = len(files) - passed
print(f"Spark local[2]: {len(reports)} reports for {len(files)} documents; "
      f"{sum(len(r['analyzers']['facts']['facts']) for r in reports)} facts; identical to a plain run: {passed}/{len(files)}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
