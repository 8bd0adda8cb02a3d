import Testing
import AnalyticsCore
import FactsPlugin

/// Every modality rule carries examples both ways: figures it makes targets and figures it leaves actual.
@Suite struct ModalityRuleExampleTests {
    static let cases: [String] = FactsAnalyzer.modalityRules.map { rule in rule.id }

    @Test(arguments: cases)
    func examples(_ id: String) throws {
        let rule = try #require(FactsAnalyzer.modalityRules.first { $0.id == id })
        #expect(Set(rule.examples.map { example in example.modality }).count >= 2, "\(id) needs examples both ways")
        for example in rule.examples {
            let fact = try fact(markedBy: example.markedInput, rule: id)
            #expect(fact.modality == example.modality, "\(id): modality \(fact.modality ?? "nil"), expected \(example.modality) in \(example.markedInput)")
        }
    }

    @Test func ruleNamesAreUnique() {
        #expect(Set(Self.cases).count == Self.cases.count)
    }
}
