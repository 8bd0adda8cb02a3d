import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// An analyzer that adopts no capability: what a new analyzer gets before it writes any.
struct BareAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "bare", summary: "counts paragraphs, nothing more",
                                                 examples: [AnalyzerExample("«一段。»")])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) -> BareResult {
        BareResult(paragraphs: document.paragraphs.count, first: document.paragraphs.first.map { document.text($0) },
                   spans: document.paragraphs.map { TextSpan(start: $0.start, end: $0.end) })
    }
}

struct BareResult: AnalyzerResult {
    let paragraphs: Int
    let first: String?
    let spans: [TextSpan]
    var reportedSpans: [LabeledSpan] { spans.map { LabeledSpan("paragraph", $0) } }
}

/// A described result whose JSON keys differ from its property names: both writers must follow
/// the description, not the properties.
struct Probe: JSONDescribed, Equatable {
    struct Inner: JSONDescribed, Equatable {
        let a: Int
        func describeJSON<W: JSONFieldWriter>(into json: inout W) { json.int("alpha", a) }
    }
    let value: Double
    let name: String?
    let inner: Inner?
    let list: [Inner]
    var high: Double? = nil
    var clipped: Bool? = nil
    var terms: [String] = []
    var occurrences: [TextSpan] = []
    var scores: [(key: String, value: Double)] = []
    var number: Double? = nil
    static func == (a: Probe, b: Probe) -> Bool { a.value == b.value && a.name == b.name && a.inner == b.inner && a.list == b.list }
    func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.optionalBool("clipped", clipped)
        json.optionalDouble("high", high)
        json.object("inner", inner)
        json.array("items", list)
        json.nullableString("label", name)
        json.nullableDouble("number", number)
        json.spans("occurrences", occurrences)
        json.double("score", value)
        json.numbers(byKey: "scores", scores)
        json.strings("terms", terms)
    }
}

@Suite struct CapabilityDefaultTests {
    let registry = BuiltinAnalyzers.registry.adding([AnalyzerEntry(BareAnalyzer.self)])
    let text = "第一段。\n第二段。\n"

    func run(_ arguments: [String], stdin: String) -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO(stdin: Array(stdin.utf8))
        let status = Driver(registry: registry, io: captured.io).run(arguments)
        return (status, captured.output, captured.errors)
    }

    @Test func renderBlocksDefaultToItsJSONFields() throws {
        let entry = try #require(registry.entry(id: "bare"))
        #expect(entry.capabilities.isEmpty)
        let document = Document(source: "t", text: text)
        let result = BareAnalyzer(options: OptionValues(specs: [])).analyze(document, context: AnalysisContext())
        #expect(result.rendering(for: document) == [.fields([.init("first", "第一段。"), .init("paragraphs", "2"), .init("spans", "2 items")])])
        let report = run(["--plugins", "bare", "-"], stdin: text)
        #expect(report.status == 0 && report.output.contains("paragraphs") && report.output.contains("2 items"))
    }

    @Test func noHighlightsNoTableNoCorpusSummary() throws {
        let html = run(["--plugins", "bare", "--format", "html", "-"], stdin: text).output
        #expect(html.contains("<h3>bare</h3>") && !html.contains("<mark class=\"bare\""))
        let csv = run(["--plugins", "bare", "--format", "csv", "-"], stdin: text)
        #expect(csv.status == 64 && csv.errors.contains("has one; analyzers with a table: "))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.txt", "b.txt"] { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let json = run(["--plugins", "bare", "--format", "json", folder.path], stdin: "").output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // The corpus object has the run's trends (the driver's), but no summary of bare's own.
        #expect(json.contains("\"bare\" : {") && (object["corpus"] as? [String: Any])?["bare"] == nil)
    }

    @Test func aDescribedResultWritesTheSameJSONBothWays() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for probe in [Probe(value: 1.5, name: nil, inner: nil, list: []),
                      Probe(value: 2, name: "名\"字", inner: .init(a: 3), list: [.init(a: 1), .init(a: 2)], high: 2.5, clipped: true,
                            terms: ["甲", "乙"], occurrences: [TextSpan(start: 1, end: 3)], scores: [("协商", 0.5), ("经济", 2)], number: 7)] {
            var writer = JSONLineWriter()
            probe.writeJSON(into: &writer)
            let direct = String(decoding: writer.bytes, as: UTF8.self)
            #expect(direct == String(decoding: try encoder.encode(probe), as: UTF8.self))
            #expect(direct.contains("\"score\":") && !direct.contains("\"value\""))
        }
        var writer = JSONLineWriter()
        Probe(value: 1, name: nil, inner: nil, list: []).writeJSON(into: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"items":[],"label":null,"number":null,"occurrences":[],"score":1,"scores":{},"terms":[]}"#)
    }
}
