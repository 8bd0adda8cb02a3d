import Foundation
import AnalyticsCore

public enum FactKind: String, Codable, Sendable, CaseIterable {
    case number, count, money, percent, measure, ordinal, year, date, range, duration, formula
}

/// One figure: what kind, its normalised value and unit, what it counts, and where it is.
/// Encodable through `JSONDescribed` (FactsJSON.swift); Decodable synthesized.
public struct Fact: Decodable, Sendable, Equatable {
    public var kind: FactKind
    /// The normalised number: 1.2万亿元 → 1.2e12 (unit 元); 5.1% → 5.1; a year is its number;
    /// a date is yyyymmdd with missing parts 0; a range's value is its low end.
    public var value: Double
    public var unit: String?
    /// What is counted or measured, from the figure's clause: 开展专题协商3次 → 专题协商.
    public var subject: String?
    public var text: String
    public var start: Int
    public var end: Int
    /// The sentence the figure is in, and its span. A run-on sentence (text without punctuation)
    /// longer than `FactBuilder.maximumQuotedSentence` is quoted as a window around the figure, and
    /// `sentenceClipped` is true: the report grows with the text, not with figures × sentence length.
    /// nil only with `facts.sentences=false` (the key stays, as null).
    public var sentence: String?
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var sentenceClipped: Bool? = nil
    /// up or down, for a change (增长5.1%, 下降2个百分点).
    public var direction: String?
    /// 多, 余, 约, 近, 几: the figure is approximate.
    public var approximate: Bool?
    /// For ranges: both ends, in the unit; `low` is also `value`.
    public var low: Double?
    public var high: Double?
    /// For dates: ISO 8601 as far as known (2022-03-05, 2022-03, --03-05).
    public var date: String?
    /// 超过, 逾, 以上, 不少于: the amount is a lower bound.
    public var atLeast: Bool?
    /// 不到, 以内, 以下, 不超过: the amount is an upper bound.
    public var atMost: Bool?
    /// `target` for what is planned or aimed at (预期目标, 力争, 拟, 将), `actual` for an amount stated
    /// as fact; nil for years, dates, ordinals and formulations.
    public var modality: String?
}

public struct FactsResult: AnalyzerResult, Equatable {
    /// In document order.
    public let facts: [Fact]

    public var reportedSpans: [LabeledSpan] {
        facts.map { LabeledSpan($0.kind.rawValue, TextSpan(start: $0.start, end: $0.end)) }
    }

    public var highlights: [LabeledSpan] {
        facts.map { fact in
            let detail = [fact.kind.rawValue, Self.displayValue(fact) + (fact.unit.map { " " + $0 } ?? ""), fact.subject, fact.direction]
                .compactMap { $0 }.joined(separator: " · ")
            return LabeledSpan(detail, TextSpan(start: fact.start, end: fact.end))
        }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        guard !facts.isEmpty else { return [.note("no figures found")] }
        let rows = facts.map { fact -> [String] in
            let direction = fact.direction.map { $0 == "up" ? "↑" : "↓" } ?? ""
            let value = Self.displayValue(fact)
            return [fact.subject ?? "", direction + value, fact.unit ?? "", fact.kind.rawValue, fact.text]
        }
        return [.note("\(facts.count) figures"), .table(headers: ["subject", "value", "unit", "kind", "text"], rows: rows, numericColumns: [1])]
    }

    /// The value as a reader expects it: a range as low–high, a year or date as written in ISO.
    static func displayValue(_ fact: Fact) -> String {
        switch fact.kind {
        case .range where fact.unit == "年" && (1000...2999).contains(fact.high ?? 0) && (1000...2999).contains(fact.low ?? 0):
            return "\(Int(fact.low ?? fact.value))–\(Int(fact.high ?? fact.value))"
        case .range: return "\(format(fact.low ?? fact.value))–\(format(fact.high ?? fact.value))"
        case .year, .date: return fact.date ?? String(Int(fact.value))
        default: return format(fact.value)
        }
    }

    /// Whole numbers without decimals, large ones grouped; others with up to 4 decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 {
            return NumberText.grouped(Int(value))
        }
        var text = NumberText.fixed(value, digits: 4)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension FactsResult: CSVExportable {
    public static let csvColumns = ["kind", "value", "unit", "subject", "direction", "text", "start", "end", "sentence"]

    public var csvRows: [[String]] {
        facts.map { fact in
            [fact.kind.rawValue, FactsResult.plain(fact.value), fact.unit ?? "", fact.subject ?? "", fact.direction ?? "", fact.text,
             String(fact.start), String(fact.end), fact.sentence ?? ""]
        }
    }

    /// A number as a spreadsheet reads it: no grouping, no exponent for ordinary sizes.
    static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// Across documents: the number of figures, and of each kind per document. The figures
/// themselves stay in each document's `analyzers.facts.facts` (issue 19: a copy of every fact
/// here made the JSON report 2.7× the size of the jsonl and twice as slow to write).
public struct FactsCorpusSummary: Codable, Sendable, Equatable {
    /// Figures in all documents.
    public let figures: Int
    /// Per document: kind → number of figures.
    public let kinds: [String: [String: Int]]
}

extension FactsResult: CorpusSummarizable {
    public static func summarize(_ documents: [(source: String, result: FactsResult)]) -> FactsCorpusSummary {
        var figures = 0
        var kinds: [String: [String: Int]] = [:]
        for (source, result) in documents {
            figures += result.facts.count
            for fact in result.facts {
                kinds[source, default: [:]][fact.kind.rawValue, default: 0] += 1
            }
        }
        return FactsCorpusSummary(figures: figures, kinds: kinds)
    }

    public static func rendering(of summary: FactsCorpusSummary) -> [RenderBlock] {
        let sources = summary.kinds.keys.sorted()
        return [
            .note("\(summary.figures) figures in \(sources.count) documents (all of them: --format csv)"),
            .table(headers: ["document", "figures", "most common kinds"], rows: sources.map { source in
                let kinds = summary.kinds[source] ?? [:]
                let common = kinds.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map { "\($0.key) \($0.value)" }
                return [(source as NSString).lastPathComponent, String(kinds.values.reduce(0, +)), common.joined(separator: ", ")]
            }, numericColumns: [1]),
        ]
    }
}
