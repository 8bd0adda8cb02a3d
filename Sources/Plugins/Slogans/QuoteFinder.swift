import AnalyticsCore

/// Names, campaigns and concepts in quotes. Kept: 2 to 14 characters inside “” ‘’ 「」 『』 "",
/// with no sentence or clause punctuation inside. Left out: one quoted character (“码”上行动),
/// reported speech (after ：, 说, 道, or ending in 。！？), long topics that merely sit in quotes,
/// and document titles (those are in 《》, not quotes). A quoted maxim of two to four parallel
/// clauses of equal length (“民有所呼，我有所应”) is kept whole, as a parallel slogan.
struct QuoteFinder: Sendable {
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
        guard !inner.contains(where: { "，。！？；：,.!?;:".unicodeScalars.contains($0) }) else { return nil }
        guard inner.contains(where: ScriptClass.isHan) else { return nil }
        if open > 0, "：:说道曰".unicodeScalars.contains(scalars[open - 1]) { return nil }
        return "in quotes, \(span.length) characters, no clause punctuation"
    }

    /// Two to four all-Han clauses of equal length (3–8) separated by ，、 or ；, with no full stop:
    /// a maxim or motto, not speech (speech runs on in clauses of any length).
    private func maxim(_ span: TextSpan, openedAt open: Int, in scalars: [Unicode.Scalar]) -> Candidate? {
        if open > 0, "：:说道曰".unicodeScalars.contains(scalars[open - 1]) { return nil }
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
        guard (2...4).contains(clauses.count), let length = clauses.first?.length, (3...8).contains(length),
              clauses.allSatisfy({ $0.length == length }) else { return nil }
        return Candidate(kind: .parallel, span: span, reason: "in quotes, \(clauses.count) parallel clauses of \(length) characters")
    }
}
