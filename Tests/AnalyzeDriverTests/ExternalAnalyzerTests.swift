import Foundation
import Testing
import AnalyticsCore

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
