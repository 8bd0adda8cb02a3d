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
            if let approximate { json.field("approximate") { $0.bool(approximate) } }
            if let date { json.field("date") { $0.string(date) } }
            if let direction { json.field("direction") { $0.string(direction) } }
            json.field("end") { $0.int(end) }
            if let high { json.field("high") { $0.double(high) } }
            json.field("kind") { $0.string(kind.rawValue) }
            if let low { json.field("low") { $0.double(low) } }
            json.field("sentence") { $0.string(sentence) }
            if let sentenceClipped { json.field("sentenceClipped") { $0.bool(sentenceClipped) } }
            json.field("sentenceEnd") { $0.int(sentenceEnd) }
            json.field("sentenceStart") { $0.int(sentenceStart) }
            json.field("start") { $0.int(start) }
            json.field("subject") { $0.string(subject) }
            json.field("text") { $0.string(text) }
            json.field("unit") { $0.string(unit) }
            json.field("value") { $0.double(value) }
        }
    }
}
