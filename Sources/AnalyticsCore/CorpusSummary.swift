/// A result type that can sum itself up over several documents (which slogans documents share,
/// keyword totals…). The driver adds these summaries after the documents when there is more than one.
public protocol CorpusSummarizable: AnalyzerResult {
    associatedtype Summary: Encodable & Sendable
    static func summarize(_ documents: [(source: String, result: Self)]) -> Summary
    static func rendering(of summary: Summary) -> [RenderBlock]
}

/// One analyzer's summary over the documents of a run.
public struct CorpusEntry: Sendable {
    public let id: String
    public let summary: any Encodable & Sendable
    public let blocks: [RenderBlock]
}

extension CorpusSummarizable {
    static func entry(id: String, _ documents: [(source: String, result: any AnalyzerResult)]) -> CorpusEntry {
        let typed = documents.compactMap { document in (document.result as? Self).map { (source: document.source, result: $0) } }
        let summary = summarize(typed)
        return CorpusEntry(id: id, summary: summary, blocks: rendering(of: summary))
    }
}

extension Report {
    /// Summaries of every requested analyzer that supports them, over the documents analysed.
    public static func corpusEntries(for documents: [DocumentReport]) -> [CorpusEntry] {
        guard documents.filter({ $0.document != nil }).count > 1 else { return [] }
        var ids: [String] = []
        var byID: [String: [(source: String, result: any AnalyzerResult)]] = [:]
        for document in documents {
            for entry in document.entries {
                if byID[entry.id] == nil { ids.append(entry.id) }
                byID[entry.id, default: []].append((document.source, entry.result))
            }
        }
        return ids.compactMap { id in
            guard let results = byID[id], let first = results.first?.result,
                  let type = type(of: first) as? any CorpusSummarizable.Type else { return nil }
            return type.entry(id: id, results)
        }
    }
}
