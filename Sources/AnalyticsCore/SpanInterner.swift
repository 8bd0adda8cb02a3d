/// Spans of a text numbered by their characters: the first span with given characters stands for
/// them, and a later span with the same characters gets the same value (keywords' words the
/// lexicon lacks, slogans' candidate texts). Keying a Dictionary by String instead builds a
/// String per span and hashes a normalised copy of it, which was a tenth of the keyword analysis.
public struct SpanInterner {
    private var spans: [TextSpan]
    private var values: [Int32]
    private var mask: Int
    public private(set) var count = 0
    private static let empty = Int32.min

    public init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        spans = Array(repeating: TextSpan(start: 0, end: 0), count: size)
        values = Array(repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// The value stored for the characters of `span` (in `scalars`), storing `absent()` first if
    /// there is none.
    public mutating func value(for span: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>, ifAbsent absent: () -> Int32) -> Int32 {
        let at = slot(for: span, in: scalars)
        if values[at] != Self.empty { return values[at] }
        let value = absent()
        spans[at] = span
        values[at] = value
        count += 1
        if count * 2 > values.count { grow(scalars) }
        return value
    }

    private func slot(for span: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var slot = Self.hash(span, scalars) & mask
        while values[slot] != Self.empty && !Self.same(spans[slot], span, scalars) { slot = (slot + 1) & mask }
        return slot
    }

    private static func hash(_ span: TextSpan, _ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a over the scalar values
        for index in span.start..<span.end { hash = (hash ^ UInt64(scalars[index].value)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }

    private static func same(_ a: TextSpan, _ b: TextSpan, _ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard a.end - a.start == b.end - b.start else { return false }
        for offset in 0..<(a.end - a.start) where scalars[a.start + offset] != scalars[b.start + offset] { return false }
        return true
    }

    private mutating func grow(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        let old = zip(spans, values).filter { $0.1 != Self.empty }
        spans = Array(repeating: TextSpan(start: 0, end: 0), count: values.count * 2)
        values = Array(repeating: Self.empty, count: spans.count)
        mask = values.count - 1
        for (span, value) in old {
            let at = slot(for: span, in: scalars)
            spans[at] = span
            values[at] = value
        }
    }
}
