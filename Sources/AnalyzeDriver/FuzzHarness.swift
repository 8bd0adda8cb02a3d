import AnalyticsCore

/// What the fuzzer (Sources/analyze-fuzz, scripts/fuzz.sh) drives with each input: decoding, the
/// document model, every analyzer under each keywords method, the corpus summary and every
/// renderer, the segmenter and the jsonl reader. Anything that traps here would trap for a user.
/// Crashers it finds are kept in Tests/AnalyzeDriverTests/FuzzCrashers and replayed by a test.
public struct FuzzHarness: Sendable {
    private let pipelines: [Pipeline]
    private let segmenter: Segmenter

    public init() throws {
        let registry = BuiltinAnalyzers.registry
        pipelines = try ["keyness", "tfidf", "textrank", "frequency"].map { method in
            try Pipeline(registry: registry, requested: nil, options: ["keywords": ["method": method, "top": "5"]])
        }
        segmenter = try Segmenter.shipped()
    }

    /// Runs one input through everything; returns the number of report bytes (so nothing is optimised away).
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Int {
        let pipeline = pipelines[bytes.count % pipelines.count]
        // A second document from the first half of the bytes gives the corpus summary something to
        // compare, and often a decoding failure to mix in.
        var documents: [DocumentReport] = []
        var written0 = 0
        for (source, input) in [("input", bytes), ("half", Array(bytes.prefix(bytes.count / 2)))] {
            do {
                let text = try TextDecoding.decode(input).text
                documents.append(.analyzing(Document(source: source, text: text), with: pipeline))
            } catch {
                documents.append(.failed(source: source, error: error.message))
            }
        }
        var report = Report(documents: documents)
        // Trends (issue 19) over the two, with their renderings and compare's.
        if let trends = TrendsBuilder.build(report, segmenter: segmenter) {
            report.corpus.append(CorpusEntry(id: "trends", summary: trends, blocks: TrendsRendering.blocks(trends, report: report)))
            written0 = CompareRendering.text(report, trends).utf8.count + TrendsRendering.termsCSV(trends).utf8.count
                + TrendsRendering.indicatorsCSV(trends).utf8.count + CompareRendering.html(report, trends).utf8.count
        }
        var written = written0 + ((try? JSONReportRenderer.render(report).utf8.count) ?? 0)
        written += TextReportRenderer(useColor: true).render(report).utf8.count
        written += MarkdownReportRenderer.render(report).utf8.count
        written += HTMLReportRenderer.render(report).utf8.count
        for id in pipeline.requestedIDs { written += CSVReportRenderer.render(report, table: id)?.utf8.count ?? 0 }
        if let text = String(validating: bytes, as: UTF8.self) {
            written += segmenter.segmentedLines(text).utf8.count
            for line in text.split(separator: "\n").prefix(4) {
                if case .text(_, let body, _) = JSONLines.unit(line, at: "fuzz") { written += body.utf8.count }
            }
        }
        return written
    }
}
