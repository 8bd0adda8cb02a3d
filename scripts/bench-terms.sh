#!/usr/bin/env bash
# The `terms` analyzer with a big list, in-process, over the report corpus (release build, one core):
# the list is the N most frequent words of 2–8 characters in the corpus itself (so most positions
# are tried and many match), made fresh in a temporary folder. Three rounds (this VM's timings swing).
#   scripts/bench-terms.sh [N] [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-3000}"
corpus="${2:-../shared/eval/corpus/reports}"
swift build -c release --product analyze >/dev/null
swift build -c release --product analyze-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
list="$(mktemp -d)/terms.tsv"
"$bin/analyze" --segment "$corpus"/*.txt | python3 -c '
import collections, re, sys
count = collections.Counter(w for line in sys.stdin for w in line.split() if 2 <= len(w) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", w))
for word, _ in sorted(count.items(), key=lambda item: (-item[1], item[0]))[:int(sys.argv[1])]: print(word + "\tbench")
' "$count" > "$list"
echo "$(wc -l < "$list") terms in $list"
for round in 1 2 3; do
    taskset -c 0 "$bin/analyze-bench" analyzers --only terms --option "terms.lists=$list" "$corpus"/*.txt \
        | awk -v r="$round" '{ printf "round %s  %-6s %8s MB/s %8s documents/s\n", r, $1, $2, $3 }'
done
