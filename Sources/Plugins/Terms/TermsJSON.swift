import AnalyticsCore

/// The JSON of terms, described once: the jsonl fast path and `Encodable` both come from these
/// lists (keys in sorted order). A term's `note` is left out when it has none.
extension TermsResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.array("categories", categories)
        json.strings("lists", lists)
        json.array("terms", terms)
        json.int("total", total)
    }
}

extension FoundTerm: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.string("category", category)
        json.int("count", count)
        json.optionalString("note", note)
        json.array("occurrences", occurrences)
        json.string("term", term)
    }
}

extension TermOccurrence: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.int("end", end)
        json.int("start", start)
        json.string("text", text)
    }
}

extension CategoryTotal: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.string("category", category)
        json.int("count", count)
        json.int("terms", terms)
    }
}
