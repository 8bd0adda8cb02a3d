import Testing
@testable import AnalyticsCore
@testable import AnalyzeDriver
import SlogansPlugin

/// `--format json` streams (issue 19): documents' parts written as they finish, the corpus
/// object built afterwards from what is kept of each document (`retainedForCorpus`). The bytes
/// must be those of rendering the whole report at once, with trends and without.
@Suite struct StreamedJSONTests {
    static let texts = [
        "——2023年3月5日\n国内生产总值增长5.5%左右。推动“两个确立”。坚持高质量发展，扩大国内需求。",
        "——2024年3月5日\n发展新质生产力。国内生产总值增长5%左右。坚持高质量发展，发行超长期特别国债。",
        seedText,
        "空",
    ]

    static func streamed(_ documents: [DocumentReport], trends: Bool) throws -> String {
        let kept = documents.map { $0.retainedForCorpus(scalars: trends) }
        var report = Report(documents: kept)
        if trends, let built = TrendsBuilder.build(report) {
            report.corpus.append(CorpusEntry(id: "trends", summary: built, blocks: []))
        }
        var out: [UInt8] = []
        var head = try JSONReportRenderer.encodeHead(corpus: report.corpus)
        head.write { out += $0 }
        for (index, document) in documents.enumerated() {
            JSONReportRenderer.writeDocument(try JSONReportRenderer.renderDocumentIndented(document), at: index, of: documents.count) { out += $0 }
        }
        out += JSONReportRenderer.tail
        return String(decoding: out, as: UTF8.self)
    }

    @Test func streamedReportEqualsRendered() throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: nil)
        let documents = Self.texts.enumerated().map { DocumentReport.analyzing(Document(source: "d\($0.offset).txt", text: $0.element), with: pipeline) }
            + [.failed(source: "missing.txt", error: "cannot be read")]
        var whole = Report(documents: documents)
        let rendered = try JSONReportRenderer.render(whole)
        #expect(try Self.streamed(documents, trends: false) == rendered)
        let trends = try #require(TrendsBuilder.build(whole))
        whole.corpus.append(CorpusEntry(id: "trends", summary: trends, blocks: []))
        #expect(try Self.streamed(documents, trends: true) == (try JSONReportRenderer.render(whole)))
        // One document: no corpus object.
        #expect(try Self.streamed([documents[2]], trends: false) == (try JSONReportRenderer.render(Report(documents: [documents[2]]))))
    }

    @Test func keptDocumentIsSmall() throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: nil)
        let report = DocumentReport.analyzing(Document(source: "seed", text: seedText), with: pipeline)
        let kept = report.retainedForCorpus(scalars: false)
        #expect(kept.characters == report.characters && kept.source == report.source)
        #expect(kept.document?.text.isEmpty == true && kept.document?.scalars.isEmpty == true)
        // Only what sums up over a corpus: stats has no corpus summary.
        #expect(!kept.entries.contains { $0.id == "stats" } && kept.entries.contains { $0.id == "keywords" })
        #expect(report.retainedForCorpus(scalars: true).document?.scalars == report.document?.scalars)
        // Slogans keep text, kind and count: the corpus summary is the same.
        let slogans = try #require(report.entries.first { $0.id == "slogans" }?.result as? SlogansResult)
        let keptSlogans = try #require(kept.entries.first { $0.id == "slogans" }?.result as? SlogansResult)
        #expect(!slogans.slogans.isEmpty && keptSlogans.slogans.allSatisfy { $0.occurrences.isEmpty })
        #expect(SlogansResult.summarize([("a", slogans), ("b", slogans)]) == SlogansResult.summarize([("a", keptSlogans), ("b", keptSlogans)]))
    }

    @Test func driverStreamsTheReport() {
        let lines = Self.texts.enumerated().map { #"{"id": "d\#($0.offset)", "text": "\#($0.element.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\""))"}"# }
            .joined(separator: "\n")
        let run = runAnalyze(["--input", "jsonl", "--format", "json", "-"], stdin: lines)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("{\n  \"corpus\" : {\n    \"facts\" : {") && run.output.hasSuffix("  ],\n  \"schemaVersion\" : 1\n}\n"))
        #expect(run.output.contains("\"trends\" : {") && run.output.contains("\"source\" : \"d3\""))
    }

    /// The spill file gives back what was written, in order, in chunks of any size; without a
    /// writable TMPDIR the parts wait in memory.
    @Test(arguments: [nil, "/nonexistent-directory"]) func spillGivesBackItsBytes(directory: String?) {
        let spill = ReportSpill(environment: directory.map { ["TMPDIR": $0] } ?? [:])
        let pieces = (0..<300).map { index in [UInt8](repeating: UInt8(index % 251), count: index * 37 % 9000) }
        for piece in pieces { spill.write(piece) }
        var out: [UInt8] = []
        #expect(spill.copy { out += $0 })
        #expect(out == pieces.flatMap { $0 })
    }
}
