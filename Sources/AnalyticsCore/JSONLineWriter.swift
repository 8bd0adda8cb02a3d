import Foundation

/// Writes compact JSON straight to bytes, for results too big for `JSONEncoder` to be quick with
/// (Codable's per-field machinery, not the bytes, is what costs in a corpus run). The output is
/// byte for byte what `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` writes, which
/// `JSONLineWriterTests` checks on every analyzer's report: keys must be given in sorted order.
public struct JSONLineWriter {
    public private(set) var bytes: [UInt8] = []
    /// Per open object or array, one bit: whether its next member needs a comma first. Bit 0 is
    /// the innermost; reports nest a handful of levels, far below the 64 this holds.
    private var needsComma: UInt64 = 0
    private var depth = 0
    /// A key was just written: the value that follows takes no comma.
    private var afterKey = false

    public init(capacity: Int = 1 << 12) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
        needsComma |= 1
    }

    private mutating func open(_ bracket: Unicode.Scalar) {
        beginValue()
        bytes.append(UInt8(ascii: bracket))
        depth += 1
        precondition(depth < 64, "JSONLineWriter nests at most 63 levels")
        needsComma <<= 1
    }

    private mutating func close(_ bracket: Unicode.Scalar) {
        depth -= 1
        needsComma >>= 1
        bytes.append(UInt8(ascii: bracket))
    }

    public mutating func object(_ body: (inout JSONLineWriter) throws -> Void) rethrows {
        open("{")
        try body(&self)
        close("}")
    }

    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONLineWriter, S.Element) throws -> Void) rethrows {
        open("[")
        for item in elements { try element(&self, item) }
        close("]")
    }

    /// Called before every value: in an array it needs a comma after the first; after a key it does not.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        separate()
    }

    /// One member of the enclosing object: its key, then what `write` writes as its value.
    public mutating func field(_ name: String, _ write: (inout JSONLineWriter) throws -> Void) rethrows {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
        try write(&self)
        afterKey = false
    }

    public mutating func string(_ value: String) { beginValue(); writeString(value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { beginValue(); appendDigits(value) }
    public mutating func bool(_ value: Bool) { beginValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }

    /// As JSONEncoder: Swift's shortest round-trip form without a trailing ".0"; non-finite values
    /// as the strings the report renderer names.
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
            return
        }
        beginValue()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `{"end":…,"start":…}`: the span object every analyzer reports occurrences with.
    /// Written directly: keyword and slogan occurrences are most of a report's objects.
    public mutating func span(start: Int, end: Int) {
        beginValue()
        bytes.append(contentsOf: #"{"end":"#.utf8)
        appendDigits(end)
        bytes.append(contentsOf: #","start":"#.utf8)
        appendDigits(start)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Decimal digits without building a String (offsets and counts are most of the numbers).
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var width = 1
        var rest = magnitude / 10
        while rest > 0 { width += 1; rest /= 10 }
        let end = bytes.count + width
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var at = end
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
        }
    }

    /// Ends a line of jsonl.
    public mutating func newline() { bytes.append(0x0A) }

    /// Bytes already encoded as one JSON value (a fallback through JSONEncoder).
    public mutating func raw(_ json: some Sequence<UInt8>) { beginValue(); bytes.append(contentsOf: json) }

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of them) are copied in one go.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                appendEscaped(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [backslash, UInt8(ascii: "\"")])
        case backslash: bytes.append(contentsOf: [backslash, backslash])
        case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
    }
}

/// A result that writes its own compact JSON (the jsonl path); others go through JSONEncoder.
public protocol JSONLineWritable {
    func writeJSON(into writer: inout JSONLineWriter)
}
