import Foundation

/// The messages of the external-analyzer protocol (README "External analyzers"): JSON lines over
/// the program's standard input and output, one request and one answer a line.
enum ExternalProtocol {
    static let version = 1

    /// The answer to `{"protocol":1,"type":"describe"}`.
    struct Description: Decodable {
        struct Option: Decodable {
            let key: String
            let type: String
            let `default`: JSONValue?
            let help: String?
            let min: Double?
            let max: Double?
            let values: [String]?
        }
        struct Example: Decodable {
            let input: String
            let mustNotReport: [String]?
            let options: [String: JSONValue]?
            let note: String?
        }
        let `protocol`: Int?
        let id: String
        let summary: String?
        let options: [Option]?
        let requires: [String]?
        let examples: [Example]?
    }

    /// The answer to an analyze request: a result, or an error the program reports itself.
    struct Answer: Decodable {
        struct Span: Decodable {
            let start: Int
            let end: Int
            let label: String?
        }
        let result: JSONValue?
        let spans: [Span]?
        let render: [Block]?
        let error: String?
    }

    /// A render block as the program describes it; `type` says which fields it uses.
    struct Block: Decodable {
        struct Field: Decodable { let label: String; let value: JSONValue }
        struct Bar: Decodable { let label: String; let value: Double; let display: String? }
        struct Item: Decodable { let level: Int?; let text: String }
        let type: String
        let fields: [Field]?
        let headers: [String]?
        let rows: [[JSONValue]]?
        let numeric: [Int]?
        let bars: [Bar]?
        let items: [Item]?
        let text: String?
    }

    /// Option values as the JSON sent with every request, sorted by key.
    static func encodedOptions(_ options: [(key: String, value: JSONValue)]) -> [(key: String, json: [UInt8])] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return options.sorted { $0.key < $1.key }.map { option in
            (option.key, Array((try? encoder.encode(option.value)) ?? Data("null".utf8)))
        }
    }

    static let describeRequest = Array("{\"protocol\":1,\"type\":\"describe\"}\n".utf8)

    /// One analyze request, keys in sorted order: options, protocol, results, source, text, type.
    /// `options` are already JSON and sorted by key (`encodedOptions`): they are the same for every document.
    static func analyzeRequest(source: String, text: String, options: [(key: String, json: [UInt8])], results: [(id: String, json: [UInt8])]) -> [UInt8] {
        var writer = JSONLineWriter(capacity: text.utf8.count + 256 + results.reduce(0) { $0 + $1.json.count })
        writer.object { json in
            json.field("options") { json in
                json.object { json in
                    for option in options { json.field(key: option.key) { json in json.raw(option.json) } }
                }
            }
            json.field("protocol", int: version)
            json.field("results") { json in
                json.object { json in
                    for result in results.sorted(by: { $0.id < $1.id }) { json.field(key: result.id) { json in json.raw(result.json) } }
                }
            }
            json.field("source", string: source)
            json.field("text", string: text)
            json.field("type", string: "analyze")
        }
        writer.newline()
        return writer.bytes
    }
}

extension ExternalProtocol.Block {
    /// The block as the renderers' `RenderBlock`, or what is wrong with it.
    func renderBlock() -> Result<RenderBlock, ExternalFailure> {
        func missing(_ field: String) -> Result<RenderBlock, ExternalFailure> {
            .failure(.malformed("a '\(type)' render block without '\(field)'", stderr: ""))
        }
        switch type {
        case "fields":
            guard let fields else { return missing("fields") }
            return .success(.fields(fields.map { .init($0.label, $0.value.displayText) }))
        case "table":
            guard let headers else { return missing("headers") }
            guard let rows else { return missing("rows") }
            return .success(.table(headers: headers, rows: rows.map { $0.map(\.displayText) }, numericColumns: Set(numeric ?? [])))
        case "bars":
            guard let bars else { return missing("bars") }
            return .success(.bars(bars.map { .init($0.label, value: $0.value, display: $0.display ?? NumberText.fixed($0.value, digits: $0.value == $0.value.rounded() ? 0 : 2)) }))
        case "outline":
            guard let items else { return missing("items") }
            return .success(.outline(items.map { .init(level: $0.level ?? 1, text: $0.text) }))
        case "note":
            guard let text else { return missing("text") }
            return .success(.note(text))
        default:
            return .failure(.malformed("a render block of unknown type '\(type)' (valid: fields, table, bars, outline, note)", stderr: ""))
        }
    }
}
