import Foundation

/// Writes compact JSON straight to bytes, for results too big for `JSONEncoder` to be quick with
/// (Codable's per-field machinery, not the bytes, is what costs in a corpus run). The output is
/// byte for byte what `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` writes, which
/// `JSONLineWriterTests` checks on every analyzer's report: keys must be given in sorted order.
public struct JSONLineWriter {
    private let buffer: ByteBuffer
    /// Per open object or array, one bit: whether its next member needs a comma first. Bit 0 is
    /// the innermost; reports nest a handful of levels, far below the 64 this holds.
    private var needsComma: UInt64 = 0
    private var depth = 0
    /// A key was just written: the value that follows takes no comma.
    private var afterKey = false
    #if DEBUG
    /// The last key written at each open level: debug builds check that keys come sorted, which
    /// the byte-for-byte equality with JSONEncoder's sorted output depends on.
    private var lastKeys: [String?] = [nil]
    #endif

    public init(capacity: Int = 1 << 12) { buffer = ByteBuffer(capacity: capacity) }

    /// What has been written.
    public var bytes: [UInt8] { buffer.array }

    private mutating func separate() {
        if needsComma & 1 != 0 { buffer.append(UInt8(ascii: ",")) }
        needsComma |= 1
    }

    private mutating func open(_ bracket: Unicode.Scalar) {
        beginValue()
        buffer.append(UInt8(ascii: bracket))
        depth += 1
        precondition(depth < 64, "JSONLineWriter nests at most 63 levels")
        needsComma <<= 1
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: Unicode.Scalar) {
        #if DEBUG
        lastKeys.removeLast()
        #endif
        depth -= 1
        needsComma >>= 1
        buffer.append(UInt8(ascii: bracket))
    }

    public mutating func object(_ body: (inout JSONLineWriter) throws -> Void) rethrows {
        open("{")
        try body(&self)
        close("}")
    }

    // Inlinable, so that it is specialised for each plugin's element type: unspecialised, the
    // loop went through protocol witnesses and copied every element.
    @inlinable
    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONLineWriter, S.Element) throws -> Void) rethrows {
        openArray()
        for item in elements { try element(&self, item) }
        closeArray()
    }

    @usableFromInline mutating func openArray() { open("[") }
    @usableFromInline mutating func closeArray() { close("]") }

    /// Called before every value: in an array it needs a comma after the first; after a key it does not.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        separate()
    }

    /// One member of the enclosing object: its key, then what `write` writes as its value. Keys
    /// are literals, plain ASCII written as they are (an analyzer's fields, not data).
    public mutating func field(_ name: StaticString, _ write: (inout JSONLineWriter) throws -> Void) rethrows {
        key(name)
        try write(&self)
        afterKey = false
    }

    // One member with a plain value: the common case, without a closure call.
    public mutating func field(_ name: StaticString, int value: Int) { key(name); int(value) }
    public mutating func field(_ name: StaticString, double value: Double) { key(name); double(value) }
    public mutating func field(_ name: StaticString, bool value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: StaticString, string value: String?) { key(name); string(value) }

    /// A member whose key is known only at run time (an analyzer id, a theme name): escaped like any string.
    public mutating func field(key name: String, _ write: (inout JSONLineWriter) throws -> Void) rethrows {
        checkKeyOrder(name)
        separate()
        writeString(name)
        buffer.append(UInt8(ascii: ":"))
        afterKey = true
        try write(&self)
        afterKey = false
    }

    /// `"name":` of a literal key, after the comma its object needs; the value follows.
    private mutating func key(_ name: StaticString) {
        #if DEBUG
        checkKeyOrder(name.description)
        assert(!name.description.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 >= 0x80 },
               "JSON key '\(name)' needs escaping: write it with field(key:)")
        #endif
        separate()
        buffer.appendKey(name)
        afterKey = true
    }

    /// The order of keys in every object written: UTF-8 byte order, as JSONEncoder's `.sortedKeys`
    /// (String's `<` differs on text not in NFC). Objects whose keys are data sort by it.
    public static func keyPrecedes(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    private mutating func checkKeyOrder(_ name: String) {
        #if DEBUG
        if let last = lastKeys[lastKeys.count - 1] {
            assert(Self.keyPrecedes(last, name), "JSON keys out of order: '\(name)' after '\(last)'")
        }
        lastKeys[lastKeys.count - 1] = name
        #endif
    }

    public mutating func string(_ value: String) { beginValue(); writeString(value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { beginValue(); buffer.appendDecimal(value) }
    public mutating func bool(_ value: Bool) { beginValue(); buffer.append(value ? "true" : "false") }
    public mutating func null() { beginValue(); buffer.append("null") }

    /// As JSONEncoder: Swift's shortest round-trip form without a trailing ".0"; non-finite values
    /// as the strings the report renderer names.
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
            return
        }
        beginValue()
        if let whole = Int(exactly: value), abs(whole) < 1 << 53 {
            buffer.appendDecimal(whole) // what description gives for these, minus the ".0"
            if whole == 0 && value.sign == .minus { buffer.bytesRemoved(1); buffer.append("-0") }
            return
        }
        var text = value.description
        text.withUTF8 { buffer.append($0) }
    }

    /// `{"end":…,"start":…}`: the span object every analyzer reports occurrences with, written
    /// directly: keyword and slogan occurrences are most of a report's objects.
    public mutating func span(start: Int, end: Int) {
        beginValue()
        buffer.append(#"{"end":"#)
        buffer.appendDecimal(end)
        buffer.append(#","start":"#)
        buffer.appendDecimal(start)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Ends a line of jsonl.
    public mutating func newline() { buffer.append(0x0A) }

    /// Bytes already encoded as one JSON value (a fallback through JSONEncoder).
    public mutating func raw(_ json: some Sequence<UInt8>) {
        beginValue()
        for byte in json { buffer.append(byte) }
    }

    private mutating func writeString(_ value: String) {
        buffer.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of them) are copied in one go; eight
            // bytes at a time are tested for one that does.
            var runStart = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count, !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<(index - 1)]))
                runStart = index
                appendEscaped(byte)
            }
            buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash (false
    /// positives allowed; the byte loop decides): the classic "has zero byte" bit trick.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): buffer.append(#"\""#)
        case UInt8(ascii: "\\"): buffer.append(#"\\"#)
        case 0x0A: buffer.append(#"\n"#)
        case 0x0D: buffer.append(#"\r"#)
        case 0x09: buffer.append(#"\t"#)
        case 0x08: buffer.append(#"\b"#)
        case 0x0C: buffer.append(#"\f"#)
        default:
            let hex: StaticString = "0123456789abcdef"
            buffer.append(#"\u00"#)
            buffer.append(hex.utf8Start[Int(byte >> 4)])
            buffer.append(hex.utf8Start[Int(byte & 15)])
        }
    }
}

/// A result that writes its own compact JSON (the jsonl path); others go through JSONEncoder.
public protocol JSONLineWritable {
    func writeJSON(into writer: inout JSONLineWriter)
}

/// A growable byte buffer without Array's per-append uniqueness and capacity bookkeeping: a report
/// is millions of one-to-ten-byte appends. Owned by one writer, which is passed `inout`.
private final class ByteBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func bytesRemoved(_ n: Int) { count -= n }

    /// `"name":` in one go.
    func appendKey(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        if count + length + 3 > capacity { grow(to: count + length + 3) }
        start[count] = UInt8(ascii: "\"")
        (start + count + 1).update(from: name.utf8Start, count: length)
        start[count + length + 1] = UInt8(ascii: "\"")
        start[count + length + 2] = UInt8(ascii: ":")
        count += length + 3
    }

    /// Decimal digits without building a String (offsets and counts are most of the numbers).
    func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var width = 1
        var rest = magnitude / 10
        while rest > 0 { width += 1; rest /= 10 }
        if count + width > capacity { grow(to: count + width) }
        var at = count + width
        repeat {
            at -= 1
            start[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += width
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }
}
