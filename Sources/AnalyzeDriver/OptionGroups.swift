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

    /// The options declared for `id`: a group's, else an analyzer's; nil when neither has the id.
    static func declared(_ id: String, registry: AnalyzerRegistry) -> [OptionSpec]? {
        named(id)?.options ?? registry.entry(id: id)?.description.options
    }

    /// Every `--option`: the groups' first, then the analyzers' (as the pipeline checks them).
    static func validate(_ options: [String: [String: String]], registry: AnalyzerRegistry) throws(UsageError) {
        do {
            try Pipeline.validate(options.filter { isGroup($0.key) }, ids: all.map(\.id)) { id in named(id)?.options }
            try Pipeline.validate(analyzerOptions(options), registry: registry)
        } catch {
            throw UsageError(message: error.message)
        }
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
