import AnalyticsCore

/// The JSON of slogans, described once: the jsonl fast path and `Encodable` both come from these
/// lists (keys in sorted order). `head`, `meaning` and `number` are always there (null when not
/// applicable); `source` only for known formulations that name one.
extension SlogansResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.array("slogans", slogans)
    }
}

extension Slogan: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.int("count", count)
        json.nullableString("head", head)
        json.string("kind", kind.rawValue)
        json.nullableString("meaning", meaning)
        json.nullableDouble("number", number)
        json.spans("occurrences", occurrences)
        json.string("reason", reason)
        json.optionalString("source", source)
        json.string("text", text)
    }
}

/// `{"end":…,"start":…}`, written straight by `spans`.
extension Slogan.Occurrence: JSONSpan {}

/// The corpus summary written straight into the report's byte writer (the report renderer takes
/// any `JSONLineWritable` summary), byte for byte what JSONEncoder makes of the synthesized
/// `Codable` (`CorpusSummaryJSONTests`).
extension SlogansCorpusSummary: JSONLineWritable {
    public func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("documents") { json in
                json.array(documents) { json, share in
                    json.object { json in
                        json.field("shared") { $0.array(share.shared) { $0.string($1) } }
                        json.field("source", string: share.source)
                    }
                }
            }
            json.field("slogans") { json in
                json.array(slogans) { json, entry in
                    json.object { json in
                        json.field("count", int: entry.count)
                        json.field("documents") { $0.array(entry.documents) { $0.string($1) } }
                        json.field("kind", string: entry.kind.rawValue)
                        json.field("text", string: entry.text)
                    }
                }
            }
        }
    }
}
