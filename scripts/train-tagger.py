#!/usr/bin/env python3
"""Trains the contextual part-of-speech tagger (Sources/AnalyticsCore/PartOfSpeech/) on the UD
Chinese-GSDSimp DEV treebank only, and writes its model, Sources/AnalyticsCore/Resources/pos-tagger.bin.
Python standard library only; reads the project's own lexicon.bin for the dictionary's words and tags.

    scripts/train-tagger.py [--dev ../shared/eval/ud/zh_gsdsimp-ud-dev.conllu] [--test ...-test.conllu]

The model is derived from UD_Chinese-GSDSimp (CC BY-SA 4.0, annotations by Google and UD contributors;
see NOTICE): it is shipped under that licence.

The tagger is an averaged perceptron that classifies one word at a time from what the text around it
says, with no predicted tags as features: a word's class can be asked for alone, without tagging
its sentence (the facts analyzer asks for a few words near each figure). Its neighbours are not
the segmenter's but the longest dictionary word (up to 4 characters) ending where the word starts and
starting where it ends, a rule the runtime computes in a few trie look-ups; training uses the same
rule, so the features mean the same in both. The classes are UD's UPOS plus CLF (NOUN with deprel clf:
measure words).

Features (PartOfSpeechTagger.swift computes the same, hashed the same way): the word, its dictionary tag,
first and last character, length, script kind; the neighbours' words and tags; tag and word pairs.

Layout (little endian), read by PartOfSpeechModel.swift:
  magic "APOS", version u32 = 1, classCount u32, tableBits u32, scale f32, namesLength u32,
  names (UTF-8, space-separated, zero-padded to 4 bytes)
  noteLength u32, note (UTF-8, zero-padded to 4 bytes): where the model comes from and its licence
  keys[1 << tableBits]     u32   feature hash, 0 for an empty slot; linear probing from hash >> (32 - tableBits)
  rows[1 << tableBits]     u16   the slot's row in weights (unused for empty slots)
  weights[rowCount][classCount] i8   weight / scale, rounded
"""
import argparse, math, os, random, struct, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
UD = os.path.join(ROOT, "..", "shared", "eval", "ud")
CLASSES = ["NOUN", "VERB", "ADJ", "ADV", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "DET", "NUM", "CLF",
           "PROPN", "PUNCT", "SYM", "X", "INTJ"]
MASK = 0xFFFFFFFF
NOTE = ("analyze part-of-speech tagger: an averaged perceptron trained by scripts/train-tagger.py on the dev file of "
        "UD_Chinese-GSDSimp (Universal Dependencies; annotations by Google and UD contributors), licensed CC BY-SA 4.0 "
        "(https://creativecommons.org/licenses/by-sa/4.0/); this model is derived from it and shipped under the same licence. See NOTICE.")


# --- the lexicon's words and tags (layout: scripts/build-lexicon.py) ---

def read_lexicon(path):
    data = open(path, "rb").read()
    assert data[:4] == b"ANLX"
    version, node_count, edge_count, root_edges, root_base, root_count, hash_bits = struct.unpack_from("<7I", data, 4)
    assert version == 7
    off = 4 + 28
    emit = struct.unpack_from("<4I", data, off); off += 16
    off += 16 + 64 + 8
    off += 4 * node_count
    edges_off = off
    off += 16 * edge_count
    off += 4 * root_count
    off += -off % 8
    off += 8 * (1 << hash_bits)
    for count in emit:
        off += 8 * count
    (names_len,) = struct.unpack_from("<I", data, off); off += 4
    names = data[off:off + names_len].decode().split(" ")
    off += names_len + (-names_len % 4)
    node_tag = data[off:off + node_count]
    words = {}
    stack = [(e, "") for e in range(root_edges)]
    while stack:
        e, prefix = stack.pop()
        scalar, logp, first, count = struct.unpack_from("<IfII", data, edges_off + 16 * e)
        word = prefix + chr(scalar)
        if not math.isnan(logp):
            words[word] = node_tag[e + 1]
        stack.extend((c, word) for c in range(first, first + count))
    return words, names


# --- features: the same arithmetic as PartOfSpeechTagger.swift ---

def fnv(values):
    h = 0x811C9DC5
    for v in values:
        h = ((h ^ v) * 0x01000193) & MASK
    return h

def fmix(h):
    h ^= h >> 16; h = (h * 0x85EBCA6B) & MASK
    h ^= h >> 13; h = (h * 0xC2B2AE35) & MASK
    h ^= h >> 16
    return h or 1

def is_han(c):
    v = ord(c)
    return 0x4E00 <= v <= 0x9FFF or 0x3400 <= v <= 0x4DBF or 0x20000 <= v <= 0x2FFFF or 0xF900 <= v <= 0xFAFF

BOUNDARY = 0xFFFFFF00   # text start or end, and 。！？ and line breaks
DIGIT = 0xFFFFFF01
LATIN = 0xFFFFFF02
NON_HAN_TAG = 254

def kind(c):
    if is_han(c): return 0
    if c.isdigit(): return 1
    if c.isascii() and c.isalpha() or "\uFF21" <= c <= "\uFF5A": return 2
    return 3

def boundary_of(c):
    """The key and tag of a context that is not a Han word, or None for a Han character."""
    if c in "。！？\n\r": return BOUNDARY, NON_HAN_TAG
    k = kind(c)
    if k == 0: return None
    if k == 1: return DIGIT, NON_HAN_TAG
    if k == 2: return LATIN, NON_HAN_TAG
    return ord(c), NON_HAN_TAG

def neighbour_before(text, start, words):
    if start == 0: return BOUNDARY, NON_HAN_TAG
    b = boundary_of(text[start - 1])
    if b: return b
    for length in (4, 3, 2):
        if start - length >= 0:
            w = text[start - length:start]
            if w in words and all(is_han(c) for c in w):
                return fnv(map(ord, w)), words[w]
    w = text[start - 1]
    return fnv([ord(w)]), words.get(w, 0)

def neighbour_after(text, end, words):
    if end >= len(text): return BOUNDARY, NON_HAN_TAG
    b = boundary_of(text[end])
    if b: return b
    for length in (4, 3, 2):
        if end + length <= len(text):
            w = text[end:end + length]
            if w in words and all(is_han(c) for c in w):
                return fnv(map(ord, w)), words[w]
    w = text[end]
    return fnv([ord(w)]), words.get(w, 0)

def features(text, start, end, words):
    w = text[start:end]
    wk, tag = fnv(map(ord, w)), words.get(w, 0)
    first, last = ord(w[0]), ord(w[-1])
    pk, pt = neighbour_before(text, start, words)
    nk, nt = neighbour_after(text, end, words)
    n = min(len(w), 4)
    return [fmix(fnv(f)) for f in (
        (1,), (2, wk), (3, tag), (4, first), (5, last), (6, n, tag), (7, pk), (8, pt), (9, nk), (10, nt),
        (11, pt, tag), (12, tag, nt), (13, pt, tag, nt), (14, pk, wk), (15, wk, nk), (16, last, tag),
        (17, kind(w[0])), (18, first, tag), (19, pt, wk), (20, wk, nt))]


# --- data ---

def sentences(path):
    """(text, [(start, end, class)]) per sentence; the text is the words joined as written."""
    out, words, text = [], [], ""
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words: out.append((text, words))
            words, text = [], ""
            continue
        fields = line.split("\t")
        if len(fields) != 10 or not fields[0].isdigit():
            continue
        form, upos, deprel = fields[1], fields[3], fields[7]
        start = len(text)
        text += form
        words.append((start, len(text), "CLF" if deprel == "clf" else upos))
        if "SpaceAfter=No" not in fields[9]:
            text += " "
    if words: out.append((text, words))
    return out

def examples(path, words):
    return [(features(text, s, e, words), CLASSES.index(c)) for text, ws in sentences(path) for s, e, c in ws]


# --- averaged perceptron ---

def train(data, epochs, seed=17):
    weights, totals, stamps = {}, {}, {}
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, gold = data[i]
            step += 1
            guess = predict(weights, feats)
            if guess == gold: continue
            for f in feats:
                for c, delta in ((gold, 1.0), (guess, -1.0)):
                    key = (f, c)
                    totals[key] = totals.get(key, 0.0) + (step - stamps.get(key, 0)) * weights.get(f, {}).get(c, 0.0)
                    stamps[key] = step
                    weights.setdefault(f, {})[c] = weights.get(f, {}).get(c, 0.0) + delta
    averaged = {}
    for f, row in weights.items():
        for c, w in row.items():
            key = (f, c)
            total = totals.get(key, 0.0) + (step - stamps.get(key, 0)) * w
            if total:
                averaged.setdefault(f, {})[c] = total / step
    return averaged

def predict(weights, feats):
    scores = [0.0] * len(CLASSES)
    for f in feats:
        row = weights.get(f)
        if row:
            for c, w in row.items():
                scores[c] += w
    return max(range(len(CLASSES)), key=lambda c: (scores[c], -c))

def quantize(weights, threshold):
    """Int8 rows; features whose every weight rounds to 0 are dropped."""
    scale = max(abs(w) for row in weights.values() for w in row.values()) / 127
    rows = {}
    for f, row in weights.items():
        q = [0] * len(CLASSES)
        for c, w in row.items():
            q[c] = max(-127, min(127, round(w / scale)))
        if max(abs(v) for v in q) >= threshold:
            rows[f] = q
    return scale, rows

def write_model(path, scale, rows):
    assert len(rows) < 65536
    bits = max(10, math.ceil(math.log2(len(rows) / 0.6)))
    size = 1 << bits
    keys, slot_rows = [0] * size, [0] * size
    weights = []
    for f in sorted(rows):
        slot = f >> (32 - bits)
        while keys[slot]: slot = (slot + 1) & (size - 1)
        keys[slot], slot_rows[slot] = f, len(weights)
        weights.append(rows[f])
    names = " ".join(CLASSES).encode()
    note = NOTE.encode()
    with open(path, "wb") as out:
        out.write(b"APOS" + struct.pack("<3If I", 1, len(CLASSES), bits, scale, len(names)))
        out.write(names + b"\0" * (-len(names) % 4))
        out.write(struct.pack("<I", len(note)) + note + b"\0" * (-len(note) % 4))
        out.write(struct.pack(f"<{size}I", *keys))
        out.write(struct.pack(f"<{size}H", *slot_rows))
        out.write(b"".join(struct.pack(f"<{len(CLASSES)}b", *row) for row in weights))
    return bits

def evaluate(rows, data):
    right = 0
    for feats, gold in data:
        scores = [0] * len(CLASSES)
        for f in feats:
            row = rows.get(f)
            if row:
                for c in range(len(CLASSES)): scores[c] += row[c]
        guess = max(range(len(CLASSES)), key=lambda c: (scores[c], -c))
        # UPOS accuracy: CLF is NOUN in UD's UPOS column.
        right += guess == gold or {CLASSES[guess], CLASSES[gold]} == {"NOUN", "CLF"}
    return right / len(data)

# --- word classes as the facts analyzer reads them (Sources/Plugins/Facts/WordClasses.swift) ---

def lexicon_class(tag):  # WordClass(tag:)
    if tag in ("vn", "an", "nz", "j", "eng", "s", "g", "nrt", "nrfg", "ng", "nt", "ns", "nr", "n", "b", "x", "zg", "h", "k", "l"):
        return "noun"
    for tags, name in ((("a", "ad", "ag", "z"), "adjective"), (("d", "dg"), "adverb"), (("p",), "preposition"), (("c",), "conjunction"),
                       (("u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o"), "particle"), (("r", "rr", "rz", "rg"), "pronoun"),
                       (("m", "mq"), "numeral"), (("q",), "measure"), (("f",), "locative"), (("t", "tg"), "time")):
        if tag in tags: return name
    return "verb" if tag.startswith("v") else "noun" if tag.startswith("n") else "other"

def upos_class(upos):  # WordClass(_ partOfSpeech:), and the gold side of scripts/facts-wordclass-accuracy.py
    return {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adjective", "ADV": "adverb", "ADP": "preposition",
            "CCONJ": "conjunction", "SCONJ": "conjunction", "PART": "particle", "PRON": "pronoun", "DET": "pronoun", "NUM": "numeral",
            "CLF": "measure"}.get(upos, "other")

OPEN = ("noun", "verb", "adjective")
ASKED_TAGS = ("v", "vn", "a", "b")  # WordClasses.askedTags
CONFIDENT_MARGIN = 40              # WordClasses.confidentMargin

def guess(rows, feats):
    scores = [0] * len(CLASSES)
    for f in feats:
        row = rows.get(f)
        if row:
            for c in range(len(CLASSES)): scores[c] += row[c]
    order = sorted(range(len(CLASSES)), key=lambda c: (-scores[c], c))
    return CLASSES[order[0]], scores[order[0]] - scores[order[1]]

def class_agreement(rows, path, words, names):
    """As scripts/facts-wordclass-accuracy.py: on the words the dictionary knows, how often the class
    agrees with UD's, for the lexicon's class, the tagger's, and the mix WordClasses uses."""
    known = 0
    counts = {"lexicon": 0, "tagger": 0, "mix": 0}
    for text, ws in sentences(path):
        for s, e, c in ws:
            form = text[s:e]
            if form not in words: continue
            known += 1
            tag = names[words[form] - 1] if words[form] else ""
            gold, lexical = upos_class(c), lexicon_class(tag)
            upos, margin = guess(rows, features(text, s, e, words))
            tagged = upos_class(upos)
            asked = tag in ASKED_TAGS and len(form) >= 2 and lexical in OPEN
            mixed = tagged if asked and tagged in OPEN and margin >= CONFIDENT_MARGIN else lexical
            for name, predicted in (("lexicon", lexical), ("tagger", tagged), ("mix", mixed)):
                if predicted in ("time", "locative") and gold == "noun": predicted = "noun"
                counts[name] += predicted == gold
    return known, counts

def margins(path, words, names, epochs, threshold, folds=5):
    """Held-out folds of the training file: where the tagger's open class differs from the lexicon's
    open class, who is right, by margin and by the lexicon's tag (how WordClasses' constants were chosen)."""
    import collections
    data = sentences(path)
    by_margin, by_tag, asked = collections.Counter(), collections.Counter(), collections.Counter()
    for k in range(folds):
        train_part = [(features(t, s, e, words), CLASSES.index(c)) for i, (t, ws) in enumerate(data) if i % folds != k for s, e, c in ws]
        _, rows = quantize(train(train_part, epochs), threshold)
        for i, (text, ws) in enumerate(data):
            if i % folds != k: continue
            for s, e, c in ws:
                form = text[s:e]
                if form not in words or not words[form]: continue
                tag = names[words[form] - 1]
                lexical, gold = lexicon_class(tag), upos_class(c)
                if lexical not in OPEN: continue
                asked[tag] += 1
                upos, margin = guess(rows, features(text, s, e, words))
                tagged = upos_class(upos)
                if tagged not in OPEN or tagged == lexical: continue
                who = "tagger" if tagged == gold else "lexicon" if lexical == gold else "neither"
                by_margin[(min(margin // 20 * 20, 200), who)] += 1
                if margin >= CONFIDENT_MARGIN: by_tag[(tag, who)] += 1
    print("changes of open class on held-out folds (right: tagger / lexicon / neither), by margin:")
    for m in range(0, 220, 20):
        print(f"  {m:>3}{'+' if m == 200 else ' '} {by_margin[(m, 'tagger')]:>4} {by_margin[(m, 'lexicon')]:>4} {by_margin[(m, 'neither')]:>4}")
    print(f"by the lexicon's tag, margin >= {CONFIDENT_MARGIN} (words asked; tagger / lexicon / neither right):")
    for tag, n in asked.most_common():
        print(f"  {tag:<5} {n:>5} {by_tag[(tag, 'tagger')]:>4} {by_tag[(tag, 'lexicon')]:>4} {by_tag[(tag, 'neither')]:>4}")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", default=os.path.join(UD, "zh_gsdsimp-ud-dev.conllu"))
    parser.add_argument("--test", default=os.path.join(UD, "zh_gsdsimp-ud-test.conllu"))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threshold", type=int, default=16, help="drop features whose largest int8 weight is below this")
    parser.add_argument("--margins", action="store_true", help="also print the held-out analysis behind WordClasses' constants")
    parser.add_argument("--out", default=os.path.join(ROOT, "Sources", "AnalyticsCore", "Resources", "pos-tagger.bin"))
    args = parser.parse_args()
    words, names = read_lexicon(os.path.join(ROOT, "Sources", "AnalyticsCore", "Resources", "lexicon.bin"))
    dev = examples(args.dev, words)
    weights = train(dev, args.epochs)
    scale, rows = quantize(weights, args.threshold)
    bits = write_model(args.out, scale, rows)
    print(f"trained on {len(dev)} tokens of {os.path.basename(args.dev)}: {len(weights)} features, {len(rows)} kept "
          f"(table 2^{bits}), {os.path.getsize(args.out)} bytes -> {os.path.relpath(args.out, ROOT)}")
    print(f"UPOS accuracy (gold words): dev {100 * evaluate(rows, dev):.2f}%", end="")
    if os.path.exists(args.test):
        print(f", test {100 * evaluate(rows, examples(args.test, words)):.2f}%")
        known, counts = class_agreement(rows, args.test, words, names)
        print(f"word classes on the test file's {known} dictionary words (as scripts/facts-wordclass-accuracy.py): "
              + ", ".join(f"{name} {100 * n / known:.1f}%" for name, n in counts.items()))
    else:
        print()
    if args.margins:
        margins(args.dev, words, names, args.epochs, args.threshold)

if __name__ == "__main__":
    main()
