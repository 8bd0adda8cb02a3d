import AnalyticsCore

/// The rule `meansAmount` of `FactsAnalyzer.subjectRules`: a figure right after the preposition 以 is the
/// means of what follows (以21亿美元并购汇丰银行, 以4,791票的高票连任), not a quantity of the agent before 以:
/// money is named by the verb right after it (并购), anything else by nothing (the measure word: 票).
/// Not 以X为Y (以四大指标为中心: X is the standard), nor 以 inside a word (可以, 所以, 予以, 以上).
extension SubjectFinder {
    func isMeans(figureStart: Int, figureEnd: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard figureStart >= 1, scalars[figureStart - 1] == "以" else { return false }
        if figureStart >= 2, ScriptClass.isHan(scalars[figureStart - 2]),
           segmenter.lexicon.logProbability(of: scalars[(figureStart - 2)..<figureStart]) != nil { return false }
        // (以上十项: 以上 is a word, the scanner's figure starts inside it.)
        if segmenter.lexicon.logProbability(of: scalars[(figureStart - 1)...figureStart]) != nil { return false }
        return !scalars[figureEnd..<clauseEnd].contains("为")
    }

    /// The verb right after a means (以21亿美元并购 → 并购), or nil.
    func verbAfterMeans(_ figureEnd: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar], scratch: inout Scratch) -> String? {
        guard figureEnd < clauseEnd,
              let first = segmenter.tokens(in: scalars, range: figureEnd..<min(clauseEnd, figureEnd + 4), scratch: &scratch.segmentation).first,
              first.kind == .word, first.length >= 2, classOf(first, scalars) == .verb else { return nil }
        return String(String.UnicodeScalarView(scalars[first.start..<first.end]))
    }
}

extension SubjectFinder {
    /// The rule `scoreTeams`: 韦斯咸2比1击败米尔沃尔 → 米尔沃尔: the noun phrase after the verb right after the figure
    /// (a score's second team), or nil.
    func objectAfterVerb(_ figureEnd: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar], scratch: inout Scratch) -> String? {
        guard figureEnd < clauseEnd,
              let verb = segmenter.tokens(in: scalars, range: figureEnd..<min(clauseEnd, figureEnd + 6), scratch: &scratch.segmentation).first,
              verb.kind == .word, classes.isVerbal(verb, scalars), verb.end < clauseEnd else { return nil }
        return phraseAfter(verb.end, clauseEnd: clauseEnd, scalars, throughCopula: false, scratch: &scratch).text
    }
}

extension SubjectFinder {
    /// The rule `unitStartsNoun`: 有769,000人口 → 人口: a noun the segmenter reads from the unit's character on (人口, 人民;
    /// not 人参 in 100人参加, where it reads 人 参加), or nil.
    func nounFromUnit(_ unitStart: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar], scratch: inout Scratch) -> String? {
        guard let word = segmenter.tokens(in: scalars, range: unitStart..<min(clauseEnd, unitStart + 4), scratch: &scratch.segmentation).first,
              word.kind == .word, word.start == unitStart, word.length == 2, classes.isCommonNoun(word, scalars) else { return nil }
        return String(String.UnicodeScalarView(scalars[word.start..<word.end]))
    }
}
