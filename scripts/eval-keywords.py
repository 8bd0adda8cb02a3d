#!/usr/bin/env python3
"""Scores keywords against the judged set in Tests/Fixtures/keywords (judged.tsv: the terms a reader
accepts for each document, written before looking at any output) and compares with jieba.

  scripts/eval-keywords.py [--methods keyness,tfidf,textrank,frequency] [--show] [--set dev|heldout]

--set heldout scores heldout.tsv instead (--set heldout2: heldout2.tsv, the fourth round's; --set fresh: fresh.tsv, the seventh round's) (documents never used to develop rules; report sections are
those whose text opens with a numbered heading such as （五）, the rest are articles).

- acceptable@10: of each method's top 10, how many are in the document's judged list (mean over
  documents; a method that gives fewer than 10 is not rewarded for it: the mean is of hits / 10).
- jieba 0.42.1 extract_tags (TF-IDF) and textrank (its default parts of speech), topK=10.
- overlap with jieba's extract_tags top 10 on whole work reports, and the share of multi-word terms
  in our top 10 of work reports.

No circularity: the report sections come from eight reports that the reference used here leaves
out (scripts/build-reference.py --exclude), and the whole reports measured are among those eight.
Needs: swift build -c release; pip install jieba==0.42.1.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'Tests', 'Fixtures', 'keywords')
CORPUS = os.path.join(ROOT, '..', 'shared', 'eval', 'corpus', 'reports')
HELD_OUT = ['cn_statecouncil_gwr_2003.txt', 'cn_statecouncil_gwr_2010.txt', 'cn_statecouncil_gwr_2016.txt',
            'cn_statecouncil_gwr_2019.txt', 'cn_statecouncil_gwr_2021.txt', 'cn_statecouncil_gwr_2024.txt',
            'cn_statecouncil_gwr_2025.txt', 'cpc_congress_20_2022.txt']
BINARY = os.path.join(ROOT, '.build', 'release', 'analyze')


def judged(name='judged.tsv'):
    docs = {}
    for line in open(os.path.join(FIXTURES, name), encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        name, terms = line.rstrip('\n').split('\t')
        path = os.path.join(ROOT, 'seeds', '000_3f7c8fb727aab8b7.txt') if name == 'seed' else os.path.join(FIXTURES, 'docs', name + '.txt')
        docs[name] = (path, set(t.strip().lower() for t in terms.split('、') if t.strip()))
    return docs


def ours(paths, method, reference, top=10):
    command = [BINARY, '--plugins', 'keywords', '--format', 'jsonl', '--option', 'keywords.top=%d' % top,
               '--option', 'keywords.method=' + method, '--option', 'keywords.reference=' + reference] + paths
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [[(k['term'], k['phrase']) for k in json.loads(line)['analyzers']['keywords']['keywords']] for line in out.splitlines()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--methods', default='keyness,tfidf,textrank,frequency')
    parser.add_argument('--show', action='store_true', help='print every top 10 with hits marked')
    parser.add_argument('--set', default='dev', choices=['dev', 'heldout', 'heldout2', 'fresh'], help='judged.tsv (dev), heldout.tsv, heldout2.tsv or fresh.tsv')
    parser.add_argument('--no-reports', action='store_true', help='skip the whole-report measures')
    parser.add_argument('--reference', help='a reference table already built without the eight reports (build-reference.py --exclude ...), to save rebuilding it')
    args = parser.parse_args()
    import jieba, jieba.analyse
    jieba.setLogLevel(60)
    docs = judged({'dev': 'judged.tsv', 'heldout': 'heldout.tsv', 'heldout2': 'heldout2.tsv', 'fresh': 'fresh.tsv'}[args.set])
    names = list(docs)
    paths = [docs[n][0] for n in names]
    texts = [open(p, encoding='utf-8').read() for p in paths]
    section = {n: n[0] in 'rc' or t.lstrip().startswith('（') for n, t in zip(names, texts)}
    with tempfile.TemporaryDirectory() as tmp:
        reference = os.path.join(tmp, 'reference.tsv')
        if args.reference:
            reference = args.reference
        else:
            subprocess.run([sys.executable, os.path.join(ROOT, 'scripts', 'build-reference.py'), '--exclude'] + HELD_OUT + ['--out', reference],
                           check=True, capture_output=True)
        results = {}
        for method in args.methods.split(','):
            results['analyze ' + method] = [[t.lower() for t, _ in r] for r in ours(paths, method, reference)]
        results['jieba extract_tags'] = [[t.lower() for t in jieba.analyse.extract_tags(x, topK=10)] for x in texts]
        results['jieba textrank'] = [[t.lower() for t in jieba.analyse.textrank(x, topK=10)] for x in texts]
        print('acceptable@10 over %d judged documents (mean hits in the top 10; sections | seed | articles)' % len(names))
        for label, lists in results.items():
            hits = [sum(1 for t in top[:10] if t in docs[n][1]) for n, top in zip(names, lists)]
            def mean(selection):
                values = [h for n, h in zip(names, hits) if selection(n)]
                return sum(values) / max(len(values), 1)
            print('  %-22s %.2f   (%.2f | %.2f | %.2f)' % (label, mean(lambda n: True), mean(lambda n: section[n]),
                                                         mean(lambda n: n == 'seed'), mean(lambda n: not section[n] and n != 'seed')))
        if args.show:
            for index, name in enumerate(names):
                print('\n' + name)
                for label, lists in results.items():
                    print('  %-22s %s' % (label, ' '.join(t + ('' if t in docs[name][1] else '✗') for t in lists[index][:10])))
        if args.no_reports:
            return
        # Whole work reports (held out of the reference).
        reports = [os.path.join(CORPUS, f) for f in HELD_OUT if f.startswith('cn_statecouncil')]
        tops = ours(reports, 'keyness', reference)
        print('\nwhole State Council work reports (held out of the reference): overlap with jieba extract_tags top 10; multi-word terms in our top 10')
        overlaps, shares = [], []
        for path, top in zip(reports, tops):
            text = open(path, encoding='utf-8').read()
            theirs = set(jieba.analyse.extract_tags(text, topK=10))
            overlap = len(theirs & set(t for t, _ in top))
            share = sum(1 for _, phrase in top if phrase)
            overlaps.append(overlap)
            shares.append(share)
            print('  %s: overlap %d/10, multi-word %d/10: %s' % (os.path.basename(path), overlap, share, ' '.join(t for t, _ in top)))
        print('  mean overlap %.1f, mean multi-word share %.2f' % (sum(overlaps) / len(overlaps), sum(shares) / 10 / len(shares)))


if __name__ == '__main__':
    main()
