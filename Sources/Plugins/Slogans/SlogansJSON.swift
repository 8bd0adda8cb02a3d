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
