import Foundation

/// How often each term occurs in a reference corpus (the genre a document is compared with, for
/// keyness) and in how many of its documents: a tab-separated table, `term<TAB>count<TAB>documents`
/// a line (documents optional), after two header lines
/// `#tokens<TAB>N` (all term tokens of the reference) and `#documents<TAB>M`. Terms are kept by a
/// 64-bit hash of their characters, so a document's terms are looked up from their spans without
/// building a String each; the table is never enumerated.
public struct ReferenceFrequencies: Sendable {
    /// Term tokens in the reference (the denominator of its rates).
    public let tokens: Int
    public let documents: Int
    private var table: PairTable
    /// Documents containing each term, by the same keys (absent: unknown, taken as 0).
    private var spread: PairTable
    public var count: Int { table.count }

    public init(tokens: Int, documents: Int, counts: some Sequence<(term: String, count: Int, documents: Int)>) {
        self.tokens = tokens
        self.documents = documents
        table = PairTable(capacity: 1024)
        spread = PairTable(capacity: 1024)
        for (term, count, documents) in counts where count > 0 {
            let key = Self.hash(Array(term.unicodeScalars)[...])
            _ = table.value(for: key) { Int32(clamping: count) }
            _ = spread.value(for: key) { Int32(clamping: documents) }
        }
    }

    /// Parses the table format (see above).
    public init(tsv bytes: [UInt8]) throws(AnalyzerSetupError) {
        var tokens = 0, documents = 0
        var table = PairTable(capacity: bytes.count / 12 + 64), spread = PairTable(capacity: bytes.count / 12 + 64)
        var lineStart = 0
        var scalars: [Unicode.Scalar] = []
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
                    scalars.removeAll(keepingCapacity: true)
                    scalars.append(contentsOf: String(decoding: name, as: UTF8.self).unicodeScalars)
                    let key = Self.hash(scalars[...])
                    _ = table.value(for: key) { Int32(clamping: number) }
                    _ = spread.value(for: key) { Int32(clamping: spreadCount) }
                }
            }
            lineStart = lineEnd + 1
        }
        guard tokens > 0 else { throw AnalyzerSetupError("the reference table has no '#tokens<TAB>N' line") }
        self.tokens = tokens
        self.documents = documents
        self.table = table
        self.spread = spread
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
        Int(table.lookup(Self.hash(term)) ?? 0)
    }

    public func count(of term: String) -> Int { count(of: Array(term.unicodeScalars)[...]) }

    /// The number of reference documents containing the term (0 when absent or not recorded).
    public func documents(containing term: ArraySlice<Unicode.Scalar>) -> Int {
        Int(spread.lookup(Self.hash(term)) ?? 0)
    }

    public func documents(containing term: String) -> Int { documents(containing: Array(term.unicodeScalars)[...]) }

    /// FNV-1a over the scalar values, never the table's empty marker.
    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01B3 }
        return hash & 0x7FFF_FFFF_FFFF_FFFF
    }

}
