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

    public init(readStandardInput: @escaping @Sendable () throws -> [UInt8], writeOutput: @escaping @Sendable (String) -> Void,
                writeError: @escaping @Sendable (String) -> Void, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
                environment: [String: String] = [:], writeOutputBytes: (@Sendable ([UInt8]) -> Void)? = nil) {
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
        let invocation: Invocation
        do {
            invocation = try InvocationParser.parse(arguments)
        } catch {
            return usageError(error.message)
        }
        switch invocation.action {
        case .help:
            io.writeOutput(CommandLineSpec.help(registry: registry))
        case .version:
            io.writeOutput("analyze \(CommandLineSpec.version)\n")
        case .listPlugins:
            io.writeOutput(Explanation.list(registry))
        case .explain(let id):
            guard let type = registry.analyzer(id: id) else {
                return usageError(RegistryError.unknown(id: id, requiredBy: nil, valid: registry.ids).description)
            }
            io.writeOutput(Explanation.explain(type))
        case .analyze, .compare:
            return analyze(invocation)
        case .segment:
            return segment(invocation)
        }
        return ExitCode.success
    }

    private func usageError(_ message: String) -> Int32 {
        io.writeError("analyze: error: \(message)\n")
        return ExitCode.usage
    }

    private func analyze(_ invocation: Invocation) -> Int32 {
        Lexicon.prefer(Self.lexiconResidency(for: invocation))
        // Trends (issue 19): its options and dates are read here, its work done after the run.
        var trends: TrendsHook
        do {
            trends = try TrendsHook(invocation: invocation)
        } catch {
            return usageError(error.message)
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(registry: registry, requested: invocation.plugins, options: invocation.options.filter { $0.key != "trends" })
        } catch let error as Lexicon.LoadError {
            io.writeError("analyze: error: \(error.message)\n")
            return ExitCode.inputFailed
        } catch {
            return usageError(String(describing: error))
        }
        if let encoding = invocation.encoding, !TextDecoding.isKnownEncoding(encoding) {
            return usageError("unknown encoding '\(encoding)' for --encoding; try GB18030, GBK, BIG5, UTF-16LE (iconv names)")
        }

        if invocation.format == .csv, invocation.table == nil, let plugins = invocation.plugins, !plugins.contains("facts") {
            return usageError("--format csv writes the facts table; add facts to --plugins")
        }
        let units = inputUnits(invocation)
        // jsonl is written line by line as documents finish (to --output or standard output), so
        // memory holds only the documents in flight, whatever the size of the corpus.
        let streaming = invocation.format == .jsonl && invocation.action != .compare
        var sink: UnsafeMutablePointer<FILE>?
        if streaming, let output = invocation.output {
            guard let file = fopen(output, "wb") else {
                io.writeError("analyze: \(output): cannot write the report (\(String(cString: strerror(errno)))); check the path\n")
                return ExitCode.inputFailed
            }
            sink = file
        }
        var documents: [DocumentReport] = []
        let prerendered = invocation.format == .json && invocation.table == nil
        var parts: [[UInt8]] = []
        var allSucceeded = true
        let driver = self
        let progress = io.errorIsTerminal && units.count > 1 ? ProgressBar(total: units.count, write: io.writeError) : nil
        CorpusRunner.run(count: units.count, jobs: invocation.jobs, work: { index -> (report: DocumentReport, line: [UInt8]?) in
            let report: DocumentReport
            switch units[index] {
            case .file(let path): report = driver.analyzeInput(path, invocation: invocation, pipeline: pipeline)
            case .text(let source, let text, _): report = .analyzing(Document(source: source, text: text), with: pipeline)
            case .failed(let source, let error): report = .failed(source: source, error: error)
            }
            // Encoding happens on the worker too: it is a large part of the work for big outputs
            // (for --format json each document's part of the report, joined at the end).
            if prerendered { return (report, try? JSONReportRenderer.renderDocumentIndented(report)) }
            return (report, streaming ? try? JSONReportRenderer.renderLineUTF8(report) : nil)
        }, emit: { index, done in
            let report = done.report
            if !report.errors.isEmpty { progress?.clear() }
            for error in report.errors {
                io.writeError("analyze: \(report.source): \(error)\n")
            }
            progress?.update(done: index + 1, characters: report.characters)
            allSucceeded = allSucceeded && report.succeeded
            if streaming, let line = done.line {
                if let sink {
                    line.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, sink) }
                } else {
                    io.writeOutputBytes(line) // one line per document, in input order, as soon as it is ready
                }
            } else {
                documents.append(report)
                if prerendered, let part = done.line { parts.append(part) }
            }
        })
        if let sink, fclose(sink) != 0 {
            io.writeError("analyze: \(invocation.output!): could not finish writing the report\n")
            return ExitCode.inputFailed
        }
        progress?.clear()
        if streaming { return allSucceeded ? ExitCode.success : ExitCode.inputFailed }
        var report = Report(documents: documents)
        trends.attach(to: &report, units: units)
        if prerendered, let bytes = try? JSONReportRenderer.assemble(report, documents: parts) {
            return write(bytes, invocation: invocation) && allSucceeded ? ExitCode.success : ExitCode.inputFailed
        }
        let rendered: String
        do {
            let toTerminal = invocation.output == nil && io.outputIsTerminal
            rendered = try trends.render(report, toTerminal: toTerminal && io.environment["NO_COLOR"] == nil)
                ?? render(report, format: invocation.format, toTerminal: toTerminal)
        } catch {
            io.writeError("analyze: error: could not render the report: \(error)\n")
            return ExitCode.inputFailed
        }
        if let output = invocation.output {
            guard write(rendered, to: output) else {
                io.writeError("analyze: \(output): cannot write the report (\(String(cString: strerror(errno)))); check the path\n")
                return ExitCode.inputFailed
            }
        } else {
            io.writeOutput(rendered)
        }
        return allSucceeded ? ExitCode.success : ExitCode.inputFailed
    }

    /// Reading the lexicon onto huge pages pays for its few milliseconds only when the run is
    /// big: several inputs, a directory, jsonl documents, or one file of a megabyte or more.
    static func lexiconResidency(for invocation: Invocation) -> Lexicon.Residency {
        if invocation.inputFormat == .jsonl || invocation.inputs.count > 1 { return .resident }
        guard let input = invocation.inputs.first, case .success(let status) = FileStatus.of(input) else { return .mapped }
        return status.kind == .directory || status.size >= 1 << 20 ? .resident : .mapped
    }

    /// `--segment`: each input line's words separated by single spaces, one output line per input line.
    private func segment(_ invocation: Invocation) -> Int32 {
        let unknown = invocation.options.flatMap { id, values in values.keys.map { "\(id).\($0)" } }.filter { $0 != "keywords.dict" && $0 != "keywords.words" }
        if let first = unknown.sorted().first {
            return usageError("'--segment' takes only --option keywords.dict=FILE and keywords.words=W,W, not '\(first)'")
        }
        Lexicon.prefer(Self.lexiconResidency(for: invocation))
        let segmenter: Segmenter
        do {
            let keywordOptions = invocation.options["keywords"] ?? [:]
            segmenter = try Segmenter.shipped(userWords: UserDictionary.words(file: keywordOptions["dict"], inline: keywordOptions["words"]))
        } catch {
            io.writeError("analyze: error: \(error)\n")
            return ExitCode.inputFailed
        }
        var status = ExitCode.success
        for input in invocation.inputs.isEmpty ? ["-"] : invocation.inputs {
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

    private enum ReadOutcome { case success(String), failure(String) }

    /// What to analyse: files (directories expanded), or with `--input jsonl` one document per
    /// line `{"id": …, "text": …}` of each input, the contract of Spark's RDD.pipe and Hadoop Streaming.
    private func inputUnits(_ invocation: Invocation) -> [InputUnit] {
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

    private func readText(_ input: String, invocation: Invocation) -> ReadOutcome {
        do {
            let bytes = input == "-" ? try io.readStandardInput() : try InputReader.read(path: input, maxBytes: invocation.maxBytes)
            return .success(try TextDecoding.decode(bytes, encoding: invocation.encoding).text)
        } catch let error as TextDecoding.Failure {
            return .failure(error.message)
        } catch {
            return .failure(String(describing: error))
        }
    }

    private func analyzeInput(_ input: String, invocation: Invocation, pipeline: Pipeline) -> DocumentReport {
        switch readText(input, invocation: invocation) {
        case .failure(let message): return .failed(source: input, error: message)
        case .success(let text): return .analyzing(Document(source: input, text: text), with: pipeline)
        }
    }

    private func render(_ report: Report, format: OutputFormat, toTerminal: Bool) throws -> String {
        switch format {
        case .text:
            let useColor = toTerminal && io.environment["NO_COLOR"] == nil
            return TextReportRenderer(useColor: useColor).render(report)
        case .json:
            return try JSONReportRenderer.render(report)
        case .jsonl:
            return try report.documents.map(JSONReportRenderer.renderLine).joined()
        case .markdown:
            return MarkdownReportRenderer.render(report)
        case .html:
            return HTMLReportRenderer.render(report)
        case .csv:
            guard let csv = CSVReportRenderer.render(report) else {
                throw UsageError(message: "--format csv writes the facts table: run the facts analyzer (--plugins facts)")
            }
            return csv
        }
    }

    /// Writes a report's bytes to --output or standard output; false (with the message) on failure.
    private func write(_ bytes: [UInt8], invocation: Invocation) -> Bool {
        guard let output = invocation.output else {
            io.writeOutputBytes(bytes)
            return true
        }
        guard let file = fopen(output, "wb") else {
            io.writeError("analyze: \(output): cannot write the report (\(String(cString: strerror(errno)))); check the path\n")
            return false
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard fclose(file) == 0 && written == bytes.count else {
            io.writeError("analyze: \(output): could not finish writing the report\n")
            return false
        }
        return true
    }

    private func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        return fclose(file) == 0 && written == bytes.count
    }
}
