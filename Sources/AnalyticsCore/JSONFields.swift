/// A result's JSON described once: one method lists each field (name and value) in sorted key
/// order, and both ways of writing it come from that list — the direct writer of the jsonl fast
/// path (`JSONLineWritable`) and `Encodable` (`encode(to:)`, used by `JSONEncoder`) — so the two
/// cannot drift apart. The method is generic over the writer, so each way is a specialised,
/// direct call per field: as fast as a hand-written `writeJSON`.
///
///     extension StatsResult: JSONDescribed {
///         public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
///             json.double("averageSentenceLength", averageSentenceLength)
///             json.int("characters", characters)
///             json.object("longestSentence", longestSentence)   // left out when nil
///             …
///         }
///     }
///
/// Debug builds check that the keys come sorted (the order JSONEncoder's `.sortedKeys` writes).
public protocol JSONDescribed: Encodable, JSONLineWritable, Sendable {
    func describeJSON<W: JSONFieldWriter>(into json: inout W)
}

extension JSONDescribed {
    @inlinable
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            var fields = JSONLineFields(json)
            describeJSON(into: &fields)
            json = fields.json
        }
    }

    public func encode(to encoder: Encoder) throws {
        var fields = JSONEncoderFields(encoder.container(keyedBy: AnyKey.self))
        describeJSON(into: &fields)
        if let error = fields.error { throw error }
    }
}

/// A value whose JSON is `{"end":…,"start":…}`: written straight, the most numerous objects of
/// some reports (every occurrence of every slogan).
public protocol JSONSpan {
    var start: Int { get }
    var end: Int { get }
}

extension TextSpan: JSONSpan {}

/// What a `JSONDescribed` value says about its fields; one method per kind of value.
public protocol JSONFieldWriter {
    mutating func int(_ name: StaticString, _ value: Int)
    mutating func double(_ name: StaticString, _ value: Double)
    mutating func bool(_ name: StaticString, _ value: Bool)
    mutating func string(_ name: StaticString, _ value: String)
    /// A string or null: the key is always there.
    mutating func nullableString(_ name: StaticString, _ value: String?)
    /// A number or null: the key is always there.
    mutating func nullableDouble(_ name: StaticString, _ value: Double?)
    /// Optional scalars: left out when nil (as synthesized Codable does).
    mutating func optionalInt(_ name: StaticString, _ value: Int?)
    mutating func optionalDouble(_ name: StaticString, _ value: Double?)
    mutating func optionalBool(_ name: StaticString, _ value: Bool?)
    mutating func optionalString(_ name: StaticString, _ value: String?)
    /// A nested described object, left out when nil.
    mutating func object<T: JSONDescribed>(_ name: StaticString, _ value: T?)
    mutating func array<T: JSONDescribed>(_ name: StaticString, _ values: [T])
    mutating func strings(_ name: StaticString, _ values: [String])
    /// `[{"end":…,"start":…}]`: occurrences (`TextSpan`s, or a result's own occurrence type).
    mutating func spans<S: JSONSpan>(_ name: StaticString, _ values: [S])
    /// An object whose keys are data (theme → score), given in sorted key order (a lazy map will do: no array is needed).
    mutating func numbers<S: Sequence<(key: String, value: Double)>>(byKey name: StaticString, _ entries: S)
}

/// The fast path: fields straight into a `JSONLineWriter`.
@frozen
public struct JSONLineFields: JSONFieldWriter {
    public var json: JSONLineWriter

    @inlinable public init(_ json: JSONLineWriter) { self.json = json }

    @inlinable public mutating func int(_ name: StaticString, _ value: Int) { json.field(name, int: value) }
    @inlinable public mutating func double(_ name: StaticString, _ value: Double) { json.field(name, double: value) }
    @inlinable public mutating func bool(_ name: StaticString, _ value: Bool) { json.field(name, bool: value) }
    @inlinable public mutating func string(_ name: StaticString, _ value: String) { json.field(name, string: value) }
    @inlinable public mutating func nullableString(_ name: StaticString, _ value: String?) { json.field(name, string: value) }
    @inlinable public mutating func nullableDouble(_ name: StaticString, _ value: Double?) {
        if let value { json.field(name, double: value) } else { json.field(name) { $0.null() } }
    }
    @inlinable public mutating func optionalInt(_ name: StaticString, _ value: Int?) { if let value { json.field(name, int: value) } }
    @inlinable public mutating func optionalDouble(_ name: StaticString, _ value: Double?) { if let value { json.field(name, double: value) } }
    @inlinable public mutating func optionalBool(_ name: StaticString, _ value: Bool?) { if let value { json.field(name, bool: value) } }
    @inlinable public mutating func optionalString(_ name: StaticString, _ value: String?) { if let value { json.field(name, string: value) } }

    @inlinable public mutating func object<T: JSONDescribed>(_ name: StaticString, _ value: T?) {
        guard let value else { return }
        json.field(name) { value.writeJSON(into: &$0) }
    }

    @inlinable public mutating func array<T: JSONDescribed>(_ name: StaticString, _ values: [T]) {
        json.field(name) { json in json.array(values) { json, element in element.writeJSON(into: &json) } }
    }

    @inlinable public mutating func strings(_ name: StaticString, _ values: [String]) {
        json.field(name) { json in json.array(values) { $0.string($1) } }
    }

    @inlinable public mutating func spans<S: JSONSpan>(_ name: StaticString, _ values: [S]) {
        json.field(name) { json in json.array(values) { $0.span(start: $1.start, end: $1.end) } }
    }

    @inlinable public mutating func numbers<S: Sequence<(key: String, value: Double)>>(byKey name: StaticString, _ entries: S) {
        json.field(name) { json in json.object { json in for entry in entries { json.field(key: entry.key) { $0.double(entry.value) } } } }
    }
}

/// `Encodable`: fields into a keyed container (JSONEncoder and any other encoder).
struct JSONEncoderFields: JSONFieldWriter {
    var container: KeyedEncodingContainer<AnyKey>
    /// The first encoding error; `encode(to:)` throws it.
    var error: (any Error)?

    init(_ container: KeyedEncodingContainer<AnyKey>) { self.container = container }

    private mutating func run(_ body: (inout KeyedEncodingContainer<AnyKey>) throws -> Void) {
        guard error == nil else { return }
        do { try body(&container) } catch { self.error = error }
    }

    private static func key(_ name: StaticString) -> AnyKey { AnyKey("\(name)") }

    mutating func int(_ name: StaticString, _ value: Int) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func double(_ name: StaticString, _ value: Double) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func bool(_ name: StaticString, _ value: Bool) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func string(_ name: StaticString, _ value: String) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func nullableString(_ name: StaticString, _ value: String?) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func nullableDouble(_ name: StaticString, _ value: Double?) { run { try $0.encode(value, forKey: Self.key(name)) } }
    mutating func optionalInt(_ name: StaticString, _ value: Int?) { run { try $0.encodeIfPresent(value, forKey: Self.key(name)) } }
    mutating func optionalDouble(_ name: StaticString, _ value: Double?) { run { try $0.encodeIfPresent(value, forKey: Self.key(name)) } }
    mutating func optionalBool(_ name: StaticString, _ value: Bool?) { run { try $0.encodeIfPresent(value, forKey: Self.key(name)) } }
    mutating func optionalString(_ name: StaticString, _ value: String?) { run { try $0.encodeIfPresent(value, forKey: Self.key(name)) } }
    mutating func object<T: JSONDescribed>(_ name: StaticString, _ value: T?) { run { try $0.encodeIfPresent(value, forKey: Self.key(name)) } }
    mutating func array<T: JSONDescribed>(_ name: StaticString, _ values: [T]) { run { try $0.encode(values, forKey: Self.key(name)) } }
    mutating func strings(_ name: StaticString, _ values: [String]) { run { try $0.encode(values, forKey: Self.key(name)) } }

    mutating func spans<S: JSONSpan>(_ name: StaticString, _ values: [S]) {
        run { container in
            var list = container.nestedUnkeyedContainer(forKey: Self.key(name))
            for span in values {
                var object = list.nestedContainer(keyedBy: AnyKey.self)
                try object.encode(span.end, forKey: AnyKey("end"))
                try object.encode(span.start, forKey: AnyKey("start"))
            }
        }
    }

    mutating func numbers<S: Sequence<(key: String, value: Double)>>(byKey name: StaticString, _ entries: S) {
        run { container in
            var object = container.nestedContainer(keyedBy: AnyKey.self, forKey: Self.key(name))
            for entry in entries { try object.encode(entry.value, forKey: AnyKey(entry.key)) }
        }
    }
}
