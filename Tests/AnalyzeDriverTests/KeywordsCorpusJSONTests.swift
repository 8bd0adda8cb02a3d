import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin
@testable import AnalyzeDriver

/// The keywords corpus summary's direct JSON writer against JSONEncoder over its synthesized
/// `Codable`: the same bytes, on summaries of real analyses and on awkward values.
@Suite struct KeywordsCorpusJSONTests {
    // The same two encoders as the facts and slogans summaries' test.
    static func encoded(_ value: some Encodable) throws -> String { try CorpusSummaryJSONTests.encoded(value) }
    static func written(_ value: some JSONLineWritable) -> String { CorpusSummaryJSONTests.written(value) }

    @Test func summaryOfAnalysesMatchesEncoder() throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: ["keywords"])
        let texts = [seedText, "坚持以人民为中心的发展思想。加快构建新发展格局，着力推动高质量发展，发展新质生产力，发展新质生产力。",
                     "全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。人工智能+行动，人工智能+行动。", "空"]
        let results = texts.enumerated().compactMap { index, text in
            DocumentReport.analyzing(Document(source: "d\(index)/\"报告\".txt", text: text), with: pipeline)
                .entries.first?.result as? KeywordsResult
        }
        #expect(results.count == texts.count)
        let summary = KeywordsResult.summarize(results.enumerated().map { (source: "d\($0.offset).txt", result: $0.element) })
        #expect(!summary.terms.isEmpty && !summary.distinctive.isEmpty)
        #expect(Self.written(summary) == (try Self.encoded(summary)))
        // What a corpus run keeps of the results (`retainedForCorpus`) sums up the same.
        let kept = KeywordsResult.summarize(results.enumerated().map { (source: "d\($0.offset).txt", result: $0.element.retainedForCorpus()) })
        #expect(kept == summary)
    }

    @Test func awkwardValuesMatchEncoder() throws {
        typealias Summary = KeywordsCorpusSummary
        let summary = Summary(
            terms: [.init(term: "\"引号\"\\/\t\u{1}", count: 0, documents: -1), .init(term: "", count: Int.max, documents: 2)],
            distinctive: [.init(source: "a b/\n.txt", keywords: [.init(term: "新质生产力", count: 3, expected: 0.1, score: 1e-7),
                                                               .init(term: "x", count: 1, expected: 123456789.123, score: 0)]),
                          .init(source: "", keywords: [])],
            phrases: [])
        #expect(Self.written(summary) == (try Self.encoded(summary)))
        let empty = Summary(terms: [], distinctive: [], phrases: [])
        #expect(Self.written(empty) == (try Self.encoded(empty)))
    }
}
