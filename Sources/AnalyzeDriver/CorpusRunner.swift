import AnalyticsCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns inputs into documents: directories are searched recursively for files matching a glob,
/// and documents are analysed on several threads but handed back in input order, so output is
/// the same whatever `--jobs` is, and memory holds only the documents in flight.
enum CorpusRunner {
    /// Each input as given, directories replaced by their matching files (sorted); a directory with
    /// none becomes an input with an error to report.
    static func expand(_ inputs: [String], glob: String) -> [(path: String, error: String?)] {
        var result: [(String, String?)] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append((input, nil))
                continue
            }
            var found: [(path: String, error: String?)] = []
            if let enumerator = FileManager.default.enumerator(atPath: input) {
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    guard fnmatch(glob, name, 0) == 0 else { continue }
                    let path = (input as NSString).appendingPathComponent(relative)
                    switch FileStatus.of(path).map(\.kind) {
                    case .success(.regular): found.append((path, nil))
                    case .success(.directory): continue
                    case .failure: found.append((path, "is a symbolic link to nothing; fix or remove the link"))
                    // Reading a FIFO nobody writes to would hang the whole run, so only named ones are read.
                    case .success(.other): found.append((path, "is not a regular file (a FIFO, socket or device), so a directory walk skips it; name it on the command line to read it"))
                    }
                }
            }
            if found.isEmpty {
                result.append((input, "is a directory with no files matching '\(glob)'; pass other files or a different --glob PATTERN"))
            } else {
                result += found.sorted { $0.path < $1.path }
            }
        }
        return result
    }

    /// Runs `work` on every index with `jobs` threads and calls `emit` in index order as results
    /// become ready; workers stay at most `window` documents ahead of the writer. Once `stopped`
    /// says so (asked on the writer's thread before each document), no document is started any
    /// more: those in flight are finished and dropped, and `run` returns when every worker has.
    static func run<Output: Sendable>(count: Int, jobs: Int, work: @escaping @Sendable (Int) -> Output, emit: (Int, Output) -> Void,
                                      stopped: () -> Bool = { false }) {
        guard jobs > 1, count > 1 else {
            for index in 0..<count {
                if stopped() { return }
                emit(index, work(index))
            }
            return
        }
        let state = SharedState<Output>(window: jobs * 4)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, count) {
            DispatchQueue.global().async(group: group) {
                while let index = state.take(limit: count) {
                    state.put(index, work(index))
                }
            }
        }
        for index in 0..<count {
            if stopped() {
                state.cancel()
                break
            }
            emit(index, state.wait(for: index))
        }
        group.wait()
    }

    private final class SharedState<Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private var next = 0
        private var emitted = 0
        private var ready: [Int: Output] = [:]
        private let window: Int

        init(window: Int) { self.window = window }

        private var cancelled = false

        func take(limit: Int) -> Int? {
            condition.lock(); defer { condition.unlock() }
            while !cancelled && next < limit && next - emitted >= window { condition.wait() }
            guard !cancelled, next < limit else { return nil }
            defer { next += 1 }
            return next
        }

        func put(_ index: Int, _ report: Output) {
            condition.lock(); defer { condition.unlock() }
            ready[index] = report
            condition.broadcast()
        }

        /// No document is taken any more; workers waiting for room in the window return.
        func cancel() {
            condition.lock(); defer { condition.unlock() }
            cancelled = true
            ready.removeAll()
            condition.broadcast()
        }

        func wait(for index: Int) -> Output {
            condition.lock(); defer { condition.unlock() }
            while ready[index] == nil { condition.wait() }
            emitted = index + 1
            condition.broadcast()
            return ready.removeValue(forKey: index)!
        }
    }
}

/// One thing to analyse.
enum InputUnit: Sendable {
    case file(String)
    /// `date`: the jsonl record's `date` field, for trends.
    case text(source: String, text: String, date: String? = nil)
    case failed(source: String, error: String)
}

/// `--input jsonl`: one `{"id": "…", "text": "…"}` object a line.
enum JSONLines {
    static func unit(_ line: Substring, at location: String) -> InputUnit {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return .failed(source: location, error: "is not a JSON object; --input jsonl expects one {\"id\": …, \"text\": …} a line")
        }
        guard let text = object["text"] as? String else {
            return .failed(source: location, error: "has no string \"text\" field; --input jsonl expects {\"id\": …, \"text\": …}")
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber).map { $0.stringValue } ?? location
        return .text(source: id, text: text, date: object["date"] as? String)
    }
}
