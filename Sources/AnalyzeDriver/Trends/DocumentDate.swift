import Foundation

/// A document's date, as far as it is known (a year, a month or a day), and where it came from.
public struct DocumentDate: Sendable, Equatable, Comparable {
    public enum Origin: String, Sendable, Codable {
        /// A date line among the document's opening lines (——2024年3月5日在第十四届…).
        case text
        /// The `date` field of the jsonl record.
        case record
        /// A year (or year-month-day) in the file name or id.
        case name
        /// `--dates FILE`.
        case dates
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    public let origin: Origin

    public init?(year: Int, month: Int? = nil, day: Int? = nil, origin: Origin) {
        guard (1900...2100).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) || month == nil { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.origin = origin
    }

    /// ISO 8601 as far as known: 2024, 2024-03, 2024-03-05.
    public var iso: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    /// Days since 1970-01-01 of the first day the date can mean (for weeks and ordering).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let m = month ?? 1, d = day ?? 1
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func < (a: DocumentDate, b: DocumentDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public static func == (a: DocumentDate, b: DocumentDate) -> Bool {
        a.year == b.year && a.month == b.month && a.day == b.day
    }
}

/// Finds documents' dates: a date line among the opening lines, else the jsonl record's `date`,
/// else a year in the file name or id; `--dates FILE` overrides all three.
public enum DocumentDating {
    /// How far into a document a date line may be: the title block of a report or an article.
    static let openingLines = 15
    static let openingScalars = 3000

    /// The first line among the opening lines that starts with a date of at least year and month,
    /// after dashes, brackets and spaces (——2024年3月5日在…, （2017年10月18日）, 2025年1月20日在…).
    /// A year alone does not count: 2023年是… opens body text.
    public static func fromText(_ scalars: [Unicode.Scalar]) -> DocumentDate? {
        var lineStart = 0, lines = 0
        let limit = min(scalars.count, openingScalars)
        while lineStart < limit && lines < openingLines {
            var lineEnd = lineStart
            while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
            var index = lineStart
            while index < lineEnd && leading.contains(scalars[index]) { index += 1 }
            if index < lineEnd {
                lines += 1
                if let date = parseChinese(scalars, from: index, end: lineEnd, origin: .text), date.month != nil { return date }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// A jsonl record's `date`: ISO (2024-03-05, 2024-03, 2024, with a time after) or Chinese (2024年3月5日).
    public static func fromRecord(_ value: String) -> DocumentDate? {
        let scalars = Array(value.unicodeScalars)
        return parseISO(scalars, origin: .record) ?? parseChinese(scalars, from: 0, end: scalars.count, origin: .record)
    }

    /// A year 1900–2100 in the last path component (or id), as four digits not inside a longer
    /// number; month and day after it when the name has them (2024-03-05, 20240305, 2024_03).
    public static func fromName(_ source: String) -> DocumentDate? {
        let name = Array(((source as NSString).lastPathComponent).unicodeScalars)
        var index = 0
        while index < name.count {
            guard isDigit(name[index]) else { index += 1; continue }
            var end = index
            while end < name.count && isDigit(name[end]) { end += 1 }
            let run = Array(name[index..<end])
            if run.count == 4, let date = DocumentDate(year: number(run[...]), origin: .name) {
                return withMonthAndDay(date, name, after: end)
            }
            if run.count == 8, let year = Optional(number(run[0..<4])),
               let date = DocumentDate(year: year, month: number(run[4..<6]), day: number(run[6..<8]), origin: .name) {
                return date
            }
            index = end
        }
        return nil
    }

    /// `--dates FILE`: CSV lines `source,date` (a header line is skipped); sources match exactly or by file name.
    public static func parseDatesFile(_ text: String) -> (dates: [String: DocumentDate], errors: [String]) {
        var dates: [String: DocumentDate] = [:], errors: [String] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, let comma = trimmed.lastIndex(of: ",") else { continue }
            var source = String(trimmed[..<comma]).trimmingCharacters(in: .whitespaces)
            if source.hasPrefix("\"") && source.hasSuffix("\"") && source.count >= 2 {
                source = String(source.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            let value = String(trimmed[trimmed.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
            guard let parsed = fromRecord(value) else {
                if number > 0 { errors.append("line \(number + 1): '\(value)' is not a date (2024-03-05, 2024-03, 2024)") }
                continue
            }
            dates[source] = DocumentDate(year: parsed.year, month: parsed.month, day: parsed.day, origin: .dates)
        }
        return (dates, errors)
    }

    /// The date of one document by the rules' order.
    public static func date(source: String, scalars: [Unicode.Scalar], record: String?, overrides: [String: DocumentDate]) -> DocumentDate? {
        if let date = overrides[source] ?? overrides[(source as NSString).lastPathComponent] { return date }
        if let date = fromText(scalars) { return date }
        if let record, let date = fromRecord(record) { return date }
        return fromName(source)
    }

    /// Dated documents by date (ties keep input order), then undated ones in input order.
    public static func order(_ dates: [DocumentDate?]) -> [Int] {
        let dated = dates.indices.filter { dates[$0] != nil }.sorted { a, b in
            dates[a]! != dates[b]! ? dates[a]! < dates[b]! : a < b
        }
        return dated + dates.indices.filter { dates[$0] == nil }
    }

    // MARK: parsing

    private static let leading: Set<Unicode.Scalar> = ["—", "-", "－", "–", "（", "(", "【", "[", " ", "\u{3000}", "\t", "\r", "\u{FEFF}"]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { digit(scalar) != nil }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int {
        digits.reduce(0) { $0 * 10 + (digit($1) ?? 0) }
    }

    /// Chinese digits as a year is written: 二〇二四, 一九五四.
    private static let yearDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 2024年3月5日, 二〇二四年三月五日, 2024年3月 at `from`.
    static func parseChinese(_ s: [Unicode.Scalar], from start: Int, end: Int, origin: DocumentDate.Origin) -> DocumentDate? {
        var index = start
        var year = 0, count = 0
        while index < end, count < 4, let value = digit(s[index]) ?? yearDigits[s[index]] {
            year = year * 10 + value; count += 1; index += 1
        }
        guard count == 4, index < end, s[index] == "年" else { return nil }
        index += 1
        guard let month = smallNumber(s, &index, end: end), index < end, s[index] == "月" else {
            return DocumentDate(year: year, origin: origin)
        }
        index += 1
        if let day = smallNumber(s, &index, end: end), index < end, s[index] == "日" || s[index] == "号" {
            return DocumentDate(year: year, month: month, day: day, origin: origin)
        }
        return DocumentDate(year: year, month: month, origin: origin)
    }

    /// 1–31 in digits or Chinese numerals (三, 十二, 二十五, 卅一 not read).
    private static func smallNumber(_ s: [Unicode.Scalar], _ index: inout Int, end: Int) -> Int? {
        var value = 0, digits = 0
        while index < end, digits < 2, let d = digit(s[index]) { value = value * 10 + d; digits += 1; index += 1 }
        if digits > 0 { return value }
        let numerals: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var tens = 0, units = 0, seen = false
        if index < end, let d = numerals[s[index]], index + 1 < end, s[index + 1] == "十" { tens = d; index += 2; seen = true }
        else if index < end, s[index] == "十" { tens = 1; index += 1; seen = true }
        if index < end, let d = numerals[s[index]] { units = d; index += 1; seen = true }
        return seen ? tens * 10 + units : nil
    }

    /// 2024-03-05, 2024/03/05, 2024-03, 2024, optionally followed by a time (T…).
    private static func parseISO(_ s: [Unicode.Scalar], origin: DocumentDate.Origin) -> DocumentDate? {
        guard s.count >= 4, s[0..<4].allSatisfy(isDigit), s.count == 4 || !isDigit(s[4]) else { return nil }
        let year = number(s[0..<4])
        var parts: [Int] = []
        var index = 4
        while parts.count < 2, index + 1 < s.count, s[index] == "-" || s[index] == "/" || s[index] == "." {
            var end = index + 1
            while end < s.count && isDigit(s[end]) && end - index <= 2 { end += 1 }
            guard end > index + 1 else { break }
            parts.append(number(s[(index + 1)..<end]))
            index = end
        }
        if s.count > 4 && parts.isEmpty && s[4] != "T" && s[4] != " " { return nil }
        return DocumentDate(year: year, month: parts.first, day: parts.count > 1 ? parts[1] : nil, origin: origin)
    }

    private static func withMonthAndDay(_ date: DocumentDate, _ name: [Unicode.Scalar], after end: Int) -> DocumentDate {
        var index = end
        var parts: [Int] = []
        while parts.count < 2, index + 2 < name.count + 1, index < name.count, "-_.".unicodeScalars.contains(name[index]) {
            var stop = index + 1
            while stop < name.count && isDigit(name[stop]) { stop += 1 }
            guard stop - index - 1 == 2 else { break }
            parts.append(number(name[(index + 1)..<stop]))
            index = stop
        }
        guard let month = parts.first else { return date }
        return DocumentDate(year: date.year, month: month, day: parts.count > 1 ? parts[1] : nil, origin: .name)
            ?? DocumentDate(year: date.year, month: month, origin: .name) ?? date
    }
}
