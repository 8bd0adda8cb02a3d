import Foundation
import AnalyticsCore

/// What the user asked for, parsed from the arguments.
struct Invocation: Sendable {
    /// The mode: `Subcommand.analyze` unless the first argument names another.
    var subcommand: Subcommand = .analyze
    var showHelp = false
    var showVersion = false
    /// Notes for standard error (an old flag used).
    var notes: [String] = []
    var plugins: [String]?
    var format: OutputFormat = .text
    /// `--table ID`: the analyzer whose table `--format csv` writes.
    var table: String?
    /// `[analyzer id: [key: value]]`
    var options: [String: [String: String]] = [:]
    var output: String?
    var encoding: String?
    var maxBytes = CommandLineSpec.defaultMaxBytes
    var glob = "*.txt"
    var inputFormat: InputFormat = .files
    var jobs = CPUs.available
    /// The operands: inputs of the main job and of segment, the analyzer id of plugins.
    var inputs: [String] = []
    /// `--dates FILE`: documents' dates for trends (CSV lines source,date).
    var dates: String?
    /// `--plugin-dir DIR`: folders searched for external analyzers before `PATH`.
    var pluginDirs: [String] = []
    /// `--config FILE`: the project file to use instead of looking for `.analyze.json`.
    var config: String?
    /// Where each setting came from, for `analyze plugins`: "plugins" or "ID.KEY" → "--plugins",
    /// "--option" or the project file's path. Unset means the analyzers' own defaults.
    var sources: [String: String] = [:]

    /// Applies the project file under what the flags set (flags win), noting the sources.
    mutating func merge(_ file: ProjectFile) {
        if plugins != nil {
            sources["plugins"] = "--plugins"
        } else if let ids = file.plugins {
            plugins = ids
            sources["plugins"] = file.path
        }
        for (id, values) in options {
            for key in values.keys { sources["\(id).\(key)"] = "--option" }
        }
        for (id, values) in file.options {
            for (key, value) in values where options[id]?[key] == nil {
                options[id, default: [:]][key] = value
                sources["\(id).\(key)"] = file.path
            }
        }
    }
}

struct UsageError: Error, CustomStringConvertible, Sendable {
    let message: String
    var description: String { message }
}

enum InvocationParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var invocation = Invocation()
        var arguments = arguments
        if let first = arguments.first, let subcommand = Subcommand.named(first) {
            invocation.subcommand = subcommand
            arguments.removeFirst()
        } else {
            arguments = try applyingAliases(arguments, to: &invocation)
        }
        let command = invocation.subcommand
        var index = 0
        var seen: Set<String> = []
        var onlyOperands = false

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                invocation.inputs.append(argument)
                continue
            }
            if argument == "--" { onlyOperands = true; continue }

            let (name, inlineValue) = split(argument)
            guard let flag = command.flag(named: name) else { throw unknownFlag(name, in: command) }
            if !flag.repeatable && !seen.insert(name).inserted {
                throw UsageError(message: "'\(name)' given twice; give it once")
            }
            var value = ""
            if let placeholder = flag.value {
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "'\(name)' needs a value: \(name) \(placeholder)")
                }
            } else if inlineValue != nil {
                throw UsageError(message: "'\(name)' takes no value")
            }
            try flag.set(&invocation, value)
        }
        if !invocation.showHelp && !invocation.showVersion { try checkOperands(invocation) }
        return invocation
    }

    /// `--segment`, `--list-plugins`, `--explain ID` (before any `--`) choose their subcommand.
    private static func applyingAliases(_ arguments: [String], to invocation: inout Invocation) throws(UsageError) -> [String] {
        var rest: [String] = []
        var index = 0
        var chosen: FlagAlias?
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { rest += arguments[(index - 1)...]; break }
            let (name, inlineValue) = split(argument)
            guard let alias = FlagAlias.all.first(where: { $0.name == name }) else { rest.append(argument); continue }
            if let chosen, chosen.subcommand != alias.subcommand || chosen.name == alias.name {
                throw UsageError(message: "'\(chosen.name)' and '\(alias.name)' cannot be given together")
            }
            chosen = alias
            invocation.subcommand = Subcommand.named(alias.subcommand)!
            invocation.notes.append(alias.note)
            if alias.takesValue {
                if let inlineValue {
                    rest.append(inlineValue)
                } else if index < arguments.count {
                    rest.append(arguments[index])
                    index += 1
                } else {
                    throw UsageError(message: "'\(name)' needs a value: \(name) ID")
                }
            }
        }
        return rest
    }

    private static func unknownFlag(_ name: String, in command: Subcommand) -> UsageError {
        if let owner = Subcommand.all.first(where: { $0.flag(named: name) != nil }) {
            let takes = command.flags.map(\.name).joined(separator: ", ")
            return UsageError(message: "'\(name)' does not apply to '\(command.invocationName)' (it is an option of '\(owner.invocationName)'); '\(command.invocationName)' takes \(takes)")
        }
        let suggestion = Suggestion.closest(to: name, among: command.flags.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
        return UsageError(message: "unknown option '\(name)'\(suggestion); see '\(command.invocationName) --help'")
    }

    private static func checkOperands(_ invocation: Invocation) throws(UsageError) {
        let command = invocation.subcommand
        switch command.operands {
        case .inputs(let optional):
            if !optional && invocation.inputs.isEmpty {
                throw UsageError(message: "no input files; pass one or more FILE arguments, or - for standard input")
            }
        case .optionalWord(let what):
            if invocation.inputs.count > 1 {
                throw UsageError(message: "'\(command.invocationName)' takes at most one \(what), got \(invocation.inputs.joined(separator: " "))")
            }
        case .words(let names):
            if invocation.inputs.count != names.count {
                throw UsageError(message: "'\(command.invocationName)' takes \(names.joined(separator: " ")), got \(invocation.inputs.count) argument(s)")
            }
        }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
