/// The list of analyzers that exist, and the resolution of a request into a run order.
///
/// A value built from one explicit list (see `BuiltinAnalyzers`): no registration by side effect,
/// no global state.
public struct AnalyzerRegistry: Sendable {
    public let analyzers: [any Analyzer.Type]

    public init(_ analyzers: [any Analyzer.Type]) {
        self.analyzers = analyzers
    }

    public var ids: [String] { analyzers.map { $0.description.id } }

    public func analyzer(id: String) -> (any Analyzer.Type)? {
        analyzers.first { $0.description.id == id }
    }

    /// The analyzers to run for `requested` ids (all when nil), dependencies first, in a stable
    /// order; throws on an unknown id or a dependency cycle.
    public func resolve(_ requested: [String]?) throws(RegistryError) -> [any Analyzer.Type] {
        let roots = requested ?? ids
        var ordered: [any Analyzer.Type] = []
        var done: Set<String> = []
        var visiting: [String] = []

        func visit(_ id: String, requiredBy parent: String?) throws(RegistryError) {
            if done.contains(id) { return }
            if let index = visiting.firstIndex(of: id) {
                throw .cycle(Array(visiting[index...]) + [id])
            }
            guard let type = analyzer(id: id) else {
                throw .unknown(id: id, requiredBy: parent, valid: ids)
            }
            visiting.append(id)
            for dependency in type.description.requires {
                try visit(dependency, requiredBy: id)
            }
            visiting.removeLast()
            done.insert(id)
            ordered.append(type)
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
