import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an exchange with an external analyzer's process failed. Every case carries what the
/// program printed on its standard error, so the user sees its own explanation.
public enum ExternalFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String { message }

    case cannotStart(String)
    case exited(status: String, stderr: String)
    case timedOut(seconds: Double, stderr: String)
    case malformed(String, stderr: String)
    case reported(String)

    public var message: String {
        switch self {
        case .cannotStart(let why): return "cannot start: \(why)"
        case let .exited(status, stderr): return "the program \(status) before answering" + Self.printed(stderr)
        case let .timedOut(seconds, stderr): return "no answer within \(NumberText.fixed(seconds, digits: seconds < 10 ? 1 : 0)) s (stopped; raise ID.timeout if it needs longer)" + Self.printed(stderr)
        case let .malformed(what, stderr): return "answered with \(what)" + Self.printed(stderr)
        case .reported(let message): return "it reported an error: \(message)"
        }
    }

    static func printed(_ stderr: String) -> String {
        let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        let tail = trimmed.count > 600 ? "…" + String(trimmed.suffix(600)) : trimmed
        return "; it printed: " + tail.replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}

/// One running external analyzer: a child process that reads requests as JSON lines on its
/// standard input and answers each with one JSON line on its standard output.
///
/// Every wait is bounded: writes and reads go through `poll` with the request's deadline, so a
/// program that hangs, stops reading or floods its standard error can never hang the run. Its
/// standard input is a socket, written with `MSG_NOSIGNAL`: a program that exits early makes the
/// write fail instead of raising SIGPIPE in `analyze`. (Its output and error streams are sockets
/// too; programs read and write them as they would pipes.)
final class ExternalProcess {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private let errors: Int32
    private var pendingOutput: [UInt8] = []
    private var stderrTail: [UInt8] = []
    private var finished = false
    /// Read buffer, kept for the process's life (poll wakes it many times per request).
    private var chunk = [UInt8](repeating: 0, count: 65536)

    /// Starts `command` (its first element is an executable path, or a name looked up on `PATH`).
    init(command: [String], environment: [String: String]) throws(ExternalFailure) {
        // Socket pairs made close-on-exec atomically: a program started at the same moment by
        // another worker must not inherit our ends (it would keep them open past this one's exit).
        func pair() -> [Int32]? {
            var fds: [Int32] = [-1, -1]
            return socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 ? fds : nil
        }
        guard let sockets = pair(), let outPipe = pair(), let errPipe = pair() else {
            throw .cannotStart("no sockets: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, sockets[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        var spawned = posix_spawnp(&child, command[0], &actions, nil, argv, envp)
        // "Text file busy": a program written a moment ago (an analyzer just installed) is still open for
        // writing in a process another thread forked and has not yet exec'd; that passes in milliseconds.
        var tries = 0
        while spawned == ETXTBSY, tries < 50 {
            usleep(10_000)
            tries += 1
            spawned = posix_spawnp(&child, command[0], &actions, nil, argv, envp)
        }
        close(sockets[1]); close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(sockets[0]); close(outPipe[0]); close(errPipe[0])
            throw .cannotStart("'\(command[0])': \(String(cString: strerror(spawned)))")
        }
        pid = child
        input = sockets[0]
        output = outPipe[0]
        errors = errPipe[0]
        for fd in [input, output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit { stop() }

    /// Sends one request line and returns the answer line (without its newline).
    func exchange(_ request: [UInt8], timeout seconds: Double) throws(ExternalFailure) -> [UInt8] {
        stderrTail.removeAll(keepingCapacity: true)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(seconds, 0.001) * 1e9)
        var written = 0
        while true {
            if let newline = pendingOutput.firstIndex(of: 0x0A) {
                let line = Array(pendingOutput[..<newline])
                pendingOutput.removeSubrange(...newline)
                if written < request.count { throw .malformed("an answer before it had read the whole request", stderr: stderrText) }
                return line
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                stop()
                throw .timedOut(seconds: seconds, stderr: stderrText)
            }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            if written < request.count { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let waitMs = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
            if poll(&fds, nfds_t(fds.count), waitMs) < 0 && errno != EINTR {
                throw .malformed("nothing readable (poll: \(String(cString: strerror(errno))))", stderr: stderrText)
            }
            if fds[1].revents != 0 { _ = drain(errors, into: &stderrTail, cap: 8192) }
            if fds.count > 2, fds[2].revents != 0 {
                let sent = request.withUnsafeBytes { send(input, $0.baseAddress! + written, request.count - written, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                if sent > 0 { written += sent } else if sent < 0 && errno != EAGAIN && errno != EINTR { throw exitFailure() }
            }
            if fds[0].revents != 0, drain(output, into: &pendingOutput, cap: .max), !pendingOutput.contains(0x0A) {
                throw exitFailure() // its output ended without a whole answer line
            }
        }
    }

    private var stderrText: String { String(decoding: stderrTail, as: UTF8.self) }

    /// The process ended (or closed its output): collect its status and what it printed.
    private func exitFailure() -> ExternalFailure {
        _ = drain(errors, into: &stderrTail, cap: 8192)
        let status = stop()
        return .exited(status: status, stderr: stderrText)
    }

    /// Reads what is there without blocking; keeps at most the last `cap` bytes. True at end of file.
    @discardableResult
    private func drain(_ fd: Int32, into buffer: inout [UInt8], cap: Int) -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            guard count > 0 else { return count == 0 }
            buffer += chunk[..<count]
            if buffer.count > cap { buffer.removeFirst(buffer.count - cap) }
        }
    }

    /// Ends the process (it is killed if still running) and says how it ended.
    @discardableResult
    func stop() -> String {
        guard !finished else { return "had stopped" }
        finished = true
        close(input)
        var status: Int32 = 0
        var waited = waitpid(pid, &status, WNOHANG)
        if waited == 0 {
            kill(pid, SIGKILL)
            waited = waitpid(pid, &status, 0)
        }
        close(output); close(errors)
        guard waited == pid else { return "ended" }
        let signal = status & 0x7F
        if signal != 0 { return signal == SIGKILL ? "was stopped" : "crashed (signal \(signal))" }
        return "exited with status \((status >> 8) & 0xFF)"
    }

    /// Closes the program's input so it can finish on its own, then waits briefly before stopping it.
    func finish() {
        guard !finished else { return }
        shutdown(input, Int32(SHUT_WR))
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { finished = true; close(input); close(output); close(errors); return }
            usleep(2000)
        }
        stop()
    }
}
