import AnalyticsCore

extension KeywordsAnalyzer {
    /// Whether a ranked term names an action rather than a thing, read in context by the
    /// contextual tagger (`PartOfSpeechTagger`), where the lexicon's one tag per word is wrong or
    /// silent: 苦干 (jieba: n) in 苦干实干, 充分考虑 (n) in 充分考虑了…, 新开通 (nz) in 新开通公交线路,
    /// 全部 抢通 (全部 n + a guess) in 道路全部抢通. A word counts when the tagger reads it as a verb
    /// or an adverb in more than half of its occurrences; a multi-word term when it is an adverb then
    /// a verb (全部 抢通), not a verb then its object (消费 潜力: the tagger reads many such first words
    /// as verbs) nor a noun then a verb (老旧小区 改造, 风险 处置: a topic named by its action). Words the lexicon already calls
    /// verbs are weighted by `KeynessScorer.isVerb`; a verbal noun read as a noun in its text
    /// (防汛, 以旧换新, 出口 of 茶叶出口) stays.
    static func isAction(_ spans: [TextSpan], firstWordLength: Int, lastWordLength: Int, tagger: PartOfSpeechTagger, scalars: [Unicode.Scalar]) -> Bool {
        guard !spans.isEmpty, firstWordLength > 0 else { return false }
        let phrase = lastWordLength > 0
        // A sample of at most `sampled` occurrences, spread over the text: a report's top terms
        // occur hundreds of times, and each reading costs twenty look-ups.
        let stride = max(1, (spans.count + Self.sampled - 1) / Self.sampled)
        let sample = Swift.stride(from: 0, to: spans.count, by: stride).map { spans[$0] }
        var actions = 0
        for span in sample {
            let word = span.start..<min(span.start + firstWordLength, span.end)
            guard ScriptClass.isHan(scalars[word.lowerBound]) else { return false }
            let guess = tagger.classify(word, in: scalars).partOfSpeech
            if phrase {
                guard guess == .adverb else { continue }
                let last = max(span.end - lastWordLength, word.upperBound)..<span.end
                if !last.isEmpty && tagger.classify(last, in: scalars).partOfSpeech == .verb { actions += 1 }
            } else if guess == .verb || guess == .adverb {
                actions += 1
            }
        }
        return 2 * actions > sample.count
    }

    static let sampled = 8

    /// The ranks of the `reach` best terms that name actions (`isAction`) scaled like a verb's
    /// (`KeynessScorer.verbWeight`), keeping the tier of the repeated and significant.
    static func demoteActions(_ scores: inout [Double], reach: Int, counted: KeywordTerms.Counted, scalars: [Unicode.Scalar],
                              tagger: PartOfSpeechTagger) {
        let cutoff = topScore(reach, of: scores)
        let best = counted.terms.indices.filter { scores[$0] >= cutoff && scores[$0] > -.infinity }
        let spans = spans(of: best, counted: counted)
        for (at, index) in best.enumerated() {
            let term = counted.terms[index]
            if term.partCount == 1, case .text = term.key { continue }
            let unit = counted.units[Int(term.unit)]
            // The lexicon's verbs are weighted already.
            if term.partCount == 1 && unit.verb && !unit.noun { continue }
            let length = term.partCount == 1 ? term.first.end - term.first.start : unit.first.end - unit.first.start
            let last = term.partCount == 1 ? 0 : counted.units[Int(term.parts[term.partCount - 1])].first.length
            guard isAction(spans[at], firstWordLength: length, lastWordLength: last, tagger: tagger, scalars: scalars) else { continue }
            let tier = scores[index] >= KeynessScorer.repeatedTier ? KeynessScorer.repeatedTier : 0
            scores[index] = (scores[index] - tier) * KeynessScorer.verbWeight + tier
        }
    }
}
