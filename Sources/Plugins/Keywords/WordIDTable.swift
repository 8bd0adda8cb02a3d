/// Word id → a small value, by open addressing with a multiplicative hash. Counting words by id is
/// the keyword analyzer's inner loop, and Swift's Dictionary hashes every Int with SipHash, which
/// cost about a tenth of the analysis (perf).
struct WordIDTable {
    private var keys: [Int]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    init<S: Sequence>(_ ids: S) where S.Element == Int {
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

    func contains(_ id: Int) -> Bool { keys[slot(for: id)] == id }

    /// The value stored for `id`, storing `value` first if there is none. Ids are non-negative.
    mutating func value(for id: Int, insertingIfAbsent value: Int32) -> Int32 {
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
