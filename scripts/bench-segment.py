#!/usr/bin/env python3
"""Segmentation benchmark: analyze's segmenter against rjieba and jieba on the same text, one core.

    pip install jieba==0.42.1 rjieba      # the peers
    scripts/bench-segment.py [CORPUS_DIR]  # default ../shared/eval/corpus/reports

Prints MB/s of UTF-8 input for
  - analyze-bench: the segmenter in-process, text in and every word out (what rjieba.cut does);
  - analyze segment: the whole process (start, lexicon, read, decode, segment, write);
  - rjieba.cut and jieba.cut in-process with their dictionaries loaded;
and start-up and peak memory. Everything is pinned to one core. This machine is a shared VM whose
timings swing by up to 2x from one run to the next, so the two sides run in alternating rounds:
each reports its best, and the ratio is also given round by round (median and range).
"""
import glob, os, subprocess, sys, tempfile, time

ROUNDS = 9
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
corpus_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "eval", "corpus", "reports")
files = sorted(glob.glob(os.path.join(corpus_dir, "*.txt")))
if not files:
    sys.exit(f"no .txt files in {corpus_dir}")
text = "\n".join(open(f, encoding="utf-8").read() for f in files)
data = text.encode("utf-8")
mb = len(data) / 1e6
corpus = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
corpus.write(data)
corpus.close()

for product in ("analyze", "analyze-bench"):
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=root, check=True, stdout=subprocess.DEVNULL)
bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                         capture_output=True, text=True).stdout.strip()
analyze, bench = os.path.join(bin_dir, "analyze"), os.path.join(bin_dir, "analyze-bench")
seed = os.path.join(root, "seeds", "000_3f7c8fb727aab8b7.txt")
os.sched_setaffinity(0, {0})  # this process and its children: one core

def process_time(args):
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

try:
    import rjieba
    rjieba.cut("预热")
except ImportError:
    rjieba = None
    print("rjieba: not installed (pip install rjieba)")

best = {"bench": float("inf"), "process": float("inf"), "rjieba": float("inf")}
ratios = [] # rjieba time / analyze time within each round: a slow spell hits both sides of a round
for _ in range(ROUNDS):
    seconds = float(subprocess.run([bench, "segment", corpus.name, "2"], check=True, capture_output=True, text=True).stdout.split()[1])
    best["bench"] = min(best["bench"], seconds)
    best["process"] = min(best["process"], process_time([analyze, "segment", corpus.name]))
    if rjieba:
        start = time.perf_counter(); rjieba.cut(text); peer = time.perf_counter() - start
        best["rjieba"] = min(best["rjieba"], peer)
        ratios.append(peer / seconds)

startup = min(process_time([analyze, "segment", os.devnull]) for _ in range(20))
seed_time = min(process_time([analyze, "segment", seed]) for _ in range(20))
# Peak RSS of `analyze segment` alone (the children's maximum would be analyze-bench's, which keeps every word).
peak_kb = int(subprocess.run(["/usr/bin/time", "-f", "%M", analyze, "segment", corpus.name], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, check=True).stderr.strip().splitlines()[-1])

print(f"corpus: {len(files)} files, {mb:.2f} MB UTF-8, {len(text):,} characters; best of {ROUNDS} alternating rounds, one core")
print(f"analyze-bench (in-process)   {best['bench']:6.3f} s  {mb / best['bench']:6.2f} MB/s")
print(f"analyze segment (process)  {best['process']:6.3f} s  {mb / best['process']:6.2f} MB/s   "
      f"start+lexicon {startup * 1000:.1f} ms, seed {seed_time * 1000:.1f} ms, peak RSS {peak_kb / 1024:.0f} MB")
if rjieba:
    print(f"rjieba.cut (in-process)      {best['rjieba']:6.3f} s  {mb / best['rjieba']:6.2f} MB/s")
    print(f"analyze / rjieba: {best['rjieba'] / best['bench']:.2f}x in-process (best against best), "
          f"{best['rjieba'] / best['process']:.2f}x whole process vs in-process")
    ratios.sort()
    print(f"analyze / rjieba within each round: median {ratios[len(ratios) // 2]:.2f}x, range {ratios[0]:.2f}-{ratios[-1]:.2f}x")
try:
    import jieba
    jieba.setLogLevel(60); jieba.initialize()
    start = time.perf_counter(); list(jieba.cut(text)); elapsed = time.perf_counter() - start
    print(f"jieba.cut (in-process)       {elapsed:6.3f} s  {mb / elapsed:6.2f} MB/s")
except ImportError:
    print("jieba: not installed (pip install jieba==0.42.1)")
os.unlink(corpus.name)
