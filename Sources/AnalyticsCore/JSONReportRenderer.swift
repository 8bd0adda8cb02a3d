import Foundation

/// The JSON report, a contract for scripts (see README "JSON report"). Keys are sorted so the
/// output is byte-for-byte deterministic.
public enum JSONReportRenderer {
    /// The whole report, pretty-printed: written compactly as the jsonl lines are, then indented
    /// the way JSONEncoder's `.prettyPrinted` does (checked against it byte for byte).
    public static func render(_ report: Report) throws -> String {
        let encoder = compactEncoder()
        var writer = JSONLineWriter(capacity: report.documents.reduce(256) { $0 + $1.characters * 4 })
        try writer.object { json in
            if !report.corpus.isEmpty {
                try json.field("corpus") { json in try writeCorpus(report.corpus, into: &json, encoder: encoder) }
            }
            try json.field("documents") { json in
                try json.array(report.documents) { json, document in try write(document, into: &json, encoder: encoder) }
            }
            json.field("schemaVersion", int: Report.schemaVersion)
        }
        return String(decoding: PrettyJSON.indent(writer.bytes), as: UTF8.self) + "\n"
    }

    /// One document's object as it appears in `render`'s pretty output (indented at the level of
    /// the `documents` array's items): the driver renders these on its workers, as it does jsonl
    /// lines, and writes them out as they finish (`writeDocument`), so `--format json` is not one long pass at the end.
    public static func renderDocumentIndented(_ document: DocumentReport) throws -> [UInt8] {
        var writer = JSONLineWriter(capacity: document.characters * 4 + 256)
        try write(document, into: &writer, encoder: compactEncoder())
        return PrettyJSON.indent(writer.bytes, base: 2)
    }

    /// The streamed report's pieces (`render`'s bytes, for one or more documents): the head
    /// (`encodeHead`, then its `write`), then each document's `renderDocumentIndented` part
    /// through `writeDocument` in order, then `tail`. The driver writes the documents as they
    /// finish and the head, which holds the corpus object, once all are done.
    ///
    /// The corpus entries encoded (compact), to be indented as they are written: everything that
    /// may throw is done before the first byte is written.
    public static func encodeHead(corpus: [CorpusEntry]) throws -> EncodedHead {
        let encoder = compactEncoder()
        return EncodedHead(entries: try corpus.sorted(by: { $0.id < $1.id }).map { entry in
            var key = JSONLineWriter(capacity: entry.id.utf8.count + 8)
            key.string(entry.id)
            var value = JSONLineWriter()
            try writeSummary(entry.summary, into: &value, encoder: encoder)
            return (key.bytes, value.bytes)
        })
    }

    /// The head in pieces: the entries are indented and written one at a time and dropped, so a
    /// corpus object of tens of megabytes (10,000 documents' distinctive keywords) is never held
    /// whole, indented, and copied into one buffer.
    public struct EncodedHead {
        var entries: [(key: [UInt8], value: [UInt8])]

        public mutating func write(_ out: ([UInt8]) -> Void) {
            out(Array("{\n".utf8))
            // As PrettyJSON indents the corpus object at level 1: members at level 2, " : " after keys.
            if !entries.isEmpty {
                out(Array("  \"corpus\" : {".utf8))
                for index in entries.indices {
                    out(Array((index == 0 ? "\n    " : ",\n    ").utf8))
                    out(entries[index].key)
                    out(Array(" : ".utf8))
                    let value = entries[index].value
                    entries[index].value = []
                    out(PrettyJSON.indent(value, base: 2))
                }
                out(Array("\n  },\n".utf8))
            }
            out(Array("  \"documents\" : [\n".utf8))
        }
    }

    /// Document `index` of `count`'s part, as it sits in the report's `documents` array.
    public static func writeDocument(_ part: [UInt8], at index: Int, of count: Int, _ out: ([UInt8]) -> Void) {
        out(documentIndent)
        out(part)
        out(index + 1 < count ? documentSeparator : documentEnd)
    }

    private static let documentIndent = [UInt8](repeating: UInt8(ascii: " "), count: 4)
    private static let documentSeparator = Array(",\n".utf8)
    private static let documentEnd = Array("\n".utf8)
    /// What follows the last document.
    public static let tail = Array("  ],\n  \"schemaVersion\" : \(Report.schemaVersion)\n}\n".utf8)

    /// The corpus object: its entries by id.
    static func writeCorpus(_ corpus: [CorpusEntry], into json: inout JSONLineWriter, encoder: JSONEncoder) throws {
        try json.object { json in
            for entry in corpus.sorted(by: { $0.id < $1.id }) {
                try json.field(key: entry.id) { json in try writeSummary(entry.summary, into: &json, encoder: encoder) }
            }
        }
    }

    /// A corpus entry's summary: written directly when it can (`JSONLineWritable`: trends), else
    /// through `encoder`; the bytes are the same either way.
    static func writeSummary(_ summary: any Encodable & Sendable, into json: inout JSONLineWriter, encoder: JSONEncoder) throws {
        if let writable = summary as? JSONLineWritable { writable.writeJSON(into: &json) } else { json.raw(try encoder.encode(summary)) }
    }

    /// `render` through JSONEncoder alone: what the writer and the indenter are checked against.
    static func renderWithEncoder(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        let data = try encoder.encode(ReportJSON(report: report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        return encoder
    }

    /// Analyzers keep their numbers finite; should one slip through, the report still renders
    /// (as the strings "Infinity" / "NaN") rather than failing whole.
    static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// One document's report as one compact JSON line.
    public static func renderLine(_ document: DocumentReport) throws -> String {
        String(decoding: try renderLineUTF8(document), as: UTF8.self)
    }

    /// `renderLine` as the UTF-8 bytes the driver writes out (a String would validate them again).
    public static func renderLineUTF8(_ document: DocumentReport) throws -> [UInt8] {
        var writer = JSONLineWriter(capacity: document.characters * 4 + 256)
        try write(document, into: &writer, encoder: compactEncoder())
        writer.newline()
        return writer.bytes
    }

    /// One document's object: results that write their own JSON (`JSONLineWritable`) do, the
    /// rest go through `encoder`; the bytes are the same either way.
    static func write(_ document: DocumentReport, into writer: inout JSONLineWriter, encoder: JSONEncoder) throws {
        try writer.object { json in
            try json.field("analyzers") { json in
                try json.object { json in
                    for entry in document.entries.sorted(by: { $0.id < $1.id }) {
                        try json.field(key: entry.id) { json in
                            if let writable = entry.result as? JSONLineWritable {
                                writable.writeJSON(into: &json)
                            } else {
                                json.raw(try encoder.encode(entry.result))
                            }
                        }
                    }
                }
            }
            json.field("characters", int: document.characters)
            json.field("errors") { $0.array(document.errors) { json, message in json.object { $0.field("message", string: message) } } }
            json.field("source", string: document.source)
        }
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

/// A coding key known only at run time (an analyzer id, a theme name): for JSON objects whose
/// keys are data.
public struct AnyKey: CodingKey {
    public let stringValue: String
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public var intValue: Int? { nil }
    public init?(intValue: Int) { nil }
}

/// Indents compact JSON as JSONEncoder's `.prettyPrinted` does: two spaces a level, " : " after
/// keys, and an empty object or array as its brackets around a blank line.
enum PrettyJSON {
    /// `base`: the level the value itself sits at (a document inside the report's array is at 2).
    static func indent(_ compact: [UInt8], base: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count + compact.count / 2)
        compact.withUnsafeBufferPointer { indent($0, base: base, into: &out) }
        return out
    }

    /// Spaces for the deepest indentation written at once (deeper levels append more).
    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    @inline(__always)
    private static func newline(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        var left = 2 * level
        while left > 0 {
            let chunk = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<chunk])) }
            left -= chunk
        }
    }

    // A plain function over raw bytes with `out` passed inout: a nested function capturing
    // `out` made every append go through the runtime's exclusivity checks.
    private static func indent(_ compact: UnsafeBufferPointer<UInt8>, base: Int, into out: inout [UInt8]) {
        var level = base
        let count = compact.count
        var index = 0
        while index < count {
            let byte = compact[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // A string is copied whole: most of a report's bytes are in its strings.
                var end = index
                while end < count {
                    let c = compact[end]
                    if c == UInt8(ascii: "\"") { break }
                    end += c == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: compact[(index - 1)..<end]))
                index = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < count && compact[index] == close {
                    out.append(0x0A)
                    newline(level, into: &out)
                    out.append(close)
                    index += 1
                } else {
                    level += 1
                    newline(level, into: &out)
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                newline(level, into: &out)
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline(level, into: &out)
            case UInt8(ascii: ":"):
                out.append(0x20)
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
            default:
                out.append(byte)
            }
        }
    }
}
