import Foundation
import Testing
import AnalyticsCore
import FactsPlugin
import StatsPlugin
@testable import AnalyzeDriver

/// Once the report cannot be written (a full disk, a closed pipe), a run starts no more documents:
/// in the sequential and the parallel runner, in every format, and it still fails (exit 1).
@Suite struct StoppedRunTests {
    private struct Counted: AnalyzerResult, Equatable {
        var reportedSpans: [LabeledSpan] { [] }
        func rendering(for document: Document) -> [RenderBlock] { [] }
    }

    /// A count shared with the analyzer and the output closures (`Locked`, ExternalAnalyzerTests).
    private typealias Tally = Locked<Int>

    /// stats, facts (for a table), and an analyzer that counts the documents it is given.
    private static func registry(counting documents: Tally) -> AnalyzerRegistry {
        let counter = AnalyzerEntry(description: AnalyzerDescription(id: "counter", summary: "counts documents")) { _ in
            AnalyzerInstance { _, _ in documents.mutate { $0 += 1 }; return Counted() }
        }
        return AnalyzerRegistry(entries: [AnalyzerEntry(StatsAnalyzer.self), AnalyzerEntry(FactsAnalyzer.self), counter])
    }

    private static func corpus(_ count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-stopped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            try "第\(index)号文件。全年完成投资\(index)亿元。".write(to: folder.appendingPathComponent(String(format: "%03d.txt", index)), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A driver whose output counts as lost once `failedAfter` writes were made (nil: never).
    private static func run(_ arguments: [String], failedAfter: Int?, documents: Tally) -> (status: Int32, written: Int, errors: String) {
        let writes = Tally(0), errors = CapturedIO()
        let io = DriverIO(readStandardInput: { [] },
                          writeOutput: { _ in writes.mutate { $0 += 1 } },
                          writeError: errors.io.writeError,
                          writeOutputBytes: { _ in writes.mutate { $0 += 1 } },
                          outputHasFailed: { failedAfter.map { writes.value >= $0 } ?? false })
        let status = Driver(registry: registry(counting: documents), io: io).run(arguments)
        return (status, writes.value, errors.errors)
    }

    static let formats = ["jsonl", "json", "text", "html", "csv"]

    @Test(arguments: formats, ["1", "2"])
    func aLostReportStopsTheRun(_ format: String, jobs: String) throws {
        let folder = try Self.corpus(60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--plugins", format == "csv" ? "facts,counter" : "stats,counter", "--format", format, "--jobs", jobs, folder.path]
        let whole = Tally(0)
        let normal = Self.run(arguments, failedAfter: nil, documents: whole)
        #expect(normal.status == ExitCode.success, "\(normal.errors)")
        #expect(whole.value == 60)

        // Lost before the first byte (standard output known dead): nothing is analysed.
        let none = Tally(0)
        let dead = Self.run(arguments, failedAfter: 0, documents: none)
        #expect(dead.status == ExitCode.inputFailed)
        #expect(dead.written == 0 && dead.errors.isEmpty)
        #expect(none.value <= (jobs == "1" ? 0 : 2 * 5), "at most the documents in flight")

        guard format == "jsonl" else { return }
        // Lost after the first line: the documents ahead of the writer are finished, no more.
        let few = Tally(0)
        let lost = Self.run(arguments, failedAfter: 1, documents: few)
        #expect(lost.status == ExitCode.inputFailed)
        #expect(lost.written == 1, "no line tried after the lost one")
        #expect(few.value <= (jobs == "1" ? 1 : 1 + 2 * 5))
    }

    @Test(arguments: [1, 2, 4])
    func theRunnerStartsNothingOnceStopped(_ jobs: Int) {
        let started = Tally(0)
        var emitted: [Int] = []
        CorpusRunner.run(count: 1000, jobs: jobs, work: { index in started.mutate { $0 += 1 }; return index },
                         emit: { index, value in emitted.append(value) }, stopped: { emitted.count >= 3 })
        #expect(emitted == [0, 1, 2])
        // Workers run at most `jobs * 4` documents ahead of the writer, and finish those in flight.
        #expect(started.value <= 3 + jobs * 4 + jobs)
    }

    /// An external analyzer's processes (started per worker) are not left running, nor unreaped,
    /// when a run stops early: a wrapper of the example analyzer writes down each process's id.
    @Test(arguments: ["1", "2"])
    func noExternalProcessOutlivesAStoppedRun(_ jobs: String) throws {
        let folder = try Self.corpus(40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugins = folder.appendingPathComponent("plugins"), pids = folder.appendingPathComponent("pids")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let wrapper = plugins.appendingPathComponent("analyze-sentences")
        let example = packageRoot.appendingPathComponent("examples/analyze-sentences").path
        try "#!/bin/sh\necho $$ >> '\(pids.path)'\nexec python3 '\(example)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let writes = Tally(0), captured = CapturedIO()
        var io = DriverIO(readStandardInput: { [] }, writeOutput: { _ in writes.mutate { $0 += 1 } }, writeError: captured.io.writeError,
                          writeOutputBytes: { _ in writes.mutate { $0 += 1 } }, outputHasFailed: { writes.value >= 2 })
        io.environment = ProcessInfo.processInfo.environment
        let status = Driver(io: io).run(["--plugin-dir", plugins.path, "--plugins", "stats,sentences", "--format", "jsonl", "--jobs", jobs, folder.path])
        #expect(status == ExitCode.inputFailed, "\(captured.errors)")
        #expect(writes.value == 2)
        let started = try String(contentsOf: pids, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(!started.isEmpty)
        for pid in started {
            #expect(kill(pid, 0) != 0 && errno == ESRCH, "process \(pid) is still there (running or not reaped)")
        }
    }
}
