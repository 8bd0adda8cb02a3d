#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is, symbolic links followed: the one `stat` that both the directory walk and the
/// input reader decide on.
struct FileStatus {
    enum Kind { case regular, directory, other }

    let kind: Kind
    let size: Int

    /// The status of `path`, or the `errno` that `stat` failed with (ENOENT for a missing file
    /// or a link to nothing).
    static func of(_ path: String) -> Result<FileStatus, StatFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(StatFailure(code: errno)) }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other // FIFO, socket, device
        }
        return .success(FileStatus(kind: kind, size: Int(info.st_size)))
    }

    struct StatFailure: Error {
        let code: Int32
    }
}
