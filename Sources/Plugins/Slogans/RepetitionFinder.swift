import AnalyticsCore

/// Phrases built by repetition: two adjacent phrases that end in the same word and begin with the
/// same character (全面振兴全方位振兴). Found by a character scan; the segmenter then checks, on
/// the few candidates, that both phrases end on word boundaries.
struct RepetitionFinder: Sendable {
    let segmenter: Segmenter

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        var index = 0
        scan: while index + 5 < scalars.count {
            // The second phrase starts 3…6 characters on with the same character: rare, so test it first.
            let lead = scalars[index]
            guard scalars[index + 3] == lead || scalars[index + 4] == lead || scalars[index + 5] == lead
                    || (index + 6 < scalars.count && scalars[index + 6] == lead),
                  ScriptClass.isHan(lead) else { index += 1; continue }
            // X1 H X2 H with |X1|, |X2| in 1…3, |H| in 2…3, X1 ≠ X2, X1 and X2 starting alike.
            for firstLength in 1...3 {
                for headLength in 2...3 {
                    let head = index + firstLength
                    let second = head + headLength
                    guard second + 1 + headLength <= scalars.count, scalars[second] == scalars[index],
                          scalars[head..<second].contains(where: { $0 != scalars[index] }) else { continue } // not 一一一一
                    for secondLength in 1...3 where secondLength != firstLength || !scalars[index..<head].elementsEqual(scalars[second..<(second + secondLength)]) {
                        let repeatAt = second + secondLength
                        let end = repeatAt + headLength
                        guard end <= scalars.count, scalars[head..<second].elementsEqual(scalars[repeatAt..<end]),
                              scalars[index..<end].allSatisfy(ScriptClass.isHan), wordAligned([index, head, second, repeatAt, end], scalars) else { continue }
                        found.append(Candidate(kind: .repeated, span: TextSpan(start: index, end: end),
                                               reason: "two phrases ending in \(document.text(TextSpan(start: head, end: second))) and starting with \(String(scalars[index]))"))
                        index = end
                        continue scan
                    }
                }
            }
            index += 1
        }
        return found
    }

    /// Whether the segmenter puts word boundaries at all of `cuts` (segmenting only around them).
    private func wordAligned(_ cuts: [Int], _ scalars: [Unicode.Scalar]) -> Bool {
        let start = max(0, cuts[0] - 4), end = min(scalars.count, cuts[cuts.count - 1] + 4)
        let boundaries = Set(segmenter.tokens(in: scalars, range: start..<end).map(\.start)).union([end])
        return cuts.allSatisfy(boundaries.contains)
    }
}
