import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

/// The blind reader's families (seventh round): pieces of a longer unit, actions, quantity pieces,
/// the text's own Latin form, people met in passing. Each rule both ways.
@Suite struct KeywordsFamiliesTests {
    func keywords(_ text: String, _ options: [String: String] = [:]) throws -> KeywordsResult {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: options).1 as? KeywordsResult)
    }

    func spans(_ word: String, in text: String) -> (scalars: [Unicode.Scalar], spans: [TextSpan]) {
        let scalars = Array(text.unicodeScalars), part = Array(word.unicodeScalars)
        var found: [TextSpan] = []
        for at in 0...(scalars.count - part.count) where Array(scalars[at..<(at + part.count)]) == part {
            found.append(TextSpan(start: at, end: at + part.count))
        }
        return (scalars, found)
    }

    @Test func aNounSaidOnceInsideARunOfContentWordsIsItsPiece() throws {
        // 手环 of 智能手环 (a news article's own word: the genre-word rule of OnceCompounds does not take it).
        let inside = try keywords("社区为独居老人配发智能手环，护理员每天上门。护理员很忙，护理员很累。", ["top": "40"]).keywords.map(\.term)
        #expect(!inside.contains("手环"), "\(inside)")
        let alone = try keywords("社区为独居老人配发了手环，护理员每天上门。护理员很忙，护理员很累。", ["top": "40"]).keywords.map(\.term)
        #expect(alone.contains("手环"), "\(alone)")
        // A word the lexicon lacks too (退捕 of 退捕渔民); said without a run, it stays.
        #expect(!(try keywords("实施长江十年禁渔，退捕渔民转产就业。", ["top": "40"]).keywords.map(\.term)).contains("退捕"))
        #expect(try keywords("实施长江十年禁渔，今年完成退捕。", ["top": "40"]).keywords.map(\.term).contains("退捕"))
    }

    @Test func aWordOfTheGenreSaidOnlyInsideOneUnitOfTheGenreIsItsPiece() throws {
        let reference = try KeywordsReference.shipped()
        func piece(_ text: String, _ word: String) -> Bool {
            let (scalars, found) = spans(word, in: text)
            return KeywordsAnalyzer.isPieceOfOneUnit(found, scalars: scalars, reference: reference)
        }
        #expect(piece("经济社会发展的主要预期目标。今年经济社会发展的任务很重。", "经济社会"))
        #expect(piece("支持高校毕业生就业。高校毕业生人数创新高。", "高校"))
        // In two differing units, or a domain's own word (助餐 of 助餐服务), it stays.
        #expect(!piece("推动长江经济带发展。保护长江流域生态。", "长江"))
        #expect(!piece("老年助餐服务覆盖全区。助餐服务点增加。", "助餐"))
        // Before a stop word (增加值 增长: a figure's predicate), or said alone once, it is the text's own word.
        #expect(!piece("工业增加值增长7%，服务业增加值增长6%。", "增加值"))
        #expect(!piece("经济社会发展的主要预期目标。经济社会稳定。", "经济社会"))
    }

    @Test func latinWordsAreReportedAsTheTextWritesThem() throws {
        let terms = try keywords("AI应用越来越多。AI芯片和AI模型都在进步。", ["top": "40"]).keywords.map(\.term)
        #expect(terms.contains("AI") && !terms.contains("ai"), "\(terms)")
        // Counted case-folded: AI and ai are one term.
        let mixed = try keywords("AI应用越来越多。ai芯片在进步。", ["method": "frequency"]).keywords
        #expect(mixed.first { $0.term == "AI" }?.count == 2, "\(mixed.map(\.term))")
    }

    @Test func termsTheTaggerReadsAsActionsAreNoTopics() throws {
        let tagger = try #require(PartOfSpeechTagger.shipped(lexicon: try Lexicon.shipped()))
        func action(_ text: String, _ term: String, first: Int? = nil, last: Int = 0) -> Bool {
            let (scalars, found) = spans(term, in: text)
            return KeywordsAnalyzer.isAction(found, firstWordLength: first ?? term.unicodeScalars.count, lastWordLength: last, tagger: tagger, scalars: scalars)
        }
        // 充分考虑 is a noun by the lexicon's one tag; in its text it is an adverb and a verb.
        #expect(action("这些目标，充分考虑了外部环境的不确定性。", "充分考虑"))
        // A verb-object topic read as a noun in its text stays (防汛), and so does a noun then a verb (老旧小区 改造).
        #expect(!action("防汛物资储备点建成后，防汛能力明显增强。", "防汛"))
        #expect(!action("推进老旧小区改造，老旧小区改造惠及居民。", "老旧小区改造", first: 4, last: 2))
    }

    @Test func aMeasureWordJoinedToTheNextCharactersAfterANumberIsNoTerm() {
        func piece(_ text: String, _ word: String) -> Bool {
            let (scalars, found) = spans(word, in: text)
            return KeywordsAnalyzer.isQuantityPiece(found, scalars: scalars)
        }
        #expect(piece("这次研学行程5天半，学生们走遍古镇。", "天半"))
        #expect(piece("65岁以上老人健康管理率达到75%。", "岁以上老人"))
        #expect(piece("与2027年度计划相衔接。", "年度计划"))
        // After a number, a term that does not start with a measure word stays (2024年新能源汽车: 年 is the date's).
        #expect(!piece("2024年新能源汽车销量增长。", "新能源汽车"))
        // A measure word's term not after a number stays (天半 is no word here either way: 年度计划 said in prose).
        #expect(!piece("与规划纲要确定的年度计划相衔接。", "年度计划"))
    }

    @Test func figureLabelsAreNoKeywords() throws {
        let terms = try keywords("游客人均花费1052元，学生人均消费460元，年均增长8%。社会消费品零售总额突破3000亿元大关，网上零售额突破500亿元大关。", ["top": "40"])
            .keywords.map(\.term)
        for label in ["人均", "年均", "大关"] { #expect(!terms.contains(label), "\(label) in \(terms)") }
        #expect(terms.contains("游客"), "\(terms)")
    }

    @Test func adverbsTheLexiconCallsNounsStartNoTerm() throws {
        // 全部 (jieba: n) is how, not what: no 全部抢通; a noun of the same shape starts one (全域旅游).
        let text = "暴雨过后，山区公路全部抢通。截至昨日，全县受损道路全部抢通。发展全域旅游，打造全域旅游示范区，全域旅游成效明显。"
        let terms = try keywords(text, ["top": "40"]).keywords.map(\.term)
        #expect(!terms.contains("全部抢通") && !terms.contains("全部"), "\(terms)")
        #expect(terms.contains("全域旅游"), "\(terms)")
    }

    @Test func aNounBesideTheSameUnitOrAttributeEverywhereIsReportedWithIt() throws {
        // The HMM joins the unit's character to the next (青石 镇古 窑址, 青石 镇有): the characters decide.
        let text = "青石镇古窑址前排起长队。青石镇有千年制瓷历史。过去，古窑址只是考古工地。学生走遍古窑址。"
        let terms = try keywords(text, ["top": "40"]).keywords.map(\.term)
        #expect(terms.contains("青石镇") && !terms.contains("青石"), "\(terms)")
        #expect(terms.contains("古窑址") && !terms.contains("窑址"), "\(terms)")
        let lexicon = try Lexicon.shipped()
        func glued(_ text: String, _ word: String) -> (Int, Int) {
            let (scalars, found) = spans(word, in: text)
            let result = KeywordsAnalyzer.gluedCharacters(found, scalars: scalars, lexicon: lexicon)
            return (result.left, result.right)
        }
        // A unit character that starts a word with the next one (资本 市场) is no unit; a verb before
        // the word takes it as its object (请 居民); said once, the neighbour may be chance.
        #expect(glued("发展资本市场，规范资本市场。", "资本") == (0, 0))
        #expect(glued("请居民打分，请居民提意见。", "居民") == (0, 0))
        #expect(glued("青石镇古窑址前排起长队。", "青石") == (0, 0))
        #expect(glued("青石镇古窑址前排起长队。青石镇有千年历史。", "青石") == (0, 1))
    }

    @Test func aGuessedNameSaidOnceIsAPersonMetInPassing() throws {
        let text = "松岭县茶园里，茶农们正忙着修剪茶树。何长贵算了一笔账，茶园一年收入二十多万元。茶园分散，茶树老化，茶农引进良种。"
        let result = try keywords(text, ["top": "40"]).keywords
        let terms = result.map(\.term)
        let name = try #require(terms.firstIndex(of: "何长贵"), "\(terms)")
        // Ranked like a verb: below the nouns said once beside it (its G² is theirs).
        #expect(terms.firstIndex(of: "松岭县").map { $0 < name } ?? false, "\(terms)")
        // A guess that does not start with a surname (拉塞达) is no such person: of equal G², it ranks
        // ahead of 何长贵 (which the tie-break by name would put first).
        let two = try keywords("何长贵算了一笔账。秘鲁农学家拉塞达说，杂交稻好。", ["top": "40"]).keywords.map(\.term)
        let guess = try #require(two.firstIndex(of: "拉塞达"), "\(two)"), person = try #require(two.firstIndex(of: "何长贵"), "\(two)")
        #expect(guess < person && two.firstIndex(of: "秘鲁").map { $0 < person } ?? false, "\(two)")
    }
}
