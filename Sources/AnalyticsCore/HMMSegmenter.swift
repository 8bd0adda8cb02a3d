/// Viterbi decoding over the states B M E S for a run of characters the dictionary left single.
enum HMMSegmenter {
    private static let (b, m, e, s) = (0, 1, 2, 3)
    /// The states each state may follow.
    private static let previous: [[Int]] = [[e, s], [m, b], [b, m], [s, e]]

    static func segment(_ scalars: [Unicode.Scalar], _ run: Range<Int>, tables: HMMTables) -> [Range<Int>] {
        let count = run.count
        var score = [Double](repeating: 0, count: count * 4)
        var back = [Int](repeating: 0, count: count * 4)
        let first = scalars[run.lowerBound]
        for state in 0..<4 {
            score[state] = tables.start[state] + tables.emission(state, first)
        }
        for t in 1..<count {
            let scalar = scalars[run.lowerBound + t]
            for state in 0..<4 {
                let emit = tables.emission(state, scalar)
                var bestScore = -Double.infinity, bestFrom = previous[state][0]
                for from in previous[state] {
                    let candidate = score[(t - 1) * 4 + from] + tables.transitions[from * 4 + state] + emit
                    if candidate > bestScore {
                        bestScore = candidate
                        bestFrom = from
                    }
                }
                score[t * 4 + state] = bestScore
                back[t * 4 + state] = bestFrom
            }
        }
        // A word ends in E or S.
        var state = score[(count - 1) * 4 + e] >= score[(count - 1) * 4 + s] ? e : s
        var states = [Int](repeating: 0, count: count)
        for t in stride(from: count - 1, through: 0, by: -1) {
            states[t] = state
            state = back[t * 4 + state]
        }
        var words: [Range<Int>] = []
        var wordStart = 0
        for t in 0..<count where states[t] == e || states[t] == s {
            words.append(run.lowerBound + wordStart..<run.lowerBound + t + 1)
            wordStart = t + 1
        }
        if wordStart < count { words.append(run.lowerBound + wordStart..<run.upperBound) }
        return words
    }
}
