import AnalyticsCore

/// A document's candidate terms: segmented words, the phrases term discovery finds in it
/// (高质量发展, 新质生产力, 问需于民 as one term each, their parts counted only outside them), "X+"
/// formulations (人工智能+), and words the segmenter cut off a bound character (投行 from 亚投行)
/// taken whole or left out. The same counting builds the reference table, so a document's terms
/// and the reference's are the same units.
struct KeywordTerms: Sendable {
    let segmenter: Segmenter
    let stopWords: Set<String>
    /// The stop words the lexicon knows, by word id.
    let stopWordIDs: WordIDTable
    /// The Han ones it lacks: only these can be a word token the lexicon lacks (mostly none, so
    /// a guessed word builds no String to be looked up).
    let unknownStopWords: Set<String>
    /// Their first characters: a guess starting with another builds no String at all.
    let unknownStopFirsts: ScalarSet
    /// Single characters that stand free (function words, affixes): see `FreeCharacters`.
    let freeCharacterIDs: WordIDTable
    let allowSingles: Bool
    /// nil: no term discovery (`keywords.discover=false`).
    let discovery: TermDiscovery?

    /// The user's words (keywords.dict, keywords.words): keywords whatever their characters.
    let userWords: Set<String>
    /// Titles of office the lexicon knows, by word id (`Titles`).
    let titleIDs: WordIDTable

    /// By tag code (`Lexicon.tagCode`): may start a phrase, end one, be a keyword alone, is a verb.
    let tagFlags: [TagFlags]
    /// By tag code: a place name by the lexicon (ns: 松岭, 周至), the first part of 松岭县.
    let placeTags: [Bool]
    /// By tag code: an adverb (d, vd, ad: 持续, 总体上) or a plain adjective (a: 平稳), the parts of
    /// speech that make a run of words a clause (`isClause`).
    let adverbTags: [Bool], adjectiveTags: [Bool]
    /// By tag code: a numeral word (m: 八八, 三驾), which may start a numbered formulation (`isFormulaNumeral`).
    let numeralTags: [Bool]

    struct TagFlags: OptionSet, Sendable {
        let rawValue: UInt8
        static let start = TagFlags(rawValue: 1), end = TagFlags(rawValue: 2), alone = TagFlags(rawValue: 4), verb = TagFlags(rawValue: 8)
        static let noun = TagFlags(rawValue: 16)
        /// A person's, place's or organisation's name by the lexicon (nr, nrt, ns, nt, nz).
        static let name = TagFlags(rawValue: 32)
        /// A person's name by the lexicon (nr, nrfg).
        static let person = TagFlags(rawValue: 128)
        /// An adjective or adverb (严肃, 明显, 不断).
        static let modifier = TagFlags(rawValue: 64)
        static let untagged: TagFlags = [.start, .end, .alone, .noun]

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(tag: String) {
            var flags: TagFlags = []
            if !KeywordTerms.noStartTags.contains(tag) { flags.insert(.start) }
            if !KeywordTerms.noEndTags.contains(tag) { flags.insert(.end) }
            if !KeywordTerms.notAloneTags.contains(tag) { flags.insert(.alone) }
            if tag == "v" || tag == "vn" { flags.insert(.verb) }
            if tag.hasPrefix("n") || tag == "vn" || tag == "an" || tag == "j" || tag == "eng" { flags.insert(.noun) }
            if ["nr", "nrt", "nrfg", "nz"].contains(tag) { flags.insert(.name) }
            if ["a", "ad", "ag", "d", "dg", "z"].contains(tag) { flags.insert(.modifier) }
            if tag == "nr" || tag == "nrfg" { flags.insert(.person) }
            self = flags
        }
    }

    init(segmenter: Segmenter, stopWords: Set<String>, userWords: Set<String> = [], allowSingles: Bool, discovery: TermDiscovery?) {
        self.segmenter = segmenter
        tagFlags = [.untagged] + segmenter.lexicon.tagNames.map(TagFlags.init(tag:))
        placeTags = [false] + segmenter.lexicon.tagNames.map { $0 == "ns" }
        adverbTags = [false] + segmenter.lexicon.tagNames.map { ["d", "vd", "ad", "dg"].contains($0) }
        adjectiveTags = [false] + segmenter.lexicon.tagNames.map { $0 == "a" }
        numeralTags = [false] + segmenter.lexicon.tagNames.map { $0 == "m" }
        self.userWords = userWords
        self.stopWords = stopWords
        self.allowSingles = allowSingles
        self.discovery = discovery
        let lexicon = segmenter.lexicon
        var known: [Int] = [], unknown = Set<String>()
        for word in stopWords {
            if let id = lexicon.wordID(of: ArraySlice(word.unicodeScalars)) {
                known.append(id)
            } else if word.unicodeScalars.allSatisfy(ScriptClass.isHan) { // a word token is Han characters
                unknown.insert(word)
            }
        }
        stopWordIDs = WordIDTable(known)
        unknownStopWords = unknown
        unknownStopFirsts = ScalarSet(unknown.compactMap(\.unicodeScalars.first))
        freeCharacterIDs = WordIDTable(FreeCharacters.all.compactMap { lexicon.wordID(of: [$0][...]) })
        titleIDs = WordIDTable(Titles.all.compactMap { lexicon.wordID(of: ArraySlice($0.unicodeScalars)) })
    }

    enum TermKey: Hashable {
        /// A word the lexicon knows, by its id.
        case word(Int)
        /// A Han word the lexicon lacks, named by its first span.
        case unknown
        /// A Latin word, folded and lowercased.
        case text(String)
        /// A discovered phrase; its parts are the `parts` units.
        case phrase
    }

    struct Term {
        var key: TermKey
        /// The first occurrence (its characters name the term unless `key` is `.text`).
        var first: TextSpan
        /// The unit of a plain word; the units of a longer term in `many` (no array per word).
        var unit: Int32
        var many: [Int32]?

        init(key: TermKey, first: TextSpan, unit: Int32) {
            self.key = key
            self.first = first
            self.unit = unit
        }

        init(key: TermKey, first: TextSpan, parts: [Int32]) {
            self.init(key: key, first: first, unit: parts[0])
            if parts.count > 1 { many = parts }
        }

        /// The units it joins (one for a plain word).
        var parts: [Int32] { many ?? [unit] }
        var partCount: Int { many?.count ?? 1 }
    }

    /// What a document's units (distinct words) are.
    struct Unit {
        var key: TermKey
        var first: TextSpan
        /// A stop word or a free single character: never a keyword alone, never a phrase's first
        /// or last word.
        var stop: Bool
        /// A free single character (的, 和, 新…): never inside a phrase either.
        var free = false
        /// May be a keyword alone: not a stop word, not an adverb, adjective, numeral… by the
        /// lexicon's part of speech (适度, 真正, 稳稳), not the HMM's guess that starts or ends with
        /// a free character (和适航, 刘说 is kept out by its count).
        var alone = true
        /// A single Han character that is not free: glued to a word the lexicon lacks, it marks
        /// the word as a piece.
        var bound: Bool
        /// May start (end) a discovered phrase: not a verb, adverb, numeral… (start), not an
        /// adverb, numeral, pronoun… (end), by the lexicon's part of speech. Single characters may.
        var canStart = true
        var canEnd = true
        /// A single character: a phrase's edge only in phrases of three words or more (超 长期 特别
        /// 国债, not 请 居民; a word the HMM cut off one is taken whole by `applyGlue` instead).
        var longOnly = false
        /// A verb by the lexicon's tag (v, vn).
        var verb = false
        /// A noun by the lexicon's tag (n…, vn, an, j), or a word it lacks (a name, a new term).
        var noun = true
        /// Not a dictionary word: the HMM's guess (its id, if any, is only a prefix of words).
        var guessed = false
        /// An adjective or adverb by the lexicon's tag.
        var modifier = false
        /// A person's name by the lexicon's tag.
        var person = false
        /// A place name by the lexicon's tag (ns).
        var place = false
        /// An adverb, a plain adjective by the lexicon's tag (`adverbTags`, `adjectiveTags`).
        var adverb = false, adjective = false
        /// A numeral word that may start a formulation (`isFormulaNumeral`).
        var numeral = false
        /// A title of office (局长, 主任: `Titles`).
        var title = false

        /// A where-phrase (镇里): no keyword alone, no phrase's edge.
        mutating func makeLocative() {
            alone = false
            canStart = false
            canEnd = false
        }
    }

    struct Counted {
        var terms: [Term] = []
        var counts: [Int] = []
        /// Terms in text order and their spans (TextRank; occurrences of the reported terms).
        var sequence: [Int] = []
        var sequenceSpans: [TextSpan] = []
        var units: [Unit] = []
        /// Per unit, what the counting loop asks (`UnitFlags`), beside `units` so it reads a byte.
        var flags: [UInt8] = []
        /// Word tokens: words, Latin words, numbers and URLs.
        var wordCount = 0

        /// Keeps in `sequence` (and its spans) only the terms that still have occurrences.
        mutating func dropUncountedFromSequence() {
            // In place: no new arrays (this runs on most documents, for a few dropped terms).
            var kept = 0
            for at in sequence.indices where counts[sequence[at]] > 0 {
                sequence[kept] = sequence[at]
                sequenceSpans[kept] = sequenceSpans[at]
                kept += 1
            }
            sequence.removeLast(sequence.count - kept)
            sequenceSpans.removeLast(sequenceSpans.count - kept)
        }

        func text(_ index: Int, _ scalars: [Unicode.Scalar]) -> String {
            if case .text(let text) = terms[index].key, terms[index].partCount == 1 { return text }
            return String(scalars: scalars[terms[index].first.range])
        }
    }

    /// jieba tags of words that do not start a term: verbs, adverbs, numerals, measure words,
    /// pronouns, prepositions, conjunctions, particles and place words (实施 制造业, 首次 集中). Time
    /// words may (未来产业, 现代服务业, 夜间消费) unless they point from the text's day (今年, 如期:
    /// the stop list's deixis group).
    static let noStartTags: Set<String> = ["v", "d", "m", "q", "r", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "f", "y", "e", "o", "zg"]
    /// …and that do not end one (verbs may: 风险 处置, 大众创业 万众创新).
    static let noEndTags: Set<String> = ["d", "m", "q", "r", "p", "c", "t", "u", "uj", "ul", "uz", "ud", "ug", "uv", "f", "y", "e", "o"]

    /// …and that are no keyword alone: adjectives, adverbs, numerals, measure words, pronouns,
    /// function words, time and place words, onomatopoeia, status words (强大, 真正, 适度, 稳稳).
    /// Drops a phrase that is a verb and another phrase found too (发展 + 新质生产力, 培育 + 未来产业):
    /// the verb is what the text does with the term, not part of it.
    static func withoutVerbFronts(_ phrases: [TermDiscovery.Phrase], _ units: [Unit]) -> [TermDiscovery.Phrase] {
        let words = Set(phrases.map(\.words))
        return phrases.filter { phrase in
            !(phrase.words.count > 2 && units[Int(phrase.words[0])].verb && words.contains(Array(phrase.words.dropFirst())))
                && !isVerbPhrase(phrase.words, units) && !isClause(phrase.words, units)
                && !phrase.words.dropLast().contains { units[Int($0)].title }
                && !(units[Int(phrase.words[0])].numeral && (phrase.words.count != 2 || !units[Int(phrase.words[1])].noun))
        }
    }

    /// A clause, not a term: a subject and what is said of it, by the lexicon's word classes: a
    /// noun, an adverb, then a verb or adjective (消费市场 持续 回暖, 经济 稳步 增长). A term starts
    /// with its modifier (共同富裕, 超 长期 特别 国债) or names a thing (风险 处置, 提振 消费). (A noun
    /// then an adjective at the end, 经济运行 总体 平稳, is not taken: jieba tags 清单 a, and
    /// 重点事项清单 left 2025's top 10.)
    static func isClause(_ words: [Int32], _ units: [Unit]) -> Bool {
        guard words.count > 1 else { return false }
        for at in words.indices.dropFirst().dropLast() where units[Int(words[at])].adverb {
            let before = units[Int(words[at - 1])], after = units[Int(words[at + 1])]
            if before.noun && !before.modifier && before.first.length > 1 && (after.verb || after.adjective) { return true }
        }
        return false
    }

    /// A verb with a modifier before it, not a term: an adjective or adverb then a verb (严肃 查处,
    /// 明显 降低, 坚定 维护). A noun before a verb may be one (风险 处置, 大众 创业), and so may a
    /// verbal noun at the end (提振 消费).
    static func isVerbPhrase(_ words: [Int32], _ units: [Unit]) -> Bool {
        let first = units[Int(words[0])], last = units[Int(words[words.count - 1])]
        return last.verb && !last.noun && first.modifier
    }

    /// log P of a dictionary word seen about five times in jieba's corpus.
    static let rareLogP: Float = -16.3

    static let notAloneTags: Set<String> = ["a", "ad", "b", "d", "m", "mq", "q", "r", "rr", "rz", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv",
                                            "t", "tg", "f", "y", "e", "o", "z", "zg", "dg", "ag", "mg", "rg", "i"]

    func count(_ scalars: [Unicode.Scalar]) -> Counted {
        let tokens = segmenter.tokens(in: scalars)
        var counted = Counted()
        var ids = [Int32](repeating: TermDiscovery.boundary, count: tokens.count)
        numberUnits(tokens, scalars, into: &counted, ids: &ids)
        var matches: [PhraseIndex.Match] = []
        var phrases: [TermDiscovery.Phrase] = []
        if let discovery {
            // One pass over the units for the four arrays.
            var joinable: [Bool] = [], canStart: [Bool] = [], canEnd: [Bool] = [], longOnly: [Bool] = []
            joinable.reserveCapacity(counted.units.count)
            canStart.reserveCapacity(counted.units.count)
            canEnd.reserveCapacity(counted.units.count)
            longOnly.reserveCapacity(counted.units.count)
            for unit in counted.units {
                joinable.append(!unit.free)
                canStart.append(unit.canStart && !unit.stop)
                canEnd.append(unit.canEnd && !unit.stop)
                longOnly.append(unit.longOnly)
            }
            phrases = discovery.phrases(units: ids, joinable: joinable, canStart: canStart, canEnd: canEnd, longOnly: longOnly)
            phrases = Self.withoutVerbFronts(phrases, counted.units)
            if !phrases.isEmpty {
                // Every occurrence of a phrase's characters is the phrase, however the segmenter cut
                // it there (亚投行 as 亚 投行 here, 亚投 行将 there).
                let texts = phrases.map { phrase in phrase.words.flatMap { scalars[counted.units[Int($0)].first.range] } }
                matches = TermDiscovery.occurrences(of: texts, in: scalars)
            }
        }
        collect(tokens, scalars, ids: ids, matches: matches, phrases: phrases, into: &counted)
        return counted
    }

    /// Gives every word token a unit id (equal words, equal ids), -1 to the rest.
    private func numberUnits(_ tokens: [Token], _ scalars: [Unicode.Scalar], into counted: inout Counted, ids: inout [Int32]) {
        var byWordID = WordIDTable(capacity: tokens.count / 6 + 64), byText: [String: Int32] = [:], unknown = SpanInterner()
        let lexicon = segmenter.lexicon
        // Locals, not `counted`'s fields: an inout struct's arrays are checked for uniqueness at every append.
        var units: [Unit] = [], wordCount = 0
        // Dictionary words of several characters, by unit: their tags are read after the pass, in
        // a loop of independent loads (each a cache miss into the lexicon that overlap), not one
        // miss per new word inside it.
        var tagged: [(unit: Int32, wordID: Int32)] = []
        units.reserveCapacity(tokens.count / 4)
        tagged.reserveCapacity(tokens.count / 4)
        defer {
            applyTags(tagged, scalars, to: &units)
            var flags: [UInt8] = []
            flags.reserveCapacity(units.count)
            for unit in units {
                flags.append((unit.stop ? UnitFlags.stop : 0) | (unit.alone ? UnitFlags.alone : 0) | (unit.bound ? UnitFlags.bound : 0)
                    | (unit.key.isLatin ? UnitFlags.latin : 0))
            }
            (counted.units, counted.flags, counted.wordCount) = (units, flags, wordCount)
        }
        scalars.withUnsafeBufferPointer { text in
            for (position, token) in tokens.enumerated() {
                let next = Int32(units.count)
                var unit: Unit? = nil
                let id: Int32
                switch token.kind {
                case .word:
                    let wordID = token.wordID >= 0 ? Int(token.wordID) : lexicon.wordID(of: scalars[token.start..<token.end])
                    // The closures only return `next`: one that stored into a captured variable would
                    // box it on the heap at every token.
                    if let wordID {
                        id = byWordID.value(for: wordID) { next }
                        if id == next {
                            unit = dictionaryUnit(wordID, token, scalars)
                            if token.length > 1 { tagged.append((next, Int32(wordID))) }
                        }
                    } else {
                        id = unknown.value(for: token.span, in: text) { next }
                        if id == next { unit = guessedUnit(token, text) }
                    }
                    wordCount += 1
                case .latin:
                    wordCount += 1
                    let term = WidthFolding.fold(String(scalars: scalars[token.start..<token.end])).lowercased()
                    if let known = byText[term] {
                        id = known
                    } else {
                        id = next
                        byText[term] = id
                        let stop = term.unicodeScalars.count < 2 || stopWords.contains(term) || !term.unicodeScalars.contains(where: { ScriptClass.of($0) == .latin })
                        unit = Unit(key: .text(term), first: token.span, stop: stop, bound: false)
                    }
                case .number, .url:
                    wordCount += 1
                    continue
                default:
                    continue
                }
                if let unit { units.append(unit) }
                ids[position] = id
            }
        }
    }

    /// A dictionary word's unit, made when the document first has it; a word of several
    /// characters gets its part of speech from `applyTags`.
    private func dictionaryUnit(_ wordID: Int, _ token: Token, _ scalars: [Unicode.Scalar]) -> Unit {
        let single = token.length == 1
        let free = single && freeCharacterIDs.contains(wordID)
        var unit = Unit(key: .word(wordID), first: token.span, stop: stopWordIDs.contains(wordID) || free, bound: single && !free)
        unit.free = free
        unit.longOnly = single
        unit.title = !single && titleIDs.contains(wordID)
        return unit
    }

    /// The part of speech of dictionary words of several characters, by the lexicon's tag.
    private func applyTags(_ tagged: [(unit: Int32, wordID: Int32)], _ scalars: [Unicode.Scalar], to units: inout [Unit]) {
        let lexicon = segmenter.lexicon
        var codes = [UInt8](repeating: 0, count: tagged.count)
        for (at, entry) in tagged.enumerated() { codes[at] = UInt8(truncatingIfNeeded: lexicon.tagCode(ofWordID: Int(entry.wordID))) }
        for (at, entry) in tagged.enumerated() {
            let code = Int(codes[at])
            if code > 0 {
                let flags = tagFlags[code]
                units[Int(entry.unit)].canStart = flags.contains(.start)
                units[Int(entry.unit)].canEnd = flags.contains(.end)
                units[Int(entry.unit)].alone = flags.contains(.alone)
                units[Int(entry.unit)].verb = flags.contains(.verb)
                units[Int(entry.unit)].noun = flags.contains(.noun)
                units[Int(entry.unit)].modifier = flags.contains(.modifier)
                units[Int(entry.unit)].person = flags.contains(.person)
                units[Int(entry.unit)].place = placeTags[code]
                units[Int(entry.unit)].adverb = adverbTags[code]
                units[Int(entry.unit)].adjective = adjectiveTags[code]
                if numeralTags[code] && Self.isFormulaNumeral(units[Int(entry.unit)].first, scalars) {
                    units[Int(entry.unit)].canStart = true
                    units[Int(entry.unit)].numeral = true
                }
                let span = units[Int(entry.unit)].first
                // Each shape's cheap first check before the whole one: most words fail it.
                if !flags.contains(.name), Self.localizers.contains(scalars[span.end - 1]) && isLocative(span, scalars)
                    || Self.mayBeDeixis(scalars[span.start]) && Self.isDeixis(span, scalars) {
                    units[Int(entry.unit)].makeLocative()
                }
            } else {
                // Only a prefix of dictionary words (和适航 in 和适…): the HMM's guess.
                let span = units[Int(entry.unit)].first
                units[Int(entry.unit)].alone = !(FreeCharacters.all.contains(scalars[span.start]) || FreeCharacters.all.contains(scalars[span.end - 1]))
                if Self.isCountPrefix(span, scalars) { units[Int(entry.unit)].alone = false }
            }
        }
    }

    /// The unit of a word the lexicon lacks (the HMM's guess or a user word).
    private func guessedUnit(_ token: Token, _ text: UnsafeBufferPointer<Unicode.Scalar>) -> Unit {
        let single = token.length == 1
        let free = single && FreeCharacters.all.contains(text[token.start])
        // `unknownStopWords`, not `stopWords`: a stop word the lexicon knows has a word id, and
        // this word has none.
        let stop = free || unknownStopFirsts.contains(text[token.start]) && unknownStopWords.contains(String(scalars: text[token.span.range]))
        var unit = Unit(key: .unknown, first: token.span, stop: stop, bound: single && !free)
        unit.free = free
        unit.longOnly = single
        unit.guessed = !single
        unit.alone = single || !(FreeCharacters.all.contains(text[token.start]) || FreeCharacters.all.contains(text[token.end - 1]))
            || !userWords.isEmpty && userWords.contains(String(scalars: text[token.span.range]))
        if !single, isLocative(token.span, text) || Self.isDeixis(token.span, text) { unit.makeLocative() }
        if Self.isCountPrefix(token.span, text) { unit.alone = false }
        return unit
    }

    /// Localizers that make a place noun a where-phrase: 镇里, 区里, 县内 (in the town, the district).
    static let localizers = ScalarSet("里内".unicodeScalars)
    /// Single-character tags of a place noun before a localizer (镇 n, 县 zg, 家 q); 德 of 德里,
    /// 河 of 河内 (ns) are names' characters.
    static let placeNounTags: Set<String> = ["n", "ng", "zg", "s", "q"]

    /// A place deixis, not a term: two characters, a single-character noun then 里 or 内 (镇里,
    /// 区里, 县内, 家里), unless the lexicon calls the word a name (阿里, 河内 are kept by their
    /// first character: not a common noun). 邻里 and 故里 go too: a where-word's shape.
    func isLocative(_ span: TextSpan, _ scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        guard span.end - span.start == 2 else { return false }
        let text = scalars[scalars.index(scalars.startIndex, offsetBy: span.start)...]
        let first = text.first!, last = text[text.index(after: text.startIndex)]
        guard Self.localizers.contains(last), let id = segmenter.lexicon.wordID(of: [first][...]) else { return false }
        let code = segmenter.lexicon.tagCode(ofWordID: id)
        return code > 0 && Self.placeNounTags.contains(segmenter.lexicon.tagNames[code - 1])
    }

    /// Scope and deixis: 全, 本, 我, 各, 该, 当 then an administrative unit or 地 (全县, 全省, 全国,
    /// 本市, 我省, 当地).
    static let scopeMarkers = ScalarSet("全本我各该当".unicodeScalars)
    static let administrativeUnits = ScalarSet("省市县区州国乡镇村旗盟地".unicodeScalars)
    /// An administrative unit before 政府 (省政府, 市政府): the organ that speaks in every government text.
    static let governmentLevels = ScalarSet("省市县区州乡镇".unicodeScalars)

    /// Where the text speaks from, not what about: the scope of its own jurisdiction (全县, 全省,
    /// 全国, 本市, 当地) and its own government (省政府, 市政府). No keyword alone and no phrase's
    /// edge (全区 经济社会 is no term; 县城, 省会, 政府债务, 全过程 are not this shape).
    /// The first character's check alone, before the whole one (most words fail it).
    @inline(__always) static func mayBeDeixis(_ first: Unicode.Scalar) -> Bool {
        scopeMarkers.contains(first) || governmentLevels.contains(first)
    }

    static func isDeixis(_ span: TextSpan, _ scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        let length = span.end - span.start
        guard length == 2 || length == 3 else { return false }
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let first = scalars[start], second = scalars[scalars.index(after: start)]
        if length == 2 { return scopeMarkers.contains(first) && administrativeUnits.contains(second) }
        return governmentLevels.contains(first) && second == "政" && scalars[scalars.index(start, offsetBy: 2)] == "府"
    }

    /// How a word's occurrences sit beside bound single characters (see `applyGlue`).
    struct Glue {
        /// The bound unit on that side in every occurrence so far, -1 before the first, -2 when they differ.
        var left: Int32 = -1
        var right: Int32 = -1
        /// Every occurrence so far has a bound character on one side.
        var always = true

        mutating func add(before: Int32, after: Int32, first: Bool) {
            left = first ? (before >= 0 ? before : -2) : (left == before ? left : -2)
            right = first ? (after >= 0 ? after : -2) : (right == after ? right : -2)
            always = always && (before >= 0 || after >= 0)
        }

        static let never = Glue(left: -2, right: -2, always: false)
    }

    /// Counts terms: discovered phrases where `matches` put them, else the word; "X+" is its own
    /// term; words that cannot be keywords (numbers with a measure word) are left out; then `applyGlue`.
    private func collect(_ tokens: [Token], _ scalars: [Unicode.Scalar], ids: [Int32], matches: [PhraseIndex.Match],
                         phrases: [TermDiscovery.Phrase], into counted: inout Counted) {
        var terms: [Term] = [], counts: [Int] = [], sequence: [Int] = [], sequenceSpans: [TextSpan] = []
        let units = counted.units, unitFlags = counted.flags
        var termOfUnit = [Int32](repeating: -1, count: units.count)
        var termOfPhrase = [Int32](repeating: -1, count: phrases.count)
        var plusTerm: [Int32: Int32] = [:]
        var glue: [Glue] = []
        terms.reserveCapacity(units.count + phrases.count)
        counts.reserveCapacity(units.count + phrases.count)
        glue.reserveCapacity(units.count + phrases.count)
        sequence.reserveCapacity(tokens.count / 2)
        sequenceSpans.reserveCapacity(tokens.count / 2)
        // Read-only inputs as raw buffers: this loop runs once per token.
        tokens.withUnsafeBufferPointer { tokens in ids.withUnsafeBufferPointer { ids in
            unitFlags.withUnsafeBufferPointer { unitFlags in matches.withUnsafeBufferPointer { matches in
                var coveredTo = 0 // scalars before this offset are inside a phrase already counted
                var match = 0
                var position = 0
                while position < tokens.count {
                    let token = tokens[position]
                    while match < matches.count && matches[match].span.end <= token.start { match += 1 }
                    var index: Int32
                    var span: TextSpan
                    if match < matches.count && matches[match].span.start < token.end {
                        // The token overlaps a phrase: count the phrase, skip its tokens.
                        let found = matches[match]
                        span = found.span
                        if termOfPhrase[found.phrase] < 0 {
                            termOfPhrase[found.phrase] = Int32(terms.count)
                            terms.append(Term(key: .phrase, first: span, parts: phrases[found.phrase].words))
                            counts.append(Self.isCounted(scalars[span.range]) ? 0 : Int.min / 2)
                            glue.append(.never)
                        }
                        index = termOfPhrase[found.phrase]
                        coveredTo = span.end
                        match += 1
                        while position < tokens.count && tokens[position].start < span.end { position += 1 }
                    } else {
                        position += 1
                        let unit = ids[position - 1]
                        guard unit >= 0 else { continue }
                        let flags = unitFlags[Int(unit)]
                        guard flags & (UnitFlags.stop | UnitFlags.alone) == UnitFlags.alone,
                              token.length > 1 || allowSingles || flags & UnitFlags.latin != 0 else { continue }
                        span = token.span
                        let first = termOfUnit[Int(unit)] < 0
                        if first {
                            termOfUnit[Int(unit)] = Int32(terms.count)
                            terms.append(Term(key: units[Int(unit)].key, first: span, unit: unit))
                            counts.append(Self.isCounted(scalars[span.range]) ? 0 : Int.min / 2)
                            // Only a word the lexicon lacks (the HMM's guess) or hardly knows may be a piece of a
                            // longer unit (`isRare`, asked only of words glued everywhere, in `applyGlue`).
                            glue.append(Glue())
                        }
                        index = termOfUnit[Int(unit)]
                        if glue[Int(index)].always {
                            let at = position - 1
                            let before = at > 0 && tokens[at - 1].start >= coveredTo ? boundUnit(ids, at - 1, unitFlags) : -1
                            let after = at + 1 < tokens.count && (match >= matches.count || tokens[at + 1].end <= matches[match].span.start)
                                ? boundUnit(ids, at + 1, unitFlags, after: units[Int(unit)], tokens[at + 1], scalars) : -1
                            glue[Int(index)].add(before: before, after: after, first: first)
                        }
                    }
                    // "X+" (人工智能+, 互联网+): a plus sign after the term, not before a digit or letter.
                    let end = span.end
                    if end < scalars.count, scalars[end] == "+" || scalars[end] == "\u{FF0B}",
                       end + 1 >= scalars.count || !(ScriptClass.of(scalars[end + 1]) == .latin || ScriptClass.of(scalars[end + 1]) == .digit || scalars[end + 1] == "+") {
                        let base = index
                        span = TextSpan(start: span.start, end: end + 1)
                        if let known = plusTerm[base] {
                            index = known
                        } else {
                            index = Int32(terms.count)
                            plusTerm[base] = index
                            terms.append(Term(key: .phrase, first: span, parts: terms[Int(base)].parts))
                            counts.append(0)
                            glue.append(.never)
                        }
                        glue[Int(base)] = .never
                    }
                    counts[Int(index)] += 1
                    sequence.append(Int(index))
                    sequenceSpans.append(span)
                }
            }}
        }}
        (counted.terms, counted.counts, counted.sequence, counted.sequenceSpans) = (terms, counts, sequence, sequenceSpans)
        // Terms left out by `isCounted` have a negative count: no occurrences, no keyword.
        if counted.counts.contains(where: { $0 < 0 }) {
            for index in counted.counts.indices where counted.counts[index] < 0 { counted.counts[index] = 0 }
            counted.dropUncountedFromSequence()
        }
        applyGlue(glue, scalars, into: &counted)
    }

    /// The HMM's guess, or a dictionary word of a handful of occurrences (拉塞, 2 in jieba's 60 M):
    /// no surer a unit than a guess.
    private func isRare(_ unit: Unit) -> Bool {
        if unit.guessed { return true }
        guard case .word(let id) = unit.key else { return false }
        return (segmenter.lexicon.logProbability(ofWordID: id) ?? -.infinity) < Self.rareLogP
    }

    /// A numeral word that may start a numbered formulation found by term discovery (八八 战略,
    /// 三驾 马车, 千万 工程): a numeral and a second character that is no count's mark — not a
    /// measure word, not the 大 of a count prefix (两大, 三大: 两大 医共体 is two of them), not
    /// 多, 余, 几. Discovery still asks that the run recur with varied neighbours.
    static func isFormulaNumeral(_ word: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        guard word.length == 2, numerals.contains(scalars[word.start]) else { return false }
        let second = scalars[word.start + 1]
        return !measureWords.contains(second) && !countMarks.contains(second)
    }

    /// A count's prefix the segmenter's guess joined (两大, 三项): a numeral and a count's mark or
    /// measure word. No keyword alone. (It may still start a discovered term: dropping 两大园区 that
    /// way dropped the genre's 三大攻坚战 too, and the reference keeps phrases of five documents only.)
    static func isCountPrefix(_ word: TextSpan, _ scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        guard word.length == 2 else { return false }
        let first = scalars[scalars.index(scalars.startIndex, offsetBy: word.start)], second = scalars[scalars.index(scalars.startIndex, offsetBy: word.start + 1)]
        return numerals.contains(first) && (countMarks.contains(second) || measureWords.contains(second))
    }

    static let countMarks = ScalarSet("大多余几来".unicodeScalars)

    static let numerals = ScalarSet("一二三四五六七八九十百千万亿两几零〇多余".unicodeScalars)
    /// Measure words after a numeral: 三百多户, 一架, 五年, 两千人 are counts, not terms.
    static let measureWords = ScalarSet("个位名项条次件种类批家座所处间场届年月日天时周季户人架单元倍遍部台辆只头张本篇份颗吨米斤度分秒点股支块层栋亩公克升期轮代岁号成".unicodeScalars)

    /// Whether a word can be a keyword by its characters: not a count (a numeral run then a measure
    /// word, 三百多户; or two numerals alone, 十三), while 三农, 三星堆, 十四五 and 两个确立 (a numbered
    /// formulation, `NumberedFormulations`) stay.
    static func isCounted(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, numerals.contains(first) else { return true }
        var at = word.startIndex
        while at < word.endIndex && numerals.contains(word[at]) { at += 1 }
        if at == word.startIndex { return true }
        if at == word.endIndex { return word.count > 2 }
        guard measureWords.contains(word[at]) else { return true }
        if word[at] == "个" {
            let head = Array(word[(at + 1)...])
            return NumberedFormulations.headWords.contains { head.starts(with: $0) }
        }
        return false
    }

    /// A two-character word held by one bound character before it is a piece of a three-character
    /// name when that character is a surname (谭 志军, 邱 国华); not after a character that is no
    /// surname (请 村民), nor a longer word. (A word that starts with a surname, 周长 of 周长根 or 江北
    /// of 江北嘴, is not taken on that ground: place names start so as often.)
    static func isNamePiece(_ word: TextSpan, left: TextSpan?, _ scalars: [Unicode.Scalar]) -> Bool {
        guard word.length == 2, let left else { return false }
        return left.length == 1 && Surnames.all.contains(scalars[left.start])
    }

    /// A name `applyGlue` made of a surname and a two-character word (谭志军): a person, like the
    /// lexicon's nr.
    static func isGluedName(_ term: Term, _ counted: Counted, _ scalars: [Unicode.Scalar]) -> Bool {
        term.partCount == 2 && term.first.length == 3 && counted.units[Int(term.parts[0])].first.length == 1
            && Surnames.all.contains(scalars[term.first.start])
    }

    private func boundUnit(_ ids: UnsafeBufferPointer<Int32>, _ position: Int, _ flags: UnsafeBufferPointer<UInt8>) -> Int32 {
        let unit = ids[position]
        return unit >= 0 && flags[Int(unit)] & UnitFlags.bound != 0 ? unit : -1
    }

    /// After a place name by the lexicon's tag (松岭, ns) or a word it lacks or hardly knows
    /// (`isRare`), an administrative unit (县, 镇, 村…, free elsewhere) is bound too: the word is
    /// the first part of a place's name (松岭 县 → 松岭县; where the text also says 松岭 alone or
    /// 松岭茶, 松岭 stays itself). A common word before one (全 县, 农业 县) is no such part.
    private func boundUnit(_ ids: UnsafeBufferPointer<Int32>, _ position: Int, _ flags: UnsafeBufferPointer<UInt8>,
                           after word: Unit, _ token: Token, _ scalars: [Unicode.Scalar]) -> Int32 {
        let bound = boundUnit(ids, position, flags)
        guard bound < 0, token.length == 1, ids[position] >= 0, Self.placeSuffixes.contains(scalars[token.start]), word.place || isRare(word) else { return bound }
        return ids[position]
    }

    /// Whether a word ends in a title of office (局局长, 主任: `Titles`).
    static func endsWithTitle(_ word: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        (2...3).contains { length in length <= word.length && Titles.all.contains(String(scalars: scalars[(word.end - length)..<word.end])) }
    }

    static let placeSuffixes = ScalarSet("省市县区州乡镇村旗盟".unicodeScalars)
    /// Units of a county or above (乡镇村区 end too many common words: 社区, 农村, 园区).
    static let countySuffixes = ScalarSet("省市县州旗盟".unicodeScalars)

    /// A two-character word ending in a unit of a county or above (州市, 安县): after a bound
    /// character in every occurrence it is the tail of a place's name the segmenter cut (槐 州市 →
    /// 槐州市, 槐 安县 → 槐安县), as a place name before a unit is its head (`boundUnit`).
    static func isPlaceTail(_ word: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        word.length == 2 && countySuffixes.contains(scalars[word.end - 1])
    }

    enum UnitFlags {
        static let stop: UInt8 = 1, alone: UInt8 = 2, bound: UInt8 = 4, latin: UInt8 = 8
    }

    /// A word with a bound single character beside it in every occurrence is a piece the
    /// segmenter cut off a longer unit: glued to the same character everywhere, it takes it in
    /// (投行 → 亚投行, 拉塞 → 拉塞达); glued to differing ones, it is left out (count 0). A rare
    /// word or guess on one side is enough; a common word needs the same character on both.
    private func applyGlue(_ glue: [Glue], _ scalars: [Unicode.Scalar], into counted: inout Counted) {
        var dropped = false
        var grow: [(left: Int, right: Int)?] = Array(repeating: nil, count: counted.terms.count)
        for index in counted.terms.indices where glue[index].always && glue[index].left != -1 && counted.counts[index] > 0 {
            let left = glue[index].left
            var right = glue[index].right
            // A title takes no surname after it (局局长 郑 of 监管局局长郑永和: the surname is the person's).
            if right >= 0, Self.endsWithTitle(counted.terms[index].first, scalars), Surnames.all.contains(scalars[counted.units[Int(right)].first.start]) {
                right = -2
            }
            // A word the lexicon knows well is a piece only when the same characters hold it on
            // both sides everywhere (货主 in 带 货主 播: 带货主播).
            guard counted.terms[index].partCount == 1,
                  left >= 0 && right >= 0 || isRare(counted.units[Int(counted.terms[index].unit)])
                    || right >= 0 && counted.units[Int(counted.terms[index].unit)].place && Self.placeSuffixes.contains(scalars[counted.units[Int(right)].first.start])
                    || left >= 0 && Self.isPlaceTail(counted.terms[index].first, scalars)
                    || Self.isNamePiece(counted.terms[index].first, left: left >= 0 ? counted.units[Int(left)].first : nil, scalars) else { continue }
            guard left >= 0 || right >= 0 else {
                counted.counts[index] = 0
                dropped = true
                continue
            }
            let amount = (left: left >= 0 ? 1 : 0, right: right >= 0 ? 1 : 0)
            grow[index] = amount
            let first = counted.terms[index].first
            counted.terms[index].first = TextSpan(start: first.start - amount.left, end: first.end + amount.right)
            counted.terms[index].key = .phrase
            counted.terms[index].many = (left >= 0 ? [left] : []) + [counted.terms[index].unit] + (right >= 0 ? [right] : [])
            counted.terms[index].unit = counted.terms[index].many![0]
        }
        if grow.contains(where: { $0 != nil }) {
            for (at, term) in counted.sequence.enumerated() {
                guard let amount = grow[term] else { continue }
                let span = counted.sequenceSpans[at]
                counted.sequenceSpans[at] = TextSpan(start: span.start - amount.left, end: span.end + amount.right)
            }
        }
        if dropped {
            counted.dropUncountedFromSequence()
        }
    }
}

extension KeywordTerms.TermKey {
    var isLatin: Bool { if case .text = self { return true } else { return false } }
}
