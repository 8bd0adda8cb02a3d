import AnalyticsCore
import Foundation

/// Finds what a figure counts: the noun phrase of its clause between the governing verb and the
/// figure (开展常委会议专题协商3次 → 常委会议专题协商), or after it when nothing stands before
/// (新建3所学校 → 学校). Also reads the direction of a change (增长5.1% → up).
struct SubjectFinder: Sendable {
    let segmenter: Segmenter
    private let verbs: WordList
    /// Genre verbs that also name indicators between nouns (城镇新增就业, 城镇登记失业率).
    private let indicatorVerbs: WordList
    private let noiseWords: WordList
    private let upWords: WordList
    private let downWords: WordList
    private let approximateWords: WordList
    /// 位居, 排名: verbs that rank what stands before them (算力总规模位居全球第二 → 算力总规模).
    private let rankVerbs: WordList
    /// 高于, 快于: verbs that compare what stands before them with a frame after them (role comparative).
    private let comparativeVerbs: WordList
    /// 全国, 全省, 全球: the frame of a comparison or the scope of a ranking (role scope).
    private let scopeWords: WordList
    /// Their first characters: most words are none of them, and are not looked up.
    private let scopeFirsts: ScalarTable
    /// Characters that end a quantity's name (失业率, 成交额) and words that name one (规模, 收入).
    private let metricEndings: ScalarTable
    private let metricWords: WordList
    /// 基地, 平台: nouns a verb before them qualifies (种植基地, 孵化平台), role compoundHead.
    private let compoundHeads: WordList
    /// 保障性, 经营性: endings of words that qualify a noun and never act (role attributiveEnding).
    private let attributiveEndings: ScalarTable
    /// The lexicon's code of jieba's b (distinguishing words: 公共, 国有), which only qualify.
    private let distinguishingTag: Int?
    /// 提高到, 增长了, 下降至: direction words that also count with a particle glued on.
    /// The first characters of the direction words: most figures are followed by none of them.
    private let directionFirsts: ScalarTable
    private let upStems: [[Unicode.Scalar]]
    /// 城乡 → 城镇, 农村: a word that names two things at once, read as two items before 分别 (role pair).
    private let pairs: [[Unicode.Scalar]: [[Unicode.Scalar]]]
    private let downStems: [[Unicode.Scalar]]

    /// The lexicon's tags as word classes (the not-figure rules share them).
    var classes: WordClasses

    private static let stemParticles: ScalarList = "了到至为在达"
    private static let gluedVerbEndings: ScalarList = "为是有在达至到拟将要按已仍共均"
    private static let copulaEndings: ScalarList = "为是达至到"
    private static let coordinators: ScalarList = "和与及"
    private static let resultEndings: ScalarList = "出到了至下上成得有"
    private static let aspectParticles: ScalarList = "了过着"
    /// Auxiliary verbs (a closed class): a word the HMM made that starts with one is a predicate (能出, 会生).
    private static let auxiliaries: ScalarList = "能会可应须"

    /// Dimension words (a closed class of adjectives): what one measure of a thing is (长8厘米, 重1.7公斤).
    private static let dimensions: ScalarList = "长宽高深厚重粗"
    static var dimensionCharacters: ScalarList { dimensions }

    /// 可高, 但常高, 及重: a word the lexicon lacks, of an adverb, auxiliary or conjunction and a dimension word.
    private func gluedDimension(_ token: Token, _ scalars: [Unicode.Scalar]) -> Token? {
        guard token.kind == .word, token.length >= 2, token.length <= 3, Self.dimensions.contains(scalars[token.end - 1]),
              classes.knownClass(token, scalars) == nil else { return nil }
        let first = Token(start: token.start, end: token.start + 1, kind: .word)
        guard Self.auxiliaries.contains(scalars[token.start]) || [.adverb, .conjunction].contains(classes.knownClass(first, scalars)) else { return nil }
        return Token(start: token.end - 1, end: token.end, kind: .word)
    }

    /// The word lists from Resources/subject-words.tsv.
    init(segmenter: Segmenter) throws {
        try self.init(segmenter: segmenter, tsv: ResourceLocator.text(of: "subject-words.tsv", target: "FactsPlugin", what: "the facts word lists"))
    }

    init(segmenter: Segmenter, tsv: String) throws {
        self.segmenter = segmenter
        let lexicon = segmenter.lexicon
        classes = WordClasses(lexicon: lexicon)
        var words: [String: [String]] = [:]
        var pairs: [[Unicode.Scalar]: [[Unicode.Scalar]]] = [:]
        for fields in TabSeparated.lines(tsv) {
            if fields.count == 4, fields[1] == "pair" {
                pairs[Array(fields[0].unicodeScalars)] = [Array(fields[2].unicodeScalars), Array(fields[3].unicodeScalars)]
                continue
            }
            guard fields.count == 2 else { throw AnalyzerSetupError("facts subject words: bad line '\(fields.joined(separator: "\t"))'") }
            words[fields[1], default: []].append(fields[0])
        }
        verbs = WordList(words["governing", default: []], lexicon: lexicon)
        indicatorVerbs = WordList(words["indicator", default: []], lexicon: lexicon)
        noiseWords = WordList(words["noise", default: []], lexicon: lexicon)
        upWords = WordList(words["up", default: []] + words["upStem", default: []], lexicon: lexicon)
        downWords = WordList(words["down", default: []] + words["downStem", default: []], lexicon: lexicon)
        approximateWords = WordList(words["approximate", default: []], lexicon: lexicon)
        rankVerbs = WordList(words["rank", default: []], lexicon: lexicon)
        comparativeVerbs = WordList(words["comparative", default: []], lexicon: lexicon)
        scopeWords = WordList(words["scope", default: []], lexicon: lexicon)
        scopeFirsts = ScalarTable(words["scope", default: []].compactMap(\.unicodeScalars.first))
        metricEndings = ScalarTable(words["metricEnding", default: []].compactMap(\.unicodeScalars.first))
        metricWords = WordList(words["metric", default: []], lexicon: lexicon)
        compoundHeads = WordList(words["compoundHead", default: []], lexicon: lexicon)
        attributiveEndings = ScalarTable(words["attributiveEnding", default: []].compactMap(\.unicodeScalars.first))
        distinguishingTag = lexicon.tagNames.firstIndex(of: "b").map { $0 + 1 }
        directionFirsts = ScalarTable((words["up", default: []] + words["down", default: []] + words["upStem", default: []]
                                     + words["downStem", default: []]).compactMap(\.unicodeScalars.first))
        upStems = words["upStem", default: []].map { Array($0.unicodeScalars) }
        downStems = words["downStem", default: []].map { Array($0.unicodeScalars) }
        self.pairs = pairs
    }

    /// 高于全国0.7个百分点, 居全国第3位: a clause that opens with a comparing verb (or any verb before a rank) and a
    /// frame, whose figure is the gap or rank of the quantity named before it (the previous figure's subject).
    func opensWithFramedComparison(_ scalars: [Unicode.Scalar], clauseStart: Int, figureStart: Int, scratch: inout Scratch) -> Bool {
        // (增长20.4%、高于全国12.4个百分点: a clause of a list opens after 、.)
        var start = figureStart
        while start > clauseStart, scalars[start - 1] != "、" { start -= 1 }
        // (A verb, a frame and 平均水平 at most: longer clauses name their own subject, and are not segmented here.)
        guard start < figureStart, figureStart - start <= 12 else { return false }
        var words = segmenter.tokens(in: scalars, range: start..<figureStart, scratch: &scratch.segmentation)[...]
        // (均居全国第2位: adverbs before the verb.)
        while let first = words.first, first.kind == .word, classOf(first, scalars) == .adverb { words.removeFirst() }
        guard words.count >= 2, let verb = words.first, scopeWords.contains(words[words.startIndex + 1], in: scalars) else { return false }
        // (居全国第3位: any verb before a rank's scope.)
        return comparativeVerbs.contains(verb, in: scalars)
            || scalars[figureStart] == "第" && (rankVerbs.contains(verb, in: scalars) || classOf(verb, scalars) == .verb)
    }

    /// 城乡居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入: a phrase that starts with a word
    /// naming two things (role pair), as the two items it names; nil for any other phrase.
    func pairItems(_ phrase: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        for (word, items) in pairs where phrase.count > word.count && phrase.starts(with: word) {
            return items.map { $0 + phrase[word.count...] }
        }
        return nil
    }

    /// A word's class for the subject rules: the lexicon's, except for a two- or three-character word
    /// the HMM made up, which the lexicon would call a noun: 以种 (以 + 种) starts with a preposition,
    /// 最多卖 with an adverb, 能多收 (three characters) with a verb.
    func classOf(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass {
        guard token.kind == .word else { return classes.of(token, scalars) }
        if let known = classes.knownClass(token, scalars) { return known }
        // A word the lexicon does not tag is a noun (WordClasses.of), unless it is one of these.
        guard token.length >= 2, token.length <= 3, ScriptClass.isHan(scalars[token.start]) else { return .noun }
        let first = classes.knownClass(Token(start: token.start, end: token.start + 1, kind: .word), scalars)
        switch first {
        case .preposition?, .adverb?, .conjunction?, .pronoun?, .particle?: return first!
        // 能多收: three characters glued after a verb are a predicate.
        case .verb? where token.length == 3: return .verb
        default: break
        }
        // 迈上, 冲上: a verb character and its result (上, 出, 到) is a verb (the lexicon lacks many such pairs).
        if token.length == 2, first == .verb, Self.resultEndings.contains(scalars[token.end - 1]) { return .verb }
        // 能出, 会生, 可高: an auxiliary and the verb it leads (一年能出五茬). (Not two verb characters: 降费, 包保
        // name activities, 减税降费.)
        if Self.auxiliaries.contains(scalars[token.start]) { return .verb }
        // 100分只拿到: a character glued to an adverb after it (分 + 只) ends what comes before; it names nothing.
        if token.length == 2, classes.knownClass(Token(start: token.start + 1, end: token.end, kind: .word), scalars) == .adverb { return .adverb }
        return .noun
    }

    /// 种茶 after 农户: a two-character word the HMM made of a character that is no noun and a noun is
    /// a verb and its object, the predicate after the noun phrase (not 侧式 first in a phrase: asked only after a noun).
    private func isVerbObject(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard token.kind == .word, token.length == 2, classes.knownClass(token, scalars) == nil,
              let first = classes.knownClass(Token(start: token.start, end: token.start + 1, kind: .word), scalars),
              first != .noun, first != .adjective, first != .measure else { return false }
        return classes.knownClass(Token(start: token.start + 1, end: token.end, kind: .word), scalars) == .noun
    }

    private func hasSuffix(_ token: Token, _ scalars: [Unicode.Scalar], _ suffixes: [[Unicode.Scalar]]) -> Int? {
        for suffix in suffixes where token.length > suffix.count && scalars[(token.end - suffix.count)..<token.end].elementsEqual(suffix) {
            return suffix.count
        }
        return nil
    }

    /// 提高到, 增长了, 下降至: the stem and a particle (not 增加值, a noun that starts like one).
    private func hasPrefix(_ token: Token, _ scalars: [Unicode.Scalar], _ prefixes: [[Unicode.Scalar]]) -> Bool {
        // Every stem starts with one of the direction words' first characters: most tokens start with none.
        guard token.length > 0, directionFirsts.contains(scalars[token.start]) else { return false }
        return prefixes.contains { token.length >= $0.count && scalars[token.start..<(token.start + $0.count)].elementsEqual($0)
            && (token.length == $0.count || token.length == $0.count + 1 && Self.stemParticles.contains(scalars[token.end - 1])) }
    }

    /// Where a figure's clause starts: after sentence or clause punctuation, or after the 、 that
    /// ends the previous item of a list (市政协共开展A3次、B8次 → B).
    /// How far from its figure a clause is read: subjects sit next to their figures, and text
    /// without punctuation must not make every figure read the whole run (quadratic).
    static let maximumClauseReach = 64

    static func clauseStart(before start: Int, in scalars: [Unicode.Scalar], listBoundary: Int?, limit: Int) -> Int {
        var index = start
        let limit = max(limit, start - maximumClauseReach)
        while index > limit {
            let scalar = scalars[index - 1]
            if isClauseBreak(scalar) { break }
            if scalar == "、" && listBoundary == index - 1 { break }
            index -= 1
        }
        return index
    }

    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "：", "，", ",", ";", ":", "!", "?", "\n", "\r", "（", "(", "）", ")", "“", "”", "《", "》",
             "—", "…", "\"", "「", "」", "『", "』", "【", "】", "\t":
            return true
        default:
            return false
        }
    }

    /// Working memory for one document's subjects: the segmenter's, and the last phrase read after
    /// a figure (a figure's subject and its counted noun ask for the same one).
    struct Scratch {
        var segmentation = Segmenter.Scratch()
        fileprivate var lastPhrase: (start: Int, clauseEnd: Int, throughCopula: Bool, found: (text: String?, head: Token?))?
    }

    /// Whether the noun phrase after the figure may be its subject: not after 人 (10人专程前来: 人 is the noun
    /// counted), nor a purpose clause after money (投资1.2亿元建设新厂房).
    enum AfterPhrase {
        case any, none, notPurpose
    }

    struct Found {
        var subject: String?
        /// A verb or copula stood between the subject and the figure (另有两成受访者, 持有风行网).
        var linked = false
        var direction: String?
        var approximate = false
        /// The subject is only the governing verb (投资1.2万亿元) or nothing: a noun after the unit says more.
        var isFallback = false
        /// The subject is one adjective character, a dimension (叶长5厘米 → 长): it names only a measure.
        var isDimension = false
        /// The subject is the governing verb itself (投资1.2万亿元): an activity, never what a count counts.
        var isVerb = false
        /// The subject is a phrase of verbs alone (废止22件).
        var isVerbPhrase = false
    }

    /// The subject before `figureStart`, within `clauseStart..<figureStart`: the noun phrase that
    /// ends there once adverbs, prepositions, qualifiers and the direction of a change are set
    /// aside, stopped at the verb that governs the figure (开展常委会议专题协商3次 → 常委会议专题协商).
    /// Else the noun phrase after the figure (国家签署协议 → 国家; 43%的受访者 → 受访者), else the
    /// noun phrase that does what the verb says (北美首映开出1830万美元 → 北美首映), else the verb.
    func subject(in scalars: [Unicode.Scalar], clauseStart: Int, figureStart: Int, figureEnd: Int, clauseEnd: Int,
                 after: AfterPhrase = .any, scratch: inout Scratch) -> Found {
        var found = Found()
        // 建成“长者饭堂”3652个: a name in quotes right before the figure is what it counts, whole (not when words follow
        // the figure: “四横六纵”500千伏主干网架, “数据要素乘”三年行动计划).
        if figureStart - 1 > max(0, figureStart - 16), scalars[figureStart - 1] == "”", figureEnd >= scalars.count || !ScriptClass.isHan(scalars[figureEnd]) {
            var open = figureStart - 2
            while open > 0, figureStart - open <= 14, scalars[open] != "“", ScriptClass.isHan(scalars[open]) || scalars[open] == "·" { open -= 1 }
            if scalars[open] == "“", open + 2 < figureStart - 1 {
                found.subject = String(String.UnicodeScalarView(scalars[(open + 1)..<(figureStart - 1)]))
                return found
            }
        }
        // Subjects are short: segment only the last 24 characters of the clause. Starting
        // mid-word there costs at most the first word, which the 16-character cap drops anyway.
        let windowStart = max(clauseStart, figureStart - 24)
        var words = segmenter.tokens(in: scalars, range: windowStart..<figureStart, scratch: &scratch.segmentation)
        words.removeAll { $0.kind == .whitespace }
        if windowStart > clauseStart, !words.isEmpty { words.removeFirst() }
        // A verb or copula between the noun phrase and the figure (持有, 有, 为): the phrase is
        // the owner, not what the figure counts, when a noun follows the figure.
        var linked = false
        // Trailing: direction words, qualifiers, noise (比上年增长, 共, 达), adverbs and prepositions.
        while let last = words.last {
            if last.kind == .punctuation {
                words.removeLast()
                continue
            }
            if upWords.contains(last, in: scalars) || hasPrefix(last, scalars, upStems) {
                found.direction = found.direction ?? "up"
            } else if downWords.contains(last, in: scalars) || hasPrefix(last, scalars, downStems) {
                found.direction = found.direction ?? "down"
            } else if approximateWords.contains(last, in: scalars) {
                found.approximate = true
            } else if last.length >= 2, Self.gluedVerbEndings.contains(scalars[last.end - 1]), classes.knownClass(last, scalars) == nil {
                // 比例仍为, 总数达: a word the lexicon lacks, glued by the HMM to the verb before the figure.
                linked = true
                words[words.count - 1] = Token(start: last.start, end: last.end - 1, kind: last.kind)
                // 仍为, 已达: what is left is one more of those characters (an adverb), not a word of the phrase.
                if last.length == 2, Self.gluedVerbEndings.contains(scalars[last.start]) { words.removeLast() }
                continue
            } else if last.length >= 2, scalars[last.end - 1] == "约" {
                // 长约, 高约: the approximator glued to a dimension word by the segmenter.
                found.approximate = true
                words[words.count - 1] = Token(start: last.start, end: last.end - 1, kind: last.kind)
                continue
            } else if let length = hasSuffix(last, scalars, upStems) ?? hasSuffix(last, scalars, downStems) {
                // 价格上涨 is one dictionary word: keep 价格, read 上涨.
                found.direction = found.direction ?? (hasSuffix(last, scalars, upStems) != nil ? "up" : "down")
                words[words.count - 1] = Token(start: last.start, end: last.end - length, kind: last.kind)
                break
            } else if classOf(last, scalars) == .verb, Self.copulaEndings.contains(scalars[last.end - 1]) {
                linked = true // 仍为, 均为, 分别为, 达到: the figure's copula
            } else if noiseWords.contains(last, in: scalars) {
                linked = linked || classOf(last, scalars) == .verb || classOf(last, scalars) == .preposition
            } else if last.length == 1, words.count >= 2, last.end < figureStart, Self.aspectParticles.contains(scalars[last.end]),
                      words[words.count - 2].kind == .word, classOf(last, scalars) == .verb, classOf(words[words.count - 2], scalars) == .noun {
                // 葡萄卖了80多万元: one verb character with an aspect particle (了, 过) after the noun is the predicate
                // (not 西安站, 赤字率: single characters the lexicon tags as verbs end many names).
                linked = true
            } else if let dimension = gluedDimension(last, scalars) {
                // 可高约7米, 但常高3米, 及重1.7公斤: a dimension the HMM glued to the adverb, auxiliary or conjunction before it.
                words[words.count - 1] = dimension
                break
            } else {
                let wordClass = classOf(last, scalars)
                guard wordClass == .adverb || wordClass == .preposition || wordClass == .particle else { break }
            }
            words.removeLast()
        }
        // 粮食产量较上年增长5.2%, 营业额比三年前增长: the standard a change is compared with (比/较 and the
        // time or noun phrase after it) is set aside; the phrase before it is the subject.
        if let comparison = words.lastIndex(where: { isComparison($0, scalars) || $0.length > 1 && isComparison(Token(start: $0.start, end: $0.start + 1, kind: .word), scalars)
                                                && noiseWords.contains($0, in: scalars) }), comparison < words.count - 1,
           words[(comparison + 1)...].allSatisfy({ $0.kind == .number || $0.kind == .word && (Self.standardClasses.contains(classOf($0, scalars)) || classOf($0, scalars) == .verb) }) {
            words.removeSubrange(comparison...)
        }
        // 数字经济核心产业增加值占地区生产总值比重达12%: a share (比重, 比例, 份额) of a whole is named with both, A占B比重.
        if let last = words.last, isShareWord(last, scalars), let share = shareOfWhole(words, scalars) {
            found.subject = share
            found.linked = linked
            return found
        }
        // 增速高于全国0.7个百分点, 经济总量保持全国第5位: after a comparing verb, or any verb before a rank, the
        // frame or scope (全国…) is not what the figure is about; what stands before the verb is, or nothing here.
        var framed: Int?
        for index in words.indices.dropLast().reversed()
            where scopeFirsts.contains(scalars[words[index + 1].start]) && scopeWords.contains(words[index + 1], in: scalars) {
            framed = index
            break
        }
        if let verb = framed, comparativeVerbs.contains(words[verb], in: scalars)
            || (scalars[figureStart] == "第" || scalars[figureStart] == "前")
                && (rankVerbs.contains(words[verb], in: scalars) || classOf(words[verb], scalars) == .verb) {
            // (分别居全国第2位、第7位: adverbs before the verb are not the phrase's end.)
            var end = verb
            while end > 0, words[end - 1].kind == .word, classOf(words[end - 1], scalars) == .adverb { end -= 1 }
            found.subject = text(of: nounPhrase(endingBefore: topicEnd(before: end, in: words, scalars), in: words, scalars), scalars)
            found.linked = true
            return found
        }
        // The governing verb: one of the genre's, or any word the lexicon calls a verb.
        var governingVerb: Token?
        var agent: ArraySlice<Token> = []
        var ranks = false
        // (A loop, not last(where:) with a closure: the optimiser copied the whole finder into that closure.)
        var governing: Int?
        for index in words.indices.reversed() {
            // 固定资产投资增长5%: what changes is the indicator the verb ends, not an object it governs.
            if found.direction != nil, index == words.count - 1, index > 0,
               [.noun, .verb].contains(classOf(words[index - 1], scalars)), !isResultative(words[index], scalars) { continue }
            if isGoverning(at: index, in: words, scalars) {
                governing = index
                break
            }
        }
        if var verb = governing {
            // 发放救助资金, 减税降费: of two verbs in a row the first governs, the second names the thing.
            // (Not past a word that names a quantity: 一般公共预算收入完成, where the lexicon tags 收入 a verb.)
            while verb > 0, isVerbLike(words[verb - 1], scalars), !metricWords.contains(words[verb - 1], in: scalars) { verb -= 1 }
            governingVerb = words[verb]
            agent = nounPhrase(endingBefore: topicEnd(before: verb, in: words, scalars), in: words, scalars)
            // 算力总规模位居全球第二: a rank belongs to what stands before the ranking verb.
            // (With no noun before it, the words after it: 位列金牌榜第2位; 该县位列第五 has none, never the verb.)
            if rankVerbs.contains(words[verb], in: scalars) {
                // 票数在全香港排名第二: the scope after a preposition (在全国) is where it ranks, not what.
                if let first = agent.first, agent.startIndex > 0, classOf(words[agent.startIndex - 1], scalars) == .preposition,
                   case let before = nounPhrase(endingBefore: agent.startIndex - 1, in: words, scalars), !before.isEmpty, first.kind == .word {
                    agent = before
                }
                if let text = text(of: agent, scalars) {
                    found.subject = text
                    found.linked = true
                    return found
                }
                ranks = true
            }
            words.removeSubrange(...verb)
            linked = true
        }
        // 共有留守儿童, 现有在校学生: after a verb of having, a verb first before the head noun qualifies it (not 新建改建学校).
        var phrase = nounPhrase(endingBefore: words.count, in: words, scalars,
                                governed: governingVerb.map { $0.length >= 2 && scalars[$0.end - 1] == "有" } ?? false)
        // 快, 最高, 专程: a subject names a thing; words that are no noun and not the verbs that name an
        // activity are no phrase. 比去年同期: the standard a change is compared with is not its subject.
        // (长, 宽, 高: one adjective character is a dimension, kept for measures.)
        if !phrase.isEmpty, !phrase.contains(where: { $0.kind == .latin || [.noun, .time, .measure].contains(classOf($0, scalars))
                                                    || classOf($0, scalars) == .locative && isRegion($0, scalars) })
            && !phrase.allSatisfy({ classOf($0, scalars) == .verb }) {
            if phrase.count == 1, phrase[phrase.startIndex].length == 1, classOf(phrase[phrase.startIndex], scalars) == .adjective {
                found.isDimension = true
            } else if let last = phrase.last, last.length == 1, Self.dimensions.contains(scalars[last.start]) {
                // 一般长86厘米: words that are no noun before a dimension only qualify it.
                phrase = phrase[(phrase.endIndex - 1)...]
                found.isDimension = true
            } else {
                phrase = phrase[phrase.startIndex..<phrase.startIndex]
            }
        }
        // 带30人: one verb character alone is the predicate, not an activity that names the figure (投资, 支出).
        if phrase.count == 1 && phrase[phrase.startIndex].length == 1 && classOf(phrase[phrase.startIndex], scalars) == .verb
            || phrase.startIndex > 0 && isComparison(words[phrase.startIndex - 1], scalars) {
            phrase = phrase[phrase.startIndex..<phrase.startIndex]
        }
        // 车速快一倍, 数字连续增长: adjectives after the head noun are the predicate (a modifier stands before its noun).
        while phrase.count >= 2, classOf(phrase[phrase.endIndex - 1], scalars) == .adjective,
              phrase.dropLast().contains(where: { $0.kind == .word && classOf($0, scalars) == .noun }) {
            phrase = phrase.dropLast()
        }
        found.linked = linked
        // 有著平均7%的增长, 约有八成增长: a change named right after the figure gives its direction.
        if found.direction == nil, figureEnd < clauseEnd {
            let start = scalars[figureEnd] == "的" ? figureEnd + 1 : figureEnd
            if start < clauseEnd, directionFirsts.contains(scalars[start]),
               let next = segmenter.tokens(in: scalars, range: start..<min(clauseEnd, start + 4), scratch: &scratch.segmentation).first {
                if upWords.contains(next, in: scalars), next.length >= 2 { found.direction = "up" }
                if downWords.contains(next, in: scalars), next.length >= 2 { found.direction = "down" }
            }
        }
        // 43%的受访者, 持有风行网19.76%的股权: the noun after 的 is what is counted, unless the
        // phrase before names it directly (角度在10度以上的波动) or 的 leads to a change (7%的增长).
        if phrase.isEmpty || linked, figureEnd + 1 < clauseEnd, scalars[figureEnd] == "的" {
            let after = phraseAfter(figureEnd + 1, clauseEnd: clauseEnd, scalars, scratch: &scratch)
            if let head = after.head, upWords.contains(head, in: scalars) {
                found.direction = found.direction ?? "up"
            } else if let head = after.head, downWords.contains(head, in: scalars) {
                found.direction = found.direction ?? "down"
            } else if let text = after.text {
                found.subject = text
                return found
            }
        }
        // 签约金额达15.6亿元, 交易总额: an amount word alone (金额, 总额) names nothing; the verb right before it says of what.
        if let verb = governingVerb, let name = Self.amountName(phrase, after: verb, scalars) {
            found.subject = name
            found.linked = linked
            return found
        }
        if let text = text(of: phrase, scalars) {
            found.subject = text
            // 承包了120亩荒山: a phrase of verbs alone names the activity, not what the unit measures.
            // (A loop, not allSatisfy with a closure: the optimiser copied the whole finder into that closure.)
            var verbsAlone = true
            for word in phrase where classOf(word, scalars) != .verb {
                verbsAlone = false
                break
            }
            found.isFallback = verbsAlone
            // (After a governing verb the second verb names the thing: 立案交办提案724件.)
            found.isVerbPhrase = found.isFallback && governingVerb == nil
            return found
        }
        // 地区生产总值迈上14万亿元新台阶: a quantity's name before the predicate is what the figure measures.
        if let last = agent.last, last.kind == .word, namesQuantity(last, scalars), let text = text(of: agent, scalars) {
            found.subject = text
            return found
        }
        // Nothing before: the noun phrase right after the figure (新建3所学校 → 学校).
        if after != .none, case let phrase = phraseAfter(figureEnd, clauseEnd: clauseEnd, scalars, scratch: &scratch),
           let text = phrase.text, let head = phrase.head,
           after != .notPurpose || !isPurposeClause(after: figureEnd, head: head, scalars, scratch: &scratch) {
            found.subject = text
        } else if let text = text(of: agent, scalars) {
            found.subject = text
            found.isFallback = true
        } else if let governingVerb, governingVerb.kind == .word, governingVerb.length >= 2, found.direction == nil, !ranks {
            // 投资1.2万亿元: the verb itself names what is measured. (A change after a verb, 安排、比上年
            // 提高1个百分点, takes the subject of the figure before it instead.)
            found.subject = string(scalars, governingVerb)
            found.isFallback = true
            found.isVerb = true
        } else {
            found.isFallback = true
        }
        return found
    }

    /// 强度, 完成率: a noun (no verb) that ends like a quantity's name (role metricEnding).
    private func endsLikeQuantityName(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.kind == .word && metricEndings.contains(scalars[token.end - 1]) && !classes.isVerbal(token, scalars)
    }

    /// 签约金额: the governing verb and an amount word (金额, 总额) right after it that is the whole phrase.
    private static func amountName(_ phrase: ArraySlice<Token>, after verb: Token, _ scalars: [Unicode.Scalar]) -> String? {
        guard phrase.count == 1, let amount = phrase.first, amount.kind == .word, amount.length == 2, scalars[amount.end - 1] == "额",
              verb.kind == .word, verb.length >= 2, verb.end == amount.start else { return nil }
        return String(scalars: scalars[verb.start..<amount.end])
    }

    /// Where the noun phrase a predicate is about ends, before the verb at `verb`: past the adverbs,
    /// time words, numbers and measure words between them (春茶最多时一天卖出 → 春茶).
    private func topicEnd(before verb: Int, in words: [Token], _ scalars: [Unicode.Scalar]) -> Int {
        var end = verb
        while end > 0 {
            let word = words[end - 1]
            let wordClass = classOf(word, scalars)
            // 连续9年位居: an adjective or verb right before a number or time (连续, 累计) qualifies it, like an adverb.
            guard word.kind == .number || [.adverb, .time, .numeral, .measure, .locative].contains(wordClass)
                    || noiseWords.contains(word, in: scalars)
                    || end < verb && (wordClass == .adjective || wordClass == .verb) && word.length >= 2
                        && (words[end].kind == .number || [.numeral, .time].contains(classOf(words[end], scalars))) else { break }
            end -= 1
        }
        // Nothing to pass over, or nothing but them: the phrase right before the verb, as before.
        return end == 0 ? verb : end
    }

    /// Whether the nouns from `tokens[start]` on run to the end of the clause (punctuation, 的, the window's end).
    private func endsPhrase(after start: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar], reachesClauseEnd: Bool, predicateMayFollow: Bool) -> Bool {
        var index = start
        while index < tokens.count, tokens[index].kind == .word, classOf(tokens[index], scalars) == .noun { index += 1 }
        guard index > start else { return false }
        // (3万余户受灾群众住进新居: the nouns' own predicate may follow.)
        return index == tokens.count ? reachesClauseEnd : tokens[index].kind == .punctuation || classOf(tokens[index], scalars) == .particle
            || predicateMayFollow && classOf(tokens[index], scalars) == .verb
    }

    /// 退捕, 同时在线: a word of two characters or more the lexicon lacks, whose first character is a verb, an adverb or
    /// a connective, or a set phrase (l) that starts with an adverb or connective: after a noun, a predicate.
    private func startsPredicate(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard token.kind == .word, token.length >= 2 else { return false }
        let unknown = classes.isUnknown(token, scalars)
        guard unknown || classes.isSetPhrase(token, scalars) else { return false }
        switch classes.knownClass(Token(start: token.start, end: token.start + 1, kind: .word), scalars) {
        case .adverb?, .preposition?, .conjunction?: return true
        case .verb?: return unknown // (not 候补委员, a set phrase that names people)
        case .locative?:
            // 评论 中有, 会议 上作: a locative and a verb (not 中小微: a locative and a noun or adjective).
            guard unknown, token.length == 2 else { return false }
            let second = classes.knownClass(Token(start: token.start + 1, end: token.end, kind: .word), scalars)
            return second == .verb || second == .preposition
        default: return false
        }
    }

    /// 建成和美乡村: a one-character conjunction first in the words (nothing before it to join), before a lone character
    /// and a noun, is the first character of a name the segmenter split (和美), not a conjunction.
    private func startsCompound(at start: Int, before end: Int, _ words: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        start == 0 && start + 2 < end && words[start].length == 1 && words[start + 1].kind == .word && words[start + 1].length == 1
            && ScriptClass.isHan(scalars[words[start + 1].start]) && classOf(words[start + 2], scalars) == .noun
    }

    /// A占B比重: the part, 占, the whole and the share word that ends `words`, as one subject (nil when no noun before 占).
    @inline(never)
    private func shareOfWhole(_ words: [Token], _ scalars: [Unicode.Scalar]) -> String? {
        guard let share = words.last else { return nil }
        var zhan = words.count - 2
        while zhan > 0, !(words[zhan].kind == .word && words[zhan].length == 1 && scalars[words[zhan].start] == "占") { zhan -= 1 }
        // (Not 在预算中所占的比重: the part is named elsewhere.)
        guard zhan > 0, words[zhan - 1].length >= 2, classOf(words[zhan - 1], scalars) == .noun, scalars[words[zhan].start - 1] != "所",
              let owner = nounPhrase(endingBefore: zhan, in: words, scalars).first else { return nil }
        return String(scalars: scalars[owner.start..<share.end])
    }

    /// 比重, 比例, 份额: a word that names a part's share of a whole.
    private func isShareWord(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard token.kind == .word, token.length >= 2 else { return false }
        let a = scalars[token.end - 2], b = scalars[token.end - 1]
        return a == "比" && (b == "重" || b == "例") || a == "份" && b == "额"
    }

    /// 以上, 以下学历: a threshold that, between words, names a class (规模以上工业, 县级以下医院).
    private func startsWithThreshold(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.kind == .word && token.length >= 2 && scalars[token.start] == "以" && (scalars[token.start + 1] == "上" || scalars[token.start + 1] == "下")
    }

    /// 越 冬候鸟, 离 心率: a lone character (no function word) the segmenter cut off a word it makes with the next
    /// word's first character (越冬, 离心): the segmenter chose the wrong split, and the character is part of the name.
    private func splitsWord(before next: Token, _ single: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // (Not the verbs and adverbs that link a subject to its figure: 占 本年, 已 达.)
        guard next.length >= 2, ScriptClass.isHan(scalars[single.start]), !Self.gluedVerbEndings.contains(scalars[single.start]),
              scalars[single.start] != "占", segmenter.lexicon.logProbability(of: scalars[single.start..<(next.start + 1)]) != nil,
              !noiseWords.contains(single, in: scalars) else { return false }
        switch classOf(single, scalars) {
        case .preposition, .conjunction, .particle, .pronoun, .numeral, .measure: return false
        default: break
        }
        // (Only before a noun: 极 不平凡 is an adverb and its adjective.)
        return classOf(next, scalars) == .noun
    }

    /// 比, 较: the phrase after them is the standard a change is compared with.
    private func isComparison(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.length == 1 && (scalars[token.start] == "比" || scalars[token.start] == "较")
    }

    /// 、 和 与 及: a list inside a noun phrase (调研、视察和协商报告).
    private func isCoordinator(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        if token.kind == .punctuation { return scalars[token.start] == "、" }
        return token.length == 1 && Self.coordinators.contains(scalars[token.start])
    }

    private func isVerbLike(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        verbs.contains(token, in: scalars) || classOf(token, scalars) == .verb
    }

    /// Whether the verb at `index` governs the figure, so the subject starts after it: a genre verb
    /// (开展, 完成, 新建) or one the lexicon tags, if it ends in a result (孵化出) or follows an adverb
    /// (仍持有). A verb between nouns before more of the phrase names an indicator (城镇新增就业,
    /// 城镇登记失业率); an activity verb right before the figure is what is counted (专题调研视察48项).
    private func isGoverning(at index: Int, in words: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        let word = words[index]
        if rankVerbs.contains(word, in: scalars) { return true }
        // 撬动社会投资三十余亿元, 安排省级预算内投资: a verb, nouns and a genre verb last before the figure: the nouns and the
        // last verb are the first verb's object (社会投资), the first verb governs.
        if index == words.count - 1, index >= 2, words[index - 1].kind == .word, classOf(words[index - 1], scalars) == .noun {
            var before = index - 2
            while before > 0, words[before].kind == .word, classOf(words[before], scalars).isModifier { before -= 1 }
            // (Past more than one noun only when the last verb names a quantity, 投资: 规定债款支出 keeps its reading.)
            if before == index - 2 || namesQuantity(word, scalars),
               isVerbLike(words[before], scalars), classOf(words[before], scalars) == .verb || verbs.contains(words[before], in: scalars) { return false }
        }
        let resultative = isResultative(word, scalars)
        // (研发经费投入强度: a genre verb too, when the noun after it ends like a quantity's name: 率, 额, 度;
        // not 带动消费, a verb itself.)
        if !resultative, word.length >= 2, index > 0, index < words.count - 1, classOf(words[index - 1], scalars) == .noun,
           words[index - 1].kind == .word, !verbs.contains(word, in: scalars) || indicatorVerbs.contains(word, in: scalars)
            || endsLikeQuantityName(words[index + 1], scalars) {
            return false
        }
        let governs = verbs.contains(word, in: scalars)
            || classOf(word, scalars) == .verb && (resultative || index > 0 && classOf(words[index - 1], scalars) == .adverb
                // 经济总量跨越8万亿元: a verb right before the figure after the name of a quantity is its predicate.
                || index == words.count - 1 && index > 0 && words[index - 1].kind == .word && namesQuantity(words[index - 1], scalars)
                    && !namesQuantity(word, scalars)) // (not 生活费收入: 收入 names the quantity itself)
        // 总投资, 总产值: a character the segmenter left alone before the verb qualifies it (jieba's b) or
        // makes a dictionary noun with it (asked last: a lexicon look-up).
        if governs, index > 0, words[index - 1].length == 1, words[index - 1].kind == .word, isDistinguishingWord(words[index - 1], scalars)
            || segmenter.lexicon.logProbability(of: scalars[words[index - 1].start..<word.end]) != nil { return false }
        return governs
    }

    /// Whether the word is one of the genre's governing verbs (新建, 开展: the lexicon tags 新建 a place name).
    func isGenreVerb(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        verbs.contains(token, in: scalars)
    }

    /// 孵化出, 开出, 拿下, 增至: a verb that ends in its result governs an object; it names nothing.
    private func isResultative(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        Self.resultEndings.contains(scalars[token.end - 1]) // 有: 设有, 现有, 还有, 拥有; not 入 (收入)
    }

    /// The noun phrase ending just before `words[end]`: nouns, and adjectives in front of them.
    /// `governed`: the words start right after the governing verb (共有留守儿童: a verb first before the head noun then qualifies it).
    private func nounPhrase(endingBefore end: Int, in words: [Token], _ scalars: [Unicode.Scalar], governed: Bool = false) -> ArraySlice<Token> {
        var start = end
        while start > 0 {
            let wordClass = classOf(words[start - 1], scalars)
            if wordClass.isModifier || words[start - 1].kind == .latin || wordClass == .measure && start < end
                || wordClass == .locative && isRegion(words[start - 1], scalars)
                || wordClass == .measure && start == end && words[start - 1].length == 1 && start >= 2
                    && (classOf(words[start - 2], scalars) == .noun || classOf(words[start - 2], scalars) == .verb && words[start - 2].length == 2) {
                start -= 1 // 充电桩总数: a measure word inside a compound the lexicon lacks
            } else if start == end, start >= 2, wordClass == .verb, metricWords.contains(words[start - 1], in: scalars), words[start - 2].kind == .word,
                      [.noun, .verb].contains(classOf(words[start - 2], scalars)) {
                start -= 1 // 研发 投入: a verb that names a quantity (role metric) heads the phrase after a noun or verb
            } else if start < end, isPeriodPrefix(at: start - 1, words, scalars), classOf(words[start], scalars) == .verb {
                start -= 1 // 年加工能力, 日处理量: 年 before the words of a quantity's name means "per year"
            } else if start < end, words[start - 1].length == 1, words[start - 1].kind == .word, words[start].kind == .word,
                      segmenter.lexicon.logProbability(of: scalars[words[start - 1].start..<words[start].end]) != nil
                        || splitsWord(before: words[start], words[start - 1], scalars) {
                start -= 1 // 可 支配 收入: a character the segmenter left alone, a dictionary word with the next (可支配)
            } else if start == 1, classOf(words[0], scalars) == .conjunction, startsCompound(at: 0, before: end, words, scalars) {
                start -= 1 // 和 美 乡村: nothing before the conjunction to join: it starts a name the segmenter split
            } else if start < end, words[start - 1].kind == .word,
                      startsWithThreshold(words[start], scalars)
                        || start >= 2 && wordClass == .locative && startsWithThreshold(words[start - 1], scalars) && words[start - 2].kind == .word
                            && classOf(words[start], scalars) == .noun {
                start -= 1 // 规模以上工业, 本科 以上学历: a threshold (以上, 以下) between words names a class: the word before is its part
            } else if start < end, start >= 2, wordClass == .adverb, words[start - 1].length >= 2, classes.knownClass(words[start], scalars) == .noun,
                      !Self.gluedVerbEndings.contains(scalars[words[start - 1].start]), // (not 仍然, 已经: they lead predicates)
                      words[start - 2].kind == .word, [.noun, .adjective, .adverb].contains(classOf(words[start - 2], scalars)) {
                start -= 1 // 超长期 特别 国债: between modifiers and before a noun, a word tagged an adverb qualifies the noun
            } else if start < end, wordClass == .verb, start >= 2, words[start - 1].length >= 2, classOf(words[start - 2], scalars) == .verb,
                      classOf(words[start], scalars) == .noun {
                start -= 1 // 签署 合作 协议: of two verbs before the noun, the second qualifies it, the first is the predicate
            } else if start < end, wordClass == .verb, words[start - 1].length == 2, words[start].length == 1,
                      classOf(words[start], scalars) == .measure || start + 1 < end && classes.isBoundMorpheme(words[start], scalars)
                        && words[start + 1].kind == .word && classOf(words[start + 1], scalars) == .noun {
                start -= 1 // 充电 桩 总数, 营造 林 面积: a verb before a lone measure or noun character that names a thing (桩, 林) is part of its name
            } else if start < end, start >= 2, words[start - 1].length == 1, classOf(words[start - 1], scalars) == .verb,
                      words[start - 2].length == 1, scalars[words[start - 2].start] == "的" {
                start -= 1 // 村里的带货主播: after 的 a lone verb character starts the noun it modifies
            } else if start < end, start >= 2, isCoordinator(words[start - 1], scalars),
                      classOf(words[start - 2], scalars) == .noun || classOf(words[start - 2], scalars) == .verb {
                start -= 1 // 调研、视察和协商报告: coordinated nouns
            } else if wordClass == .verb, !isResultative(words[start - 1], scalars), start < 2 || classOf(words[start - 2], scalars) != .adverb,
                      !verbs.contains(words[start - 1], in: scalars) && (start == end || isCoordinator(words[start], scalars))
                        || start < end && words[start - 1].length >= 2
                        && (start >= 2 && classOf(words[start - 2], scalars) == .noun
                            && namesIndicator(before: words[start - 2], verb: words[start - 1], next: words[start], head: words[end - 1], scalars)
                            // (冻结 涉案 资金: before another verb, one the two-verb rule kept, it is the predicate; 新增 就业 is an indicator.)
                            && (classOf(words[start], scalars) != .verb || indicatorVerbs.contains(words[start - 1], in: scalars)
                                || namesQuantity(next: words[start], head: words[start], scalars))
                            || (start == 1 || classOf(words[start - 2], scalars) == .adjective || isPeriodPrefix(at: start - 2, words, scalars))
                                && !verbs.contains(words[start - 1], in: scalars)
                            && (namesQuantity(next: words[start], head: words[start], scalars) || governed && start == 1 && end == 2)) {
                start -= 1 // 城镇登记失业率, 专题调研视察: in this genre an activity verb inside the phrase is a noun
            } else {
                break
            }
        }
        // Leading noise (全年, 其中, 各类), list marks and conjunctions are not part of the phrase.
        // A measure word right after a numeral (个乡镇, 座水库) is the tail of an earlier figure's numeral
        // phrase (not 株高, a noun there).
        while start < end, !(start == 0 && startsCompound(at: start, before: end, words, scalars)), noiseWords.contains(words[start], in: scalars)
                    && !(start + 1 < end && isPeriodPrefix(at: start, words, scalars) && classOf(words[start + 1], scalars) == .verb)
                || words[start].kind == .punctuation
                || classOf(words[start], scalars) == .conjunction || words[start].kind == .number
                || start + 1 < end && words[start].start > 0 && classOf(words[start], scalars) == .measure
                    && (NumberScanner.isNumeralCharacter(scalars[words[start].start - 1]) || ("0"..."9").contains(scalars[words[start].start - 1])) { start += 1 }
        // 东海市货物贸易进出口总额, 浙江省地区生产总值: a place with its administrative level first in the phrase says
        // whose the quantity is, like 全市; the quantity's name starts after it (not 城镇, 黄河流域: no level).
        if let placeEnd = administrativePlaceEnd(from: start, before: end, words, scalars),
           words[placeEnd..<end].contains(where: { $0.kind == .word && classOf($0, scalars) == .noun }) {
            start = placeEnd
        }
        // 心理放松室、团体心理辅导室 read from 室: a lone character before 、 is the tail of an item cut off before it.
        while end - start >= 3, start > 0, words[start - 1].kind == .word, words[start].kind == .word, words[start].length == 1,
              words[start + 1].kind == .punctuation,
              scalars[words[start + 1].start] == "、" { start += 2 }
        // 园区现有从业人员, 全市其中: a noise word that introduces what is counted (现有, 已有, 其中) inside the phrase
        // ends the scope before it; the phrase starts after it (not 平均, 年均 in 人均预期寿命, 年均浓度).
        if end - start >= 3, let noise = words[(start + 1)..<(end - 1)].lastIndex(where: { $0.length == 2
            && (scalars[$0.end - 1] == "有" || scalars[$0.start] == "其" && scalars[$0.end - 1] == "中") && noiseWords.contains($0, in: scalars) }) {
            start = noise + 1
        }
        return words[start..<end]
    }

    /// Whether the word names a quantity (产量, 增加值, 吞吐量: roles metric and metricEnding).
    func namesQuantity(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        namesQuantity(next: token, head: token, scalars)
    }

    /// 东部, 中部, 初中部, 沿海: a locative of two characters or more that names a region or a part is a noun
    /// in a phrase (东部地区, 初中部1165人); not 以上, 之间, 期间, 最后, 里面, 两岸 (positions and times).
    private func isRegion(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.kind == .word && token.length >= 2 && !Self.positionStarts.contains(scalars[token.start])
            && !Self.positionEnds.contains(scalars[token.end - 1])
    }

    /// Where a place with its administrative level ends when one starts the phrase at `start`: a place name of three
    /// characters or more ending in the level (浙江省, 青岛港), or a place name (or a name the lexicon lacks) and the level alone (东海 市).
    private func administrativePlaceEnd(from start: Int, before end: Int, _ words: [Token], _ scalars: [Unicode.Scalar]) -> Int? {
        guard start < end, words[start].kind == .word else { return nil }
        let first = words[start]
        if first.length >= 3, Self.administrativeLevels.contains(scalars[first.end - 1]), classes.isPlaceName(first, scalars) { return start + 1 }
        guard start + 1 < end, first.length >= 2, words[start + 1].kind == .word, words[start + 1].length == 1,
              Self.administrativeLevels.contains(scalars[words[start + 1].start]),
              classes.isPlaceName(first, scalars) || classes.isUnknown(first, scalars) else { return nil }
        return start + 2
    }

    private static let administrativeLevels: ScalarList = "省市县区镇乡村州港"

    /// 年 (日, 月) alone before the name of a quantity, not after a number (年加工能力, but 2023年 is a year).
    private func isPeriodPrefix(at index: Int, _ words: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        let word = words[index]
        guard word.kind == .word, word.length == 1, Self.periodPrefixes.contains(scalars[word.start]) else { return false }
        guard word.start > 0 else { return true }
        let before = scalars[word.start - 1]
        return !NumberScanner.isNumeralCharacter(before) && !NumberScanner.isArabicDigit(before) && before != "余" && before != "多"
    }

    private static let periodPrefixes: ScalarList = "年月日"

    /// What the standard of a comparison is made of (上年, 去年同期, 三年前, 上年预计数; and verbs: 上年预算), not 较低的.
    private static let standardClasses: [WordClass] = [.time, .numeral, .noun, .locative, .measure, .pronoun]

    private static let positionStarts: ScalarList = "以之最两"
    private static let positionEnds: ScalarList = "后前间际来内外上下面中里"

    /// 城镇登记失业率, 城镇新增就业: a verb between nouns is part of an indicator's name when it is one of
    /// the genre's indicator verbs or the noun after it, or the phrase's head, names a quantity (率, 额, 量: Resources/subject-words.tsv,
    /// role metric); otherwise it is the predicate (企业签署协议, 算力总规模位居全球), and the phrase starts after it.
    private func namesIndicator(before: Token, verb: Token, next: Token, head: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // 保障性租赁住房, 公共租赁住房: a word that only qualifies (性, jieba's b) does nothing; the verb modifies.
        if before.length > 1 && attributiveEndings.contains(scalars[before.end - 1]) || isDistinguishingWord(before, scalars) { return true }
        // 城镇新增就业 (an activity after the indicator verb), but 交通部门新增公交线路: before a thing it is the predicate.
        return indicatorVerbs.contains(verb, in: scalars) && (classes.isVerbal(next, scalars) || namesQuantity(next: next, head: head, scalars))
            || compoundHeads.contains(next, in: scalars) || namesQuantity(next: next, head: head, scalars)
    }

    /// 转乘人次, 失业率: the noun after the verb, or the phrase's head, names a quantity (roles metric, metricEnding);
    /// then a verb first in the phrase or after an adjective, right before that noun (平均转乘人次), is part of the name too.
    private func namesQuantity(next: Token, head: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        [next, head].contains { word in
            word.length > 0 && metricEndings.contains(scalars[word.end - 1]) || metricWords.contains(word, in: scalars)
        }
    }

    private func isDistinguishingWord(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let distinguishingTag, token.kind == .word else { return false }
        let id = token.wordID >= 0 ? Int(token.wordID) : segmenter.lexicon.wordID(of: scalars[token.start..<token.end])
        return id.map { segmenter.lexicon.tagCode(ofWordID: $0) == distinguishingTag } ?? false
    }

    private func text(of phrase: ArraySlice<Token>, _ scalars: [Unicode.Scalar]) -> String? {
        guard let first = phrase.first, let last = phrase.last else { return nil }
        var start = first.start
        // A subject is a noun phrase, not a paragraph: keep its last 16 characters' words.
        // (A list of names may run to 24: 农村自来水普及率、规模化供水工程覆盖率.)
        // (Loops, not closures over self: the optimiser copied the whole finder into them once text(of:) was inlined.)
        var isList = false
        for word in phrase where isCoordinator(word, scalars) {
            isList = true
            break
        }
        if last.end - start > (isList ? 24 : 16), let cut = phrase.firstIndex(where: { last.end - $0.start <= 16 }) {
            start = phrase[cut].start
            // 心理放松室、团体心理辅导室: not from the middle of a list item; from the item after the next 、 or 和.
            if !isCoordinator(phrase[cut - 1], scalars) {
                for joiner in cut..<phrase.endIndex where isCoordinator(phrase[joiner], scalars) {
                    if joiner + 1 < phrase.endIndex { start = phrase[joiner + 1].start }
                    break
                }
            }
        }
        return string(scalars, Token(start: start, end: last.end, kind: .word))
    }

    /// The noun phrase starting at `start` (上市企业 in 孵化出7家上市企业; 贡献 in 两种主要的贡献): nouns
    /// and adjectives, up to a verb, preposition or particle; past 的 to the noun it leads to.
    func phraseAfter(_ start: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar], throughCopula: Bool = true,
                     scratch: inout Scratch) -> (text: String?, head: Token?) {
        let end = min(clauseEnd, start + 12)
        // Most figures end their clause: nothing to segment before punctuation.
        guard start < end, ScriptClass.isHan(scalars[start]) || ScriptClass.of(scalars[start]) == .latin else { return (nil, nil) }
        if let last = scratch.lastPhrase, last.start == start, last.clauseEnd == clauseEnd, last.throughCopula == throughCopula {
            return last.found
        }
        let found = readPhrase(start, end: end, clauseEnd: clauseEnd, scalars, throughCopula: throughCopula, scratch: &scratch.segmentation)
        scratch.lastPhrase = (start, clauseEnd, throughCopula, found)
        return found
    }

    private func readPhrase(_ start: Int, end: Int, clauseEnd: Int, _ scalars: [Unicode.Scalar], throughCopula: Bool,
                            scratch: inout Segmenter.Scratch) -> (text: String?, head: Token?) {
        let tokens = segmenter.tokens(in: scalars, range: start..<end, scratch: &scratch)
        var phraseStart = start, phraseEnd = start
        var head: Token?
        var lastAdjective: Token?
        var index = 0
        // 3万余户受灾群众住进新居: after a measure word (not 成, %: 近六成表示…) the nouns' own predicate may follow.
        let measured = start > 0 && ScriptClass.isHan(scalars[start - 1]) && !NumberScanner.isNumeralCharacter(scalars[start - 1]) && scalars[start - 1] != "成"
        // 3000人参加的活动: after 人 (人次) the people are what is counted, not the noun a clause leads to.
        let countsPeople = start >= 1 && scalars[start - 1] == "人" || start >= 2 && scalars[start - 2] == "人" && scalars[start - 1] == "次"
        // 237个为城镇, 两位是南京大学校友: a count whose predicate names what it counts.
        if throughCopula, let first = tokens.first, first.length == 1, scalars[first.start] == "为" || scalars[first.start] == "是", tokens.count > 1 {
            phraseStart = first.end
            phraseEnd = first.end
            index = 1
        }
        while index < tokens.count {
            let token = tokens[index]
            let wordClass = classOf(token, scalars)
            // 第一个发现的沧龙类, 5名参加比赛的选手: a short clause and 的 before the noun it describes.
            if head == nil, !countsPeople, wordClass == .verb, let de = relativeClauseEnd(from: index, tokens, scalars) {
                phraseStart = tokens[de].end
                phraseEnd = tokens[de + 1].end
                head = tokens[de + 1]
                index = de + 2
                continue
            }
            // 第一个赛季: a time noun counted after a measure word is the head (after a noun, 工人正在施工, it is no part of the phrase).
            // 一类保护建筑。, 第1大自治市镇（: a verb first, before nouns that end the clause, modifies them
            // (but 两期投放金融工具7400亿元 is a predicate and its object).
            let modifyingVerb = index == 0 && wordClass == .verb
                && endsPhrase(after: 1, tokens, scalars, reachesClauseEnd: end == clauseEnd, predicateMayFollow: measured)
            // 23个大项, 42艘冲锋舟: a word the lexicon tags as a numeral or an idiom, first after the unit, is a noun there.
            let mistagged = index == 0 && token.kind == .word && token.length >= 2 && (wordClass == .numeral || wordClass == .other)
                && !scalars[token.start..<token.end].contains { NumberScanner.isNumeralCharacter($0) || $0 == "第" }
            // 第十九次特别会议: an adverb by its tag, first after the unit and before a noun, modifies it.
            let modifyingAdverb = index == 0 && wordClass == .adverb && tokens.count > 1 && classOf(tokens[1], scalars) == .noun
            if head != nil, isVerbObject(token, scalars) { break }
            // 1200余户渔民退捕上岸, 十几名主播同时在线: after the counted noun, a word the HMM made or a set phrase
            // that starts with a verb, an adverb or a connective starts the predicate.
            if head != nil, measured, startsPredicate(token, scalars) { break }
            // 创业担保贷款, 城镇登记失业率: a verb between nouns before a noun that names a quantity (or an indicator verb) is part of the name.
            // (Not a genre verb, and the noun ends the phrase: 重大项目完成投资1200亿元 is a predicate and its object.)
            // (The cheap tests first: most verbs after a noun here are predicates.)
            if head != nil, wordClass == .verb, token.length >= 2, index + 1 < tokens.count, tokens[index + 1].kind == .word,
               index + 2 < tokens.count ? tokens[index + 2].kind == .punctuation : end == clauseEnd,
               indicatorVerbs.contains(token, in: scalars) || namesQuantity(next: tokens[index + 1], head: tokens[index + 1], scalars),
               !verbs.contains(token, in: scalars), classOf(tokens[index + 1], scalars) == .noun {
                phraseEnd = token.end
                index += 1
                continue
            }
            if token.kind == .word || token.kind == .latin, wordClass.isModifier || wordClass == .time && head == nil || modifyingVerb || mistagged || modifyingAdverb,
               wordClass == .noun || !verbs.contains(token, in: scalars), !noiseWords.contains(token, in: scalars) {
                phraseEnd = token.end
                lastAdjective = wordClass == .adjective && token.length >= 2 ? token : nil
                if wordClass == .noun || wordClass == .time || mistagged { head = token }
                if phraseEnd - phraseStart >= 8 { break }
            } else if token.length == 1, scalars[token.start] == "的", index + 1 < tokens.count, classOf(tokens[index + 1], scalars).isModifier,
                      head == nil || head!.start == phraseStart && isDistinguishingWord(head!, scalars) {
                // 主要的贡献 → 贡献; 第二大私营的商业银行 → 商业银行: a word that only qualifies (jieba's b) names nothing before 的.
                phraseStart = token.end
                phraseEnd = token.end
                head = nil
            } else {
                break
            }
            index += 1
        }
        // 4400余份合同。: a word the lexicon tags as an adjective (合同) that ends the phrase after the figure is its noun.
        if head == nil, let lastAdjective, lastAdjective.end == phraseEnd,
           index < tokens.count ? tokens[index].kind == .punctuation : end == clauseEnd {
            head = lastAdjective
        }
        guard let head, head.end > phraseStart else { return (nil, nil) }
        return (string(scalars, Token(start: phraseStart, end: head.end, kind: .word)), head)
    }

    /// 投资1.2亿元建设新厂房, 投入3000万元改善办学条件: after an amount of money, a verb and its object
    /// are what the money is for, not what it is, unless the head names money (救灾资金, 创业贷款: role metric).
    func isPurposeClause(after start: Int, head: Token, _ scalars: [Unicode.Scalar], scratch: inout Scratch) -> Bool {
        guard let first = segmenter.tokens(in: scalars, range: start..<min(scalars.count, start + 4), scratch: &scratch.segmentation).first,
              first.kind == .word, first.end < head.end, classes.isVerbal(first, scalars) else { return false }
        return !(metricEndings.contains(scalars[head.end - 1]) || metricWords.contains(head, in: scalars))
    }

    /// How far a relative clause before its noun may reach, in words (发现的, 取得四双的).
    private static let relativeClauseWords = 4

    /// After the 的 of a relative clause, a word that is no function word is the noun it describes (the lexicon
    /// tags 选手 a verb).
    private func isRelativeHead(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard token.kind == .word, !noiseWords.contains(token, in: scalars) else { return false }
        switch classOf(token, scalars) {
        case .noun, .verb, .adjective: return true
        default: return false
        }
    }

    /// The index of the 的 that ends a short clause starting at `tokens[start]` with a verb, when a noun follows it.
    private func relativeClauseEnd(from start: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Int? {
        guard classOf(tokens[start], scalars) == .verb else { return nil }
        var index = start + 1
        while index < tokens.count, index - start <= Self.relativeClauseWords, tokens[index].kind != .punctuation {
            if tokens[index].length == 1, scalars[tokens[index].start] == "的" {
                return index + 1 < tokens.count && isRelativeHead(tokens[index + 1], scalars) ? index : nil
            }
            index += 1
        }
        return nil
    }

    private func string(_ scalars: [Unicode.Scalar], _ token: Token) -> String {
        String(scalars: scalars[token.start..<token.end])
    }
}
