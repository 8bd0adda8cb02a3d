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
        // --format json: each document's part of the report is rendered on the workers and written
        // to a spill file as it is done (in input order); what the corpus object is built from is
        // all that is kept of the document (`retainedForCorpus`). At the end the head (the corpus
        // object) is written, then the parts: byte-identical to rendering the whole report at once.
        let streamingJSON = invocation.format == .json && !units.isEmpty
        let keepScalars = trends.needsScalars
        let spill = streamingJSON ? ReportSpill(environment: io.environment) : nil
        if let spill, spill.inMemory, units.count > 1 {
            io.writeError("analyze: note: no temporary file could be made in $TMPDIR (or /tmp); the report is held in memory until the end\n")
        }
        var renderFailure: String?
        var allSucceeded = true
        let driver = self, pipeline = plan.pipeline, count = units.count
        let progress = io.errorIsTerminal && units.count > 1 ? ProgressBar(total: units.count, write: io.writeError) : nil
        CorpusRunner.run(count: count, jobs: invocation.jobs, work: { index -> RenderedDocument in
            let report: DocumentReport
            switch units[index] {
            case .file(let path): report = driver.analyzeInput(path, invocation: invocation, pipeline: pipeline)
            case .text(let source, let text, _): report = .analyzing(Document(source: source, text: text), with: pipeline)
            case .failed(let source, let error): report = .failed(source: source, error: error)
            }
            // Encoding happens on the worker too: it is a large part of the work for big outputs.
            if streamingJSON {
                do {
                    return RenderedDocument(report: report.retainedForCorpus(scalars: keepScalars),
                                            bytes: try JSONReportRenderer.renderDocumentIndented(report))
                } catch {
                    return RenderedDocument(report: report.retainedForCorpus(scalars: keepScalars), failure: String(describing: error))
                }
            }
            guard streaming else { return RenderedDocument(report: report, bytes: nil) }
            do {
                return RenderedDocument(report: report, bytes: try JSONReportRenderer.renderLineUTF8(report))
            } catch {
                return RenderedDocument(report: report, failure: String(describing: error))
            }
        }, emit: { index, done in
            let report = done.report
            if !report.errors.isEmpty { progress?.clear() }
            for error in report.errors {
                io.writeError("analyze: \(report.source): \(error)\n")
            }
            progress?.update(done: index + 1, characters: report.characters)
            allSucceeded = allSucceeded && report.succeeded
            if streaming {
                if let line = done.bytes {
                    sink.write(line) // one line per document, in input order, as soon as it is ready
                } else {
                    // Never silently lost: a document whose line cannot be encoded is a failed input.
                    io.writeError("analyze: \(report.source): its report could not be encoded (\(done.failure ?? "unknown error"))\n")
                    allSucceeded = false
                }
                return
            }
            documents.append(report)
            if let spill {
                if let part = done.bytes {
                    JSONReportRenderer.writeDocument(part, at: index, of: count) { spill.write($0) }
                } else if renderFailure == nil {
                    renderFailure = done.failure
                }
            }
        }, stopped: { sink.hasFailed })
        progress?.clear()
        if sink.hasFailed {
            // The report is lost (a full disk, a closed pipe): the documents left were not started.
            if let problem = sink.close() { io.writeError(problem) }
            return ExitCode.inputFailed
        }
        if !streaming {
            var clock = StageClock()
            clock.lap("documents analysed")
            var report = Report(documents: documents)
            documents = []
            clock.lap("corpus summaries")
            // Trends segment with the run's lexicon (ANALYZE_LEXICON, residency), as the analyzers do.
            Lexicon.$setup.withValue(plan.lexiconSetup) { trends.attach(to: &report, units: units) }
            clock.lap("trends")
            do {
                if let spill {
                    if let renderFailure { throw RenderFailure(message: renderFailure) }
                    // Every corpus entry is encoded before the first byte is written (what may throw).
                    var head = try JSONReportRenderer.encodeHead(corpus: report.corpus)
                    report.corpus = []
                    if let problem = sink.open() {
                        io.writeError(problem)
                        return ExitCode.inputFailed
                    }
                    head.write { sink.write($0) }
                    // Written piece by piece, as bytes: no copy of the whole report, no String.
                    guard spill.copy(to: { sink.write($0) }) else {
                        io.writeError("analyze: error: the documents' part of the report could not be kept in a temporary file (disk full?); set TMPDIR to a directory with room\n")
                        return ExitCode.inputFailed
                    }
                    sink.write(JSONReportRenderer.tail)
                    clock.lap("written")
                } else {
                    let useColor = invocation.output == nil && io.outputIsTerminal && io.environment["NO_COLOR"] == nil
                    let rendered = try trends.render(report, toTerminal: useColor, analyzerTable: plan.table)
                        ?? ReportRendering(format: invocation.format, table: plan.table, registry: registry, useColor: useColor).render(report)
                    if let problem = sink.open() {
                        io.writeError(problem)
                        return ExitCode.inputFailed
                    }
                    sink.write(rendered)
                }
            } catch {
                io.writeError("analyze: error: \(error)\n")
                return error is UsageError ? ExitCode.usage : ExitCode.inputFailed
            }
        }
        if let problem = sink.close() {
            io.writeError(problem)
            return ExitCode.inputFailed
        }
        return allSucceeded ? ExitCode.success : ExitCode.inputFailed
    }
}

/// One document's report as a worker hands it to the writer: with its jsonl line or JSON part
/// (`bytes`), or why the part could not be rendered.
struct RenderedDocument: Sendable {
    var report: DocumentReport
    var bytes: [UInt8]?
    var failure: String?
}

/// A document's part of a JSON report that could not be rendered: the run's error, as the
/// whole report's rendering would have said it.
struct RenderFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
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

    /// Whether the report is lost already: `--output`'s stream has failed (a full disk), or
    /// standard output has (`DriverIO.outputHasFailed`). A file not yet opened has not.
    var hasFailed: Bool {
        if let file { return ferror(file) != 0 }
        return path == nil && io.outputHasFailed()
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
