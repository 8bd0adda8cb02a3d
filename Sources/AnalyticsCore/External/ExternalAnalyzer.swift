import Foundation

/// An analyzer that is a program of its own, in any language, speaking the JSON-lines protocol
/// (README "External analyzers"). Its description comes from the program itself; its result is
/// the JSON it answers, reported as given, with its spans and render blocks.
public struct ExternalAnalyzer: Sendable {
    /// What the program says it is, plus the `timeout` option every external analyzer takes.
    public let description: AnalyzerDescription
    public let command: [String]
    let environment: [String: String]

    public static let defaultTimeout = "60"
    static let timeoutOption = OptionSpec("timeout", .number(0.1...86_400), default: defaultTimeout,
                                          help: "seconds one document may take before the program is stopped and the document gets an error")

    /// Starts `command` and asks it to describe itself; `expectedID` (from its file name or the
    /// project file) must be the id it gives. The process is stopped afterwards.
    public static func describe(command: [String], expectedID: String?, environment: [String: String], timeout: Double = 10) throws(ExternalFailure) -> ExternalAnalyzer {
        let process = try ExternalProcess(command: command, environment: environment)
        defer { process.finish() }
        let line = try process.exchange(ExternalProtocol.describeRequest, timeout: timeout)
        let answer: ExternalProtocol.Description
        do {
            answer = try JSONDecoder().decode(ExternalProtocol.Description.self, from: Data(line))
        } catch {
            throw .malformed("a description that is not the protocol's JSON (\(Self.decodingProblem(error))): \(Self.excerpt(line))", stderr: "")
        }
        guard answer.protocol == ExternalProtocol.version else {
            throw .malformed("protocol \(answer.protocol.map(String.init) ?? "(none given)"); this analyze speaks protocol \(ExternalProtocol.version): answer describe with \"protocol\": 1", stderr: "")
        }
        if let expectedID, answer.id != expectedID {
            throw .malformed("the id '\(answer.id)' where '\(expectedID)' was expected (from its name); make them the same", stderr: "")
        }
        guard AnalyzerDescription.isValidID(answer.id) else {
            throw .malformed("the id '\(answer.id)'; an id is lower-case letters, digits, - and _", stderr: "")
        }
        var options: [OptionSpec] = []
        for option in answer.options ?? [] {
            guard option.key != timeoutOption.key else { throw .malformed("an option named 'timeout', which analyze itself gives every external analyzer", stderr: "") }
            options.append(try Self.optionSpec(option))
        }
        options.append(timeoutOption)
        let examples = (answer.examples ?? []).map { example in
            AnalyzerExample(example.input, mustNotReport: example.mustNotReport ?? [],
                            options: (example.options ?? [:]).mapValues(\.displayText), note: example.note ?? "")
        }
        let description = AnalyzerDescription(id: answer.id, summary: answer.summary ?? "(external analyzer \(command[0]))",
                                              options: options, requires: answer.requires ?? [], examples: examples)
        return ExternalAnalyzer(description: description, command: command, environment: environment)
    }

    private static func optionSpec(_ option: ExternalProtocol.Description.Option) throws(ExternalFailure) -> OptionSpec {
        let kind: OptionSpec.Kind
        switch option.type {
        case "integer": kind = .integer(Int(option.min ?? Double(Int32.min))...Int(option.max ?? Double(Int32.max)))
        case "number": kind = .number((option.min ?? -Double.greatestFiniteMagnitude)...(option.max ?? Double.greatestFiniteMagnitude))
        case "choice":
            guard let values = option.values, !values.isEmpty else { throw .malformed("the choice option '\(option.key)' without 'values'", stderr: "") }
            kind = .choice(values)
        case "flag": kind = .flag
        case "file": kind = .file
        case "text": kind = .text
        default: throw .malformed("the option '\(option.key)' of unknown type '\(option.type)' (valid: integer, number, choice, flag, file, text)", stderr: "")
        }
        let defaultText = option.default.flatMap { $0 == .null ? nil : $0.displayText }
        let spec = OptionSpec(option.key, kind, default: defaultText, help: option.help ?? "")
        if let defaultText, let problem = spec.problem(with: defaultText) {
            throw .malformed("the option '\(option.key)' whose default \(problem)", stderr: "")
        }
        return spec
    }

    /// The configured analyzer for one run: options fixed, processes started as documents need them.
    public func configured(options: OptionValues) -> ConfiguredExternalAnalyzer {
        ConfiguredExternalAnalyzer(analyzer: self, options: options)
    }

    static func decodingProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "no '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted?: return "not JSON"
        default: return "unreadable"
        }
    }

    static func excerpt(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return line.count > 200 ? text + "…" : text
    }
}

/// An external analyzer with its options set: sends each document to one of its processes
/// (one per worker thread that needs it, started on demand and kept for the next document).
public struct ConfiguredExternalAnalyzer: Sendable {
    public let analyzer: ExternalAnalyzer
    let timeout: Double
    /// The option values as JSON, encoded once for the run.
    let options: [(key: String, json: [UInt8])]
    private let pool: ProcessPool

    init(analyzer: ExternalAnalyzer, options values: OptionValues) {
        self.analyzer = analyzer
        timeout = values.number(ExternalAnalyzer.timeoutOption.key) ?? Double(ExternalAnalyzer.defaultTimeout)!
        options = ExternalProtocol.encodedOptions(analyzer.description.options.filter { $0.key != ExternalAnalyzer.timeoutOption.key }.compactMap { spec in
            values.string(spec.key).map { (spec.key, Self.typed($0, spec.kind)) }
        })
        pool = ProcessPool(command: analyzer.command, environment: analyzer.environment)
    }

    /// An option's value as JSON of its declared type.
    static func typed(_ value: String, _ kind: OptionSpec.Kind) -> JSONValue {
        switch kind {
        case .integer: return Int(value).map(JSONValue.integer) ?? .string(value)
        case .number: return Double(value).map(JSONValue.number) ?? .string(value)
        case .flag: return .bool(value == "true")
        default: return .string(value)
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws(ExternalFailure) -> ExternalResult {
        var results: [(id: String, json: [UInt8])] = []
        if !analyzer.description.requires.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            results = analyzer.description.requires.compactMap { id in
                guard let result = context.result(id: id) else { return nil }
                return (try? encoder.encode(result)).map { (id, Array($0)) }
            }
        }
        let request = ExternalProtocol.analyzeRequest(source: document.source, text: document.text, options: options, results: results)
        let line = try pool.exchange(request, timeout: timeout)
        return try ExternalResult.parse(line, characterCount: document.characterCount)
    }

    /// Lets every idle process finish (they also end when `analyze` exits and their input closes).
    public func shutDown() { pool.shutDown() }
}

/// The processes of one external analyzer: a process is taken for one request and given back
/// after it, so concurrent workers never share one; a failed process is stopped, not given back,
/// and the next request starts a fresh one.
final class ProcessPool: @unchecked Sendable {
    private let command: [String]
    private let environment: [String: String]
    private let lock = NSLock()
    private var idle: [ExternalProcess] = []

    init(command: [String], environment: [String: String]) {
        self.command = command
        self.environment = environment
    }

    func exchange(_ request: [UInt8], timeout: Double) throws(ExternalFailure) -> [UInt8] {
        let process: ExternalProcess
        if let reused = lock.withLock({ idle.popLast() }) {
            process = reused
        } else {
            process = try ExternalProcess(command: command, environment: environment)
        }
        do {
            let answer = try process.exchange(request, timeout: timeout)
            lock.withLock { idle.append(process) }
            return answer
        } catch {
            process.stop()
            throw error
        }
    }

    func shutDown() {
        let processes = lock.withLock { () -> [ExternalProcess] in defer { idle = [] }; return idle }
        for process in processes { process.finish() }
    }

    deinit { for process in idle { process.finish() } }
}

/// What an external analyzer answered for one document.
public struct ExternalResult: AnalyzerResult, Equatable {
    /// The program's `result`, reported as given under its id.
    public let result: JSONValue
    public let spans: [LabeledSpan]
    public let blocks: [RenderBlock]

    public init(result: JSONValue, spans: [LabeledSpan] = [], blocks: [RenderBlock] = []) {
        self.result = result
        self.spans = spans
        self.blocks = blocks
    }

    /// Checks an answer line: JSON of the protocol's shape, spans inside the document.
    static func parse(_ line: [UInt8], characterCount: Int) throws(ExternalFailure) -> ExternalResult {
        let answer: ExternalProtocol.Answer
        do {
            answer = try JSONDecoder().decode(ExternalProtocol.Answer.self, from: Data(line))
        } catch {
            throw .malformed("an answer that is not the protocol's JSON (\(ExternalAnalyzer.decodingProblem(error))): \(ExternalAnalyzer.excerpt(line))", stderr: "")
        }
        if let error = answer.error { throw .reported(error) }
        guard let result = answer.result else {
            throw .malformed("an answer with neither 'result' nor 'error': \(ExternalAnalyzer.excerpt(line))", stderr: "")
        }
        var spans: [LabeledSpan] = []
        for span in answer.spans ?? [] {
            guard 0 <= span.start, span.start <= span.end, span.end <= characterCount else {
                throw .malformed("the span \(span.start)–\(span.end) outside the document's \(characterCount) characters (offsets are Unicode scalars, end exclusive)", stderr: "")
            }
            spans.append(LabeledSpan(span.label ?? "", TextSpan(start: span.start, end: span.end)))
        }
        var blocks: [RenderBlock] = []
        for block in answer.render ?? [] {
            switch block.renderBlock() {
            case .success(let rendered): blocks.append(rendered)
            case .failure(let failure): throw failure
            }
        }
        return ExternalResult(result: result, spans: spans.sorted { $0.span < $1.span }, blocks: blocks)
    }

    public func encode(to encoder: any Encoder) throws { try result.encode(to: encoder) }

    public init(from decoder: any Decoder) throws { self.init(result: try JSONValue(from: decoder)) }

    public var reportedSpans: [LabeledSpan] { spans }
    public var highlights: [LabeledSpan] { spans }

    /// The program's blocks; without any, the result's top-level values as fields.
    public func rendering(for document: Document) -> [RenderBlock] {
        guard blocks.isEmpty else { return blocks }
        guard case .object(let fields) = result else { return [.note(result.displayText)] }
        return [.fields(fields.sorted { $0.key < $1.key }.map { .init($0.key, $0.value.displayText) })]
    }
}
