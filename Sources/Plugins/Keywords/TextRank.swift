/// TextRank over a co-occurrence graph of candidate terms (window of 5, undirected, weighted by
/// co-occurrence counts), iterated to convergence with damping 0.85. Deterministic: nodes are
/// visited in sorted order.
enum TextRank {
    static func scores(_ terms: [String], window: Int = 5, damping: Double = 0.85) -> [String: Double] {
        let vocabulary = Array(Set(terms)).sorted()
        guard !vocabulary.isEmpty else { return [:] }
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let ids = terms.map { index[$0]! }
        var edges = [[Int: Double]](repeating: [:], count: vocabulary.count)
        for (position, a) in ids.enumerated() {
            for b in ids[(position + 1)..<min(ids.count, position + window)] where a != b {
                edges[a][b, default: 0] += 1
                edges[b][a, default: 0] += 1
            }
        }
        let outWeight = edges.map { $0.values.reduce(0, +) }
        let neighbours = edges.map { $0.sorted { $0.key < $1.key } }
        var rank = [Double](repeating: 1, count: vocabulary.count)
        for _ in 0..<100 {
            var next = [Double](repeating: 1 - damping, count: vocabulary.count)
            for node in 0..<vocabulary.count {
                for (other, weight) in neighbours[node] where outWeight[other] > 0 {
                    next[node] += damping * weight / outWeight[other] * rank[other]
                }
            }
            let change = zip(rank, next).map { abs($0 - $1) }.max() ?? 0
            rank = next
            if change < 1e-6 { break }
        }
        let maximum = rank.max() ?? 1
        return Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, rank[$0] / maximum) })
    }
}
