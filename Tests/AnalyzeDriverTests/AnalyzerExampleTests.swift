import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Every registered analyzer's declared examples, run as tests (SwiftLint's idea): the examples
/// that document an analyzer in `--explain` are the cases that test it.
@Suite struct AnalyzerExampleTests {
    /// Cases as (analyzer id, example index) so each shows up by name; closures, not key paths, over
    /// existential metatypes (Swift 6.3 crashes on the key path).
    static let cases: [(String, Int)] = BuiltinAnalyzers.all.flatMap { type in
        type.description.examples.indices.map { (type.description.id, $0) }
    }

    /// A prefix of astral, combining and wide characters that shifts every offset.
    static let multibytePrefix = "𠀀e\u{301}😀“”\n"

    @Test(arguments: cases, [false, true])
    func example(_ testCase: (String, Int), prefixed: Bool) throws {
        let type = try #require(BuiltinAnalyzers.registry.analyzer(id: testCase.0))
        let example = type.description.examples[testCase.1]
        let parsed = example.parsed
        let shift = prefixed ? Self.multibytePrefix.unicodeScalars.count : 0
        let (document, result) = try analyze(type, text: (prefixed ? Self.multibytePrefix : "") + parsed.text, options: example.options)
        let reported = Set(result.reportedSpans.map(\.span))

        for span in parsed.spans {
            let shifted = TextSpan(start: span.start + shift, end: span.end + shift)
            #expect(reported.contains(shifted), "\(testCase.0) should report «\(document.text(shifted))» in \(example.markedInput)")
        }
        let reportedTexts = Set(result.reportedSpans.map { document.text($0.span) })
        for text in example.mustNotReport {
            #expect(!reportedTexts.contains(text), "\(testCase.0) must not report «\(text)» in \(example.markedInput)")
        }
    }

    @Test func everyAnalyzerHasExamples() {
        for type in BuiltinAnalyzers.all {
            #expect(!type.description.examples.isEmpty, "\(type.description.id) declares no examples")
        }
    }
}
