import AnalyticsCore
import Foundation

/// Where external analyzers come from, first match wins: a command line declared in the project
/// file (`"external": {"tone": ["python3", "tools/tone.py"]}`), an executable `analyze-<id>` in a
/// plugin directory (`--plugin-dir DIR`, then the project file's `pluginDirs`), then on `PATH`.
/// Only the analyzers a run needs are started to describe themselves; `analyze plugins` lists all.
struct ExternalAnalyzerFinder {
    struct Candidate: Equatable {
        let id: String
        let command: [String]
        /// Where it was found, for `analyze plugins` and messages.
        let origin: String
    }

    var declared: [Candidate] = []
    var directories: [String] = []
    var searchPath: [String] = []
    var environment: [String: String] = [:]

    /// Our own executables that share the prefix and are not analyzers.
    static let ownTools: Set<String> = ["bench", "fuzz"]
    static let prefix = "analyze-"

    init(invocation: Invocation, project: ProjectFile.ExternalSettings?, environment: [String: String]) {
        declared = project?.declared ?? []
        directories = invocation.pluginDirs + (project?.pluginDirs ?? [])
        searchPath = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        self.environment = environment
    }

    init(declared: [Candidate] = [], directories: [String] = [], searchPath: [String] = [], environment: [String: String] = [:]) {
        self.declared = declared
        self.directories = directories
        self.searchPath = searchPath
        self.environment = environment
    }

    /// Whether `id` may be an external analyzer's: the one place that says which ids are never a
    /// program to look for — the driver's option groups (trends), our own tools, a malformed id.
    static func isSought(_ id: String) -> Bool {
        !ownTools.contains(id) && !DriverOptionGroup.isGroup(id) && AnalyzerDescription.isValidID(id)
    }

    /// Whether `name` is a file name of an external analyzer, and its id.
    static func id(fromFileName name: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let id = String(name.dropFirst(prefix.count))
        return isSought(id) ? id : nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The analyzer `id`, if some source has it.
    func locate(_ id: String) -> Candidate? {
        guard Self.isSought(id) else { return nil }
        if let found = declared.first(where: { $0.id == id }) { return found }
        for (directory, origin) in directories.map({ ($0, "plugin directory \($0)") }) + searchPath.map({ ($0, "PATH") }) {
            let path = (directory as NSString).appendingPathComponent(Self.prefix + id)
            if Self.isExecutableFile(path) { return Candidate(id: id, command: [path], origin: origin == "PATH" ? path : origin) }
        }
        return nil
    }

    /// Every external analyzer any source has, each id once (the first source wins), by id.
    func all() -> [Candidate] {
        var found: [String: Candidate] = [:]
        for candidate in declared where found[candidate.id] == nil { found[candidate.id] = candidate }
        for directory in directories + searchPath {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() {
                guard let id = Self.id(fromFileName: name), found[id] == nil, let candidate = locate(id) else { continue }
                found[id] = candidate
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }

    /// `registry` with the external analyzers among `ids` it lacks (and those they require),
    /// each started once to describe itself. An id no source has is left for the registry's
    /// own "unknown analyzer" error; one that cannot describe itself is a usage error.
    func extending(_ registry: AnalyzerRegistry, with ids: [String]) throws(UsageError) -> AnalyzerRegistry {
        var registry = registry
        var pending = ids
        while let id = pending.popLast() {
            guard registry.entry(id: id) == nil, let candidate = locate(id) else { continue }
            let entry = try describe(candidate)
            registry = registry.adding([entry])
            pending += entry.description.requires
        }
        return registry
    }

    /// `registry` with every external analyzer found; those that fail to describe themselves are
    /// left out with a note saying why.
    func extendingWithAll(_ registry: AnalyzerRegistry) -> (registry: AnalyzerRegistry, notes: [String]) {
        var entries: [AnalyzerEntry] = []
        var notes: [String] = []
        for candidate in all() where registry.entry(id: candidate.id) == nil {
            do {
                entries.append(try describe(candidate))
            } catch {
                notes.append(error.message)
            }
        }
        return (registry.adding(entries), notes)
    }

    func describe(_ candidate: Candidate) throws(UsageError) -> AnalyzerEntry {
        let analyzer: ExternalAnalyzer
        do {
            analyzer = try ExternalAnalyzer.describe(command: candidate.command, expectedID: candidate.id, environment: environment)
        } catch {
            throw UsageError(message: "external analyzer '\(candidate.id)' (\(candidate.command.joined(separator: " ")), from \(candidate.origin)) did not describe itself: \(error.message)")
        }
        return AnalyzerEntry(description: analyzer.description.external(from: candidate.origin)) { options in
            let configured = analyzer.configured(options: options)
            return AnalyzerInstance { document, context in try configured.analyze(document, context: context) }
        }
    }
}

extension AnalyzerDescription {
    /// The description with where the external program was found added to its summary.
    func external(from origin: String) -> AnalyzerDescription {
        AnalyzerDescription(id: id, summary: "\(summary) [external: \(origin)]", runsByDefault: false, highlightStyle: highlightStyle,
                            options: options, requires: requires, examples: examples)
    }
}
