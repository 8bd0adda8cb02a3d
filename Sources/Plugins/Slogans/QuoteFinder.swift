import AnalyticsCore

/// Names, campaigns and concepts in quotes. Kept: 2 to 14 characters inside “” ‘’ 「」 『』 "",
/// with no sentence or clause punctuation inside. Left out: one quoted character (“码”上行动),
/// reported speech (after ：, 说, 道, or ending in 。！？), long topics that merely sit in quotes,
/// and document titles (those are in 《》, not quotes).
struct QuoteFinder: Sendable {
    static let maximumLength = 14

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        for paragraph in document.paragraphs {
            var index = paragraph.start
            while index < paragraph.end {
                guard let close = Quotes.closing(for: scalars[index]) else { index += 1; continue }
                var end = index + 1
                while end < paragraph.end, scalars[end] != close, end - index <= Self.maximumLength + 1 { end += 1 }
                guard end < paragraph.end, scalars[end] == close else { index += 1; continue }
                let inner = TextSpan(start: index + 1, end: end)
                if let reason = accept(inner, openedAt: index, in: scalars) {
                    found.append(Candidate(kind: .quoted, span: inner, reason: reason))
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
}
