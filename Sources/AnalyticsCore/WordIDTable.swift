/// Word id → a small value, by open addressing with a multiplicative hash. Counting and testing
/// words by id are inner loops of several analyzers, and Swift's Dictionary hashes every Int with
/// SipHash, which cost about a tenth of the keyword analysis (perf).
public struct WordIDTable: Sendable {
    private var keys: [Int]
    private var values: [Int32]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
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
        while keys[slot] != -1 && keys[slot] != id { slot = (slot + 1) & mask }
        return slot
    }

    public func contains(_ id: Int) -> Bool { keys[slot(for: id)] == id }

    /// The value stored for `id`, or nil.
    @inline(__always)
    public func lookup(_ id: Int) -> Int32? {
        let at = slot(for: id)
        return keys[at] == id ? values[at] : nil
    }

    /// The value stored for `id`, storing `value` first if there is none. Ids are non-negative.
    public mutating func value(for id: Int, insertingIfAbsent value: Int32) -> Int32 {
        let at = slot(for: id)
        if keys[at] == id { return values[at] }
        keys[at] = id
        values[at] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != -1 }
        keys = Array(repeating: -1, count: keys.count * 2)
        values = Array(repeating: 0, count: keys.count)
        mask = keys.count - 1
        for (id, value) in old {
            let at = slot(for: id)
            keys[at] = id
            values[at] = value
        }
    }
}
