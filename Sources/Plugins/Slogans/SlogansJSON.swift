import AnalyticsCore

/// The jsonl path writes slogans directly. Keys in sorted order; the bytes equal JSONEncoder's
/// (JSONLineWriterTests).
extension SlogansResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("slogans") { json in
                json.array(slogans) { json, slogan in
                    json.object { json in
                        json.field("count", int: slogan.count)
                        json.field("head", string: slogan.head)
                        json.field("kind", string: slogan.kind.rawValue)
                        json.field("meaning", string: slogan.meaning)
                        json.field("number") { json in if let number = slogan.number { json.double(number) } else { json.null() } }
                        json.field("occurrences") { json in
                            json.array(slogan.occurrences) { $0.span(start: $1.start, end: $1.end) }
                        }
                        json.field("reason", string: slogan.reason)
                        if let source = slogan.source { json.field("source", string: source) }
                        json.field("text", string: slogan.text)
                    }
                }
            }
        }
    }
}
