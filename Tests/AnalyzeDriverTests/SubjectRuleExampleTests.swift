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
            let fact = try fact(markedBy: example.markedInput, rule: id)
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
