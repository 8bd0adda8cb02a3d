import Foundation

/// The universal part-of-speech classes (UD's UPOS) and CLF, a measure word (UD tags those NOUN
/// with the relation clf): what `PartOfSpeechTagger` tells apart.
public enum PartOfSpeech: UInt8, Sendable, CaseIterable {
    case noun, verb, adjective, adverb, adposition, auxiliary, coordinatingConjunction, subordinatingConjunction,
         particle, pronoun, determiner, numeral, classifier, properNoun, punctuation, symbol, other, interjection

    /// The UPOS name (CLF for the measure word), as in the model file.
    public var name: String {
        switch self {
        case .noun: "NOUN"
        case .verb: "VERB"
        case .adjective: "ADJ"
        case .adverb: "ADV"
        case .adposition: "ADP"
        case .auxiliary: "AUX"
        case .coordinatingConjunction: "CCONJ"
        case .subordinatingConjunction: "SCONJ"
        case .particle: "PART"
        case .pronoun: "PRON"
        case .determiner: "DET"
        case .numeral: "NUM"
        case .classifier: "CLF"
        case .properNoun: "PROPN"
        case .punctuation: "PUNCT"
        case .symbol: "SYM"
        case .other: "X"
        case .interjection: "INTJ"
        }
    }

    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }
}

/// The weights of the averaged perceptron that `scripts/train-tagger.py` writes
/// (Resources/pos-tagger.bin, layout documented there): a hash table from feature to a row of
/// int8 weights, one per class. Derived from UD Chinese-GSDSimp, CC BY-SA 4.0 (see NOTICE).
public struct PartOfSpeechModel: Sendable {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static let fileName = "pos-tagger.bin"

    /// The classes in the file's order: a row's i-th weight is for `classes[i]`.
    public let classes: [PartOfSpeech]
    /// The file's own statement of its source and licence (CC BY-SA 4.0).
    public let note: String
    let tableBits: UInt32
    let keys: [UInt32]
    /// Each slot's row, already multiplied by the class count: the offset of its weights.
    let rowOffsets: [Int32]
    let weights: [Int8]

    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(description: "cannot read the tagger model at \(path)") }
        try self.init(data: data, path: path)
    }

    init(data: Data, path: String) throws(LoadError) {
        let bytes = [UInt8](data)
        let rows: [Int32]
        func u32(_ offset: Int) -> UInt32 {
            guard offset + 4 <= bytes.count else { return 0 }
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        guard bytes.count >= 24, bytes[0..<4].elementsEqual("APOS".utf8), u32(4) == 1 else {
            throw LoadError(description: "\(path) is not a tagger model of this version; rebuild it with scripts/train-tagger.py")
        }
        let classCount = Int(u32(8))
        tableBits = u32(12)
        let namesLength = Int(u32(20))
        var offset = 24
        guard tableBits >= 1, tableBits <= 24, offset + namesLength <= bytes.count else {
            throw LoadError(description: "the tagger model at \(path) is damaged")
        }
        let names = String(decoding: bytes[offset..<(offset + namesLength)], as: UTF8.self).split(separator: " ").map(String.init)
        offset += (namesLength + 3) / 4 * 4
        let noteLength = Int(u32(offset))
        offset += 4
        guard offset + noteLength <= bytes.count else { throw LoadError(description: "the tagger model at \(path) is damaged") }
        note = String(decoding: bytes[offset..<(offset + noteLength)], as: UTF8.self)
        offset += (noteLength + 3) / 4 * 4
        let found = names.compactMap { PartOfSpeech(name: $0) }
        guard found.count == classCount, names.count == classCount else {
            throw LoadError(description: "the tagger model at \(path) names classes this build does not know")
        }
        classes = found
        let size = 1 << Int(tableBits)
        let keysEnd = offset + 4 * size, rowsEnd = keysEnd + 2 * size
        guard rowsEnd <= bytes.count, (bytes.count - rowsEnd) % classCount == 0 else {
            throw LoadError(description: "the tagger model at \(path) is truncated; rebuild it with scripts/train-tagger.py")
        }
        // Read with plain loads (the file is little endian, as every machine this runs on): a map of
        // closures over 250 KB cost a millisecond of the cold start.
        let tableStart = offset
        (keys, rows, weights) = bytes.withUnsafeBytes { raw in
            let keys = [UInt32](unsafeUninitializedCapacity: size) { buffer, count in
                for slot in 0..<size { buffer[slot] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: tableStart + 4 * slot, as: UInt32.self)) }
                count = size
            }
            let rows = [Int32](unsafeUninitializedCapacity: size) { buffer, count in
                for slot in 0..<size { buffer[slot] = Int32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: keysEnd + 2 * slot, as: UInt16.self))) }
                count = size
            }
            let weights = [Int8](unsafeUninitializedCapacity: raw.count - rowsEnd) { buffer, count in
                for index in 0..<(raw.count - rowsEnd) { buffer[index] = Int8(bitPattern: raw[rowsEnd + index]) }
                count = raw.count - rowsEnd
            }
            return (keys, rows, weights)
        }
        let rowCount = weights.count / classCount
        var offsets = [Int32](repeating: 0, count: size)
        for slot in 0..<size where keys[slot] != 0 {
            guard Int(rows[slot]) < rowCount else { throw LoadError(description: "the tagger model at \(path) is damaged") }
            offsets[slot] = rows[slot] * Int32(classCount)
        }
        rowOffsets = offsets
    }

    /// The model shipped with AnalyticsCore, read once per process on first use; nil when it is
    /// not beside the binary (callers fall back to the lexicon's tags).
    public static func shipped() -> PartOfSpeechModel? { shared.value }

    private static let shared = OnceValue<PartOfSpeechModel?> {
        guard let path = ResourceLocator.path(of: fileName, target: "AnalyticsCore") else { return nil }
        return try? PartOfSpeechModel(path: path)
    }
}
