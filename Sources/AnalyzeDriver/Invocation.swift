import Foundation
import AnalyticsCore

/// What the user asked for, parsed from the arguments.
struct Invocation: Sendable, Equatable {
    enum Action: Sendable, Equatable {
        case analyze
        case listPlugins
        case explain(String)
        case help
        case version
        case segment
        /// `analyze compare OLD NEW` (issue 19): the analysis of two documents as a diff.
        case compare
    }

    var action: Action = .analyze
    var plugins: [String]?
    var format: OutputFormat = .text
    /// `[analyzer id: [key: value]]`
    var options: [String: [String: String]] = [:]
    var output: String?
    var encoding: String?
    var maxBytes = CommandLineSpec.defaultMaxBytes
    var glob = "*.txt"
    var inputFormat: InputFormat = .files
    var jobs = CPUs.available
    var inputs: [String] = []
    /// Trends (issue 19): `--dates FILE` (CSV source,date) and `--table terms|indicators`.
    var dates: String?
    var table: String?
}

struct UsageError: Error, CustomStringConvertible, Sendable {
    let message: String
    var description: String { message }
}

enum InvocationParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var invocation = Invocation()
        var index = 0
        var seen: Set<String> = []
        var onlyInputs = false
        if arguments.first == "compare" { invocation.action = .compare; index = 1 } // issue 19

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyInputs || argument == "-" || !argument.hasPrefix("-") {
                invocation.inputs.append(argument)
                continue
            }
            if argument == "--" { onlyInputs = true; continue }

            let (name, inlineValue) = split(argument)
            guard let flag = CommandLineSpec.flag(named: name) else {
                let suggestion = Suggestion.closest(to: name, among: CommandLineSpec.flags.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError(message: "unknown option '\(name)'\(suggestion); see 'analyze --help'")
            }
            if !flag.repeatable && !seen.insert(name).inserted {
                throw UsageError(message: "'\(name)' given twice; give it once")
            }
            var value: String?
            if flag.value != nil {
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "'\(name)' needs a value: \(name) \(flag.value!)")
                }
            } else if inlineValue != nil {
                throw UsageError(message: "'\(name)' takes no value")
            }
            try apply(name, value: value, to: &invocation)
        }
        if invocation.action == .compare && invocation.inputs.count != 2 {
            throw UsageError(message: "'analyze compare' takes two documents: analyze compare OLD NEW")
        }
        if invocation.action == .analyze && invocation.inputs.isEmpty {
            throw UsageError(message: "no input files; pass one or more FILE arguments, or - for standard input")
        }
        return invocation
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func apply(_ name: String, value: String?, to invocation: inout Invocation) throws(UsageError) {
        switch name {
        case "--plugins":
            let ids = value!.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { throw UsageError(message: "'--plugins' needs at least one analyzer id") }
            invocation.plugins = ids
        case "--format":
            guard let format = OutputFormat(rawValue: value!) else {
                throw UsageError(message: "unknown format '\(value!)'; valid formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            invocation.format = format
        case "--option":
            let text = value!
            guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else {
                throw UsageError(message: "'--option \(text)' is not of the form ID.KEY=VALUE (e.g. keywords.top=30)")
            }
            let id = String(text[..<dot]), key = String(text[text.index(after: dot)..<equals])
            invocation.options[id, default: [:]][key] = String(text[text.index(after: equals)...])
        case "--output": invocation.output = value
        case "--encoding": invocation.encoding = value
        case "--max-bytes":
            guard let bytes = Int(value!), bytes > 0 else {
                throw UsageError(message: "'--max-bytes' expects a positive whole number of bytes, got '\(value!)'")
            }
            guard bytes <= CommandLineSpec.largestInput else {
                throw UsageError(message: "'--max-bytes' can be at most \(CommandLineSpec.largestInput) (offsets are 32-bit); split larger inputs")
            }
            invocation.maxBytes = bytes
        case "--glob": invocation.glob = value!
        case "--input":
            guard let format = InputFormat(rawValue: value!) else {
                throw UsageError(message: "unknown input format '\(value!)'; valid: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            invocation.inputFormat = format
        case "--jobs":
            guard let jobs = Int(value!), (1...256).contains(jobs) else {
                throw UsageError(message: "'--jobs' expects a number of parallel documents from 1 to 256, got '\(value!)'")
            }
            invocation.jobs = jobs
        case "--dates": invocation.dates = value
        case "--table":
            guard TrendsHook.tables.contains(value!) else {
                throw UsageError(message: "unknown table '\(value!)' for --table; valid: \(TrendsHook.tables.joined(separator: ", "))")
            }
            invocation.table = value
        case "--segment": invocation.action = .segment
        case "--list-plugins": invocation.action = .listPlugins
        case "--explain": invocation.action = .explain(value!)
        case "--help": invocation.action = .help
        case "--version": invocation.action = .version
        default: preconditionFailure("flag \(name) declared but not handled")
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
