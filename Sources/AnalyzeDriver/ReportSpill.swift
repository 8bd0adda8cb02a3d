#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `--format json` puts documents' parts as they finish (issue 19): the report opens with
/// the corpus object, known only when every document is done, so the parts wait on disk, in an
/// unlinked temporary file (under TMPDIR, else /tmp), and are copied out after the head. Memory
/// then holds only what the corpus object is built from. When no temporary file can be made,
/// the parts wait in memory (the report is the same).
final class ReportSpill {
    private var file: UnsafeMutablePointer<FILE>?
    private var kept: [[UInt8]] = []
    private(set) var failed = false

    init(environment: [String: String]) {
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast()) + Array("analyze-report-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return }
        // Unlinked at once: the file goes away with the process, however it ends.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        guard let opened = fdopen(descriptor, "w+b") else {
            close(descriptor)
            return
        }
        file = opened
    }

    deinit {
        if let file { fclose(file) }
    }

    /// True when no temporary file could be made and the parts wait in memory.
    var inMemory: Bool { file == nil }

    func write(_ bytes: [UInt8]) {
        guard !failed else { return } // the file already failed (disk full): the run reports it at the end
        guard let file else {
            kept.append(bytes)
            return
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { failed = true }
    }

    /// Everything written, in order, in chunks; false when the temporary file failed (disk full).
    func copy(to out: ([UInt8]) -> Void) -> Bool {
        guard let file else {
            for bytes in kept { out(bytes) }
            kept = []
            return true
        }
        guard !failed, fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            if read == chunk.count {
                out(chunk)
            } else {
                if read > 0 { out(Array(chunk[0..<read])) }
                break
            }
        }
        return ferror(file) == 0
    }
}
