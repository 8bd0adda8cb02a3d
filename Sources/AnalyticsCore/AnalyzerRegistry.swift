/// One analyzer the registry knows: its description and how to set it up. A compiled Swift
/// analyzer (`AnalyzerEntry(SomeAnalyzer.self)`) is one kind; the factory form leaves room for
/// analyzers described at run time (an external program) that have no Swift type.
public struct AnalyzerEntry: Sendable {
    /// What a result offers besides its JSON and render blocks, known before anything runs.
    public struct Capabilities: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A table for `--format csv` (`CSVExportable`).
        public static let table = Capabilities(rawValue: 1)
        /// A summary over several documents (`CorpusSummarizable`).
        public static let corpusSummary = Capabilities(rawValue: 2)
    }

    public let description: AnalyzerDescription
    public let capabilities: Capabilities
    /// The compiled analyzer, when there is one (typed look-ups, tests).
    public let type: (any Analyzer.Type)?
    /// Sets the analyzer up from options already validated against `description.options`.
    public let make: @Sendable (OptionValues) throws -> AnalyzerInstance

    public init(description: AnalyzerDescription, capabilities: Capabilities = [],
                make: @escaping @Sendable (OptionValues) throws -> AnalyzerInstance) {
        self.description = description
        self.capabilities = capabilities
        self.type = nil
        self.make = make
    }

    public init<A: Analyzer>(_ type: A.Type) {
        self.description = A.description
        var capabilities: Capabilities = []
        if A.Result.self is any CSVExportable.Type { capabilities.insert(.table) }
        if A.Result.self is any CorpusSummarizable.Type { capabilities.insert(.corpusSummary) }
        self.capabilities = capabilities
        self.type = type
        self.make = { options in
            let analyzer = try A(options: options)
            return AnalyzerInstance { document, context in try analyzer.analyze(document, context: context) }
        }
    }

    /// Opens an existential metatype (`any Analyzer.Type`) into its typed entry.
    static func opening(_ type: any Analyzer.Type) -> AnalyzerEntry {
        func open<A: Analyzer>(_ type: A.Type) -> AnalyzerEntry { AnalyzerEntry(type) }
        return open(type)
    }
}

/// A set-up analyzer: runs on one document at a time, concurrently from several threads.
public struct AnalyzerInstance: Sendable {
    public let run: @Sendable (Document, AnalysisContext) throws -> any AnalyzerResult
    public init(run: @escaping @Sendable (Document, AnalysisContext) throws -> any AnalyzerResult) {
        self.run = run
    }
}

/// The list of analyzers that exist, and the resolution of a request into a run order.
///
/// A value built from one explicit list (see `BuiltinAnalyzers`): no registration by side effect,
/// no global state.
public struct AnalyzerRegistry: Sendable {
    public let entries: [AnalyzerEntry]

    public init(entries: [AnalyzerEntry]) {
        self.entries = entries
    }

    public init(_ analyzers: [any Analyzer.Type]) {
        self.entries = analyzers.map { AnalyzerEntry.opening($0) }
    }

    /// The compiled analyzers among the entries.
    public var analyzers: [any Analyzer.Type] { entries.compactMap { $0.type } }

    public var ids: [String] { entries.map { $0.description.id } }

    /// What runs when no analyzers are named: those whose description says `runsByDefault`, in
    /// registry order.
    public var defaultIDs: [String] { entries.filter { $0.description.runsByDefault }.map { $0.description.id } }

    public func entry(id: String) -> AnalyzerEntry? {
        entries.first { $0.description.id == id }
    }

    /// The ids among `ids` whose results are tables (`--format csv --table ID`).
    public func tables(among ids: [String]) -> [String] {
        ids.filter { entry(id: $0)?.capabilities.contains(.table) == true }
    }

    public func analyzer(id: String) -> (any Analyzer.Type)? {
        entry(id: id)?.type
    }

    /// A registry with `more` entries after these (an id already here is replaced in place).
    public func adding(_ more: [AnalyzerEntry]) -> AnalyzerRegistry {
        var list = entries
        for entry in more {
            if let index = list.firstIndex(where: { $0.description.id == entry.description.id }) {
                list[index] = entry
            } else {
                list.append(entry)
            }
        }
        return AnalyzerRegistry(entries: list)
    }

    /// The analyzers to run for `requested` ids (the default set when nil), dependencies first, in
    /// a stable order; throws on an unknown id or a dependency cycle.
    public func resolve(_ requested: [String]?) throws(RegistryError) -> [AnalyzerEntry] {
        let roots = requested ?? defaultIDs
        var ordered: [AnalyzerEntry] = []
        var done: Set<String> = []
        var visiting: [String] = []

        func visit(_ id: String, requiredBy parent: String?) throws(RegistryError) {
            if done.contains(id) { return }
            if let index = visiting.firstIndex(of: id) {
                throw .cycle(Array(visiting[index...]) + [id])
            }
            guard let entry = entry(id: id) else {
                throw .unknown(id: id, requiredBy: parent, valid: ids)
            }
            visiting.append(id)
            for dependency in entry.description.requires {
                try visit(dependency, requiredBy: id)
            }
            visiting.removeLast()
            done.insert(id)
            ordered.append(entry)
        }

        for id in roots { try visit(id, requiredBy: nil) }
        return ordered
    }
}

public enum RegistryError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknown(id: String, requiredBy: String?, valid: [String])
    case cycle([String])

    public var description: String {
        switch self {
        case let .unknown(id, requiredBy, valid):
            let suggestion = Suggestion.closest(to: id, among: valid).map { " (did you mean '\($0)'?)" } ?? ""
            let origin = requiredBy.map { ", required by '\($0)'" } ?? ""
            return "unknown analyzer '\(id)'\(origin)\(suggestion); valid analyzers: \(valid.joined(separator: ", "))"
        case let .cycle(path):
            return "analyzer dependency cycle: \(path.joined(separator: " → "))"
        }
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        let limit = max(1, word.count / 3)
        return best.1 <= limit || best.0.hasPrefix(word) || word.hasPrefix(best.0) ? best.0 : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
