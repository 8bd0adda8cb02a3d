import Foundation
import AnalyticsCore

public enum SloganKind: String, Codable, Sendable, CaseIterable {
    /// In the shipped or user lexicon of national formulations, reported with its meaning.
    case known
    /// Numeral + classifier + head (七大都市, 两个确立) or a fixed shape (一体两翼, 双促进, 五位一体).
    case formula
    /// A name, campaign or concept in quotes (“书香政协”).
    case quoted
    /// Adjacent clauses of equal length and matching structure (踔厉奋发，笃行致远).
    case parallel
    /// A phrase built by repetition (全面振兴全方位振兴) or repeated across the document.
    case repeated
}

public struct Slogan: Codable, Sendable, Equatable {
    public struct Occurrence: Codable, Sendable, Equatable {
        public let start: Int
        public let end: Int
    }

    public let text: String
    public let kind: SloganKind
    /// Occurrences in the document.
    public let count: Int
    /// For numbered formulas: the number (七大都市 → 7) and the head (都市).
    public let number: Double?
    public let head: String?
    /// For known formulations: what it means, and where that comes from.
    public let meaning: String?
    public let source: String?
    /// Why it was reported, in words a reader can check.
    public let reason: String
    public let occurrences: [Occurrence]

    // JSON: SlogansJSON.swift (one description for the fast path and Encodable).
}

public struct SlogansResult: AnalyzerResult, Equatable {
    /// Ordered by first occurrence.
    public let slogans: [Slogan]

    public var reportedSpans: [LabeledSpan] {
        slogans.flatMap { slogan in slogan.occurrences.map { LabeledSpan(slogan.kind.rawValue, TextSpan(start: $0.start, end: $0.end)) } }
    }

    public var highlights: [LabeledSpan] {
        slogans.flatMap { slogan in
            let detail = [slogan.kind.rawValue, slogan.meaning ?? slogan.head.map { "head \($0)" }, "×\(slogan.count)"].compactMap { $0 }.joined(separator: " · ")
            return slogan.occurrences.map { LabeledSpan(detail, TextSpan(start: $0.start, end: $0.end)) }
        }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        guard !slogans.isEmpty else { return [.note("no slogans found")] }
        var blocks: [RenderBlock] = [.note("\(slogans.count) slogans and formulations")]
        for kind in SloganKind.allCases {
            let ofKind = slogans.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            let rows = ofKind.map { slogan -> [String] in
                [slogan.text, String(slogan.count), slogan.meaning ?? slogan.head.map { "head \($0)" } ?? ""]
            }
            blocks.append(.table(headers: [kind.rawValue, "count", kind == .known ? "meaning" : ""], rows: rows, numericColumns: [1]))
        }
        return blocks
    }
}

/// Across documents: which slogans each document shares with the others, and where each appears.
public struct SlogansCorpusSummary: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let text: String
        public let kind: SloganKind
        /// Occurrences over all documents.
        public let count: Int
        /// The documents it appears in, in input order.
        public let documents: [String]
    }

    public struct DocumentShare: Codable, Sendable, Equatable {
        public let source: String
        /// This document's slogans that appear in at least one other document.
        public let shared: [String]
    }

    /// Slogans found in two or more documents, the most widespread first (ties by text).
    public let slogans: [Entry]
    public let documents: [DocumentShare]
}

extension SlogansResult: CorpusSummarizable {
    public static func summarize(_ documents: [(source: String, result: SlogansResult)]) -> SlogansCorpusSummary {
        var where_: [String: (kind: SloganKind, count: Int, documents: [String])] = [:]
        for (source, result) in documents {
            for slogan in result.slogans {
                var entry = where_[slogan.text] ?? (slogan.kind, 0, [])
                entry.count += slogan.count
                if entry.documents.last != source { entry.documents.append(source) }
                where_[slogan.text] = entry
            }
        }
        let shared = where_.filter { $0.value.documents.count > 1 }
        let entries = shared.map { SlogansCorpusSummary.Entry(text: $0.key, kind: $0.value.kind, count: $0.value.count, documents: $0.value.documents) }
            .sorted { $0.documents.count != $1.documents.count ? $0.documents.count > $1.documents.count : $0.text < $1.text }
        let shares = documents.map { source, result in
            SlogansCorpusSummary.DocumentShare(source: source, shared: result.slogans.map(\.text).filter { shared[$0] != nil })
        }
        return SlogansCorpusSummary(slogans: entries, documents: shares)
    }

    public static func rendering(of summary: SlogansCorpusSummary) -> [RenderBlock] {
        guard !summary.slogans.isEmpty else { return [.note("no slogan appears in more than one document")] }
        let total = summary.documents.count
        let top = Array(summary.slogans.prefix(30))
        let sources = summary.documents.map(\.source)
        let counts = top.map { slogan in sources.map { source in slogan.documents.contains(source) ? 1.0 : 0.0 } }
        return [
            .note("\(summary.slogans.count) slogans appear in more than one of \(total) documents"),
            .matrix(rowLabels: top.map(\.text), columnLabels: sources.map { ($0 as NSString).lastPathComponent }, values: counts),
            .table(headers: ["slogan", "kind", "documents", "count"],
                   rows: summary.slogans.prefix(40).map { [$0.text, $0.kind.rawValue, "\($0.documents.count)/\(total)", String($0.count)] },
                   numericColumns: [3]),
            .table(headers: ["document", "shared"], rows: summary.documents.map { [$0.source, String($0.shared.count)] }, numericColumns: [1]),
        ]
    }
}
