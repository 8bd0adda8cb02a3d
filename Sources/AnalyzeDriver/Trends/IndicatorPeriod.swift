import AnalyticsCore

/// The span of time a figure covers, from the words before it: a year's figure (今年…5%左右,
/// 去年增长5.2%), a total over several years (过去五年…能耗下降8.1%, 今后五年…分别下降15%), or a
/// yearly average over several (年均增长5.2%). Indicators keep the three apart so a row compares
/// like with like: a five-year fall of 8.1% is not last year's figure against a 2.5% annual target.
enum IndicatorPeriod: String, Sendable {
    case annual
    case multiYear = "multi-year"
    case annualAverage = "annual-average"

    /// Cues by what they say of the period. The nearest one before the figure decides; 年均 only
    /// in the figure's own sentence (it qualifies that figure, not what follows).
    static let cues: [(String, IndicatorPeriod)] = [
        ("今年", .annual), ("去年", .annual), ("全年", .annual), ("上年", .annual), ("当年", .annual),
        ("过去一年", .annual), ("一年来", .annual), ("本年", .annual),
        ("过去五年", .multiYear), ("五年来", .multiYear), ("今后五年", .multiYear), ("未来五年", .multiYear),
        ("十年来", .multiYear), ("过去十年", .multiYear), ("规划期", .multiYear), ("时期", .multiYear),
        ("期间", .multiYear), ("累计", .multiYear), ("以来", .multiYear), ("五年间", .multiYear),
        ("年均", .annualAverage), ("年平均", .annualAverage),
    ]
    static let index = PhraseIndex(cues.map { Array($0.0.unicodeScalars) })
    /// How far back a cue is looked for: a review section's "过去五年" heads a run of paragraphs.
    static let reach = 2_000

    /// A document's period words and named years, found in one pass, so each figure looks back
    /// by a binary search (looking back 2,000 characters for every figure cost more than the rest
    /// of the indicators).
    struct Marks: Sendable {
        var positions: [Int] = []
        var periods: [IndicatorPeriod] = []
        /// The mark opens a paragraph (五年来，我们… after a blank line): it heads the paragraphs after it.
        var opening: [Bool] = []

        init(_ s: [Unicode.Scalar]) {
            var found: [(Int, IndicatorPeriod)] = IndicatorPeriod.index.longestMatches(in: s).map { ($0.span.start, cues[$0.phrase].1) }
            // A year named (2024年发展主要预期目标) is a year's figure; the end of a span (2020年到
            // 2025年) covers the years from its start; a year that starts one (2012年以来, 2020年到)
            // is left to what follows.
            var at = 4
            while at < s.count {
                defer { at += 1 }
                guard s[at] == "年", (1...4).allSatisfy({ Self.isDigit(s[at - $0]) }), at < 5 || !Self.isDigit(s[at - 5]) else { continue }
                let next = at + 1 < s.count ? s[at + 1] : " "
                if spanMarks.unicodeScalars.contains(next) { continue }
                if at + 2 < s.count, s[at + 1] == "以", s[at + 2] == "来" { continue }
                let before = at >= 5 ? s[at - 5] : " "
                found.append((at - 4, spanMarks.unicodeScalars.contains(before) ? .multiYear : .annual))
            }
            found.sort { $0.0 < $1.0 }
            positions = found.map(\.0)
            periods = found.map(\.1)
            opening = positions.map { position in
                var before = position - 1
                while before >= 0 && (s[before] == " " || s[before] == "\t" || s[before] == "\u{3000}") { before -= 1 }
                return before < 0 || s[before] == "\n"
            }
        }

        private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

        /// The period of the figure at `figureStart` whose sentence starts at `sentenceStart`, or
        /// nil when nothing in reach before it says. The nearest word decides; 年均 only in the
        /// figure's own sentence.
        func period(figureStart: Int, sentenceStart: Int) -> IndicatorPeriod? {
            var low = 0, high = positions.count // first mark at or after the figure
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < figureStart { low = middle + 1 } else { high = middle }
            }
            var mark = low - 1
            while mark >= 0 && positions[mark] >= figureStart - reach {
                if periods[mark] != .annualAverage || positions[mark] >= sentenceStart { return periods[mark] }
                mark -= 1
            }
            // Nothing in reach: the last paragraph a period word opens, however far (2023's review:
            // 五年来，我们… heads pages of paragraphs, 法律议案50件 among them, a five-year total).
            while mark >= 0 {
                if opening[mark] && periods[mark] != .annualAverage { return periods[mark] }
                mark -= 1
            }
            return nil
        }
    }

    static let spanMarks = "到至—-－~～"

    /// The period of one figure (the marks found for the whole text: for tests and one-off use).
    static func of(figureStart: Int, sentenceStart: Int, in scalars: [Unicode.Scalar]) -> IndicatorPeriod? {
        Marks(scalars).period(figureStart: figureStart, sentenceStart: sentenceStart)
    }
}
