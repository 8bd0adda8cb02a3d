import Foundation

/// The JSON report, a contract for scripts (see README "JSON report"). Keys are sorted so the
/// output is byte-for-byte deterministic.
public enum JSONReportRenderer {
    public static func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        let data = try encoder.encode(ReportJSON(report: report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Analyzers keep their numbers finite; should one slip through, the report still renders
    /// (as the strings "Infinity" / "NaN") rather than failing whole.
    static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// One document's report as one compact JSON line: results that write their own JSON
    /// (`JSONLineWritable`) do, the rest go through JSONEncoder; the bytes are the same either way.
    public static func renderLine(_ document: DocumentReport) throws -> String {
        var writer = JSONLineWriter(capacity: document.characters * 4 + 256)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        var failure: Error?
        writer.object { json in
            json.field("analyzers") { json in
                json.object { json in
                    for entry in document.entries.sorted(by: { $0.id < $1.id }) {
                        json.field(entry.id) { json in
                            if let writable = entry.result as? JSONLineWritable {
                                writable.writeJSON(into: &json)
                            } else {
                                do { json.raw(try encoder.encode(entry.result)) } catch { failure = error; json.null() }
                            }
                        }
                    }
                }
            }
            json.field("characters") { $0.int(document.characters) }
            json.field("errors") { $0.array(document.errors) { json, message in json.object { $0.field("message") { $0.string(message) } } } }
            json.field("source") { $0.string(document.source) }
        }
        if let failure { throw failure }
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    /// `renderLine` through JSONEncoder alone: what the direct writer is checked against.
    static func renderLineWithEncoder(_ document: DocumentReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        return String(decoding: try encoder.encode(DocumentJSON(report: document)), as: UTF8.self) + "\n"
    }
}

private struct ReportJSON: Encodable {
    let report: Report

    enum CodingKeys: String, CodingKey { case schemaVersion, documents, corpus }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Report.schemaVersion, forKey: .schemaVersion)
        try container.encode(report.documents.map(DocumentJSON.init), forKey: .documents)
        if !report.corpus.isEmpty {
            var corpus = container.nestedContainer(keyedBy: AnyKey.self, forKey: .corpus)
            for entry in report.corpus {
                try corpus.encode(entry.summary, forKey: AnyKey(entry.id))
            }
        }
    }
}

private struct DocumentJSON: Encodable {
    let report: DocumentReport

    enum CodingKeys: String, CodingKey { case source, characters, analyzers, errors }
    struct ErrorJSON: Encodable { let message: String }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.source, forKey: .source)
        try container.encode(report.characters, forKey: .characters)
        var analyzers = container.nestedContainer(keyedBy: AnyKey.self, forKey: .analyzers)
        for entry in report.entries {
            try analyzers.encode(entry.result, forKey: AnyKey(entry.id))
        }
        try container.encode(report.errors.map(ErrorJSON.init), forKey: .errors)
    }
}

private struct AnyKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
