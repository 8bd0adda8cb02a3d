import AnalyticsCore

extension KeywordsAnalyzer {
    /// How often each of the ranked terms (`shorts`, indices of `counted.terms`) is said inside
    /// the document's longer terms, and the most frequent of those (-1: none). A term mostly said
    /// inside longer ones (城镇 of 城镇新增就业 and 城镇调查失业率, 高校 of 高校毕业生) is a fragment
    /// of what the text names: it gives way to them (`givesWay`).
    ///
    /// One pass over the document's terms, each of whose characters is first tried against a
    /// 1,024-bit set of the shorts' first characters: most terms are not looked at twice.
    static func inside(_ shorts: [Int], counted: KeywordTerms.Counted, scalars: [Unicode.Scalar]) -> (counts: [Int], longest: [Int]) {
        var inside = [Int](repeating: 0, count: shorts.count)
        var best = [Int](repeating: -1, count: shorts.count)
        guard !shorts.isEmpty else { return (inside, best) }
        let spans = shorts.map { counted.terms[$0].first }
        let shortest = spans.map { $0.end - $0.start }.min()!
        var firsts = [UInt64](repeating: 0, count: 16)
        for span in spans { let bit = Int(scalars[span.start].value & 1023); firsts[bit >> 6] |= 1 << UInt64(bit & 63) }
        for long in counted.terms.indices where counted.counts[long] > 0 {
            let span = counted.terms[long].first
            guard span.end - span.start > shortest else { continue }
            var found = 0 as UInt64
            for at in span.start...(span.end - shortest) {
                let bit = Int(scalars[at].value & 1023)
                guard firsts[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                for (k, short) in spans.enumerated() where k < 64 && found & (1 << UInt64(k)) == 0 {
                    let length = short.end - short.start
                    guard length < span.end - span.start,
                          ScalarText.occurs(scalars[short.start..<short.end], in: scalars[span.start..<span.end], at: at) else { continue }
                    found |= 1 << UInt64(k)
                    inside[k] += counted.counts[long]
                    if best[k] < 0 || counted.counts[long] > counted.counts[best[k]] { best[k] = long }
                }
            }
        }
        return (inside, best)
    }

    /// A term gives way when said inside longer terms of the document at least this many times
    /// as often as alone (two thirds of its occurrences), and at least twice.
    static let insideRatio = 2.0
    /// The longer term takes its place when the document says it at least this often.
    static let takesPlace = 2

    static func givesWay(inside: Int, alone: Int) -> Bool {
        inside >= 2 && Double(inside) >= insideRatio * Double(alone)
    }
}
