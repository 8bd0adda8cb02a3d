import AnalyticsCore

/// Turns the numbers of a document into facts: reads the unit after each number, joins dates and
/// ranges, drops what is not a figure, and finds each figure's subject.
struct FactBuilder: Sendable {
    let subjects: SubjectFinder

    /// A fact before its subject and sentence are attached.
    struct Draft {
        var kind: FactKind
        var value: Double
        /// The number before the unit's magnitude (3 in 3亿元), for ranges.
        var bareValue: Double
        var multiplier: Double = 1
        var unit: String?
        var start: Int
        var end: Int
        var approximate = false
        var date: String?
        var low: Double?
        var high: Double?
        var subject: SubjectRule = .before
        enum SubjectRule { case before, after, none, fixed(String) }
    }

    func facts(in document: Document) -> [Fact] {
        let scalars = document.scalars
        let matches = document.numbers
        var facts: [Fact] = []
        var index = 0
        var previousEnd: Int? = nil
        var workspace = Workspace()
        while index < matches.count {
            var consumed = 1
            // A 100,000-digit number has no finite value: it is not a figure anyone can compare.
            guard matches[index].value.isFinite, var draft = date(at: index, matches, scalars, consumed: &consumed) ?? classify(matches[index], scalars),
                  draft.value.isFinite else {
                index += 1
                continue
            }
            if draft.kind != .date, let range = range(from: draft, at: index, matches, scalars) {
                draft = range
                consumed = 2
            }
            var fact = finish(draft, in: document, listBoundary: previousEnd, workspace: &workspace)
            // 国内生产总值超过126万亿元，增长5.2%: a bare change refers to the figure before it.
            if fact.subject == nil, fact.direction != nil, let previous = facts.last, previous.sentenceStart == fact.sentenceStart {
                fact.subject = previous.subject
            }
            facts.append(fact)
            previousEnd = draft.end
            index += consumed
        }
        return facts
    }

    // MARK: One number

    func classify(_ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Draft? {
        let end = scalars.count
        let after = match.end
        var draft = Draft(kind: .number, value: match.value, bareValue: match.value, start: match.start, end: match.end)
        draft.approximate = match.isApproximate
        let next: Unicode.Scalar? = after < end ? scalars[after] : nil

        // C919, 5G, G20, 3D: digits glued to Latin letters are names, not figures.
        if match.form == .arabic, match.start > 0, ScriptClass.of(scalars[match.start - 1]) == .latin { return nil }
        if match.form == .arabic, !match.isPercent, let next, ScriptClass.of(next) == .latin,
           !(after + 1 < end && Self.isEnglishOrdinalSuffix(scalars[after], scalars[after + 1])) {
            return nil
        }
        if match.isPercent {
            draft.kind = .percent
            let last = scalars[match.end - 1]
            draft.unit = match.isPercentagePoint ? "个百分点" : last == "成" ? "成" : last == "折" ? "折" : "%"
            return draft
        }
        if match.isOrdinal {
            draft.kind = .ordinal
            if let next, "次届个名批期位条轮项部章节款代".unicodeScalars.contains(next) {
                draft.unit = String(next)
                draft.end = after + 1
            } else if let next, "，、：,:".unicodeScalars.contains(next) {
                return nil // 第一，…: an enumeration marker (structure for the sections analyzer), not a figure
            }
            draft.subject = .after
            return draft
        }
        if match.isFraction { return draft }

        // 十四五: the Five-Year Plan.
        if match.form == .chinese, next == "五", (10...20).contains(match.value), after + 1 == end || !ScriptClass.isHan(scalars[after + 1])
            || "规时期开以".unicodeScalars.contains(scalars[after + 1]) {
            draft.kind = .ordinal
            draft.unit = "五年规划"
            draft.end = after + 1
            draft.subject = .fixed("五年规划")
            return draft
        }
        // Years: four digits and 年 (not 年代).
        if match.isDigitSequence, match.integerDigits == 4, (1000...2999).contains(match.value), next == "年",
           !(after + 1 < end && scalars[after + 1] == "代") {
            draft.kind = .year
            draft.unit = "年"
            draft.end = after + 1 < end && scalars[after + 1] == "度" ? after + 2 : after + 1
            draft.date = String(Int(match.value))
            draft.subject = .none
            return draft
        }
        // 多, 余 between the number and its unit: approximate.
        var unitStart = after
        if let next, next == "多" || next == "余" || next == "几", Units.unit(at: after + 1, in: scalars, end: end) != nil {
            unitStart = after + 1
            draft.approximate = true
        }
        // X大: a party congress (党的二十大) or a formula (七大都市).
        if match.form == .chinese, unitStart < end, scalars[unitStart] == "大" {
            if match.value >= 10 || preceded(by: "党的", match.start, scalars) {
                draft.kind = .ordinal
                draft.unit = "大"
                draft.end = unitStart + 1
                draft.subject = .fixed("全国代表大会")
                return draft
            }
            if match.value <= 12, let head = formulaHead(after: unitStart + 1, scalars) {
                return formula(draft, unit: "大", end: head)
            }
        }
        // “两个确立”: a numbered formulation in quotes.
        if match.form == .chinese, match.value <= 12, match.start > 0, "“‘「\"".unicodeScalars.contains(scalars[match.start - 1]),
           unitStart < end, "个项条种化位大".unicodeScalars.contains(scalars[unitStart]), let head = formulaHead(after: unitStart + 1, scalars) {
            return formula(draft, unit: String(scalars[unitStart]), end: head)
        }
        // Unquoted, as the slogans analyzer reads them: 四个全面, 两个维护 by the word after 个;
        // 四个体系建设 by the frame word after a two-character head.
        if match.form == .chinese, (2...10).contains(match.value), match.end - match.start == 1, unitStart < end, scalars[unitStart] == "个" {
            if let head = NumberedFormulations.headWords.first(where: { starts(with: $0, at: unitStart + 1, scalars) }) {
                return formula(draft, unit: "个", end: unitStart + 1 + head.count)
            }
            let headEnd = unitStart + 3
            if headEnd + 2 <= end, scalars[(unitStart + 1)..<(headEnd + 2)].allSatisfy(ScriptClass.isHan),
               NumberedFormulations.frameWords.contains(String(scalars: scalars[headEnd..<(headEnd + 2)])) {
                return formula(draft, unit: "个", end: headEnd)
            }
        }
        if let unit = Units.unit(at: unitStart, in: scalars, end: end) {
            // 番 counts doublings only after 翻 (翻一番); 经过一番努力 is no figure.
            if unit.unit == "番" && !(match.start > 0 && scalars[match.start - 1] == "翻") { return nil }
            // 一年, 一天 written with 一 are rhetoric far more often than durations, and 一个, 一种,
            // 一项 are articles ("a"), not counts.
            if match.form == .chinese && match.value == 1 && match.end - match.start == 1
                && (unit.kind == .duration || ["个", "种", "位", "名", "项", "批", "条", "次", "类", "支", "份", "场"].contains(unit.unit)) {
                return nil
            }
            draft.kind = unit.kind
            draft.unit = unit.unit
            draft.multiplier = unit.multiplier
            draft.value = match.value * unit.multiplier
            draft.end = unitStart + unit.text.count
            if unit.kind == .ordinal { draft.subject = .after }
            // 新建3所学校, 四个体系: a noun straight after the measure word is what is counted.
            if unit.kind == .count || unit.kind == .measure, draft.end < end, countedNounFollows(draft.end, scalars) {
                draft.subject = .after
            }
            return draft
        }
        if let english = english(draft, match, scalars) { return english }
        // A bare Chinese numeral under ten (三, 两) is a word, not a figure.
        if match.form == .chinese && abs(match.value) < 10 { return nil }
        return draft
    }

    /// 1st, 2nd, 3rd, 4th: the two letters after the digits (any case).
    static func isEnglishOrdinalSuffix(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        func lower(_ scalar: Unicode.Scalar) -> UInt32 { (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value }
        switch (lower(first), lower(second)) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return true // st nd rd th
        default: return false
        }
    }

    /// Whether a noun (not a particle, conjunction or trailing qualifier) follows the figure.
    private func countedNounFollows(_ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard ScriptClass.isHan(scalars[index]) else { return false }
        return !Self.notNouns.contains(scalars[index])
    }

    private static let notNouns = ScalarSet("的和与及以左上下多余等次共为中里间内外后前来起是在了达至到".unicodeScalars)

    private func formula(_ base: Draft, unit: String, end: Int) -> Draft {
        var draft = base
        draft.kind = .formula
        draft.unit = unit
        draft.end = end
        draft.subject = .none
        return draft
    }

    /// The end of a formula's head: 2–4 Han characters, or up to a closing quote.
    private func formulaHead(after start: Int, _ scalars: [Unicode.Scalar]) -> Int? {
        var index = start
        while index < scalars.count, index - start < 6, ScriptClass.isHan(scalars[index]) { index += 1 }
        if index < scalars.count, "”’」\"".unicodeScalars.contains(scalars[index]), index - start >= 1 { return index }
        return index - start >= 2 ? min(index, start + 4) : nil
    }

    private func starts(with word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private func preceded(by text: String, _ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let pattern = Array(text.unicodeScalars)
        return index >= pattern.count && scalars[(index - pattern.count)..<index].elementsEqual(pattern)
    }

    // MARK: English

    private static let multipliers: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    private static let currencies: Set<String> = ["yuan", "dollars", "dollar", "usd", "rmb", "euros", "euro"]
    private static let stopWords: Set<String> = ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "since", "than"]

    /// 3.5 million, 12 percent, 724 proposals, 20th Congress.
    private func english(_ base: Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Draft? {
        guard match.form == .arabic else { return nil }
        var draft = base
        var index = match.end
        // 20th, 1st, 2nd, 3rd
        if let suffix = word(at: index, scalars), ["st", "nd", "rd", "th"].contains(suffix.text.lowercased()) {
            draft.kind = .ordinal
            draft.end = suffix.end
            if let noun = word(at: suffix.end + 1, scalars), suffix.end < scalars.count, scalars[suffix.end] == " ", !Self.stopWords.contains(noun.text.lowercased()) {
                draft.subject = .fixed(noun.text)
                draft.end = noun.end
            } else {
                draft.subject = .none
            }
            return draft
        }
        guard index < scalars.count, scalars[index] == " ", var next = word(at: index + 1, scalars) else { return nil }
        if let multiplier = Self.multipliers[next.text.lowercased()] {
            draft.value *= multiplier
            draft.multiplier = multiplier
            draft.end = next.end
            index = next.end
            guard index < scalars.count, scalars[index] == " ", let following = word(at: index + 1, scalars) else { return draft }
            next = following
        }
        let lower = next.text.lowercased()
        if lower == "percent" || lower == "per" {
            draft.kind = .percent
            draft.unit = "%"
            draft.end = lower == "per" ? min(scalars.count, next.end + 5) : next.end
            return draft
        }
        if Self.currencies.contains(lower) {
            draft.kind = .money
            draft.unit = lower == "yuan" || lower == "rmb" ? "元" : lower.hasPrefix("euro") ? "欧元" : "美元"
            draft.end = next.end
            return draft
        }
        guard !Self.stopWords.contains(lower), next.text.unicodeScalars.count > 1 else { return draft }
        draft.kind = .count
        draft.subject = .fixed(next.text)
        draft.end = next.end
        return draft
    }

    private func word(at start: Int, _ scalars: [Unicode.Scalar]) -> (text: String, end: Int)? {
        var index = start
        while index < scalars.count, ScriptClass.of(scalars[index]) == .latin { index += 1 }
        guard index > start else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<index])), index)
    }

    // MARK: Dates and ranges

    /// 2022年3月5日, 2022年3月, 3月5日, 3月: one date. Years alone are `year` facts (see classify).
    func date(at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar], consumed: inout Int) -> Draft? {
        var position = index
        var year: Int?, month: Int?, day: Int?
        let first = matches[index]
        if let draft = classify(first, scalars), draft.kind == .year, !(draft.end - first.end == 2) {
            year = Int(first.value)
            position += 1
        }
        func unitAfter(_ match: NumberMatch, _ unit: Unicode.Scalar) -> Bool {
            match.end < scalars.count && scalars[match.end] == unit && match.value == match.value.rounded() && !match.isPercent && !match.isOrdinal
        }
        let expectedStart = year != nil ? first.end + 1 : first.start
        if position < matches.count, matches[position].start == expectedStart, unitAfter(matches[position], "月"),
           (1...12).contains(matches[position].value) {
            month = Int(matches[position].value)
            position += 1
            if position < matches.count, matches[position].start == matches[position - 1].end + 1,
               unitAfter(matches[position], "日") || unitAfter(matches[position], "号"), (1...31).contains(matches[position].value) {
                day = Int(matches[position].value)
                position += 1
            }
        }
        guard let month else { return nil }
        let last = matches[position - 1]
        let end = last.end + 1
        var draft = Draft(kind: .date, value: Double((year ?? 0) * 10000 + month * 100 + (day ?? 0)), bareValue: 0,
                          start: first.start, end: end)
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day.map { $0 < 10 ? "-0\($0)" : "-\($0)" } ?? ""
        draft.date = (year.map { "\($0)-" } ?? "--") + monthText + dayText
        draft.unit = day != nil ? "日" : "月"
        draft.subject = .none
        consumed = position - index
        return draft
    }

    private static let connectors: Set<Unicode.Scalar> = ["至", "到", "—", "–", "-", "~", "～", "－", "−"]

    /// 3至5年, 10%—15%, 2021—2025年: two figures joined by a connector, the unit after the second.
    func range(from low: Draft, at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar]) -> Draft? {
        guard index + 1 < matches.count, low.end < scalars.count, Self.connectors.contains(scalars[low.end]) else { return nil }
        var nextStart = low.end + 1
        if nextStart < scalars.count, scalars[nextStart] == scalars[low.end] { nextStart += 1 } // ——
        let nextMatch = matches[index + 1]
        guard nextMatch.start == nextStart, let high = classify(nextMatch, scalars) else { return nil }
        guard low.unit == nil || low.unit == high.unit || low.kind == .year && high.kind == .year else { return nil }
        guard high.kind != .date, high.kind != .formula, low.kind != .ordinal else { return nil }
        var draft = high
        draft.kind = .range
        draft.start = low.start
        draft.low = low.unit == nil ? low.bareValue * high.multiplier : low.value
        draft.high = high.value
        draft.value = draft.low!
        draft.date = nil
        draft.subject = high.kind == .year ? .none : .before
        return draft
    }

    // MARK: Subject and sentence

    /// The text of the last sentence used: figures cluster, and sentences are long.
    /// What one document's facts reuse from one to the next.
    struct Workspace {
        var sentences = SentenceCache()
        var segmentation = Segmenter.Scratch()
    }

    struct SentenceCache {
        var span: TextSpan?
        var text = ""

        mutating func text(of span: TextSpan, in document: Document) -> String {
            if span != self.span {
                self.span = span
                text = document.text(span)
            }
            return text
        }
    }

    static let maximumQuotedSentence = 400

    /// The sentence, or for a run-on one a window of it around the figure.
    static func quoted(_ sentence: TextSpan, around draft: Draft) -> TextSpan {
        guard sentence.length > maximumQuotedSentence else { return sentence }
        let reach = (maximumQuotedSentence - (draft.end - draft.start)) / 2
        return TextSpan(start: max(sentence.start, draft.start - reach), end: min(sentence.end, draft.end + max(0, reach)))
    }

    func finish(_ draft: Draft, in document: Document, listBoundary: Int?, workspace: inout Workspace) -> Fact {
        let scalars = document.scalars
        let sentence = document.sentence(containing: draft.start) ?? TextSpan(start: draft.start, end: draft.end)
        let quoted = Self.quoted(sentence, around: draft)
        var subject: String?
        var direction: String?
        var approximate = draft.approximate
        switch draft.subject {
        case .none:
            break
        case .fixed(let text):
            subject = text
        case .after:
            let found = subjects.subject(in: scalars, clauseStart: draft.end, figureStart: draft.end, figureEnd: draft.end,
                                         clauseEnd: min(sentence.end, draft.end + 12), scratch: &workspace.segmentation)
            subject = found.subject
        case .before:
            let clauseStart = SubjectFinder.clauseStart(before: draft.start, in: scalars, listBoundary: listBoundary, limit: sentence.start)
            var clauseEnd = draft.end
            let clauseLimit = min(sentence.end, draft.end + SubjectFinder.maximumClauseReach)
            while clauseEnd < clauseLimit, !SubjectFinder.isClauseBreak(scalars[clauseEnd]), scalars[clauseEnd] != "、" { clauseEnd += 1 }
            let found = subjects.subject(in: scalars, clauseStart: clauseStart, figureStart: draft.start, figureEnd: draft.end,
                                         clauseEnd: clauseEnd, scratch: &workspace.segmentation)
            subject = found.subject
            direction = found.direction
            approximate = approximate || found.approximate
        }
        if draft.kind == .year || draft.kind == .date || draft.kind == .formula { direction = nil }
        return Fact(kind: draft.kind, value: Self.rounded(draft.value), unit: draft.unit, subject: subject,
                    text: document.text(TextSpan(start: draft.start, end: draft.end)), start: draft.start, end: draft.end,
                    sentence: workspace.sentences.text(of: quoted, in: document), sentenceStart: quoted.start, sentenceEnd: quoted.end,
                    sentenceClipped: quoted == sentence ? nil : true,
                    direction: direction, approximate: approximate ? true : nil, low: draft.low.map(Self.rounded),
                    high: draft.high.map(Self.rounded), date: draft.date)
    }

    /// Twelve significant digits: 1.39万亿 is 1390000000000, not 1390000000000.0002.
    static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let magnitude = (abs(value)).exponent // binary exponent
        let decimals = 11 - Int((Double(magnitude) * 0.30103).rounded(.down))
        guard decimals > -15 && decimals < 300 else { return value }
        var scale = 1.0
        for _ in 0..<abs(decimals) { scale *= 10 }
        return decimals >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
    }
}
