private let yearCompoundsScalars: ScalarList = "代度级间"
private let latinJoinersScalars: ScalarList = "-.'_&"
private let urlExcludedScalars: ScalarList = "\"<>`"
private let urlTrailersScalars: ScalarList = ".,;:!?)]'"

/// Tokens that are not Han words: numbers, Latin words, URLs, punctuation, whitespace, symbols.
/// They are cut before the dictionary sees the text, so 1954人次 never loses a digit, 23.4% and
/// 1,200 stay whole, and 2022年 stays whole when dates are kept whole.
enum PreTokenizer {
    static func token(at start: Int, in scalars: [Unicode.Scalar], end: Int, keepDatesWhole: Bool) -> Token {
        let scalar = WidthFolding.fold(scalars[start])
        if let urlEnd = url(at: start, in: scalars, end: end) {
            return Token(start: start, end: urlEnd, kind: .url)
        }
        switch ScriptClass.of(scalar) {
        case .digit:
            let numberEnd = number(at: start, in: scalars, end: end, keepDatesWhole: keepDatesWhole)
            // 5G, 1B, 3D: digits with letters straight after are one alphanumeric word.
            if numberEnd < end, ScriptClass.of(scalars[numberEnd]) == .latin, !scalars[start..<numberEnd].contains(where: { !isDigit(WidthFolding.fold($0)) }) {
                return Token(start: start, end: latinWord(at: start, in: scalars, end: end), kind: .latin)
            }
            return Token(start: start, end: numberEnd, kind: .number)
        case .latin:
            return Token(start: start, end: latinWord(at: start, in: scalars, end: end), kind: .latin)
        case .whitespace:
            var index = start + 1
            while index < end && ScriptClass.isWhitespace(scalars[index]) { index += 1 }
            return Token(start: start, end: index, kind: .whitespace)
        case .punctuation:
            // …… and —— are one mark each.
            var index = start + 1
            if scalar == "…" || scalar == "—" || scalar == "-" || scalar == "." {
                while index < end && scalars[index] == scalars[start] { index += 1 }
            }
            return Token(start: start, end: index, kind: .punctuation)
        case .han, .other:
            return Token(start: start, end: start + 1, kind: .symbol)
        }
    }

    private static func folded(_ scalars: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar {
        WidthFolding.fold(scalars[index])
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// 1954, 23.4%, 1,200, 2022年, 3月, 5日; separators only between digits.
    static func number(at start: Int, in scalars: [Unicode.Scalar], end: Int, keepDatesWhole: Bool) -> Int {
        var index = start
        while index < end {
            let scalar = folded(scalars, index)
            if isDigit(scalar) {
                index += 1
            } else if (scalar == "." || scalar == ",") && index + 1 < end && isDigit(folded(scalars, index + 1)) && index > start {
                index += 1
            } else {
                break
            }
        }
        let digits = scalars[start..<index].filter { isDigit(WidthFolding.fold($0)) }.count
        guard index < end else { return index }
        let next = folded(scalars, index)
        if next == "%" || next == "‰" { return index + 1 }
        guard keepDatesWhole else { return index }
        // 1960年代, 2022年度: 年 belongs to the word after it.
        if next == "年", index + 1 < end, yearCompoundsScalars.contains(scalars[index + 1]) { return index }
        let value = digits <= 4 ? Int(String(String.UnicodeScalarView(scalars[start..<index].map(WidthFolding.fold)))) : nil
        switch next {
        case "年" where digits == 4: return index + 1
        case "月" where (1...12).contains(value ?? 0): return index + 1
        case "日", "号": return (1...31).contains(value ?? 0) && isDatePart(before: start, in: scalars) ? index + 1 : index
        default: return index
        }
    }

    /// 5日 is a date only after a month (3月5日); alone it may be a count of days.
    private static func isDatePart(before start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        start > 0 && scalars[start - 1] == "月"
    }

    /// Letters and digits, joined by - . ' _ & when a letter or digit follows (A-AVG, U.S., AT&T).
    static func latinWord(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> Int {
        var index = start
        while index < end {
            let script = ScriptClass.of(scalars[index])
            if script == .latin || script == .digit {
                index += 1
                continue
            }
            let scalar = folded(scalars, index)
            if latinJoinersScalars.contains(scalar), index + 1 < end {
                let following = ScriptClass.of(scalars[index + 1])
                if following == .latin || following == .digit {
                    index += 1
                    continue
                }
            }
            break
        }
        return index
    }

    /// http://…, https://…, www.…: up to whitespace, CJK or closing punctuation.
    static func url(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> Int? {
        let head = scalars[start].value
        guard head == 0x68 || head == 0x77 || head == 0x48 || head == 0x57 else { return nil } // h w H W
        let prefixes = ["http://", "https://", "www."]
        guard prefixes.contains(where: { hasPrefix($0, at: start, in: scalars, end: end) }) else { return nil }
        var index = start
        while index < end {
            let value = scalars[index].value
            guard value > 0x20 && value < 0x7F, !urlExcludedScalars.contains(scalars[index]) else { break }
            index += 1
        }
        while index > start, urlTrailersScalars.contains(scalars[index - 1]) { index -= 1 }
        return index > start + 4 ? index : nil
    }

    private static func hasPrefix(_ prefix: String, at start: Int, in scalars: [Unicode.Scalar], end: Int) -> Bool {
        var index = start
        for expected in prefix.unicodeScalars {
            guard index < end, scalars[index].value < 0x80, Unicode.Scalar(UInt8(scalars[index].value | 0x20)) == expected || scalars[index] == expected else { return false }
            index += 1
        }
        return true
    }
}
