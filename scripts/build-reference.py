#!/usr/bin/env python3
"""Rebuilds the keywords reference table (Sources/Plugins/Keywords/Resources/reference.tsv).

The table counts every candidate term (and the documents it occurs in) (words, discovered multi-word terms, X+ formulations, as
the keywords analyzer itself counts them) over a corpus of government and Party texts, by running
the release `analyze` binary on it with keywords.method=frequency (and keywords.annex=true: an annex's words are the genre's). Default corpus: the public report
corpus ../shared/eval/corpus/reports (official documents, excluded from copyright under Article 5
of the PRC Copyright Law; see NOTICE).

  scripts/build-reference.py [--corpus DIR] [--exclude NAME ...] [--min-count 2] [--out FILE]

--out FILE.bin (default Resources/reference.bin) writes the binary form the analyzer ships (read at
start-up without parsing: a sorted array of 64-bit FNV-1a hashes of each term's code points with
count << 8 | share of documents in 255ths; see ReferenceFrequencies.swift); --out FILE.tsv the
readable table (term, count, documents), which keywords.reference=FILE reads too.

--exclude leaves documents out (by file name), to score them against a reference that has never
seen them (scripts/eval-keywords.py does this for its judged report sections).
Needs: swift build -c release (the binary at .build/release/analyze). No Python packages.
"""
import argparse, collections, json, os, struct, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def counts(corpus, exclude, binary, ngrams=True, min_run_documents=5):
    files = sorted(f for f in os.listdir(corpus) if f.endswith('.txt') and f not in exclude)
    total = collections.Counter()
    spread = collections.Counter()
    phrases = set()
    tokens = 0
    with tempfile.TemporaryDirectory() as tmp:
        # A placeholder reference: frequency counts do not depend on it, and the shipped one may be
        # the file being rebuilt.
        placeholder = os.path.join(tmp, 'empty.tsv')
        with open(placeholder, 'w') as f:
            f.write('#tokens\t1\n#documents\t0\n')
        command = [binary, '--plugins', 'keywords', '--format', 'jsonl', '--option', 'keywords.method=frequency', '--option', 'keywords.annex=true',
                   '--option', 'keywords.top=100000', '--option', 'keywords.reference=' + placeholder] + [os.path.join(corpus, f) for f in files]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        doc = json.loads(line)
        result = doc['analyzers']['keywords']
        tokens += result['tokens']
        for keyword in result['keywords']:
            # A Latin word is reported as the text writes it (AI) but looked up case-folded (ai).
            if not keyword['phrase']:
                keyword['term'] = keyword['term'].lower()
            total[keyword['term']] += keyword['count']
            spread[keyword['term']] += 1
            if keyword['phrase']:
                phrases.add(keyword['term'])
    # A multi-word term is found as one only where a document repeats it; count every occurrence
    # of its characters instead, so its reference count does not depend on where discovery fired.
    texts = [open(os.path.join(corpus, f), encoding='utf-8').read() for f in files]
    for phrase in phrases:
        occurrences = [text.count(phrase) for text in texts]
        total[phrase] = max(total[phrase], sum(occurrences))
        spread[phrase] = max(spread[phrase], sum(1 for n in occurrences if n))
    if ngrams:
        # Every run of two to four words that at least five documents say (rarer runs would weigh
        # less than 5% and rarely exceed a phrase's default expectation), counted as written: a
        # document's multi-word term (人民满意, 年均增长, 发展壮大) is compared with how often the
        # genre says it, not only where discovery fired in a reference document.
        runs, runs_spread = word_runs([os.path.join(corpus, f) for f in files], binary)
        for run, count in runs.items():
            if runs_spread[run] >= min_run_documents and run not in total:
                total[run] = count
                spread[run] = runs_spread[run]
    return tokens, len(files), total, spread


def word_runs(paths, binary, longest=4):
    """Counts (and documents) of runs of 2..longest Han words, by the analyzer's own segmenter."""
    total, spread = collections.Counter(), collections.Counter()
    for path in paths:
        out = subprocess.run([binary, 'segment', path], check=True, capture_output=True, text=True).stdout
        seen = set()
        for line in out.splitlines():
            words = line.split(' ')
            for start in range(len(words)):
                for end in range(start + 2, min(start + longest, len(words)) + 1):
                    if not all(w and all('\u4e00' <= ch <= '\u9fff' for ch in w) for w in words[start:end]):
                        break
                    run = ''.join(words[start:end])
                    total[run] += 1
                    seen.add(run)
        for run in seen:
            spread[run] += 1
    return total, spread


def fnv(term):
    """ReferenceFrequencies.hash: FNV-1a over the code points, top bit cleared."""
    h = 0xCBF29CE484222325
    for ch in term:
        h = ((h ^ ord(ch)) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h & 0x7FFFFFFFFFFFFFFF


def write_binary(path, tokens, documents, kept, spread):
    entries = {}
    for term, count in kept:  # most frequent first: a (vanishingly rare) hash collision keeps the commoner term
        share = min(255, (spread[term] * 255 + documents // 2) // documents) if documents else 0
        entries.setdefault(fnv(term), min(count, 0x7FFFFF) << 8 | share)
    with open(path, 'wb') as f:
        f.write(b'AKREF1\0\0' + struct.pack('<QQQ', tokens, documents, len(entries)))
        for key in sorted(entries):
            f.write(struct.pack('<QiI', key, entries[key], 0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'eval', 'corpus', 'reports'))
    parser.add_argument('--exclude', nargs='*', default=[])
    parser.add_argument('--min-count', type=int, default=2)
    parser.add_argument('--no-runs', action='store_true', help='leave out the runs of words (the table before 2026-11-29)')
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build', 'release', 'analyze'))
    parser.add_argument('--out', default=os.path.join(ROOT, 'Sources', 'Plugins', 'Keywords', 'Resources', 'reference.bin'))
    args = parser.parse_args()
    tokens, documents, total, spread = counts(os.path.abspath(args.corpus), set(args.exclude), args.binary, not args.no_runs)
    kept = sorted(((t, c) for t, c in total.items() if c >= args.min_count), key=lambda x: (-x[1], x[0]))
    if args.out.endswith('.bin'):
        write_binary(args.out, tokens, documents, kept, spread)
        print('%s: %d terms, %d tokens, %d documents' % (args.out, len(kept), tokens, documents), file=sys.stderr)
        return
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('# keywords reference: term counts of %d government and Party reports (State Council work reports\n' % documents)
        f.write('# 1954-2025, CPC congress reports, 2025 provincial work reports), terms with >= %d occurrences.\n' % args.min_count)
        f.write('# Built by scripts/build-reference.py; source and licence in NOTICE.\n')
        f.write('#tokens\t%d\n#documents\t%d\n' % (tokens, documents))
        for term, count in kept:
            f.write('%s\t%d\t%d\n' % (term, count, spread[term]))
    print('%s: %d terms, %d tokens, %d documents' % (args.out, len(kept), tokens, documents), file=sys.stderr)


if __name__ == '__main__':
    main()
