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
        var clauses: [TextSpan] = [] // reused: most sentences hold no run at all
        for sentence in document.sentences {
            self.clauses(in: sentence, scalars, into: &clauses)
            var runStart = 0
            while runStart < clauses.count {
                var runEnd = runStart + 1
                // A run keeps one separator: 实干担当、守正创新，开拓进取、奋发有为 is two couplets.
                let separator = runStart + 1 < clauses.count ? scalars[clauses[runStart].end] : nil
                while runEnd < clauses.count, clauses[runEnd].length == clauses[runStart].length,
                      clauses[runEnd].start - clauses[runEnd - 1].end == 1, scalars[clauses[runEnd - 1].end] == separator { runEnd += 1 }
                guard runEnd - runStart >= 2 else {
                    runStart = runEnd
                    continue
                }
                var run = Array(clauses[runStart..<runEnd])
                // 政治自觉、思想自觉、行动自觉 after a longer first item (…的政治自觉): take the item's
                // tail into the run when it shares a character in the same place.
                if runStart > 0, let tail = sharedTail(of: clauses[runStart - 1], before: run, scalars) {
                    run.insert(tail, at: 0)
                }
                if let candidate = parallel(run, scalars) { found.append(candidate) }
                runStart = runEnd
            }
        }
        return found
    }

    /// Clauses that are all Han, between clause breaks.
    private func clauses(in sentence: TextSpan, _ scalars: [Unicode.Scalar], into result: inout [TextSpan]) {
        result.removeAll(keepingCapacity: true)
        var start = sentence.start
        for index in sentence.start...sentence.end {
            if index == sentence.end || Self.isClauseBreak(scalars[index]) {
                if index > start, scalars[start..<index].allSatisfy(ScriptClass.isHan) {
                    result.append(TextSpan(start: start, end: index))
                } else if index > start {
                    // A clause with other characters breaks runs (length 0), but keeps its end for sharedTail.
                    result.append(TextSpan(start: index, end: index))
                }
                start = index + 1
            }
        }
    }

    private func sharedTail(of previous: TextSpan, before run: [TextSpan], _ scalars: [Unicode.Scalar]) -> TextSpan? {
        let length = run[0].length
        guard previous.end + 1 == run[0].start, previous.end - length >= 0, scalars[previous.end] == scalars[run[0].end],
              previous.length == 0 || previous.length > length else { return nil }
        let tail = TextSpan(start: previous.end - length, end: previous.end)
        guard scalars[tail.range].allSatisfy(ScriptClass.isHan) else { return nil }
        let shares = (0..<length).contains { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[tail.start + slot] } }
        return shares ? tail : nil
    }

    private func parallel(_ run: [TextSpan], _ scalars: [Unicode.Scalar]) -> Candidate? {
        guard run.count >= 2, let length = run.first?.length, (4...8).contains(length) else { return nil }
        let span = TextSpan(start: run[0].start, end: run[run.count - 1].end)
        // The run must be whole: a list that goes on with 、 past it (改善民生，保持香港、澳门…) is not a couplet.
        if span.start > 0, scalars[span.start - 1] == "、" { return nil }
        if span.end < scalars.count, scalars[span.end] == "、", scalars[run[0].end] != "、" { return nil }
        if length == 4 {
            return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent 4-character clauses")
        }
        let shared = (0..<length).filter { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[run[0].start + slot] } }
        guard !shared.isEmpty else { return nil }
        let characters = shared.map { String(scalars[run[0].start + $0]) }.joined()
        return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent \(length)-character clauses sharing \(characters) in the same place")
    }
}
