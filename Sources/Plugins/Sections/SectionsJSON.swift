import AnalyticsCore

/// The JSON of sections, described once: the jsonl fast path and `Encodable` both come from these
/// lists (keys in sorted order, theme scores too). `label`, `heading` and `theme` are always there
/// (null when there is none); `headingStart` and `headingEnd` only when there is a heading.
extension SectionsResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.array("sections", sections)
        json.array("warnings", warnings)
    }
}

extension Section: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.int("end", end)
        json.nullableString("heading", heading)
        json.optionalInt("headingEnd", headingEnd)
        json.optionalInt("headingStart", headingStart)
        json.nullableString("label", label)
        json.int("level", level)
        json.string("role", role.rawValue)
        json.numbers(byKey: "scores", scores.entries.lazy.map { (key: $0.theme, value: $0.score) })
        json.int("start", start)
        json.nullableString("theme", theme)
        json.strings("themeTerms", themeTerms)
    }
}

extension SectionWarning: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.string("code", code)
        json.int("end", end)
        json.string("message", message)
        json.int("start", start)
    }
}
