#!/usr/bin/env bash
# Fuzzes decoding, the document model, every analyzer and every renderer with libFuzzer
# (Sources/analyze-fuzz, harness in Sources/AnalyzeDriver/FuzzHarness.swift), starting from a corpus
# seeded with the seed document and the report corpus cut into pieces.
#
#   scripts/fuzz.sh [SECONDS] [--asan]      # default 300 s; --asan adds AddressSanitizer
#
# Crashers land in .build/fuzz/artifacts/; copy each to Tests/AnalyzeDriverTests/FuzzCrashers/ after
# fixing it, where FuzzRegressionTests replays it. Replay by hand: swift run analyze-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
sanitizers=fuzzer
[[ "${2:-}" == "--asan" || "${1:-}" == "--asan" ]] && sanitizers=fuzzer,address
[[ "$seconds" == "--asan" ]] && seconds=300
scratch=.build/fuzz-${sanitizers/,/-}
work=.build/fuzz
mkdir -p "$work/corpus" "$work/artifacts"

swift build -c release --product analyze-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize="$sanitizers" -Xswiftc -DFUZZING -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary="$scratch/release/analyze-fuzz"

# Seed corpus: the seed and each report, in pieces of at most 4 KB (libFuzzer's default max_len),
# plus the kept crashers. Pieces are cut at line ends so they stay valid UTF-8.
python3 - "$work/corpus" <<'PY'
import glob, hashlib, os, sys
out = sys.argv[1]
sources = ["seeds/000_3f7c8fb727aab8b7.txt"] + sorted(glob.glob("../shared/eval/corpus/reports/*.txt"))
sources += sorted(glob.glob("Tests/AnalyzeDriverTests/FuzzCrashers/*"))
for path in sources:
    data = open(path, "rb").read()
    piece = b""
    for line in data.splitlines(keepends=True):
        if len(piece) + len(line) > 4000 and piece:
            open(os.path.join(out, hashlib.sha1(piece).hexdigest()), "wb").write(piece)
            piece = b""
        piece += line[:4000]
    if piece:
        open(os.path.join(out, hashlib.sha1(piece).hexdigest()), "wb").write(piece)
print(f"seed corpus: {len(os.listdir(out))} inputs")
PY

# libFuzzer, not the Swift runtime, must see the trap, to save the input that caused it.
export ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no
"$binary" "$work/corpus" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | grep -vE "^#[0-9]+\s+(NEW|REDUCE|pulse)" | tail -25
