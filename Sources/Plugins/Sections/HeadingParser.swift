import AnalyticsCore

private let numberStopsScalars: ScalarList = "．.、"
private let letterStopsScalars: ScalarList = " 　、．."
private let sentenceEndersScalars: ScalarList = "。！？"

/// A numbered or lettered heading at the start of a paragraph.
struct Heading: Sendable, Equatable {
    enum Style: String, Sendable {
        case chinese      // 一、
        case part         // 第一部分, 第一章
        case letter       // A 谋定而动…
        case parenChinese // （一）
        case arabic       // 1．
        case parenArabic  // （1）
        case circled      // ① on a short line of its own
    }

    let style: Style
    /// 1–4 by style; a document without 一、 or （一） headings has its top numbering moved up to 1.
    var level: Int
    /// The label as written without punctuation (一, A, 1), and its place in a sequence (1-based).
    let label: String
    let value: Int
    /// The heading text: after the label, to the paragraph end or its first full stop.
    let text: TextSpan
}

enum HeadingParser {
    /// The heading that starts `paragraph`, if any. Inline enumerations (一是…, 第一，…) are not headings.
    static func heading(in paragraph: TextSpan, _ scalars: [Unicode.Scalar]) -> Heading? {
        let start = paragraph.start, end = paragraph.end
        guard end - start >= 2 else { return nil }
        let first = scalars[start]

        // （一） / (一) and （1） / (1)
        if first == "（" || first == "(" {
            var index = start + 1
            while index < end, index - start <= 5, scalars[index] != "）" && scalars[index] != ")" { index += 1 }
            guard index < end, index > start + 1 else { return nil }
            let inner = scalars[(start + 1)..<index]
            if let value = chineseValue(inner) {
                return make(.parenChinese, level: 2, inner, value, after: index + 1, paragraph, scalars)
            }
            if let value = arabicValue(inner) {
                return make(.parenArabic, level: 4, inner, value, after: index + 1, paragraph, scalars)
            }
            return nil
        }
        // 第一部分 / 第一章 / 第一篇
        if first == "第" {
            var index = start + 1
            while index < end, NumberScanner.chineseDigit(scalars[index]) != nil || NumberScanner.chineseUnit(scalars[index]) != nil { index += 1 }
            guard index > start + 1, let value = chineseValue(scalars[(start + 1)..<index]) else { return nil }
            for marker in ["部分", "章", "篇"] {
                let marks = Array(marker.unicodeScalars)
                if index + marks.count <= end, scalars[index..<(index + marks.count)].elementsEqual(marks) {
                    return make(.part, level: 1, scalars[start..<(index + marks.count)], value, after: index + marks.count, paragraph, scalars)
                }
            }
            return nil
        }
        // 一、
        if NumberScanner.chineseDigit(first) != nil || first == "十" {
            var index = start
            while index < end, index - start < 4, NumberScanner.chineseDigit(scalars[index]) != nil || scalars[index] == "十" { index += 1 }
            guard index < end, scalars[index] == "、", let value = chineseValue(scalars[start..<index]) else { return nil }
            return make(.chinese, level: 1, scalars[start..<index], value, after: index + 1, paragraph, scalars)
        }
        // 1． 1. 1、 (not 5.1% or 2022年)
        if NumberScanner.isArabicDigit(first) {
            var index = start
            while index < end, index - start < 3, NumberScanner.isArabicDigit(scalars[index]) { index += 1 }
            guard index + 1 < end, numberStopsScalars.contains(scalars[index]), !NumberScanner.isArabicDigit(scalars[index + 1]),
                  let value = arabicValue(scalars[start..<index]) else { return nil }
            return make(.arabic, level: 3, scalars[start..<index], value, after: index + 1, paragraph, scalars)
        }
        // ①连夜转移 一个不落 (news features): a circled number opening a short line without a full stop.
        if (0x2460...0x2473).contains(first.value), end - start <= 40, !scalars[start..<end].contains("。") {
            return make(.circled, level: 4, scalars[start..<(start + 1)], Int(first.value - 0x245F), after: start + 1, paragraph, scalars)
        }
        // A 谋定而动 … (news features): a capital letter, a space or mark, then a short line.
        if ("A"..."Z").contains(first), start + 2 < end, letterStopsScalars.contains(scalars[start + 1]),
           ScriptClass.isHan(scalars[start + 2]) || scalars[start + 2] == " ", end - start <= 40 {
            return make(.letter, level: 1, scalars[start..<(start + 1)], Int(first.value - 64), after: start + 2, paragraph, scalars)
        }
        return nil
    }

    private static func make(_ style: Heading.Style, level: Int, _ label: ArraySlice<Unicode.Scalar>, _ value: Int, after labelEnd: Int,
                             _ paragraph: TextSpan, _ scalars: [Unicode.Scalar]) -> Heading {
        var textStart = labelEnd
        while textStart < paragraph.end, ScriptClass.isWhitespace(scalars[textStart]) { textStart += 1 }
        // A heading that goes on with body text ends at its first full stop.
        var textEnd = paragraph.end
        if let stop = (textStart..<paragraph.end).first(where: { sentenceEndersScalars.contains(scalars[$0]) }) {
            textEnd = stop
        }
        while textEnd > textStart, ScriptClass.isWhitespace(scalars[textEnd - 1]) { textEnd -= 1 }
        return Heading(style: style, level: level, label: String(scalars: label), value: value, text: TextSpan(start: textStart, end: textEnd))
    }

    static func chineseValue(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        let array = Array(scalars)
        guard let match = NumberScanner.match(at: 0, in: array, end: array.count), match.end == array.count, match.form == .chinese,
              match.value >= 1, match.value == match.value.rounded() else { return nil }
        return Int(exactly: match.value) // nil beyond Int's range: 九万亿亿亿… is no heading number
    }

    static func arabicValue(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty, scalars.allSatisfy(NumberScanner.isArabicDigit) else { return nil }
        return Int(String(scalars: scalars.map(WidthFolding.fold)))
    }
}
