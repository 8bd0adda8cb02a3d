import AnalyticsCore

/// The JSON of facts, described once: the jsonl fast path and `Encodable` both come from these
/// lists (keys in sorted order). A corpus has hundreds of thousands of facts, so the fast path
/// matters (through JSONEncoder they were two thirds of the facts analyzer's time).
/// `sentence`, `subject` and `unit` are always there (null when unknown: scripts can rely on the
/// keys); the other optional fields only when set.
extension FactsResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.array("facts", facts)
    }
}

extension Fact: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.optionalBool("approximate", approximate)
        json.optionalBool("atLeast", atLeast)
        json.optionalBool("atMost", atMost)
        json.optionalString("date", date)
        json.optionalString("direction", direction)
        json.int("end", end)
        json.optionalDouble("high", high)
        json.string("kind", kind.rawValue)
        json.optionalDouble("low", low)
        json.optionalString("modality", modality)
        json.nullableString("sentence", sentence)
        json.optionalBool("sentenceClipped", sentenceClipped)
        json.int("sentenceEnd", sentenceEnd)
        json.int("sentenceStart", sentenceStart)
        json.int("start", start)
        json.nullableString("subject", subject)
        json.string("text", text)
        json.nullableString("unit", unit)
        json.double("value", value)
    }
}

/// The corpus summary written straight into the report's byte writer (the report renderer takes
/// any `JSONLineWritable` summary), byte for byte what JSONEncoder makes of the synthesized
/// `Codable` (`CorpusSummaryJSONTests`). Its keys are data (sources, kinds): sorted by their UTF-8
/// bytes, the order JSONEncoder's `.sortedKeys` writes.
extension FactsCorpusSummary: JSONLineWritable {
    public func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("figures", int: figures)
            json.field("kinds") { json in
                json.object { json in
                    for source in kinds.keys.sorted(by: JSONLineWriter.keyPrecedes) {
                        let counts = kinds[source] ?? [:]
                        json.field(key: source) { json in
                            json.object { json in
                                for kind in counts.keys.sorted(by: JSONLineWriter.keyPrecedes) {
                                    json.field(key: kind) { $0.int(counts[kind] ?? 0) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
