import AnalyticsCore

/// The driver's flags, declared once: the parser reads them and `--help` is generated from them.
struct FlagSpec: Sendable {
    let name: String
    /// Placeholder for the flag's value; nil for a flag that takes none.
    let value: String?
    let help: String
    let repeatable: Bool

    init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.value = value
        self.help = help
        self.repeatable = repeatable
    }
}

enum InputFormat: String, CaseIterable, Sendable {
    case files, jsonl
}

enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, markdown, jsonl, csv, html
}

enum CommandLineSpec {
    static let version = "0.1.0"

    static let flags: [FlagSpec] = [
        FlagSpec("--plugins", value: "ID,ID", help: "analyzers to run (default: all); see --list-plugins"),
        FlagSpec("--format", value: OutputFormat.allCases.map(\.rawValue).joined(separator: "|"),
                 help: "report format (default: text)"),
        FlagSpec("--option", value: "ID.KEY=VALUE", repeatable: true, help: "set an analyzer option; see --explain ID"),
        FlagSpec("--output", value: "FILE", help: "write the report to FILE instead of standard output"),
        FlagSpec("--encoding", value: "NAME", help: "decode inputs as NAME (GB18030, GBK, BIG5, UTF-16LE…) instead of detecting"),
        FlagSpec("--input", value: InputFormat.allCases.map(\.rawValue).joined(separator: "|"),
                 help: "files: each input is a document (default); jsonl: each line {\"id\",\"text\"} of each input is one"),
        FlagSpec("--glob", value: "PATTERN", help: "files to take from directory inputs, searched recursively (default: *.txt)"),
        FlagSpec("--jobs", value: "N", help: "documents analysed in parallel (default: every CPU this process may use); output order stays the input order"),
        FlagSpec("--max-bytes", value: "N", help: "refuse inputs larger than N bytes (default: \(defaultMaxBytes))"),
        FlagSpec("--dates", value: "FILE", help: "documents' dates for trends, CSV lines source,date (overrides dates found in the text or name)"),
        FlagSpec("--table", value: "terms|indicators", help: "with --format csv: the trends table of terms × documents or of indicators"),
        FlagSpec("--segment", help: "print each input line's words separated by single spaces (honours keywords.dict)"),
        FlagSpec("--list-plugins", help: "list the analyzers with their summaries"),
        FlagSpec("--explain", value: "ID", help: "show an analyzer's summary, options and examples"),
        FlagSpec("--help", help: "show this help"),
        FlagSpec("--version", help: "show the version"),
    ]

    static let defaultMaxBytes = 512 * 1024 * 1024
    /// Token offsets are 32-bit (`Token`): no input may reach 2^31 characters.
    static let largestInput = Int(Int32.max)

    static func flag(named name: String) -> FlagSpec? {
        flags.first { $0.name == name }
    }

    static func help(registry: AnalyzerRegistry) -> String {
        var out = """
        analyze \(version): text analytics for Chinese government reports and news

        USAGE: analyze [options] FILE|DIR...  (FILE may be - for standard input; DIR is searched for --glob)
               analyze --segment [--option keywords.dict=FILE] [FILE|-]
               analyze compare [options] OLD NEW  (what is new, dropped, rising and falling; targets side by side)

        OPTIONS:

        """
        let rows = flags.map { flag in (flag.name + (flag.value.map { " " + $0 } ?? ""), flag.help) }
        let width = rows.map { $0.0.count }.max() ?? 0
        for (left, right) in rows {
            out += "  " + left.padding(toLength: width) + "  " + right + "\n"
        }
        out += "\nANALYZERS: \(registry.ids.joined(separator: ", "))\n"
        out += "\nEXIT CODES: 0 all inputs analysed, 1 some input failed, 64 usage error\n"
        return out
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
