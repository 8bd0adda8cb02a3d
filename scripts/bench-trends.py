#!/usr/bin/env python3
"""Trends' cost (issue 19): CPU time and peak memory of a corpus run of all default analyzers

  1. --format json with trends, against the same run with --option trends.enabled=false
     (target: trends add at most 20%);
  2. --format json without trends against --format jsonl (target: at most 1.2x);
  3. 10,000 short articles (built at run time from the report corpus's paragraphs, each with a
     jsonl `date` over one year; nothing is written into the repository) read as --input jsonl:
     jsonl (streaming), json with trends (grouped by period), json without trends.

Each run is pinned to one core (taskset -c CORE) with --jobs 1, and CPU time is user + system
of the child (resource.getrusage), so other work on the machine moves it less than wall time.
Runs alternate between the variants, ROUNDS rounds; the medians and the ratios of medians are
printed. Release build; no Python packages needed.

    scripts/bench-trends.py [--rounds 5] [--core 1] [--binary PATH] [--corpus DIR] [--skip-short]
"""
import argparse, glob, json, os, random, resource, statistics, subprocess, sys, tempfile

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
parser = argparse.ArgumentParser()
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--core", default="1")
parser.add_argument("--binary")
parser.add_argument("--corpus", default=os.path.normpath(os.path.join(root, "..", "shared", "eval", "corpus", "reports")))
parser.add_argument("--skip-short", action="store_true", help="leave out the 10,000-article runs")
args = parser.parse_args()

if args.binary:
    binary = args.binary
else:
    subprocess.run(["swift", "build", "-c", "release", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                         capture_output=True, text=True).stdout.strip(), "analyze")
files = sorted(glob.glob(os.path.join(args.corpus, "*.txt")))
if len(files) < 2:
    sys.exit(f"need two or more .txt files in {args.corpus}")


def run(argv):
    """CPU seconds (user + system) and peak RSS (MB) of one run, output discarded."""
    command = ["taskset", "-c", args.core, binary, "--jobs", "1"] + argv
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(variants):
    times = {name: [] for name in variants}
    memory = {name: 0.0 for name in variants}
    for _ in range(args.rounds):
        for name, argv in variants.items():  # alternating: drift on the machine hits every variant
            seconds, peak = run(argv)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    return {name: statistics.median(values) for name, values in times.items()}, memory, times


def show(title, variants):
    medians, memory, times = measure(variants)
    print(f"\n{title} ({args.rounds} alternating rounds, one core, CPU s user+sys; median [min-max], peak RSS)")
    for name in variants:
        print(f"  {name:34} {medians[name]:.3f} s [{min(times[name]):.3f}-{max(times[name]):.3f}]  {memory[name]:7.1f} MB")
    return medians


reports = show(f"{len(files)} documents of {args.corpus}", {
    "json": ["--format", "json", args.corpus],
    "json, trends.enabled=false": ["--format", "json", "--option", "trends.enabled=false", args.corpus],
    "jsonl": ["--format", "jsonl", args.corpus],
})
print(f"  trends' cost: json / json without trends = {reports['json'] / reports['json, trends.enabled=false']:.2f} (target <= 1.20)")
print(f"  json without trends / jsonl = {reports['json, trends.enabled=false'] / reports['jsonl']:.2f} (target <= 1.20)")

if not args.skip_short:
    # 10,000 short articles: runs of 2-5 paragraphs of the reports, dated over 2024.
    random.seed(19)
    paragraphs = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            paragraphs += [p.strip() for p in handle.read().split("\n") if len(p.strip()) >= 40]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for number in range(10_000):
            start = random.randrange(len(paragraphs))
            text = "\n".join(paragraphs[start:start + random.randint(2, 5)])
            day = 1 + number * 365 // 10_000
            month, date = 1, day
            for length in (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31):
                if date <= length:
                    break
                date -= length
                month += 1
            out.write(json.dumps({"id": f"a{number:05}", "date": f"2024-{month:02}-{date:02}", "text": text}, ensure_ascii=False) + "\n")
        articles = out.name
    try:
        size = os.path.getsize(articles) / 1e6
        short = show(f"10,000 short articles ({size:.1f} MB of jsonl, --input jsonl)", {
            "jsonl (streaming)": ["--input", "jsonl", "--format", "jsonl", articles],
            "json": ["--input", "jsonl", "--format", "json", articles],
            "json, trends.enabled=false": ["--input", "jsonl", "--format", "json", "--option", "trends.enabled=false", articles],
        })
        print(f"  trends' cost: {short['json'] / short['json, trends.enabled=false']:.2f}; "
              f"json without trends / jsonl = {short['json, trends.enabled=false'] / short['jsonl (streaming)']:.2f}")
    finally:
        os.unlink(articles)
