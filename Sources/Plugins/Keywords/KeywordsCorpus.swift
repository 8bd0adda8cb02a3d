import AnalyticsCore
import Foundation

/// Across documents: each term's total count and the number of documents it is a keyword of;
/// what sets each document apart from the rest of the run (keyness of its terms against the
/// other documents together); and the multi-word terms the run's documents have in common.
public struct KeywordsCorpusSummary: Codable, Sendable, Equatable {
    public struct Term: Codable, Sendable, Equatable {
        public let term: String
        public let count: Int
        public let documents: Int
    }

    /// One document's terms over-used against the rest of the run.
    public struct Distinctive: Codable, Sendable, Equatable {
        public struct Keyword: Codable, Sendable, Equatable {
            public let term: String
            public let count: Int
            /// The count the rest of the run's rate predicts for this document.
            public let expected: Double
            /// G² against the rest of the run.
            public let score: Double
        }

        public let source: String
        public let keywords: [Keyword]
    }

    /// The terms that are keywords of at least one document, most widespread first (then by count, then term).
    public let terms: [Term]
    /// Per document, in input order: its top 10 terms by keyness against the other documents.
    public let distinctive: [Distinctive]
    /// Multi-word terms that are keywords of two or more documents, most widespread first.
    public let phrases: [Term]
}

extension KeywordsResult: CorpusSummarizable {
    static let distinctiveTop = 10

    public static func summarize(_ documents: [(source: String, result: KeywordsResult)]) -> KeywordsCorpusSummary {
        var totals: [String: (count: Int, documents: Int, phrase: Bool)] = [:]
        for (_, result) in documents {
            for keyword in result.keywords {
                let current = totals[keyword.term] ?? (0, 0, keyword.phrase)
                totals[keyword.term] = (current.count + keyword.count, current.documents + 1, current.phrase || keyword.phrase)
            }
        }
        func sorted(_ terms: [KeywordsCorpusSummary.Term]) -> [KeywordsCorpusSummary.Term] {
            terms.sorted { ($1.documents, $1.count, $0.term) < ($0.documents, $0.count, $1.term) }
        }
        let terms = sorted(totals.map { KeywordsCorpusSummary.Term(term: $0.key, count: $0.value.count, documents: $0.value.documents) })
        let phrases = sorted(totals.filter { $0.value.phrase && $0.value.documents >= 2 }
            .map { KeywordsCorpusSummary.Term(term: $0.key, count: $0.value.count, documents: $0.value.documents) })
        return KeywordsCorpusSummary(terms: terms, distinctive: distinctive(documents), phrases: phrases)
    }

    /// Each document's recurring terms scored by G² against the sum of all the others.
    static func distinctive(_ documents: [(source: String, result: KeywordsResult)]) -> [KeywordsCorpusSummary.Distinctive] {
        let perDocument = documents.map { $0.result.termCounts.all }
        var run: [String: Int] = [:]
        var runTokens = 0
        for (index, terms) in perDocument.enumerated() {
            runTokens += documents[index].result.termCounts.tokens
            for term in terms { run[term.term, default: 0] += term.count }
        }
        return documents.indices.map { index in
            let tokens = Double(max(documents[index].result.termCounts.tokens, 1))
            let restTokens = Double(max(runTokens - documents[index].result.termCounts.tokens, 1))
            var scored: [KeywordsCorpusSummary.Distinctive.Keyword] = []
            for term in perDocument[index] {
                let a = Double(term.count)
                let rest = max(Double(run[term.term, default: 0] - term.count), KeynessScorer.floor)
                guard a / tokens > rest / restTokens else { continue }
                let score = KeynessScorer.logLikelihood(a, rest, tokens, restTokens)
                scored.append(.init(term: term.term, count: term.count, expected: (rest * tokens / restTokens * 1e3).rounded() / 1e3,
                                    score: (score * 1e6).rounded() / 1e6))
            }
            let top = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }.prefix(distinctiveTop)
            return .init(source: documents[index].source, keywords: Array(top))
        }
    }

    public static func rendering(of summary: KeywordsCorpusSummary) -> [RenderBlock] {
        [
            .bars(summary.terms.prefix(20).map { .init("\($0.term) ×\($0.count)", value: Double($0.documents), display: "\($0.documents) docs") }),
            .note("What sets each document apart from the rest of the run (keyness, G²):"),
            .table(headers: ["document", "distinctive terms"],
                   rows: summary.distinctive.map { [$0.source, $0.keywords.map(\.term).joined(separator: "、")] }),
        ]
    }
}
