import Foundation
import MemoryHints
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shipped word data (jieba's dictionary, IDF table and HMM tables, see NOTICE) as a
/// memory-mapped trie: start-up maps the file and reads a header, nothing is parsed.
/// `scripts/build-lexicon.py` documents and writes the layout.
public final class Lexicon: @unchecked Sendable {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// The resource's file name, inside the `analyze_AnalyticsCore.resources` bundle beside the binary.
    public static let fileName = "lexicon.bin"
    static let bundleName = "analyze_AnalyticsCore.resources"

    private let mapping: UnsafeRawPointer
    /// What `deinit` unmaps: the file mapping, or the anonymous region the file was read into.
    private let unmapBase: UnsafeMutableRawPointer
    private let unmapSize: Int

    /// One step in the trie, laid out as in the file. Edge e leads to node e + 1; `logP` is that
    /// node's word log probability (NaN when the prefix is not a word) and its own edges are
    /// `firstEdge ..< firstEdge + edgeCount`, so a step reads one record and nothing else.
    struct Edge {
        let scalar: UInt32
        let logP: Float
        let firstEdge: UInt32
        let edgeCount: UInt32
    }

    let nodeCount: Int
    let nodeIDF: UnsafePointer<Float>
    /// Part of speech of the word ending at each node (jieba's tags: n, v, vn, a, d, nr, ns…), as
    /// 1 + an index into `tagNames`, 0 for none.
    @usableFromInline let nodeTags: UnsafePointer<UInt8>
    public let tagNames: [String]
    let edges: UnsafePointer<Edge>
    let rootEdgeCount: Int
    let rootBase: UInt32
    let rootCount: UInt32
    /// 1 + the index of the root's edge for scalar rootBase + i; 0 for none.
    let rootTable: UnsafePointer<UInt32>
    /// Children of nodes with more than 8 edges by (node, scalar), one 8-byte slot each:
    /// node | scalar << 20 | (1 + edge) << 41, 0 when empty. See `scripts/build-lexicon.py`.
    typealias HashSlot = UInt64
    static let slotKeyMask: UInt64 = 1 << 41 - 1
    let hashTable: UnsafePointer<HashSlot>
    let hashBits: UInt32
    /// Derived from hashBits once: the lookup is on the segmenter's hottest path.
    let hashMask: Int
    let hashShift: UInt32
    /// Every pair of characters that starts a word, as bits of a Bloom filter, and the hottest
    /// pairs' children in a small table: most pair lookups end in these (L2-sized) instead of
    /// the big table's cache miss. See `pairChild` and `scripts/build-lexicon.py`.
    let pairBloom: UnsafePointer<UInt32>
    let pairBloomBits: UInt32
    /// 2^pairBloomBits - 1, derived once (the filter is tested for every character pair).
    let pairBloomMask: UInt64
    let hotTable: UnsafePointer<HashSlot>
    let hotMask: Int
    let hotShift: UInt32
    /// Log probability of a character the dictionary lacks (jieba's frequency 1).
    public let defaultLogP: Float
    /// The median IDF, used for words the IDF table lacks.
    public let medianIDF: Float
    let hmm: HMMTables

    /// How the lexicon's bytes are held.
    public enum Residency: Sendable {
        /// Mapped from the file: nothing is read before it is used, so `analyze` on one small
        /// text answers at once.
        case mapped
        /// Read into memory on 2 MB pages: about 5 ms more to start, but the trie walk's random
        /// reads stop missing the page tables (4 KB pages of a 16 MB file), some 3-6% of a corpus run.
        case resident
    }

    /// Where the shipped lexicon comes from and how it is held: a value the caller passes (the
    /// driver, from its environment and the size of the run), not a process-wide preference.
    public struct Setup: Sendable, Equatable {
        /// A lexicon file to use instead of the bundle's (the driver passes `$ANALYZE_LEXICON`).
        public var path: String?
        public var residency: Residency

        public init(path: String? = nil, residency: Residency = .mapped) {
            self.path = path
            self.residency = residency
        }

        /// `ANALYZE_LEXICON` from `environment` (the driver's, like every other setting).
        public init(environment: [String: String], residency: Residency) {
            self.init(path: environment["ANALYZE_LEXICON"], residency: residency)
        }
    }

    /// The setup in force while analyzers are set up: `Lexicon.$setup.withValue(setup) { … }`
    /// around building a `Pipeline` (or a `Segmenter`) passes it down to `shipped()`.
    @TaskLocal public static var setup = Setup()

    /// The lexicon shipped with AnalyticsCore (or the setup's file), loaded once per process and
    /// file, on first use, and shared by every analyzer that segments. How it is held is decided
    /// by the setup of the first load.
    public static func shipped() throws(LoadError) -> Lexicon {
        try shared.lexicon(setup)
    }

    private static let shared = SharedLexicon()

    /// The loaded lexicons by file (analyzers are built concurrently in tests, hence the lock).
    private final class SharedLexicon: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: [String?: Result<Lexicon, LoadError>] = [:]

        func lexicon(_ setup: Setup) throws(LoadError) -> Lexicon {
            lock.lock()
            defer { lock.unlock() }
            if let done = loaded[setup.path] { return try done.get() }
            let result = Result { () throws(LoadError) -> Lexicon in
                let path: String
                if let given = setup.path { path = given } else { path = try Lexicon.locate() }
                return try Lexicon(path: path, residency: setup.residency)
            }
            loaded[setup.path] = result
            return try result.get()
        }
    }

    /// Finds the shipped lexicon: the resource bundle beside the running binary (where `swift
    /// build` and `scripts/install` put it).
    public static func locate() throws(LoadError) -> String {
        if let path = ResourceLocator.path(of: fileName, target: "AnalyticsCore") { return path }
        throw LoadError(message: "the word lexicon (\(bundleName)/\(fileName)) is not beside the analyze binary; install with scripts/install, or set ANALYZE_LEXICON to its path")
    }

    public init(path: String, residency: Residency = .mapped) throws(LoadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError(message: "cannot open the lexicon at \(path); check ANALYZE_LEXICON or reinstall with scripts/install") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 160 else { throw LoadError(message: "the lexicon at \(path) is empty or unreadable") }
        let size = Int(info.st_size)
        switch residency {
        case .mapped:
            guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
                throw LoadError(message: "cannot map the lexicon at \(path)")
            }
            (mapping, unmapBase, unmapSize) = (UnsafeRawPointer(pointer), pointer, size)
        case .resident:
            guard let region = Self.readOntoHugePages(descriptor, size: size) else {
                throw LoadError(message: "cannot read the lexicon at \(path)")
            }
            (mapping, unmapBase, unmapSize) = (UnsafeRawPointer(region.start), region.base, region.size)
        }

        var reader = Reader(base: mapping, size: size)
        guard reader.u32() == 0x584C_4E41, reader.u32() == 7 else { // "ANLX", version 7
            munmap(unmapBase, unmapSize)
            throw LoadError(message: "\(path) is not a lexicon of this version; rebuild it with scripts/build-lexicon.py")
        }
        nodeCount = Int(reader.u32())
        let edgeCount = Int(reader.u32())
        rootEdgeCount = Int(reader.u32())
        rootBase = reader.u32()
        rootCount = reader.u32()
        hashBits = reader.u32()
        hashMask = (1 << Int(hashBits)) - 1
        hashShift = 32 - hashBits
        let emitCounts = (0..<4).map { _ in Int(reader.u32()) }
        let start = (0..<4).map { _ in Double(reader.f32()) }
        let transitions = (0..<16).map { _ in Double(reader.f32()) }
        defaultLogP = reader.f32()
        medianIDF = reader.f32()
        nodeIDF = reader.array(Float.self, count: nodeCount)
        edges = reader.array(Edge.self, count: edgeCount)
        rootTable = reader.array(UInt32.self, count: Int(rootCount))
        reader.align(to: 8)
        hashTable = reader.array(HashSlot.self, count: 1 << Int(hashBits))
        var emissions: [(UnsafePointer<UInt32>, UnsafePointer<Float>, Int)] = []
        for count in emitCounts {
            emissions.append((reader.array(UInt32.self, count: count), reader.array(Float.self, count: count), count))
        }
        let namesLength = Int(reader.u32())
        let names = reader.array(UInt8.self, count: (namesLength + 3) / 4 * 4)
        nodeTags = reader.array(UInt8.self, count: (nodeCount + 3) / 4 * 4)
        pairBloomBits = reader.u32()
        pairBloomMask = UInt64(1) << UInt64(pairBloomBits) - 1
        let hotBits = reader.u32()
        pairBloom = reader.array(UInt32.self, count: (1 << Int(pairBloomBits)) / 32)
        reader.align(to: 8)
        hotTable = reader.array(HashSlot.self, count: 1 << Int(hotBits))
        hotMask = (1 << Int(hotBits)) - 1
        hotShift = 32 - hotBits
        guard reader.offset <= size else {
            munmap(unmapBase, unmapSize)
            throw LoadError(message: "the lexicon at \(path) is truncated; rebuild it with scripts/build-lexicon.py")
        }
        tagNames = String(decoding: UnsafeBufferPointer(start: names, count: namesLength), as: UTF8.self).split(separator: " ").map(String.init)
        hmm = HMMTables(start: start, transitions: transitions, emissions: emissions)
    }

    deinit {
        munmap(unmapBase, unmapSize)
    }

    /// `size` bytes of the file read into an anonymous region aligned to 2 MB and advised onto
    /// huge pages (transparent huge pages: a hint the kernel may decline, which costs nothing).
    private static func readOntoHugePages(_ descriptor: Int32, size: Int) -> (base: UnsafeMutableRawPointer, start: UnsafeMutableRawPointer, size: Int)? {
        let huge = 1 << 21
        let rounded = (size + huge - 1) / huge * huge
        guard let base = mmap(nil, rounded + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), base != MAP_FAILED else { return nil }
        let start = base + ((huge - Int(bitPattern: base) % huge) % huge)
        _ = madvise(start, rounded, MADV_HUGEPAGE)
        var done = 0
        while done < size {
            let got = pread(descriptor, start + done, size - done, off_t(done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                munmap(base, rounded + huge)
                return nil
            }
            done += got
        }
        return (base, start, rounded + huge)
    }

    /// The index of the root's edge for `scalar`, or nil.
    @inline(__always)
    func rootIndex(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value &- rootBase < rootCount {
            let entry = rootTable[Int(value &- rootBase)]
            return entry == 0 ? nil : Int(entry) - 1
        }
        return hashed(node: 0, value)
    }

    /// The index of the edge by `scalar` out of the node that edge `index` leads to (node
    /// index + 1), or nil: a scan for the few children most nodes have, the hash table for the rest.
    @inline(__always)
    func childIndex(of index: Int, _ scalar: Unicode.Scalar) -> Int? {
        let edge = edges[index]
        let value = scalar.value
        if edge.edgeCount > 8 { return hashed(node: UInt32(index + 1), value) }
        var low = Int(edge.firstEdge)
        let high = low + Int(edge.edgeCount)
        while low < high {
            let probe = edges[low].scalar
            if probe == value { return low }
            if probe > value { return nil }
            low += 1
        }
        return nil
    }

    /// The child by `scalar` of the root's edge `index` (the first step of every word), or nil:
    /// through the pair Bloom filter, then the hot pairs, then the big table.
    @inline(__always)
    func pairChild(of index: Int, _ scalar: Unicode.Scalar) -> Int? {
        let node = UInt32(index + 1), value = scalar.value
        var h = (UInt64(node) << 21 | UInt64(value)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        let mask = pairBloomMask
        let first = Int(h & mask), second = Int((h >> 32) & mask)
        guard pairBloom[first >> 5] & (1 << UInt32(first & 31)) != 0,
              pairBloom[second >> 5] & (1 << UInt32(second & 31)) != 0 else { return nil }
        guard edges[index].edgeCount > 8 else { return childIndex(of: index, scalar) }
        let hash = slotHash(node: node, value) // the same for both tables
        return lookUp(node: node, value, hash: hash, in: hotTable, shift: hotShift, mask: hotMask)
            ?? lookUp(node: node, value, hash: hash, in: hashTable, shift: hashShift, mask: hashMask)
    }

    /// Asks the cache for the slots `pairChild(of: index, scalar)` will read (a hint, no result).
    @inline(__always)
    func prefetchPair(of index: Int, _ scalar: Unicode.Scalar) {
        let hash = slotHash(node: UInt32(index + 1), scalar.value)
        analyze_prefetch(hotTable + Int(hash >> hotShift))
        analyze_prefetch(hashTable + Int(hash >> hashShift))
    }

    /// Asks the cache for edge `index`'s record, or for the first of its node's own edges.
    @inline(__always)
    func prefetchEdge(_ index: Int) { analyze_prefetch(edges + index) }

    /// Asks the cache for what `childIndex(of: index, scalar)` will read first: the hash slot
    /// of a node with many children, the start of the list of one with few.
    @inline(__always)
    func prefetchChild(of index: Int, _ scalar: Unicode.Scalar) {
        let edge = edges[index]
        if edge.edgeCount > 8 {
            analyze_prefetch(hashTable + Int(slotHash(node: UInt32(index + 1), scalar.value) >> hashShift))
        } else {
            analyze_prefetch(edges + Int(edge.firstEdge))
        }
    }

    @inline(__always)
    private func slotHash(node: UInt32, _ value: UInt32) -> UInt32 {
        let h = (node &* 0x9E37_79B1) ^ (value &* 0x85EB_CA77)
        return (h ^ (h >> 15)) &* 0x2C1B_3C6D
    }

    /// Looks up (node, scalar) in the hash table; the hash is the one scripts/build-lexicon.py uses.
    @inline(__always)
    private func hashed(node: UInt32, _ value: UInt32) -> Int? {
        lookUp(node: node, value, in: hashTable, shift: hashShift, mask: hashMask)
    }

    /// Linear probing for (node, scalar) in one of the slot tables (the big one or the hot pairs).
    @inline(__always)
    private func lookUp(node: UInt32, _ value: UInt32, in table: UnsafePointer<HashSlot>, shift: UInt32, mask: Int) -> Int? {
        lookUp(node: node, value, hash: slotHash(node: node, value), in: table, shift: shift, mask: mask)
    }

    /// The same with the slot hash computed already.
    @inline(__always)
    private func lookUp(node: UInt32, _ value: UInt32, hash: UInt32, in table: UnsafePointer<HashSlot>, shift: UInt32, mask: Int) -> Int? {
        let key = UInt64(node) | UInt64(value) << 20
        var slot = Int(hash >> shift)
        while true {
            let entry = table[slot]
            if entry == 0 { return nil }
            if entry & Self.slotKeyMask == key { return Int(entry >> 41) - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The index of the edge that ends a whole word's path, or nil.
    func edgeIndex<S: Sequence<Unicode.Scalar>>(for word: S) -> Int? {
        var index: Int? = nil
        for scalar in word {
            index = index.map { childIndex(of: $0, scalar) } ?? rootIndex(scalar)
            if index == nil { return nil }
        }
        return index
    }

    /// A stable number for a word the lexicon knows (as a word or a prefix of one), or nil:
    /// lets analyzers count words by integer instead of hashing strings.
    public func wordID(of word: ArraySlice<Unicode.Scalar>) -> Int? {
        edgeIndex(for: word)
    }

    /// The IDF of the word with `id` (see `wordID`), or nil when the table lacks it.
    public func idf(ofWordID id: Int) -> Float? {
        let value = nodeIDF[id + 1]
        return value.isNaN ? nil : value
    }

    /// The largest IDF a word can have (the table's largest, or the median given to words it
    /// lacks): a bound that lets keywords skip the IDF of terms too rare to make the top. A scan
    /// of the table, for an analyzer to do once.
    public func largestIDF() -> Float {
        var largest = medianIDF
        for node in 0..<nodeCount where nodeIDF[node] > largest { largest = nodeIDF[node] } // NaN compares false
        return largest
    }

    /// The tag of the word with `id` as a number: 0 for none, else 1 + its index in `tagNames`.
    /// Lets an analyzer map tags to its own classes with an array, not a String per word.
    @inline(__always)
    @inlinable // called per word from plugins: a call across modules costs more than the load
    public func tagCode(ofWordID id: Int) -> Int {
        Int(nodeTags[id + 1])
    }

    /// jieba's part-of-speech tag of the word with `id` (n, v, vn, a, d, nr, ns…), or nil.
    public func tag(ofWordID id: Int) -> String? {
        let code = Int(nodeTags[id + 1])
        return code == 0 ? nil : tagNames[code - 1]
    }

    /// The dictionary log probability of `word`, or nil if the dictionary lacks it.
    public func logProbability(of word: String) -> Float? {
        logProbability(of: word.unicodeScalars)
    }

    /// The same for a word given by its scalars (a slice of a document: no String to build).
    public func logProbability(of word: some Sequence<Unicode.Scalar>) -> Float? {
        guard let index = edgeIndex(for: word), !edges[index].logP.isNaN else { return nil }
        return edges[index].logP
    }

    /// The dictionary log probability of the word with `id` (see `wordID`), or nil when `id` is
    /// only a prefix of words.
    public func logProbability(ofWordID id: Int) -> Float? {
        let value = edges[id].logP
        return value.isNaN ? nil : value
    }

    /// The IDF of `word` from the shipped table, or nil.
    public func idf(of word: some Sequence<Unicode.Scalar>) -> Float? {
        guard let index = edgeIndex(for: word) else { return nil }
        let value = nodeIDF[index + 1]
        return value.isNaN ? nil : value
    }
}

/// Reads the mapped file's sections in order.
private struct Reader {
    let base: UnsafeRawPointer
    let size: Int
    var offset = 4

    init(base: UnsafeRawPointer, size: Int) {
        self.base = base
        self.size = size
        offset = 0
    }

    mutating func u32() -> UInt32 {
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func f32() -> Float { Float(bitPattern: u32()) }

    mutating func align(to alignment: Int) { offset = (offset + alignment - 1) / alignment * alignment }

    mutating func array<T>(_ type: T.Type, count: Int) -> UnsafePointer<T> {
        defer { offset += count * MemoryLayout<T>.stride }
        return (base + min(offset, size)).assumingMemoryBound(to: T.self)
    }
}

/// The hidden Markov model over states B (begin), M (middle), E (end), S (single) that finds
/// words in runs of characters the dictionary leaves single.
struct HMMTables: @unchecked Sendable {
    static let missing = -3.14e100
    let start: [Double]
    /// transitions[from * 4 + to]
    let transitions: [Double]
    let emissions: [(scalars: UnsafePointer<UInt32>, logP: UnsafePointer<Float>, count: Int)]

    /// Emissions of the CJK unified ideographs block as a dense table, character-major: the HMM
    /// looks up all four states of a character at once (one cache line), and a binary search each
    /// was a visible share of segmentation time.
    private let dense: [Double]
    private static let denseBase: UInt32 = 0x4E00
    private static let denseCount = 0xA000 - 0x4E00

    init(start: [Double], transitions: [Double], emissions: [(UnsafePointer<UInt32>, UnsafePointer<Float>, Int)]) {
        self.start = start.map { $0 <= -1e29 ? Self.missing : $0 }
        self.transitions = transitions.map { $0 <= -1e29 ? Self.missing : $0 }
        self.emissions = emissions.map { (scalars: $0.0, logP: $0.1, count: $0.2) }
        var dense = [Double](repeating: Self.missing, count: 4 * Self.denseCount)
        for (state, table) in emissions.enumerated() {
            for index in 0..<table.2 where table.0[index] &- Self.denseBase < UInt32(Self.denseCount) {
                dense[Int(table.0[index] - Self.denseBase) * 4 + state] = Double(table.1[index])
            }
        }
        self.dense = dense
    }

    @inline(__always)
    func emission(_ state: Int, _ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value &- Self.denseBase < UInt32(Self.denseCount) {
            return dense[Int(value - Self.denseBase) * 4 + state]
        }
        let table = emissions[state]
        var low = 0, high = table.count
        while low < high {
            let mid = (low + high) >> 1
            let probe = table.scalars[mid]
            if probe == value { return Double(table.logP[mid]) }
            if probe < value { low = mid + 1 } else { high = mid }
        }
        return Self.missing
    }
}
