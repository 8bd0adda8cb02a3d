/// Every occurrence of thousands of terms in a text, overlaps included, in one pass: a trie over
/// Unicode scalars whose edges live in one open-addressing table keyed by (node, scalar).
///
/// Trends count ~10,000 tracked terms in every document. `PhraseIndex` finds a position's
/// candidates by their first two scalars and compares each one's tail, and the common pairs
/// (发展, 建设…) start hundreds of terms; walking a trie costs one probe per scalar matched, so a
/// position costs about as many probes as the longest term prefix found there (one or two).
struct TermTrie: Sendable {
    /// Edge keys: `node << 21 | scalar`, with the top bit set so no key is 0 (0 marks empty).
    private var keys: [UInt64]
    /// The child node of each edge slot.
    private var children: [Int32]
    /// For each node, the term that ends there, or -1.
    private var terminal: [Int32] = [-1]
    /// The root's children by BMP scalar (0: none), read directly: every position starts there.
    private var roots = [Int32](repeating: 0, count: 0x10000)
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
        while capacity < edges * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        children = [Int32](repeating: 0, count: capacity)
        for (number, term) in terms.enumerated() where !term.isEmpty {
            var node: Int32 = 0
            for scalar in term { node = child(of: node, scalar) }
            if term[0].value < 0x10000 { roots[Int(term[0].value)] = child(of: 0, term[0]) }
            if term.count > 1 {
                let bit = Self.pairBit(term[0].value, term[1].value)
                pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            if terminal[Int(node)] < 0 { terminal[Int(node)] = Int32(truncatingIfNeeded: number) }
        }
    }

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        1 << 63 | UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private mutating func child(of node: Int32, _ scalar: Unicode.Scalar) -> Int32 {
        let key = Self.key(node, scalar.value), mask = keys.count - 1
        var index = Self.slot(key, mask)
        while keys[index] != 0 {
            if keys[index] == key { return children[index] }
            index = (index + 1) & mask
        }
        let created = Int32(truncatingIfNeeded: terminal.count)
        keys[index] = key
        children[index] = created
        terminal.append(-1)
        return created
    }

    /// Calls `body` with the term number, start and end of every occurrence in `text`, position
    /// by position (shorter terms first at a position).
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ term: Int32, _ start: Int, _ end: Int) -> Void) {
        keys.withUnsafeBufferPointer { keys in
            children.withUnsafeBufferPointer { children in
                terminal.withUnsafeBufferPointer { terminal in
                    roots.withUnsafeBufferPointer { roots in
                    pairBits.withUnsafeBufferPointer { pairs in
                        text.withUnsafeBufferPointer { s in
                            let mask = keys.count - 1, n = s.count
                            for start in 0..<n {
                                let first = s[start].value
                                var node: Int32 = 0, position = start
                                if first < 0x10000 {
                                    node = roots[Int(first)]
                                    guard node != 0 else { continue }
                                    let term = terminal[Int(node)]
                                    if term >= 0 { body(term, start, position + 1) }
                                    position += 1
                                    guard position < n else { continue }
                                    let bit = Self.pairBit(first, s[position].value)
                                    if pairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue }
                                }
                                while position < n {
                                    let key = Self.key(node, s[position].value)
                                    var index = Self.slot(key, mask)
                                    while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
                                    guard keys[index] == key else { break }
                                    node = children[index]
                                    let term = terminal[Int(node)]
                                    if term >= 0 { body(term, start, position + 1) }
                                    position += 1
                                }
                            }
                        }
                    }
                    }
                }
            }
        }
    }
}
