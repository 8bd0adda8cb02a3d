import AnalyticsCore

private let speechCuesScalars: ScalarList = "：:说道"

/// Parallel clauses: two or more adjacent clauses of the same length, all Han characters.
/// Four-character clauses qualify as they are (踔厉奋发，笃行致远; 实干担当、守正创新); longer ones
/// (5–8 characters) must share a character in the same slot in every clause
/// (建言献策聚智慧，协商议事聚共识，勠力同心聚合力); three-character ones come in series of three
/// or more that share a frame: a character in the same slot (愿担当、敢担当、善担当) or the shape
/// character + word in every item (讲政治、顾大局、守规矩; 勤学习、善思考、勇实践). Word classes keep out what only looks parallel:
/// narrative clauses and reported speech (她举例说，…; 经过各方调解，…), 、-lists of nouns
/// (载人航天、探月探火), and clauses inside quoted speech (…说：“办得公道，心里服气。”).
struct ParallelFinder: Sendable {
    let classes: WordClasses

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
        var run: [TextSpan] = [] // reused: most runs are one clause that pairs with nothing
        for sentence in document.sentences {
            self.clauses(in: sentence, scalars, into: &clauses)
            var runStart = 0
            while runStart < clauses.count {
                var runEnd = runStart + 1
                // A run keeps one separator: 实干担当、守正创新，开拓进取、奋发有为 is two couplets.
                let separator = runStart + 1 < clauses.count ? scalars[clauses[runStart].end] : nil
                while runEnd < clauses.count, clauses[runEnd].length == clauses[runStart].length,
                      clauses[runEnd].start - clauses[runEnd - 1].end == 1, scalars[clauses[runEnd - 1].end] == separator { runEnd += 1 }
                // A lone clause can only pair with the tail of a longer clause before it or the head of
                // one after it, across 、 (坚持人民至上、生命至上; 政府补一点、企业投一点、居民出一点的办法).
                let lone = runEnd - runStart < 2
                guard clauses[runStart].length > 0, !lone || runStart > 0 || runEnd < clauses.count else {
                    runStart = runEnd
                    continue
                }
                run.removeAll(keepingCapacity: true)
                run.append(contentsOf: clauses[runStart..<runEnd])
                // 政治自觉、思想自觉、行动自觉 after a longer first item (…的政治自觉): take the item's tail into the run.
                if runStart > 0, let tail = tail(of: clauses[runStart - 1], before: run, lone: lone, scalars) {
                    run.insert(tail, at: 0)
                }
                if runEnd < clauses.count, let head = head(of: clauses[runEnd], after: run, scalars) {
                    run.append(head)
                }
                if run.count >= 2, let candidate = parallel(run, scalars) { found.append(candidate) }
                runStart = runEnd
            }
        }
        return found
    }

    /// Clauses that are all Han, between clause breaks. One pass over the sentence's scalars: a
    /// clause learns whether it is all Han as it is read.
    private func clauses(in sentence: TextSpan, _ scalars: [Unicode.Scalar], into result: inout [TextSpan]) {
        result.removeAll(keepingCapacity: true)
        scalars.withUnsafeBufferPointer { text in
            var start = sentence.start
            var allHan = true
            func close(at index: Int) {
                guard index > start else { return }
                // A clause with other characters breaks runs (length 0), but keeps its end for sharedTail.
                result.append(allHan ? TextSpan(start: start, end: index) : TextSpan(start: index, end: index))
            }
            for index in sentence.start..<sentence.end {
                let scalar = text[index]
                if scalar.value &- 0x4E00 < 0x5200 { continue } // most of the text: Han, no break
                if Self.isClauseBreak(scalar) {
                    close(at: index)
                    start = index + 1
                    allHan = true
                } else if !ScriptClass.isHan(scalar) {
                    allHan = false
                }
            }
            close(at: sentence.end)
        }
    }

    /// The tail of a longer clause that opens the run: when it shares a character in the same place
    /// with every item (and is words of its own, unless two items already share the frame), or, for
    /// four characters across 、, when it is words of its own in a clause that tells no story
    /// (坚持开放包容、互利共赢; not 与村民一起装填沙袋、打桩固堤).
    private func tail(of previous: TextSpan, before run: [TextSpan], lone: Bool, _ scalars: [Unicode.Scalar]) -> TextSpan? {
        let length = run[0].length
        let separator = scalars[previous.end]
        guard previous.end + 1 == run[0].start, previous.end - length >= 0, previous.length == 0 || previous.length > length,
              lone ? separator == "、" : run[0].end < scalars.count && separator == scalars[run[0].end] else { return nil }
        let tail = TextSpan(start: previous.end - length, end: previous.end)
        guard scalars[tail.range].allSatisfy(ScriptClass.isHan) else { return nil }
        let shares = (0..<length).contains { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[tail.start + slot] } }
        // The tail must be words of its own (not 京冬奥会 of 北京冬奥会) unless two items already share its frame.
        if shares { return !lone || previous.length == 0 || classes.startsWord(at: tail.start, in: previous, scalars) ? tail : nil }
        // 坚持讲政治、顾大局、守规矩: a character and a word like every item.
        if length == 3, separator == "、", previous.length > 0, classes.isCharacterAndWord(tail, scalars),
           run.allSatisfy({ classes.isCharacterAndWord($0, scalars) }), !lone || classes.startsWord(at: tail.start, in: previous, scalars) { return tail }
        guard length == 4, separator == "、", previous.length > 0, classes.startsWord(at: tail.start, in: previous, scalars) else { return nil }
        // The clause tells a story at its opening (与村民一起…) or just before the tail: a long clause is
        // read there only, not segmented whole.
        let opening = TextSpan(start: previous.start, end: min(previous.start + 4, tail.start))
        let near = TextSpan(start: max(opening.end, tail.start - 6), end: previous.end)
        if opening.length > 0, classes.isNarrative(opening, scalars, framed: false) { return nil }
        if classes.isNarrative(near, scalars, framed: false, opensClause: near.start == previous.start) { return nil }
        return tail
    }

    /// The head of a longer clause that closes the run, across the run's separator (、 after a lone
    /// clause), when it shares a character with every item in the same place (for items over four
    /// characters, past the first two: 居民出一点的办法 after 企业投一点, but not a mere common opening
    /// word, 区域重大战略深入 of …深入实施) and ends a word there.
    private func head(of next: TextSpan, after run: [TextSpan], _ scalars: [Unicode.Scalar]) -> TextSpan? {
        let length = run[0].length
        let last = run[run.count - 1]
        let separator: Unicode.Scalar = run.count >= 2 ? scalars[run[0].end] : "、"
        guard length >= 3, next.start == last.end + 1, next.length > length, scalars[last.end] == separator else { return nil }
        let head = TextSpan(start: next.start, end: next.start + length)
        let slots = length <= 4 ? 0..<length : 2..<length // short items: any shared slot (稳物价工作 after 稳就业)
        let shares = slots.contains { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[head.start + slot] } }
        guard shares, classes.startsWord(at: head.end, in: next, scalars) else { return nil }
        return head
    }

    private func parallel(_ run: [TextSpan], _ scalars: [Unicode.Scalar]) -> Candidate? {
        guard run.count >= 2, let length = run.first?.length, (3...8).contains(length) else { return nil }
        let span = TextSpan(start: run[0].start, end: run[run.count - 1].end)
        // The run must be whole: a list that goes on with 、 past it (改善民生，保持香港、澳门…) is not a couplet.
        if span.start > 0, scalars[span.start - 1] == "、" { return nil }
        if span.end < scalars.count, scalars[span.end] == "、" { return nil }
        let shared = (0..<length).filter { slot in run.allSatisfy { scalars[$0.start + slot] == scalars[run[0].start + slot] } }
        let framed = !shared.isEmpty
        let listed = scalars[run[0].end] == "、"
        // Three characters make a slogan only as a series of three or more with a frame: shared
        // characters, or verb + object in every item (a structure no narrative list has).
        let verbObject = length == 3 && !framed && run.count >= 3 && run.allSatisfy { classes.isCharacterAndWord($0, scalars) }
        if length == 3 {
            guard run.count >= 3, framed || verbObject else { return nil }
        } else if length > 4 && !framed {
            return nil
        }
        if insideQuotedSpeech(span.start, scalars) { return nil }
        // Each item is segmented at most once, and only as far as the questions get: most lists fail on
        // their first item.
        var words = [[Token]?](repeating: nil, count: run.count)
        func wordsOf(_ index: Int) -> [Token] {
            if let known = words[index] { return known }
            let found = classes.words(run[index], scalars)
            words[index] = found
            return found
        }
        // An enumeration of nouns (载人航天、探月探火) is no couplet, unless the items share a frame (企业出题、高校解题);
        // nor is a list of single nouns that happen to share a character (图书馆、博物馆、美术馆).
        if listed, !framed, !verbObject, run.indices.contains(where: { classes.isNounOnly(words: wordsOf($0), scalars) }) { return nil }
        if listed, framed, run.allSatisfy({ classes.isNounWord($0, scalars) }) { return nil }
        if !verbObject, run.indices.contains(where: { classes.isNarrative(run[$0], words: wordsOf($0), scalars, framed: framed, frame: shared) }) { return nil }
        if length == 4 && !framed {
            return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent 4-character clauses")
        }
        if !framed {
            return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent \(length)-character items of a character and a word")
        }
        let characters = shared.map { String(scalars[run[0].start + $0]) }.joined()
        return Candidate(kind: .parallel, span: span, reason: "\(run.count) adjacent \(length)-character clauses sharing \(characters) in the same place")
    }

    /// Whether `position` is inside a quotation opened after a colon or a verb of saying (他说：“…”).
    private func insideQuotedSpeech(_ position: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = position - 1
        let limit = max(0, position - 200)
        while index >= limit {
            switch scalars[index] {
            case "”", "\n": return false
            case "“":
                guard index > 0 else { return false }
                return speechCuesScalars.contains(scalars[index - 1])
            default: index -= 1
            }
        }
        return false
    }
}
