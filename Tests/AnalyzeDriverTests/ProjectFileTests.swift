import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// `.analyze.json`: found in the working directory or a parent, overridden by flags, its errors named.
@Suite struct ProjectFileTests {
    /// A project folder with `.analyze.json` holding `json`, and a subfolder to run in.
    func project(_ json: String) throws -> (root: URL, sub: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-project-\(UUID().uuidString)")
        let sub = root.appendingPathComponent("reports/2023")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try json.write(to: root.appendingPathComponent(".analyze.json"), atomically: true, encoding: .utf8)
        return (root, sub)
    }

    func run(_ arguments: [String], in directory: URL, stdin: String = "") -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO(stdin: Array(stdin.utf8))
        var io = captured.io
        io.workingDirectory = directory.path
        let status = Driver(io: io).run(arguments)
        return (status, captured.output, captured.errors)
    }

    @Test func itSetsTheAnalyzersAndOptionsAndFlagsWin() throws {
        let (root, sub) = try project(#"{"plugins": ["stats"], "options": {"stats.rate": 200, "keywords": {"top": 3}}}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = run(["--format", "json", "-"], in: sub, stdin: "政协委员积极履职。")
        #expect(report.status == 0)
        let analyzers = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])["documents"] as? [[String: Any]]
        let first = try #require(analyzers?.first?["analyzers"] as? [String: Any])
        #expect(Array(first.keys) == ["stats"])
        #expect((first["stats"] as? [String: Any])?["readingRate"] as? Int == 200)

        let overridden = run(["--plugins", "facts", "--option", "stats.rate=300", "--plugins", "stats"], in: sub)
        #expect(overridden.status == 64, "--plugins given twice")
        let flags = run(["--plugins", "stats", "--option", "stats.rate=300", "--format", "json", "-"], in: sub, stdin: "你好。")
        #expect(flags.output.contains("\"readingRate\" : 300"))

        let listing = run(["plugins", "--option", "stats.rate=300"], in: sub).output
        #expect(listing.contains("Runs: stats (from \(root.path)/.analyze.json)"))
        #expect(listing.contains("stats.rate=300  (from --option)"))
        #expect(listing.contains("keywords.top=3  (from \(root.path)/.analyze.json)"))
        #expect(run(["plugins", "keywords"], in: sub).output.contains("set to 3 (from \(root.path)/.analyze.json)"))
    }

    @Test(arguments: [
        (#"{"plugin": ["stats"]}"#, "unknown key 'plugin' (did you mean 'plugins'?); valid keys: 'plugins'"),
        (#"{"plugins": "stats"}"#, "key 'plugins' must be a non-empty list of analyzer ids"),
        (#"{"plugins": ["stat"]}"#, "key 'plugins': unknown analyzer 'stat' (did you mean 'stats'?)"),
        (#"{"options": {"stats.rate": "fast"}}"#, "key 'options.stats.rate': expects a whole number"),
        (#"{"options": {"stats.speed": 1}}"#, "key 'options.stats.speed': unknown option; valid keys: stats.rate"),
        (#"{"options": {"stats.rate": [1]}}"#, "expects a string, a number or true/false"),
        ("{", "not valid JSON"),
    ])
    func aBadFileIsAUsageErrorNamingFileAndKey(_ json: String, message: String) throws {
        let (root, sub) = try project(json)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = run(["-"], in: sub, stdin: "你好。")
        #expect(result.status == 64)
        #expect(result.errors.contains("\(root.path)/.analyze.json: "), "\(result.errors)")
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test func configFlagNamesTheFile() throws {
        let (root, sub) = try project(#"{"plugins": ["stats"]}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("other.json")
        try #"{"plugins": ["facts"]}"#.write(to: other, atomically: true, encoding: .utf8)
        let result = run(["--config", other.path, "--format", "json", "-"], in: sub, stdin: "增长5%。")
        #expect(result.output.contains("\"facts\"") && !result.output.contains("\"stats\""))
        #expect(runAnalyze(["--config", "/nonexistent.json", "-"]).errors.contains("/nonexistent.json: cannot read"))
    }
}
