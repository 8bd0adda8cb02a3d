import AnalyticsCore

/// Phrases built by repetition: two adjacent phrases that end in the same word and begin with the
/// same character (全面振兴全方位振兴). Found by a character scan; the segmenter then checks, on
/// the few candidates, that both phrases end on word boundaries.
struct RepetitionFinder: Sendable {
    let segmenter: Segmenter

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        scalars.withUnsafeBufferPointer { text in
            var index = 0
            while index + 5 < text.count {
                // The second phrase starts 3…6 characters on with the same character: rare, so test it first.
                let lead = text[index]
                if text[index + 3] == lead || text[index + 4] == lead || text[index + 5] == lead || (index + 6 < text.count && text[index + 6] == lead),
                   ScriptClass.isHan(lead), let span = repetition(at: index, in: text) {
                    found.append(Candidate(kind: .repeated, span: TextSpan(start: index, end: span.end),
                                           reason: "two phrases ending in \(document.text(TextSpan(start: span.head, end: span.second))) and starting with \(String(lead))"))
                    index = span.end
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    /// X1 H X2 H starting at `index`, with |X1|, |X2| in 1…3, |H| in 2…3, X1 ≠ X2, X1 and X2
    /// starting alike, all Han, on word boundaries: where H starts, where X2 starts, where it ends.
    private func repetition(at index: Int, in text: UnsafeBufferPointer<Unicode.Scalar>) -> (head: Int, second: Int, end: Int)? {
        func same(_ a: Int, _ b: Int, _ length: Int) -> Bool {
            for offset in 0..<length where text[a + offset] != text[b + offset] { return false }
            return true
        }
        for firstLength in 1...3 {
            for headLength in 2...3 {
                let head = index + firstLength
                let second = head + headLength
                guard second + 1 + headLength <= text.count, text[second] == text[index],
                      (head..<second).contains(where: { text[$0] != text[index] }) else { continue } // not 一一一一
                for secondLength in 1...3 where secondLength != firstLength || !same(index, second, secondLength) {
                    let repeatAt = second + secondLength
                    let end = repeatAt + headLength
                    guard end <= text.count, same(head, repeatAt, headLength), (index..<end).allSatisfy({ ScriptClass.isHan(text[$0]) }),
                          wordAligned([index, head, second, repeatAt, end], text) else { continue }
                    return (head, second, end)
                }
            }
        }
        return nil
    }

    /// Whether the segmenter puts word boundaries at all of `cuts` (segmenting only around them).
    private func wordAligned(_ cuts: [Int], _ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let start = max(0, cuts[0] - 4), end = min(text.count, cuts[cuts.count - 1] + 4)
        let window = Array(text[start..<end]) // the segmenter takes an array; offsets here are window-relative
        let boundaries = Set(segmenter.tokens(in: window).map { $0.start + start }).union([end])
        return cuts.allSatisfy(boundaries.contains)
    }
}
