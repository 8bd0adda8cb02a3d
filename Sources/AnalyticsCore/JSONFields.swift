/// A result's JSON described once: each field's name and how to read it. The description gives
/// both ways of writing it — the direct writer of the jsonl fast path (`JSONLineWritable`) and
/// `Encodable` (`encode(to:)`, used by `JSONEncoder`) — so the two cannot drift apart.
///
///     extension StatsResult: JSONDescribed {
///         public static let jsonFields: [JSONField<StatsResult>] = [
///             .double("averageSentenceLength") { $0.averageSentenceLength },
///             .int("characters") { $0.characters },
///             .object("longestSentence") { $0.longestSentence },   // omitted when nil
///         ]
///     }
///
/// Fields are listed in sorted key order (the order both writers emit; debug builds check it).
public protocol JSONDescribed: Encodable, JSONLineWritable, Sendable {
    static var jsonFields: [JSONField<Self>] { get }
}

extension JSONDescribed {
    public func writeJSON(into writer: inout JSONLineWriter) {
        writer.object { json in
            for field in Self.jsonFields { field.write(self, &json) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for field in Self.jsonFields { try field.encode(self, &container) }
    }
}

/// One field of a `JSONDescribed` type: its key, and its value written either way.
public struct JSONField<Root>: Sendable {
    public let name: StaticString
    let write: @Sendable (Root, inout JSONLineWriter) -> Void
    let encode: @Sendable (Root, inout KeyedEncodingContainer<AnyKey>) throws -> Void

    init(_ name: StaticString, write: @escaping @Sendable (Root, inout JSONLineWriter) -> Void,
         encode: @escaping @Sendable (Root, inout KeyedEncodingContainer<AnyKey>) throws -> Void) {
        self.name = name
        self.write = write
        self.encode = encode
    }

    var key: AnyKey { AnyKey("\(name)") }

    public static func int(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Int) -> JSONField {
        JSONField(name, write: { $1.field(name, int: value($0)) }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func double(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Double) -> JSONField {
        JSONField(name, write: { $1.field(name, double: value($0)) }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func bool(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Bool) -> JSONField {
        JSONField(name, write: { $1.field(name, bool: value($0)) }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func string(_ name: StaticString, _ value: @escaping @Sendable (Root) -> String) -> JSONField {
        JSONField(name, write: { $1.field(name, string: value($0)) }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    /// A string or null (the key is always there).
    public static func nullableString(_ name: StaticString, _ value: @escaping @Sendable (Root) -> String?) -> JSONField {
        JSONField(name, write: { $1.field(name, string: value($0)) }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    /// A nested described object; when nil the key is left out (as synthesized Codable does).
    public static func object<Value: JSONDescribed>(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Value?) -> JSONField {
        JSONField(name, write: { root, json in
            guard let nested = value(root) else { return }
            json.field(name) { nested.writeJSON(into: &$0) }
        }, encode: { try $1.encodeIfPresent(value($0), forKey: AnyKey("\(name)")) })
    }

    /// An array of described objects.
    public static func array<Value: JSONDescribed>(_ name: StaticString, _ value: @escaping @Sendable (Root) -> [Value]) -> JSONField {
        JSONField(name, write: { root, json in
            json.field(name) { json in json.array(value(root)) { json, element in element.writeJSON(into: &json) } }
        }, encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    /// An optional scalar left out when nil (as synthesized Codable does): `.ifPresent(.int("high") { $0.high })`
    /// is not expressible with closures returning non-optionals, hence these.
    public static func optionalInt(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Int?) -> JSONField {
        JSONField(name, write: { root, json in if let v = value(root) { json.field(name, int: v) } },
                  encode: { try $1.encodeIfPresent(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func optionalDouble(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Double?) -> JSONField {
        JSONField(name, write: { root, json in if let v = value(root) { json.field(name, double: v) } },
                  encode: { try $1.encodeIfPresent(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func optionalBool(_ name: StaticString, _ value: @escaping @Sendable (Root) -> Bool?) -> JSONField {
        JSONField(name, write: { root, json in if let v = value(root) { json.field(name, bool: v) } },
                  encode: { try $1.encodeIfPresent(value($0), forKey: AnyKey("\(name)")) })
    }

    public static func optionalString(_ name: StaticString, _ value: @escaping @Sendable (Root) -> String?) -> JSONField {
        JSONField(name, write: { root, json in if let v = value(root) { json.field(name, string: v) } },
                  encode: { try $1.encodeIfPresent(value($0), forKey: AnyKey("\(name)")) })
    }

    /// A list of strings.
    public static func strings(_ name: StaticString, _ value: @escaping @Sendable (Root) -> [String]) -> JSONField {
        JSONField(name, write: { root, json in json.field(name) { json in json.array(value(root)) { $0.string($1) } } },
                  encode: { try $1.encode(value($0), forKey: AnyKey("\(name)")) })
    }

    /// A list of `{"end":…,"start":…}` objects (occurrences), through the writer's span fast path.
    public static func spans(_ name: StaticString, _ value: @escaping @Sendable (Root) -> [TextSpan]) -> JSONField {
        JSONField(name, write: { root, json in json.field(name) { json in json.array(value(root)) { $0.span(start: $1.start, end: $1.end) } } },
                  encode: { root, container in
                      var list = container.nestedUnkeyedContainer(forKey: AnyKey("\(name)"))
                      for span in value(root) {
                          var object = list.nestedContainer(keyedBy: AnyKey.self)
                          try object.encode(span.end, forKey: AnyKey("end"))
                          try object.encode(span.start, forKey: AnyKey("start"))
                      }
                  })
    }

    /// An object whose keys are data (theme → score), given in sorted key order.
    public static func numbers(byKey name: StaticString, _ value: @escaping @Sendable (Root) -> [(key: String, value: Double)]) -> JSONField {
        JSONField(name, write: { root, json in
            json.field(name) { json in json.object { json in for entry in value(root) { json.field(key: entry.key) { $0.double(entry.value) } } } }
        }, encode: { root, container in
            var object = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("\(name)"))
            for entry in value(root) { try object.encode(entry.value, forKey: AnyKey(entry.key)) }
        })
    }
}
