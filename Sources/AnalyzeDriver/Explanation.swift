import AnalyticsCore

/// `analyze plugins` and `analyze plugins ID`, generated from the analyzers' own descriptions and
/// the settings in force (with where each came from).
enum Explanation {
    static func list(_ registry: AnalyzerRegistry, settings: Invocation = Invocation()) -> String {
        let width = (registry.ids + DriverOptionGroup.all.map(\.id)).map(\.count).max() ?? 0
        var out = registry.entries.map { entry in
            let description = entry.description
            let runs = description.runsByDefault ? "default" : "opt-in "
            return description.id.padding(toLength: width) + "  " + runs + "  " + description.summary + "\n"
        }.joined()
        for group in DriverOptionGroup.all where registry.entry(id: group.id) == nil {
            out += group.id.padding(toLength: width) + "  options  " + group.summary + " (analyze plugins \(group.id))\n"
        }
        let run = settings.plugins ?? registry.defaultIDs
        let source = settings.sources["plugins"].map { "from \($0)" } ?? "the analyzers marked default"
        out += "\nRuns: \(run.joined(separator: ", ")) (\(source))\n"
        let set = settings.sources.filter { $0.key != "plugins" }.sorted { $0.key < $1.key }
        if !set.isEmpty {
            out += "Options set:\n"
            for (name, source) in set {
                let dot = name.firstIndex(of: ".")!
                let value = settings.options[String(name[..<dot])]?[String(name[name.index(after: dot)...])] ?? ""
                out += "  \(name)=\(value)  (from \(source))\n"
            }
        }
        return out
    }

    static func explain(_ description: AnalyzerDescription, settings: Invocation = Invocation()) -> String {
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
            let name = "\(description.id).\(option.key)"
            if let source = settings.sources[name], let value = settings.options[description.id]?[option.key] {
                out += "      set to \(value) (from \(source))\n"
            }
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
