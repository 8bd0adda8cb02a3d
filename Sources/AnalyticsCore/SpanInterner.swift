/// Spans of a text numbered by their characters: the first span with given characters stands for
/// them, and a later span with the same characters gets the same value (keywords' words the
/// lexicon lacks, slogans' candidate texts). Keying a Dictionary by String instead builds a
/// String per span and hashes a normalised copy of it, which was a tenth of the keyword analysis.
public struct SpanInterner {
    /// A span and its value side by side, as `WordIDTable`'s slots: one cache line a probe.
    private struct Slot {
        var span: TextSpan
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0
    private static let empty = Slot(span: TextSpan(start: 0, end: 0), value: Int32.min)

    public init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// The value stored for the characters of `span` (in `scalars`), storing `absent()` first if
    /// there is none.
    public mutating func value(for span: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>, ifAbsent absent: () -> Int32) -> Int32 {
        let at = slot(for: span, in: scalars)
        if !Self.isEmpty(slots[at]) { return slots[at].value }
        let value = absent()
        slots[at] = Slot(span: span, value: value)
        count += 1
        if count * 2 > slots.count { grow(scalars) }
        return value
    }

    private static func isEmpty(_ slot: Slot) -> Bool { slot.value == empty.value }

    private func slot(for span: TextSpan, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var slot = Self.hash(span, scalars) & mask
        while !Self.isEmpty(slots[slot]) && !Self.same(slots[slot].span, span, scalars) { slot = (slot + 1) & mask }
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
        let old = slots.filter { !Self.isEmpty($0) }
        slots = Array(repeating: Self.empty, count: slots.count * 2)
        mask = slots.count - 1
        for entry in old { slots[slot(for: entry.span, in: scalars)] = entry }
    }
}
