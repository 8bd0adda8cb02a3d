import AnalyticsCore

/// Parallel clauses: two or more adjacent clauses of the same length, all Han characters.
/// Four-character clauses qualify as they are (踔厉奋发，笃行致远; 实干担当、守正创新); longer ones
/// (5–8 characters) must share a character in the same slot in every clause
/// (建言献策聚智慧，协商议事聚共识，勠力同心聚合力).
struct ParallelFinder: Sendable {
    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "、", "；", "：", "。", "！", "？", ",", ";", ":", "!", "?", " ", "\u{3000}": return true
        default: return false
        }
    }

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        for sentence in document.sentences {
            let clauses = clauses(in: sentence, scalars)
            var runStart = 0
            while runStart < clauses.count {
                var runEnd = runStart + 1
                // A run keeps one separator: 实干担当、守正创新，开拓进取、奋发有为 is two couplets.
                let separator = runStart + 1 < clauses.count ? scalars[clauses[runStart].end] : nil
                while runEnd < clauses.count, clauses[runEnd].length == clauses[runStart].length,
                      clauses[runEnd].start - clauses[runEnd - 1].end == 1, scalars[clauses[runEnd - 1].end] == separator { runEnd += 1 }
                let run = Array(clauses[runStart..<runEnd])
                if let candidate = parallel(run, scalars) { found.append(candidate) }
                runStart = runEnd
            }
        }
        return found
    }

    /// Clauses that are all Han, between clause breaks.
    private func clauses(in sentence: TextSpan, _ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        var start = sentence.start
        for index in sentence.start...sentence.end {
            if index == sentence.end || Self.isClauseBreak(scalars[index]) {
                if index > start, scalars[start..<index].allSatisfy(ScriptClass.isHan) {
                    result.append(TextSpan(start: start, end: index))
                } else if index > start {
                    result.append(TextSpan(start: start, end: start)) // a non-Han clause breaks runs
                }
                start = index + 1
            }
        }
        return result
    }

    private func parallel(_ run: [TextSpan], _ scalars: [Unicode.Scalar]) -> Candidate? {
        guard run.count >= 2, let length = run.first?.length, (4...8).contains(length) else { return nil }
        let span = TextSpan(start: run[0].start, end: run[run.count - 1].end)
        if length == 4 {
            return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent 4-character clauses")
        }
        let shared = (0..<length).filter { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[run[0].start + slot] } }
        guard !shared.isEmpty else { return nil }
        let characters = shared.map { String(scalars[run[0].start + $0]) }.joined()
        return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent \(length)-character clauses sharing \(characters) in the same place")
    }
}
