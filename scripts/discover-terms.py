#!/usr/bin/env python3
"""Writes the multi-word terms that term discovery finds in a corpus as a user dictionary
(jieba's format, one `term count` a line), for `--option keywords.dict=FILE` in later runs (or
jieba's load_userdict):

  scripts/discover-terms.py [--min-documents 1] [--binary PATH] FILE|DIR... > my.dict

Runs the release `analyze` binary (keywords.method=frequency, every term) and keeps the terms it
marks `phrase` (discovered phrases, X+ formulations, words taken whole with a bound character),
most widespread first. A stand-in until the CLI has subcommands (`analyze terms --discover`).
Swift callers use TermDiscovery (AnalyticsCore) and TermDiscovery.Corpus.userDictionary directly.
"""
import argparse, collections, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('inputs', nargs='+')
    parser.add_argument('--min-documents', type=int, default=1)
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build', 'release', 'analyze'))
    args = parser.parse_args()
    out = subprocess.run([args.binary, '--plugins', 'keywords', '--format', 'jsonl', '--option', 'keywords.method=frequency',
                          '--option', 'keywords.top=100000'] + args.inputs, check=True, capture_output=True, text=True).stdout
    counts, documents = collections.Counter(), collections.Counter()
    for line in out.splitlines():
        for keyword in json.loads(line)['analyzers'].get('keywords', {}).get('keywords', []):
            if keyword['phrase']:
                counts[keyword['term']] += keyword['count']
                documents[keyword['term']] += 1
    for term in sorted(counts, key=lambda t: (-documents[t], -counts[t], t)):
        if documents[term] >= args.min_documents:
            print('%s %d' % (term, counts[term]))


if __name__ == '__main__':
    main()
