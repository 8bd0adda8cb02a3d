import AnalyticsCore

/// Phrases built by repetition: two adjacent phrases that end in the same word and begin with the
/// same character (全面振兴全方位振兴, 新起点新征程 is not: they end differently).
struct RepetitionFinder: Sendable {
    let segmenter: Segmenter

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        for sentence in document.sentences {
            let words = segmenter.tokens(in: scalars, range: sentence.range).filter { $0.kind == .word }
            var index = 0
            while index + 3 < words.count {
                let a = words[index], b = words[index + 1], c = words[index + 2], d = words[index + 3]
                if a.end == b.start, b.end == c.start, c.end == d.start, b.length >= 2, d.length == b.length,
                   scalars[b.start..<b.end].elementsEqual(scalars[d.start..<d.end]), scalars[a.start] == scalars[c.start],
                   !scalars[a.start..<a.end].elementsEqual(scalars[c.start..<c.end]) {
                    found.append(Candidate(kind: .repeated, span: TextSpan(start: a.start, end: d.end),
                                           reason: "two phrases ending in \(document.text(b.span)) and starting with \(String(scalars[a.start]))"))
                    index += 4
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}
