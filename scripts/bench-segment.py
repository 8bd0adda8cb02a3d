#!/usr/bin/env python3
"""Segmentation benchmark: analyze --segment (release build) against rjieba and jieba on the same
text, one core, whole corpus. Prints MB/s (UTF-8 input bytes), start-up and peak memory.

    pip install jieba==0.42.1 rjieba      # the peers
    scripts/bench-segment.py [CORPUS_DIR]  # default ../shared/eval/corpus/reports
"""
import glob, os, resource, subprocess, sys, tempfile, time

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

subprocess.run(["swift", "build", "-c", "release", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout.strip(), "analyze")
seed = os.path.join(root, "seeds", "000_3f7c8fb727aab8b7.txt")

def run(args, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "ANALYZE_NO_THREADS": "1"})
        best = min(best, time.perf_counter() - start)
    return best

print(f"corpus: {len(files)} files, {mb:.2f} MB UTF-8, {len(text):,} characters")
startup = run(["taskset", "-c", "0", binary, "--segment", os.devnull], 20)
seed_time = run(["taskset", "-c", "0", binary, "--segment", seed], 20)
whole = run(["taskset", "-c", "0", binary, "--segment", corpus.name], 3)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"analyze --segment  start+lexicon load {startup * 1000:6.1f} ms   seed {seed_time * 1000:6.1f} ms   "
      f"corpus {whole:6.3f} s  {mb / whole:6.2f} MB/s (process, one core)   peak RSS {peak_kb / 1024:.0f} MB")

results = {"analyze": mb / whole}
try:
    import rjieba
    rjieba.cut("预热")
    start = time.perf_counter(); rjieba.cut(text); elapsed = time.perf_counter() - start
    results["rjieba"] = mb / elapsed
    print(f"rjieba.cut         corpus {elapsed:6.3f} s  {mb / elapsed:6.2f} MB/s (in-process, dictionary preloaded)")
except ImportError:
    print("rjieba: not installed (pip install rjieba)")
try:
    import jieba
    jieba.setLogLevel(60); jieba.initialize()
    start = time.perf_counter(); list(jieba.cut(text)); elapsed = time.perf_counter() - start
    print(f"jieba.cut          corpus {elapsed:6.3f} s  {mb / elapsed:6.2f} MB/s (in-process, dictionary preloaded)")
except ImportError:
    print("jieba: not installed (pip install jieba==0.42.1)")
if "rjieba" in results:
    print(f"analyze / rjieba: {results['analyze'] / results['rjieba']:.2f}x")
os.unlink(corpus.name)
