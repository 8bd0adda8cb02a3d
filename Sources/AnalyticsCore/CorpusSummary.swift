import Foundation

/// A result type that can sum itself up over several documents (which slogans documents share,
/// keyword totals…). The driver adds these summaries after the documents when there is more than one.
public protocol CorpusSummarizable: AnalyzerResult {
    associatedtype Summary: Encodable & Sendable
    static func summarize(_ documents: [(source: String, result: Self)]) -> Summary
    static func rendering(of summary: Summary) -> [RenderBlock]
    /// What a corpus run keeps of this result once the document's report is written (issue 19:
    /// a JSON report of 10,000 articles held every result whole): enough for `summarize` and
    /// for trends (which read keywords' terms, slogans, terms and facts) to give what the whole
    /// result gives. The default keeps it all.
    func retainedForCorpus() -> Self
}

extension CorpusSummarizable {
    public func retainedForCorpus() -> Self { self }
}

/// One analyzer's summary over the documents of a run.
public struct CorpusEntry: Sendable {
    public let id: String
    public let summary: any Encodable & Sendable
    public let blocks: [RenderBlock]

    public init(id: String, summary: any Encodable & Sendable, blocks: [RenderBlock]) {
        self.id = id
        self.summary = summary
        self.blocks = blocks
    }
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

/// Capability: a result that is a table. `--format csv --table ID` writes the rows of every
/// document, with a source column first (`--format csv` alone, when one analyzer run has a table).
public protocol CSVExportable: AnalyzerResult {
    static var csvColumns: [String] { get }
    var csvRows: [[String]] { get }
}

public enum CSVReportRenderer {
    /// The table of analyzer `id` for all documents; nil when no result of that id is a table.
    public static func render(_ report: Report, table id: String) -> String? {
        guard report.documents.contains(where: { $0.entries.contains { $0.id == id && $0.result is any CSVExportable } }) else { return nil }
        var columns: [String] = []
        var rows: [[String]] = []
        for document in report.documents {
            guard let result = document.entries.first(where: { $0.id == id })?.result as? any CSVExportable else { continue }
            columns = type(of: result).csvColumns
            rows += result.csvRows.map { [document.source] + $0 }
        }
        return ([["source"] + columns] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
