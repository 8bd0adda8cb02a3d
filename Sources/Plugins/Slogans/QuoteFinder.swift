import AnalyticsCore

private let clausePunctuationScalars: ScalarList = "，。！？；：,.!?;:"
private let quotationCuesScalars: ScalarList = "：:说道曰"

/// Names, campaigns and concepts in quotes. Kept: 2 to 14 characters inside “” ‘’ 「」 『』 "",
/// with no sentence or clause punctuation inside. Left out: one quoted character (“码”上行动),
/// reported speech (after ：, 说, 道, or ending in 。！？), long topics that merely sit in quotes,
/// and document titles (those are in 《》, not quotes). A quoted maxim of two to four parallel
/// clauses of (nearly) equal length (“民有所呼，我有所应”; “小病不出村、常见病不出乡、大病及时转诊”) is kept
/// whole, as a parallel slogan, when no clause tells a story (“只要还走得动，就一直干下去”: 只要 c).
struct QuoteFinder: Sendable {
    let classes: WordClasses
    static let maximumLength = 14
    /// The longest quoted maxim: four clauses of eight characters and their separators.
    static let maximumMaximLength = 35

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        for paragraph in document.paragraphs {
            var index = paragraph.start
            while index < paragraph.end {
                guard let close = Quotes.closing(for: scalars[index]) else { index += 1; continue }
                var end = index + 1
                while end < paragraph.end, scalars[end] != close, end - index <= Self.maximumMaximLength + 1 { end += 1 }
                guard end < paragraph.end, scalars[end] == close else { index += 1; continue }
                let inner = TextSpan(start: index + 1, end: end)
                if let reason = accept(inner, openedAt: index, in: scalars) {
                    found.append(Candidate(kind: .quoted, span: inner, reason: reason))
                } else if let maxim = maxim(inner, openedAt: index, in: scalars) {
                    found.append(maxim)
                } else {
                    index += 1 // quoted speech: a name may be quoted inside it (“‘卡脖子’的地方…”)
                    continue
                }
                index = end + 1
            }
        }
        return found
    }

    private func accept(_ span: TextSpan, openedAt open: Int, in scalars: [Unicode.Scalar]) -> String? {
        guard span.length >= 2, span.length <= Self.maximumLength else { return nil }
        let inner = scalars[span.range]
        guard !inner.contains(where: { clausePunctuationScalars.contains($0) }) else { return nil }
        guard inner.contains(where: ScriptClass.isHan) else { return nil }
        if open > 0, quotationCuesScalars.contains(scalars[open - 1]) { return nil }
        return "in quotes, \(span.length) characters, no clause punctuation"
    }

    /// Two to four all-Han clauses of 3–8 characters, differing by one at most, separated by ，、 or ；:
    /// a maxim or motto, not speech (speech runs on in clauses of any length).
    private func maxim(_ span: TextSpan, openedAt open: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
        if open > 0, quotationCuesScalars.contains(scalars[open - 1]) { return nil }
        var clauses: [TextSpan] = []
        var start = span.start
        for index in span.start...span.end {
            if index == span.end || scalars[index] == "，" || scalars[index] == "；" || scalars[index] == "、" {
                clauses.append(TextSpan(start: start, end: index))
                start = index + 1
            } else if !ScriptClass.isHan(scalars[index]) {
                return nil
            }
        }
        let lengths = clauses.map(\.length)
        guard (2...4).contains(clauses.count), let shortest = lengths.min(), let longest = lengths.max(), shortest >= 3, longest <= 8,
              longest - shortest <= 1, !clauses.contains(where: { classes.isNarrative($0, scalars, framed: true, pronouns: false) }) else { return nil }
        let size = shortest == longest ? "\(shortest)" : "\(shortest)–\(longest)"
        return Candidate(kind: .parallel, span: span, reason: "in quotes, \(clauses.count) parallel clauses of \(size) characters")
    }
}
