import Testing
import AnalyticsCore
import FactsPlugin

/// Every subject rule carries examples both ways: the subject it gives, and the junk or fragment it prevents.
@Suite struct SubjectRuleExampleTests {
    static let cases: [String] = FactsAnalyzer.subjectRules.map { rule in rule.id }

    @Test(arguments: cases)
    func examples(_ id: String) throws {
        let rule = try #require(FactsAnalyzer.subjectRules.first { $0.id == id })
        #expect(rule.examples.count >= 2, "\(id) needs examples both ways")
        for example in rule.examples {
            let parsed = AnalyzerExample(example.markedInput).parsed
            let span = try #require(parsed.spans.first, "\(id): no «figure» in \(example.markedInput)")
            let result = try #require(try analyze(FactsAnalyzer.self, text: parsed.text).1 as? FactsResult)
            let fact = try #require(result.facts.first { $0.start == span.start && $0.end == span.end },
                                    "\(id): the figure is not reported in \(example.markedInput)")
            #expect(!example.checksSubject || fact.subject == example.subject, "\(id): subject \(fact.subject ?? "nil"), expected \(example.subject ?? "nil") in \(example.markedInput)")
            if let junk = example.notSubject {
                #expect(fact.subject != junk, "\(id): subject must not be \(junk) in \(example.markedInput)")
            }
        }
    }

    @Test func ruleNamesAreUnique() {
        #expect(Set(Self.cases).count == Self.cases.count)
    }
}
