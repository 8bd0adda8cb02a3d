import AnalyticsCore

/// The trends' JSON written straight into the report's byte writer, keys in sorted order, byte
/// for byte what `JSONEncoder` makes of the `Encodable` conformances in `TrendsModel.swift`
/// (those stay for other encoders; `TrendsJSONTests` holds the two together). Through
/// JSONEncoder the trends' JSON cost about a tenth of the trends' time.
extension Trends: JSONLineWritable {
    public func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("by", string: by)
            json.field("documents") { $0.array(documents) { json, entry in entry.writeJSON(into: &json) } }
            json.field("gone") { $0.array(gone) { json, list in list.writeJSON(into: &json) } }
            json.field("indicators") { $0.array(indicators) { json, row in row.writeJSON(into: &json) } }
            json.field("new") { $0.array(new) { json, list in list.writeJSON(into: &json) } }
            json.field("terms") { $0.array(terms) { json, term in term.writeJSON(into: &json) } }
        }
    }
}

extension Trends.DocumentEntry {
    func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("characters", int: characters)
            json.field("date", string: date)
            json.field("dateSource", string: dateSource)
            if grouped { json.field("from", string: from) }
            if grouped { json.field("members", int: inputs.count) } else { json.field("input", int: inputs[0]) }
            json.field("source", string: source)
            if grouped { json.field("to", string: to) }
        }
    }
}

extension Trends.Term {
    func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("change", string: change)
            json.field("counts") { $0.array(counts) { $0.int($1) } }
            json.field("first") { json in if let first { json.int(first) } else { json.null() } }
            json.field("last") { json in if let last { json.int(last) } else { json.null() } }
            json.field("origin", string: origin)
            json.field("perTenThousand") { $0.array(perTenThousand) { $0.double($1) } }
            json.field("term", string: term)
        }
    }
}

extension Trends.DocumentTerms {
    func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("document", int: document)
            json.field("terms") { json in
                json.array(terms) { json, scored in
                    json.object { json in
                        if let comeback = scored.comeback { json.field("comeback", bool: comeback) }
                        json.field("count", int: scored.count)
                        if let genreShare = scored.genreShare { json.field("genreShare", double: genreShare) }
                        if let kept = scored.kept { json.field("kept", int: kept) }
                        if let later = scored.later { json.field("later", int: later) }
                        json.field("origin", string: scored.origin)
                        json.field("persistence", double: scored.persistence)
                        if let replaces = scored.replaces { json.field("replaces", string: replaces) }
                        json.field("score", double: scored.score)
                        json.field("strength", double: scored.strength)
                        json.field("term", string: scored.term)
                    }
                }
            }
        }
    }
}

extension Trends.Indicator {
    func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            json.field("period", string: period)
            json.field("subject", string: subject)
            json.field("unit", string: unit)
            json.field("values") { $0.array(values) { json, value in value.writeJSON(into: &json) } }
        }
    }
}

extension Trends.IndicatorValue {
    func writeJSON(into json: inout JSONLineWriter) {
        json.object { json in
            if let approximate { json.field("approximate", bool: approximate) }
            if let atLeast { json.field("atLeast", bool: atLeast) }
            if let atMost { json.field("atMost", bool: atMost) }
            json.field("document", int: document)
            json.field("end", int: end)
            json.field("high") { json in if let high { json.double(high) } else { json.null() } }
            json.field("low") { json in if let low { json.double(low) } else { json.null() } }
            json.field("modality", string: modality)
            json.field("period", string: period)
            json.field("source", string: source)
            json.field("start", int: start)
            json.field("targetSentence", bool: targetSentence)
            json.field("text", string: text)
            json.field("value", double: value)
        }
    }
}
