#!/usr/bin/env python3
"""How well the word classes the facts analyzer reads from the lexicon (jieba's dictionary tag of each
word, out of context: Sources/Plugins/Facts/WordClasses.swift) agree with the UD Chinese-GSDSimp treebank's
gold UPOS, on the tokens of the treebank's test file that the dictionary knows.

    pip install jieba==0.42.1
    scripts/facts-wordclass-accuracy.py [../shared/eval/ud/zh_gsdsimp-ud-test.conllu]

The classes compared are the ones the subject finder decides on: noun (NOUN, PROPN), verb (VERB, AUX), adjective
(ADJ), adverb (ADV), preposition (ADP), conjunction (CCONJ, SCONJ), particle (PART), pronoun (PRON, DET),
numeral (NUM), measure word (NOUN with deprel clf in UD), other.
"""
import collections, os, sys
import jieba

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "ud", "zh_gsdsimp-ud-test.conllu")
tags = {}
for line in open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8"):
    word, _, tag = line.split()
    tags.setdefault(word, tag)

def lexicon_class(tag):  # as WordClass(tag:) in WordClasses.swift
    if tag in ("vn", "an", "nz", "j", "eng", "s", "g", "nrt", "nrfg", "ng", "nt", "ns", "nr", "n", "b", "x", "zg", "h", "k", "l"):
        return "noun"
    if tag in ("a", "ad", "ag", "z"): return "adjective"
    if tag in ("d", "dg"): return "adverb"
    if tag == "p": return "preposition"
    if tag == "c": return "conjunction"
    if tag in ("u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o"): return "particle"
    if tag in ("r", "rr", "rz", "rg"): return "pronoun"
    if tag in ("m", "mq"): return "numeral"
    if tag == "q": return "measure"
    if tag == "f": return "locative"
    if tag in ("t", "tg"): return "time"
    if tag.startswith("v"): return "verb"
    if tag.startswith("n"): return "noun"
    return "other"

def gold_class(upos, deprel):
    if deprel == "clf": return "measure"
    return {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adjective", "ADV": "adverb", "ADP": "preposition",
            "CCONJ": "conjunction", "SCONJ": "conjunction", "PART": "particle", "PRON": "pronoun", "DET": "pronoun", "NUM": "numeral"}.get(upos, "other")

total = known = right = 0
confusion = collections.Counter()
for line in open(path, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 10 or not fields[0].isdigit():
        continue
    total += 1
    form, upos, deprel = fields[1], fields[3], fields[7]
    if form not in tags:
        continue
    known += 1
    predicted, gold = lexicon_class(tags[form]), gold_class(upos, deprel)
    # Time and locative words are nouns in UD.
    if predicted in ("time", "locative") and gold == "noun": predicted = "noun"
    right += predicted == gold
    if predicted != gold: confusion[(gold, predicted)] += 1
print(f"{os.path.basename(path)}: {total} tokens, {known} in the dictionary ({100 * known / total:.1f}%); "
      f"word class agrees with UD on {right}/{known} = {100 * right / known:.1f}%")
print("most frequent confusions (gold → lexicon):", ", ".join(f"{g}→{p} {n}" for (g, p), n in confusion.most_common(8)))
