import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

/// What a reader of a news article does not take for its subject: the byline, dateline, caption
/// and editor line, where-words (镇里), pieces of a longer unit (货主 of 带货主播), verbs alone.
@Suite struct KeywordsBodyTests {
    func terms(_ text: String, _ options: [String: String] = [:]) throws -> [String] {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: options).1 as? KeywordsResult).keywords.map(\.term)
    }

    static let article = """
        乡村小店开进山里

        本报记者 郑晓峰 陈雨桐

        山货小店开起来了。山货小店卖山货，村民都来买。小店老板说，山货好卖，冷库也建好了。

        图为小店老板在冷库整理山货。 郑晓峰 摄

        （责任编辑：王小明）
        """

    @Test func bylineCaptionAndEditorLineAreNotCounted() throws {
        let found = try terms(Self.article, ["method": "frequency"])
        #expect(found.contains("山货") && found.contains("冷库"), "\(found)")
        for name in ["郑晓峰", "陈雨桐", "王小明", "本报记者", "责任编辑"] {
            #expect(!found.contains(name), "\(name) in \(found)")
        }
        // The same name in the text itself is counted: only the byline's roles are skipped.
        let body = try terms("山货小店开起来了。郑晓峰是小店老板，郑晓峰说山货好卖。", ["method": "frequency"])
        #expect(body.contains("郑晓峰"), "\(body)")
    }

    @Test func datelineIsNotCounted() throws {
        let text = "北岸区政务服务再提速\n本报讯（记者 钱立新）记者从区政务服务中心获悉，企业开办时间压缩至一天。政务服务中心还推出帮办服务。"
        let found = try terms(text, ["method": "frequency"])
        #expect(!found.contains("钱立新") && found.contains("政务服务中心"), "\(found)")
    }

    @Test func whereWordsAreNoKeywords() throws {
        let found = try terms("镇里建了冷库。镇里的冷库很大，区里也建了冷库，县里还要建冷库。", ["method": "frequency"])
        #expect(found.contains("冷库"), "\(found)")
        for deixis in ["镇里", "区里", "县里"] { #expect(!found.contains(deixis), "\(deixis) in \(found)") }
        // A name that ends in 内 or 里 is not a where-word (河 of 河内 is a name's character).
        let analyzer = try KeywordsAnalyzer(options: OptionValues([:], specs: KeywordsAnalyzer.description.options))
        let scalars = Array("河内德里镇里家里冷库".unicodeScalars)
        let shape = stride(from: 0, to: scalars.count, by: 2).map { analyzer.terms.isLocative(TextSpan(start: $0, end: $0 + 2), scalars) }
        #expect(shape == [false, false, true, true, false])
    }

    @Test func scopeAndOwnGovernmentAreNoKeywords() throws {
        let found = try terms("全县新建冷库。全县冷库够用，当地果农把果子存进冷库，当地人说好。市政府补贴冷库，市政府还建县城冷库。县城冷库多。政府债务不高，政府债务可控。",
                              ["method": "frequency"])
        for deixis in ["全县", "当地", "市政府"] { #expect(!found.contains(deixis), "\(deixis) in \(found)") }
        // Not this shape: a county town (县城, here in 县城冷库), the government's debt.
        for term in ["冷库", "县城冷库", "政府债务"] { #expect(found.contains(term), "\(term) not in \(found)") }
        let scalars = Array("全省省会全国国家本市我省市政府政府债务".unicodeScalars)
        let spans = [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 15), (15, 19)]
        #expect(spans.map { KeywordTerms.isDeixis(TextSpan(start: $0.0, end: $0.1), scalars) } == [true, false, true, false, true, true, true, false])
    }

    @Test func aDistinguishingWordIsNoKeywordAloneButMayStartATerm() throws {
        // jieba's b (区别词: 临时, 非法, 公共, 省级) only modifies a noun, like an adjective.
        let found = try terms("设立临时救助站。临时救助站收留流浪人员，临时安置也有保障。打击非法采砂，非法采砂船被查扣，非法行为减少。健全公共卫生体系，公共卫生体系更完善。",
                              ["method": "frequency"])
        for word in ["临时", "非法"] { #expect(!found.contains(word), "\(word) in \(found)") }
        #expect(found.contains("公共卫生体系"), "\(found)")
    }

    @Test func aReportingFrameIsNoTerm() throws {
        let found = try terms("会议指出，要建好高标准农田。会议指出，高标准农田要管好用好。报告提出，农田水利要跟上。报告提出，种粮收益要保障。报告提纲写好了，报告提纲很短。",
                              ["method": "frequency"])
        for frame in ["会议指出", "报告提出", "指出", "提出"] { #expect(!found.contains(frame), "\(frame) in \(found)") }
        // What the frame is about stays, and so does a term of the same noun (报告提纲). 会议 alone is who
        // speaks in a meeting report (会议强调: the stop list's framing group, eighth round); 常务会议 is a term.
        for term in ["高标准农田", "报告提纲"] { #expect(found.contains(term), "\(term) not in \(found)") }
        #expect(!found.contains("会议"), "\(found)")
    }

    @Test func aGivenNameCutFromItsSurnameIsTakenWithIt() throws {
        let text = "村党支部书记谭志军今年五十岁。谭志军说，村里要修路。谭志军带着村民修好了路。镇长邱国华来看冷库，邱国华说冷库建得好。请村民提意见，请村民打分。"
        let found = try terms(text, ["method": "frequency"])
        for name in ["谭志军", "邱国华", "村民"] { #expect(found.contains(name), "\(name) not in \(found)") }
        for piece in ["志军", "国华"] { #expect(!found.contains(piece), "\(piece) in \(found)") }
        // The shape: a surname before the word; not a character that is no surname (请 村民), nor a
        // longer word, nor a word that starts with a surname (江北 嘴: a place).
        let scalars = Array("谭志军江北嘴请村民邱高校毕业".unicodeScalars)
        let span = { (start: Int, end: Int) in TextSpan(start: start, end: end) }
        #expect(KeywordTerms.isNamePiece(span(1, 3), left: span(0, 1), scalars))
        #expect(!KeywordTerms.isNamePiece(span(3, 5), left: nil, scalars))
        #expect(!KeywordTerms.isNamePiece(span(7, 9), left: span(6, 7), scalars))
        #expect(!KeywordTerms.isNamePiece(span(10, 14), left: span(9, 10), scalars))
    }

    @Test func aTermMostlySaidInsideLongerTermsOfTheDocumentGivesWay() throws {
        // 常住人口: once alone, twice inside 常住人口城镇化率 (gives way, to it); 电池: three times
        // alone, once inside 锂电池回收 (stays).
        let analyzer = try KeywordsAnalyzer(options: OptionValues([:], specs: KeywordsAnalyzer.description.options))
        let scalars = Array("常住人口城镇化率达到66%，常住人口城镇化率提高，常住人口增加。电池企业多，锂电池回收提速，电池降价，电池出口。".unicodeScalars)
        let counted = analyzer.terms.count(scalars)
        let index = { (name: String) in counted.terms.indices.first { counted.text($0, scalars) == name && counted.counts[$0] > 0 } }
        let shorts = try [#require(index("常住人口")), #require(index("电池"))]
        let (inside, longest) = KeywordsAnalyzer.inside(shorts, counted: counted, scalars: scalars)
        #expect(counted.text(longest[0], scalars) == "常住人口城镇化率")
        #expect(KeywordsAnalyzer.givesWay(inside: inside[0], alone: counted.counts[shorts[0]]), "\(inside)")
        #expect(!KeywordsAnalyzer.givesWay(inside: inside[1], alone: counted.counts[shorts[1]]), "\(inside)")
        #expect(!KeywordsAnalyzer.givesWay(inside: 1, alone: 0), "once inside is no pattern")
    }

    @Test func aGenreWordNearlyAlwaysSaidInsideALongerTermYieldsToIt() throws {
        // 城镇: 2 alone, 5 inside two ranked terms (yields); 电池: 5 alone, 2 inside (stays);
        // 食堂, not a word of the genre, stays beside 社区食堂.
        let names = ["城镇新增就业", "城镇调查失业率", "城镇", "电池", "固态电池", "食堂", "社区食堂"]
        let yields = KeywordsAnalyzer.yielding(names, counts: [3, 2, 2, 5, 2, 1, 4], generic: [true, true, true, true, true, false, true])
        #expect(yields == [false, false, true, false, false, false, false])
        let found = try terms("推进乡村振兴。乡村振兴要抓产业，乡村振兴要抓人才，乡村振兴要抓组织。乡村很美。")
        #expect(found.contains("乡村振兴") && !found.contains("乡村"), "\(found)")
    }

    @Test func aPersonQuotedRanksLowerUnlessTheTitleNamesThem() throws {
        // 王建国 (a name by the lexicon) and 猕猴桃 (a noun), three times each in the text.
        let body = "王建国种猕猴桃。王建国说，猕猴桃今年卖得好，王建国家的猕猴桃都卖完了。"
        let quoted = try terms("果园见闻\n\n" + body)
        let name = try #require(quoted.firstIndex(of: "王建国")), noun = try #require(quoted.firstIndex(of: "猕猴桃"))
        #expect(noun < name, "\(quoted)")
        // A profile's subject, named in its title, is not demoted.
        let profile = try terms("王建国的果园\n\n" + body)
        let subject = try #require(profile.firstIndex(of: "王建国")), fruit = try #require(profile.firstIndex(of: "猕猴桃"))
        #expect(subject < fruit, "\(profile)")
    }

    @Test func aCommonWordHeldByTheSameCharactersOnBothSidesIsAPiece() throws {
        let found = try terms("这位带货主播很有名。带货主播每天直播。年轻的带货主播越来越多。", ["method": "frequency"])
        #expect(found.contains("带货主播") && !found.contains("货主"), "\(found)")
        // Held on one side only, a common word is itself (居民 after 请, before differing verbs).
        let other = try terms("请居民打分。请居民提意见。", ["method": "frequency"])
        #expect(other.contains("居民") && !other.contains("请居民"), "\(other)")
    }

    @Test func aVerbAloneRanksBelowANounOfTheSameWeight() throws {
        // 安置 (a verb) and 帐篷 (a noun), each three times; 消费 (a verbal noun) is not demoted.
        let found = try terms("灾民安置在帐篷里。安置点搭起帐篷，继续安置，帐篷够用。")
        let verb = try #require(found.firstIndex(of: "安置")), noun = try #require(found.firstIndex(of: "帐篷"))
        #expect(noun < verb, "\(found)")
        #expect(!KeynessScorer.verbWeight.isNaN && KeynessScorer.verbWeight < 1)
    }
}

@Suite struct KeywordsWordClassTests {
    func terms(_ text: String) throws -> [String] {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: ["method": "frequency"]).1 as? KeywordsResult).keywords.map(\.term)
    }

    @Test func aModifierBeforeAVerbIsNoTermButANounBeforeAVerbMayBe() throws {
        var units = [KeywordTerms.Unit](repeating: KeywordTerms.Unit(key: .unknown, first: TextSpan(start: 0, end: 2), stop: false, bound: false), count: 3)
        units[0].modifier = true; units[0].noun = false // 严肃
        units[1].verb = true; units[1].noun = false     // 查处
        units[2].noun = true                            // 风险
        #expect(KeywordTerms.isVerbPhrase([0, 1], units))
        #expect(!KeywordTerms.isVerbPhrase([2, 1], units))
        units[1].noun = true                            // 消费 (a verbal noun)
        #expect(!KeywordTerms.isVerbPhrase([0, 1], units))
        let found = try terms("加强风险处置。做好风险处置，推进风险处置工作。完善风险处置机制。")
        #expect(found.contains("风险处置"), "\(found)")
    }

    @Test func idiomsAreNoKeywordsButSetPhrasesOfTheDictionaryMayBe() throws {
        // 以旧换新 (l, a set phrase) is a keyword; 决不允许 and 弄虚作假 (i, idioms) are not.
        let found = try terms("推进以旧换新。扩大以旧换新，以旧换新带动消费。决不允许弄虚作假。决不允许弄虚作假。")
        #expect(found.contains("以旧换新"), "\(found)")
        #expect(!found.contains("决不允许") && !found.contains("弄虚作假"), "\(found)")
    }

    /// The word lists are data files beside the plugin: each read, with its groups and comments.
    @Test func shippedWordListsAreRead() throws {
        try KeywordWordLists.checkShipped()
        #expect(StopWords.all.contains("我们") && StopWords.all.contains("推动") && StopWords.all.contains("指出") && StopWords.all.contains("the"))
        #expect(!StopWords.all.contains { $0.hasPrefix("#") }, "a comment read as a word")
        #expect(FreeCharacters.all.contains("的") && FreeCharacters.all.contains("省") && !FreeCharacters.all.contains("亚"))
        #expect(Surnames.all.contains("谭") && !Surnames.all.contains("于"))
    }
}
