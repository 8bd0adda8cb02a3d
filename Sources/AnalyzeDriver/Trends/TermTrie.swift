/// Every occurrence of thousands of terms in a text, overlaps included, in one pass: a trie over
/// Unicode scalars whose edges live in one open-addressing table keyed by (node, scalar).
///
/// Trends count ~10,000 tracked terms in every document. `PhraseIndex` finds a position's
/// candidates by their first two scalars and compares each one's tail, and the common pairs
/// (发展, 建设…) start hundreds of terms; walking a trie costs one probe per scalar matched, so a
/// position costs about as many probes as the longest term prefix found there (one or two).
/// An edge's key, its child and the term ending at the child share one 16-byte slot: one cache
/// line per probe (with 70,000 terms the table is megabytes, and separate arrays missed thrice).
struct TermTrie: Sendable {
    /// Per edge slot, two words: the key `node << 21 | scalar` with the top bit set (0 marks an
    /// empty slot), then the child node in the low half and the term ending there + 1 (0: none)
    /// in the high half.
    private var slots: [UInt64]
    private var nodes: Int32 = 1
    /// The root's children by BMP scalar, read directly (every position starts there): child
    /// and term + 1 as in `slots`; 0: no term starts with the scalar.
    private var roots = [UInt64](repeating: 0, count: 0x10000)
    /// Bits of the hashed first two scalars of the terms (128 KB): most positions whose first
    /// scalar begins a term go no further, and this answers without probing the edge table.
    private var pairBits = [UInt64](repeating: 0, count: 1 << 14)

    @inline(__always)
    private static func pairBit(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 21 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> 44)
    }

    init(_ terms: [[Unicode.Scalar]]) {
        let edges = terms.reduce(0) { $0 + $1.count }
        var capacity = 1024
        while capacity * 3 < edges * 4 { capacity *= 2 } // nodes are fewer than edges: at most 75% full
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        for (number, term) in terms.enumerated() where !term.isEmpty {
            let mark = UInt64(UInt32(truncatingIfNeeded: number + 1)) << 32
            if term[0].value < 0x10000 {
                // The root's edges live in `roots` only.
                let first = Int(term[0].value)
                if roots[first] == 0 { roots[first] = UInt64(UInt32(bitPattern: newNode())) }
                if term.count == 1 && roots[first] >> 32 == 0 { roots[first] |= mark }
            }
            var node: Int32 = 0
            var last = -1
            for (depth, scalar) in term.enumerated() {
                if depth == 0 && scalar.value < 0x10000 {
                    node = Int32(truncatingIfNeeded: roots[Int(scalar.value)] & 0xFFFF_FFFF)
                    continue
                }
                last = edge(from: node, scalar)
                node = Int32(truncatingIfNeeded: slots[last + 1] & 0xFFFF_FFFF)
            }
            if last >= 0 && slots[last + 1] >> 32 == 0 { slots[last + 1] |= mark }
            if term.count > 1 {
                let bit = Self.pairBit(term[0].value, term[1].value)
                pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    private mutating func newNode() -> Int32 {
        defer { nodes += 1 }
        return nodes
    }

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        1 << 63 | UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
    }

    /// The first word of the key's home slot (slots are two words).
    @inline(__always)
    private static func home(_ key: UInt64, _ mask: Int) -> Int {
        (Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask) << 1
    }

    /// The slot of the edge from `node` by `scalar`, made (with a new child) when missing.
    private mutating func edge(from node: Int32, _ scalar: Unicode.Scalar) -> Int {
        let key = Self.key(node, scalar.value), mask = slots.count / 2 - 1
        var index = Self.home(key, mask)
        while slots[index] != 0 {
            if slots[index] == key { return index }
            index = (index + 2) & (2 * mask + 1)
        }
        slots[index] = key
        slots[index + 1] = UInt64(UInt32(bitPattern: newNode()))
        return index
    }

    /// Calls `body` with the term number, start and end of every occurrence in `text`, position
    /// by position (shorter terms first at a position).
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ term: Int32, _ start: Int, _ end: Int) -> Void) {
        slots.withUnsafeBufferPointer { slots in
            roots.withUnsafeBufferPointer { roots in
                pairBits.withUnsafeBufferPointer { pairs in
                    text.withUnsafeBufferPointer { s in
                        let mask = slots.count / 2 - 1, wrap = 2 * mask + 1, n = s.count
                        for start in 0..<n {
                            let first = s[start].value
                            var node: Int32 = 0, position = start
                            if first < 0x10000 {
                                let root = roots[Int(first)]
                                guard root != 0 else { continue }
                                node = Int32(truncatingIfNeeded: root & 0xFFFF_FFFF)
                                if root >> 32 != 0 { body(Int32(truncatingIfNeeded: (root >> 32) - 1), start, start + 1) }
                                position += 1
                                guard position < n else { continue }
                                let bit = Self.pairBit(first, s[position].value)
                                if pairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue }
                            }
                            while position < n {
                                let key = Self.key(node, s[position].value)
                                var index = Self.home(key, mask)
                                while slots[index] != 0 && slots[index] != key { index = (index + 2) & wrap }
                                guard slots[index] == key else { break }
                                let value = slots[index + 1]
                                node = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)
                                if value >> 32 != 0 { body(Int32(truncatingIfNeeded: (value >> 32) - 1), start, position + 1) }
                                position += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
