import AnalyticsCore

/// `--list-plugins` and `--explain ID`, generated from the analyzers' own descriptions.
enum Explanation {
    static func list(_ registry: AnalyzerRegistry) -> String {
        let width = registry.ids.map(\.count).max() ?? 0
        return registry.entries.map { entry in
            let description = entry.description
            let runs = description.runsByDefault ? "default" : "opt-in "
            return description.id.padding(toLength: width) + "  " + runs + "  " + description.summary + "\n"
        }.joined()
    }

    static func explain(_ description: AnalyzerDescription) -> String {
        var out = "\(description.id): \(description.summary)\n"
        out += description.runsByDefault ? "\nRuns by default (when --plugins is not given).\n" : "\nOpt-in: runs when asked for, --plugins \(description.id).\n"
        if !description.requires.isEmpty {
            out += "\nRequires: \(description.requires.joined(separator: ", "))\n"
        }
        out += "\nOptions:\n"
        if description.options.isEmpty { out += "  (none)\n" }
        for option in description.options {
            let defaultText = option.defaultValue.map { " (default: \($0))" } ?? ""
            out += "  --option \(description.id).\(option.key)=\(option.valueHint)\n      \(option.help)\(defaultText)\n"
        }
        out += "\nExamples (« » marks what it reports):\n"
        for example in description.examples {
            out += "  \(example.markedInput)\n"
            if !example.note.isEmpty { out += "      \(example.note)\n" }
            if !example.mustNotReport.isEmpty { out += "      not reported: \(example.mustNotReport.joined(separator: ", "))\n" }
            if !example.options.isEmpty {
                out += "      with " + example.options.sorted { $0.key < $1.key }.map { "\(description.id).\($0.key)=\($0.value)" }.joined(separator: " ") + "\n"
            }
        }
        return out
    }
}
