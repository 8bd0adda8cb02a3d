import Testing
import AnalyticsCore
import FactsPlugin

/// Every named rule of the facts analyzer carries its examples (as SwiftLint's rules do): each
/// marked span must be reported, each `mustNotReport` text must not.
@Suite struct FactRuleExampleTests {
    static let cases: [String] = FactsAnalyzer.rules.map { rule in rule.id }

    @Test(arguments: cases)
    func examples(_ id: String) throws {
        let rule = try #require(FactsAnalyzer.rules.first { $0.id == id })
        #expect(!rule.examples.isEmpty, "\(id) has no examples")
        for example in rule.examples {
            let parsed = example.parsed
            let (document, result) = try analyze(FactsAnalyzer.self, text: parsed.text)
            let reported = Set(result.reportedSpans.map(\.span))
            for span in parsed.spans {
                #expect(reported.contains(span), "\(id) should report «\(document.text(span))» in \(example.markedInput)")
            }
            let texts = Set(result.reportedSpans.map { document.text($0.span) })
            for text in example.mustNotReport {
                #expect(!texts.contains(text), "\(id) must not report «\(text)» in \(example.markedInput)")
            }
        }
    }

    @Test func ruleNamesAreUnique() {
        #expect(Set(Self.cases).count == Self.cases.count)
    }
}
