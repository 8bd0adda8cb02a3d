import AnalyticsCore

/// The jsonl path writes facts directly: a corpus has hundreds of thousands of them, and through
/// JSONEncoder they were two thirds of the facts analyzer's time. Keys in sorted order; the bytes
/// equal JSONEncoder's (JSONLineWriterTests).
extension FactsResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("facts") { json in
                json.array(facts) { json, fact in fact.writeJSON(into: &json) }
            }
        }
    }
}

extension Fact {
    func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            if let approximate { json.field("approximate", bool: approximate) }
            if let atLeast { json.field("atLeast", bool: atLeast) }
            if let atMost { json.field("atMost", bool: atMost) }
            if let date { json.field("date", string: date) }
            if let direction { json.field("direction", string: direction) }
            json.field("end", int: end)
            if let high { json.field("high", double: high) }
            json.field("kind", string: kind.rawValue)
            if let low { json.field("low", double: low) }
            if let modality { json.field("modality", string: modality) }
            json.field("sentence", string: sentence)
            if let sentenceClipped { json.field("sentenceClipped", bool: sentenceClipped) }
            json.field("sentenceEnd", int: sentenceEnd)
            json.field("sentenceStart", int: sentenceStart)
            json.field("start", int: start)
            json.field("subject", string: subject)
            json.field("text", string: text)
            json.field("unit", string: unit)
            json.field("value", double: value)
        }
    }
}
