/// The combined report of one run: every input document, in input order.
public struct Report: Sendable {
    public static let schemaVersion = 1
    public var documents: [DocumentReport]
    /// Summaries across documents (when there are several), by analyzer.
    public var corpus: [CorpusEntry]

    public init(documents: [DocumentReport], corpus: [CorpusEntry]? = nil) {
        self.documents = documents
        self.corpus = corpus ?? Report.corpusEntries(for: documents)
    }
}

/// One input's report: the results of the analyzers asked for, or the errors that stopped it.
public struct DocumentReport: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let result: any AnalyzerResult
    }

    public let source: String
    /// The analysed document; nil when the input could not be read or decoded.
    public let document: Document?
    /// Results of the requested analyzers, in the order requested.
    public let entries: [Entry]
    public let errors: [String]

    public init(source: String, document: Document?, entries: [Entry], errors: [String]) {
        self.source = source
        self.document = document
        self.entries = entries
        self.errors = errors
    }

    /// A report for an input that could not be analysed at all.
    public static func failed(source: String, error: String) -> DocumentReport {
        DocumentReport(source: source, document: nil, entries: [], errors: [error])
    }

    /// Runs `pipeline` on `document` and keeps the results the user asked for.
    public static func analyzing(_ document: Document, with pipeline: Pipeline) -> DocumentReport {
        let (results, failures) = pipeline.run(document)
        let entries = pipeline.requestedIDs.compactMap { id in results[id].map { Entry(id: id, result: $0) } }
        let errors = pipeline.runOrder.compactMap { id in failures[id].map { "analyzer '\(id)' \($0)" } }
        return DocumentReport(source: document.source, document: document, entries: entries, errors: errors)
    }

    public var characters: Int { document?.characterCount ?? 0 }
    public var succeeded: Bool { errors.isEmpty }
}
