import AnalyticsCore
import Foundation
import TermsPlugin

/// The driver's one entry to trends and `compare` (issue 19): options and `--dates` read before
/// the run (usage errors first), the `trends` corpus entry added after it, and the renderings
/// that replace the ordinary report (`compare`, `--table`).
struct TrendsHook {
    static let tables = ["terms", "indicators"]

    let options: TrendsOptions
    let overrides: [String: DocumentDate]
    let compare: Bool
    let table: String?
    let format: OutputFormat
    var trends: Trends?

    init(invocation: Invocation) throws(UsageError) {
        var options = try TrendsOptions(invocation.options["trends"] ?? [:])
        compare = invocation.subcommand.isCompare
        if compare { options.inputOrder = true; options.by = .document }
        self.options = options
        table = invocation.table.flatMap { Self.tables.contains($0) ? $0 : nil }
        format = invocation.format
        guard let path = invocation.dates else { overrides = [:]; return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageError(message: "--dates \(path): cannot be read; give a CSV file of source,date lines")
        }
        let parsed = DocumentDating.parseDatesFile(text)
        if let first = parsed.errors.first { throw UsageError(message: "--dates \(path): \(first)") }
        overrides = parsed.dates
    }

    /// Whether trends will run, so the documents' scalars must be kept (`retainedForCorpus`).
    var needsScalars: Bool { options.enabled || compare }

    /// Adds the `trends` corpus entry when two or more documents were analysed.
    mutating func attach(to report: inout Report, units: [InputUnit]) {
        guard needsScalars else { return }
        var recordDates: [Int: String] = [:]
        for (index, unit) in units.enumerated() {
            if case .text(_, _, let date?) = unit { recordDates[index] = date }
        }
        var options = self.options
        if !report.documents.contains(where: { $0.entries.contains { $0.result is TermsResult } }) {
            options.policyTerms = (try? TermList.load([TermList.builtinName]))?.map(\.term)
        }
        // Heads of restated stances (货币政策 of 稳健的货币政策) come from the shipped terms said or not.
        if report.documents.count > 1 {
            options.stanceTerms = options.policyTerms ?? (try? TermList.load([TermList.builtinName]))?.map(\.term)
        }
        guard let built = TrendsBuilder.build(report, recordDates: recordDates, overrides: overrides, options: options) else { return }
        trends = built
        // JSON and CSV never show the blocks (the HTML charts are most of their cost).
        let shown = format == .text || format == .markdown || format == .html
        report.corpus.append(CorpusEntry(id: "trends", summary: built, blocks: shown ? TrendsRendering.blocks(built, report: report) : []))
    }

    /// What replaces the ordinary rendering, or nil. Without trends (one document), `--table terms`
    /// is left to the `terms` analyzer's own table when it ran (`analyzerTable`).
    func render(_ report: Report, toTerminal: Bool, analyzerTable: String?) throws(UsageError) -> String? {
        if let table {
            if let trends { return table == "terms" ? TrendsRendering.termsCSV(trends) : TrendsRendering.indicatorsCSV(trends) }
            guard analyzerTable != nil else { throw UsageError(message: "--table \(table) is a trends table: it needs two or more documents analysed") }
            return nil
        }
        guard compare, let trends else { return nil }
        switch format {
        case .text: return CompareRendering.text(report, trends)
        case .markdown: return CompareRendering.markdown(report, trends)
        case .html: return CompareRendering.html(report, trends)
        case .json, .jsonl, .csv: return nil
        }
    }
}
