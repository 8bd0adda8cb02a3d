import AnalyticsCore
import Foundation

/// Turns the numbers of a document into facts: reads the unit after each number, joins dates and
/// ranges, drops what is not a figure, and finds each figure's subject.
struct FactBuilder: Sendable {
    var subjects: SubjectFinder
    let cues: Cues
    let planParts: PlanParts
    let units: UnitTable
    let times: TimeExpressions
    var notFigures: NotFigures

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
        /// A lower bound read by a rule (两位数增长, 五千亿级), not by a cue word.
        var atLeast = false
        var date: String?
        var low: Double?
        var high: Double?
        var subject: SubjectRule = .before
        enum SubjectRule {
            case before, after, none, fixed(String)
            /// The noun phrase after the verb that follows the figure (2比0击败般尼: the team that lost).
            case afterVerb
        }
    }

    /// How far a figure may stand after a year between its subject and it (在2023年«首次突破»1万亿元).
    static let timeInsertReach = 8

    /// 2-3只, 两三头: a range whose unit, written last, is a count unit (not 3至5公里, 2004-2005年).
    static func hasCountUnit(_ draft: Draft, _ scalars: [Unicode.Scalar], units: UnitTable) -> Bool {
        guard let unit = draft.unit, case let length = unit.unicodeScalars.count, length > 0, draft.end - length >= draft.start,
              let entry = units.unit(at: draft.end - length, in: scalars, end: draft.end) else { return false }
        return entry.kind == .count && entry.text.count == length
    }

    /// 2004-2005年, 2022年至2023年: a range of calendar years (not 3至5年, a length).
    static func isYearRange(_ fact: Fact) -> Bool {
        guard fact.kind == .range, fact.unit == "年", let low = fact.low, let high = fact.high else { return false }
        return low >= 1000 && high <= 2200
    }

    func facts(in document: Document) -> [Fact] {
        let scalars = document.scalars
        let matches = VagueQuantities.merged(document.numbers, VagueQuantities.matches(in: scalars, units: units))
        var facts: [Fact] = []
        facts.reserveCapacity(matches.count) // a fact is as large as a sentence's worth of fields: no regrowing
        var index = 0
        var previousEnd: Int? = nil
        var workspace = Workspace()
        var respective: (items: [String], next: Int, end: Int)?
        while index < matches.count {
            var consumed = 1
            // A 100,000-digit number has no finite value: it is not a figure anyone can compare.
            guard matches[index].value.isFinite else {
                index += 1
                continue
            }
            // 518年九月: a three-digit year with its month is a date before it is a time expression's year.
            let yearWithMonth = Self.isThreeDigitYearWithMonth(at: index, matches, scalars) ? date(at: index, matches, scalars, consumed: &consumed) : nil
            let timed = yearWithMonth != nil ? nil : times.draft(at: index, matches, scalars, consumed: &consumed)
            guard var draft = yearWithMonth ?? timed ?? date(at: index, matches, scalars, consumed: &consumed) ?? classify(matches[index], scalars, scratch: &workspace.subjects.segmentation),
                  draft.value.isFinite else {
                index += 1
                continue
            }
            if timed == nil, draft.kind != .date, let range = range(from: draft, at: index, matches, scalars, scratch: &workspace.subjects.segmentation) {
                draft = range
                consumed = 2
            } else if timed == nil, notFigures.rule(for: draft, matches[index], scalars, previousEnd: facts.isEmpty ? nil : facts[facts.count - 1].end,
                                                    scratch: &workspace.subjects.segmentation) != nil {
                index += consumed
                continue
            }
            // 10月份社会消费品零售总额: a date or year before the subject in its clause is not part of it.
            // (Read in place, by index: a Fact is large to copy.)
            let timeEnd = facts.isEmpty || ![.year, .date].contains(facts[facts.count - 1].kind) && !Self.isYearRange(facts[facts.count - 1])
                ? nil : facts[facts.count - 1].end
            var fact = finish(draft, in: document, listBoundary: previousEnd, timeBoundary: timeEnd,
                              timeBoundaryStart: timeEnd == nil ? nil : facts[facts.count - 1].start, workspace: &workspace)
            // 分别增长4.3%、6.1%: a figure listed right after another shares its subject and direction.
            // (The previous facts are read in place, by index: a Fact is large to copy.)
            let last = facts.count - 1
            if last >= 0, facts[last].kind == fact.kind, Self.isListContinuation(from: facts[last].end, to: fact.start, scalars),
               fact.subject == nil || facts[last].end + 1 < fact.start {
                fact.subject = facts[last].subject
                fact.direction = fact.direction ?? facts[last].direction
            }
            // 楼高54层、235.6米: a figure of another kind listed right after one, with no subject of its own, shares its subject.
            if fact.subject == nil, last >= 0, !Self.isTimeOrRank(fact.kind), !Self.isTimeOrRank(facts[last].kind),
               Self.isListContinuation(from: facts[last].end, to: fact.start, scalars) {
                fact.subject = facts[last].subject
            }
            // 占地2,085平方公里（第24）: an ordinal in brackets ranks the figure just before it; 4080亿美元（平均4600美元）,
            // 235.6米（774英尺）: an amount in brackets without a subject of its own restates it.
            if last >= 0, fact.kind == .ordinal && facts[last].end + 1 == fact.start && Self.opensBracket(scalars[fact.start - 1])
                || fact.subject == nil && !Self.isTimeOrRank(fact.kind) && !Self.isTimeOrRank(facts[last].kind)
                    && Self.isBracketed(from: facts[last].end, to: fact.start, scalars) {
                fact.subject = facts[last].subject
            }
            // 财政收入从11.7万亿元增加到17.3万亿元, 汇价由2,000印尼盾跌至18,000印尼盾: the level a change
            // reaches has the subject of the level it starts from.
            if last >= 0, facts[last].kind == fact.kind, facts[last].subject != nil, Self.isChangeTo(from: facts[last].end, to: fact.start, scalars) {
                fact.subject = facts[last].subject
                // Both are levels, not the amount of a change (GUIDELINE: levels after 从/由…到/至 get no direction).
                fact.direction = nil
                facts[last].direction = nil
            }
            // 国内生产总值超过126万亿元，增长5.2%: a bare change refers to the figure before it.
            // Years, dates, durations and ordinals in between are passed over (121万亿元，五年年均增长5.2%).
            if fact.subject == nil, fact.direction != nil,
               let previous = facts.lastIndex(where: { !Self.isTimeOrRank($0.kind) }), facts[previous].sentenceStart == fact.sentenceStart {
                fact.subject = facts[previous].subject
            }
            // 旅客吞吐量增长12%，突破8700万人次; 新增105万户，达到920万户: a clause of a verb of reaching alone is the
            // level of the quantity before.
            if fact.subject == nil, !Self.isTimeOrRank(fact.kind), !Self.isYearRange(fact), Self.isBareLevelClause(before: fact.start, limit: fact.sentenceStart, scalars),
               let previous = facts.lastIndex(where: { !Self.isTimeOrRank($0.kind) }), facts[previous].sentenceStart == fact.sentenceStart {
                fact.subject = facts[previous].subject
            }
            // 地区生产总值增长6%，高于全国0.7个百分点 (or 居全国第3位): the gap or rank of the quantity before.
            if fact.subject == nil, fact.kind != .year, fact.kind != .date, fact.kind != .duration,
               case let clause = SubjectFinder.clauseStart(before: fact.start, in: scalars, listBoundary: nil, limit: fact.sentenceStart),
               subjects.opensWithFramedComparison(scalars, clauseStart: clause, figureStart: fact.start, scratch: &workspace.subjects),
               let previous = facts.lastIndex(where: { !Self.isTimeOrRank($0.kind) }), facts[previous].sentenceStart == fact.sentenceStart {
                fact.subject = facts[previous].subject
            }
            // 常住人口达到186万人，占全省的21.3%: a share whose clause opens with 占 is the share of the figure before it.
            if fact.kind == .percent, fact.direction == nil,
               case let clause = SubjectFinder.clauseStart(before: fact.start, in: scalars, listBoundary: nil, limit: fact.sentenceStart),
               clause < fact.start, scalars[clause] == "占",
               let previous = facts.lastIndex(where: { !Self.isTimeOrRank($0.kind) }), facts[previous].sentenceStart == fact.sentenceStart,
               facts[previous].end < clause, facts[previous].subject != nil {
                fact.subject = facts[previous].subject
            }
            // 服务业和制造业分别占36.9%和18.8%: items named together, then 分别 and a list of figures, one each.
            if let pending = respective, pending.next < pending.items.count, Self.isRespectiveContinuation(from: pending.end, to: fact.start, scalars) {
                fact.subject = pending.items[pending.next]
                fact.direction = fact.direction ?? facts[last].direction
                respective = (pending.items, pending.next + 1, fact.end)
            } else if let subject = fact.subject, let items = respectiveItems(subject, before: fact.start, end: fact.end, scalars) {
                fact.subject = items[0]
                respective = (items, 1, fact.end)
            } else if let pending = respective, pending.next == pending.items.count, fact.direction != nil, fact.subject == pending.items.last,
                      fact.start - pending.end <= 8 {
                // …分别为774亿元、536亿元，比上年增长29.2%、39.4%: the changes of the same items, in the same order.
                fact.subject = pending.items[0]
                respective = (pending.items, 1, fact.end)
            } else {
                respective = nil
            }
            // 分别增长18.3%和32.5%: the second of two changes joined by 和, 与, 及 has the direction of the first
            // (last of all: a subject it lacks is not taken from the figure before, which is another item).
            if fact.direction == nil, last >= 0, facts[last].kind == fact.kind, let direction = facts[last].direction,
               Self.isRespectiveContinuation(from: facts[last].end, to: fact.start, scalars), !Self.isLevelReached(before: fact.start, scalars) {
                fact.direction = direction
            }
            facts.append(fact)
            previousEnd = draft.end
            index += consumed
        }
        Self.shareUnitBackwards(&facts, scalars)
        return facts
    }

    /// The rule `sharedUnit`: 十八、十九届中央委员, 有1或3条主脉: a bare number joined by 、 or 或 to the figure right after
    /// it shares that figure's unit, kind and subject (a count, measure or ordinal written without a magnitude: 5、6万元
    /// would need the 万 too, and is left alone).
    static func shareUnitBackwards(_ facts: inout [Fact], _ scalars: [Unicode.Scalar]) {
        guard facts.count >= 2 else { return }
        for index in 0..<(facts.count - 1) where facts[index].kind == .number && facts[index].unit == nil {
            let end = facts[index].end, next = facts[index + 1]
            guard end < scalars.count, scalars[end] == "、" || scalars[end] == "或", next.start == end + 1,
                  [.count, .measure, .ordinal].contains(next.kind), let unit = next.unit,
                  !scalars[next.start..<next.end].contains(where: { Self.magnitudes.contains($0) }),
                  next.text.unicodeScalars.last.map({ unit.unicodeScalars.last == $0 }) ?? false else { continue }
            facts[index].kind = next.kind
            facts[index].unit = unit
            facts[index].subject = next.subject
            if next.kind == .ordinal { facts[index].modality = nil }
        }
    }

    private static let magnitudes: ScalarList = "万亿千百"

    // MARK: One number

    /// The figure a number makes, or nil: the named rules of `FigureRule.all`, asked in order.
    func classify(_ match: NumberMatch, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> Draft? {
        var draft = Draft(kind: .number, value: match.value, bareValue: match.value, start: match.start, end: match.end)
        draft.approximate = match.isApproximate
        var context = RuleContext(match: match, scalars: scalars, draft: draft, unitStart: match.end)
        for decision in FigureRule.decisions {
            switch decision.apply(self, &context, &scratch) {
            case .figure(let draft): return draft
            case .notFigure: return nil
            case .next: continue
            }
        }
        return nil
    }

    /// 0.36元/千瓦时, 每秒12.5亿亿次: a unit per another is one compound unit (元/千瓦时, 次/秒).
    func compound(_ draft: inout Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar]) {
        guard let unit = draft.unit else { return }
        if draft.end + 1 < scalars.count, scalars[draft.end] == "/" || scalars[draft.end] == "／",
           let per = units.unit(at: draft.end + 1, in: scalars, end: scalars.count) {
            draft.unit = unit + "/" + String(scalars: per.text[...])
            draft.end += 1 + per.text.count
            if draft.kind == .count { draft.kind = .measure }
        } else if draft.start >= 2, scalars[draft.start - 2] == "每", let per = units.unit(at: draft.start - 1, in: scalars, end: draft.start),
                  per.kind == .duration {
            draft.unit = unit + "/" + String(scalars: per.text[...])
            draft.start -= 2
            if draft.kind == .count { draft.kind = .measure }
        }
    }

    /// 七八个, 三四百件, 两三天: two neighbouring digits are a range (7–8, 300–400, 2–3), never 78.
    func adjacentDigits(_ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Draft? {
        guard match.form == .chinese else { return nil }
        var start = match.start, first = 0, second = 0, index = match.end
        if match.end - match.start == 2, let one = NumberScanner.chineseDigit(scalars[match.start]),
           let two = NumberScanner.chineseDigit(scalars[match.start + 1]), one >= 1, two == one + 1 {
            (first, second) = (one, two)
        } else if match.start > 0, scalars[match.start - 1] == "两", NumberScanner.chineseDigit(scalars[match.start]) == 3 {
            // 两三百: the scanner leaves 两三 alone (两两 is no number), so the 三 comes here alone.
            (start, first, second, index) = (match.start - 1, 2, 3, match.start + 1)
        } else if match.start > 0, scalars[match.start - 1] == "一", scalars[match.start] == "两", !endsWord(atOne: match.start - 1, scalars) {
            // 一两次: 一 before 两 and a measure word is the low end (the 一 alone is no figure), not 统一两个.
            (start, first, second, index) = (match.start - 1, 1, 2, match.start + 1)
        } else {
            return nil
        }
        var scale = 1.0
        while index < scalars.count, let unit = NumberScanner.chineseUnit(scalars[index]), unit <= 1e8 {
            scale *= unit
            index += 1
        }
        guard let unit = units.unit(at: index, in: scalars, end: scalars.count) else { return nil }
        var draft = Draft(kind: .range, value: Double(first) * scale * unit.multiplier, bareValue: Double(first) * scale, start: start,
                          end: index + unit.text.count)
        draft.unit = unit.unit
        draft.low = draft.value
        draft.high = Double(second) * scale * unit.multiplier
        draft.approximate = false
        return draft
    }

    /// 统一, 唯一, 第一: the 一 at `index` ends a word with the character before it (这一, 每一 point, they make no word of it).
    private func endsWord(atOne index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard index > 0, ScriptClass.isHan(scalars[index - 1]) else { return false }
        if scalars[index - 1] == "第" { return true }
        let lexicon = subjects.segmenter.lexicon
        guard lexicon.logProbability(of: scalars[(index - 1)...index]) != nil else { return false }
        let before = Token(start: index - 1, end: index, kind: .word)
        return subjects.classes.knownClass(before, scalars) != .pronoun
    }

    private static let currencyPrefixes: [[Unicode.Scalar]] = ["HK$", "NT$", "US$", "A$", "C$", "S$", "$", "¥", "￥", "€", "£", "＄"]
        .map { Array($0.unicodeScalars) }

    /// $18, HK$1.0, NT$25,000, ¥300: a currency sign before the number is its unit.
    func prefixedCurrency(_ base: Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Draft? {
        guard match.form == .arabic else { return nil }
        var signEnd = match.start
        while signEnd > 0, scalars[signEnd - 1] == " " { signEnd -= 1 }
        guard let sign = Self.currencyPrefixes.first(where: { signEnd >= $0.count && scalars[(signEnd - $0.count)..<signEnd].elementsEqual($0) }) else {
            return nil
        }
        var draft = base
        draft.kind = .money
        draft.unit = String(scalars: sign[...])
        draft.start = signEnd - sign.count
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
    func countedNounFollows(_ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard ScriptClass.isHan(scalars[index]) else { return false }
        return !Self.notNouns.contains(scalars[index])
    }

    private static let notNouns = ScalarSet("的和与及以左上下多余等次共为中里间内外后前来起是在了达至到".unicodeScalars)

    func formula(_ base: Draft, unit: String, end: Int) -> Draft {
        var draft = base
        draft.kind = .formula
        draft.unit = unit
        draft.end = end
        draft.subject = .none
        return draft
    }

    func preceded(by text: String, _ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let pattern = Array(text.unicodeScalars)
        return index >= pattern.count && scalars[(index - pattern.count)..<index].elementsEqual(pattern)
    }

    // MARK: English

    private static let multipliers: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    private static let currencies: Set<String> = ["yuan", "dollars", "dollar", "usd", "rmb", "euros", "euro"]
    private static let stopWords: Set<String> = ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "since", "than"]

    /// 3.5 million, 12 percent, 724 proposals, 20th Congress.
    func english(_ base: Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Draft? {
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
    /// 518年九月: a three-digit number, 年 and a month right after it (a year only with its month: 500年 alone is a length).
    static func isThreeDigitYearWithMonth(at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar]) -> Bool {
        let first = matches[index]
        guard first.isDigitSequence, first.integerDigits == 3, first.end < scalars.count, scalars[first.end] == "年",
              index + 1 < matches.count, case let month = matches[index + 1], month.start == first.end + 1,
              month.end < scalars.count, scalars[month.end] == "月", (1...12).contains(month.value), !month.isPercent, !month.isOrdinal else { return false }
        return true
    }

    func date(at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar], consumed: inout Int) -> Draft? {
        var position = index
        var year: Int?, month: Int?, day: Int?
        let first = matches[index]
        // A year as the year rule reads one (not 年代, not 年度), without asking every rule again.
        let afterFirst = first.end
        if first.isDigitSequence, first.integerDigits == 4 && (1000...2999).contains(first.value) || Self.isThreeDigitYearWithMonth(at: index, matches, scalars),
           afterFirst < scalars.count,
           scalars[afterFirst] == "年", !(afterFirst + 1 < scalars.count && (scalars[afterFirst + 1] == "代" || scalars[afterFirst + 1] == "度")),
           !(first.start > 0 && ScriptClass.of(scalars[first.start - 1]) == .latin) {
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
        // 29日20时, 17日晚, 18日，: a day alone is a date when a time of day, a part of the day or (after 日)
        // the end of the clause follows it (not 3日游, 7日内, 新民路29号).
        // (The time after a lone day is looked up once: the date-time below asks for the same one.)
        var timeAfterDay: (hour: Int, minute: Int, end: Int, consumed: Int)??
        if month == nil, year == nil, (1...31).contains(first.value), case let isDay = unitAfter(first, "日"), isDay || unitAfter(first, "号") {
            var isDate = isDay && (first.end + 1 == scalars.count || SubjectFinder.isClauseBreak(scalars[first.end + 1])) // not 新民路29号，
                || times.startsDayPart(at: first.end + 1, scalars)
            if !isDate {
                let time = times.time(at: first.end + 1, index + 1, matches, scalars)
                timeAfterDay = .some(time)
                isDate = time != nil
            }
            if isDate {
                day = Int(first.value)
                position = index + 1
            }
        }
        guard month != nil || day != nil else { return nil }
        let last = matches[position - 1]
        var end = last.end + 1
        // 10月份: the month's 份 is part of it.
        if day == nil, end < scalars.count, scalars[end] == "份" { end += 1 }
        var draft = Draft(kind: .date, value: Double((year ?? 0) * 10000 + (month ?? 0) * 100 + (day ?? 0)), bareValue: 0,
                          start: first.start, end: end)
        let monthText = month.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? ""
        let dayText = day.map { $0 < 10 ? "-0\($0)" : "-\($0)" } ?? ""
        draft.date = (year.map { ($0 < 1000 ? "0" : "") + "\($0)-" } ?? "--") + monthText + dayText // ISO years have four digits (0518-09)
        draft.unit = day != nil ? "日" : "月"
        draft.subject = .none
        // 7月31日上午9时30分: a time of day right after the day is one date-time with it.
        if day != nil, let time = position == index + 1 && end == first.end + 1 ? timeAfterDay ?? times.time(at: end, position, matches, scalars)
                                                                               : times.time(at: end, position, matches, scalars) {
            draft.end = time.end
            draft.unit = nil // a date-time's finest part is the hour, which has no unit in the report
            draft.date = (draft.date ?? "") + "T" + (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
            position += time.consumed
        }
        consumed = position - index
        return draft
    }

    private static let connectors: Set<Unicode.Scalar> = ["至", "到", "—", "–", "-", "~", "～", "－", "−"]

    /// 3至5年, 10%—15%, 2021—2025年: two figures joined by a connector, the unit after the second.
    func range(from low: Draft, at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> Draft? {
        guard index + 1 < matches.count, low.end < scalars.count, Self.connectors.contains(scalars[low.end]) else { return nil }
        var nextStart = low.end + 1
        if nextStart < scalars.count, scalars[nextStart] == scalars[low.end] { nextStart += 1 } // ——
        let nextMatch = matches[index + 1]
        guard nextMatch.start == nextStart, let high = classify(nextMatch, scalars, scratch: &scratch) else { return nil }
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
        var subjects = SubjectFinder.Scratch()
        /// Where the document's target cues (预期, 力争, 拟) start; found at the first quantity.
        var targetCues: [Int]?
        /// The document's review and plan parts (PlanParts); found at the first quantity.
        var layout: PlanParts.Layout?
        /// Whether each of `targetCues` is used as a cue where it stands (CueRoles.swift), as it is asked.
        var cueActs: [UInt8] = []
    }

    struct SentenceCache {
        var span: TextSpan?
        var text = ""
        /// A scalar offset and its UTF-8 offset in the document's text. Sentences come in
        /// document order, so the next one's bytes are counted from here, and its text is a copy
        /// of the document's bytes, not an encoding of its scalars.
        var cursor = (scalar: 0, byte: 0)

        mutating func text(of span: TextSpan, in document: Document) -> String {
            if span != self.span {
                self.span = span
                let start = byteOffset(of: span.start, in: document.scalars)
                let end = byteOffset(of: span.end, in: document.scalars)
                let utf8 = document.text.utf8
                let from = utf8.index(utf8.startIndex, offsetBy: start)
                let to = utf8.index(from, offsetBy: end - start)
                text = String(Substring(document.text.unicodeScalars[from..<to]))
            }
            return text
        }

        private mutating func byteOffset(of offset: Int, in scalars: [Unicode.Scalar]) -> Int {
            let (scalar, byte) = cursor
            let found = offset >= scalar ? byte + Self.utf8Count(scalars, scalar..<offset) : byte - Self.utf8Count(scalars, offset..<scalar)
            cursor = (offset, found)
            return found
        }

        /// The UTF-8 length of `scalars[range]`: a branch-free sum the compiler vectorises.
        private static func utf8Count(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
            scalars.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: UInt32.self) { values in
                    var total: UInt32 = 0 // a document's gap between two figures is far below 4 GB
                    for value in UnsafeBufferPointer(rebasing: values[range]) {
                        total &+= 1 &+ (value > 0x7F ? 1 : 0) &+ (value > 0x7FF ? 1 : 0) &+ (value > 0xFFFF ? 1 : 0)
                    }
                    return Int(total)
                }
            }
        }
    }

    static let maximumQuotedSentence = 400

    /// The sentence, or for a run-on one a window of it around the figure.
    static func quoted(_ sentence: TextSpan, around draft: Draft) -> TextSpan {
        guard sentence.length > maximumQuotedSentence else { return sentence }
        let reach = (maximumQuotedSentence - (draft.end - draft.start)) / 2
        return TextSpan(start: max(sentence.start, draft.start - reach), end: min(sentence.end, draft.end + max(0, reach)))
    }

    func finish(_ draft: Draft, in document: Document, listBoundary: Int?, timeBoundary: Int? = nil, timeBoundaryStart: Int? = nil,
                workspace: inout Workspace) -> Fact {
        let scalars = document.scalars
        let sentence = document.sentence(containing: draft.start) ?? TextSpan(start: draft.start, end: draft.end)
        let quoted = Self.quoted(sentence, around: draft)
        var subject: String?
        var direction: String?
        var approximate = draft.approximate
        var rule = draft.subject
        var kind = draft.kind, unit = draft.unit, end = draft.end
        // 年轻医生从三人增加到二十一人: a count whose next word is no noun after all is about the phrase before it.
        // 10人专程前来: 人 is itself the noun counted; a noun after it is none of the figure's.
        let personUnit = Self.hasPersonUnit(draft, scalars)
        if case .after = rule, draft.kind == .count, personUnit {
            rule = .before
        } else if case .after = rule, draft.kind == .count {
            subject = subjects.phraseAfter(draft.end, clauseEnd: min(sentence.end, draft.end + SubjectFinder.maximumClauseReach), scalars, throughCopula: false,
                                           scratch: &workspace.subjects).text
            rule = subject == nil ? .before : .none
        }
        switch rule {
        case .none:
            break
        case .fixed(let text):
            subject = text
        case .afterVerb:
            subject = subjects.objectAfterVerb(draft.end, clauseEnd: min(sentence.end, draft.end + SubjectFinder.maximumClauseReach), scalars,
                                               scratch: &workspace.subjects)
        case .after:
            // 第十三次党代会: the noun after an ordinal, never through 为 (一楼为地牢 is not about 地牢).
            subject = subjects.phraseAfter(draft.end, clauseEnd: min(sentence.end, draft.end + SubjectFinder.maximumClauseReach), scalars, throughCopula: false,
                                           scratch: &workspace.subjects).text
            // 名单第六名, 管内排行第93位: an ordinal that ends its clause ranks within the phrase before it.
            // (分别居全国第2位、第7位: so does the first of a list of ranks after 分别.)
            if subject == nil, draft.kind == .ordinal, draft.end >= sentence.end || SubjectFinder.isClauseBreak(scalars[draft.end])
                || scalars[draft.end] == "、" && draft.end + 1 < scalars.count && scalars[draft.end + 1] == "第"
                    && (max(sentence.start, draft.start - 10)..<draft.start).contains(where: { scalars[$0] == "分" && scalars[$0 + 1] == "别" }) {
                let clauseStart = SubjectFinder.clauseStart(before: draft.start, in: scalars, listBoundary: listBoundary, limit: sentence.start)
                subject = subjects.subject(in: scalars, clauseStart: clauseStart, figureStart: draft.start, figureEnd: draft.end, clauseEnd: draft.end,
                                           scratch: &workspace.subjects).subject
            }
        case .before:
            var clauseStart = SubjectFinder.clauseStart(before: draft.start, in: scalars, listBoundary: listBoundary, limit: sentence.start)
            let wholeClauseStart = clauseStart
            if let timeBoundary, timeBoundary > clauseStart, timeBoundary <= draft.start { clauseStart = timeBoundary }
            var clauseEnd = draft.end
            let clauseLimit = min(sentence.end, draft.end + SubjectFinder.maximumClauseReach)
            while clauseEnd < clauseLimit, !SubjectFinder.isClauseBreak(scalars[clauseEnd]), scalars[clauseEnd] != "、" { clauseEnd += 1 }
            // 10人专程前来: 人 is itself the noun counted; a noun after it is none of the figure's (but 11人是年轻教师).
            let personNoun = personUnit && draft.end < clauseEnd && !Self.copulas.contains(scalars[draft.end])
            let found = subjects.subject(in: scalars, clauseStart: clauseStart, figureStart: draft.start, figureEnd: draft.end,
                                         clauseEnd: clauseEnd, after: personNoun ? .none : draft.kind == .money ? .notPurpose : .any,
                                         scratch: &workspace.subjects)
            subject = found.subject
            // 森林覆盖率由2015年的38%, 地区生产总值在2023年突破1万亿元, 国民生产总值2004年增长5%: a year or date
            // between the subject and its predicate (with 的, or a short stretch that names nothing) leaves the
            // phrase before the year as the subject.
            // (Not for a length: 1953年到1980年的二十八年间 needs no subject.)
            if subject == nil, clauseStart > wholeClauseStart, draft.kind != .duration,
               draft.start == clauseStart + 1 && scalars[clauseStart] == "的" || draft.start - clauseStart <= Self.timeInsertReach,
               let timeStart = timeBoundaryStart, timeStart > wholeClauseStart {
                subject = subjects.subject(in: scalars, clauseStart: wholeClauseStart, figureStart: timeStart, figureEnd: timeStart, clauseEnd: timeStart,
                                           after: .none, scratch: &workspace.subjects).subject
            }
            // 有769,000人口, 六亿人民: the unit 人 that starts a noun the segmenter reads there (not 人参加) is part of that noun, what is counted.
            if personUnit, draft.unit?.unicodeScalars.count == 1, draft.end < clauseEnd,
               let noun = subjects.nounFromUnit(draft.end - 1, clauseEnd: clauseEnd, scalars, scratch: &workspace.subjects) {
                subject = noun
            }
            // 快一倍: a lone adjective character names a dimension only of a measure (叶长5厘米).
            if found.isDimension, draft.kind != .measure, draft.kind != .range { subject = nil }
            // 花梗绿色无毛，长约1.5－2厘米: a clause of a dimension alone measures the topic of the clauses before it.
            if found.isDimension, draft.kind == .measure || draft.kind == .range, clauseStart == wholeClauseStart,
               let topic = subjects.descriptiveTopic(before: clauseStart, sentenceStart: sentence.start, scalars, scratch: &workspace.subjects) {
                subject = topic
            }
            // 签订合同4400余件: a count with a measure word counts things, not the verb that governs it; nor a
            // phrase of verbs alone (废止22件), unless 次, 回, 遍, 趟 count the doings (视察3次) or 人 the people
            // it happened to (起诉105人).
            if found.isVerb || found.isVerbPhrase && !Self.countsDoings(draft) && !personUnit, draft.kind == .count, draft.unit != nil { subject = nil }
            // 孵化出7家上市企业, 来自32个国家和地区的1500余名运动员: the noun after a measure word is what
            // is counted; 14篮板球、13助攻: so is a noun straight after a bare number.
            // 生2-3只蛋, 养殖两三头肉牛: a range of a count unit counts the noun after it, as a count does.
            let countRange = draft.kind == .range && !personNoun && Self.hasCountUnit(draft, scalars, units: units)
            let countsAfter = draft.kind == .count && draft.unit != nil && !personNoun || draft.kind == .number && draft.unit == nil || draft.kind == .percent
                || countRange
            let after = countsAfter ? subjects.phraseAfter(draft.end, clauseEnd: clauseEnd, scalars, scratch: &workspace.subjects) : (text: nil, head: nil)
            if draft.kind == .number, draft.unit == nil, found.subject != nil, let head = after.head, let text = after.text,
               head.end - draft.end >= 2, head.end == clauseEnd, let last = units.unit(at: head.end - 1, in: scalars, end: head.end),
               last.kind == .count, last.text.count == 1 {
                // 吞吐量3520万标准箱: a noun phrase ending in a count unit (箱) that ends the clause is the unit as
                // written; what is counted is the indicator named before.
                kind = .count
                unit = text
                end = head.end
            } else if countsAfter, let counted = after.text {
                subject = counted
            } else if draft.kind == .measure || draft.kind == .money || draft.kind == .range, found.isFallback || draft.start > 0 && scalars[draft.start - 1] == "、",
                      case let after = subjects.phraseAfter(draft.end, clauseEnd: clauseEnd, scalars, scratch: &workspace.subjects),
                      let counted = after.text, let head = after.head,
                      draft.kind != .money || !subjects.isPurposeClause(after: draft.end, head: head, scalars, scratch: &workspace.subjects) {
                // 承包了120亩荒山: where nothing but the verb stands before, the noun after the unit is what is measured;
                // so in a list (加固46座水库、210公里堤防), where the phrase before belongs to the item before.
                subject = counted
            }
            // 全程：$18, 总投资：12亿元: a figure right after the colon of a short label is about the label.
            if clauseStart == draft.start, draft.start >= 2, scalars[draft.start - 1] == "：" || scalars[draft.start - 1] == ":" {
                let colon = draft.start - 1
                let labelStart = SubjectFinder.clauseStart(before: colon, in: scalars, listBoundary: nil, limit: sentence.start)
                if colon - labelStart <= Self.labelLength, colon > labelStart,
                   let label = subjects.subject(in: scalars, clauseStart: labelStart, figureStart: colon, figureEnd: colon, clauseEnd: colon,
                                                after: .none, scratch: &workspace.subjects).subject {
                    subject = label
                }
            }
            direction = found.direction
            approximate = approximate || found.approximate
            // 日本(22.3%): a figure in brackets is about the noun before them.
            if subject == nil, draft.start > 0, scalars[draft.start - 1] == "（" || scalars[draft.start - 1] == "(" {
                let bracket = draft.start - 1
                let start = SubjectFinder.clauseStart(before: bracket, in: scalars, listBoundary: nil, limit: sentence.start)
                subject = subjects.subject(in: scalars, clauseStart: start, figureStart: bracket, figureEnd: bracket, clauseEnd: bracket,
                                           scratch: &workspace.subjects).subject
            }
        }
        // 以21亿美元并购…, 以4,791票的高票连任: a means is named by the verb after it (money) or by nothing.
        if draft.start >= 1, scalars[draft.start - 1] == "以", !Self.isTimeOrRank(kind), end >= scalars.count || scalars[end] != "比" {
            var clauseEnd = end
            while clauseEnd < sentence.end, !SubjectFinder.isClauseBreak(scalars[clauseEnd]) { clauseEnd += 1 }
            if subjects.isMeans(figureStart: draft.start, figureEnd: end, clauseEnd: clauseEnd, scalars) {
                subject = kind == .money ? subjects.verbAfterMeans(end, clauseEnd: clauseEnd, scalars, scratch: &workspace.subjects) : nil
            }
        }
        // GUIDELINE: ages (35岁, 享年74岁) need no subject; the person is no quantity's name.
        if let unit = draft.unit?.unicodeScalars, unit.first == "岁", unit.count == 1 { subject = nil }
        if draft.unit == "番" { direction = "up" } // 翻一番: 翻 is inside the span
        if draft.kind == .year || draft.kind == .date || draft.kind == .formula { direction = nil }
        // 常住人口城镇化率提高到67%, 增至, 跌至: the level a change reaches, not its amount (GUIDELINE).
        if direction != nil, Self.isLevelReached(before: draft.start, scalars) { direction = nil }
        // 总投资超4.4万亿元: 超 is a bound (atLeast), not a change, unless a change verb comes before it (增长超5%).
        if direction == "up", draft.start >= 2, scalars[draft.start - 1] == "超", !Self.changeVerbEndings.contains(scalars[draft.start - 2]) {
            direction = nil
        }
        let qualifiers = cues.qualifiers(start: draft.start, end: draft.end, in: scalars, limit: sentence.start..<sentence.end)
        var modality: String?
        if Self.isQuantity(draft.kind) {
            if workspace.targetCues == nil { workspace.targetCues = cues.targetPositions(in: scalars) }
            if workspace.layout == nil { workspace.layout = planParts.layout(of: document) }
            let layout = workspace.layout ?? PlanParts.Layout()
            let positions = workspace.targetCues ?? []
            if workspace.cueActs.count != positions.count { workspace.cueActs = [UInt8](repeating: 0, count: positions.count) }
            var cue = cues.governingCue(figureStart: draft.start, sentenceStart: sentence.start, positions: positions, in: scalars)
            while let index = cue {
                // Asked once per cue (0: not yet, 1: acts as a cue, 2: names a plan, 规划体系).
                if workspace.cueActs[index] == 0 {
                    workspace.cueActs[index] = subjects.actsAsTargetCue(at: positions[index], in: scalars, scratch: &workspace.subjects) ? 1 : 2
                }
                if workspace.cueActs[index] == 1 { break }
                cue = index == 0 ? nil : cues.governingCue(figureStart: draft.start, sentenceStart: sentence.start, positions: positions, in: scalars, from: index - 1)
            }
            // No cue in the figure's sentence or statement: a list of targets, or the plan part of a report,
            // unless the sentence speaks of the past.
            if let index = cue, planParts.isEstimateInReview(cue: positions[index], figureStart: draft.start, layout: layout, in: scalars) {
                cue = nil
            }
            let planned = cue != nil
                || ((cues.inTargetList(figureStart: draft.start, positions: positions, in: scalars)
                     || planParts.contains(draft.start, parts: layout.plans))
                    && !planParts.speaksOfPast(sentenceStart: sentence.start, figureStart: draft.start, in: scalars))
            modality = planned ? "target" : "actual"
        }
        approximate = approximate || qualifiers.approximate
        var fact = Fact(kind: kind, value: Self.rounded(draft.value), unit: unit, subject: subject,
                    text: document.text(TextSpan(start: draft.start, end: end)), start: draft.start, end: end,
                    sentence: workspace.sentences.text(of: quoted, in: document), sentenceStart: quoted.start, sentenceEnd: quoted.end,
                    sentenceClipped: quoted == sentence ? nil : true,
                    direction: direction, approximate: approximate ? true : nil, low: draft.low.map(Self.rounded),
                    high: draft.high.map(Self.rounded), date: draft.date)
        fact.atLeast = qualifiers.atLeast || draft.atLeast ? true : nil
        fact.atMost = qualifiers.atMost ? true : nil
        fact.modality = modality
        return fact
    }

    private static let copulas: ScalarList = "为是"

    /// Whether the figure follows 到 or 至 glued to the verb of a change (提高到, 增至, 下降到约), not 不到,
    /// 截至, 直到 or 以至.
    static func isLevelReached(before start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = start
        while index > 0, scalars[index - 1] == " " || levelQualifiers.contains(scalars[index - 1]) { index -= 1 }
        guard index >= 2, scalars[index - 1] == "到" || scalars[index - 1] == "至" else { return false }
        return changeVerbEndings.contains(scalars[index - 2])
    }

    /// 突破, 达到, 增至, 首次突破: between the clause's start (，、；) and the figure only a short verb of reaching,
    /// ending in 到, 至, 达, 破, 过 or 超 (a qualifier 约, 近 may follow it).
    static func isBareLevelClause(before start: Int, limit: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var end = start
        while end > limit, levelQualifiers.contains(scalars[end - 1]) { end -= 1 }
        var clause = end
        while clause > limit, end - clause <= 4, ScriptClass.isHan(scalars[clause - 1]) { clause -= 1 }
        guard clause > limit, clause < end, end - clause <= 4, "，、；,".unicodeScalars.contains(scalars[clause - 1]) else { return false }
        return reachingEndings.contains(scalars[end - 1])
    }

    private static let reachingEndings: ScalarList = "到至达破过超"

    /// 约 and 近 may stand between 到 and the level (提高到约67%).
    private static let levelQualifiers: ScalarList = "约近"
    /// The last character of a change verb: 提高, 增长, 增加, 上升, 扩大, 提升, 下降, 降低, 减少, 缩小, 回落, 升, 增, 降, 跌, 涨, 减.
    private static let changeVerbEndings: ScalarList = "高长加升大降低少小落增跌涨减"

    /// 次, 回, 遍, 趟: measure words that count what is done, so the verb names what is counted.
    static func countsDoings(_ draft: Draft) -> Bool {
        guard let unit = draft.unit?.unicodeScalars, let first = unit.first, unit.index(after: unit.startIndex) == unit.endIndex else { return false }
        return Self.verbalMeasures.contains(first)
    }

    private static let verbalMeasures: ScalarList = "次回遍趟"

    /// Whether the unit is 人 or 人次 (by its scalars: comparing non-ASCII Strings normalises them first).
    static func hasPersonUnit(_ draft: Draft, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let unit = draft.unit?.unicodeScalars, unit.first == "人" else { return false }
        let second = unit.index(after: unit.startIndex)
        return second == unit.endIndex || unit[second] == "次" && unit.index(after: second) == unit.endIndex
    }
    /// How long a label before a colon may be (全程, 总投资, 计划总投资).
    private static let labelLength = 8

    /// 服务业和制造业则分别占了36.9%: the items of a subject that names two or more things joined by 和/与/及/、, when
    /// 分别 stands between it and the figure; items before the subject that only 、 separates from it are items too
    /// (通信器材类、新能源汽车零售额: the finder stopped at 、). Items of one to ten characters, the last up to sixteen.
    /// A last item of several words after items of one word, or one whose last word names a quantity, shares that
    /// head with them (钢材、电解铜、多晶硅产量 → 钢材产量…; 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入;
    /// 机场旅客和国际货邮吞吐量 → 机场旅客吞吐量), unless the items end alike (民营企业、外资企业). A subject that
    /// starts with a word naming two things (城乡) is those two items when a second figure follows.
    func respectiveItems(_ subject: String, before figureStart: Int, end figureEnd: Int, _ scalars: [Unicode.Scalar]) -> [String]? {
        let reach = max(0, figureStart - 8)
        guard figureStart >= 2, let respectively = (reach..<(figureStart - 1)).first(where: { scalars[$0] == "分" && scalars[$0 + 1] == "别" })
        else { return nil }
        let text = earlierItems(of: Array(subject.unicodeScalars), before: respectively, scalars) + Array(subject.unicodeScalars)
        guard text.contains(where: { Self.itemJoiners.contains($0) }) else {
            guard Self.hasNextInList(after: figureEnd, scalars), let pair = subjects.pairItems(text) else { return nil }
            return pair.map { String(String.UnicodeScalarView($0)) }
        }
        // Split at the words 和, 与, 及 and at 、 (not inside 普及率).
        var scratch = Segmenter.Scratch()
        var items: [[Unicode.Scalar]] = [], itemStart = 0
        for token in subjects.segmenter.tokens(in: text, range: 0..<text.count, scratch: &scratch)
            where token.length == 1 && Self.itemJoiners.contains(text[token.start]) {
            items.append(Array(text[itemStart..<token.start]))
            itemStart = token.end
        }
        items.append(Array(text[itemStart...]))
        guard items.count >= 2, items.dropLast().allSatisfy({ (1...10).contains($0.count) }), let last = items.last, (1...16).contains(last.count)
        else { return nil }
        if last.last != items[0].last {
            let words = subjects.segmenter.tokens(in: last, range: 0..<last.count, scratch: &scratch)
            let first = items[0]
            // After one-word items, the last item's words as long as the first item, else its first word, are the
            // parallel item and the rest is shared (绿电、绿证交易规模 → 绿电交易规模; 城镇居民、农村居民人均可支配收入;
            // 粮食、油料作物种植面积). Not a first word of one character (家电、新能源汽车零售额: 新 qualifies 能源;
            // then only a head that names a quantity is shared).
            let parallelEnd = words.contains { $0.end == first.count } ? first.count : words[0].length >= 2 ? words[0].end : last.count
            let single = parallelEnd < last.count && items.dropLast().allSatisfy { item in
                subjects.segmenter.tokens(in: item, range: 0..<item.count, scratch: &scratch).count == 1
            }
            if words.count >= 2, let head = words.last, head.kind == .word, single || subjects.namesQuantity(head, last) {
                let shared = single ? last[parallelEnd..<head.end] : last[head.start..<head.end]
                // (游客人数和旅游收入: an item that names its own quantity keeps it.)
                for index in items.indices.dropLast() {
                    let own = subjects.segmenter.tokens(in: items[index], range: 0..<items[index].count, scratch: &scratch)
                    if let end = own.last, subjects.namesQuantity(end, items[index]) { continue }
                    items[index] += shared
                }
            }
        }
        guard items.allSatisfy({ $0.count >= 2 }) else { return nil }
        return items.map { String(String.UnicodeScalarView($0)) }
    }

    /// 六大优势产业、高技术制造业、绿色低碳优势产业增加值分别: the items, each closed by 、, that stand right before
    /// the subject (found where it ends before 分别), back to the clause's start; empty when 、 does not precede it.
    func earlierItems(of subject: [Unicode.Scalar], before respectively: Int, _ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !subject.isEmpty, respectively >= subject.count else { return [] }
        var start = respectively - subject.count
        let lowest = max(0, start - 4) // 则, 都, 也 and a few more between the subject and 分别
        while start >= lowest, !scalars[start..<(start + subject.count)].elementsEqual(subject) { start -= 1 }
        guard start >= lowest, start >= 2, scalars[start - 1] == "、" else { return [] }
        var first = start - 1
        while first > 0, start - first < 40, ScriptClass.isHan(scalars[first - 1]) || scalars[first - 1] == "、" { first -= 1 }
        // (2007年中、高等职业教育: an item glued to a number is part of a time or an amount.)
        guard first < start - 1, scalars[first] != "、", first == 0 || !("0"..."9").contains(scalars[first - 1]) else { return [] }
        // 其中社会资本投资、工业技改投资: a pronoun, adverb or conjunction opening the clause is no part of the item.
        var scratch = Segmenter.Scratch()
        if let opening = subjects.segmenter.tokens(in: scalars, range: first..<start, scratch: &scratch).first,
           [.pronoun, .adverb, .conjunction, .preposition].contains(subjects.classOf(opening, scalars)) {
            first = opening.end
        }
        // 一、二、三产, 第一、第三产业: items that are numerals alone are abbreviations, not names to repeat.
        var itemStart = first
        for index in first..<start where scalars[index] == "、" {
            guard index - itemStart >= 2, !(index - itemStart == 2 && (scalars[itemStart] == "第" || Self.isNumeral(scalars[itemStart]))) else { return [] }
            itemStart = index + 1
        }
        return Array(scalars[first..<start])
    }

    private static let numerals: ScalarList = "一二三四五六七八九十两"
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool { numerals.contains(scalar) }

    /// 4.7%、6.6%: another figure of the list follows (after a qualifier and 、, 和, 与 or 及).
    static func hasNextInList(after end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var next = end
        while next < scalars.count, next - end < 3, Self.listQualifiers.contains(scalars[next]) { next += 1 }
        guard next + 1 < scalars.count, Self.itemJoiners.contains(scalars[next]) else { return false }
        return ("0"..."9").contains(scalars[next + 1])
    }

    private static let itemJoiners: ScalarList = "和与及、"

    /// 36.9%和18.8%, 4.3%、6.1%: the next figure of a list (a qualifier may close the one before).
    static func isRespectiveContinuation(from end: Int, to start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start > end, start - end <= 3, Self.itemJoiners.contains(scalars[start - 1]) else { return false }
        return scalars[end..<(start - 1)].allSatisfy { Self.listQualifiers.contains($0) }
    }

    private static let listQualifiers: ScalarList = "以上左右下内多余"

    /// 4.3%、6.1% and 3.5%以上、7%左右: between two figures only a qualifier and 、.
    static func isListContinuation(from end: Int, to start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start > end, start - end <= 3, scalars[start - 1] == "、" else { return false }
        return scalars[end..<(start - 1)].allSatisfy { Self.listQualifiers.contains($0) }
    }

    static func opensBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == "（" || scalar == "(" }

    /// 4080亿美元（平均4600美元: between two figures an opening bracket and at most two Han characters.
    static func isBracketed(from end: Int, to start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start > end, start - end <= 3, opensBracket(scalars[end]) else { return false }
        return scalars[(end + 1)..<start].allSatisfy(ScriptClass.isHan)
    }

    /// 增加到, 跌至, 提高到: between two figures a few characters of a verb ending in 至 or 到 (or 提高到去年的: then
    /// a time and 的).
    static func isChangeTo(from end: Int, to start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start - end >= 1, start - end <= 8, scalars[end..<start].allSatisfy(ScriptClass.isHan) else { return false }
        if start - end <= 4, scalars[start - 1] == "至" || scalars[start - 1] == "到" { return true }
        return start - end <= 8 && scalars[start - 1] == "的" && scalars[end..<start].contains { $0 == "至" || $0 == "到" }
    }

    /// Years, dates, durations and ordinals: passed over when a bare change looks for its figure.
    static func isTimeOrRank(_ kind: FactKind) -> Bool {
        switch kind {
        case .year, .date, .duration, .ordinal: return true
        default: return false
        }
    }

    /// Amounts carry a modality; years, dates, ordinals and formulations do not.
    static func isQuantity(_ kind: FactKind) -> Bool {
        switch kind {
        case .year, .date, .ordinal, .formula: return false
        default: return true
        }
    }

    /// Where the statement around a sentence starts: sentences joined by ； belong to the
    /// colon that introduces them (预期目标是：…；…；…). Back to the last 。！？ or line break.
    static func statementStart(before sentenceStart: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = sentenceStart
        let limit = max(0, sentenceStart - 300)
        while index > limit {
            switch scalars[index - 1] {
            case "。", "！", "？", "!", "?", "\n", "\r": return index
            default: index -= 1
            }
        }
        return index
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
