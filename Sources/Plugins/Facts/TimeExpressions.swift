import AnalyticsCore
import Foundation

/// Time expressions that span two numbers or need a word before them: centuries and decades
/// (19世纪 → 1801–1900, 20世纪70年代 and 七十年代 → 1970–1979), reign-era and BC years (光绪28年 →
/// 1902, 前480年 → −480), times of day (20:30 → 2030) and ratios (1:2 → 0.5).
struct TimeExpressions: Sendable {
    /// Era name → the Gregorian year of its year 1 (Resources/eras.tsv).
    private let eras: [(name: [Unicode.Scalar], firstYear: Int)]
    /// The eras by the last scalar of their name, the one right before the number (in table order).
    private let erasByLast: ScalarGroups<(name: [Unicode.Scalar], firstYear: Int)>
    /// Parts of the day before a time (上午, 晚) and the hours they add (Resources/dayparts.tsv), longest first.
    private let dayParts: [(word: [Unicode.Scalar], hours: Int)]

    init() throws {
        let partsText = try ResourceLocator.text(of: "dayparts.tsv", target: "FactsPlugin", what: "the facts day parts")
        dayParts = TabSeparated.lines(partsText).compactMap { fields -> (word: [Unicode.Scalar], hours: Int)? in
            guard fields.count == 2, let hours = Int(fields[1]) else { return nil }
            return (Array(fields[0].unicodeScalars), hours)
        }.sorted { $0.word.count > $1.word.count }
        let text = try ResourceLocator.text(of: "eras.tsv", target: "FactsPlugin", what: "the facts era table")
        eras = TabSeparated.lines(text).compactMap { fields in
            guard fields.count == 2, let year = Int(fields[1]) else { return nil }
            return (Array(fields[0].unicodeScalars), year)
        }
        erasByLast = ScalarGroups(eras.compactMap { era in era.name.last.map { ($0, era) } })
    }

    private static func integer(_ match: NumberMatch) -> Int? {
        guard match.value == match.value.rounded(), match.value >= 0, match.value < 1e6, !match.isPercent, !match.isOrdinal,
              !match.isFraction else { return nil }
        return Int(match.value)
    }

    private static func word(_ word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private static func word(_ scalar: Unicode.Scalar, at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        index >= 0 && index < scalars.count && scalars[index] == scalar
    }

    /// Around a three-digit number, what makes 300年 a length, not a year.
    private static let lengthFollowers: ScalarList = "来间多内后前以左的历里之半"
    private static let lengthLeaders: ScalarList = "约近达了过逾超余用历经第"

    private static let century: [Unicode.Scalar] = ["世", "纪"], decade: [Unicode.Scalar] = ["年", "代"], grade: [Unicode.Scalar] = ["年", "级"]
    private static let bc: [Unicode.Scalar] = ["公", "元", "前"], ad: [Unicode.Scalar] = ["公", "元"], season: [Unicode.Scalar] = ["赛", "季"]

    /// The expression starting with `matches[index]`, and how many matches it takes.
    func draft(at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar], consumed: inout Int) -> FactBuilder.Draft? {
        let match = matches[index]
        if let ratio = Self.ratio(at: index, matches, scalars, consumed: &consumed) { return ratio }
        guard let number = Self.integer(match) else { return nil }
        let after = match.end
        guard after < scalars.count else { return nil }
        switch scalars[after] {
        case "世", "年", "赛", ":", "：", "∶": break
        case "时", "点":
            // 凌晨5时, 晚8点: a time of day after a part of the day (a date before it joins it in FactBuilder.date).
            // Without one, Arabic digits before 时 are a clock time too (23时30分, 19时); 点 is not (三点建议, 3点意见).
            let part = dayParts.first(where: { Self.word($0.word, at: match.start - $0.word.count, scalars) })
            guard part != nil || (scalars[after] == "时" && match.form == .arabic && match.isDigitSequence) else { return nil }
            let start = match.start - (part?.word.count ?? 0)
            guard let time = time(at: start, index, matches, scalars) else { return nil }
            consumed = time.consumed
            var draft = FactBuilder.Draft(kind: .date, value: Double(time.hour * 100 + time.minute), bareValue: 0, start: start, end: time.end)
            draft.subject = .none
            return draft
        default: return nil
        }
        let next = index + 1 < matches.count ? matches[index + 1] : nil
        // Centuries, and a decade inside one.
        if Self.word(Self.century, at: after, scalars), (1...30).contains(number) {
            if let next, next.start == after + 2, let tens = Self.integer(next), tens % 10 == 0, tens < 100,
               Self.word(Self.decade, at: next.end, scalars) {
                consumed = 2
                return yearRange(match.start, next.end + 2, low: (number - 1) * 100 + tens, high: (number - 1) * 100 + tens + 9, unit: "年代")
            }
            return yearRange(match.start, after + 2, low: (number - 1) * 100 + 1, high: number * 100, unit: "世纪")
        }
        // Decades: 1960年代, 七十年代 (this genre's decades without a century are the 1900s).
        if Self.word(Self.decade, at: after, scalars), number % 10 == 0 {
            if match.integerDigits == 4 || (match.isDigitSequence && (1000...2990).contains(number)) {
                return yearRange(match.start, after + 2, low: number, high: number + 9, unit: "年代")
            }
            if (10...90).contains(number) {
                return yearRange(match.start, after + 2, low: 1900 + number, high: 1909 + number, unit: "年代")
            }
        }
        // Years of an era, BC years, 公元 years, three-digit years.
        if Self.word("年" as Unicode.Scalar, at: after, scalars), !Self.word(Self.decade, at: after, scalars), !Self.word(Self.grade, at: after, scalars) {
            if match.start > 0, let era = erasByLast.members(of: scalars[match.start - 1]).first(where: { Self.word($0.name, at: match.start - $0.name.count, scalars) }),
               number >= 1, number < 100 {
                return year(match.start - era.name.count, after + 1, era.firstYear + number - 1)
            }
            if Self.word(Self.bc, at: match.start - 3, scalars) {
                return year(match.start - 3, after + 1, -number)
            }
            if Self.word("前" as Unicode.Scalar, at: match.start - 1, scalars), match.form == .arabic, number >= 100 {
                return year(match.start - 1, after + 1, -number)
            }
            if Self.word(Self.ad, at: match.start - 2, scalars), number >= 1 {
                return year(match.start - 2, after + 1, number)
            }
            if match.form == .arabic, match.isDigitSequence, match.integerDigits == 3, number >= 100, isYearContext(match, scalars) {
                return year(match.start, after + 1, number)
            }
        }
        // 2008赛季, 2016年度 without 年: a four-digit year before a season.
        if match.isDigitSequence, match.integerDigits == 4, (1000...2999).contains(number), Self.word(Self.season, at: after, scalars) {
            return year(match.start, after, number)
        }
        // 20:30 (a time of day) and 1:2 (a ratio).
        if let next, after < scalars.count, scalars[after] == ":" || scalars[after] == "：" || scalars[after] == "∶",
           next.start == after + 1 || (next.start == after + 2 && scalars[after + 1] == " "),
           match.form == .arabic, next.form == .arabic, match.isDigitSequence, next.isDigitSequence, let second = Self.integer(next) {
            consumed = 2
            if next.integerDigits == 2, match.integerDigits <= 2, number < 24, second < 60, next.start == after + 1 {
                var draft = FactBuilder.Draft(kind: .date, value: Double(number * 100 + second), bareValue: 0, start: match.start, end: next.end)
                draft.subject = .none
                return draft
            }
            guard second != 0 else { consumed = 1; return nil }
            return FactBuilder.Draft(kind: .number, value: Double(number) / Double(second), bareValue: Double(number) / Double(second),
                                     start: match.start, end: next.end)
        }
        return nil
    }

    private static func isRatioColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar == "：" || scalar == "∶" }

    /// 4.4:41.2:54.4 (三次产业结构), 1.5:1: a ratio with a decimal part or of three parts or more is one figure
    /// (GUIDELINE: a ratio is one number), value a/b for two parts and the first part for more; two integers
    /// (1:2, 20:30) are read below, as a ratio or a time of day.
    private static func ratio(at index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar], consumed: inout Int) -> FactBuilder.Draft? {
        let first = matches[index]
        guard first.end < scalars.count, isRatioColon(scalars[first.end]), first.form == .arabic, !first.isPercent, !first.isOrdinal else { return nil }
        var end = first.end, parts = 1, decimal = !first.isDigitSequence, second = 0.0
        while index + parts < matches.count, end < scalars.count, isRatioColon(scalars[end]) {
            let part = matches[index + parts]
            guard part.start == end + 1, part.form == .arabic, !part.isPercent, !part.isOrdinal, !part.isFraction else { break }
            if parts == 1 { second = part.value }
            decimal = decimal || !part.isDigitSequence
            end = part.end
            parts += 1
        }
        guard parts >= 3 || parts == 2 && decimal && second != 0 else { return nil }
        consumed = parts
        let value = parts == 2 ? first.value / second : first.value
        return FactBuilder.Draft(kind: .number, value: value, bareValue: value, start: first.start, end: end)
    }

    /// Whether a part of the day (上午, 晚) starts at `index`.
    func startsDayPart(at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        dayParts.contains { Self.word($0.word, at: index, scalars) }
    }

    /// The time of day at `start`: a part of the day (上午, optional), `matches[index]` with 时 or 点, and
    /// minutes (30分, 半). The hour in 24-hour form, where the expression ends, and the matches it takes.
    func time(at start: Int, _ index: Int, _ matches: [NumberMatch], _ scalars: [Unicode.Scalar]) -> (hour: Int, minute: Int, end: Int, consumed: Int)? {
        var position = start
        var added = 0
        if let part = dayParts.first(where: { Self.word($0.word, at: start, scalars) }) {
            position += part.word.count
            added = part.hours
        }
        guard index < matches.count, matches[index].start == position, let hour = Self.integer(matches[index]), hour <= 24,
              matches[index].form == .arabic || matches[index].end - matches[index].start <= 3 else { return nil }
        let after = matches[index].end
        guard after < scalars.count, scalars[after] == "时" || scalars[after] == "点" else { return nil }
        var end = after + 1
        var minute = 0
        var consumed = 1
        if end < scalars.count, scalars[end] == "半" {
            minute = 30
            end += 1
        } else if index + 1 < matches.count, matches[index + 1].start == end, let minutes = Self.integer(matches[index + 1]), minutes < 60,
                  matches[index + 1].end < scalars.count, scalars[matches[index + 1].end] == "分" {
            minute = minutes
            end = matches[index + 1].end + 1
            consumed = 2
        }
        return (added > 0 && hour < 12 ? hour + added : hour, minute, end, consumed)
    }

    /// 508年她…, 230年逝世: a three-digit number before 年 is a year unless it reads as a length
    /// (约300年, 300年来, 300年间, 300多年, 300年的历史).
    private func isYearContext(_ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Bool {
        let after = match.end + 1
        if after < scalars.count, Self.lengthFollowers.contains(scalars[after]) { return false }
        if match.start > 0, Self.lengthLeaders.contains(scalars[match.start - 1]) { return false }
        return true
    }

    private func year(_ start: Int, _ end: Int, _ value: Int) -> FactBuilder.Draft {
        var draft = FactBuilder.Draft(kind: .year, value: Double(value), bareValue: Double(value), start: start, end: end)
        draft.unit = "年"
        draft.date = String(value)
        draft.subject = .none
        return draft
    }

    private func yearRange(_ start: Int, _ end: Int, low: Int, high: Int, unit: String) -> FactBuilder.Draft {
        var draft = FactBuilder.Draft(kind: .range, value: Double(low), bareValue: Double(low), start: start, end: end)
        draft.unit = unit
        draft.low = Double(low)
        draft.high = Double(high)
        draft.subject = .none
        return draft
    }
}
