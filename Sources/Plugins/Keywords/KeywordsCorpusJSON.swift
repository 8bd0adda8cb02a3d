import AnalyticsCore

/// The keywords corpus summary written straight into the report's byte writer (the report
/// renderer takes any `JSONLineWritable` summary), byte for byte what JSONEncoder makes of the
/// synthesized `Codable` (`KeywordsCorpusJSONTests`). Over 10,000 articles it is 14 MB of JSON
/// (every document's distinctive terms): through JSONEncoder, a tenth of the run.
extension KeywordsCorpusSummary: JSONLineWritable {
    public func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("distinctive") { json in
                json.array(distinctive) { json, document in
                    json.object { json in
                        json.field("keywords") { json in
                            json.array(document.keywords) { json, keyword in
                                json.object { json in
                                    json.field("count", int: keyword.count)
                                    json.field("expected", double: keyword.expected)
                                    json.field("score", double: keyword.score)
                                    json.field("term", string: keyword.term)
                                }
                            }
                        }
                        json.field("source", string: document.source)
                    }
                }
            }
            json.field("phrases") { json in Self.write(phrases, into: &json) }
            json.field("terms") { json in Self.write(terms, into: &json) }
        }
    }

    private static func write(_ terms: [Term], into json: inout JSONLineWriter) {
        json.array(terms) { json, term in
            json.object { json in
                json.field("count", int: term.count)
                json.field("documents", int: term.documents)
                json.field("term", string: term.term)
            }
        }
    }
}
