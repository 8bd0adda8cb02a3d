import AnalyticsCore

/// The jsonl path writes sections directly. Keys in sorted order (theme scores too); the bytes
/// equal JSONEncoder's (JSONLineWriterTests).
extension SectionsResult: JSONLineWritable {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            json.field("sections") { json in
                json.array(sections) { json, section in
                    json.object { json in
                        json.field("end") { $0.int(section.end) }
                        json.field("heading") { $0.string(section.heading) }
                        if let headingEnd = section.headingEnd { json.field("headingEnd") { $0.int(headingEnd) } }
                        if let headingStart = section.headingStart { json.field("headingStart") { $0.int(headingStart) } }
                        json.field("label") { $0.string(section.label) }
                        json.field("level") { $0.int(section.level) }
                        json.field("role") { $0.string(section.role.rawValue) }
                        json.field("scores") { json in
                            json.object { json in
                                for entry in section.scores.entries { json.field(entry.theme) { $0.double(entry.score) } }
                            }
                        }
                        json.field("start") { $0.int(section.start) }
                        json.field("theme") { $0.string(section.theme) }
                        json.field("themeTerms") { json in json.array(section.themeTerms) { $0.string($1) } }
                    }
                }
            }
            json.field("warnings") { json in
                json.array(warnings) { json, warning in
                    json.object { json in
                        json.field("code") { $0.string(warning.code) }
                        json.field("end") { $0.int(warning.end) }
                        json.field("message") { $0.string(warning.message) }
                        json.field("start") { $0.int(warning.start) }
                    }
                }
            }
        }
    }
}
