import AnalyticsCore

/// A stance restated: a term of the previous document made of modifiers and a head noun phrase
/// (稳健的货币政策, 积极的财政政策) whose head the document still uses, now only with other modifiers
/// (适度宽松的货币政策, 更加积极的财政政策). The new form is found in the text by the shared head,
/// not from a list of stances, and is what the analyst must see beside the dropped one.
///
/// A term qualifies when it splits into a run of adjective and adverb words (by the dictionary's
/// tags: a, ad, an, d, b, z) and a head of nouns of two characters or more, linked by 的 or not.
/// It is replaced in a unit when the head occurs there in the same shape after other modifiers and
/// never after its own (积极的财政政策 said again, even beside 更加积极的…, is kept, not replaced).
struct ReplacementFinder {
    struct Split {
        let term: Int
        let modifier: String
        let head: String
        /// 的 between modifier and head.
        let linked: Bool
    }

    struct Found: Equatable {
        let form: String
        /// The previous unit's form it replaces.
        let replaces: String
    }

    static let modifierTags: Set<String> = ["a", "ad", "an", "d", "b", "z"]
    static let headTags: Set<String> = ["n", "vn", "nz", "l"]
    static let linker: Unicode.Scalar = "的"
    /// Characters looked at before a head for its modifiers.
    static let reach = 10
    static let unlinkedHead = 4

    let segmenter: Segmenter

    /// The term as modifiers and head, or nil.
    func split(_ term: String, index: Int) -> Split? {
        let s = Array(term.unicodeScalars)
        guard (4...16).contains(s.count), s.allSatisfy(ScriptClass.isHan) else { return nil }
        // Without 的 a stance is a modifier and a head of four characters or more: six at least.
        guard s.count >= 2 + Self.unlinkedHead || s.contains(Self.linker) else { return nil }
        let tokens = segmenter.tokens(in: s).filter { $0.kind != .whitespace }
        guard tokens.count >= 2 else { return nil }
        // The head: the nouns at the end (after 的 when there is one).
        var first = tokens.count
        while first > 0 && isHead(tokens[first - 1]) { first -= 1 }
        guard first < tokens.count, first > 0, s.count - tokens[first].start >= 2 else { return nil }
        var modifierEnd = first
        let linked = tokens[first - 1].length == 1 && s[tokens[first - 1].start] == Self.linker
        if linked { modifierEnd -= 1 }
        guard modifierEnd > 0, (0..<modifierEnd).allSatisfy({ isModifier(tokens[$0]) }) else { return nil }
        // Without 的 a short head (经济, 工程) takes any word before it (稳定经济, 重大工程): a stance
        // without 的 is a phrase of nouns of four characters or more (积极 财政政策).
        guard linked || s.count - tokens[first].start >= Self.unlinkedHead else { return nil }
        return Split(term: index, modifier: String(scalars: s[0..<tokens[modifierEnd - 1].end]),
                     head: String(scalars: s[tokens[first].start...]), linked: linked)
    }

    private func tag(_ token: Token) -> String? {
        guard token.kind == .word, token.wordID >= 0 else { return nil }
        return segmenter.lexicon.tag(ofWordID: Int(token.wordID))
    }

    private func isHead(_ token: Token) -> Bool { tag(token).map(Self.headTags.contains) ?? false }
    private func isModifier(_ token: Token) -> Bool { tag(token).map(Self.modifierTags.contains) ?? false }

    /// The modifiers right before the head at `start` (and its 的 when `linked`), or nil when none.
    func modifier(before start: Int, linked: Bool, in s: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> String? {
        var end = start
        if linked {
            guard end > 0, s[end - 1] == Self.linker else { return nil }
            end -= 1
        } else if end > 0 && s[end - 1] == Self.linker {
            return nil // the head after 的 is the other shape
        }
        var windowStart = end
        while windowStart > 0 && ScriptClass.isHan(s[windowStart - 1]) && end - windowStart < Self.reach { windowStart -= 1 }
        guard windowStart < end else { return nil }
        var tokens = segmenter.tokens(in: s, range: windowStart..<end, scratch: &scratch)
        // A word cut by the window's edge is not read.
        if windowStart > 0 && ScriptClass.isHan(s[windowStart - 1]) && tokens.count > 1 { tokens.removeFirst() }
        var first = tokens.count
        while first > 0 && isModifier(tokens[first - 1]) { first -= 1 }
        // Right before 的, a two-character word the dictionary lacks (从紧, joined by the segmenter's
        // model) is a modifier too: the dictionary misses some of the genre's stance words.
        if linked, first == tokens.count, let last = tokens.last, last.kind == .word, last.wordID < 0, last.length == 2,
           !NoveltyFinder.functionCharacters.contains(s[last.start + 1]) {
            first -= 1
        }
        guard first < tokens.count else { return nil }
        // Without 的 the head is a word of its own: no modifier read off a word the head ends.
        return String(scalars: s[tokens[first].start..<end])
    }

    /// Per unit (index 0 empty), the forms that restate a form of the previous unit: for each head
    /// of `splits` (the heads of the run's strong terms: 货币政策 of 稳健的货币政策) and shape, the
    /// modifiers the two units put before it; a modifier only the new unit uses is a new form, and it
    /// replaces the one the previous unit used most that the new unit no longer does (从紧的货币政策 →
    /// 适度宽松的货币政策 in 2009, though only 稳健的货币政策 is tracked). Nothing when every old form stays.
    func find(splits: [Split], units: [[Document]]) -> [[Found]] {
        var result = [[Found]](repeating: [], count: units.count)
        guard units.count > 1, !splits.isEmpty else { return result }
        struct Shape: Hashable { let head: String; let linked: Bool }
        var shapes: [Shape] = []
        var term: [Shape: Int] = [:]
        for split in splits where term[Shape(head: split.head, linked: split.linked)] == nil {
            let shape = Shape(head: split.head, linked: split.linked)
            term[shape] = split.term
            shapes.append(shape)
        }
        let heads = Array(Set(shapes.map(\.head))).sorted()
        let index = PhraseIndex(heads.map { Array($0.unicodeScalars) })
        var scratch = Segmenter.Scratch()
        // Per unit and shape, each modifier with its count, in text order.
        func modifiers(_ documents: [Document]) -> [Shape: [(modifier: String, count: Int)]] {
            var seen: [Shape: [(modifier: String, count: Int)]] = [:]
            for document in documents {
                let s = document.scalars
                for match in index.allMatches(in: s) {
                    for linked in [true, false] {
                        let shape = Shape(head: heads[match.phrase], linked: linked)
                        guard term[shape] != nil, let modifier = modifier(before: match.span.start, linked: linked, in: s, scratch: &scratch) else { continue }
                        if let at = seen[shape]?.firstIndex(where: { $0.modifier == modifier }) { seen[shape]![at].count += 1 } else { seen[shape, default: []].append((modifier, 1)) }
                    }
                }
            }
            return seen
        }
        var previous = modifiers(units[0])
        for unit in units.indices.dropFirst() {
            let current = modifiers(units[unit])
            var forms: [Found] = []
            for shape in shapes {
                guard let old = previous[shape], let new = current[shape] else { continue }
                let dropped = old.filter { item in !new.contains { $0.modifier == item.modifier } }
                // The old form used most (the first of equals) is the one replaced.
                guard let replaced = dropped.max(by: { $0.count < $1.count }) else { continue }
                for item in new where !old.contains(where: { $0.modifier == item.modifier }) {
                    let link = shape.linked ? "的" : ""
                    let form = item.modifier + link + shape.head
                    guard !forms.contains(where: { $0.form == form }) else { continue }
                    forms.append(Found(form: form, replaces: replaced.modifier + link + shape.head))
                }
            }
            result[unit] = forms
            previous = current
        }
        return result
    }
}
