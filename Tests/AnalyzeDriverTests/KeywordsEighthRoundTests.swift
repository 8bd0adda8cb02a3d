import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

/// The eighth round's families: clauses found as phrases, numeral formulations, a place's name
/// cut before its unit, a place named twice, and the tier a keyword ranks in. Each rule both ways.
@Suite struct KeywordsEighthRoundTests {
    func terms(_ text: String, _ options: [String: String] = ["top": "40"]) throws -> [String] {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: options).1 as? KeywordsResult).keywords.map(\.term)
    }

    @Test func aClauseIsNoTerm() throws {
        // A noun, an adverb, a verb (消费市场 持续 回暖): what is said of the market, not a term.
        let clause = try terms("今年消费市场持续回暖，商场客流增加。专家认为消费市场持续回暖。数据显示消费市场持续回暖，餐饮收入增长。")
        #expect(!clause.contains { $0.hasPrefix("消费市场持续") }, "\(clause)")
        // A noun then a word jieba calls an adjective (清单 a) is no clause by that alone.
        let list = try terms("制定重点事项清单。重点事项清单按季度更新，落实重点事项清单。")
        #expect(list.contains("重点事项清单"), "\(list)")
        // A term that starts with its modifier stays one term (超 长期 特别 国债).
        let term = try terms("发行超长期特别国债。用好超长期特别国债，继续发行超长期特别国债。")
        #expect(term.contains("超长期特别国债"), "\(term)")
    }

    @Test func aNumeralFormulationIsOneTerm() throws {
        let found = try terms("坚持八八战略，深入实施八八战略。八八战略指引浙江发展，践行八八战略。")
        #expect(found.contains("八八战略") && !found.contains("战略"), "\(found)")
        // A count prefix (两大) is no keyword alone; the genre's formulation (三大攻坚战) is one term.
        #expect(KeywordTerms.isCountPrefix(TextSpan(start: 0, end: 2), Array("两大".unicodeScalars)))
        #expect(!KeywordTerms.isCountPrefix(TextSpan(start: 0, end: 2), Array("八八".unicodeScalars)))
        let formula = try terms("打好三大攻坚战。三大攻坚战取得成效，三大攻坚战开局良好。")
        #expect(formula.contains("三大攻坚战"), "\(formula)")
        #expect(KeywordTerms.isFormulaNumeral(TextSpan(start: 0, end: 2), Array("三驾".unicodeScalars)))
        #expect(!KeywordTerms.isFormulaNumeral(TextSpan(start: 0, end: 2), Array("三大".unicodeScalars)))
        #expect(!KeywordTerms.isFormulaNumeral(TextSpan(start: 0, end: 2), Array("两项".unicodeScalars)))
    }

    @Test func aPlacesNameCutBeforeItsUnitIsTakenWhole() throws {
        // 槐 州市 everywhere: 槐州市 is the name, 州市 its piece.
        let whole = try terms("槐州市推进城市更新。槐州市召开会议，槐州市经济增长。")
        #expect(whole.contains("槐州市") && !whole.contains("州市"), "\(whole)")
        // Without a bound character before it (州市 两级: the prefectures and cities), it is the word itself.
        let word = try terms("州市推进城市更新。推动州市改革，州市经济增长。")
        #expect(word.contains("州市"), "\(word)")
        #expect(KeywordTerms.isPlaceTail(TextSpan(start: 0, end: 2), Array("安县".unicodeScalars)))
        #expect(!KeywordTerms.isPlaceTail(TextSpan(start: 0, end: 2), Array("社区".unicodeScalars)))
    }

    @Test func onePlaceIsNamedOnce() throws {
        let places = try terms("四川省推进改革。四川省经济增长，四川经济总量扩大。四川发展很快，成都和绵阳增长。成都扩大开放，绵阳科技城建设加快。")
        #expect(places.contains("四川") != places.contains("四川省"), "\(places)")
        // Two places, neither holding the other, both stay.
        #expect(places.contains("成都") && places.contains("绵阳"), "\(places)")
        #expect(KeywordsAnalyzer.nested("龙江", "黑龙江") && !KeywordsAnalyzer.nested("成都", "绵阳"))
    }

    @Test func aTitleAndANameAreTwoUnits() throws {
        // 商务局 局长 郑永和: the office and the person, never 局长郑永和 or 局局长郑.
        let titled = try terms("商务局局长郑永和介绍情况。商务局局长郑永和表示，今年外贸增长。市场监管局局长郑永和说。")
        #expect(titled.contains("郑永和") && !titled.contains { $0.contains("长郑") }, "\(titled)")
        let chair = try terms("卫健委主任王晓东说，医共体建设加快。卫健委主任王晓东介绍，卫健委主任王晓东表示。")
        #expect(!chair.contains { $0.contains("主任王") }, "\(chair)")
        // A title at a term's end is the office itself, one term.
        let office = try terms("商务局局长介绍情况。商务局局长表示，今年外贸增长。商务局局长说。")
        #expect(office.contains("商务局局长"), "\(office)")
    }

    @Test func aKeywordShowsTheTierItRanksIn() throws {
        let result = try #require(try analyze(KeywordsAnalyzer.self, text: "茶农采茶。茶农卖茶，品牌好。品牌建设。竹篓很重。", options: [:]).1 as? KeywordsResult)
        // Tiers never go up down the list, and a term said once is in tier 2.
        let tiers = result.keywords.compactMap(\.tier)
        #expect(tiers.count == result.keywords.count && tiers == tiers.sorted(), "\(result.keywords.map { ($0.term, $0.tier) })")
        #expect(result.keywords.filter { $0.count == 1 }.allSatisfy { $0.tier == 2 })
        // The other methods rank by their score alone: no tier.
        let frequency = try #require(try analyze(KeywordsAnalyzer.self, text: "茶农采茶。茶农卖茶。", options: ["method": "frequency"]).1 as? KeywordsResult)
        #expect(frequency.keywords.allSatisfy { $0.tier == nil })
    }
}

@Suite struct KeywordsAnnexTests {
    @Test func aReportsAnnexIsNotItsText() throws {
        let body = String(repeating: "推进乡村振兴，建设和美乡村。乡村振兴取得新成效。\n", count: 4)
        let annex = "名词解释\n1.下基层：省委印发通知。\n2.房票：省政府印发办法。\n3.公卫：印发方案。\n"
        let scalars = Array((body + annex).unicodeScalars)
        #expect(KeywordsAnalyzer.annexStart(scalars) == body.unicodeScalars.count)
        let terms = try #require(try analyze(KeywordsAnalyzer.self, text: body + annex, options: ["top": "40"]).1 as? KeywordsResult).keywords.map(\.term)
        #expect(!terms.contains("印发") && terms.contains("乡村振兴"), "\(terms)")
        // keywords.annex=true counts it (the reference does: an annex's words are the genre's).
        let counted = try #require(try analyze(KeywordsAnalyzer.self, text: body + annex, options: ["top": "40", "annex": "true"]).1 as? KeywordsResult).keywords.map(\.term)
        #expect(counted.contains("印发"), "\(counted)")
        // 附件 in a sentence, or a heading in the first half, heads no annex.
        #expect(KeywordsAnalyzer.annexStart(Array((body + "请查收附件中的通知。\n印发通知。\n").unicodeScalars)) == nil)
        #expect(KeywordsAnalyzer.annexStart(Array(("名词解释\n" + body).unicodeScalars)) == nil)
        #expect(KeywordsAnalyzer.isAnnexHeading(Array("附件2 名词解释".unicodeScalars)[...]) && KeywordsAnalyzer.isAnnexHeading(Array("附件".unicodeScalars)[...]))
        #expect(!KeywordsAnalyzer.isAnnexHeading(Array("附件材料清单说明".unicodeScalars)[...]))
    }
}
