import Testing
import AnalyticsCore
import FactsPlugin

/// The fact the facts analyzer reports at the «marked» figure of a rule's example (subject and modality
/// rules alike), or a failed requirement naming the rule.
func fact(markedBy markedInput: String, rule id: String) throws -> Fact {
    let parsed = AnalyzerExample(markedInput).parsed
    let span = try #require(parsed.spans.first, "\(id): no «figure» in \(markedInput)")
    let result = try #require(try analyze(FactsAnalyzer.self, text: parsed.text).1 as? FactsResult)
    return try #require(result.facts.first { $0.start == span.start && $0.end == span.end },
                        "\(id): the figure is not reported in \(markedInput)")
}
