import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// The trends' direct JSON writer against JSONEncoder over the `Encodable` conformances: the same bytes.
@Suite struct TrendsJSONTests {
    static func encoded(_ trends: Trends) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(trends), as: UTF8.self)
    }

    static func written(_ trends: Trends) -> String {
        var writer = JSONLineWriter(capacity: 256)
        trends.writeJSON(into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func sample(grouped: Bool) -> Trends {
        let documents = [
            Trends.DocumentEntry(source: "a/2023 \"报告\".txt", date: "2023", dateSource: "name", characters: 120, inputs: [1, 0],
                                 from: grouped ? "2023-01-02" : nil, to: nil, grouped: grouped),
            Trends.DocumentEntry(source: "undated", date: nil, dateSource: nil, characters: 0, inputs: [2],
                                 from: nil, to: grouped ? "2024-12-31" : nil, grouped: grouped),
        ]
        let terms = [
            Trends.Term(term: "新质生产力", counts: [0, 3], perTenThousand: [0, 12.34], first: 1, last: 1, change: "new", origin: "tracked"),
            Trends.Term(term: "a\\b/c\n", counts: [], perTenThousand: [], first: nil, last: nil, change: "steady", origin: "keyword"),
        ]
        let scored = [
            Trends.ScoredTerm(term: "人工智能+", count: 2, score: 13.125, origin: "coined", strength: 3, persistence: 0.333, kept: 1, later: 3),
            Trends.ScoredTerm(term: "x", count: 1, score: 0.1 + 0.2, origin: "discovered", strength: 0.8, persistence: 1e-05),
        ]
        let values = [
            Trends.IndicatorValue(document: 0, source: "a", value: 5.5, low: nil, high: nil, text: "5.5%左右", start: 10, end: 16,
                                  modality: "target", targetSentence: true, period: nil, approximate: true, atLeast: nil, atMost: nil),
            Trends.IndicatorValue(document: 1, source: "b", value: 1_200_000_000_000, low: 2, high: 3.75, text: "1.2万亿元", start: 0, end: 6,
                                  modality: nil, targetSentence: false, period: "multi-year", approximate: nil, atLeast: false, atMost: true),
        ]
        let indicators = [
            Trends.Indicator(subject: "国内生产总值增长", unit: "%", period: nil, values: values),
            Trends.Indicator(subject: "赤字", unit: nil, period: "annual-average", values: []),
        ]
        return Trends(by: grouped ? "year" : "document", documents: documents, terms: terms,
                      new: [Trends.DocumentTerms(document: 1, terms: scored)],
                      gone: [Trends.DocumentTerms(document: 1, terms: [])], indicators: indicators)
    }

    @Test(arguments: [false, true]) func writerMatchesEncoder(grouped: Bool) throws {
        let trends = Self.sample(grouped: grouped)
        #expect(Self.written(trends) == (try Self.encoded(trends)))
    }

    @Test func emptyTrends() throws {
        let trends = Trends(by: "document", documents: [], terms: [], new: [], gone: [], indicators: [])
        #expect(Self.written(trends) == (try Self.encoded(trends)))
    }
}
