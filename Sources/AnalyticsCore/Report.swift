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
    /// The document's length in Unicode scalars (0 when it could not be read); kept when the
    /// document is not (`retainedForCorpus`).
    public let characters: Int

    public init(source: String, document: Document?, entries: [Entry], errors: [String]) {
        self.init(source: source, document: document, entries: entries, errors: errors, characters: document?.characterCount ?? 0)
    }

    private init(source: String, document: Document?, entries: [Entry], errors: [String], characters: Int) {
        self.source = source
        self.document = document
        self.entries = entries
        self.errors = errors
        self.characters = characters
    }

    /// What a corpus run keeps of this report once it is written (issue 19): the results that
    /// sum up over the corpus (`CorpusSummarizable`: trends read only those), the document
    /// without its text (with its scalars when `scalars`: trends need them), and the rest
    /// of the entry (source, characters, errors). The corpus object built from the kept
    /// reports is the one the whole reports give.
    public func retainedForCorpus(scalars: Bool) -> DocumentReport {
        DocumentReport(source: source, document: document?.retainedForCorpus(scalars: scalars),
                       entries: entries.compactMap { entry in
                           (entry.result as? any CorpusSummarizable).map { Entry(id: entry.id, result: $0.retainedForCorpus()) }
                       },
                       errors: errors, characters: characters)
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

    public var succeeded: Bool { errors.isEmpty }
}
