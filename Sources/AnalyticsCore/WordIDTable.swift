/// Word id → a small value, by open addressing with a multiplicative hash. Counting and testing
/// words by id are inner loops of several analyzers, and Swift's Dictionary hashes every Int with
/// SipHash, which cost about a tenth of the keyword analysis (perf). Each slot holds its key and
/// value side by side: a look-up in a table bigger than the cache misses once, not twice.
public struct WordIDTable: Sendable {
    private struct Slot {
        var key: Int
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: -1, value: 0), count: size)
        mask = size - 1
    }

    public init<S: Sequence>(_ ids: S) where S.Element == Int {
        let ids = Array(ids)
        self.init(capacity: ids.count)
        for id in ids { _ = value(for: id, insertingIfAbsent: 0) }
    }

    @inline(__always)
    private func slot(for id: Int) -> Int {
        var slot = (id &* -7_046_029_254_386_353_131) >> 20 & mask // Fibonacci hashing
        while slots[slot].key != -1 && slots[slot].key != id { slot = (slot + 1) & mask }
        return slot
    }

    public func contains(_ id: Int) -> Bool { slots[slot(for: id)].key == id }

    /// The value stored for `id`, or nil.
    @inline(__always)
    public func lookup(_ id: Int) -> Int32? {
        let found = slots[slot(for: id)]
        return found.key == id ? found.value : nil
    }

    /// The value stored for `id`, storing `value` first if there is none. Ids are non-negative.
    public mutating func value(for id: Int, insertingIfAbsent value: Int32) -> Int32 {
        self.value(for: id) { value }
    }

    /// The value stored for `id`, storing `absent()` first if there is none.
    @inline(__always)
    public mutating func value(for id: Int, ifAbsent absent: () -> Int32) -> Int32 {
        let at = slot(for: id)
        if slots[at].key == id { return slots[at].value }
        let value = absent()
        slots[at] = Slot(key: id, value: value)
        count += 1
        if count * 2 > slots.count { grow() }
        return value
    }

    private mutating func grow() {
        let old = slots.filter { $0.key != -1 }
        slots = Array(repeating: Slot(key: -1, value: 0), count: slots.count * 2)
        mask = slots.count - 1
        for entry in old { slots[slot(for: entry.key)] = entry }
    }
}
