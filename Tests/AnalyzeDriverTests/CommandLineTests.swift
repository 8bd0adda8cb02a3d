import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Subcommands, their generated help, flags that do not apply, and the old mode flags.
@Suite struct CommandLineTests {
    @Test(arguments: Subcommand.all.map(\.name))
    func everyModeHasItsOwnHelp(_ name: String) throws {
        let command = try #require(Subcommand.all.first { $0.name == name })
        let run = runAnalyze(command.isMain ? ["--help"] : [name, "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("USAGE: \(command.invocationName) "))
        for flag in command.flags { #expect(run.output.contains(flag.name), "\(name) --help lacks \(flag.name)") }
    }

    @Test func aFlagOfAnotherModeIsAUsageErrorNamingTheMode() {
        let run = runAnalyze(["segment", "--format", "json", "-"], stdin: "你好")
        #expect(run.status == 64)
        #expect(run.errors.contains("'--format' does not apply to 'analyze segment'"))
        let plugins = runAnalyze(["plugins", "--jobs", "2"])
        #expect(plugins.status == 64 && plugins.errors.contains("does not apply to 'analyze plugins'"))
    }

    @Test func segmentAndPluginsSubcommands() {
        #expect(runAnalyze(["segment", "-"], stdin: "全国政协委员\n").output.hasSuffix("\n"))
        let list = runAnalyze(["plugins"]).output
        for id in BuiltinAnalyzers.registry.ids { #expect(list.contains(id)) }
        #expect(runAnalyze(["plugins", "stats"]).output.contains("--option stats.rate="))
        #expect(runAnalyze(["plugins", "stat"]).errors.contains("did you mean 'stats'"))
    }

    @Test func oldModeFlagsStillWorkWithANote() {
        let segment = runAnalyze(["--segment", "-"], stdin: "全国政协委员\n")
        #expect(segment.status == 0 && segment.output == runAnalyze(["segment", "-"], stdin: "全国政协委员\n").output)
        #expect(segment.errors.contains("note: '--segment' is now 'analyze segment'"))
        let explain = runAnalyze(["--explain", "stats"])
        #expect(explain.output == runAnalyze(["plugins", "stats"]).output)
        #expect(explain.errors.contains("'analyze plugins ID'"))
        #expect(runAnalyze(["--list-plugins"]).output == runAnalyze(["plugins"]).output)
    }

    @Test func theLexiconPathComesFromTheDriversEnvironment() {
        let captured = CapturedIO(stdin: Array("你好。".utf8))
        var io = captured.io
        io.environment = ["ANALYZE_LEXICON": "/nonexistent/lexicon.bin"]
        #expect(Driver(io: io).run(["--plugins", "keywords", "-"]) == 1)
        #expect(captured.errors.contains("cannot open the lexicon at /nonexistent/lexicon.bin"))
        #expect(runAnalyze(["--plugins", "keywords", "-"], stdin: "你好。").status == 0, "without it, the shipped lexicon")
    }

    @Test func aFileNamedLikeASubcommandAfterDoubleDash() {
        let run = runAnalyze(["--plugins", "stats", "--", "plugins"])
        #expect(run.status == 1, "'plugins' is read as a file that does not exist")
    }
}

/// A second analyzer with a table, opt-in, for choosing among tables.
struct LinesAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "lines", summary: "paragraph lengths, as a table",
                                                 examples: [AnalyzerExample("«一段。»\n«二段。»")])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) -> LinesResult {
        LinesResult(lengths: document.paragraphs.map(\.length), spans: document.paragraphs)
    }
}

struct LinesResult: AnalyzerResult, CSVExportable {
    let lengths: [Int]
    let spans: [TextSpan]
    enum CodingKeys: String, CodingKey { case lengths }
    init(lengths: [Int], spans: [TextSpan]) { self.lengths = lengths; self.spans = spans }
    init(from decoder: Decoder) throws { lengths = try decoder.container(keyedBy: CodingKeys.self).decode([Int].self, forKey: .lengths); spans = [] }
    var reportedSpans: [LabeledSpan] { spans.map { LabeledSpan("paragraph", $0) } }
    func rendering(for document: Document) -> [RenderBlock] { [.note(lengths.map(String.init).joined(separator: " "))] }
    static let csvColumns = ["paragraph", "length"]
    var csvRows: [[String]] { lengths.enumerated().map { [String($0.offset + 1), String($0.element)] } }
}

@Suite struct TableChoiceTests {
    let registry = BuiltinAnalyzers.registry.adding([AnalyzerEntry(LinesAnalyzer.self)])

    func run(_ arguments: [String], stdin: String = "一段。\n第二段长一些。\n") -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO(stdin: Array(stdin.utf8))
        let status = Driver(registry: registry, io: captured.io).run(arguments)
        return (status, captured.output, captured.errors)
    }

    @Test func theOnlyTableIsPickedAndTableNamesOne() {
        let defaultTables = registry.tables(among: registry.defaultIDs)
        let preferred = defaultTables.filter { registry.entry(id: $0)?.description.preferredTable == true }
        if defaultTables.count == 1 || preferred.count == 1 {
            let expected = defaultTables.count == 1 ? defaultTables[0] : preferred[0]
            #expect(run(["--format", "csv", "-"]).output == run(["--format", "csv", "--table", expected, "-"]).output)
        }
        // Several tables, one preferred (facts, what --format csv has always written): it is picked.
        #expect(run(["--format", "csv", "--plugins", "facts,lines", "-"]).output == run(["--format", "csv", "--table", "facts", "-"]).output)
        #expect(run(["--format", "csv", "--table", "lines", "-"]).output == "source,paragraph,length\n-,1,3\n-,2,7\n")
        #expect(run(["--format", "csv", "--plugins", "lines,stats", "-"]).output.hasPrefix("source,paragraph,length\n"))
    }

    @Test func otherwiseTheErrorNamesTheTables() {
        let several = run(["--format", "csv", "--plugins", "keywords,lines", "-"])
        #expect(several.status == 64 && several.errors.contains("several analyzers run have one: keywords, lines; choose with --table ID"))
        let none = run(["--format", "csv", "--plugins", "stats", "-"])
        #expect(none.status == 64 && none.errors.contains("analyzers with a table: \(registry.tables(among: registry.ids).joined(separator: ", "))"))
        #expect(run(["--format", "csv", "--table", "stats", "-"]).errors.contains("'stats' has no table"))
        #expect(run(["--table", "facts", "-"]).errors.contains("add --format csv"))
    }
}
