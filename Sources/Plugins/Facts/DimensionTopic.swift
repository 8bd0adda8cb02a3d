import AnalyticsCore

/// The rule `dimensionTopic` of `FactsAnalyzer.subjectRules`: a clause that is only a dimension and its figure
/// (花梗绿色无毛，长约1.5－2厘米; 果柄直立粗壮，长约3－5厘米) describes the topic of the clause right before it in the
/// sentence: the noun that opens it (花梗, 果柄). A dimension word names a measure, not
/// the thing measured (GUIDELINE: 长 only beside its thing, 全桥长).
extension SubjectFinder {
    /// How many clauses back the topic may stand: only the clause right before (in 表面绿色而背面淡绿色，长5－10厘米，
    /// 阔2－4厘米 the leaf is named in an earlier sentence, and two clauses back lands on 表面; 果为蒴果，椭圆形无毛，
    /// 具5梭，长约8－12厘米 is past reach).
    static let topicReach = 1

    func descriptiveTopic(before clauseStart: Int, sentenceStart: Int, _ scalars: [Unicode.Scalar], scratch: inout Scratch) -> String? {
        var end = clauseStart - 1
        for _ in 0..<Self.topicReach {
            guard end > sentenceStart, scalars[end] == "，" || scalars[end] == "," else { return nil }
            let start = Self.clauseStart(before: end, in: scalars, listBoundary: nil, limit: sentenceStart)
            guard start < end else { return nil }
            let words = segmenter.tokens(in: scalars, range: start..<min(end, start + 8), scratch: &scratch.segmentation)
            // A clause that opens with a noun and goes on to say something of it (花梗 绿色无毛, 花萼 5裂); not one
            // that opens with a dimension of its own (全长约5公里: the dimensions are listed, not a topic), a place or
            // a word that only qualifies (双向4车道).
            if let first = words.first, first.kind == .word, first.end < end, classOf(first, scalars) == .noun,
               !Self.dimensionCharacters.contains(scalars[first.end - 1]), !classes.isPlaceName(first, scalars), !classes.isDistinguishing(first, scalars) {
                return String(String.UnicodeScalarView(scalars[first.start..<first.end]))
            }
            end = start - 1
        }
        return nil
    }
}
