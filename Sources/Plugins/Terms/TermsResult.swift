import AnalyticsCore

/// One occurrence of a tracked term: the variant as it stands in the text.
public struct TermOccurrence: Codable, Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let text: String
}

/// A tracked term that occurs in the document.
public struct FoundTerm: Codable, Sendable, Equatable {
    public let term: String
    public let category: String
    public let note: String?
    public let count: Int
    public let occurrences: [TermOccurrence]
}

/// How many occurrences the terms of one category have in the document.
public struct CategoryTotal: Codable, Sendable, Equatable {
    public let category: String
    public let count: Int
    /// Distinct terms of the category that occur.
    public let terms: Int
}

public struct TermsResult: AnalyzerResult, Equatable {
    /// The lists read, as given (`builtin` for the shipped one).
    public let lists: [String]
    /// Terms that occur, most frequent first, then in list order.
    public let terms: [FoundTerm]
    /// Per category, most occurrences first, then by name.
    public let categories: [CategoryTotal]
    /// Occurrences of all terms.
    public let total: Int

    init(lists: [String], terms found: [FoundTerm]) {
        self.lists = lists
        terms = found.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
        var byCategory: [String: (count: Int, terms: Int)] = [:]
        for term in found { byCategory[term.category, default: (0, 0)].count += term.count; byCategory[term.category]!.terms += 1 }
        categories = byCategory.map { CategoryTotal(category: $0.key, count: $0.value.count, terms: $0.value.terms) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category < $1.category }
        total = found.reduce(0) { $0 + $1.count }
    }

    public var reportedSpans: [LabeledSpan] {
        terms.flatMap { term in term.occurrences.map { LabeledSpan(term.term, TextSpan(start: $0.start, end: $0.end)) } }
            .sorted { $0.span < $1.span }
    }

    public var highlights: [LabeledSpan] {
        terms.flatMap { term in term.occurrences.map { LabeledSpan("\(term.term) · \(term.category)", TextSpan(start: $0.start, end: $0.end)) } }
            .sorted { $0.span < $1.span }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        guard !terms.isEmpty else { return [.note("none of the \(lists.isEmpty ? "given" : lists.joined(separator: ", ")) terms occurs")] }
        return [
            .bars(categories.map { .init($0.category, value: Double($0.count), display: "\($0.count) (\($0.terms) \($0.terms == 1 ? "term" : "terms"))") }),
            .table(headers: ["term", "category", "count", "first at"],
                   rows: terms.map { [$0.term, $0.category, String($0.count), String($0.occurrences[0].start)] },
                   numericColumns: [2, 3]),
        ]
    }
}

extension TermsResult: CSVExportable {
    public static var csvColumns: [String] { ["term", "category", "count", "first_start", "first_end"] }
    public var csvRows: [[String]] {
        terms.map { [$0.term, $0.category, String($0.count), String($0.occurrences[0].start), String($0.occurrences[0].end)] }
    }
}

/// The term × document table of a corpus run.
public struct TermsCorpusSummary: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public let term: String
        public let category: String
        /// Per document, in the run's order.
        public let counts: [Int]
        public let total: Int
        /// How many documents it occurs in.
        public let documents: Int
    }
    public let documents: [String]
    /// Terms occurring anywhere, most occurrences first, then by term.
    public let terms: [Row]
}

extension TermsResult: CorpusSummarizable {
    public static func summarize(_ documents: [(source: String, result: TermsResult)]) -> TermsCorpusSummary {
        var rows: [String: (category: String, counts: [Int])] = [:]
        for (index, document) in documents.enumerated() {
            for term in document.result.terms {
                rows[term.term, default: (term.category, Array(repeating: 0, count: documents.count))].counts[index] = term.count
            }
        }
        let sorted = rows.map { term, row in
            TermsCorpusSummary.Row(term: term, category: row.category, counts: row.counts,
                                   total: row.counts.reduce(0, +), documents: row.counts.filter { $0 > 0 }.count)
        }.sorted { $0.total != $1.total ? $0.total > $1.total : $0.term < $1.term }
        return TermsCorpusSummary(documents: documents.map(\.source), terms: sorted)
    }

    public static func rendering(of summary: TermsCorpusSummary) -> [RenderBlock] {
        guard !summary.terms.isEmpty else { return [.note("no listed term occurs in these documents")] }
        let shown = summary.terms.prefix(40)
        return [.matrix(rowLabels: shown.map(\.term), columnLabels: summary.documents.map(shortLabel),
                        values: shown.map { $0.counts.map(Double.init) })]
    }

    /// A file name without its folder and extension: column heads stay short.
    static func shortLabel(_ source: String) -> String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
