import AnalyticsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the driver reads and writes; tests pass closures that capture, `main` passes the process's.
public struct DriverIO: Sendable {
    public var readStandardInput: @Sendable () throws -> [UInt8]
    public var writeOutput: @Sendable (String) -> Void
    /// Output already encoded as UTF-8 (jsonl lines, segmented text), written without a String.
    public var writeOutputBytes: @Sendable ([UInt8]) -> Void
    public var writeError: @Sendable (String) -> Void
    public var outputIsTerminal: Bool
    /// A progress bar is drawn on standard error only when it is a terminal.
    public var errorIsTerminal: Bool
    public var environment: [String: String]
    /// Where to look for `.analyze.json` (this directory and its parents); nil: nowhere (tests).
    public var workingDirectory: String?
    /// Whether the report written through `writeOutput` is lost already (a full disk, a closed
    /// pipe): the run then starts no more documents.
    public var outputHasFailed: @Sendable () -> Bool = { false }

    public init(readStandardInput: @escaping @Sendable () throws -> [UInt8], writeOutput: @escaping @Sendable (String) -> Void,
                writeError: @escaping @Sendable (String) -> Void, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
                environment: [String: String] = [:], workingDirectory: String? = nil, writeOutputBytes: (@Sendable ([UInt8]) -> Void)? = nil,
                outputHasFailed: (@Sendable () -> Bool)? = nil) {
        if let outputHasFailed { self.outputHasFailed = outputHasFailed }
        self.workingDirectory = workingDirectory
        self.readStandardInput = readStandardInput
        self.writeOutput = writeOutput
        self.writeOutputBytes = writeOutputBytes ?? { writeOutput(String(decoding: $0, as: UTF8.self)) }
        self.writeError = writeError
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
    }
}

/// Exit codes: sysexits-style, as the README documents.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let inputFailed: Int32 = 1
    public static let usage: Int32 = 64
}

/// The `analyze` command, runnable in-process.
public struct Driver: Sendable {
    public let registry: AnalyzerRegistry
    public let io: DriverIO

    public init(registry: AnalyzerRegistry = BuiltinAnalyzers.registry, io: DriverIO) {
        self.registry = registry
        self.io = io
    }

    public func run(_ arguments: [String]) -> Int32 {
        var invocation: Invocation
        var driver = self
        var notes: [String] = []
        do {
            invocation = try InvocationParser.parse(arguments)
            let project = invocation.subcommand.readsProjectFile && !invocation.showHelp && !invocation.showVersion
                ? (invocation.config ?? io.workingDirectory.flatMap(ProjectFile.find)).map(ProjectFile.Parsed.init) : nil
            if invocation.subcommand.readsProjectFile {
                (driver, notes) = try withExternalAnalyzers(invocation, project: project)
            }
            if let project {
                invocation.merge(try ProjectFile.load(project, registry: driver.registry))
            }
        } catch {
            return usageError(error.message)
        }
        for note in notes + invocation.notes { io.writeError("analyze: note: \(note)\n") }
        if invocation.showHelp {
            io.writeOutput(invocation.subcommand.help(registry: registry))
            return ExitCode.success
        }
        if invocation.showVersion {
            io.writeOutput("analyze \(CommandLineSpec.version)\n")
            return ExitCode.success
        }
        return invocation.subcommand.run(driver, invocation)
    }

    /// This driver with the external analyzers the invocation needs added to its registry: those
    /// named by `--plugins`, `--option` or the project file, and for `analyze plugins` every one
    /// found (with notes for those that cannot describe themselves).
    private func withExternalAnalyzers(_ invocation: Invocation, project file: ProjectFile.Parsed?) throws(UsageError) -> (Driver, [String]) {
        let project = try file.map { file throws(UsageError) in try ProjectFile.externalSettings(file) }
        let finder = ExternalAnalyzerFinder(invocation: invocation, project: project, environment: io.environment)
        if invocation.subcommand.name == Subcommand.plugins.name && invocation.inputs.isEmpty {
            let (extended, notes) = finder.extendingWithAll(registry)
            return (Driver(registry: extended, io: io), notes)
        }
        // Option groups' ids (trends) among them are never looked for (`ExternalAnalyzerFinder.isSought`).
        let named = (invocation.plugins ?? []) + invocation.options.keys.sorted() + invocation.inputs.prefix(invocation.subcommand.name == Subcommand.plugins.name ? 1 : 0)
            + (project?.namedIDs ?? [])
        return (Driver(registry: try finder.extending(registry, with: named), io: io), [])
    }

    /// `analyze plugins [ID]`.
    func plugins(_ invocation: Invocation) -> Int32 {
        do {
            // The same checks as a run: unknown ids, options and values are usage errors here too.
            _ = try registry.resolve(invocation.plugins)
            try DriverOptionGroup.validate(invocation.options, registry: registry)
        } catch {
            return usageError(String(describing: error))
        }
        guard let id = invocation.inputs.first else {
            io.writeOutput(Explanation.list(registry, settings: invocation))
            return ExitCode.success
        }
        if let group = DriverOptionGroup.named(id), registry.entry(id: id) == nil {
            io.writeOutput(group.explain(settings: invocation))
            return ExitCode.success
        }
        guard let entry = registry.entry(id: id) else {
            return usageError(RegistryError.unknown(id: id, requiredBy: nil, valid: registry.ids).description)
        }
        io.writeOutput(Explanation.explain(entry.description, settings: invocation))
        return ExitCode.success
    }

    func usageError(_ message: String) -> Int32 {
        io.writeError("analyze: error: \(message)\n")
        return ExitCode.usage
    }

    /// Reading the lexicon onto huge pages pays for its few milliseconds only when the run is
    /// big: several inputs, a directory, jsonl documents, or one file of a megabyte or more.
    static func lexiconResidency(for invocation: Invocation) -> Lexicon.Residency {
        if invocation.inputFormat == .jsonl || invocation.inputs.count > 1 { return .resident }
        guard let input = invocation.inputs.first, case .success(let status) = FileStatus.of(input) else { return .mapped }
        return status.kind == .directory || status.size >= 1 << 20 ? .resident : .mapped
    }

    /// `--segment`: each input line's words separated by single spaces, one output line per input line.
    func segment(_ invocation: Invocation) -> Int32 {
        let unknown = invocation.options.flatMap { id, values in values.keys.map { "\(id).\($0)" } }.filter { $0 != "keywords.dict" && $0 != "keywords.words" }
        if let first = unknown.sorted().first {
            return usageError("'analyze segment' takes only --option keywords.dict=FILE and keywords.words=W,W, not '\(first)'")
        }
        let segmenter: Segmenter
        do {
            let keywordOptions = invocation.options["keywords"] ?? [:]
            let setup = Lexicon.Setup(environment: io.environment, residency: Self.lexiconResidency(for: invocation))
            segmenter = try Lexicon.$setup.withValue(setup) {
                try Segmenter.shipped(userWords: UserDictionary.words(file: keywordOptions["dict"], inline: keywordOptions["words"]))
            }
        } catch {
            io.writeError("analyze: error: \(error)\n")
            return ExitCode.inputFailed
        }
        var status = ExitCode.success
        for input in invocation.inputs.isEmpty ? ["-"] : invocation.inputs {
            if io.outputHasFailed() { return ExitCode.inputFailed } // the words would be lost: read no more
            switch readText(input, invocation: invocation) {
            case .failure(let message):
                io.writeError("analyze: \(input): \(message)\n")
                status = ExitCode.inputFailed
            case .success(let text):
                // A piece at a time: memory holds one piece's words, whatever the input's size.
                var last: UInt8?
                segmenter.segmentedLines(text, chunkBytes: 1 << 20) { bytes in
                    guard !bytes.isEmpty else { return }
                    last = bytes.last
                    io.writeOutputBytes(bytes)
                }
                if let last, last != UInt8(ascii: "\n") { io.writeOutput("\n") }
            }
        }
        return status
    }

    enum ReadOutcome { case success(String), failure(String) }

    /// What to analyse: files (directories expanded), or with `--input jsonl` one document per
    /// line `{"id": …, "text": …}` of each input, the contract of Spark's RDD.pipe and Hadoop Streaming.
    func inputUnits(_ invocation: Invocation) -> [InputUnit] {
        let expanded = CorpusRunner.expand(invocation.inputs, glob: invocation.glob)
        guard invocation.inputFormat == .jsonl else {
            return expanded.map { input in input.error.map { InputUnit.failed(source: input.path, error: $0) } ?? .file(input.path) }
        }
        var units: [InputUnit] = []
        for input in expanded {
            if let error = input.error { units.append(.failed(source: input.path, error: error)); continue }
            let text: String
            switch readText(input.path, invocation: invocation) {
            case .success(let read): text = read
            case .failure(let message):
                units.append(.failed(source: input.path, error: message))
                continue
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) {
                units.append(JSONLines.unit(line, at: "\(input.path):\(number + 1)"))
            }
        }
        return units
    }

    func readText(_ input: String, invocation: Invocation) -> ReadOutcome {
        do {
            let bytes = input == "-" ? try io.readStandardInput() : try InputReader.read(path: input, maxBytes: invocation.maxBytes)
            return .success(try TextDecoding.decode(bytes, encoding: invocation.encoding).text)
        } catch let error as TextDecoding.Failure {
            return .failure(error.message)
        } catch {
            return .failure(String(describing: error))
        }
    }

    func analyzeInput(_ input: String, invocation: Invocation, pipeline: Pipeline) -> DocumentReport {
        switch readText(input, invocation: invocation) {
        case .failure(let message): return .failed(source: input, error: message)
        case .success(let text): return .analyzing(Document(source: input, text: text), with: pipeline)
        }
    }
}
