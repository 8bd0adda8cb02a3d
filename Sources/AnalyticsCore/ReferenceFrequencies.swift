import Foundation

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
    public var count: Int { table.count }

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

    /// Parses the table format (see above).
    public init(tsv bytes: [UInt8]) throws(AnalyzerSetupError) {
        var tokens = 0, documents = 0
        var table = PairTable(capacity: bytes.count / 12 + 64)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if let tab = bytes[lineStart..<end].firstIndex(of: 0x09) {
                let secondTab = bytes[(tab + 1)..<end].firstIndex(of: 0x09)
                let number = Self.integer(bytes[(tab + 1)..<(secondTab ?? end)])
                let spreadCount = secondTab.flatMap { Self.integer(bytes[($0 + 1)..<end]) } ?? 0
                let name = bytes[lineStart..<tab]
                if name.elementsEqual("#tokens".utf8) {
                    tokens = number ?? 0
                } else if name.elementsEqual("#documents".utf8) {
                    documents = number ?? 0
                } else if bytes[lineStart] != 0x23, let number, number > 0 {
                    let key = Self.hash(utf8: name)
                    _ = table.value(for: key) { Self.pack(count: number, documents: spreadCount, of: documents) }
                }
            }
            lineStart = lineEnd + 1
        }
        guard tokens > 0 else { throw AnalyzerSetupError("the reference table has no '#tokens<TAB>N' line") }
        self.tokens = tokens
        self.documents = documents
        self.table = table
    }

    /// A decimal integer in ASCII digits, spaces around it allowed.
    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0, digits = 0
        for byte in bytes {
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
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            var value = UInt32(lead), length = 1
            if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 } else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 } else if lead >= 0xC0 { value = UInt32(lead & 0x1F); length = 2 }
            for offset in 1..<length where index + offset < bytes.endIndex { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
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
            return try ReferenceFrequencies(tsv: Array(data))
        } catch {
            throw AnalyzerSetupError("the reference table '\(path)': \(error.message)")
        }
    }

    /// The reference count of the term with these characters (0 when absent).
    public func count(of term: ArraySlice<Unicode.Scalar>) -> Int {
        Int((table.lookup(Self.hash(term)) ?? 0) >> 8)
    }

    /// The term's count and the share of reference documents containing it (0…1, in 255ths), in one probe.
    public func entry(of term: ArraySlice<Unicode.Scalar>) -> (count: Int, share: Double) {
        let value = table.lookup(Self.hash(term)) ?? 0
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
