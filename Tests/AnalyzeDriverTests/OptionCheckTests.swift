import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Analyzers of these tests alone, so that the messages below do not move when a real analyzer
/// gains an option: one with two options, one with none.
private struct ProbeResult: AnalyzerResult, Equatable {
    let rate: Int
    var reportedSpans: [LabeledSpan] { [] }
    func rendering(for document: Document) -> [RenderBlock] { [.fields([.init("rate", String(rate))])] }
}

private struct ProbeAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "probe", summary: "an analyzer with options", options: [
        OptionSpec("rate", .integer(1...10), default: "1", help: "a whole number"),
        OptionSpec("mode", .choice(["fast", "slow"]), default: "fast", help: "a choice"),
    ])
    let rate: Int
    init(options: OptionValues) { rate = options.integer("rate") ?? 1 }
    func analyze(_ document: Document, context: AnalysisContext) -> ProbeResult { ProbeResult(rate: rate) }
}

private struct QuietAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "quiet", summary: "an analyzer without options")
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) -> ProbeResult { ProbeResult(rate: 0) }
}

/// Echoes its file option: what the project file made of a relative path.
private struct ReaderResult: AnalyzerResult, Equatable {
    let dict: String?
    var reportedSpans: [LabeledSpan] { [] }
    func rendering(for document: Document) -> [RenderBlock] { [] }
}

private struct ReaderAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "reader", summary: "an analyzer with a file option",
                                                  options: [OptionSpec("dict", .file, default: nil, help: "a file")])
    let dict: String?
    init(options: OptionValues) { dict = options.string("dict") }
    func analyze(_ document: Document, context: AnalysisContext) -> ReaderResult { ReaderResult(dict: dict) }
}

/// The whole message of every way an option can be wrong, on each road an option comes by:
/// `--option` on a run, `--option` on `analyze plugins`, and the project file — each written out
/// in full (one check serves all three; its wording differs by road and must not drift), with a
/// valid setting beside each error so that the check is seen to let good values through.
@Suite struct OptionCheckTests {
    static let registry = AnalyzerRegistry([ProbeAnalyzer.self, QuietAnalyzer.self])
    /// The driver's trends options as declared (another branch may add one: the list is not pinned here).
    static let trendsKeys = DriverOptionGroup.named("trends")!.options.map { "trends.\($0.key)" }.joined(separator: ", ")

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO(stdin: Array("你好。".utf8))
        let status = Driver(registry: Self.registry, io: captured.io).run(arguments)
        return (status, captured.output, captured.errors)
    }

    static let badOptions: [([String], String)] = [
        (["bogus.rate=1"], "unknown analyzer 'bogus'; valid analyzers: probe, quiet"),
        (["prob.rate=1"], "unknown analyzer 'prob' (did you mean 'probe'?); valid analyzers: probe, quiet"),
        (["probe.rat=1"], "unknown option 'probe.rat' (did you mean 'probe.rate'?); valid keys: probe.rate, probe.mode"),
        (["probe.speed=1"], "unknown option 'probe.speed'; valid keys: probe.rate, probe.mode"),
        (["quiet.rate=1"], "unknown option 'quiet.rate'; 'quiet' takes no options"),
        (["probe.rate=11"], "option 'probe.rate' expects a whole number from 1 to 10, got '11'"),
        (["probe.mode=slowly"], "option 'probe.mode' expects one of fast, slow, got 'slowly'"),
        (["trends.bye=year"], "unknown option 'trends.bye' (did you mean 'trends.by'?); valid keys: \(trendsKeys)"),
        (["trends.zzz=1"], "unknown option 'trends.zzz'; valid keys: \(trendsKeys)"),
        (["trends.by=yearly"], "option 'trends.by' expects one of document, day, week, month, year, got 'yearly'"),
        // Several wrong: the driver's groups are checked first, then the analyzers by id, each by key.
        (["probe.rate=0", "trends.by=yearly"], "option 'trends.by' expects one of document, day, week, month, year, got 'yearly'"),
        (["quiet.x=1", "probe.rate=0"], "option 'probe.rate' expects a whole number from 1 to 10, got '0'"),
        (["probe.rate=0", "probe.mode=x"], "option 'probe.mode' expects one of fast, slow, got 'x'"),
    ]

    @Test(arguments: badOptions)
    func aBadOptionOnARunIsThisUsageError(_ options: [String], message: String) {
        let result = run(["--plugins", "probe"] + options.flatMap { ["--option", $0] } + ["-"])
        #expect(result.status == 64)
        #expect(result.errors == "analyze: error: \(message)\n")
        #expect(result.output.isEmpty)
    }

    @Test(arguments: badOptions)
    func aBadOptionOnPluginsIsTheSameUsageError(_ options: [String], message: String) {
        let result = run(["plugins"] + options.flatMap { ["--option", $0] })
        #expect(result.status == 64)
        #expect(result.errors == "analyze: error: \(message)\n")
    }

    @Test func validOptionsPass() {
        let options = ["probe.rate=10", "probe.mode=slow", "trends.by=year", "trends.top=5"].flatMap { ["--option", $0] }
        let result = run(["--plugins", "probe,quiet", "--format", "json"] + options + ["-"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        #expect(result.output.contains("\"rate\" : 10"))
        #expect(run(["plugins"] + options).status == 0)
    }

    static let badProjectOptions: [(String, String)] = [
        (#"{"bogus.rate": 1}"#, "key 'options.bogus.rate': unknown analyzer 'bogus'; valid analyzers: probe, quiet"),
        (#"{"probe.speed": 1}"#, "key 'options.probe.speed': unknown option; valid keys: probe.rate, probe.mode"),
        (#"{"probe": {"speed": 1}}"#, "key 'options.probe.speed': unknown option; valid keys: probe.rate, probe.mode"),
        (#"{"quiet.rate": 1}"#, "key 'options.quiet.rate': unknown option; 'quiet' takes no options"),
        (#"{"probe.rate": 11}"#, "key 'options.probe.rate': expects a whole number from 1 to 10, got '11'"),
        (#"{"probe.rate": true}"#, "key 'options.probe.rate': expects a whole number from 1 to 10, got 'true'"),
        (#"{"probe": {"mode": "slowly"}}"#, "key 'options.probe.mode': expects one of fast, slow, got 'slowly'"),
        (#"{"probe.rate": [1]}"#, "key 'options.probe.rate': expects a string, a number or true/false"),
        (#"{"probe": 1}"#, "key 'options.probe' is not of the form ID.KEY (e.g. \"keywords.top\") nor an object of one analyzer's options"),
        (#"{"trends.bye": "year"}"#, "key 'options.trends.bye': unknown option; valid keys: \(trendsKeys)"),
        (#"{"trends": {"by": "fortnight"}}"#, "key 'options.trends.by': expects one of document, day, week, month, year, got 'fortnight'"),
        // Several wrong: in the order of the file's keys, sorted.
        (#"{"trends.by": "x", "probe.rate": 0}"#, "key 'options.probe.rate': expects a whole number from 1 to 10, got '0'"),
    ]

    @Test(arguments: badProjectOptions)
    func aBadProjectOptionIsThisUsageError(_ options: String, message: String) throws {
        let file = try projectFile(#"{"options": \#(options)}"#)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = run(["--config", file, "--plugins", "probe", "-"])
        #expect(result.status == 64)
        #expect(result.errors == "analyze: error: \(file): \(message)\n")
        #expect(run(["plugins", "--config", file]).errors == "analyze: error: \(file): \(message)\n")
    }

    @Test func validProjectOptionsPassAndFlagsOverrideThem() throws {
        let file = try projectFile(#"{"plugins": ["probe"], "options": {"probe.rate": 3, "probe": {"mode": "slow"}, "trends.by": "year", "quiet": {}}}"#)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = run(["--config", file, "--format", "json", "-"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\"rate\" : 3"))
        let overridden = run(["--config", file, "--format", "json", "--option", "probe.rate=4", "-"])
        #expect(overridden.output.contains("\"rate\" : 4"), "\(overridden.errors)")
        // A flag's bad value is still the flag's error, not the file's.
        #expect(run(["--config", file, "--option", "probe.rate=40", "-"]).errors
            == "analyze: error: option 'probe.rate' expects a whole number from 1 to 10, got '40'\n")
    }

    static let projectKeys = "'plugins' (the analyzers to run when --plugins is not given, e.g. [\"stats\", \"facts\"]), "
        + "'options' (analyzer options, e.g. {\"keywords.top\": 30}), "
        + "'pluginDirs' (folders searched for external analyzers named analyze-<id>, relative to the project file, e.g. [\"tools\"]), "
        + "'external' (external analyzers by id with their command line, e.g. {\"tone\": [\"python3\", \"tools/tone.py\"]})"

    static let badProjectFiles: [(String, String)] = [
        ("[1]", "expected a JSON object with keys plugins, options, pluginDirs, external"),
        (#"{"plugin": ["probe"]}"#, "unknown key 'plugin' (did you mean 'plugins'?); valid keys: \(projectKeys)"),
        (#"{"zzz": 1}"#, "unknown key 'zzz'; valid keys: \(projectKeys)"),
        (#"{"plugins": []}"#, "key 'plugins' must be a non-empty list of analyzer ids, e.g. [\"stats\", \"facts\"]; valid ids: probe, quiet"),
        (#"{"plugins": "probe"}"#, "key 'plugins' must be a non-empty list of analyzer ids, e.g. [\"stats\", \"facts\"]; valid ids: probe, quiet"),
        (#"{"plugins": ["probe", "prob"]}"#, "key 'plugins': unknown analyzer 'prob' (did you mean 'probe'?); valid analyzers: probe, quiet"),
        (#"{"options": []}"#, "key 'options' must be an object, e.g. {\"keywords.top\": 30}"),
        (#"{"pluginDirs": "tools"}"#, "key 'pluginDirs' must be a list of folders, e.g. [\"tools\"]"),
        (#"{"external": []}"#, "key 'external' must be an object of id → command line, e.g. {\"tone\": [\"python3\", \"tools/tone.py\"]}"),
        (#"{"external": {"Tone": ["tone"]}}"#, "key 'external.Tone': an analyzer id is lower-case letters, digits, - and _"),
        (#"{"external": {"tone": []}}"#, "key 'external.tone' must be a non-empty command line, a list of strings such as [\"python3\", \"tools/tone.py\"]"),
        (#"{"external": {"tone": [""]}}"#, "key 'external.tone' must be a non-empty command line, a list of strings such as [\"python3\", \"tools/tone.py\"]"),
    ]

    @Test(arguments: badProjectFiles)
    func aBadProjectFileIsThisUsageError(_ json: String, message: String) throws {
        let file = try projectFile(json)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = run(["--config", file, "--plugins", "probe", "-"])
        #expect(result.status == 64)
        #expect(result.errors == "analyze: error: \(file): \(message)\n")
        #expect(result.output.isEmpty)
    }

    @Test func aProjectFileThatIsNotJSONOrNotThereIsAUsageError() throws {
        let file = try projectFile("{")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let broken = run(["--config", file, "-"])
        #expect(broken.status == 64)
        // The parser's own words in the middle are Foundation's.
        #expect(broken.errors.hasPrefix("analyze: error: \(file): not valid JSON ("), "\(broken.errors)")
        #expect(broken.errors.hasSuffix("); expected an object with keys plugins, options, pluginDirs, external\n"), "\(broken.errors)")
        let missing = file + ".missing"
        #expect(run(["--config", missing, "-"]).errors == "analyze: error: \(missing): cannot read the project file; check the path given to --config\n")
        #expect(run(["--config", missing, "-"]).status == 64)
    }

    @Test func aProjectFileWithEveryKeyRightPasses() throws {
        // An external analyzer declared but not named is never started: nothing to describe here.
        let file = try projectFile(#"{"plugins": ["probe", "quiet"], "options": {"probe.rate": 2}, "pluginDirs": ["tools"], "external": {"tone": ["python3", "tools/tone.py"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = run(["--config", file, "--format", "json", "-"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        #expect(result.output.contains("\"probe\"") && result.output.contains("\"quiet\"") && result.output.contains("\"rate\" : 2"))
    }

    /// The options `analyze segment` refuses, and `--table` naming no analyzer or one not run
    /// (the real analyzers: the lists are the registry's, which a newcomer's analyzer extends).
    @Test func segmentOptionsAndTableErrors() {
        let registry = BuiltinAnalyzers.registry
        for (options, first) in [(["stats.rate=1"], "stats.rate"), (["keywords.words=一体两翼", "keywords.top=1"], "keywords.top")] {
            let refused = runAnalyze(["segment"] + options.flatMap { ["--option", $0] } + ["-"], stdin: "一体两翼")
            #expect(refused.status == 64)
            #expect(refused.errors == "analyze: error: 'analyze segment' takes only --option keywords.dict=FILE and keywords.words=W,W, not '\(first)'\n")
        }
        let segmented = runAnalyze(["segment", "--option", "keywords.words=一体两翼", "-"], stdin: "一体两翼")
        #expect(segmented.status == 0 && segmented.output == "一体两翼\n", "\(segmented.errors)")

        let tables = registry.tables(among: registry.ids).joined(separator: ", ")
        let unknown = runAnalyze(["--format", "csv", "--plugins", "stats", "--table", "fact", "-"], stdin: "你好。")
        #expect(unknown.status == 64)
        #expect(unknown.errors == "analyze: error: --table: unknown analyzer 'fact' (did you mean 'facts'?); valid analyzers: \(tables)\n")
        let notRun = runAnalyze(["--format", "csv", "--plugins", "stats", "--table", "facts", "-"], stdin: "你好。")
        #expect(notRun.status == 64)
        #expect(notRun.errors == "analyze: error: --table facts: 'facts' is not among the analyzers run (stats); add it to --plugins\n")
        let run = runAnalyze(["--format", "csv", "--plugins", "stats,facts", "--table", "facts", "-"], stdin: "增长5%。")
        #expect(run.status == 0 && run.output.hasPrefix("source,kind,value"), "\(run.errors)")
    }

    /// A file option's relative path in the project file is the project's when the file is there;
    /// a name that is no file there and an absolute path stay as they are.
    @Test func aProjectFilesPathsAreTakenFromItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-option-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "词\n".write(to: folder.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
        for (given, expected) in [("words.txt", folder.appendingPathComponent("words.txt").path), ("absent.txt", "absent.txt"), ("/etc/hostname", "/etc/hostname")] {
            let file = folder.appendingPathComponent(".analyze.json")
            try #"{"options": {"reader.dict": "\#(given)"}}"#.write(to: file, atomically: true, encoding: .utf8)
            let captured = CapturedIO(stdin: Array("你好。".utf8))
            let status = Driver(registry: AnalyzerRegistry([ReaderAnalyzer.self]), io: captured.io)
                .run(["--config", file.path, "--plugins", "reader", "--format", "json", "-"])
            #expect(status == 0, "\(captured.errors)")
            #expect(captured.output.contains("\"dict\" : \"\(expected.replacingOccurrences(of: "/", with: "\\/"))\"") || captured.output.contains("\"dict\" : \"\(expected)\""), "\(captured.output)")
        }
    }

    private func projectFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-option-check-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
