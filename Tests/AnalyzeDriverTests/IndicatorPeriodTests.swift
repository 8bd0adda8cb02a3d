import Testing
@testable import AnalyzeDriver

/// A figure's period from the words before it, so indicator rows compare like with like.
@Suite struct IndicatorPeriodTests {
    /// The period of the figure `figure` in `text` (its sentence starts after the last 。 before it).
    func period(_ text: String, _ figure: String) -> IndicatorPeriod? {
        let scalars = Array(text.unicodeScalars)
        let target = Array(figure.unicodeScalars)
        let start = (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }!
        let sentence = (scalars[..<start].lastIndex { $0 == "。" }).map { $0 + 1 } ?? 0
        return IndicatorPeriod.of(figureStart: start, sentenceStart: sentence, in: scalars)
    }

    @Test func aReviewOfFiveYearsIsMultiYear() {
        #expect(period("过去五年极不寻常。\n——生态环境明显改善。单位国内生产总值能耗下降8.1%、二氧化碳排放下降14.1%。", "8.1%") == .multiYear)
        #expect(period("今后五年，单位国内生产总值用水量、能耗分别下降23%、15%。", "15%") == .multiYear)
        #expect(period("2012年以来，城镇新增就业累计6600万人以上。", "6600万人") == .multiYear)
    }

    @Test func thisYearsTargetAndLastYearsResultAreAnnual() {
        #expect(period("今年发展主要预期目标是：国内生产总值增长5%左右；单位国内生产总值能耗降低2.5%左右。", "2.5%") == .annual)
        #expect(period("过去五年极不寻常。一年来，国内生产总值增长5.2%。", "5.2%") == .annual, "the nearest cue decides")
        #expect(period("2024年国内生产总值增长5%。", "5%") == .annual)
    }

    @Test func aYearlyAverageIsItsOwnPeriodOnlyInItsSentence() {
        #expect(period("国内生产总值增加到121万亿元，五年年均增长5.2%。", "5.2%") == .annualAverage)
        #expect(period("五年年均增长5.2%。今年国内生产总值增长5%左右。", "5%左右") == .annual)
    }

    @Test func aParagraphOpeningCueHeadsTheParagraphsAfterIt() {
        let filler = String(repeating: "推进各项工作取得新进展。", count: 200) // 2,400 characters: past the reach
        // 五年来 opens a paragraph: a figure pages later with no cue in reach is a five-year figure.
        #expect(period("五年来，我们深入贯彻党中央决策部署。\n\n" + filler + "提请全国人大常委会审议法律议案50件。", "50件") == .multiYear)
        // Inside a sentence (去年底…), or with an annual cue in reach, it does not head anything.
        #expect(period("我们深入贯彻，五年来成效明显。\n\n" + filler + "提请全国人大常委会审议法律议案50件。", "50件") == nil)
        #expect(period("五年来，我们深入贯彻党中央决策部署。\n\n" + filler + "去年提请审议法律议案10件。", "10件") == .annual)
    }

    @Test func nothingSaidIsNil() {
        #expect(period("粮食产量1.3万亿斤以上。", "1.3万亿斤") == nil)
        #expect(period("过去一年，从2020年到2025年，产量增长10%。", "10%") == .multiYear, "a span of years, the nearest cue")
    }
}
