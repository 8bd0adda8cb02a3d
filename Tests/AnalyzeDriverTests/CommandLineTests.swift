import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Subcommands, their generated help, flags that do not apply, and the old mode flags.
@Suite struct CommandLineTests {
    @Test(arguments: Subcommand.all.map(\.name))
    func everyModeHasItsOwnHelp(_ name: String) throws {
        let command = try #require(Subcommand.all.first { $0.name == name })
        let run = runAnalyze(command.isMain ? ["--help"] : [name, "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("USAGE: \(command.invocationName) "))
        for flag in command.flags { #expect(run.output.contains(flag.name), "\(name) --help lacks \(flag.name)") }
    }

    @Test func aFlagOfAnotherModeIsAUsageErrorNamingTheMode() {
        let run = runAnalyze(["segment", "--format", "json", "-"], stdin: "你好")
        #expect(run.status == 64)
        #expect(run.errors.contains("'--format' does not apply to 'analyze segment'"))
        let plugins = runAnalyze(["plugins", "--jobs", "2"])
        #expect(plugins.status == 64 && plugins.errors.contains("does not apply to 'analyze plugins'"))
    }

    @Test func segmentAndPluginsSubcommands() {
        #expect(runAnalyze(["segment", "-"], stdin: "全国政协委员\n").output.hasSuffix("\n"))
        let list = runAnalyze(["plugins"]).output
        for id in BuiltinAnalyzers.registry.ids { #expect(list.contains(id)) }
        #expect(runAnalyze(["plugins", "stats"]).output.contains("--option stats.rate="))
        #expect(runAnalyze(["plugins", "stat"]).errors.contains("did you mean 'stats'"))
    }

    @Test func oldModeFlagsStillWorkWithANote() {
        let segment = runAnalyze(["--segment", "-"], stdin: "全国政协委员\n")
        #expect(segment.status == 0 && segment.output == runAnalyze(["segment", "-"], stdin: "全国政协委员\n").output)
        #expect(segment.errors.contains("note: '--segment' is now 'analyze segment'"))
        let explain = runAnalyze(["--explain", "stats"])
        #expect(explain.output == runAnalyze(["plugins", "stats"]).output)
        #expect(explain.errors.contains("'analyze plugins ID'"))
        #expect(runAnalyze(["--list-plugins"]).output == runAnalyze(["plugins"]).output)
    }

    @Test func aFileNamedLikeASubcommandAfterDoubleDash() {
        let run = runAnalyze(["--plugins", "stats", "--", "plugins"])
        #expect(run.status == 1, "'plugins' is read as a file that does not exist")
    }
}
