import AnalyticsCore

/// The jsonl path writes keywords directly (their occurrences are thousands of small objects).
/// Keys in sorted order; the bytes equal JSONEncoder's (JSONLineWriterTests).
extension KeywordsResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("keywords") { json in
                json.array(keywords) { json, keyword in
                    json.object { json in
                        json.field("count", int: keyword.count)
                        json.field("expected", double: keyword.expected)
                        json.field("occurrences") { json in
                            json.array(keyword.occurrences) { $0.span(start: $1.start, end: $1.end) }
                        }
                        json.field("phrase", bool: keyword.phrase)
                        json.field("score", double: keyword.score)
                        json.field("term", string: keyword.term)
                    }
                }
            }
            json.field("method", string: method.rawValue)
            json.field("tokens", int: tokens)
        }
    }
}
