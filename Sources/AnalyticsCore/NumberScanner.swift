import Foundation

/// A number found in text: Arabic (1,200.5, １９５４, -3, 1.2e5), Chinese (十四, 二十三万, 两千零五,
/// 壹佰, 二〇二二), mixed (3万, 1.2万亿, 300多万), fractions (五分之一, 百分之五十) and percentages
/// (5.1%, 3个百分点, 三成, 八折).
public struct NumberMatch: Sendable, Equatable {
    public enum Form: String, Sendable, Codable {
        case arabic, chinese, mixed
    }

    /// Scalar offsets of the whole match, suffixes (%, 个百分点, 成) and prefixes (第, 负) included.
    public var start: Int
    public var end: Int
    /// The normalised value: 1.2万亿 → 1.2e12; for percentages the number of percent (5.1% → 5.1).
    public var value: Double
    public var form: Form
    /// What the number is beyond its value: exactly one reading, so a match cannot be a percentage
    /// and an ordinal at once, or a fraction and a digit sequence.
    public enum Reading: Sendable, Equatable {
        /// An amount; `digitSequence`: digits only, without multipliers or separators (2022,
        /// 二〇二二), so it may be a year.
        case amount(digitSequence: Bool)
        /// %, 百分之, 成, 折, 千分之 (converted to percent).
        case percent
        /// 个百分点: a difference of percentages.
        case percentagePoint
        /// 第 before the number.
        case ordinal
        /// X分之Y (other than percentages), 3/5, 三百五十又三分之一.
        case fraction
    }

    public var reading: Reading = .amount(digitSequence: false)
    /// 多, 余, 几 inside (300多万, 二十几万): "more than", "some". Any reading can be approximate.
    public var isApproximate = false

    public var isPercent: Bool { reading == .percent || reading == .percentagePoint }
    public var isPercentagePoint: Bool { reading == .percentagePoint }
    public var isOrdinal: Bool { reading == .ordinal }
    public var isFraction: Bool { reading == .fraction }
    public var isDigitSequence: Bool { reading == .amount(digitSequence: true) }
    /// How many integer digits an Arabic number has (a year has four).
    public var integerDigits = 0
    /// The bare number without prefixes and suffixes (百分之五十 → 五十, 5.1% → 5.1), and its value.
    public var numberStart = 0
    public var numberEnd = 0
    public var numberValue = 0.0

    public var range: Range<Int> { start..<end }

    /// A number read by an analyzer's own rule (数千, 上万, 百余: a numeral the scanner leaves alone).
    public init(start: Int, end: Int, value: Double, form: Form, isApproximate: Bool = false) {
        self.start = start
        self.end = end
        self.value = value
        self.form = form
        self.isApproximate = isApproximate
        setBareNumber(start..<end, value: value)
    }

    /// The bare number is `range`, worth `value` (百分之«五十», «5.1»%, «百»分之百): what the
    /// match's prefixes, suffixes or set phrase leave out.
    mutating func setBareNumber(_ range: Range<Int>, value: Double) {
        numberStart = range.lowerBound
        numberEnd = range.upperBound
        numberValue = value
    }

    /// The match now ends at `end` with `value`, a number in its own right (a fraction, a mixed
    /// number, a power): the bare number is the whole match.
    mutating func extend(to end: Int, value: Double, isFraction: Bool) {
        self.value = value
        self.end = end
        reading = isFraction || self.isFraction ? .fraction : .amount(digitSequence: false)
        setBareNumber(start..<end, value: value)
    }
}

/// Chinese digits and units by code point, one byte each over the Basic Multilingual Plane: the
/// scanner asks about every character of a document, and a table beats a chain of comparisons.
enum NumeralTable {
    /// 0 none; 1…10 the digits 0…9; 11… an index into `units` + 11; `otherStart` for the other
    /// characters a number can start with (负, 第, 半, full-width digits and minus).
    static let codes: [UInt8] = {
        var codes = [UInt8](repeating: 0, count: 0x10000)
        let digits: [(String, UInt8)] = [("零〇○", 0), ("一壹幺", 1), ("二贰貳两兩倆俩", 2), ("三叁參", 3), ("四肆", 4), ("五伍", 5),
                                         ("六陆陸", 6), ("七柒", 7), ("八捌", 8), ("九玖", 9)]
        for (characters, digit) in digits {
            for scalar in characters.unicodeScalars { codes[Int(scalar.value)] = digit + 1 }
        }
        let unitCharacters = ["十拾", "百佰", "千仟", "万萬", "亿億", "兆", "廿", "卅"]
        for (index, characters) in unitCharacters.enumerated() {
            for scalar in characters.unicodeScalars { codes[Int(scalar.value)] = UInt8(11 + index) }
        }
        for scalar in "负負第−－半０１２３４５６７８９".unicodeScalars { codes[Int(scalar.value)] = otherStart }
        return codes
    }()
    static let otherStart: UInt8 = 255
    static let units: [Double] = [10, 100, 1000, 1e4, 1e8, 1e12, 20, 30]
}

/// Finds numbers in Unicode scalars. Scalar-level, allocation-free per character: it is run over
/// whole documents.
public enum NumberScanner {
    /// Every number in `scalars[range]`, left to right, not overlapping.
    public static func matches(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [NumberMatch] {
        let range = range ?? 0..<scalars.count
        var result: [NumberMatch] = []
        var index = range.lowerBound
        let codes = NumeralTable.codes // once: static access in the loop costs a swift_once check each time
        while index < range.upperBound {
            // Fast path: most characters cannot start a number.
            let value = scalars[index].value
            if value >= 0x80 && value < 0x10000 && codes[Int(value)] == 0 {
                index += 1
                continue
            }
            if scalars[index] == "h" || scalars[index] == "w" || scalars[index] == "H" || scalars[index] == "W",
               let urlEnd = PreTokenizer.url(at: index, in: scalars, end: range.upperBound) {
                index = urlEnd // numbers inside a URL are not figures
            } else if mayStartNumber(scalars[index]), fractionPrefix(at: index, in: scalars, end: range.upperBound) == nil,
                      let idiom = NumeralIdioms.idiom(covering: scalars[index] == "第" && index + 1 < range.upperBound ? index + 1 : index, in: scalars) {
                index = max(index + 1, idiom.upperBound)
            } else if mayStartNumber(scalars[index]), let match = match(at: index, in: scalars, end: range.upperBound) {
                result.append(match)
                index = match.end
            } else {
                index += 1
            }
        }
        return result
    }

    @inline(__always)
    static func mayStartNumber(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || value == 0x2D || value == 0x2B || value == 0x2E }
        return (0xFF10...0xFF19).contains(value) || chineseDigit(scalar) != nil || chineseUnit(scalar) != nil
            || scalar == "负" || scalar == "負" || scalar == "第" || scalar == "−" || scalar == "－" || scalar == "半"
    }

    /// The number starting exactly at `start`, or nil.
    public static func match(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> NumberMatch? {
        var index = start
        var isOrdinal = false
        if scalars[index] == "第" {
            isOrdinal = true
            index += 1
            guard index < end else { return nil }
        }
        // 百分之五十, 千分之三, 万分之一
        if let (denominator, afterPrefix) = fractionPrefix(at: index, in: scalars, end: end),
           var numerator = core(at: afterPrefix, in: scalars, end: end) {
            numerator.setBareNumber(numerator.range, value: numerator.value)
            let percentScale = denominator == 100 ? 1.0 : 100.0 / denominator
            numerator.start = start
            numerator.value *= percentScale
            numerator.reading = .percent
            return numerator
        }
        if let (denominator, afterPrefix) = fractionPrefix(at: index, in: scalars, end: end), denominator == 100,
           afterPrefix < end, scalars[afterPrefix] == "百" {
            // 百分之百
            var whole = NumberMatch(start: start, end: afterPrefix + 1, value: 100, form: .chinese)
            whole.reading = .percent
            whole.setBareNumber(afterPrefix..<afterPrefix + 1, value: 100)
            return whole
        }
        if scalars[index] == "半", index + 1 < end, scalars[index + 1] == "成" || scalars[index + 1] == "折" {
            // 半成 = 5%, 半折 = 50%
            var half = NumberMatch(start: start, end: index + 2, value: scalars[index + 1] == "成" ? 5 : 50, form: .chinese)
            half.reading = .percent
            half.setBareNumber(index..<index + 1, value: 0.5)
            return half
        }
        guard var number = core(at: index, in: scalars, end: end) else { return nil }
        number.setBareNumber(number.range, value: number.value)
        number.start = start
        if isOrdinal {
            number.reading = .ordinal
            return number
        }
        var after = number.end
        // X分之Y: a fraction; the denominator is `number`.
        let fenAt = skipSpaces(after, scalars, end), zhiAt = skipSpaces(fenAt + 1, scalars, end)
        if zhiAt < end, scalars[fenAt] == "分", scalars[zhiAt] == "之", zhiAt + 1 < end,
           let numerator = core(at: skipSpaces(zhiAt + 1, scalars, end), in: scalars, end: end), number.value != 0 {
            number.form = number.form == numerator.form ? number.form : .mixed
            number.extend(to: numerator.end, value: numerator.value / number.value, isFraction: true)
            return number
        }
        // 3/5, １６/5, and 1 3/5 (a whole number and a fraction): Arabic integers only, and not a
        // date or path (2022/3/5).
        if number.form == .arabic, number.isDigitSequence, let fraction = slashFraction(at: after, in: scalars, end: end) {
            number.extend(to: fraction.end, value: fraction.value, isFraction: true)
            return number
        }
        if number.form == .arabic, number.isDigitSequence, after + 1 < end, scalars[after] == " ",
           let fraction = slashFractionStarting(at: after + 1, in: scalars, end: end) {
            number.extend(to: fraction.end, value: number.value + (number.value < 0 ? -fraction.value : fraction.value), isFraction: true)
            return number
        }
        // 2^5, 1.1^+23, 2.5^-1: powers.
        if number.form == .arabic, after + 1 < end, scalars[after] == "^" {
            var probe = after + 1
            var exponentSign = 1.0
            while probe < end, scalars[probe] == "-" || scalars[probe] == "+" {
                if scalars[probe] == "-" { exponentSign = -exponentSign }
                probe += 1
            }
            if probe < end, isArabicDigit(scalars[probe]), let exponent = arabic(at: probe, in: scalars, end: end) {
                let magnitude = pow(abs(number.value), exponentSign * exponent.value)
                number.extend(to: exponent.end, value: number.value < 0 ? -magnitude : magnitude, isFraction: false)
                return number
            }
        }
        // 三百五十又三分之一: a whole number and a fraction.
        let youAt = skipSpaces(after, scalars, end)
        if youAt < end, scalars[youAt] == "又", youAt + 1 < end, let fraction = match(at: skipSpaces(youAt + 1, scalars, end), in: scalars, end: end), fraction.isFraction {
            number.extend(to: fraction.end, value: number.value + (number.value < 0 ? -fraction.value : fraction.value), isFraction: true)
            return number
        }
        // Percent suffixes.
        if after < end {
            let spaced = skipSpaces(after, scalars, end)
            if spaced < end, spaced > after, "成折个個百".unicodeScalars.contains(scalars[spaced]) { after = spaced }
        }
        if after < end {
            let next = WidthFolding.fold(scalars[after])
            if next == "%" {
                number.reading = .percent
                number.end = after + 1
            } else if next == "‰" {
                number.reading = .percent
                number.value /= 10
                number.end = after + 1
            } else if let pointEnd = percentagePoint(at: after, in: scalars, end: end) {
                number.reading = .percentagePoint
                number.end = pointEnd
            } else if next == "成" && number.value > 0 && number.value <= 10 && !number.isApproximate && !number.isFraction {
                // 三成 = 30%, 七成六 = 76%, 三成半 = 35%.
                number.reading = .percent
                number.value *= 10
                number.end = after + 1
                let tail = skipSpaces(after + 1, scalars, end)
                if tail < end, let digit = chineseDigit(scalars[tail]), digit > 0, tail + 1 == end || !isNumeralCharacter(scalars[tail + 1]) {
                    number.value += Double(digit)
                    number.end = tail + 1
                } else if tail < end, scalars[tail] == "半" {
                    number.value += 5
                    number.end = tail + 1
                }
            } else if next == "折" && !number.isApproximate && !number.isFraction,
                      let percent = discountPercent(number, in: scalars) {
                // 八折 = 80%, 八点五折 = 85%, 七五折 / 75折 = 75% (what is paid).
                number.reading = .percent
                number.value = percent
                number.end = after + 1
            }
            after = number.end
        }
        return number
    }

    /// /b straight after an integer a: a/b, unless another slash follows (a date or a path).
    private static func slashFraction(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> (value: Double, end: Int)? {
        guard index + 1 < end, WidthFolding.fold(scalars[index]) == "/", isArabicDigit(scalars[index + 1]),
              let denominator = arabic(at: index + 1, in: scalars, end: end), denominator.isDigitSequence, denominator.value != 0,
              denominator.end == end || WidthFolding.fold(scalars[denominator.end]) != "/" else { return nil }
        // The numerator is the integer just before the slash.
        var start = index
        while start > 0, isArabicDigit(scalars[start - 1]) { start -= 1 }
        if start > 0, WidthFolding.fold(scalars[start - 1]) == "/" { return nil }
        var numerator = 0.0
        for position in start..<index { numerator = numerator * 10 + digitValue(scalars[position]) }
        let signed = start > 0 && (scalars[start - 1] == "-" || WidthFolding.fold(scalars[start - 1]) == "-") ? -numerator : numerator
        return (signed / denominator.value, denominator.end)
    }

    /// a/b starting at `index` (for 1 3/5).
    private static func slashFractionStarting(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> (value: Double, end: Int)? {
        guard index < end, isArabicDigit(scalars[index]), let numerator = arabic(at: index, in: scalars, end: end), numerator.isDigitSequence,
              let fraction = slashFraction(at: numerator.end, in: scalars, end: end) else { return nil }
        return fraction
    }

    private static func pow(_ base: Double, _ exponent: Double) -> Double {
        Foundation.pow(base, exponent)
    }

    private static func discountPercent(_ number: NumberMatch, in scalars: [Unicode.Scalar]) -> Double? {
        if number.value > 0 && number.value < 10 { return number.value * 10 }
        if number.isDigitSequence, number.integerDigits == 2, number.value >= 10 && number.value < 100 { return number.value }
        return nil
    }

    public static func isNumeralCharacter(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigit(scalar) != nil || chineseUnit(scalar) != nil || isArabicDigit(scalar)
    }

    // MARK: The number itself

    /// A sign, then an Arabic or Chinese number with its multipliers.
    static func core(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> NumberMatch? {
        guard start < end else { return nil } // 百分之 at the very end of the text
        var index = start
        var sign = 1.0
        let first = WidthFolding.fold(scalars[index])
        if first == "负" || first == "負" || first == "-" || first == "−" || first == "+" {
            guard index + 1 < end, isArabicDigit(scalars[index + 1]) || (first == "负" || first == "負") && chineseValueStart(scalars[index + 1])
                    || scalars[index + 1] == "." && index + 2 < end && isArabicDigit(scalars[index + 2]) else {
                return nil
            }
            // 减负2500亿元, 担负, 胜负: 负 ending a word before the number is no sign.
            if (first == "负" || first == "負") && start > 0 && charactersBeforeFuInWords.contains(scalars[start - 1]) {
                return nil
            }
            // A hyphen between two numbers is a range or a date, not a sign.
            if (first == "-" || first == "+") && start > 0 && (isArabicDigit(scalars[start - 1]) || ScriptClass.of(scalars[start - 1]) == .latin) {
                return nil
            }
            if first != "+" { sign = -1 }
            index += 1
        }
        // .5, -.5: a number that starts with its decimal point.
        if index + 1 < end, scalars[index] == ".", isArabicDigit(scalars[index + 1]),
           index == 0 || !(isArabicDigit(scalars[index - 1]) || ScriptClass.of(scalars[index - 1]) == .latin || scalars[index - 1] == ".") {
            var fraction = 0.0, scale = 0.1, probe = index + 1
            while probe < end, isArabicDigit(scalars[probe]) {
                fraction += digitValue(scalars[probe]) * scale
                scale /= 10
                probe += 1
            }
            var number = NumberMatch(start: start, end: probe, value: sign * fraction, form: .arabic)
            number.integerDigits = 0
            return number
        }
        if isArabicDigit(scalars[index]) {
            guard var number = arabic(at: index, in: scalars, end: end) else { return nil }
            number.start = start
            number.value *= sign
            return number
        }
        guard var number = chinese(at: index, in: scalars, end: end) else { return nil }
        number.start = start
        number.value *= sign
        return number
    }

    @inline(__always)
    public static func isArabicDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value)
    }

    @inline(__always)
    private static func digitValue(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        return Double(value >= 0xFF10 ? value - 0xFF10 : value - 0x30)
    }

    /// 1954, 23,396, 5.1, １．５, 1.2e5, then Chinese multipliers: 3万, 1.2万亿, 300多万.
    private static func arabic(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> NumberMatch? {
        var index = start
        var value = 0.0
        var digits = 0
        var grouped = false
        while index < end {
            let scalar = scalars[index]
            if isArabicDigit(scalar) {
                value = value * 10 + digitValue(scalar)
                digits += 1
                index += 1
            } else if WidthFolding.fold(scalar) == ",", index + 3 < end || index + 3 == end,
                      (1...3).allSatisfy({ index + $0 < end && isArabicDigit(scalars[index + $0]) }),
                      index + 4 >= end || !isArabicDigit(scalars[index + 4]) {
                // A thousands separator: exactly three digits follow.
                grouped = true
                index += 1
            } else {
                break
            }
        }
        let integerDigits = digits
        var isInteger = true
        // A decimal part, unless the point is one of several (192.168.1.2 and 2222.2222.222 are
        // sequences of integers).
        let pointBefore = start >= 2 && WidthFolding.fold(scalars[start - 1]) == "." && isArabicDigit(scalars[start - 2])
        if !pointBefore, index + 1 < end, WidthFolding.fold(scalars[index]) == ".", isArabicDigit(scalars[index + 1]) {
            var fraction = 0.0
            var scale = 0.1
            var probe = index + 1
            while probe < end, isArabicDigit(scalars[probe]) {
                fraction += digitValue(scalars[probe]) * scale
                scale /= 10
                probe += 1
            }
            let anotherPoint = probe + 1 < end && WidthFolding.fold(scalars[probe]) == "." && isArabicDigit(scalars[probe + 1])
            if !anotherPoint {
                value += fraction
                index = probe
                isInteger = false
            }
        }
        // Scientific notation: 1.2e5, 12.32e+14.
        if index + 1 < end, scalars[index] == "e" || scalars[index] == "E" {
            var probe = index + 1
            var exponentSign = 1.0
            if probe < end, WidthFolding.fold(scalars[probe]) == "+" || WidthFolding.fold(scalars[probe]) == "-" {
                exponentSign = WidthFolding.fold(scalars[probe]) == "-" ? -1 : 1
                probe += 1
            }
            var exponent = 0.0, exponentDigits = 0
            while probe < end, isArabicDigit(scalars[probe]) {
                exponent = exponent * 10 + digitValue(scalars[probe])
                exponentDigits += 1
                probe += 1
            }
            if exponentDigits > 0, probe == end || ScriptClass.of(scalars[probe]) != .latin {
                value *= pow10(exponentSign * exponent)
                index = probe
                isInteger = false
            }
        }
        // 40k, 15K: thousands, when no other letter follows.
        if index < end, WidthFolding.fold(scalars[index]) == "k" || WidthFolding.fold(scalars[index]) == "K",
           index + 1 == end || ScriptClass.of(scalars[index + 1]) != .latin {
            value *= 1000
            index += 1
            isInteger = false
        }
        var match = NumberMatch(start: start, end: index, value: value, form: .arabic)
        match.integerDigits = integerDigits
        match.reading = .amount(digitSequence: isInteger && !grouped)
        applyMultipliers(&match, in: scalars, end: end)
        return match
    }

    /// 万, 亿, 千, 百 (and 多/余 before them) after an Arabic number: 3万, 1.2万亿, 300多万.
    private static func applyMultipliers(_ match: inout NumberMatch, in scalars: [Unicode.Scalar], end: Int) {
        var index = match.end
        let spaced = skipSpaces(index, scalars, end)
        if spaced > index, spaced < end, largeMultiplier(scalars[spaced]) != nil { index = spaced }
        var approximate = false
        if index + 1 < end, scalars[index] == "多" || scalars[index] == "余", largeMultiplier(scalars[index + 1]) != nil {
            approximate = true
            index += 1
        }
        var lastMultiplier = 0.0
        while index < end, let multiplier = largeMultiplier(scalars[index]), !isMegaPrefix(at: index, scalars) {
            match.value *= multiplier
            index += 1
            lastMultiplier = multiplier
        }
        guard lastMultiplier > 0 else { return }
        match.end = index
        match.form = .mixed
        match.isApproximate = approximate
        match.reading = .amount(digitSequence: false)
        // 5万4千6百, 3万4000, 1千零1: a smaller number straight after continues this one.
        var probe = skipSpaces(index, scalars, end)
        if probe < end, scalars[probe] == "零" { probe += 1 }
        if probe < end, isArabicDigit(scalars[probe]), let rest = arabic(at: probe, in: scalars, end: end),
           rest.value < lastMultiplier, rest.end == end || !isArabicDigit(scalars[rest.end]) {
            match.value += rest.value
            match.end = rest.end
        }
    }

    /// The first characters of words ending in 负 (减负, 担负, 胜负, 抱负, 背负, 欠负, 自负, 辜负, 肩负, 正负).
    private static let charactersBeforeFuInWords: ScalarList = "减担胜抱背欠自辜肩正"

    /// 兆 before 瓦, 赫, 帕, 欧, 焦, 字节, 比特 is the metric prefix mega (26兆瓦 is 26 MW), not 10^12 (五兆).
    static func isMegaPrefix(at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[index] == "兆", index + 1 < scalars.count else { return false }
        return unitsAfterMega.contains(scalars[index + 1])
    }

    private static let unitsAfterMega: ScalarList = "瓦赫帕欧焦字比"

    private static func largeMultiplier(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "万", "萬": return 1e4
        case "亿", "億": return 1e8
        case "千", "仟": return 1e3
        case "百", "佰": return 1e2
        case "兆": return 1e12
        default: return nil
        }
    }

    private static func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let steps = Int(min(abs(exponent), 400)) // 1e99999999999999999999 from a fuzzer: overflow, not a trap
        for _ in 0..<steps { result *= exponent < 0 ? 0.1 : 10 }
        return result
    }

    // MARK: Chinese numerals

    /// The value of a Chinese digit character (零 一 两 壹 …), or nil.
    public static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        guard value < 0x10000 else { return nil }
        let code = NumeralTable.codes[Int(value)]
        return code >= 1 && code <= 10 ? Int(code) - 1 : nil
    }

    /// The value of a Chinese unit character (十 百 千 万 亿 …), or nil.
    public static func chineseUnit(_ scalar: Unicode.Scalar) -> Double? {
        let value = scalar.value
        guard value < 0x10000 else { return nil }
        let code = NumeralTable.codes[Int(value)]
        return code > 10 && code != NumeralTable.otherStart ? NumeralTable.units[Int(code) - 11] : nil
    }

    /// Whether a Chinese numeral can start here (units other than 十 cannot: 百姓, 万一).
    private static func chineseValueStart(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigit(scalar) != nil || scalar == "十" || scalar == "拾" || scalar == "廿" || scalar == "卅"
    }

    /// 十四, 二十三万, 两千零五, 一百零八, 壹佰, 三万五, 二〇二二, 三点五, 半, 壹千多萬.
    private static func chinese(at start: Int, in scalars: [Unicode.Scalar], end: Int) -> NumberMatch? {
        if scalars[start] == "半" {
            return nil // 半 alone is a word (半年, 一半); 半成 is handled by the percent model below
        }
        guard chineseValueStart(scalars[start]) else { return nil }
        var total = 0.0, section = 0.0, number = 0.0
        var index = start
        var digitsOnly = true, digitCount = 0
        var lastUnit = 0.0, lastBigUnit = 0.0
        var lastDigitFollowedUnit = false, sawLiang = false
        var previousWasUnit = false, previousWasZero = false
        var approximate = false
        var sequence = 0.0 // the digits read as a sequence: 二〇二二 → 2022
        while index < end {
            let scalar = scalars[index]
            if let digit = chineseDigit(scalar) {
                // Two non-zero digits in a row outside a pure digit sequence end the number (一二 is two numbers in 一二三四 only when units follow).
                if digitCount > 0 && !digitsOnly && !previousWasUnit && !previousWasZero && digit != 0 { break }
                lastDigitFollowedUnit = previousWasUnit
                sawLiang = sawLiang || scalar == "两" || scalar == "兩"
                number = Double(digit)
                sequence = sequence * 10 + Double(digit)
                digitCount += 1
                previousWasZero = digit == 0
                previousWasUnit = false
            } else if let unit = chineseUnit(scalar), !isMegaPrefix(at: index, scalars) {
                if digitsOnly && digitCount > 1 { break } // 二〇二二万 is not a number we read
                digitsOnly = false
                if unit == 20 || unit == 30 {
                    section += unit
                } else if unit < 1e4 {
                    if lastUnit != 0 && lastUnit < 1e4 && unit >= lastUnit && number == 0 { break } // 十百: not a number
                    section += (number == 0 && (digitCount == 0 || previousWasUnit || previousWasZero) ? 1 : number) * unit
                } else {
                    section += number
                    if unit >= 1e8 {
                        // 五兆六十二亿: a smaller big unit adds below the larger one already read.
                        if lastBigUnit > unit {
                            total += section * unit
                        } else {
                            total = (total + section) * unit
                        }
                        lastBigUnit = unit
                        section = 0
                    } else {
                        section *= unit
                    }
                }
                number = 0
                lastUnit = unit
                previousWasUnit = true
                previousWasZero = false
            } else if (scalar == " " || scalar == "\u{3000}") && digitCount + (previousWasUnit ? 1 : 0) > 0,
                      let next = nextNonSpace(after: index, in: scalars, end: end),
                      chineseDigit(scalars[next]) != nil || chineseUnit(scalars[next]) != nil || scalars[next] == "点" || scalars[next] == "點"
                        || scalars[next] == "余" || scalars[next] == "多" || scalars[next] == "几" {
                // Spaced numerals (一百 五 十 二) as some sources print them.
                index = next
                continue
            } else if (scalar == "几" || scalar == "幾") && digitCount + (previousWasUnit ? 1 : 0) > 0 && !digitsOnly {
                approximate = true // 二十几万: "some"
                previousWasZero = false
                previousWasUnit = false
                number = 0
            } else if (scalar == "多" || scalar == "余") && previousWasUnit && skipSpaces(index + 1, scalars, end) < end
                        && chineseUnit(scalars[skipSpaces(index + 1, scalars, end)]).map({ $0 >= 1e4 }) == true {
                approximate = true // 壹千多萬
            } else {
                break
            }
            index += 1
        }
        guard index > start else { return nil }
        // 三万五 → 35000: a trailing digit after a unit of hundreds or more stands one place below it.
        if number != 0 && lastDigitFollowedUnit && lastUnit >= 100 && !previousWasZero {
            number *= lastUnit / 10
        }
        if digitsOnly && digitCount > 1 && sawLiang { return nil } // 两两 is not a number
        var value = digitsOnly ? sequence : total + section + number
        var matchEnd = index
        // 三点五: a decimal part of plain digits (not 两, which Recognizers and readers keep apart).
        let pointAt = skipSpaces(matchEnd, scalars, end)
        let firstDecimal = skipSpaces(pointAt + 1, scalars, end)
        if firstDecimal < end, scalars[pointAt] == "点" || scalars[pointAt] == "點", isDecimalDigit(scalars[firstDecimal]) {
            var scale = 0.1
            var probe = firstDecimal
            while probe < end, isDecimalDigit(scalars[probe]), let digit = chineseDigit(scalars[probe]) {
                value += Double(digit) * scale
                scale /= 10
                probe += 1
            }
            matchEnd = probe
            digitsOnly = false
        }
        // 一打, 十打: dozens; not 打造, 打击, 打通… where 打 is a verb.
        if matchEnd < end, scalars[matchEnd] == "打", !digitsOnly || digitCount == 1,
           matchEnd + 1 == end || !"造击通开破好赢响工算扫压牢下出入".unicodeScalars.contains(scalars[matchEnd + 1]) {
            value *= 12
            matchEnd += 1
        }
        var match = NumberMatch(start: start, end: matchEnd, value: value, form: .chinese)
        match.isApproximate = approximate
        match.reading = .amount(digitSequence: digitsOnly && digitCount > 1)
        match.integerDigits = digitsOnly ? digitCount : 0
        return match
    }

    /// `index` moved past spaces (ASCII and ideographic; never line breaks): some sources space
    /// the parts of a number (七成 六, 百 分 之, 六 个 百分点).
    @inline(__always)
    static func skipSpaces(_ index: Int, _ scalars: [Unicode.Scalar], _ end: Int) -> Int {
        var probe = index
        while probe < end, scalars[probe] == " " || scalars[probe] == "\u{3000}" { probe += 1 }
        return probe
    }

    private static func nextNonSpace(after index: Int, in scalars: [Unicode.Scalar], end: Int) -> Int? {
        var probe = index
        while probe < end, scalars[probe] == " " || scalars[probe] == "\u{3000}" { probe += 1 }
        return probe < end ? probe : nil
    }

    private static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigit(scalar) != nil && scalar != "两" && scalar != "兩"
    }

    // MARK: Prefixes and suffixes

    /// 百分之, 千分之, 万分之 (and 百分 之 with 分): the denominator and where the numerator starts.
    private static func fractionPrefix(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> (Double, Int)? {
        // A chain of units with no digit before it: 百, 千, 万, 百万, 千万, 万万.
        var denominator = 1.0
        var probe = index
        while probe < end, let unit = chineseUnit(scalars[probe]), unit >= 100 {
            denominator *= unit
            probe = skipSpaces(probe + 1, scalars, end)
        }
        guard probe > index, probe < end, scalars[probe] == "分" else { return nil }
        let zhi = skipSpaces(probe + 1, scalars, end)
        guard zhi < end, scalars[zhi] == "之" else { return nil }
        return (denominator, skipSpaces(zhi + 1, scalars, end))
    }

    /// 个百分点 / 個百分點 / 百分点 after a number: the end of the suffix.
    private static func percentagePoint(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> Int? {
        var probe = index
        if probe < end, scalars[probe] == "个" || scalars[probe] == "個" { probe = skipSpaces(probe + 1, scalars, end) }
        for expected in ["百", "分"] as [Unicode.Scalar] {
            guard probe < end, scalars[probe] == expected else { return nil }
            probe = skipSpaces(probe + 1, scalars, end)
        }
        guard probe < end, scalars[probe] == "点" || scalars[probe] == "點" else { return nil }
        return probe + 1
    }

}
