#!/usr/bin/env python3
"""Checks the HTML report in a real headless Chromium: renders the seed and two corpus reports,
loads the page, reads the DOM after its scripts ran, and asserts that every highlight covers the
text its data-start/data-end offsets name in the input, that the tables, bar charts and heat map are
there, and that nothing is fetched from the network. Saves a screenshot.

    scripts/check-html.py [OUTPUT_DIR]     (needs chromium: apt-get install chromium)
Prints 'N passed, M failed' and exits non-zero on a failure.
"""
import html.parser, os, shutil, subprocess, sys, tempfile

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
out_dir = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="analyze-html-")
os.makedirs(out_dir, exist_ok=True)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    sys.exit("chromium is not installed (apt-get install chromium)")
corpus = os.path.normpath(os.path.join(root, "..", "shared", "eval", "corpus", "reports"))
inputs = [os.path.join(root, "seeds", "000_3f7c8fb727aab8b7.txt")]
inputs += [os.path.join(corpus, f) for f in ("cn_statecouncil_gwr_2023.txt", "cn_statecouncil_gwr_2024.txt") if os.path.exists(os.path.join(corpus, f))]

subprocess.run(["swift", "build", "--product", "analyze"], cwd=root, check=True, stdout=subprocess.DEVNULL)
binary = os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, check=True, capture_output=True, text=True).stdout.strip(), "analyze")
page = os.path.join(out_dir, "report.html")
subprocess.run([binary, "--format", "html", "--output", page] + inputs, check=True)

flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
dom = subprocess.run([chromium] + flags + ["--dump-dom", "file://" + page], check=True, capture_output=True, text=True).stdout
screenshot = os.path.join(out_dir, "report.png")
subprocess.run([chromium] + flags + ["--window-size=1400,1800", "--screenshot=" + screenshot, "file://" + page],
               check=True, capture_output=True)

class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.document = -1
        self.marks = []          # (document index, start, end, text)
        self.open_mark = None
        self.counts = {"table": 0, "bars": 0, "heatmap": 0, "external": 0, "chart": 0}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "document" in (a.get("class") or ""):
            self.document += 1
        if tag == "mark":
            self.open_mark = [self.document, int(a["data-start"]), int(a["data-end"]), ""]
        if tag == "table":
            self.counts["table"] += 1
            if "heatmap" in (a.get("class") or ""):
                self.counts["heatmap"] += 1
        if tag == "svg" and a.get("class") == "chart":
            self.counts["chart"] += 1
        if tag == "div" and a.get("class") == "bars":
            self.counts["bars"] += 1
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.counts["external"] += 1
    def handle_data(self, data):
        if self.open_mark is not None:
            self.open_mark[3] += data
    def handle_endtag(self, tag):
        if tag == "mark" and self.open_mark is not None:
            self.marks.append(tuple(self.open_mark))
            self.open_mark = None

reader = Reader()
reader.feed(dom)
texts = [open(path, encoding="utf-8-sig").read() for path in inputs]
passed = failed = 0
def check(ok, message):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", message)

wrong = [m for m in reader.marks if texts[m[0]][m[1]:m[2]] != m[3]]
check(reader.marks and not wrong, f"{len(wrong)} of {len(reader.marks)} highlights are not at their spans: {wrong[:3]}")
check(reader.document + 1 == len(inputs), f"{reader.document + 1} document sections for {len(inputs)} inputs")
check(reader.counts["table"] >= 3, "tables rendered")
check(reader.counts["bars"] >= 1, "keyword bar chart rendered")
check(len(inputs) < 2 or reader.counts["heatmap"] == 2, "slogan × document and trends' formulation × document heat maps rendered")
check(len(inputs) < 2 or reader.counts["chart"] >= 1, "trends' line charts rendered")
check(reader.counts["external"] == 0, "no external resources")
check(os.path.getsize(screenshot) > 10000, "screenshot written")
print(f"{len(reader.marks)} highlights in {len(inputs)} documents; page {page}; screenshot {screenshot}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
