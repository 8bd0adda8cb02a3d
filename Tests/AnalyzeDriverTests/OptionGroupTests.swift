import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// The driver's own option groups (`trends.*`) are known in one place and honoured everywhere an
/// option's id is met: the run, `analyze plugins`, the project file, the external lookup.
@Suite struct OptionGroupTests {
    static let twoDocuments = """
    {"id": "a", "date": "2023-03-05", "text": "今年发展主要预期目标是：国内生产总值增长5%左右。推进乡村振兴。"}
    {"id": "b", "date": "2024-03-05", "text": "今年发展主要预期目标是：国内生产总值增长5%左右。发展新质生产力。"}
    """

    func trendsBy(_ output: String) throws -> String? {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return ((root["corpus"] as? [String: Any])?["trends"] as? [String: Any])?["by"] as? String
    }

    @Test func aRunTakesTrendsOptionsAndChecksThemLikeAnalyzersOptions() throws {
        let run = runAnalyze(["--input", "jsonl", "--format", "json", "--option", "trends.by=year", "-"], stdin: Self.twoDocuments)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try trendsBy(run.output) == "year")
        let bad = runAnalyze(["--input", "jsonl", "--option", "trends.by=yearly", "-"], stdin: Self.twoDocuments)
        #expect(bad.status == 64)
        #expect(bad.errors.contains("option 'trends.by' expects one of document, day, week, month, year, got 'yearly'"), "\(bad.errors)")
        let unknown = runAnalyze(["--input", "jsonl", "--option", "trends.bye=year", "-"], stdin: Self.twoDocuments)
        #expect(unknown.status == 64)
        #expect(unknown.errors.contains("unknown option 'trends.bye' (did you mean 'trends.by'?)"), "\(unknown.errors)")
        // An analyzer's options are still checked as before.
        #expect(runAnalyze(["--option", "keywords.bogus=1", "-"], stdin: "你好。").errors.contains("unknown option 'keywords.bogus'"))
    }

    @Test func pluginsAcceptsAndExplainsTheGroup() {
        let listing = runAnalyze(["plugins", "--option", "trends.by=year"])
        #expect(listing.status == 0, "\(listing.errors)")
        // Column widths follow the longest id, which a newcomer's analyzer may change.
        let trendsLine = listing.output.split(separator: "\n").first { $0.hasPrefix("trends ") }
        #expect(trendsLine?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "options", "\(listing.output)")
        let bad = runAnalyze(["plugins", "--option", "trends.top=many"])
        #expect(bad.status == 64)
        #expect(bad.errors.contains("option 'trends.top' expects a whole number from 0 to 100000, got 'many'"))
        let explained = runAnalyze(["plugins", "trends"])
        #expect(explained.status == 0)
        #expect(explained.output.contains("--option trends.by=document|day|week|month|year"))
        #expect(explained.output.contains("Not an analyzer"))
        // Not an analyzer: --plugins trends stays an error.
        #expect(runAnalyze(["--plugins", "trends", "-"], stdin: "你好。").status == 64)
    }

    @Test func aProjectFileSetsTrendsOptionsFlatOrNested() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-groups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (json, expected) in [(#"{"options": {"trends.by": "year"}}"#, "year"), (#"{"options": {"trends": {"by": "month"}}}"#, "month")] {
            let file = root.appendingPathComponent("project.json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            let run = runAnalyze(["--config", file.path, "--input", "jsonl", "--format", "json", "-"], stdin: Self.twoDocuments)
            #expect(run.status == 0, "\(run.errors)")
            #expect(try trendsBy(run.output) == expected)
            #expect(runAnalyze(["plugins", "--config", file.path]).output.contains("trends.by=\(expected)  (from \(file.path))"))
        }
        let bad = root.appendingPathComponent("bad.json")
        try #"{"options": {"trends.by": "fortnight"}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let refused = runAnalyze(["--config", bad.path, "-"], stdin: "你好。")
        #expect(refused.status == 64)
        #expect(refused.errors.contains("\(bad.path): key 'options.trends.by': expects one of document, day, week, month, year"), "\(refused.errors)")
    }

    @Test func aGroupIdIsNeverAnExternalAnalyzer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-groups-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["analyze-trends", "analyze-tone"] {
            let program = folder.appendingPathComponent(name)
            try "#!/bin/sh\nexit 1\n".write(to: program, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        }
        let finder = ExternalAnalyzerFinder(searchPath: [folder.path])
        #expect(finder.locate("trends") == nil)
        #expect(finder.locate("tone") != nil, "the same folder's other programs are found")
        #expect(finder.all().map(\.id) == ["tone"])
        #expect(ExternalAnalyzerFinder.id(fromFileName: "analyze-trends") == nil)
        // A run with trends options does not start anything called analyze-trends.
        let captured = CapturedIO(stdin: Array(Self.twoDocuments.utf8))
        var io = captured.io
        io.environment = ["PATH": folder.path]
        let status = Driver(io: io).run(["--input", "jsonl", "--format", "json", "--option", "trends.top=5", "-"])
        #expect(status == 0, "\(captured.errors)")
    }

    /// One check says which ids are never looked for, by name (`--plugins`) or in a folder listing.
    @Test func ourToolsAndMalformedIdsAreNeverLookedFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-sought-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["analyze-bench", "analyze-fuzz", "analyze-Tone", "sub/analyze-x", "analyze-tone"] {
            let program = folder.appendingPathComponent(name)
            try "#!/bin/sh\nexit 1\n".write(to: program, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        }
        let finder = ExternalAnalyzerFinder(directories: [folder.appendingPathComponent("sub").path], searchPath: [folder.path])
        for id in ["bench", "fuzz", "Tone", "trends", "../analyze-tone", ""] {
            #expect(finder.locate(id) == nil, "\(id)")
            #expect(!ExternalAnalyzerFinder.isSought(id))
        }
        #expect(finder.locate("tone")?.origin.hasSuffix("analyze-tone") == true)
        #expect(finder.locate("x")?.origin == "plugin directory \(folder.appendingPathComponent("sub").path)")
        #expect(finder.all().map(\.id) == ["tone", "x"])
        // Asked for by name, our own tool is an unknown analyzer, not a program started to describe itself.
        let captured = CapturedIO(stdin: Array("你好。".utf8))
        var io = captured.io
        io.environment = ["PATH": folder.path]
        #expect(Driver(io: io).run(["--plugins", "bench", "-"]) == 64)
        #expect(captured.errors.hasPrefix("analyze: error: unknown analyzer 'bench'"), "\(captured.errors)")
    }

    @Test func thePipelineSeesOnlyAnalyzersOptions() {
        let options = ["trends": ["by": "year"], "keywords": ["top": "5"]]
        #expect(DriverOptionGroup.analyzerOptions(options) == ["keywords": ["top": "5"]])
        #expect(DriverOptionGroup.isGroup("trends") && !DriverOptionGroup.isGroup("keywords"))
        #expect(TrendsOptions.keys == DriverOptionGroup.named("trends")?.options.map(\.key))
    }
}
