import AnalyticsCore

/// The jsonl path writes sections directly. Keys in sorted order (theme scores too); the bytes
/// equal JSONEncoder's (JSONLineWriterTests).
extension SectionsResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("sections") { json in
                json.array(sections) { json, section in
                    json.object { json in
                        json.field("end", int: section.end)
                        json.field("heading", string: section.heading)
                        if let headingEnd = section.headingEnd { json.field("headingEnd", int: headingEnd) }
                        if let headingStart = section.headingStart { json.field("headingStart", int: headingStart) }
                        json.field("label", string: section.label)
                        json.field("level", int: section.level)
                        json.field("role", string: section.role.rawValue)
                        json.field("scores") { json in
                            json.object { json in
                                for entry in section.scores.entries { json.field(key: entry.theme) { $0.double(entry.score) } }
                            }
                        }
                        json.field("start", int: section.start)
                        json.field("theme", string: section.theme)
                        json.field("themeTerms") { json in json.array(section.themeTerms) { $0.string($1) } }
                    }
                }
            }
            json.field("warnings") { json in
                json.array(warnings) { json, warning in
                    json.object { json in
                        json.field("code", string: warning.code)
                        json.field("end", int: warning.end)
                        json.field("message", string: warning.message)
                        json.field("start", int: warning.start)
                    }
                }
            }
        }
    }
}
