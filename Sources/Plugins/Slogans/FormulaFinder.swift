import AnalyticsCore

/// Numbered formulations: numeral + classifier + head (七大都市 → 7, 都市; “两个确立”; 四个体系建设),
/// and fixed shapes (N位一体, 一X两Y, 三X一Y, “双X”). Ordinary quantities (3次, 两千人) are not
/// formulas: the numeral must be a Chinese one from 1 to 10 and the shape must mark it.
struct FormulaFinder: Sendable {
    let segmenter: Segmenter

    static func isClassifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "个", "大", "项", "条", "化", "种", "支", "张": return true
        default: return false
        }
    }

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        for match in document.numbers where match.form == .chinese && !match.isPercent && !match.isOrdinal
            && !match.isFraction && match.value >= 1 && match.value <= 10 && match.value == match.value.rounded() && match.end - match.start == 1 {
            if let candidate = formula(at: match, in: document) { found.append(candidate) }
        }
        found += fixedShapes(in: document)
        return found
    }

    /// The head and shape after a numeral, if they make a formula: the decision the facts analyzer shares.
    func formula(at match: NumberMatch, in document: Document) -> Candidate? {
        guard let found = NumberedFormulations.formulation(at: match, in: document.scalars, segmenter: segmenter) else { return nil }
        return Candidate(kind: .formula, span: found.span, number: found.number, head: document.text(found.head), reason: found.reason)
    }

    /// Whether the segmenter starts a word at the span's start and ends one at its end.
    private func standsAlone(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let window = max(0, span.start - 4)..<min(scalars.count, span.end + 4)
        let starts = Set(segmenter.tokens(in: scalars, range: window).map(\.start)).union([window.upperBound])
        return starts.contains(span.start) && starts.contains(span.end)
    }

    /// The first position from `start` holding 一, 三 or 双 with three characters after it, or a position too late.
    private static func nextShapeStart(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        scalars.withUnsafeBufferPointer { text in
            var index = start
            while index + 3 < text.count {
                let a = text[index]
                if a == "一" || a == "三" || a == "双" { return index }
                index += 1
            }
            return text.count
        }
    }

    /// 一X两Y (一体两翼), 三X一Y, and 双X in quotes (“双促进”).
    func fixedShapes(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        var index = 0
        while index + 3 < scalars.count {
            // Only 一, 三 and a quoted 双 can start a shape: skip everything else at once.
            index = Self.nextShapeStart(from: index, in: scalars)
            guard index + 3 < scalars.count else { break }
            let a = scalars[index], c = scalars[index + 2]
            let hanPair = ScriptClass.isHan(scalars[index + 1]) && ScriptClass.isHan(scalars[index + 3])
                && NumberScanner.chineseDigit(scalars[index + 1]) == nil && NumberScanner.chineseDigit(scalars[index + 3]) == nil
                && NumberScanner.chineseUnit(scalars[index + 1]) == nil // 一百二十 is a number, not 一X二Y
            if hanPair, let first = NumberScanner.chineseDigit(a), let second = NumberScanner.chineseDigit(c), first >= 1, second >= 1,
               first != second || a != c, (first == 1 && second == 2) || (first == 3 && second == 1) || (first == 1 && second == 1) {
                let span = TextSpan(start: index, end: index + 4)
                // 一心一意 and 三心二意 are idioms; a two-character word inside (一体) does not matter.
                // The shape must stand as words of its own: not 长三角一体化.
                if NumeralIdioms.idiom(covering: index, in: scalars).map({ $0.count >= 4 }) != true, standsAlone(span, scalars) {
                    found.append(Candidate(kind: .formula, span: span, number: nil, head: nil, reason: "\(a)X\(c)Y shape"))
                    index += 4
                    continue
                }
            }
            if a == "双", index > 0, Quotes.isOpening(scalars[index - 1]) {
                var end = index + 1
                while end < scalars.count, end - index <= 4, ScriptClass.isHan(scalars[end]) { end += 1 }
                if end < scalars.count, Quotes.isClosing(scalars[end]), end - index >= 2 {
                    found.append(Candidate(kind: .formula, span: TextSpan(start: index, end: end), number: 2,
                                           head: document.text(TextSpan(start: index + 1, end: end)), reason: "“双X” shape"))
                    index = end
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
