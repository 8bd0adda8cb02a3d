import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// The external-analyzer protocol against the example programs in examples/ (Python 3, standard
/// library only): what they answer, and every way a program can fail.
@Suite struct ExternalAnalyzerTests {
    static let examples = packageRoot.appendingPathComponent("examples")
    static let environment = ProcessInfo.processInfo.environment

    func external(_ name: String) throws -> ExternalAnalyzer {
        try ExternalAnalyzer.describe(command: [Self.examples.appendingPathComponent("analyze-\(name)").path], expectedID: name, environment: Self.environment)
    }

    func configured(_ name: String, _ options: [String: String] = [:]) throws -> ConfiguredExternalAnalyzer {
        let analyzer = try external(name)
        return analyzer.configured(options: OptionValues(options, specs: analyzer.description.options))
    }

    func run(_ analyzer: ConfiguredExternalAnalyzer, _ text: String) -> Result<ExternalResult, ExternalFailure> {
        Result { () throws(ExternalFailure) in try analyzer.analyze(Document(source: "t", text: text), context: AnalysisContext()) }
    }

    @Test func describeGivesTheProgramsOptionsAndATimeout() throws {
        let description = try external("sentences").description
        #expect(description.id == "sentences")
        #expect(description.options.map(\.key) == ["long", "timeout"])
        #expect(description.options[0].kind == .integer(10...1000) && description.options[0].defaultValue == "80")
        #expect(description.examples.count == 1)
    }

    @Test func sentencesProfileWithSpansInScalars() throws {
        let analyzer = try configured("sentences", ["long": "10"])
        // An astral character first: offsets must count it as one, as Python does.
        let text = "𠀀短句。这一句有十一个以上的字符吧。好。"
        let result = try run(analyzer, text).get()
        #expect(result.spans.map(\.span) == [TextSpan(start: 4, end: 18)])
        guard case .object(let fields) = result.result else { Issue.record("not an object"); return }
        #expect(fields["sentences"] == .integer(3))
        #expect(result.blocks.count == 2)
    }

    @Test func aProcessServesManyDocuments() throws {
        let analyzer = try configured("sentences")
        for index in 0..<20 {
            let result = try run(analyzer, String(repeating: "句", count: index) + "。").get()
            guard case .object(let fields) = result.result else { Issue.record("not an object"); return }
            #expect(fields["longest"] == .integer(index + 1))
        }
    }

    @Test func everyFailureIsAnErrorAndTheNextDocumentStillWorks() throws {
        let analyzer = try configured("broken", ["timeout": "1.5"])
        func failure(_ text: String) -> ExternalFailure? {
            if case .failure(let failure) = run(analyzer, text) { return failure }
            return nil
        }
        let crash = try #require(failure("CRASH here"))
        #expect(crash.message.contains("exited with status 3") && crash.message.contains("cannot handle CRASH"), "\(crash.message)")
        #expect(try run(analyzer, "fine").get().result == .object(["characters": .integer(4)]))
        #expect(failure("SEGV")?.message.contains("signal 11") == true)
        let started = Date()
        #expect(failure("SLEEP")?.message.contains("no answer within 1.5 s") == true)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(failure("GARBAGE")?.message.contains("not the protocol's JSON") == true)
        #expect(failure("BADSPAN")?.message.contains("outside the document") == true)
        #expect(failure("REFUSE")?.message == "it reported an error: REFUSE found: this analyzer declines the document")
        #expect(try run(analyzer, "fine again").get().result == .object(["characters": .integer(10)]))
    }

    @Test func aProgramThatIsNotAnAnalyzerFailsToDescribe() {
        #expect(throws: ExternalFailure.self) { try ExternalAnalyzer.describe(command: ["/bin/true"], expectedID: nil, environment: Self.environment) }
        #expect(throws: ExternalFailure.self) { try ExternalAnalyzer.describe(command: ["/nonexistent/analyze-x"], expectedID: nil, environment: Self.environment) }
        do {
            _ = try ExternalAnalyzer.describe(command: [Self.examples.appendingPathComponent("analyze-sentences").path], expectedID: "other", environment: Self.environment)
            Issue.record("a wrong id was accepted")
        } catch {
            #expect(error.message.contains("'other' was expected"))
        }
    }

    @Test func concurrentDocumentsUseSeparateProcesses() throws {
        let analyzer = try configured("sentences")
        let texts = (0..<16).map { String(repeating: "字", count: $0 * 7) + "。" }
        let lengths = Locked([Int?](repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            if case .success(let result) = run(analyzer, texts[index]), case .object(let fields) = result.result, case .integer(let longest)? = fields["longest"] {
                lengths.mutate { $0[index] = longest }
            }
        }
        #expect(lengths.value == texts.map { $0.unicodeScalars.count })
    }
}

final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}

/// External analyzers through the whole driver: found, listed, run in every format, and failing
/// without spoiling any other analyzer's result or losing a document.
@Suite struct ExternalAnalyzerDriverTests {
    static let examples = packageRoot.appendingPathComponent("examples").path

    /// Runs `analyze` in-process with this process's environment (PATH finds python3) and, by
    /// default, the examples folder as a plugin directory.
    func run(_ arguments: [String], workingDirectory: String? = nil) -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO()
        var io = captured.io
        io.environment = ProcessInfo.processInfo.environment
        io.workingDirectory = workingDirectory
        let status = Driver(io: io).run(arguments)
        return (status, captured.output, captured.errors)
    }

    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("external-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func listedOptInAndExplained() {
        let list = run(["plugins", "--plugin-dir", Self.examples])
        #expect(list.status == 0)
        let line = list.output.split(separator: "\n").first { $0.hasPrefix("sentences ") }.map(String.init) ?? ""
        #expect(line.contains(" opt-in ") && line.contains("[external: plugin directory"), "\(list.output)")
        let explained = run(["plugins", "--plugin-dir", Self.examples, "sentences"])
        #expect(explained.output.contains("--option sentences.long=10…1000") && explained.output.contains("--option sentences.timeout="))
        // Not in the default report.
        let plain = run(["--plugin-dir", Self.examples, "--format", "json", seedURL.path])
        #expect(plain.status == 0 && !plain.output.contains("longThreshold"))
    }

    @Test func resultInEveryFormat() throws {
        let base = ["--plugin-dir", Self.examples, "--plugins", "stats,sentences", "--option", "sentences.long=100"]
        let json = run(base + ["--format", "json", seedURL.path])
        #expect(json.status == 0, "\(json.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let analyzers = try #require((object["documents"] as? [[String: Any]])?.first?["analyzers"] as? [String: Any])
        let sentences = try #require(analyzers["sentences"] as? [String: Any])
        let stats = try #require(analyzers["stats"] as? [String: Any])
        #expect(sentences["sentences"] as? Int == stats["sentences"] as? Int)
        #expect(sentences["longThreshold"] as? Int == 100)
        let long = try #require(sentences["long"] as? [[String: Any]])
        let scalars = Array(seedText.unicodeScalars)
        for span in long {
            let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
            #expect(end - start > 100 && end <= scalars.count)
        }
        let text = run(base + [seedURL.path])
        #expect(text.output.contains("── sentences") && text.output.contains("median length"))
        let markdown = run(base + ["--format", "markdown", seedURL.path])
        #expect(markdown.output.contains("sentences") && markdown.output.contains("| "))
        let html = run(base + ["--format", "html", seedURL.path])
        #expect(html.output.contains("<mark class=\"sentences\""))
        let jsonl = run(base + ["--format", "jsonl", seedURL.path, seedURL.path])
        #expect(jsonl.output.split(separator: "\n").count == 2 && jsonl.output.contains("\"sentences\":{"))
    }

    @Test func failuresAreErrorsOfThatAnalyzerAndDocumentOnly() throws {
        let docs = ["a.txt": "第一篇。一切正常。", "b.txt": "这篇会 CRASH 掉。", "c.txt": "正常的第三篇。", "d.txt": "这篇 SLEEP 太久。",
                    "e.txt": "这篇返回 GARBAGE。", "f.txt": "这篇 SEGV 了。", "g.txt": "最后一篇，正常。", "h.txt": "这篇 BADSPAN。"]
        let dir = try folder(docs)
        defer { try? FileManager.default.removeItem(at: dir) }
        for jobs in ["1", "2"] {
            let started = Date()
            let result = run(["--plugin-dir", Self.examples, "--plugins", "stats,broken", "--option", "broken.timeout=2",
                              "--jobs", jobs, "--format", "jsonl", dir.path])
            #expect(Date().timeIntervalSince(started) < 20)
            #expect(result.status == 1)
            let lines = result.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(lines.count == docs.count, "jobs \(jobs): \(lines.count) documents")
            var failed: [String] = []
            for case let line? in lines {
                let source = (line["source"] as? String).map { ($0 as NSString).lastPathComponent } ?? "?"
                let analyzers = line["analyzers"] as? [String: Any] ?? [:]
                #expect(analyzers["stats"] != nil, "\(source): stats lost")
                let errors = (line["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
                if errors.isEmpty {
                    #expect(analyzers["broken"] != nil, "\(source)")
                } else {
                    failed.append(source)
                    #expect(errors.allSatisfy { $0.contains("'broken'") }, "\(errors)")
                }
            }
            #expect(failed.sorted() == ["b.txt", "d.txt", "e.txt", "f.txt", "h.txt"], "jobs \(jobs)")
            #expect(result.errors.contains("cannot handle CRASH") && result.errors.contains("no answer within 2"))
            #expect(result.errors.contains("signal 11") && result.errors.contains("not the protocol's JSON"))
        }
    }

    @Test func projectFileDeclaresACommandAndAPluginDirectory() throws {
        let script = try String(contentsOfFile: Self.examples + "/analyze-sentences", encoding: .utf8)
            .replacingOccurrences(of: "\"id\": \"sentences\"", with: "\"id\": \"lengths\"")
        let dir = try folder(["tools/lengths.py": "", ".analyze.json": """
            {"external": {"lengths": ["python3", "tools/lengths.py"]}, "pluginDirs": ["\(Self.examples)"],
             "plugins": ["stats", "lengths", "sentences"], "options": {"lengths.long": 30}}
            """].filter { !$0.key.contains("/") })
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tools"), withIntermediateDirectories: true)
        try script.write(to: dir.appendingPathComponent("tools/lengths.py"), atomically: true, encoding: .utf8)
        let result = run(["--format", "json", seedURL.path], workingDirectory: dir.path)
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let analyzers = try #require((object["documents"] as? [[String: Any]])?.first?["analyzers"] as? [String: Any])
        #expect(Set(analyzers.keys) == ["stats", "lengths", "sentences"])
        #expect((analyzers["lengths"] as? [String: Any])?["longThreshold"] as? Int == 30)
        let listed = run(["plugins"], workingDirectory: dir.path)
        #expect(listed.output.contains("lengths") && listed.output.contains("external: \(dir.path)/.analyze.json"))
    }

    @Test func badExternalSetupsAreUsageErrors() throws {
        #expect(run(["--plugins", "nosuchthing", seedURL.path]).status == 64)
        let dir = try folder([".analyze.json": "{\"external\": {\"bad\": [\"/bin/true\"]}, \"plugins\": [\"bad\"]}"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = run([seedURL.path], workingDirectory: dir.path)
        #expect(result.status == 64)
        #expect(result.errors.contains("external analyzer 'bad'") && result.errors.contains("did not describe itself"), "\(result.errors)")
        let wrong = try folder([".analyze.json": "{\"external\": {\"x\": \"python3 x.py\"}}"])
        defer { try? FileManager.default.removeItem(at: wrong) }
        let bad = run([seedURL.path], workingDirectory: wrong.path)
        #expect(bad.status == 64 && bad.errors.contains("'external.x' must be a non-empty command line"), "\(bad.errors)")
    }

    @Test func examplesOfExternalAnalyzersHold() throws {
        let analyzer = try ExternalAnalyzer.describe(command: [Self.examples + "/analyze-sentences"], expectedID: "sentences",
                                                     environment: ProcessInfo.processInfo.environment)
        for example in analyzer.description.examples {
            let (text, spans) = example.parsed
            let configured = analyzer.configured(options: OptionValues(example.options, specs: analyzer.description.options))
            let result = try configured.analyze(Document(source: "example", text: text), context: AnalysisContext())
            #expect(Set(result.reportedSpans.map(\.span)).isSuperset(of: spans), "\(example.markedInput)")
            let document = Document(source: "example", text: text)
            for forbidden in example.mustNotReport {
                #expect(!result.reportedSpans.contains { document.text($0.span).contains(forbidden) })
            }
        }
    }
}
