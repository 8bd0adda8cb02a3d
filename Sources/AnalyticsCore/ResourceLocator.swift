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
}
