#!/usr/bin/env python3
"""Hostile inputs too big for the test suite (which runs in debug builds), run against the release
binary: a 200 MB file, one 50 MB line without punctuation, 10,000 small files, a FIFO, a FIFO inside a
directory, a file that disappears during a corpus run, --max-bytes. Each case checks the exit code,
that the report is valid JSON (or jsonl), and prints wall time and peak memory.

    scripts/stress-inputs.py [CORPUS_DIR]      # needs ~600 MB in $TMPDIR
"""
import glob, json, os, shutil, subprocess, sys, tempfile, threading, time

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "eval", "corpus", "reports")
files = sorted(glob.glob(os.path.join(corpus, "*.txt")))
if not files:
    sys.exit(f"no .txt files in {corpus}")
text = "".join(open(f, encoding="utf-8").read() for f in files)

subprocess.run(["swift", "build", "-c", "release", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout.strip(), "analyze")
work = tempfile.mkdtemp(prefix="analyze-stress-")

def repeated(path, chunk, size):
    data = chunk.encode()
    with open(path, "wb") as out:
        written = 0
        while written < size:
            out.write(data)
            written += len(data)
    return path

failures = []

def case(name, args, expect_status, check=None, before=None):
    """Runs analyze; `before` may start something alongside (returns a thread to join)."""
    start = time.perf_counter()
    # /usr/bin/time measures analyze's own peak: a child forked straight from this script would
    # inherit the script's high-water mark (it holds the big reports it parsed).
    rss_file = os.path.join(work, "rss")
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    helper = before() if before else None
    out, err = bytearray(), bytearray()
    # Read both pipes while the child runs, then reap it.
    readers = [threading.Thread(target=lambda pipe=pipe, sink=sink: sink.extend(pipe.read()))
               for pipe, sink in ((process.stdout, out), (process.stderr, err))]
    for reader in readers:
        reader.start()
    _, status, _ = os.wait4(process.pid, 0)
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # /usr/bin/time passes the exit code on, and says "Command exited with non-zero status" first.
    seconds = time.perf_counter() - start
    if helper:
        helper.join()
    out, err = bytes(out), bytes(err)
    peak_mb = int(open(rss_file).read().split()[-1]) / 1024
    problems = []
    if process.returncode != expect_status:
        problems.append(f"exit {process.returncode}, expected {expect_status}")
    try:
        if check:
            problems += check(out, err.decode())
    except Exception as error:  # a report that does not parse is a failure too
        problems.append(f"report: {error!r}")
    print(f"{name:<42} exit {process.returncode}  {seconds:7.2f} s  peak RSS {peak_mb:6.0f} MB  {'OK' if not problems else 'FAIL: ' + '; '.join(problems)}")
    if problems:
        failures.append(name)

def one_json_document(out, err):
    report = json.loads(out)
    documents = report["documents"]
    return [] if len(documents) == 1 and len(documents[0]["analyzers"]) == 5 else ["not one document with five analyzers"]

def jsonl(expected_lines, expected_errors):
    def check(out, err):
        lines = [json.loads(line) for line in out.splitlines()]
        failed = [line for line in lines if line.get("errors")]
        problems = []
        if len(lines) != expected_lines:
            problems.append(f"{len(lines)} lines, expected {expected_lines}")
        if len(failed) != expected_errors or err.count("analyze: ") != expected_errors:
            problems.append(f"{len(failed)} documents with errors and {err.count('analyze: ')} stderr lines, expected {expected_errors}")
        return problems
    return check

big = repeated(os.path.join(work, "big.txt"), text, 200 * 1024 * 1024)
case("200 MB file", ["--format", "json", big], 0, one_json_document)
case("200 MB file over --max-bytes 100M", ["--format", "json", "--max-bytes", str(100 * 1024 * 1024), big], 1,
     lambda out, err: [] if "--max-bytes" in err and json.loads(out)["documents"][0]["errors"] else ["no --max-bytes error"])
os.remove(big)

unpunctuated = "".join(ch for ch in text if ch.isalnum())
line = repeated(os.path.join(work, "line.txt"), unpunctuated, 50 * 1024 * 1024)
case("one 50 MB line, no punctuation", ["--format", "json", line], 0, one_json_document)
os.remove(line)

many = os.path.join(work, "many")
os.makedirs(many)
paragraphs = [p for p in text.split("\n") if p.strip()]
for index in range(10_000):
    with open(os.path.join(many, f"{index:05d}.txt"), "w", encoding="utf-8") as out:
        out.write(paragraphs[index % len(paragraphs)] + "\n")
case("10,000 small files, jsonl", ["--format", "jsonl", many], 0, jsonl(10_000, 0))
case("10,000 small files, json + summary", ["--format", "json", many], 0,
     lambda out, err: [] if len(json.loads(out)["documents"]) == 10_000 else ["not 10,000 documents"])

def vanish():
    """Deletes files from the end of the sorted list while the run is under way."""
    def remove():
        time.sleep(0.3)
        for index in range(9_990, 10_000):
            os.remove(os.path.join(many, f"{index:05d}.txt"))
    thread = threading.Thread(target=remove)
    thread.start()
    return thread
case("10 files vanish during the run", ["--format", "jsonl", "--jobs", "1", many], 1, jsonl(10_000, 10), before=vanish)

fifo = os.path.join(work, "pipe.txt")
os.mkfifo(fifo)
def feed():
    def write():
        with open(fifo, "w", encoding="utf-8") as out:
            out.write(text[:200_000])
    thread = threading.Thread(target=write)
    thread.start()
    return thread
case("a FIFO named on the command line", ["--format", "json", fifo], 0, one_json_document, before=feed)
shutil.rmtree(many)
os.makedirs(many)
shutil.copy(files[0], many)
os.mkfifo(os.path.join(many, "nobody-writes.txt"))
os.symlink(os.path.join(work, "gone.txt"), os.path.join(many, "dangling.txt"))
case("a FIFO and a dangling link in a directory", ["--format", "jsonl", many], 1, jsonl(3, 2))

shutil.rmtree(work)
print("all cases passed" if not failures else f"{len(failures)} failed: {', '.join(failures)}")
sys.exit(1 if failures else 0)
