#!/usr/bin/env python3
"""Builds Sources/AnalyticsCore/Resources/lexicon.bin, the compact form of jieba's data that the
segmenter memory-maps at start-up (no parsing of megabytes of text at every run).

Inputs, from the jieba 0.42.1 package on PyPI (MIT licence; see NOTICE):
  dict.txt          word, frequency, tag   -> log probability per word
  analyse/idf.txt   word, idf              -> IDF per word (keywords' TF-IDF)
  finalseg/prob_*   HMM start, transition and emission log probabilities (states B M E S)

Usage: pip install jieba==0.42.1 && scripts/build-lexicon.py

Layout (little endian, every section 4-byte aligned, the u64 tables 8-byte aligned by zero padding), read by Sources/AnalyticsCore/Lexicon.swift:
  header   magic "ANLX", version 7, nodeCount, edgeCount, rootEdgeCount, rootBase, rootCount, hashBits,
           emitCount[4], startLogP[4], transLogP[16], defaultLogP, medianIDF
  nodeIDF[nodeCount]           f32   IDF of the word ending at node n, NaN when unknown
  edges[edgeCount]             {scalar u32, logP f32, firstEdge u32, edgeCount u32}: edge e leads to
                                     node e + 1, whose word log probability is logP (NaN if the prefix
                                     is not a word) and whose own edges are [firstEdge, +edgeCount).
                                     Edges [0, rootEdgeCount) leave the root; each node's edges are
                                     sorted by scalar. One 16-byte record a step: no other lookup.
  rootTable[rootCount]         u32   1 + the root edge for scalar rootBase + i, 0 for none
  hashTable[1 << hashBits]     u64   node | scalar << 20 | (1 + edge) << 41, 0 for an empty slot: the
                                     children of nodes with more than 8 edges, linear probing from
                                     slot_hash(node, scalar) (see below; Lexicon.swift computes the same).
                                     8 bytes, not three u32s: the table is a third smaller in the cache.
  per HMM state B, M, E, S: emitScalar[emitCount[s]] u32 (sorted), emitLogP[emitCount[s]] f32
  tagNamesLength u32, tagNames (UTF-8, space-separated, zero-padded to 4 bytes): jieba's POS tags
  nodeTag[nodeCount]           u8    1 + the index in tagNames of the tag of the word ending at
                                     node n (its first line in dict.txt), 0 for none; zero-padded to 4
  bloomBits u32, hotBits u32
  pairBloom[2^bloomBits / 32]  u32   bits pair_bits(node, scalar) set for every pair that starts a word
  hotTable[1 << hotBits]       as hashTable, holding only the hottest pairs (see below)
"""
import importlib, math, os, struct, sys

import jieba

base = os.path.dirname(jieba.__file__)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "AnalyticsCore", "Resources", "lexicon.bin")

freq = {}
tag = {}
for line in open(os.path.join(base, "dict.txt"), encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 2:
        freq[parts[0]] = freq.get(parts[0], 0) + int(parts[1])
        if len(parts) >= 3:
            tag.setdefault(parts[0], parts[2])
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

# Renumber: each node's children are contiguous edges sorted by scalar, and the node that edge e
# leads to is node e + 1 (the root is node 0), so an edge needs no node id of its own. The root's
# edges come first; the other nodes' edge lists follow hottest first (by the total frequency of
# the words below them), so the part of the trie that running text walks is compact in memory.
below = [0] * len(children)
def subtree_order(root):
    stack, seen = [root], []
    while stack:
        n = stack.pop()
        seen.append(n)
        stack.extend(children[n].values())
    return seen
for n in reversed(subtree_order(0)):
    own = math.exp(logp[n]) if not math.isnan(logp[n]) else 0.0
    below[n] = own + sum(below[c] for c in children[n].values())
parents = [0] + sorted((n for n in range(1, len(children)) if children[n]), key=lambda n: (-below[n], n))
new_id = {0: 0}
list_start = {}
position = 0
for parent in parents:
    list_start[parent] = position
    for c in sorted(children[parent]):
        position += 1
        new_id[children[parent][c]] = position # edge position - 1 leads to node position
order = [0] * len(children)
for old, new in new_id.items():
    order[new] = old
def first_edge(old):
    return list_start.get(old, 0)
edges = []
for parent in parents:
    for c in sorted(children[parent]):
        child = children[parent][c]
        assert new_id[child] == len(edges) + 1, "edge e leads to node e + 1"
        edges.append((c, logp[child], first_edge(child), len(children[child])))
edge_count = [len(children[old]) for old in order]
edge_first = [first_edge(old) for old in order]
node_idf = [idfs[old] for old in order]
tag_names = sorted(set(tag.values()))
tag_code = {name: i + 1 for i, name in enumerate(tag_names)}
node_tag_old = [0] * len(children)
for w, t in tag.items():
    if freq.get(w, 0) > 0:
        node_tag_old[node_for(w)] = tag_code[t]
node_tag = [node_tag_old[old] for old in order]
root_edges = len(children[0])

# Children of nodes with more than 8 edges are also found through an open-addressing hash table
# keyed by (node, scalar): one probe instead of a binary search whose every step misses the cache.
def slot_hash(node, scalar, bits):
    h = ((node * 0x9E3779B1) ^ (scalar * 0x85EBCA77)) & 0xFFFFFFFF
    h = (h ^ (h >> 15)) * 0x2C1B3C6D & 0xFFFFFFFF
    return h >> (32 - bits)
large = [(n, e) for n in range(len(order)) if edge_count[n] > 8
         for e in range(edge_first[n], edge_first[n] + edge_count[n])]
def pack_slot(node, scalar, e):
    assert node < 1 << 20 and scalar < 1 << 21 and e + 1 < 1 << 23, "a slot field outgrew its bits"
    return node | scalar << 20 | (e + 1) << 41
def open_addressing(entries, bits):
    """Packed slots (see pack_slot) for (node, edge) entries, linear probing; 0 marks empty."""
    table = [0] * (1 << bits)
    for node, e in entries:
        slot = slot_hash(node, edges[e][0], bits)
        while table[slot] != 0:
            slot = (slot + 1) & ((1 << bits) - 1)
        table[slot] = pack_slot(node, edges[e][0], e)
    return table
hash_bits = max(4, (len(large) * 3 // 2).bit_length())
hash_table = open_addressing(large, hash_bits)

# Most of segmentation time was waiting for the hash-table slot of each character pair (6 MB of
# slots, one cache miss a lookup). Two small tables answer most pair lookups from the L2 cache:
# a Bloom filter of every pair that starts a word (two bits each), which turns away the ~40% of
# a text's pairs that start none, and the hottest pairs (by the frequency of the words below
# them) in a small table with the big table's slot format. Both are keyed by (node of the first
# character, second scalar), as the big table.
def pair_bits(node, scalar, bits):
    h = ((node << 21) | scalar) * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 29
    mask = (1 << bits) - 1
    return h & mask, (h >> 32) & mask
bloom_bits = 20
bloom = [0] * ((1 << bloom_bits) // 32)
pair_edges = [] # (depth-2 edge, node of its parent)
for e in range(root_edges):
    for child in range(edge_first[e + 1], edge_first[e + 1] + edge_count[e + 1]):
        pair_edges.append((child, e + 1))
        for bit in pair_bits(e + 1, edges[child][0], bloom_bits):
            bloom[bit >> 5] |= 1 << (bit & 31)
hot_count, hot_bits = 8192, 14
hot_pairs = sorted((p for p in pair_edges if edge_count[p[1]] > 8), key=lambda p: (-below[order[p[0] + 1]], p[0]))[:hot_count]
hot_table = open_addressing([(node, e) for e, node in hot_pairs], hot_bits)

root_base, root_end = 0x3000, 0xA000
root_table = [0] * (root_end - root_base)
for e in range(root_edges):
    c = edges[e][0]
    if root_base <= c < root_end:
        root_table[c - root_base] = e + 1

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
    f.write(struct.pack("<7I", 7, len(order), len(edges), root_edges, root_base, len(root_table), hash_bits))
    f.write(struct.pack("<4I", *[len(e) for e in emits]))
    f.write(struct.pack("<4f", *[clamp(start[s]) for s in states]))
    f.write(struct.pack("<16f", *[clamp(trans[a].get(b, MIN)) for a in states for b in states]))
    f.write(struct.pack("<2f", math.log(1) - math.log(total), median_idf))
    f.write(struct.pack(f"<{len(node_idf)}f", *node_idf))
    for record in edges:
        f.write(struct.pack("<IfII", *record))
    f.write(struct.pack(f"<{len(root_table)}I", *root_table))
    f.write(b"\0" * (-f.tell() % 8)) # u64 tables start 8-aligned
    f.write(struct.pack(f"<{len(hash_table)}Q", *hash_table))
    for pairs in emits:
        f.write(struct.pack(f"<{len(pairs)}I", *[c for c, _ in pairs]))
        f.write(struct.pack(f"<{len(pairs)}f", *[p for _, p in pairs]))
    names = " ".join(tag_names).encode("utf-8")
    f.write(struct.pack("<I", len(names)))
    f.write(names + b"\0" * (-len(names) % 4))
    f.write(bytes(node_tag) + b"\0" * (-len(node_tag) % 4))
    f.write(struct.pack("<2I", bloom_bits, hot_bits))
    f.write(struct.pack(f"<{len(bloom)}I", *bloom))
    f.write(b"\0" * (-f.tell() % 8))
    f.write(struct.pack(f"<{len(hot_table)}Q", *hot_table))
print(f"POS tags: {len(tag_names)} kinds, on {sum(1 for t in node_tag if t)} words")
print(f"hash table: {len(large)} edges of large nodes in {1 << hash_bits} slots")
print(f"pairs: {len(pair_edges)} in a {len(bloom) * 4 // 1024} KB Bloom filter; the hottest {len(hot_pairs)} in {1 << hot_bits} slots")
print(f"wrote {out}: {len(order)} nodes, {len(edges)} edges, {len(freq)} words, {len(idf)} IDF entries, total {total}")
