import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's own streams, for the `analyze` executable.
public enum StandardStreams {
    public static func readStandardInput() throws -> [UInt8] {
        try InputReader.readAll(STDIN_FILENO, maxBytes: CommandLineSpec.largestInput)
    }

    /// Writes all of `text` to a file descriptor (STDOUT_FILENO, STDERR_FILENO), unbuffered; nil
    /// when all was written, else the failed write's errno (ENOSPC: a full disk).
    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { write($0, to: descriptor) }
    }

    @discardableResult
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written < 0 { return errno }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    public static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

/// The first write to standard output that failed, so that a report lost to a full disk or an
/// unwritable output is an error (exit 1, as with `--output FILE`), never a silent success.
public final class OutputFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Int32?

    public init() {}

    public func record(_ error: Int32?) {
        guard let error else { return }
        lock.withLock { if self.error == nil { self.error = error } }
    }

    /// Whether a write has failed.
    public var hasFailed: Bool { lock.withLock { error != nil } }

    /// Runs `write` and records its failure; after a failed write, returns at once (the report is
    /// lost already, and a closed pipe or a full disk would only fail again).
    public func write(_ write: () -> Int32?) {
        guard !hasFailed else { return }
        record(write())
    }

    /// Whether a report written to `descriptor` is lost already: a write failed, or the output is
    /// known dead without writing — a pipe or socket whose reader has gone (poll's POLLERR), or a
    /// device that refuses even an empty write (/dev/full). Recorded as the failure, so that a run
    /// stops starting documents whose report could never be written. Two system calls: the
    /// runner asks once per document.
    public func hasFailed(writingTo descriptor: Int32) -> Bool {
        if hasFailed { return true }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        switch status.st_mode & S_IFMT {
        case S_IFIFO, S_IFSOCK:
            var probe = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            if poll(&probe, 1, 0) == 1, probe.revents & Int16(POLLERR) != 0 {
                // What the write would meet: SIGPIPE ends the run, as it would have at the write
                // (`analyze … | head`); where SIGPIPE is ignored, the write's EPIPE.
                raise(SIGPIPE)
                record(EPIPE)
            }
        case S_IFCHR where isatty(descriptor) == 0:
            // An empty write has no effect on a device that takes writes (/dev/null).
            if Glibc.write(descriptor, "", 0) < 0, errno != EINTR, errno != EAGAIN { record(errno) }
        default: break
        }
        return hasFailed
    }

    /// The run's exit status with the failure counted, and the message for standard error.
    public func outcome(of status: Int32) -> (status: Int32, message: String?) {
        guard let error = lock.withLock({ self.error }) else { return (status, nil) }
        let message = "analyze: standard output: could not write the report (\(String(cString: strerror(error))))\n"
        return (status == ExitCode.success ? ExitCode.inputFailed : status, message)
    }
}
