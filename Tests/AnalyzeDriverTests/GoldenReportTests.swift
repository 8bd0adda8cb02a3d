import Foundation
import Testing
@testable import AnalyzeDriver

/// The rendered reports of the seed, compared byte for byte with Tests/AnalyzeDriverTests/Golden.
/// After an intended change, regenerate with `UPDATE_GOLDEN=1 swift test --filter GoldenReportTests`
/// and review the diff.
@Suite struct GoldenReportTests {
    static let formats = ["text", "json", "markdown"]
    /// The analyzers the golden files cover, named: a new analyzer does not change them.
    static let analyzers = "stats,keywords,facts,slogans,sections"

    @Test(arguments: formats)
    func seedReport(_ format: String) throws {
        let run = runAnalyze(["--plugins", Self.analyzers, "--format", format, "-"], stdin: seedText)
        #expect(run.status == 0)
        let extensions = ["text": "txt", "json": "json", "markdown": "md"]
        let golden = packageRoot.appendingPathComponent("Tests/AnalyzeDriverTests/Golden/seed.\(extensions[format]!)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try run.output.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.output == expected, "the \(format) report of the seed changed; see GoldenReportTests")
    }
}
