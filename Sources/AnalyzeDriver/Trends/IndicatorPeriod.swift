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

    /// The period of the figure at `figureStart` whose sentence starts at `sentenceStart`, or nil
    /// when nothing before it says.
    static func of(figureStart: Int, sentenceStart: Int, in scalars: [Unicode.Scalar]) -> IndicatorPeriod? {
        let end = min(max(figureStart, 0), scalars.count)
        let start = max(0, end - reach)
        var best: (position: Int, period: IndicatorPeriod)?
        for match in index.longestMatches(in: scalars, range: start..<end) {
            let period = cues[match.phrase].1
            if period == .annualAverage && match.span.start < sentenceStart { continue }
            if best == nil || match.span.start > best!.position { best = (match.span.start, period) }
        }
        // A year named before the figure (2024年发展主要预期目标, 2022年国内生产总值…) is a year's
        // figure, unless it starts a span (2012年以来: the cues above; 2020年到2025年: the later year).
        if let year = lastYear(in: scalars, from: start, to: end), best == nil || year > best!.position {
            // The end of a span (2020年到2025年) covers the years from its start.
            let before = year > 0 ? scalars[year - 1] : " "
            best = (year, spanMarks.unicodeScalars.contains(before) ? .multiYear : .annual)
        }
        return best?.period
    }

    static let spanMarks = "到至—-－~～"

    /// The position of the last "dddd年" in `start..<end` not followed by 以来, 到, 至 or a dash.
    static func lastYear(in s: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
        var index = end - 1
        while index >= start + 4 {
            defer { index -= 1 }
            guard s[index] == "年", (1...4).allSatisfy({ s[index - $0].properties.numericType == .decimal && s[index - $0].isASCII }) else { continue }
            if index - 5 >= 0, s[index - 5].isASCII, s[index - 5].properties.numericType == .decimal { continue }
            let next = index + 1 < s.count ? s[index + 1] : " "
            if spanMarks.unicodeScalars.contains(next) { continue }
            if index + 2 < s.count, s[index + 1] == "以", s[index + 2] == "来" { continue }
            return index - 4
        }
        return nil
    }
}
