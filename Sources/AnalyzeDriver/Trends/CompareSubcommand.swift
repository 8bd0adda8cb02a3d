import AnalyticsCore

extension Subcommand {
    /// `analyze compare OLD NEW`: the analysis of two documents as a diff an analyst reads in a
    /// minute (new and dropped formulations, rising and falling keywords, targets side by side,
    /// the outline compared). JSON is a report whose `corpus.trends` covers the two, OLD as 0.
    static let compare = Subcommand(
        name: "compare", summary: "what is new, dropped, rising and falling between two documents; targets and outline side by side",
        usage: "[options] OLD NEW",
        flags: [Flags.plugins, Flags.format, Flags.option, Flags.output, Flags.encoding, Flags.jobs, Flags.maxBytes,
                Flags.dates, Flags.config, Flags.pluginDir, Flags.help],
        operands: .words(["OLD", "NEW"])
    ) { driver, invocation in driver.analyze(invocation) }

    var isCompare: Bool { name == Subcommand.compare.name }
}
