import Foundation

/// Finds a module's data file in its resource bundle beside the running binary, where `swift build`
/// and `scripts/install` put it, wherever the binary is. (SwiftPM's `Bundle.module` stops the
/// process when the bundle is missing; this returns nil, so the caller can say what to do.)
public enum ResourceLocator {
    /// The path of `file` in the bundle of `target` (e.g. "SlogansPlugin"), or nil.
    public static func path(of file: String, target: String) -> String? {
        let bundle = "analyze_\(target).resources"
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<3 { // the binary's folder, and above it for test bundles
            let candidate = directory.appendingPathComponent(bundle).appendingPathComponent(file).path
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The path of a shipped file that must be there: when it is not, a setup error naming it
    /// (`what`: "the facts cue list") and saying how to mend the installation.
    public static func requiredPath(of file: String, target: String, what: String) throws(AnalyzerSetupError) -> String {
        guard let path = path(of: file, target: target) else {
            throw AnalyzerSetupError("\(what) (analyze_\(target).resources/\(file)) is not beside the analyze binary; reinstall with scripts/install")
        }
        return path
    }

    /// The text of a shipped data file, or the setup error of `requiredPath`.
    public static func text(of file: String, target: String, what: String) throws(AnalyzerSetupError) -> String {
        let path = try requiredPath(of: file, target: target, what: what)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("\(what) (\(path)) cannot be read; reinstall with scripts/install")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The entries of a shipped word list (white space between entries, `#` to the end of a line a
    /// comment), or nil when the file is not beside the binary: for lists read on first use.
    public static func words(of file: String, target: String) -> [String]? {
        guard let path = path(of: file, target: target), let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").flatMap { line in
            line.prefix { $0 != "#" }.split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }
}
