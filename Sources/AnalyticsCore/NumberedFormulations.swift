/// The genre's numbered formulations (四个全面, 两个维护, 七大都市, 四个体系建设): words the facts
/// and slogans analyzers both use to tell a formulation from a count, so the two agree.
public enum NumberedFormulations {
    /// Words that follow a formula's head and mark it as a named set (四个体系建设, 三项原则要求).
    public static let frameWords: Set<String> = ["建设", "要求", "目标", "任务", "精神", "原则", "重点", "理念", "战略", "布局",
                                                 "工程", "行动", "意识", "自信", "全面", "确立", "维护", "机制", "格局"]

    /// Words that follow 个 only in numbered formulations (四个全面, 两个维护, 四个意识, 四个自信, 三个代表,
    /// 两个一百年, 两个务必, 两个毫不动摇…): abstract heads, never things counted.
    public static let headWords: [[Unicode.Scalar]] = ["全面", "维护", "确立", "意识", "自信", "代表", "一百年", "务必", "毫不动摇",
                                                       "没有变", "倡导", "坚持", "必须", "始终"].map { Array($0.unicodeScalars) }
}

/// A numbered formulation found at a numeral: 七大都市, “两个确立”, 四个体系建设, 四个全面, 三位一体.
public struct NumberedFormulation: Sendable, Equatable {
    /// From the numeral to the end of the head.
    public let span: TextSpan
    public let number: Double
    /// The classifier after the numeral (个, 大, 项…).
    public let classifier: Unicode.Scalar
    /// The head (都市, 确立, 体系); for N位一体, 一体.
    public let head: TextSpan
    /// Why it is one, for the reader of a slogans report.
    public let reason: String
}

extension NumberedFormulations {
    /// Classifiers a formulation's numeral takes.
    public static func isClassifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "个", "大", "项", "条", "化", "种", "支", "张": return true
        default: return false
        }
    }

    static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "‘", "「", "『", "\"": return true
        default: return false
        }
    }

    static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "\"": return true
        default: return false
        }
    }

    /// The one decision, which the facts and slogans analyzers both call, of whether the numeral
    /// `match` starts a numbered formulation rather than a count: a Chinese numeral from 1 to 10,
    /// a classifier, a head of 2–4 characters, and a mark of the shape — quotes (“两个确立”), the
    /// classifier 大 (七大都市), a frame word after the head (四个体系建设), or a head that only
    /// follows 个 in formulations (四个全面, 两个维护). 三个示范区 is a count: no mark.
    public static func formulation(at match: NumberMatch, in scalars: [Unicode.Scalar], segmenter: Segmenter) -> NumberedFormulation? {
        var scratch = Segmenter.Scratch()
        return formulation(at: match, in: scalars, segmenter: segmenter, scratch: &scratch)
    }

    /// `formulation(at:in:segmenter:)` with the caller's segmenter memory (facts asks at every numeral).
    public static func formulation(at match: NumberMatch, in scalars: [Unicode.Scalar], segmenter: Segmenter,
                                   scratch: inout Segmenter.Scratch) -> NumberedFormulation? {
        guard match.form == .chinese, !match.isPercent, !match.isOrdinal, !match.isFraction, match.value >= 1, match.value <= 10,
              match.value == match.value.rounded(), match.end - match.start == 1 else { return nil }
        let classifierAt = match.end
        guard classifierAt + 2 < scalars.count else { return nil }
        let classifier = scalars[classifierAt]
        // N位一体
        if classifier == "位", scalars[classifierAt + 1] == "一", scalars[classifierAt + 2] == "体" {
            return NumberedFormulation(span: TextSpan(start: match.start, end: classifierAt + 3), number: match.value, classifier: classifier,
                                       head: TextSpan(start: classifierAt + 1, end: classifierAt + 3), reason: "N位一体 shape")
        }
        guard isClassifier(classifier) else { return nil }
        let quotedStart = match.start > 0 && isOpeningQuote(scalars[match.start - 1])
        if match.value < 2 && !quotedStart { return nil } // 一项重大, 一大批: "one", not a numbered set (but “一个中国”)
        // 四个全面, 两个维护, 两个一百年: heads that follow 个 only in formulations.
        if classifier == "个", match.value >= 2,
           let word = headWords.first(where: { scalars[(classifierAt + 1)...].starts(with: $0) }) {
            let end = classifierAt + 1 + word.count
            return NumberedFormulation(span: TextSpan(start: match.start, end: end), number: match.value, classifier: classifier,
                                       head: TextSpan(start: classifierAt + 1, end: end), reason: "numeral + 个 + \(String(scalars: word[...]))")
        }
        let windowEnd = min(scalars.count, classifierAt + 8)
        let words = segmenter.tokens(in: scalars, range: (classifierAt + 1)..<windowEnd, scratch: &scratch)
        guard let headWord = words.first, headWord.kind == .word, headWord.length >= 2 || words.count > 1 else { return nil }
        var headEnd = headWord.end
        if headWord.length == 1, words.count > 1, words[1].kind == .word, words[1].length <= 2 { headEnd = words[1].end }
        guard headEnd - headWord.start >= 2, headEnd - headWord.start <= 4 else { return nil }
        let head = TextSpan(start: headWord.start, end: headEnd)
        let quoted = match.start > 0 && isOpeningQuote(scalars[match.start - 1]) && headEnd < scalars.count && isClosingQuote(scalars[headEnd])
        // The word after the head, as a String only when the frame words are asked.
        var nextWord: String? { words.first { $0.start >= headEnd }.map { String(scalars: scalars[$0.start..<$0.end]) } }
        let reason: String
        if match.value < 2 && !quoted { return nil } // 一项重大, 一大批: "one", not a numbered set (but “一个中国”)
        if quoted {
            reason = "numeral + \(classifier) + head, in quotes"
        } else if classifier == "大" {
            reason = "numeral + 大 + head"
        } else if let nextWord, frameWords.contains(nextWord) {
            reason = "numeral + \(classifier) + head, followed by \(nextWord)"
        } else {
            return nil
        }
        return NumberedFormulation(span: TextSpan(start: match.start, end: headEnd), number: match.value, classifier: classifier, head: head,
                                   reason: reason)
    }
}
