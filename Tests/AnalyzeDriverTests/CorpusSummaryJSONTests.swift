import Foundation
import Testing
import AnalyticsCore
@testable import FactsPlugin
@testable import SlogansPlugin

/// The facts and slogans corpus summaries' direct JSON writers against JSONEncoder over their
/// synthesized `Codable`: the same bytes.
@Suite struct CorpusSummaryJSONTests {
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ value: some JSONLineWritable) -> String {
        var writer = JSONLineWriter(capacity: 64)
        value.writeJSON(into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Keys whose orders differ: digits (file10 before file9), case, full width, Chinese, and a
    /// name not in NFC (e + combining acute sorts by its bytes, before "f").
    static let sources = ["a/file10.txt", "a/file9.txt", "B.txt", "a b/\"报告\"\n.txt", "Ｂ.txt", "e\u{301}x.txt", "éa.txt", "f.txt"]

    @Test func factsSummaryMatchesEncoder() throws {
        var kinds: [String: [String: Int]] = [:]
        for (index, source) in Self.sources.enumerated() {
            kinds[source] = ["percent": index + 1, "money": 2, "count": 0, "date": index * 7]
        }
        kinds["empty"] = [:]
        let summary = FactsCorpusSummary(figures: 1234, kinds: kinds)
        let written = Self.written(summary)
        #expect(written == (try Self.encoded(summary)))
        #expect(written.contains("\"a/file10.txt\":{\"count\":0,\"date\":0,\"money\":2,\"percent\":1}"))
        #expect(Self.written(FactsCorpusSummary(figures: 0, kinds: [:])) == (try Self.encoded(FactsCorpusSummary(figures: 0, kinds: [:]))))
    }

    @Test func slogansSummaryMatchesEncoder() throws {
        let summary = SlogansCorpusSummary(
            slogans: [
                .init(text: "新质生产力", kind: .known, count: 12, documents: Self.sources),
                .init(text: "\"引号\"\\/\t", kind: SloganKind.allCases.last!, count: 0, documents: []),
            ],
            documents: [
                .init(source: Self.sources[0], shared: ["新质生产力", "两个确立"]),
                .init(source: "", shared: []),
            ])
        #expect(Self.written(summary) == (try Self.encoded(summary)))
        let empty = SlogansCorpusSummary(slogans: [], documents: [])
        #expect(Self.written(empty) == (try Self.encoded(empty)))
    }

    /// Summaries of real analyses (two short reports sharing slogans and figures).
    @Test func summariesOfAnalysesMatchEncoder() throws {
        let texts = [
            ("2023.txt", "坚持以人民为中心的发展思想。全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。国内生产总值增长5%左右，城镇新增就业1200万人左右。"),
            ("2024.txt", "全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。居民消费价格涨幅3%左右，赤字率3%。"),
        ]
        let factResults = try texts.map { source, text in
            (source: source, result: try #require(try analyze(FactsAnalyzer.self, text: text).1 as? FactsResult))
        }
        let sloganResults = try texts.map { source, text in
            (source: source, result: try #require(try analyze(SlogansAnalyzer.self, text: text).1 as? SlogansResult))
        }
        let factsSummary = FactsResult.summarize(factResults)
        let slogansSummary = SlogansResult.summarize(sloganResults)
        #expect(factsSummary.figures > 0)
        #expect(!slogansSummary.slogans.isEmpty)
        #expect(Self.written(factsSummary) == (try Self.encoded(factsSummary)))
        #expect(Self.written(slogansSummary) == (try Self.encoded(slogansSummary)))
    }
}
