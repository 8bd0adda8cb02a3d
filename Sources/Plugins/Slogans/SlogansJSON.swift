import AnalyticsCore

/// The jsonl path writes slogans directly. Keys in sorted order; the bytes equal JSONEncoder's
/// (JSONLineWriterTests).
extension SlogansResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("slogans") { json in
                json.array(slogans) { json, slogan in
                    json.object { json in
                        json.field("count") { $0.int(slogan.count) }
                        json.field("head") { $0.string(slogan.head) }
                        json.field("kind") { $0.string(slogan.kind.rawValue) }
                        json.field("meaning") { $0.string(slogan.meaning) }
                        json.field("number") { json in if let number = slogan.number { json.double(number) } else { json.null() } }
                        json.field("occurrences") { json in
                            json.array(slogan.occurrences) { $0.span(start: $1.start, end: $1.end) }
                        }
                        json.field("reason") { $0.string(slogan.reason) }
                        if let source = slogan.source { json.field("source") { $0.string(source) } }
                        json.field("text") { $0.string(slogan.text) }
                    }
                }
            }
        }
    }
}
