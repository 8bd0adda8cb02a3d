import AnalyticsCore

extension KeywordsAnalyzer {
    /// Whether a one-word term is, in every occurrence, the first (last) part of a unit the genre
    /// keeps together across a free character that term discovery never joins over: 人均 of
    /// 人均可支配收入 (可), said as a unit in at least `genreUnitShare` of the reference's documents.
    /// Only a free character that is no function character (可, 性, 型: morphemes; not 的, 和,
    /// 在), so 农业 of 农业的发展 is no fragment.
    /// `alone(p)`: whether the segmenter leaves the character at `p` a word of its own (增 of
    /// 增加值增长 and 大 of 壮大县域 are not: parts of the next and the previous word).
    static func isGenreFragment(_ spans: [TextSpan], scalars: [Unicode.Scalar], reference: ReferenceFrequencies, alone: (Int) -> Bool) -> Bool {
        guard !spans.isEmpty else { return false }
        let few = spans.count <= maxUnitFragmentCount
        if !few && isPieceOfOneUnit(spans, scalars: scalars, reference: reference) { return true }
        return spans.allSatisfy { span in
            extends(span.start, span.end, forward: true, scalars, reference, alone) || extends(span.start, span.end, forward: false, scalars, reference, alone)
                || few && (adjoins(span.start, span.end, forward: true, scalars, reference) != nil || adjoins(span.start, span.end, forward: false, scalars, reference) != nil)
        }
    }

    /// Said more than once, a word of the genre (in `KeywordsAnalyzer.genericShare` of the
    /// reference's documents) written every time straight on into the *same* unit of the genre
    /// (经济社会 of 经济社会发展, 预期 of 预期目标, 高校 of 高校毕业生) is that unit's piece: the text
    /// says the unit, never the word. In differing units (长江 of 长江经济带 and 长江流域), or a
    /// domain's own word (助餐 of 助餐服务), or before a stop word (增加值 增长), it stays.
    static func isPieceOfOneUnit(_ spans: [TextSpan], scalars: [Unicode.Scalar], reference: ReferenceFrequencies) -> Bool {
        guard let first = spans.first, reference.entry(of: scalars[first.range]).share >= genericShare else { return false }
        var unit: ArraySlice<Unicode.Scalar>? = nil
        for span in spans {
            guard let found = adjoins(span.start, span.end, forward: true, scalars, reference) ?? adjoins(span.start, span.end, forward: false, scalars, reference),
                  unit.map({ $0.elementsEqual(found) }) ?? true else { return false }
            unit = found
        }
        // A unit that is the word and a stop word (增加值 增长: a figure's predicate) is a clause, not a unit.
        guard let unit else { return false }
        let last = spans[spans.count - 1] // `unit` is where the last occurrence is
        let rest = unit.startIndex == last.start ? unit[(unit.startIndex + last.length)...] : unit[..<(unit.endIndex - last.length)]
        return !StopWords.all.contains(String(scalars: rest))
    }

    /// A word said at most this often, inside a longer unit of the genre written straight on
    /// (居民消费 of 居民消费价格, 高校 of 高校毕业生, 福祉 of 民生福祉), is that unit's piece, not the
    /// document's term: the reference has the whole, so it is nothing the text adds, and the unit
    /// itself would score low. (OnceCompounds forms no compound of a unit the genre knows; its
    /// piece goes here.) Said twice, a word is the text's own often enough (长江 of 长江经济带 and
    /// 长江流域, 助餐 of 助餐服务 in articles about them): allowing two cost the held-out set 0.25.
    static let maxUnitFragmentCount = 1

    /// The unit the characters right after (before) the word, two or more and not starting at a
    /// function character (城镇 和乡村), make with it when the reference has it in `genreUnitShare`
    /// of its documents (the shortest such), or nil.
    private static func adjoins(_ start: Int, _ end: Int, forward: Bool, _ scalars: [Unicode.Scalar], _ reference: ReferenceFrequencies) -> ArraySlice<Unicode.Scalar>? {
        let next = forward ? end : start - 1
        guard next >= 0, next < scalars.count, ScriptClass.isHan(scalars[next]), !FunctionCharacters.all.contains(scalars[next]) else { return nil }
        var reach = 1
        while reach < fragmentReach + 1 {
            let at = forward ? end + reach : start - 1 - reach
            guard at >= 0, at < scalars.count, ScriptClass.isHan(scalars[at]) else { break }
            reach += 1
            let unit = forward ? scalars[start..<(at + 1)] : scalars[at..<end]
            if reference.entry(of: unit).share >= genreUnitShare { return unit }
        }
        return nil
    }

    /// Whether a term is, in every occurrence, the measure word of the number written before it
    /// and what follows (天半 of 5天半, 岁以上老人 of 65岁以上老人, 年度计划 of 2027年度计划): the
    /// segmenter took the number alone and joined its measure word to the next characters.
    static func isQuantityPiece(_ spans: [TextSpan], scalars: [Unicode.Scalar]) -> Bool {
        guard !spans.isEmpty else { return false }
        return spans.allSatisfy { span in
            span.start > 0 && KeywordTerms.measureWords.contains(scalars[span.start])
                && (ScriptClass.of(scalars[span.start - 1]) == .digit || KeywordTerms.numerals.contains(scalars[span.start - 1]))
        }
    }

    /// The occurrences of each of `terms` (indices of `counted.terms`), in one pass.
    static func spans(of terms: [Int], counted: KeywordTerms.Counted) -> [[TextSpan]] {
        var slot = [Int32](repeating: -1, count: counted.terms.count)
        for (at, term) in terms.enumerated() where slot[term] < 0 { slot[term] = Int32(at) }
        var spans = [[TextSpan]](repeating: [], count: terms.count)
        for (position, term) in counted.sequence.enumerated() where slot[term] >= 0 { spans[Int(slot[term])].append(counted.sequenceSpans[position]) }
        return spans
    }

    /// A unit of the genre: in at least this share of the reference's documents (the runs of
    /// words the reference counts are those of five documents or more, of 98).
    static let genreUnitShare = 0.05
    /// How many characters past the free one a unit is looked for.
    static let fragmentReach = 5

    private static func extends(_ start: Int, _ end: Int, forward: Bool, _ scalars: [Unicode.Scalar], _ reference: ReferenceFrequencies,
                                _ alone: (Int) -> Bool) -> Bool {
        let free = forward ? end : start - 1
        guard free >= 0, free < scalars.count, FreeCharacters.all.contains(scalars[free]), !FunctionCharacters.all.contains(scalars[free]),
              alone(free) else { return false }
        var reach = 0
        while reach < fragmentReach {
            let at = forward ? end + 1 + reach : start - 2 - reach
            guard at >= 0, at < scalars.count, ScriptClass.isHan(scalars[at]) else { break }
            reach += 1
            let unit = forward ? scalars[start..<(at + 1)] : scalars[at..<end]
            if reference.entry(of: unit).share >= genreUnitShare { return true }
        }
        return false
    }
}

extension KeywordsAnalyzer {
    /// How many characters a ranked word takes from its neighbours because the text writes them
    /// beside it every time, whatever the segmenter cut there (青石 镇古 窑址, 青石 镇有…: the HMM
    /// joins the unit's last character to the next one, so the token-level glue of `KeywordTerms`
    /// never sees it): the same administrative unit after it (青石 → 青石镇) or the same attribute
    /// character before it (古 窑址 → 古窑址: an adjective by the lexicon's tag, not a verb that
    /// takes the word as its object, 请 居民). Only a word said at least twice: said once, the
    /// neighbour is as likely chance. (0, 0): nothing.
    static func gluedCharacters(_ spans: [TextSpan], scalars: [Unicode.Scalar], lexicon: Lexicon) -> (left: Int, right: Int) {
        guard spans.count >= minGluedCount, let first = spans.first else { return (0, 0) }
        var right = 0, left = 0
        // The character is no part of a word with its other neighbour (资本 市场, 考古 窑址).
        let isWord = { (range: Range<Int>) -> Bool in
            range.lowerBound >= 0 && range.upperBound <= scalars.count
                && lexicon.wordID(of: scalars[range]).map { lexicon.logProbability(ofWordID: $0) != nil } ?? false
        }
        if first.end < scalars.count, KeywordTerms.placeSuffixes.contains(scalars[first.end]),
           spans.allSatisfy({ $0.end < scalars.count && scalars[$0.end] == scalars[first.end] && !isWord($0.end..<($0.end + 2)) }) {
            right = 1
        }
        if first.start > 0, ScriptClass.isHan(scalars[first.start - 1]), !FreeCharacters.all.contains(scalars[first.start - 1]),
           spans.allSatisfy({ $0.start > 0 && scalars[$0.start - 1] == scalars[first.start - 1] && !isWord(($0.start - 2)..<$0.start) }),
           let id = lexicon.wordID(of: scalars[(first.start - 1)..<first.start]), let tag = lexicon.tag(ofWordID: id),
           attributeTags.contains(tag) {
            left = 1
        }
        return (left, right)
    }

    static let minGluedCount = 2
    /// Single characters that modify the noun after them (古 窑址), by the lexicon's tag.
    static let attributeTags: Set<String> = ["a", "b", "ag"]
}
