import AnalyticsCore

/// Every flag of every mode, each declared once with what it sets; `Subcommand`s pick theirs.
enum Flags {
    static let plugins = Flag("--plugins", value: "ID,ID", help: "analyzers to run (default: the default set); see 'analyze plugins'") { invocation, value throws(UsageError) in
        let ids = value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw UsageError(message: "'--plugins' needs at least one analyzer id") }
        invocation.plugins = ids
    }

    static let format = choice("--format", help: "report format (default: text)", unknown: "format", valid: "valid formats") { (invocation, format: OutputFormat) in
        invocation.format = format
    }

    static let table = Flag("--table", value: "ID", help: "with --format csv: the analyzer whose table to write (needed when several run)") { invocation, value in
        invocation.table = value
    }

    static let option = Flag("--option", value: "ID.KEY=VALUE", repeatable: true,
                             help: "set an analyzer option; see 'analyze plugins ID'") { invocation, text throws(UsageError) in
        guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else {
            throw UsageError(message: "'--option \(text)' is not of the form ID.KEY=VALUE (e.g. keywords.top=30)")
        }
        let id = String(text[..<dot]), key = String(text[text.index(after: dot)..<equals])
        invocation.options[id, default: [:]][key] = String(text[text.index(after: equals)...])
    }

    static let output = Flag("--output", value: "FILE", help: "write the report to FILE instead of standard output") { invocation, value in
        invocation.output = value
    }

    static let encoding = Flag("--encoding", value: "NAME", help: "decode inputs as NAME (GB18030, GBK, BIG5, UTF-16LE…) instead of detecting") { invocation, value in
        invocation.encoding = value
    }

    static let input = choice("--input", help: "files: each input is a document (default); jsonl: each line {\"id\",\"text\"} of each input is one",
                              unknown: "input format", valid: "valid") { (invocation, format: InputFormat) in
        invocation.inputFormat = format
    }

    static let glob = Flag("--glob", value: "PATTERN", help: "files to take from directory inputs, searched recursively (default: *.txt)") { invocation, value in
        invocation.glob = value
    }

    static let jobs = Flag("--jobs", value: "N", help: "documents analysed in parallel (default: every CPU this process may use); output order stays the input order") { invocation, value throws(UsageError) in
        guard let jobs = Int(value), (1...256).contains(jobs) else {
            throw UsageError(message: "'--jobs' expects a number of parallel documents from 1 to 256, got '\(value)'")
        }
        invocation.jobs = jobs
    }

    static let maxBytes = Flag("--max-bytes", value: "N", help: "refuse inputs larger than N bytes (default: \(CommandLineSpec.defaultMaxBytes))") { invocation, value throws(UsageError) in
        guard let bytes = Int(value), bytes > 0 else {
            throw UsageError(message: "'--max-bytes' expects a positive whole number of bytes, got '\(value)'")
        }
        guard bytes <= CommandLineSpec.largestInput else {
            throw UsageError(message: "'--max-bytes' can be at most \(CommandLineSpec.largestInput) (offsets are 32-bit); split larger inputs")
        }
        invocation.maxBytes = bytes
    }

    static let config = Flag("--config", value: "FILE",
                             help: "project settings (analyzers, options) from FILE instead of the nearest .analyze.json") { invocation, value in
        invocation.config = value
    }

    static let dates = Flag("--dates", value: "FILE",
                            help: "documents' dates for trends, CSV lines source,date (overrides dates found in the text, the jsonl record or the name)") { invocation, value in
        invocation.dates = value
    }

    static let pluginDir = Flag("--plugin-dir", value: "DIR", repeatable: true,
                                help: "also look in DIR for external analyzers (executables named analyze-<id>); see README \"External analyzers\"") { invocation, value in
        invocation.pluginDirs.append(value)
    }

    /// A flag whose value is one of `Choice`'s raw values (its placeholder lists them); another
    /// value is a usage error naming them: "unknown `unknown` 'x'; `valid`: a, b".
    private static func choice<Choice: CaseIterable & RawRepresentable<String>>(
        _ name: String, help: String, unknown: String, valid: String, set: @escaping @Sendable (inout Invocation, Choice) -> Void
    ) -> Flag {
        let names = Choice.allCases.map(\.rawValue)
        return Flag(name, value: names.joined(separator: "|"), help: help) { invocation, value throws(UsageError) in
            guard let choice = Choice(rawValue: value) else {
                throw UsageError(message: "unknown \(unknown) '\(value)'; \(valid): \(names.joined(separator: ", "))")
            }
            set(&invocation, choice)
        }
    }

    static let help = Flag("--help", help: "show this help") { invocation, _ in invocation.showHelp = true }

    static let version = Flag("--version", help: "show the version") { invocation, _ in invocation.showVersion = true }
}
