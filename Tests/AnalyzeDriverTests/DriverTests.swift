import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

@Suite struct DriverTests {
    @Test func theLexiconIsReadOntoHugePagesOnlyForBigRuns() throws {
        func residency(_ arguments: [String]) throws -> Lexicon.Residency {
            Driver.lexiconResidency(for: try InvocationParser.parse(arguments))
        }
        let seedPath = seedURL.path, seeds = seedURL.deletingLastPathComponent().path
        #expect(try residency([seedPath]) == .mapped)
        #expect(try residency(["-"]) == .mapped)
        #expect(try residency([seeds]) == .resident)
        #expect(try residency([seedPath, seedPath]) == .resident)
        #expect(try residency(["--input", "jsonl", "-"]) == .resident)
    }

    @Test func seedReportExitsZero() {
        let run = runAnalyze([seedURL.path])
        #expect(run.status == 0)
        #expect(run.output.contains("── stats"))
        #expect(run.errors.isEmpty)
    }

    @Test func standardInputIsDash() throws {
        let run = runAnalyze(["--format", "json", "-"], stdin: "你好。世界！")
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let document = (json["documents"] as! [[String: Any]])[0]
        #expect(document["source"] as? String == "-")
        #expect(document["characters"] as? Int == 6)
        let stats = (document["analyzers"] as! [String: Any])["stats"] as! [String: Any]
        #expect(stats["sentences"] as? Int == 2)
    }

    @Test func aMissingFileFailsAloneWithExitOne() throws {
        let missing = "/nonexistent/report.txt"
        let run = runAnalyze(["--format", "json", seedURL.path, missing])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(missing): no such file"))
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let documents = json["documents"] as! [[String: Any]]
        #expect(documents.count == 2)
        #expect((documents[0]["errors"] as! [Any]).isEmpty)
        #expect((documents[0]["analyzers"] as! [String: Any])["stats"] != nil, "the good file is fully reported")
        let errors = documents[1]["errors"] as! [[String: String]]
        #expect(errors.first?["message"]?.contains("no such file") == true)
    }

    @Test func emptyDirectoriesAndBinaryFilesAreClearErrors() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = runAnalyze(["--plugins", "stats", empty.path, "/proc/self/exe"])
        #expect(run.status == 1)
        #expect(run.errors.contains("no files matching '*.txt'"))
        #expect(run.errors.contains("binary file"))
    }

    @Test func directoriesAreSearchedAndJobsKeepTheOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("b.txt", "第二篇。"), ("a.txt", "第一篇。"), ("sub/c.txt", "第三篇。"), ("skip.md", "不读。")] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let one = runAnalyze(["--plugins", "stats", "--format", "jsonl", "--jobs", "1", folder.path])
        let two = runAnalyze(["--plugins", "stats", "--format", "jsonl", "--jobs", "2", folder.path])
        #expect(one.status == 0 && one.output == two.output)
        let sources = one.output.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["source"] as? String ?? ""
        }
        #expect(sources.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.txt", "c.txt"])
        #expect(runAnalyze(["--plugins", "stats", "--format", "jsonl", "--glob", "*.md", folder.path]).output.contains("skip.md"))
    }

    @Test(arguments: [
        (["--plugins", "nope", "x"], "unknown analyzer 'nope'"),
        (["--format", "yaml", "x"], "valid formats: text, json, markdown, jsonl"),
        (["--frmat", "json", "x"], "did you mean '--format'"),
        (["--option", "stats.rate=fast", "x"], "expects a whole number"),
        (["--option", "stats", "x"], "ID.KEY=VALUE"),
        (["--option", "stats.speed=3", "x"], "valid keys: stats.rate"),
        (["--encoding", "NOPE-1", "x"], "unknown encoding"),
        ([], "no input files"),
        (["--explain", "stat"], "did you mean 'stats'"),
        (["--jobs", "0", "x"], "'--jobs' expects"),
        (["--max-bytes", "3000000000", "x"], "offsets are 32-bit"),
    ])
    func usageErrorsExit64(_ arguments: [String], message: String) {
        let run = runAnalyze(arguments)
        #expect(run.status == 64)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.output.isEmpty)
    }

    @Test func listExplainHelpVersion() {
        #expect(runAnalyze(["--list-plugins"]).output.contains("stats"))
        let explain = runAnalyze(["--explain", "stats"]).output
        #expect(explain.contains("--option stats.rate="))
        #expect(explain.contains("Examples"))
        let help = runAnalyze(["--help"]).output
        for flag in CommandLineSpec.flags { #expect(help.contains(flag.name)) }
        #expect(runAnalyze(["--version"]).output.hasPrefix("analyze "))
    }

    @Test func outputFileReceivesTheReport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runAnalyze(["--format", "json", "--output", path, "-"], stdin: "测试。")
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"schemaVersion\" : 1"))
    }

    @Test func gb18030FileIsDecoded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gb-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let data = try #require("市政协工作报告。委员积极履职！".data(using: gb18030))
        try data.write(to: URL(fileURLWithPath: path))
        let run = runAnalyze(["--format", "json", path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\"characters\" : 15"))
    }

    @Test func outputIsDeterministic() {
        for format in ["text", "json", "markdown"] {
            #expect(runAnalyze(["--format", format, seedURL.path]).output == runAnalyze(["--format", format, seedURL.path]).output)
        }
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        let captured = CapturedIO(stdin: Array("你好。".utf8))
        var io = captured.io
        io.outputIsTerminal = true
        _ = Driver(io: io).run(["-"])
        #expect(captured.output.contains("\u{1B}["))
        let plain = CapturedIO(stdin: Array("你好。".utf8))
        var noColor = plain.io
        noColor.outputIsTerminal = true
        noColor.environment = ["NO_COLOR": "1"]
        _ = Driver(io: noColor).run(["-"])
        #expect(!plain.output.contains("\u{1B}["))
    }
}

@Suite struct CorpusSummaryTests {
    @Test func severalDocumentsGetACorpusSummary() throws {
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("a-\(UUID().uuidString).txt")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("b-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        try "坚决做到“两个维护”，打造“七大都市”。".write(to: first, atomically: true, encoding: .utf8)
        try "深刻领悟“两个确立”，坚决做到“两个维护”。".write(to: second, atomically: true, encoding: .utf8)
        let run = runAnalyze(["--plugins", "slogans", "--format", "json", first.path, second.path])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let summary = (json["corpus"] as! [String: Any])["slogans"] as! [String: Any]
        let slogans = summary["slogans"] as! [[String: Any]]
        #expect(slogans.map { $0["text"] as! String } == ["两个维护"])
        #expect(slogans.first?["documents"] as? [String] == [first.path, second.path])
        let shares = summary["documents"] as! [[String: Any]]
        #expect(shares.map { $0["shared"] as! [String] } == [["两个维护"], ["两个维护"]])
        #expect(runAnalyze(["--plugins", "slogans", first.path, second.path]).output.contains("Across 2 documents"))
    }

    @Test func oneDocumentHasNoCorpusSection() throws {
        let run = runAnalyze(["--plugins", "slogans", "--format", "json", "-"], stdin: "坚决做到“两个维护”。")
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        #expect(json["corpus"] == nil)
    }
}

@Suite struct TableAndCorpusOutputTests {
    @Test func factsAsCSV() throws {
        let run = runAnalyze(["--plugins", "facts", "--format", "csv", "-"], stdin: "立案交办提案724件，增长5.1%，\"引号\"。")
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.first == "source,kind,value,unit,subject,direction,text,start,end,sentence")
        #expect(lines.contains { $0.hasPrefix("-,count,724,件,提案,,724件,") })
        #expect(run.output.contains("\"立案交办提案724件，增长5.1%，\"\"引号\"\"。\""), "fields with quotes are quoted")
        #expect(runAnalyze(["--plugins", "stats", "--format", "csv", "-"], stdin: "你好。").status == 64)
    }

    @Test func keywordAndSectionSummariesAcrossDocuments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "政协委员提出提案。政协委员参加协商。".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "政协委员视察工作。乡村振兴成效显著。".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let run = runAnalyze(["--plugins", "keywords,sections", "--format", "json", folder.path])
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let corpus = json["corpus"] as! [String: Any]
        let terms = (corpus["keywords"] as! [String: Any])["terms"] as! [[String: Any]]
        #expect(terms.first?["term"] as? String == "政协委员" && terms.first?["documents"] as? Int == 2)
        #expect(((corpus["sections"] as! [String: Any])["documents"] as! [Any]).count == 2)
    }
}

@Suite struct JSONLinesInputTests {
    @Test func eachLineIsADocumentAndBadLinesAreReported() throws {
        let input = "{\"id\":\"a1\",\"text\":\"立案交办提案724件。\"}\n\n{\"id\":7,\"text\":\"坚决做到“两个维护”。\"}\nnot json\n"
        let run = runAnalyze(["--plugins", "facts", "--input", "jsonl", "--format", "jsonl", "-"], stdin: input)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["source"] as! String } == ["a1", "7", "-:4"])
        #expect(run.errors.contains("-:4: is not a JSON object"))
    }
}

@Suite struct HTMLReportTests {
    @Test func selfContainedPageWithHighlightsAtTheirSpans() throws {
        let run = runAnalyze(["--format", "html", "-"], stdin: "立案交办提案724件，打造“七大都市”。<script>")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("<!DOCTYPE html>"))
        #expect(!run.output.contains("http://") && !run.output.contains("https://"), "no external resources")
        #expect(run.output.contains("&lt;script&gt;"), "document text is escaped")
        #expect(run.output.contains("<mark class=\"facts\" data-start=\"6\" data-end=\"10\""))
        #expect(run.output.contains(">七大都市</mark>"))
    }
}
