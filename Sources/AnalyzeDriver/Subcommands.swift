import AnalyticsCore

/// The modes of `analyze`. Each declares its flags (from `Flags`) and what runs.
extension Subcommand {
    /// The main job: `analyze [options] FILE|DIR...`.
    static let analyze = Subcommand(
        name: "analyze", summary: "analyze documents and write one combined report",
        usage: "[options] FILE|DIR...  (FILE may be - for standard input; DIR is searched for --glob)",
        flags: [Flags.plugins, Flags.format, Flags.table, Flags.option, Flags.output, Flags.encoding, Flags.input, Flags.glob,
                Flags.jobs, Flags.maxBytes, Flags.dates, Flags.config, Flags.pluginDir, Flags.help, Flags.version],
        operands: .inputs(optional: false)
    ) { driver, invocation in driver.analyze(invocation) }

    /// `analyze segment [FILE|-]...`: each input line's words separated by single spaces.
    static let segment = Subcommand(
        name: "segment", summary: "print each input line's words separated by single spaces (honours keywords.dict, keywords.words)",
        usage: "[--option keywords.dict=FILE] [--option keywords.words=W,W] [FILE|-]...",
        flags: [Flags.option, Flags.encoding, Flags.maxBytes, Flags.help],
        operands: .inputs(optional: true)
    ) { driver, invocation in driver.segment(invocation) }

    /// `analyze plugins [ID]`: the analyzers, or one explained.
    static let plugins = Subcommand(
        name: "plugins", summary: "list the analyzers, or explain one (summary, options, examples)",
        usage: "[options] [ID]",
        flags: [Flags.plugins, Flags.option, Flags.config, Flags.pluginDir, Flags.help],
        operands: .optionalWord("analyzer id")
    ) { driver, invocation in driver.plugins(invocation) }
}
