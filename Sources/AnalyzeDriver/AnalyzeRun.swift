import AnalyticsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The main job, in three parts: the plan (what to read, with which analyzers, which table), the
/// sink (where the report's bytes go), and the rendering (the report in the format asked for).
extension Driver {
    func analyze(_ invocation: Invocation) -> Int32 {
        let plan: RunPlan
        // Trends (issue 19): its options and dates are read here, its work done after the run.
        var trends: TrendsHook
        do {
            trends = try TrendsHook(invocation: invocation)
            plan = try RunPlan(invocation, registry: registry, environment: io.environment)
        } catch let error as Lexicon.LoadError {
            io.writeError("analyze: error: \(error.message)\n")
            return ExitCode.inputFailed
        } catch {
            return usageError(String(describing: error))
        }
        let units = inputUnits(invocation)
        // jsonl is written line by line as documents finish (to --output or standard output), so
        // memory holds only the documents in flight, whatever the size of the corpus.
        let streaming = invocation.format == .jsonl && !invocation.subcommand.isCompare
        let sink = OutputSink(path: invocation.output, io: io)
        if streaming, let problem = sink.open() {
            io.writeError(problem)
            return ExitCode.inputFailed
        }
        var documents: [DocumentReport] = []
        // --format json: each document's part of the report is rendered on the workers and the
        // parts joined at the end (byte-identical to rendering the whole report at once).
        let prerendered = invocation.format == .json
        var parts: [[UInt8]] = []
        var allSucceeded = true
        let driver = self, pipeline = plan.pipeline
        let progress = io.errorIsTerminal && units.count > 1 ? ProgressBar(total: units.count, write: io.writeError) : nil
        CorpusRunner.run(count: units.count, jobs: invocation.jobs, work: { index -> (report: DocumentReport, line: [UInt8]?) in
            let report: DocumentReport
            switch units[index] {
            case .file(let path): report = driver.analyzeInput(path, invocation: invocation, pipeline: pipeline)
            case .text(let source, let text, _): report = .analyzing(Document(source: source, text: text), with: pipeline)
            case .failed(let source, let error): report = .failed(source: source, error: error)
            }
            // Encoding happens on the worker too: it is a large part of the work for big outputs.
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
                sink.write(line) // one line per document, in input order, as soon as it is ready
            } else {
                documents.append(report)
                if prerendered, let part = done.line { parts.append(part) }
            }
        })
        progress?.clear()
        if !streaming {
            var report = Report(documents: documents)
            // Trends segment with the run's lexicon (ANALYZE_LEXICON, residency), as the analyzers do.
            Lexicon.$setup.withValue(plan.lexiconSetup) { trends.attach(to: &report, units: units) }
            let rendered: String
            do {
                let useColor = invocation.output == nil && io.outputIsTerminal && io.environment["NO_COLOR"] == nil
                if prerendered, parts.count == documents.count, let assembled = try? JSONReportRenderer.assembled(report, documents: parts) {
                    // Written piece by piece, as bytes: no copy of the whole report, no String.
                    parts = []
                    if let problem = sink.open() {
                        io.writeError(problem)
                        return ExitCode.inputFailed
                    }
                    assembled.write { sink.write($0) }
                    rendered = ""
                } else if let replaced = try trends.render(report, toTerminal: useColor, analyzerTable: plan.table) {
                    rendered = replaced
                } else {
                    rendered = try ReportRendering(format: invocation.format, table: plan.table, registry: registry, useColor: useColor).render(report)
                }
            } catch {
                io.writeError("analyze: error: \(error)\n")
                return error is UsageError ? ExitCode.usage : ExitCode.inputFailed
            }
            if let problem = sink.open() {
                io.writeError(problem)
                return ExitCode.inputFailed
            }
            if !rendered.isEmpty { sink.write(rendered) }
        }
        if let problem = sink.close() {
            io.writeError(problem)
            return ExitCode.inputFailed
        }
        return allSucceeded ? ExitCode.success : ExitCode.inputFailed
    }
}

/// What a run will do, decided before any input is read: the analyzers (set up), the lexicon's
/// residency, and for `--format csv` the table to write. Every usage error is found here.
struct RunPlan {
    /// The lexicon the analyzers were set up with; trends use it too.
    let lexiconSetup: Lexicon.Setup
    let pipeline: Pipeline
    let table: String?

    init(_ invocation: Invocation, registry: AnalyzerRegistry, environment: [String: String]) throws {
        if let encoding = invocation.encoding, !TextDecoding.isKnownEncoding(encoding) {
            throw UsageError(message: "unknown encoding '\(encoding)' for --encoding; try GB18030, GBK, BIG5, UTF-16LE (iconv names)")
        }
        if invocation.table != nil && invocation.format != .csv {
            throw UsageError(message: "'--table' chooses the table of --format csv; add --format csv")
        }
        // A CSV report is one table: `--table ID` alone runs just that analyzer (the trends tables,
        // terms and indicators, are drawn from the analyzers run by default).
        let trendsTable = invocation.table.map { TrendsHook.tables.contains($0) } ?? false
        var requested = invocation.plugins
        if invocation.format == .csv, requested == nil, let table = invocation.table, !trendsTable { requested = [table] }
        let setup = Lexicon.Setup(environment: environment, residency: Driver.lexiconResidency(for: invocation))
        lexiconSetup = setup
        pipeline = try Lexicon.$setup.withValue(setup) {
            try DriverOptionGroup.validate(invocation.options, registry: registry)
            return try Pipeline(registry: registry, requested: requested, options: DriverOptionGroup.analyzerOptions(invocation.options))
        }
        if invocation.format != .csv {
            table = nil
        } else if trendsTable {
            // With one document there are no trends: `--table terms` is then the terms analyzer's, if it runs.
            table = pipeline.requestedIDs.contains(invocation.table!) ? invocation.table : nil
        } else {
            table = try Self.table(invocation.table, pipeline: pipeline, registry: registry)
        }
    }

    /// The table `--format csv` writes: the one named, else the only one among the analyzers run,
    /// else the one whose analyzer prefers it (facts, in the default set).
    static func table(_ named: String?, pipeline: Pipeline, registry: AnalyzerRegistry) throws(UsageError) -> String {
        let everywhere = registry.tables(among: registry.ids)
        let offered = "analyzers with a table: \(everywhere.isEmpty ? "none" : everywhere.joined(separator: ", "))"
        let here = registry.tables(among: pipeline.requestedIDs)
        if let named {
            guard registry.entry(id: named) != nil else {
                throw UsageError(message: "--table: " + RegistryError.unknown(id: named, requiredBy: nil, valid: everywhere).description)
            }
            guard everywhere.contains(named) else { throw UsageError(message: "'\(named)' has no table for --format csv; \(offered)") }
            guard here.contains(named) else {
                throw UsageError(message: "--table \(named): '\(named)' is not among the analyzers run (\(pipeline.requestedIDs.joined(separator: ", "))); add it to --plugins")
            }
            return named
        }
        let preferred = here.filter { registry.entry(id: $0)?.description.preferredTable == true }
        switch here.count {
        case 1: return here[0]
        case _ where preferred.count == 1: return preferred[0]
        case 0:
            let example = everywhere.first.map { " (e.g. --plugins \($0))" } ?? ""
            throw UsageError(message: "--format csv writes an analyzer's table, and none of the analyzers run (\(pipeline.requestedIDs.joined(separator: ", "))) has one; \(offered)\(example)")
        default:
            throw UsageError(message: "--format csv writes one table, and several analyzers run have one: \(here.joined(separator: ", ")); choose with --table ID")
        }
    }
}

/// Where the report goes: standard output (through the driver's io) or `--output FILE`, opened
/// when the first byte is ready to go (a jsonl run: before the first document).
final class OutputSink {
    private let path: String?
    private let io: DriverIO
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String?, io: DriverIO) {
        self.path = path
        self.io = io
    }

    /// Nil when ready; else the message for standard error.
    func open() -> String? {
        guard let path, file == nil else { return nil }
        guard let opened = fopen(path, "wb") else {
            return "analyze: \(path): cannot write the report (\(String(cString: strerror(errno)))); check the path\n"
        }
        file = opened
        return nil
    }

    func write(_ bytes: [UInt8]) {
        if let file {
            bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        } else {
            io.writeOutputBytes(bytes)
        }
    }

    func write(_ text: String) {
        if file != nil { write(Array(text.utf8)) } else { io.writeOutput(text) }
    }

    /// Nil when everything was written.
    func close() -> String? {
        guard let file, let path else { return nil }
        self.file = nil
        let failed = ferror(file) != 0
        return fclose(file) != 0 || failed ? "analyze: \(path): could not finish writing the report\n" : nil
    }
}

/// The report in one format. Renderers know nothing of specific analyzers.
struct ReportRendering {
    let format: OutputFormat
    /// For csv: the analyzer whose table is written.
    let table: String?
    let registry: AnalyzerRegistry
    let useColor: Bool

    func render(_ report: Report) throws -> String {
        switch format {
        case .text: return TextReportRenderer(useColor: useColor).render(report)
        case .json: return try JSONReportRenderer.render(report)
        case .jsonl: return try report.documents.map(JSONReportRenderer.renderLine).joined()
        case .markdown: return MarkdownReportRenderer.render(report)
        case .html:
            let styles = registry.entries.compactMap { entry in entry.description.highlightStyle.map { (id: entry.description.id, css: $0) } }
            return HTMLReportRenderer.render(report, highlightStyles: styles)
        case .csv:
            guard let table, let csv = CSVReportRenderer.render(report, table: table) else {
                throw UsageError(message: "no document has a '\(table ?? "")' table to write")
            }
            return csv
        }
    }
}
