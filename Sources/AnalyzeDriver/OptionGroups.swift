import AnalyticsCore

/// Options the driver itself owns, under an id that is not an analyzer's: `--option
/// trends.by=year`. One list, read by every place that meets an option's id — the run's checks
/// and its pipeline (which gets only the analyzers' options), the project file, `analyze plugins`
/// and the external-analyzer lookup (a group's id is never a program `analyze-<id>` to look for).
struct DriverOptionGroup: Sendable {
    let id: String
    let summary: String
    let options: [OptionSpec]

    static let all: [DriverOptionGroup] = [TrendsOptions.group]

    static func named(_ id: String) -> DriverOptionGroup? { all.first { $0.id == id } }
    static func isGroup(_ id: String) -> Bool { named(id) != nil }

    /// The options meant for analyzers: what the pipeline and its checks see.
    static func analyzerOptions(_ options: [String: [String: String]]) -> [String: [String: String]] {
        options.filter { !isGroup($0.key) }
    }

    /// Every `--option`: a group's against its declarations, the rest against the analyzers.
    static func validate(_ options: [String: [String: String]], registry: AnalyzerRegistry) throws(UsageError) {
        for (id, values) in options.sorted(by: { $0.key < $1.key }) {
            guard let group = named(id) else { continue }
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                if let problem = group.problem(key: key, value: value) { throw UsageError(message: problem) }
            }
        }
        do {
            try Pipeline.validate(analyzerOptions(options), registry: registry)
        } catch {
            throw UsageError(message: error.message)
        }
    }

    /// Nil when `id.key=value` is one of this group's options with a valid value; else the message,
    /// in the words the analyzers' checks use.
    func problem(key: String, value: String) -> String? {
        guard let spec = options.first(where: { $0.key == key }) else {
            let suggestion = Suggestion.closest(to: key, among: options.map(\.key)).map { " (did you mean '\(id).\($0)'?)" } ?? ""
            return "unknown option '\(id).\(key)'\(suggestion); valid keys: \(options.map { "\(id).\($0.key)" }.joined(separator: ", "))"
        }
        return spec.problem(with: value).map { "option '\(id).\(key)' \($0)" }
    }

    /// `analyze plugins ID` for a group: what it is and its options, with the settings in force.
    func explain(settings: Invocation) -> String {
        var out = "\(id): \(summary)\n\nNot an analyzer: options of the driver itself (no --plugins needed).\n\nOptions:\n"
        for option in options {
            let defaultText = option.defaultValue.map { " (default: \($0))" } ?? ""
            out += "  --option \(id).\(option.key)=\(option.valueHint)\n      \(option.help)\(defaultText)\n"
            if let source = settings.sources["\(id).\(option.key)"], let value = settings.options[id]?[option.key] {
                out += "      set to \(value) (from \(source))\n"
            }
        }
        return out
    }
}
