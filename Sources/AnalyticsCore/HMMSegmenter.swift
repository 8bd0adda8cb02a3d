/// Viterbi decoding over the states B M E S for a run of characters the dictionary left single.
enum HMMSegmenter {
    private static let (b, m, e, s) = (0, 1, 2, 3)
    /// The states each state may follow.
    private static let previous: [(Int, Int)] = [(e, s), (m, b), (b, m), (s, e)]

    /// Buffers reused across runs, so a document's thousands of short runs allocate nothing.
    struct Scratch {
        var score: [Double] = []
        var back: [UInt8] = []
    }

    /// Appends the words of `scalars[run]` to `tokens`.
    static func segment(_ scalars: [Unicode.Scalar], _ run: Range<Int>, tables: HMMTables,
                        scratch: inout Scratch, into tokens: inout [Token]) {
        let count = run.count
        if scratch.score.count < count * 4 {
            scratch.score = [Double](repeating: 0, count: count * 4)
            scratch.back = [UInt8](repeating: 0, count: count * 4)
        }
        let first = scalars[run.lowerBound]
        for state in 0..<4 {
            scratch.score[state] = tables.start[state] + tables.emission(state, first)
        }
        for t in 1..<count {
            let scalar = scalars[run.lowerBound + t]
            for state in 0..<4 {
                let emit = tables.emission(state, scalar)
                let (from1, from2) = previous[state]
                let via1 = scratch.score[(t - 1) * 4 + from1] + tables.transitions[from1 * 4 + state]
                let via2 = scratch.score[(t - 1) * 4 + from2] + tables.transitions[from2 * 4 + state]
                scratch.score[t * 4 + state] = max(via1, via2) + emit
                scratch.back[t * 4 + state] = UInt8(via1 >= via2 ? from1 : from2)
            }
        }
        // A word ends in E or S: walk the best path back, marking word ends in `back`'s row 0 slot.
        var state = scratch.score[(count - 1) * 4 + e] >= scratch.score[(count - 1) * 4 + s] ? e : s
        for t in stride(from: count - 1, through: 0, by: -1) {
            let from = scratch.back[t * 4 + state]
            scratch.back[t * 4] = state == e || state == s ? 1 : 0 // row t is not read again
            state = Int(from)
        }
        var wordStart = 0
        for t in 0..<count where scratch.back[t * 4] == 1 {
            tokens.append(Token(start: run.lowerBound + wordStart, end: run.lowerBound + t + 1, kind: .word))
            wordStart = t + 1
        }
        if wordStart < count { tokens.append(Token(start: run.lowerBound + wordStart, end: run.upperBound, kind: .word)) }
    }
}
