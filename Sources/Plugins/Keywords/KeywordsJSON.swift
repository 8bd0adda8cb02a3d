import AnalyticsCore

/// The JSON of keywords, described once: the jsonl fast path and `Encodable` both come from these
/// lists (keys in sorted order). Occurrences are thousands of small objects: written straight
/// through `spans`.
extension KeywordsResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.array("keywords", keywords)
        json.string("method", method.rawValue)
        json.int("tokens", tokens)
    }
}

extension KeywordsResult.Keyword: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.int("count", count)
        json.double("expected", expected)
        json.spans("occurrences", occurrences)
        json.bool("phrase", phrase)
        json.double("score", score)
        json.string("term", term)
        if let tier { json.int("tier", tier) }
        if let weight { json.double("weight", weight) }
    }
}

/// `{"end":…,"start":…}`, written straight by `spans`.
extension KeywordsResult.Keyword.Occurrence: JSONSpan {}
