/// Viterbi decoding over the states B M E S for a run of characters the dictionary left single.
enum HMMSegmenter {
    private static let (b, m, e, s) = (0, 1, 2, 3)

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
        // The four states written out (B from E|S, M from M|B, E from B|M, S from S|E), on raw
        // buffers: this loop runs for every character the dictionary leaves single.
        let transitions = tables.transitions
        let tEB = transitions[e * 4 + b], tSB = transitions[s * 4 + b]
        let tMM = transitions[m * 4 + m], tBM = transitions[b * 4 + m]
        let tBE = transitions[b * 4 + e], tME = transitions[m * 4 + e]
        let tSS = transitions[s * 4 + s], tES = transitions[e * 4 + s]
        scratch.score.withUnsafeMutableBufferPointer { score in
            scratch.back.withUnsafeMutableBufferPointer { back in
                for t in 1..<count {
                    let scalar = scalars[run.lowerBound + t]
                    let p = (t - 1) * 4, q = t * 4
                    func step(_ state: Int, _ from1: Int, _ via1: Double, _ from2: Int, _ via2: Double) {
                        score[q + state] = max(via1, via2) + tables.emission(state, scalar)
                        back[q + state] = UInt8(via1 >= via2 ? from1 : from2)
                    }
                    step(b, e, score[p + e] + tEB, s, score[p + s] + tSB)
                    step(m, m, score[p + m] + tMM, b, score[p + b] + tBM)
                    step(e, b, score[p + b] + tBE, m, score[p + m] + tME)
                    step(s, s, score[p + s] + tSS, e, score[p + e] + tES)
                }
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
