import AnalyticsCore

/// Numbers that are not figures (GUIDELINE "Not figures"), each a named rule with its examples
/// (FactRuleExampleTests run them).
enum NotFigureRule: String, Sendable, CaseIterable {
    /// 走进一家店铺, 是一座城市: 一 + measure word means "a". A figure when the number matters:
    /// after a noun it counts (文书一人), after 只/仅/共 it is exact, before a number it is a unit (一家三口).
    case indefiniteOne
    /// 这14个县, 这两种语言, 两人陷入热恋: a numeral pointing back to things already named.
    case pointingBack
    /// 10号线, 1号月台, 935线, 代码001, JA 21, U-17: numbers that name.
    case numberName
    /// 第三者, 第二语言: an ordinal that is part of a word.
    case ordinalWord
    /// 每一片茶叶, 每一位: 每 + 一 + measure word means "every", not one.
    case every
    /// 一天卖出800斤, 一斤卖30元: 一 + unit before another figure of its clause is the "per" of a rate.
    case rateDenominator
    /// “最后一公里”, ‘一站式’: 一 + measure word inside a short quoted phrase is a set phrase.
    case quotedPhrase
    /// “三餐四季”, 《三餐四季》: numerals paired inside a short quoted name or title make a name, not figures.
    case pairedNumeralName
    /// “1+3”, 15+N, “4567”: numbers joined by + to a number or a letter, or a bare number that fills its quotes, name a policy.
    case policyCode
    /// 12345热线, 12345政务服务便民热线: a number before 热线 or 专线 is its number, not an amount.
    case hotline

    var description: FactRuleDescription {
        switch self {
        case .indefiniteOne:
            return FactRuleDescription(id: rawValue, summary: "一 + measure word means 'a' unless a noun, 只/仅/共 or a number makes it count", examples: [
                AnalyzerExample("车站只有«一座»站台，米本下设有文书«一人»。他走进一家店铺，这是一座城市，一次性补贴。", mustNotReport: ["一家", "一次"]),
                AnalyzerExample("元恪仅有«一个»儿子，她只回答了«一句»，四个类别各增加«一名»铜奖。"),
                AnalyzerExample("他回答了一句话，这就是一个例子。", mustNotReport: ["一句", "一个"])])
        case .pointingBack:
            return FactRuleDescription(id: rawValue, summary: "这/那/该 + numeral, and 两人 opening a clause, point back", examples: [
                AnalyzerExample("佛蒙特州共有«14个»县。这14个县各有代码。两人陷入热恋。", mustNotReport: ["两人"])])
        case .numberName:
            return FactRuleDescription(id: rawValue, summary: "routes, numbered places, codes and names with digits", examples: [
                AnalyzerExample("本站是10号线的车站，县代码为001，南宁市第二中学全长«12公里»。", mustNotReport: ["10", "001", "第二"])])
        case .ordinalWord:
            return FactRuleDescription(id: rawValue, summary: "an ordinal inside a dictionary word (第三者)", examples: [
                AnalyzerExample("«第二届»大赛举行，后来有第三者介入，她是他的«第二任»妻子。", mustNotReport: ["第三"])])
        case .every:
            return FactRuleDescription(id: rawValue, summary: "每 + 一 + measure word means 'every'", examples: [
                AnalyzerExample("她家每一片茶叶都要挑拣，每一位老人都有补贴，每户补贴«2000元»，只有«一座»站台。", mustNotReport: ["一片", "一位"])])
        case .rateDenominator:
            return FactRuleDescription(id: rawValue, summary: "一 + unit before another figure of its clause, or right after one (300元一斤), is the 'per' of a rate", examples: [
                AnalyzerExample("春茶最多时一天卖出«800多斤»，一斤卖«30元»，只用了«一天»就完成，共«一天»。", mustNotReport: ["一斤"]),
                AnalyzerExample("新茶卖到«300元»一公斤，只卖了«一斤»。", mustNotReport: ["一公斤"])])
        case .quotedPhrase:
            return FactRuleDescription(id: rawValue, summary: "一 + measure word inside a short quoted phrase is a set phrase", examples: [
                AnalyzerExample("打通“最后一公里”，推行‘一站式’服务，只有«一座»站台，“今年只卖了«一斤»。”", mustNotReport: ["一公里", "一站"])])
        case .pairedNumeralName:
            return FactRuleDescription(id: rawValue, summary: "two numerals set apart inside a short quoted name or title (“三餐四季”) make a name; one numeral there can still count or be a formulation", examples: [
                AnalyzerExample("节目“三餐四季”播出后，《一年三季》热播，“«两个确立»”，“卖了«3吨»”。", mustNotReport: ["三餐", "一年", "三季"])])
        case .policyCode:
            return FactRuleDescription(id: rawValue, summary: "numbers joined by + to a number or a letter (“1+3”, 15+N, 8+4), or a bare number that fills its quotes (“4567”), name a policy or a system", examples: [
                AnalyzerExample("落实“1+3”财政金融互动政策，推进“15+N”重点产业，优化“8+4”政策体系，完成«17支»“4+1”专项基金组建，培育“4567”现代化产业体系。",
                                mustNotReport: ["1", "3", "15", "8", "4", "4567"]),
                AnalyzerExample("收入增长«3%»，“卖了«3吨»”，碑上有“«1926»”字样，比分«3»比«1»。")])
        case .hotline:
            return FactRuleDescription(id: rawValue, summary: "a number right before 热线 or 专线 (with the words of its name between) is the line's number", examples: [
                AnalyzerExample("畅通12345热线等投诉渠道，拨打12345政务服务便民热线，开通«3条»热线，接听«12345个»电话。", mustNotReport: ["12345"])])
        }
    }
}

struct NotFigures: Sendable {
    let segmenter: Segmenter
    var classes: WordClasses

    /// The rule that says the draft is not a figure, or nil.
    /// `previousEnd`: where the figure before this one ends (30元一斤: 一斤 right after a figure is its "per").
    func rule(for draft: FactBuilder.Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar], previousEnd: Int? = nil,
              scratch: inout Segmenter.Scratch) -> NotFigureRule? {
        let start = match.start
        let before: Unicode.Scalar? = start > 0 ? scalars[start - 1] : nil
        if match.form == .chinese, match.value == 1, match.end - match.start == 1, draft.kind == .count,
           isIndefinite(draft, scalars, scratch: &scratch) || isWord(from: match.start, through: draft.end, scalars) {
            return .indefiniteOne
        }
        // 十年翻了一番: a doubling is no "per" (its span starts at 翻, right after the figure before).
        if match.form == .chinese, match.value == 1, match.end - match.start == 1, draft.unit != nil, !match.isOrdinal, draft.unit != "番" {
            if let before, before == "每" { return .every }
            if isInShortQuote(draft, scalars) { return .quotedPhrase }
            if isRateDenominator(draft, scalars) || previousEnd == draft.start { return .rateDenominator }
        }
        if draft.kind != .formula, match.form == .chinese, let quote = shortQuote(around: draft, scalars), holdsAnotherNumeral(quote, besides: match, scalars) {
            return .pairedNumeralName
        }
        if !match.isPercent, isPolicyCode(draft, match, scalars) { return .policyCode }
        if match.form == .arabic, draft.unit == nil, match.isDigitSequence, match.integerDigits >= 3, isHotline(draft.end, scalars) { return .hotline }
        if let before, Self.pointers.contains(before), !match.isOrdinal { return .pointingBack }
        if match.form == .chinese, (2...9).contains(match.value), draft.kind == .count, isClauseStart(start, scalars),
           draft.unit == "人" || draft.unit == "者" || draft.unit == "方", let next = wordAfter(draft.end, scalars, scratch: &scratch),
           [.verb, .adverb].contains(classes.of(next, scalars)) {
            return .pointingBack
        }
        if match.form == .arabic, !match.isPercent {
            if draft.end < scalars.count, draft.unit == nil, scalars[draft.end] == "号" || scalars[draft.end] == "线" && match.integerDigits >= 2,
               !(start > 0 && scalars[start - 1] == "月") { return .numberName }
            if match.integerDigits > 1, NumberScanner.isArabicDigit(scalars[start]), scalars[start].value == 0x30 || scalars[start].value == 0xFF10,
               match.isDigitSequence { return .numberName }
            if start >= 2, scalars[start - 1] == " " || scalars[start - 1] == "-", ScriptClass.of(scalars[start - 2]) == .latin,
               isNameWord(before: start - 1, scalars) { return .numberName }
        }
        if draft.kind == .number, draft.unit == nil, !draft.atLeast, !match.isPercent, !match.isFraction, isNameNumber(match, scalars, scratch: &scratch) { return .numberName }
        if match.isOrdinal, draft.unit == nil, isWordWithOrdinal(match, scalars) { return .ordinalWord }
        // 南宁市第二中学, 第一人民医院: numbered schools and hospitals are names.
        if match.isOrdinal, draft.unit == nil, Self.institutions.contains(where: { word in
            match.end + word.count <= scalars.count && scalars[match.end..<(match.end + word.count)].elementsEqual(word) }) {
            return .numberName
        }
        return nil
    }

    private static let plusSigns: ScalarList = "+＋"

    /// “1+3”, 15+N, 1+N: a + glued to the number with a number or a letter on its other side; or a bare
    /// Arabic number that alone fills its quotation marks (“4567”).
    private func isPolicyCode(_ draft: FactBuilder.Draft, _ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Bool {
        func isCodePart(_ scalar: Unicode.Scalar) -> Bool {
            NumberScanner.isArabicDigit(scalar) || NumberScanner.chineseDigit(scalar) != nil || ScriptClass.of(scalar) == .latin
        }
        let start = match.start, end = match.end
        if start >= 2, Self.plusSigns.contains(scalars[start - 1]), isCodePart(scalars[start - 2]) { return true }
        if end + 1 < scalars.count, Self.plusSigns.contains(scalars[end]), isCodePart(scalars[end + 1]) { return true }
        // (Not a year: 方尖碑上有“1926”字样.)
        let year = match.isDigitSequence && match.integerDigits == 4 && (1000...2100).contains(match.value)
        return match.form == .arabic && draft.unit == nil && !year && start >= 1 && end < scalars.count
            && Self.quoteOpeners.contains(scalars[start - 1]) && Self.quoteClosers.contains(scalars[end])
    }

    /// How far the words of a line's name may run before 热线 (12345政务服务便民热线).
    private static let hotlineReach = 10

    /// 12345热线: 热线 or 专线 after the number, with only Han characters between.
    private func isHotline(_ end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = end
        while index + 1 < scalars.count, index - end <= Self.hotlineReach, ScriptClass.isHan(scalars[index]) {
            if scalars[index + 1] == "线", scalars[index] == "热" || scalars[index] == "专" { return true }
            index += 1
        }
        return false
    }

    /// JA 21, PlayStation 4, U-17: the Latin word before starts with a capital (English prose, handled 724, does not).
    private func isNameWord(before end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var start = end
        while start > 0, ScriptClass.of(scalars[start - 1]) == .latin { start -= 1 }
        return start < end && ("A"..."Z").contains(scalars[start])
    }

    /// Institutions numbered in their names (GUIDELINE: numbered schools are names).
    private static let institutions: [[Unicode.Scalar]] = ["中学", "小学", "高级中学", "初级中学", "实验小学", "人民医院", "医院", "幼儿园", "中心小学"]
        .map { Array($0.unicodeScalars) }

    /// Words after which a number is a code, not an amount (县代码为001, 股票代码600832).
    private static let codeWords: [[Unicode.Scalar]] = ["代码", "编号", "号码", "型号", "代号", "编码", "邮编"].map { Array($0.unicodeScalars) }

    /// A bare number that names: after a code word; glued to a name before it (沃夫424, 杰尼斯8);
    /// a Chinese numeral inside a word (十字军, 路易十八世, 八二画社).
    private func isNameNumber(_ match: NumberMatch, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> Bool {
        let start = match.start
        let window = scalars[max(0, start - 4)..<start]
        if Self.codeWords.contains(where: { word in
            window.count >= word.count && (0...(window.count - word.count)).contains { window.dropFirst($0).starts(with: word) } }) {
            return true
        }
        let hanAfter = match.end < scalars.count && ScriptClass.isHan(scalars[match.end])
        if match.form == .chinese, hanAfter { return true }
        guard start > 0, ScriptClass.isHan(scalars[start - 1]) else { return false }
        let before = segmenter.tokens(in: scalars, range: max(0, start - 4)..<start, scratch: &scratch).last
        guard let before, before.kind == .word, before.length >= 2 || classes.knownClass(before, scalars) == nil,
              !Self.amountEndings.contains(scalars[before.end - 1]) else { return false }
        // A name the lexicon does not know, or knows as a name (nr, nz), right before the digits.
        let known = classes.knownClass(before, scalars)
        return known == nil || known == .noun && hanAfter
    }

    /// Words after which 一 + measure word is exact: 只有一座, 共一人.
    private static let exactWords: [[Unicode.Scalar]] = ["只", "仅", "才", "就", "共", "只有", "仅有", "各", "每", "共有", "仅仅", "只是"]
        .map { Array($0.unicodeScalars) }

    /// 只, 仅, 各: adverbs that restrict the verb after them to the amount it governs (只回答了一句, 各增加一名).
    private static let restrictingAdverbs: [[Unicode.Scalar]] = ["只", "仅", "仅仅", "各"].map { Array($0.unicodeScalars) }

    private static let pointers = ScalarTable("这那该此".unicodeScalars)
    /// A word ending so before digits introduces an amount (总数达, 比率为), not a name.
    private static let amountEndings: ScalarList = "约近达为至是有到计共超逾占率值数额量"
    private static let clauseOpeners: ScalarList = "，。；：！？,;:!?\n「“（("

    private func isIndefinite(_ draft: FactBuilder.Draft, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> Bool {
        let windowStart = max(0, draft.start - 6)
        let words = segmenter.tokens(in: scalars, range: windowStart..<draft.start, scratch: &scratch).filter { $0.kind != .whitespace }
        guard let last = words.last else { return true }
        guard last.kind == .word else { return true }
        let text = scalars[last.start..<last.end]
        if Self.exactWords.contains(where: { $0.elementsEqual(text) }) { return false }
        // 仅有一个儿子, 只回答了一句: 只/仅 before the verb (and its 了) that governs 一 restricts it to one.
        if words.count >= 2, classes.of(last, scalars) == .verb || last.length == 1 && scalars[last.start] == "了" {
            let verbIndex = words.count - (last.length == 1 && scalars[last.start] == "了" ? 2 : 1)
            if verbIndex >= 1, classes.of(words[verbIndex], scalars) == .verb, words[verbIndex - 1].kind == .word,
               Self.restrictingAdverbs.contains(where: { $0.elementsEqual(scalars[words[verbIndex - 1].start..<words[verbIndex - 1].end]) }) {
                return false
            }
        }
        // 文书一人、管理人员二名: after a noun, a count that ends its clause; 香港一条巴士路线 and
        // 交界处一个工商业重镇 go on to the noun they introduce. A word the lexicon does not tag (这是,
        // found by the HMM) is no evidence of a noun.
        let endsClause = draft.end >= scalars.count || SubjectFinder.isClauseBreak(scalars[draft.end]) || scalars[draft.end] == "、"
        return !(endsClause && classes.knownClass(last, scalars) == .noun)
    }

    /// 一次性, 一揽子: 一, its measure word and the next character are one dictionary word.
    private func isWord(from start: Int, through end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        end < scalars.count && ScriptClass.isHan(scalars[end])
            && segmenter.lexicon.logProbability(of: scalars[start...end]) != nil
    }

    private static let quoteOpeners: ScalarList = "“‘「『《\""
    private static let quoteClosers: ScalarList = "”’」』》\""
    /// How long a quoted set phrase may be (最后一公里, 一站式, 一网通办).
    private static let quotedPhraseLength = 8

    /// “最后一公里”: quotation marks close around the figure within a set phrase's length, with no
    /// clause punctuation inside (a quoted sentence, “今年卖了一万元。”, is not a phrase).
    private func isInShortQuote(_ draft: FactBuilder.Draft, _ scalars: [Unicode.Scalar]) -> Bool {
        shortQuote(around: draft, scalars) != nil
    }

    /// The inside of the quotation marks (or title marks) that close around the figure within a set phrase's length.
    private func shortQuote(around draft: FactBuilder.Draft, _ scalars: [Unicode.Scalar]) -> Range<Int>? {
        var open = draft.start
        // (Most characters on the way are Han ideographs, neither marks nor breaks: tested first, they cost one comparison.)
        while open > 0, draft.start - open < Self.quotedPhraseLength {
            let scalar = scalars[open - 1]
            if (0x4E00...0x9FFF).contains(scalar.value) {
                open -= 1
                continue
            }
            if Self.quoteOpeners.contains(scalar) { break }
            if SubjectFinder.isClauseBreak(scalar) { return nil }
            open -= 1
        }
        guard open > 0, Self.quoteOpeners.contains(scalars[open - 1]) else { return nil }
        var close = draft.end
        while close < scalars.count, close - open < Self.quotedPhraseLength, !Self.quoteClosers.contains(scalars[close]) {
            if SubjectFinder.isClauseBreak(scalars[close]) || scalars[close] == "、" { return nil }
            close += 1
        }
        guard close < scalars.count, Self.quoteClosers.contains(scalars[close]), close - open <= Self.quotedPhraseLength else { return nil }
        return open..<close
    }

    /// 三餐四季: another Chinese numeral in the quote, with a character that is none between it and this one.
    private func holdsAnotherNumeral(_ quote: Range<Int>, besides match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Bool {
        let before = quote.lowerBound..<match.start, after = match.end..<quote.upperBound
        func paired(_ positions: Range<Int>, nearestLast: Bool) -> Bool {
            // The other numeral must be set apart: a numeral right next to this one would be part of it.
            // (Chinese numerals only: in “五张清单［3］” the 3 is a note, in “两个70%” the slogan counts figures.)
            func isChinese(_ index: Int) -> Bool { NumberScanner.chineseDigit(scalars[index]) != nil || NumberScanner.chineseUnit(scalars[index]) != nil }
            guard let other = nearestLast ? positions.last(where: isChinese) : positions.first(where: isChinese) else { return false }
            return nearestLast ? other + 1 < match.start : other > match.end
        }
        return paired(before, nearestLast: true) || paired(after, nearestLast: false)
    }

    /// How far after 一 + unit the rate's figure may be (一天卖出800斤, 一斤卖到30元).
    private static let rateReach = 4

    /// 一天卖出800斤: the next figure of the clause follows within a few Han characters (a verb), and
    /// no 只/仅/共 before 一 makes it exact (仅一天接待3000人).
    private func isRateDenominator(_ draft: FactBuilder.Draft, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = draft.end
        while index < scalars.count, index - draft.end <= Self.rateReach {
            let scalar = scalars[index]
            if NumberScanner.isNumeralCharacter(scalar) || NumberScanner.isArabicDigit(scalar) { break }
            guard ScriptClass.isHan(scalar) else { return false }
            index += 1
        }
        guard index < scalars.count, index - draft.end <= Self.rateReach,
              NumberScanner.isNumeralCharacter(scalars[index]) || NumberScanner.isArabicDigit(scalars[index]) else { return false }
        let windowStart = max(0, draft.start - 3)
        return !Self.exactWords.contains { word in
            word.count <= draft.start - windowStart && scalars[(draft.start - word.count)..<draft.start].elementsEqual(word)
        }
    }

    private func isClauseStart(_ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        index == 0 || Self.clauseOpeners.contains(scalars[index - 1])
    }

    private func wordAfter(_ index: Int, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> Token? {
        guard index < scalars.count else { return nil }
        return segmenter.tokens(in: scalars, range: index..<min(scalars.count, index + 4), scratch: &scratch).first
    }

    /// 第三者, 第二语言: 第 + the numeral + the next characters make a dictionary word.
    private func isWordWithOrdinal(_ match: NumberMatch, _ scalars: [Unicode.Scalar]) -> Bool {
        let lexicon = segmenter.lexicon
        for extra in [2, 1] where match.end + extra <= scalars.count {
            let word = scalars[match.start..<(match.end + extra)]
            guard word.allSatisfy(ScriptClass.isHan) else { continue }
            // (第二任, 第一批: a word the lexicon tags as a numeral is the ordinal with its measure word, not 第三者.)
            if lexicon.logProbability(of: word) != nil {
                return classes.knownClassOutOfContext(Token(start: match.start, end: match.end + extra, kind: .word), scalars) != .numeral
            }
        }
        return false
    }
}
