import Foundation
import MemoryHints

/// How often each term occurs in a reference corpus (the genre a document is compared with, for
/// keyness) and in how many of its documents: a tab-separated table, `term<TAB>count<TAB>documents`
/// a line (documents optional), after two header lines (the documents' line must come before the terms)
/// `#tokens<TAB>N` (all term tokens of the reference) and `#documents<TAB>M`. Terms are kept by a
/// 64-bit hash of their characters, so a document's terms are looked up from their spans without
/// building a String each; the table is never enumerated.
public struct ReferenceFrequencies: Sendable {
    /// Term tokens in the reference (the denominator of its rates).
    public let tokens: Int
    public let documents: Int
    /// Each term's count (up to 2^23 - 1) and the share of documents containing it (in 255ths)
    /// in one Int32: a look-up is one probe.
    private var table: PairTable
    /// Or, for the binary form, keys sorted with their values (binary search: nothing to build).
    private var sortedKeys: [UInt64] = []
    private var sortedValues: [Int32] = []
    /// Where each run of keys with the same top `bucketBits` bits starts in `sortedKeys` (a few
    /// keys each, as keys are hashes): a look-up reads this small table, then a line of keys,
    /// instead of a binary search's cache misses. Built in one pass at load.
    private var bucketStarts: [UInt32] = []
    private var bucketShift: UInt64 = 63
    public var count: Int { sortedKeys.isEmpty ? table.count : sortedKeys.count }

    /// The binary form (`scripts/build-reference.py` writes it; the shipped table is one): the
    /// magic `AKREF1\0\0`, then little-endian u64 tokens, documents and entry count, then the
    /// entries sorted by key, each a u64 key (`hash` of the term's scalars) and an i32 value (count
    /// << 8 | share of documents in 255ths) and 4 bytes of padding.
    public static let binaryMagic = Array("AKREF1\0\0".utf8)

    public init(binary bytes: [UInt8]) throws(AnalyzerSetupError) {
        guard bytes.count >= 32, Array(bytes[0..<8]) == Self.binaryMagic else { throw AnalyzerSetupError("not a binary reference table") }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
        let entries = Int(u64(24))
        guard bytes.count == 32 + entries * 16, u64(8) > 0 else { throw AnalyzerSetupError("the binary reference table is damaged") }
        tokens = Int(u64(8))
        documents = Int(u64(16))
        table = PairTable(capacity: 0)
        var keys = [UInt64](repeating: 0, count: entries), values = [Int32](repeating: 0, count: entries)
        bytes.withUnsafeBytes { raw in
            for index in 0..<entries {
                keys[index] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 32 + index * 16, as: UInt64.self))
                values[index] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 40 + index * 16, as: Int32.self))
            }
        }
        guard keys.indices.dropFirst().allSatisfy({ keys[$0 - 1] <= keys[$0] }) else { throw AnalyzerSetupError("the binary reference table is not sorted") }
        sortedKeys = keys
        sortedValues = values
        // About four keys a bucket.
        var bits = 0
        while bits < 30 && (1 << (bits + 2)) < entries { bits += 1 }
        bucketShift = UInt64(63 - bits)
        var starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
        var at = 0
        for bucket in 0...(1 << bits) {
            while at < entries && Int(keys[at] >> bucketShift) < bucket { at += 1 }
            starts[bucket] = UInt32(at)
        }
        bucketStarts = starts
    }

    private func lookup(_ key: UInt64) -> Int32? {
        guard !sortedKeys.isEmpty else { return table.lookup(key) }
        let bucket = Int(key >> bucketShift)
        var at = Int(bucketStarts[bucket])
        let end = Int(bucketStarts[bucket + 1])
        while at < end {
            if sortedKeys[at] == key { return sortedValues[at] }
            at += 1
        }
        return nil
    }

    /// Asks the cache for what a look-up of `term` reads (a hint, no result): a caller about to
    /// look up many terms asks a few ahead, so their cache misses overlap.
    public func prefetch(_ term: ArraySlice<Unicode.Scalar>) {
        guard !sortedKeys.isEmpty else { return }
        let at = Int(bucketStarts[Int(Self.hash(term) >> bucketShift)])
        guard at < sortedKeys.count else { return }
        sortedKeys.withUnsafeBufferPointer { analyze_prefetch($0.baseAddress! + at) }
        sortedValues.withUnsafeBufferPointer { analyze_prefetch($0.baseAddress! + at) }
    }

    private static func pack(count: Int, documents: Int, of total: Int) -> Int32 {
        let share = total > 0 ? min(255, (documents * 255 + total / 2) / total) : 0
        return Int32(min(count, 0x7F_FFFF)) << 8 | Int32(share)
    }

    public init(tokens: Int, documents: Int, counts: some Sequence<(term: String, count: Int, documents: Int)>) {
        self.tokens = tokens
        self.documents = documents
        table = PairTable(capacity: 1024)
        for (term, count, spread) in counts where count > 0 {
            let key = Self.hash(Array(term.unicodeScalars)[...])
            _ = table.value(for: key) { Self.pack(count: count, documents: spread, of: documents) }
        }
    }

    /// Parses the table format (see above): one pass over the bytes, no String per line (it is
    /// read at start-up, 27,000 lines).
    public init(tsv bytes: [UInt8]) throws(AnalyzerSetupError) {
        var tokens = 0, documents = 0
        var table = PairTable(capacity: bytes.count / 12 + 64)
        bytes.withUnsafeBufferPointer { text in
            var lineStart = 0
            while lineStart < text.count {
                var tab = -1, secondTab = -1, lineEnd = lineStart
                while lineEnd < text.count && text[lineEnd] != 0x0A {
                    if text[lineEnd] == 0x09 { if tab < 0 { tab = lineEnd } else if secondTab < 0 { secondTab = lineEnd } }
                    lineEnd += 1
                }
                var end = lineEnd
                if end > lineStart && text[end - 1] == 0x0D { end -= 1 }
                if tab > lineStart {
                    let number = Self.integer(text, (tab + 1)..<(secondTab >= 0 ? secondTab : end))
                    if text[lineStart] == 0x23 { // #tokens, #documents, or a comment
                        let name = Array(text[lineStart..<tab])
                        if name == Array("#tokens".utf8) { tokens = number ?? 0 } else if name == Array("#documents".utf8) { documents = number ?? 0 }
                    } else if let number, number > 0 {
                        let spread = secondTab >= 0 ? Self.integer(text, (secondTab + 1)..<end) ?? 0 : 0
                        let key = Self.hash(utf8: text, lineStart..<tab)
                        _ = table.value(for: key) { Self.pack(count: number, documents: spread, of: documents) }
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        guard tokens > 0 else { throw AnalyzerSetupError("the reference table has no '#tokens<TAB>N' line") }
        self.tokens = tokens
        self.documents = documents
        self.table = table
    }

    /// A decimal integer in ASCII digits, spaces around it allowed.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0, digits = 0
        for index in range {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 {
                value = value &* 10 &+ Int(byte - 0x30)
                digits += 1
            } else if byte != 0x20 {
                return nil
            }
        }
        return digits > 0 && digits < 19 ? value : nil
    }

    /// `hash` of the scalars that well-formed UTF-8 `bytes` encode, without decoding them into a
    /// String (start-up reads some 27,000 terms).
    static func hash(utf8 bytes: ArraySlice<UInt8>) -> UInt64 {
        Array(bytes).withUnsafeBufferPointer { hash(utf8: $0, 0..<$0.count) }
    }

    static func hash(utf8 bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            var value = UInt32(lead), length = 1
            if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 } else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 } else if lead >= 0xC0 { value = UInt32(lead & 0x1F); length = 2 }
            for offset in 1..<length where index + offset < range.upperBound { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
            index += length
        }
        return hash & 0x7FFF_FFFF_FFFF_FFFF
    }

    /// Reads a table file.
    public static func load(path: String) throws(AnalyzerSetupError) -> ReferenceFrequencies {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("cannot read the reference table '\(path)'")
        }
        do {
            let bytes = Array(data)
            if bytes.starts(with: binaryMagic) { return try ReferenceFrequencies(binary: bytes) }
            return try ReferenceFrequencies(tsv: bytes)
        } catch {
            throw AnalyzerSetupError("the reference table '\(path)': \(error.message)")
        }
    }

    /// The reference count of the term with these characters (0 when absent).
    public func count(of term: ArraySlice<Unicode.Scalar>) -> Int {
        Int((lookup(Self.hash(term)) ?? 0) >> 8)
    }

    /// The term's count and the share of reference documents containing it (0…1, in 255ths), in one probe.
    public func entry(of term: ArraySlice<Unicode.Scalar>) -> (count: Int, share: Double) {
        let value = lookup(Self.hash(term)) ?? 0
        return (Int(value >> 8), Double(value & 0xFF) / 255)
    }

    public func count(of term: String) -> Int { count(of: Array(term.unicodeScalars)[...]) }

    /// The share of reference documents containing the term (0 when absent or not recorded), to 1/255.
    public func share(containing term: ArraySlice<Unicode.Scalar>) -> Double { entry(of: term).share }

    public func share(containing term: String) -> Double { share(containing: Array(term.unicodeScalars)[...]) }

    /// FNV-1a over the scalar values, never the table's empty marker.
    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01B3 }
        return hash & 0x7FFF_FFFF_FFFF_FFFF
    }

}
