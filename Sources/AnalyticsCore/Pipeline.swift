import Dispatch
import Foundation

/// Configured analyzers in dependency order, ready to run on documents.
///
/// Analyzers whose requirements are met run concurrently; a failing analyzer is reported as an
/// error of the document and the others still run (except those that need its result).
public struct Pipeline: Sendable {
    struct Stage: Sendable {
        let id: String
        let requires: [String]
        let run: @Sendable (Document, AnalysisContext) throws -> any AnalyzerResult
    }

    let stages: [Stage]
    /// The analyzers asked for, in the order asked; only these are emitted in reports.
    public let requestedIDs: [String]

    /// The ids of every analyzer that runs, dependencies first (what `--explain` and tests inspect).
    public var runOrder: [String] { stages.map(\.id) }

    /// - Parameters:
    ///   - requested: analyzer ids, or nil for the registry's default set.
    ///   - options: `[analyzer id: [key: value]]` as given by the user; validated here.
    public init(registry: AnalyzerRegistry, requested: [String]?, options: [String: [String: String]] = [:]) throws {
        let entries = try registry.resolve(requested)
        try Self.validate(options, registry: registry)
        var seen: Set<String> = []
        self.requestedIDs = (requested ?? registry.defaultIDs).filter { seen.insert($0).inserted }
        self.stages = try entries.map { entry in
            let description = entry.description
            let instance = try entry.make(OptionValues(options[description.id] ?? [:], specs: description.options))
            return Stage(id: description.id, requires: description.requires, run: instance.run)
        }
    }

    /// Checks `--option` values against the analyzers' declarations (unknown analyzer or key, bad value).
    public static func validate(_ options: [String: [String: String]], registry: AnalyzerRegistry) throws(OptionError) {
        try validate(options, ids: registry.ids) { id in registry.entry(id: id)?.description.options }
    }

    /// Checks options against what `declared` gives for each id (nil: no such id, and `ids` are the
    /// valid ones), ids and keys in sorted order: the analyzers' and the driver's own option groups.
    public static func validate(_ options: [String: [String: String]], ids: [String],
                                declared: (String) -> [OptionSpec]?) throws(OptionError) {
        for (id, values) in options.sorted(by: { $0.key < $1.key }) {
            guard let specs = declared(id) else {
                let message = RegistryError.unknown(id: id, requiredBy: nil, valid: ids).description
                throw OptionError(message: message, detail: message)
            }
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                _ = try OptionError.spec(id: id, key: key, value: value, among: specs)
            }
        }
    }

    /// Runs every stage on `document`; results keyed by analyzer id, and for each analyzer that
    /// gave none, what happened: "failed: …" (it threw) or "not run: …" (an analyzer it requires
    /// failed or was not run; it is not called, so it never sees a missing result).
    public func run(_ document: Document) -> (results: [String: any AnalyzerResult], failures: [String: String]) {
        var results: [String: any AnalyzerResult] = [:]
        var failures: [String: String] = [:]
        var pending = stages
        while !pending.isEmpty {
            var ready: [Stage] = []
            var waiting: [Stage] = []
            for stage in pending {
                if let missing = stage.requires.first(where: { failures[$0] != nil }) {
                    failures[stage.id] = "not run: it needs '\(missing)', which gave no result (\(failures[missing]!))"
                } else if stage.requires.allSatisfy({ results[$0] != nil }) {
                    ready.append(stage)
                } else {
                    waiting.append(stage)
                }
            }
            if ready.isEmpty {
                // Cannot happen for a resolved registry (requirements come first); never loop.
                for stage in waiting { failures[stage.id] = "not run: its requirements did not run" }
                break
            }
            pending = waiting
            let context = AnalysisContext(results: results)
            let outcomes = Self.runConcurrently(ready, document: document, context: context)
            for (stage, outcome) in zip(ready, outcomes) {
                switch outcome {
                case .success(let result): results[stage.id] = result
                case .failure(let error): failures[stage.id] = "failed: " + String(describing: error)
                }
            }
        }
        return (results, failures)
    }

    private static func runConcurrently(_ stages: [Stage], document: Document, context: AnalysisContext) -> [Result<any AnalyzerResult, any Error>] {
        if stages.isEmpty { return [] }
        if stages.count == 1 {
            return [Result { try stages[0].run(document, context) }]
        }
        let slots = ResultSlots(count: stages.count)
        DispatchQueue.concurrentPerform(iterations: stages.count) { index in
            slots.set(index, Result { try stages[index].run(document, context) })
        }
        return slots.values
    }
}

/// Write-once slots filled from concurrent work.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<any AnalyzerResult, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<any AnalyzerResult, any Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var values: [Result<any AnalyzerResult, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// A bad `--option`: unknown analyzer or key, or a value of the wrong type.
public struct OptionError: Error, CustomStringConvertible, Sendable {
    /// As `--option` says it: "unknown option 'stats.speed'; valid keys: stats.rate".
    public let message: String
    /// Without the option's name, for a caller that names it its own way (the project file's
    /// "key 'options.stats.speed': unknown option; valid keys: stats.rate").
    public let detail: String
    public var description: String { message }

    /// The one check of `ID.KEY=VALUE` against the options declared for ID: the spec of `key` if
    /// `value` suits it, else the error (with the closest key when one is near).
    public static func spec(id: String, key: String, value: String, among specs: [OptionSpec]) throws(OptionError) -> OptionSpec {
        guard let spec = specs.first(where: { $0.key == key }) else {
            let valid = specs.isEmpty ? "'\(id)' takes no options" : "valid keys: " + specs.map { "\(id).\($0.key)" }.joined(separator: ", ")
            let suggestion = Suggestion.closest(to: key, among: specs.map(\.key)).map { " (did you mean '\(id).\($0)'?)" } ?? ""
            throw OptionError(message: "unknown option '\(id).\(key)'\(suggestion); \(valid)", detail: "unknown option; \(valid)")
        }
        if let problem = spec.problem(with: value) {
            throw OptionError(message: "option '\(id).\(key)' \(problem)", detail: problem)
        }
        return spec
    }
}
