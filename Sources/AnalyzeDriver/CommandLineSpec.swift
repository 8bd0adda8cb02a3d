import AnalyticsCore

/// One command-line flag, declared once: its name, value placeholder, help, and what it sets.
/// The parser reads these and every `--help` is generated from them (swift-argument-parser's idea,
/// without the dependency).
struct Flag: Sendable {
    let name: String
    /// Placeholder for the flag's value; nil for a flag that takes none.
    let value: String?
    let help: String
    let repeatable: Bool
    let set: @Sendable (inout Invocation, String) throws(UsageError) -> Void

    init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String,
         set: @escaping @Sendable (inout Invocation, String) throws(UsageError) -> Void) {
        self.name = name
        self.value = value
        self.help = help
        self.repeatable = repeatable
        self.set = set
    }
}

/// A mode of the command: the main job (`analyze FILE…`) or a subcommand (`analyze segment …`).
/// Each declares its flags and operands; parsing, `--help` and the "does not apply" errors follow.
/// Adding one is a small, self-contained step: a new file with `extension Subcommand { static let
/// name = Subcommand(…) { driver, invocation in … } }` and its entry in `Subcommand.all`.
struct Subcommand: Sendable {
    enum Operands: Sendable {
        /// Inputs, at least one unless `optional` (then standard input).
        case inputs(optional: Bool)
        /// At most one word (an analyzer id).
        case optionalWord(String)
        /// Exactly this many words, named for the usage line and errors (e.g. two reports for compare).
        case words([String])
    }

    /// "analyze" for the main job, else the word after `analyze`.
    let name: String
    let summary: String
    /// The usage line after `analyze`.
    let usage: String
    let flags: [Flag]
    let operands: Operands
    let run: @Sendable (Driver, Invocation) -> Int32
    /// Whether `.analyze.json` (or `--config`) applies to this mode.
    var readsProjectFile: Bool { flag(named: Flags.config.name) != nil }

    var isMain: Bool { name == "analyze" }
    /// How it is typed: `analyze` or `analyze segment`.
    var invocationName: String { isMain ? "analyze" : "analyze \(name)" }

    func flag(named name: String) -> Flag? { flags.first { $0.name == name } }

    func help(registry: AnalyzerRegistry) -> String {
        var out = isMain ? "analyze \(CommandLineSpec.version): text analytics for Chinese government reports and news\n\n"
                         : "\(invocationName): \(summary)\n\n"
        out += "USAGE: \(invocationName) \(usage)\n"
        if isMain {
            out += "       analyze SUBCOMMAND [options] ...  (see 'analyze SUBCOMMAND --help')\n\nSUBCOMMANDS:\n"
            let subcommands = Subcommand.all.filter { !$0.isMain }
            let width = subcommands.map(\.name.count).max() ?? 0
            for subcommand in subcommands {
                out += "  " + subcommand.name.padding(toLength: width) + "  " + subcommand.summary + "\n"
            }
        }
        out += "\nOPTIONS:\n"
        let rows = flags.map { flag in (flag.name + (flag.value.map { " " + $0 } ?? ""), flag.help) }
        let width = rows.map { $0.0.count }.max() ?? 0
        for (left, right) in rows {
            out += "  " + left.padding(toLength: width) + "  " + right + "\n"
        }
        if isMain {
            out += "\nANALYZERS: \(registry.ids.joined(separator: ", ")) (default: \(registry.defaultIDs.joined(separator: ", ")))\n"
            out += "\nEXIT CODES: 0 all inputs analysed, 1 some input failed, 64 usage error\n"
        }
        return out
    }
}

extension Subcommand {
    /// Every mode, the main job first. A new subcommand is added here.
    static let all: [Subcommand] = [.analyze, .segment, .plugins, .compare]

    static func named(_ name: String) -> Subcommand? { all.first { !$0.isMain && $0.name == name } }
}

/// Old mode flags, kept working for one version with a note on standard error.
struct FlagAlias: Sendable {
    let name: String
    let takesValue: Bool
    let subcommand: String

    static let all: [FlagAlias] = [
        FlagAlias(name: "--segment", takesValue: false, subcommand: "segment"),
        FlagAlias(name: "--list-plugins", takesValue: false, subcommand: "plugins"),
        FlagAlias(name: "--explain", takesValue: true, subcommand: "plugins"),
    ]

    var note: String {
        let now = takesValue ? "analyze \(subcommand) \(name == "--explain" ? "ID" : "VALUE")" : "analyze \(subcommand)"
        return "'\(name)' is now '\(now)'; the flag goes after version \(CommandLineSpec.version)"
    }
}

enum InputFormat: String, CaseIterable, Sendable {
    case files, jsonl
}

enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, markdown, jsonl, csv, html
}

enum CommandLineSpec {
    static let version = "0.2.0"

    /// The main job's flags (what `analyze --help` lists).
    static var flags: [Flag] { Subcommand.analyze.flags }

    static let defaultMaxBytes = 512 * 1024 * 1024
    /// Token offsets are 32-bit (`Token`): no input may reach 2^31 characters.
    static let largestInput = Int(Int32.max)
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
