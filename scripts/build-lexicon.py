#!/usr/bin/env python3
"""Builds Sources/AnalyticsCore/Resources/lexicon.bin, the compact form of jieba's data that the
segmenter memory-maps at start-up (no parsing of megabytes of text at every run).

Inputs, from the jieba 0.42.1 package on PyPI (MIT licence; see NOTICE):
  dict.txt          word, frequency, tag   -> log probability per word
  analyse/idf.txt   word, idf              -> IDF per word (keywords' TF-IDF)
  finalseg/prob_*   HMM start, transition and emission log probabilities (states B M E S)

Usage: pip install jieba==0.42.1 && scripts/build-lexicon.py

Layout (little endian, every section 4-byte aligned), read by Sources/AnalyticsCore/Lexicon.swift:
  header   magic "ANLX", version 2, nodeCount, edgeCount, rootBase, rootCount,
           emitCount[4], startLogP[4], transLogP[16], defaultLogP, medianIDF
  nodeEdgeStart[nodeCount + 1] u32   children of node n are edges [start[n], start[n+1])
  nodeIDF[nodeCount]           f32   IDF, NaN when unknown
  edges[edgeCount]             {scalar u32, child u32, logP f32}: sorted by scalar within a node;
                                     logP is the child's word log probability, NaN if not a word.
                                     One record per step keeps the hot loop to one cache line.
  rootTable[rootCount]         the root's edge for scalar rootBase + i, as an edge record;
                                     child 0 for none
  per HMM state B, M, E, S: emitScalar[emitCount[s]] u32 (sorted), emitLogP[emitCount[s]] f32
"""
import importlib, math, os, struct, sys

import jieba

base = os.path.dirname(jieba.__file__)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "AnalyticsCore", "Resources", "lexicon.bin")

freq = {}
for line in open(os.path.join(base, "dict.txt"), encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 2:
        freq[parts[0]] = freq.get(parts[0], 0) + int(parts[1])
total = sum(freq.values())
idf = {}
for line in open(os.path.join(base, "analyse", "idf.txt"), encoding="utf-8"):
    parts = line.split()
    if len(parts) == 2:
        idf[parts[0]] = float(parts[1])
idf_values = sorted(idf.values())
median_idf = idf_values[len(idf_values) // 2]

# Trie over the union of dictionary and IDF words, nodes numbered breadth first.
children = [{}]
logp = [math.nan]
idfs = [math.nan]
def node_for(word):
    n = 0
    for ch in word:
        c = ord(ch)
        nxt = children[n].get(c)
        if nxt is None:
            nxt = len(children)
            children[n][c] = nxt
            children.append({})
            logp.append(math.nan)
            idfs.append(math.nan)
        n = nxt
    return n
for w, f in freq.items():
    if f > 0:
        logp[node_for(w)] = math.log(f) - math.log(total)
for w, v in idf.items():
    idfs[node_for(w)] = v

# Renumber breadth first so each node's children are contiguous edges.
order = [0]
i = 0
while i < len(order):
    order.extend(children[order[i]][c] for c in sorted(children[order[i]]))
    i += 1
new_id = {old: new for new, old in enumerate(order)}
edge_start, edges, node_idf = [], [], []
for old in order:
    edge_start.append(len(edges))
    for c in sorted(children[old]):
        child = children[old][c]
        edges.append((c, new_id[child], logp[child]))
    node_idf.append(idfs[old])
edge_start.append(len(edges))

root_scalars = sorted(children[0])
root_base, root_end = 0x3000, 0xA000
root_table = [(0, 0, math.nan)] * (root_end - root_base)
for c in root_scalars:
    if root_base <= c < root_end:
        child = children[0][c]
        root_table[c - root_base] = (c, new_id[child], logp[child])

sys.path.insert(0, os.path.join(base, "finalseg"))
emit = importlib.import_module("jieba.finalseg.prob_emit").P
start = importlib.import_module("jieba.finalseg.prob_start").P
trans = importlib.import_module("jieba.finalseg.prob_trans").P
states = "BMES"
MIN = -3.14e100
def clamp(v):
    return max(v, -1e30)
emits = []
for s in states:
    pairs = sorted((ord(ch), p) for ch, p in emit[s].items() if len(ch) == 1)
    emits.append(pairs)

with open(out, "wb") as f:
    f.write(b"ANLX")
    f.write(struct.pack("<5I", 2, len(order), len(edges), root_base, len(root_table)))
    f.write(struct.pack("<4I", *[len(e) for e in emits]))
    f.write(struct.pack("<4f", *[clamp(start[s]) for s in states]))
    f.write(struct.pack("<16f", *[clamp(trans[a].get(b, MIN)) for a in states for b in states]))
    f.write(struct.pack("<2f", math.log(1) - math.log(total), median_idf))
    f.write(struct.pack(f"<{len(edge_start)}I", *edge_start))
    f.write(struct.pack(f"<{len(node_idf)}f", *node_idf))
    for record in edges + root_table:
        f.write(struct.pack("<IIf", *record))
    for pairs in emits:
        f.write(struct.pack(f"<{len(pairs)}I", *[c for c, _ in pairs]))
        f.write(struct.pack(f"<{len(pairs)}f", *[p for _, p in pairs]))
print(f"wrote {out}: {len(order)} nodes, {len(edges)} edges, {len(freq)} words, {len(idf)} IDF entries, total {total}")
