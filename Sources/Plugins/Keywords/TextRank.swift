/// TextRank over a co-occurrence graph of candidate terms (window of 5, undirected, weighted by
/// co-occurrence counts), iterated to convergence with damping 0.85. Deterministic: nodes are
/// visited in sorted order.
enum TextRank {
    /// Scores for terms 0..<termCount given the text-order `sequence` of term indices; `names`
    /// fixes the iteration order so results do not depend on how terms were numbered.
    static func scores(_ sequence: [Int], termCount: Int, names: [String], window: Int = 5, damping: Double = 0.85) -> [Double] {
        guard termCount > 0 else { return [] }
        var edges = [[Int: Double]](repeating: [:], count: termCount)
        for (position, a) in sequence.enumerated() {
            for b in sequence[(position + 1)..<min(sequence.count, position + window)] where a != b {
                edges[a][b, default: 0] += 1
                edges[b][a, default: 0] += 1
            }
        }
        let order = (0..<termCount).sorted { names[$0] < names[$1] }
        let outWeight = edges.map { $0.values.reduce(0, +) }
        let neighbours = edges.map { $0.sorted { names[$0.key] < names[$1.key] } }
        var rank = [Double](repeating: 1, count: termCount)
        for _ in 0..<100 {
            var next = [Double](repeating: 1 - damping, count: termCount)
            for node in order {
                for (other, weight) in neighbours[node] where outWeight[other] > 0 {
                    next[node] += damping * weight / outWeight[other] * rank[other]
                }
            }
            let change = zip(rank, next).map { abs($0 - $1) }.max() ?? 0
            rank = next
            if change < 1e-6 { break }
        }
        let maximum = rank.max() ?? 1
        return rank.map { $0 / maximum }
    }
}
