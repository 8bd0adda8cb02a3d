import Testing
@testable import AnalyticsCore

/// The memo of one document's analysis answers as the tagger does: on the first question, on a
/// repeated one, and after its slots were taken by other words (a document asks more than 512).
@Suite struct PartOfSpeechMemoTests {
    @Test func everyAnswerIsTheTaggersOwn() {
        let tagger = PartOfSpeechTaggerTests.tagger
        let text = String(repeating: "大力发展数字经济，经济的发展很快。他们正在建设新城，加强基础设施建设。", count: 12) + "与60个国家签署协议。"
        let scalars = Array(text.unicodeScalars)
        let ranges = (1...4).flatMap { length in (0...(scalars.count - length)).map { $0..<($0 + length) } }
        #expect(ranges.count > 1024)
        let memo = PartOfSpeechMemo(tagger: tagger)
        var differing = 0
        for round in 0..<2 {
            for range in round == 0 ? ranges : ranges.reversed() {
                if memo.classify(range, in: scalars) != tagger.classify(range, in: scalars) { differing += 1 }
            }
        }
        #expect(differing == 0)
        // A window wider than the memo keeps (a 20-character word and its neighbours) is asked of the tagger.
        #expect(memo.classify(0..<20, in: scalars) == tagger.classify(0..<20, in: scalars))
    }
}
