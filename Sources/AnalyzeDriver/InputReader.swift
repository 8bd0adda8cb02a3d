#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input's bytes, turning every way it can fail into a message that names what to do.
enum InputReader {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Reads the file at `path` (regular files and pipes; not directories), at most `maxBytes`.
    static func read(path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let status: FileStatus
        switch FileStatus.of(path) {
        case .success(let found): status = found
        case .failure(let failure):
            throw Failure(message: failure.code == ENOENT ? "no such file; check the path" : "cannot be read (\(String(cString: strerror(failure.code))))")
        }
        if status.kind == .directory {
            throw Failure(message: "is a directory; pass the files in it (for example DIR/*.txt)")
        }
        if status.kind == .regular && status.size > maxBytes {
            throw Failure(message: "is \(status.size) bytes, more than --max-bytes \(maxBytes); split it or raise --max-bytes")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Failure(message: errno == EACCES ? "cannot be read: permission denied; check its permissions" : "cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        return try readAll(descriptor, maxBytes: maxBytes, expected: status.kind == .regular ? status.size : 0)
    }

    static func readAll(_ descriptor: Int32, maxBytes: Int, expected: Int = 0) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: errno == EISDIR ? "is a directory; pass the files in it" : "read failed (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes {
                throw Failure(message: "is more than --max-bytes \(maxBytes) bytes; split it or raise --max-bytes")
            }
        }
    }
}
