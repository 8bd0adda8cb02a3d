import AnalyticsCore

/// Whether a target cue (规划, 计划, 目标, 力争…) is used as one where it stands: the rule
/// `nounCue` of `FactsAnalyzer.modalityRules`.
///
/// A cue the lexicon's tags (read in context) call a verb or adverb (拟, 确保, 将) is one. A cue that
/// is a common noun there (规划, 计划, 目标 are in the lexicon) plans something only when a
/// predicate follows it — a verb (规划建设, 计划投资, 力争实现), an adverb, a preposition (计划在, 力争到),
/// a number or time (计划3年内), or a copula or colon that introduces the target (目标是, 主要预期目标：).
/// Followed by a noun it qualifies that noun (国土空间规划体系, 目标任务), and at the end of a noun phrase
/// (…产业基地规划，, 五年计划的) it names a plan: neither says that a later figure is planned. The same holds
/// for a longer word the segmenter made around the cue (计划单列市, 规划局).
extension SubjectFinder {
    func actsAsTargetCue(at start: Int, in scalars: [Unicode.Scalar], scratch: inout Scratch) -> Bool {
        // takesAmount: 要 right before an amount (要两个多小时) says what something takes, not a plan.
        if scalars[start] == "要", start + 1 < scalars.count, Self.amountStarts.contains(scalars[start + 1]) { return false }
        // Cheap first: most cues (要, 将, 拟, 确保) are no nouns, and the two characters at the cue say so
        // (a longer noun around a cue, 计划单列市, starts with one that is: the segmentation below reads it).
        guard start + 2 <= scalars.count, classes.isCommonNoun(Token(start: start, end: start + 2, kind: .word), scalars) else { return true }
        // Segment a few characters around the cue, from the clause's start when it is near.
        let windowStart = Self.clauseStart(before: start, in: scalars, listBoundary: nil, limit: max(0, start - 8))
        let windowEnd = min(scalars.count, start + 12)
        var words = segmenter.tokens(in: scalars, range: windowStart..<windowEnd, scratch: &scratch.segmentation)
        words.removeAll { $0.kind == .whitespace }
        guard let index = words.firstIndex(where: { $0.start <= start && start < $0.end }) else { return true }
        let word = words[index]
        // A cue split over two words (目标是 → 目标 是) ends in its copula: it introduces the target.
        guard word.kind == .word, classOf(word, scalars) == .noun else { return true }
        guard index + 1 < words.count else { return windowEnd < scalars.count }
        let next = words[index + 1]
        switch next.kind {
        case .number: return true
        case .punctuation:
            if scalars[next.start] == "：" || scalars[next.start] == ":" { return true }
            // 按照十年规划，到一九八五年…: a plan that its clause only follows (按照, 根据 first, the plan last) sets what comes after.
            guard let first = words.first, first.kind == .word, first.start < word.start,
                  windowStart == 0 || SubjectFinder.isClauseBreak(scalars[windowStart - 1]) else { return false }
            return classOf(first, scalars) == .preposition && !Self.locatingPrepositions.contains(scalars[first.start])
        case .word: break
        default: return false
        }
        if isGenreVerb(next, scalars) { return true } // 计划新建5G基站: the genre's verbs, whatever the lexicon's tag

        switch classOf(next, scalars) {
        case .verb, .adverb, .preposition, .numeral, .time: return true
        case .noun: return classes.isVerbal(next, scalars) // 计划投资, 规划建设: a verbal noun after the cue acts
        default: return false
        }
    }
}

extension SubjectFinder {
    /// 在, 于, 从: prepositions that place in time (在五年计划期间), not ones that follow a plan.
    /// What an amount starts with: digits, Chinese numerals, 几/数/半.
    private static let amountStarts: ScalarList = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万几数半"
    static let locatingPrepositions: ScalarList = "在于从自当"
}
