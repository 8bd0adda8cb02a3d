import Foundation
import Synchronization
import Testing
@testable import AnalyzeDriver
#if canImport(Glibc)
import Glibc
#endif

/// A report written to standard output that cannot be written (a full disk) is an error, never a
/// silent success: the executable exits 1 and says so, as `--output FILE` does.
@Suite struct OutputFailureTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDiskIsAFailedWriteAndExitsOne() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        #expect(StandardStreams.write("报告", to: full) == ENOSPC)
        let failure = OutputFailure()
        failure.record(StandardStreams.write([UInt8]("{}".utf8), to: full))
        failure.record(EPIPE) // only the first failure is told
        let outcome = failure.outcome(of: ExitCode.success)
        #expect(outcome.status == ExitCode.inputFailed)
        #expect(outcome.message == "analyze: standard output: could not write the report (\(String(cString: strerror(ENOSPC))))\n")
        #expect(failure.outcome(of: ExitCode.usage).status == ExitCode.usage, "a usage error keeps its status")
    }

    @Test func afterAFailedWriteLaterWritesReturnAtOnce() {
        let failure = OutputFailure()
        let calls = Mutex(0)
        failure.write { calls.withLock { $0 += 1 }; return nil }
        #expect(!failure.hasFailed)
        failure.write { calls.withLock { $0 += 1 }; return ENOSPC }
        failure.write { calls.withLock { $0 += 1 }; return EPIPE }
        #expect(calls.withLock { $0 } == 2, "the write after the failed one is not tried")
        #expect(failure.hasFailed)
        #expect(failure.outcome(of: ExitCode.success).message == "analyze: standard output: could not write the report (\(String(cString: strerror(ENOSPC))))\n")
    }

    @Test func aWrittenReportIsNoFailure() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-output-\(UUID().uuidString)").path
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(file >= 0)
        defer { close(file); unlink(path) }
        let failure = OutputFailure()
        failure.record(StandardStreams.write("报告\n", to: file))
        failure.record(StandardStreams.write([UInt8](), to: file))
        #expect(failure.outcome(of: ExitCode.success).status == ExitCode.success)
        #expect(failure.outcome(of: ExitCode.success).message == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "报告\n")
    }

    /// Standard output known dead before a byte is written: a device that refuses every write, a
    /// pipe whose reader has gone. Live outputs are not probed into failure.
    @Test func aDeadOutputIsKnownWithoutWriting() throws {
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = open("/dev/full", O_WRONLY)
            try #require(full >= 0)
            defer { close(full) }
            let failure = OutputFailure()
            #expect(failure.hasFailed(writingTo: full))
            #expect(failure.outcome(of: ExitCode.success).message == "analyze: standard output: could not write the report (\(String(cString: strerror(ENOSPC))))\n")
        }
        let null = open("/dev/null", O_WRONLY)
        try #require(null >= 0)
        defer { close(null) }
        #expect(!OutputFailure().hasFailed(writingTo: null))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-probe-\(UUID().uuidString)").path
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(file >= 0)
        defer { close(file); unlink(path) }
        #expect(!OutputFailure().hasFailed(writingTo: file))
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[1]) }
        let live = OutputFailure()
        #expect(!live.hasFailed(writingTo: ends[1]), "a pipe with its reader")
        close(ends[0])
        // The reader gone: SIGPIPE is raised, as a write would; blocked here on this thread and
        // taken back, so that it is seen to be raised and does not end the test run.
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let closed = OutputFailure()
        let found = closed.hasFailed(writingTo: ends[1])
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        let raised = sigtimedwait(&pipeSignal, nil, &none)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #expect(found)
        #expect(raised == SIGPIPE)
        #expect(closed.outcome(of: ExitCode.success).message == "analyze: standard output: could not write the report (\(String(cString: strerror(EPIPE))))\n")
    }
}
