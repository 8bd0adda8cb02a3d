/// A contextual part-of-speech tagger: the class of one word from the text around it (发展 is a
/// verb in 加快发展 and a noun in 经济的发展). An averaged perceptron trained by
/// `scripts/train-tagger.py` on the UD Chinese-GSDSimp dev treebank; its features are computed
/// here exactly as there (the same hashes), from the scalars alone:
/// the word, its dictionary tag, first and last character, length and script; the neighbours
/// (the longest dictionary word of up to 4 characters ending where the word starts, and starting
/// where it ends) and their tags. No predicted tags are features, so a word can be asked for alone,
/// without tagging its sentence: an analyzer pays only for the words it asks about.
public struct PartOfSpeechTagger: Sendable {
    public let lexicon: Lexicon
    public let model: PartOfSpeechModel

    public init(lexicon: Lexicon, model: PartOfSpeechModel) {
        self.lexicon = lexicon
        self.model = model
    }

    /// The shipped model over `lexicon`, or nil when the model is not beside the binary.
    public static func shipped(lexicon: Lexicon) -> PartOfSpeechTagger? {
        PartOfSpeechModel.shipped().map { PartOfSpeechTagger(lexicon: lexicon, model: $0) }
    }

    public struct Guess: Sendable, Equatable {
        public let partOfSpeech: PartOfSpeech
        /// How far the best class's score is ahead of the next one's, in the model's int8 units
        /// (summed over the features): small margins are guesses.
        public let margin: Int
    }

    /// The class of the word at `range` of `scalars`, read in its context.
    /// `tagCode`, when the caller has it, is the word's `Lexicon.tagCode` (0 when not a word).
    public func classify(_ range: Range<Int>, in scalars: [Unicode.Scalar], tagCode: Int? = nil) -> Guess {
        precondition(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= scalars.count)
        let word = scalars[range]
        let wordKey = Self.fnv(word)
        let tag = tagCode.map { UInt32($0) } ?? dictionaryTag(word) ?? 0
        let first = word.first!.value, last = word.last!.value
        let before = neighbourBefore(range.lowerBound, scalars)
        let after = neighbourAfter(range.upperBound, scalars)
        let length = UInt32(min(word.count, 4))
        let features: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
                       UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            Self.feature(1), Self.feature(2, wordKey), Self.feature(3, tag), Self.feature(4, first), Self.feature(5, last),
            Self.feature(6, length, tag), Self.feature(7, before.key), Self.feature(8, before.tag), Self.feature(9, after.key),
            Self.feature(10, after.tag), Self.feature(11, before.tag, tag), Self.feature(12, tag, after.tag),
            Self.feature(13, before.tag, tag, after.tag), Self.feature(14, before.key, wordKey), Self.feature(15, wordKey, after.key),
            Self.feature(16, last, tag), Self.feature(17, Self.kind(word.first!)), Self.feature(18, first, tag),
            Self.feature(19, before.tag, wordKey), Self.feature(20, wordKey, after.tag))
        // Scores on the stack: a word asked about costs no allocation.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: model.classes.count) { scores in
            scores.initialize(repeating: 0)
            model.keys.withUnsafeBufferPointer { keys in
                model.rowOffsets.withUnsafeBufferPointer { rowOffsets in
                    model.weights.withUnsafeBufferPointer { weights in
                        withUnsafeBytes(of: features) { raw in
                            for feature in raw.bindMemory(to: UInt32.self) { add(feature, to: scores, keys, rowOffsets, weights) }
                        }
                    }
                }
            }
            var best = 0
            for index in 1..<scores.count where scores[index] > scores[best] { best = index }
            var second = Int32.min
            for index in scores.indices where index != best { second = max(second, scores[index]) }
            return Guess(partOfSpeech: model.classes[best], margin: Int(scores[best]) - Int(second))
        }
    }

    /// The class of each token, one at a time (a convenience: the features read the scalars, not the tokens).
    public func tags(of tokens: [Token], in scalars: [Unicode.Scalar]) -> [PartOfSpeech] {
        tokens.map { classify($0.start..<$0.end, in: scalars).partOfSpeech }
    }

    @inline(__always)
    private func add(_ feature: UInt32, to scores: UnsafeMutableBufferPointer<Int32>, _ keys: UnsafeBufferPointer<UInt32>,
                     _ rowOffsets: UnsafeBufferPointer<Int32>, _ weights: UnsafeBufferPointer<Int8>) {
        let mask = keys.count &- 1
        var slot = Int(feature >> (32 - model.tableBits))
        while true {
            let key = keys[slot]
            if key == 0 { return }
            if key == feature { break }
            slot = (slot &+ 1) & mask
        }
        // The row is inside `weights`: checked when the model was read.
        let row = weights.baseAddress.unsafelyUnwrapped + Int(rowOffsets[slot])
        let sums = scores.baseAddress.unsafelyUnwrapped
        for index in 0..<scores.count { sums[index] &+= Int32(row[index]) }
    }

    // MARK: Features (as scripts/train-tagger.py)

    /// The tag code of a dictionary word (`Lexicon.tagCode`), or nil when it is not a word.
    private func dictionaryTag(_ word: ArraySlice<Unicode.Scalar>) -> UInt32? {
        guard let id = edge(of: word), lexicon.logProbability(ofWordID: id) != nil else { return nil }
        return UInt32(lexicon.tagCode(ofWordID: id))
    }

    /// `Lexicon.wordID(of:)`, with the second step through the pair filter and hot table, as the
    /// segmenter takes it: most words asked about (neighbours of 2 to 4 characters) are not words.
    private func edge(of word: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = word.startIndex
        guard index < word.endIndex, var edge = lexicon.rootIndex(word[index]) else { return nil }
        index += 1
        if index < word.endIndex {
            guard let next = lexicon.pairChild(of: edge, word[index]) else { return nil }
            edge = next
            index += 1
        }
        while index < word.endIndex {
            guard let next = lexicon.childIndex(of: edge, word[index]) else { return nil }
            edge = next
            index += 1
        }
        return edge
    }

    static let boundary: UInt32 = 0xFFFF_FF00
    static let digit: UInt32 = 0xFFFF_FF01
    static let latin: UInt32 = 0xFFFF_FF02
    static let nonHanTag: UInt32 = 254

    private func neighbourBefore(_ start: Int, _ scalars: [Unicode.Scalar]) -> (key: UInt32, tag: UInt32) {
        guard start > 0 else { return (Self.boundary, Self.nonHanTag) }
        if let key = Self.nonHanKey(scalars[start - 1]) { return (key, Self.nonHanTag) }
        for length in stride(from: 4, through: 2, by: -1) where start - length >= 0 {
            let word = scalars[(start - length)..<start]
            if word.allSatisfy(Self.isHan), let tag = dictionaryTag(word) { return (Self.fnv(word), tag) }
        }
        let single = scalars[(start - 1)..<start]
        return (Self.fnv(single), dictionaryTag(single) ?? 0)
    }

    private func neighbourAfter(_ end: Int, _ scalars: [Unicode.Scalar]) -> (key: UInt32, tag: UInt32) {
        guard end < scalars.count else { return (Self.boundary, Self.nonHanTag) }
        if let key = Self.nonHanKey(scalars[end]) { return (key, Self.nonHanTag) }
        // One walk down the trie: the longest Han word of 2 to 4 characters starting at `end`.
        var longest = 1, longestTag: UInt32 = 0
        var edge = lexicon.rootIndex(scalars[end])
        if let first = edge, lexicon.logProbability(ofWordID: first) != nil { longestTag = UInt32(lexicon.tagCode(ofWordID: first)) }
        var length = 1
        while let current = edge, length < 4, end + length < scalars.count, Self.isHan(scalars[end + length]) {
            edge = length == 1 ? lexicon.pairChild(of: current, scalars[end + 1]) : lexicon.childIndex(of: current, scalars[end + length])
            length += 1
            if let next = edge, lexicon.logProbability(ofWordID: next) != nil {
                longest = length
                longestTag = UInt32(lexicon.tagCode(ofWordID: next))
            }
        }
        return (Self.fnv(scalars[end..<(end + longest)]), longestTag)
    }

    /// A context that is not a Han character: sentence ends and line breaks as the text's edge,
    /// digits and Latin letters as one key each, anything else as itself.
    static func nonHanKey(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "。", "！", "？", "\n", "\r": return boundary
        default:
            switch kind(scalar) {
            case 0: return nil
            case 1: return digit
            case 2: return latin
            default: return scalar.value
            }
        }
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FFFF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// 0 Han, 1 digit, 2 Latin letter, 3 anything else (Python's isdigit and isalpha, as the script).
    static func kind(_ scalar: Unicode.Scalar) -> UInt32 {
        if isHan(scalar) { return 0 }
        // Most of what is not Han is ASCII or CJK punctuation: Unicode properties are slow to read.
        switch scalar.value {
        case 0x30...0x39, 0xFF10...0xFF19: return 1
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF5A: return 2
        case 0...0x7F, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFF65: return 3
        default: break
        }
        if scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit { return 1 }
        if scalar.isASCII && scalar.properties.isAlphabetic || (0xFF21...0xFF5A).contains(scalar.value) { return 2 }
        return 3
    }

    static let basis: UInt32 = 0x811C_9DC5

    /// FNV-1a over whole 32-bit values (the script's `fnv`).
    @inline(__always) static func step(_ hash: UInt32, _ value: UInt32) -> UInt32 { (hash ^ value) &* 0x0100_0193 }

    static func fnv(_ word: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var hash = basis
        for scalar in word { hash = step(hash, scalar.value) }
        return hash
    }

    /// A feature's key: its template number and values, hashed and mixed (the script's `fmix`);
    /// never 0, which marks an empty slot. Fixed arities: no array per feature.
    @inline(__always) static func mixed(_ value: UInt32) -> UInt32 {
        var hash = value
        hash ^= hash >> 16
        hash = hash &* 0x85EB_CA6B
        hash ^= hash >> 13
        hash = hash &* 0xC2B2_AE35
        hash ^= hash >> 16
        return hash == 0 ? 1 : hash
    }

    static func feature(_ template: UInt32) -> UInt32 { mixed(step(basis, template)) }
    static func feature(_ template: UInt32, _ a: UInt32) -> UInt32 { mixed(step(step(basis, template), a)) }
    static func feature(_ template: UInt32, _ a: UInt32, _ b: UInt32) -> UInt32 { mixed(step(step(step(basis, template), a), b)) }
    static func feature(_ template: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
        mixed(step(step(step(step(basis, template), a), b), c))
    }
}
