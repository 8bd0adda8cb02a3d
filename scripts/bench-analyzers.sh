#!/usr/bin/env bash
# Each analyzer alone, in-process, over the report corpus as separate documents (release build,
# one core). Prints MB/s (UTF-8 input) and documents/s; each line is the best of 3 passes, and the
# whole is run 3 times because this machine's timings swing from run to run.
#   scripts/bench-analyzers.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/eval/corpus/reports}"
swift build -c release --product analyze-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/analyze-bench"
for round in 1 2 3; do
    echo "round $round"
    taskset -c 0 "$bench" analyzers "$corpus"/*.txt | awk '{ printf "  %-10s %8s MB/s %8s documents/s\n", $1, $2, $3 }'
done
