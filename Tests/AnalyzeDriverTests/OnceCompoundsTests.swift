import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

/// A compound said once (`OnceCompounds`): a ranked word of the genre said inside it gives way to it.
@Suite struct OnceCompoundsTests {
    static func finder() throws -> OnceCompounds {
        var segmenter = try Segmenter.shipped(userWords: [])
        segmenter.lengthPenalty = 0 // as the keywords analyzer cuts
        let terms = KeywordTerms(segmenter: segmenter, stopWords: StopWords.all, allowSingles: false, discovery: nil)
        return OnceCompounds(segmenter: segmenter, stopWordIDs: terms.stopWordIDs, reference: try KeywordsReference.shipped())
    }

    /// The compound around the first occurrence of `word` in `text`, as text.
    func compound(_ word: String, in text: String, _ finder: OnceCompounds) -> String? {
        let scalars = Array(text.unicodeScalars), part = Array(word.unicodeScalars)
        guard let at = (0...(scalars.count - part.count)).first(where: { Array(scalars[$0..<($0 + part.count)]) == part }) else { return nil }
        return finder.compound(around: TextSpan(start: at, end: at + part.count), scalars).map { String(scalars: scalars[$0.span.range]) }
    }

    @Test func aRunOfContentWordsInOneClauseIsACompound() throws {
        let finder = try Self.finder()
        // Nouns and verbal nouns, the head common in the reports, the whole rare there.
        #expect(compound("口袋", in: "各区加快建设口袋公园，方便群众休闲。", finder) == "口袋公园") // 建设 first: the verb of its object
        #expect(compound("征地", in: "深化征地制度改革。", finder) == "征地制度改革")
        #expect(compound("职称", in: "完善职称评审制度。", finder) == "职称评审制度")
    }

    @Test func noCompoundAcrossAVerbACoordinationOrTooLong() throws {
        let finder = try Self.finder()
        #expect(compound("产业", in: "推动产业升级。", finder) == nil)                       // 推动 takes an object; 产业升级 is the genre's
        #expect(compound("售后", in: "直播带货面临品控和售后难题。", finder) == nil)          // 品控和售后 share 难题
        #expect(compound("编程", in: "学生用图形化编程训练简单的模型。", finder) == nil)      // 训练 takes 模型: a verb
        #expect(compound("高质量", in: "推动经济社会发展高质量。", finder) == nil)            // overlong
        #expect(compound("林权", in: "稳步推进集体林权制度改革。", finder) == nil)            // four words
        #expect(compound("服务型", in: "建设人民满意的服务型政府。", finder) == nil)          // the reports say the whole: a unit of the genre
        #expect(compound("建设", in: "各区加快建设口袋公园。", finder) == nil)               // the word itself is the verb of the run
        #expect(compound("办理", in: "办理市人大代表议案4项。", finder) == nil)              // 市 ends a name (市人大), no suffix
    }

    @Test func onlyAWordOfTheGenreGivesWay() throws {
        let finder = try Self.finder()
        func of(_ word: String, _ text: String) -> String? {
            let scalars = Array(text.unicodeScalars), part = Array(word.unicodeScalars)
            let spans = (0...(scalars.count - part.count)).filter { Array(scalars[$0..<($0 + part.count)]) == part }.map { TextSpan(start: $0, end: $0 + part.count) }
            return finder.compound(of: spans, scalars).map { String(scalars: scalars[$0.span.range]) }
        }
        #expect(of("征地", "深化征地制度改革。") == "征地制度改革")
        // 保健品 is no word of the reports: a news article's own word, it says something alone.
        #expect(of("保健品", "警惕保健品销售骗局。") == nil)
        // Said mostly outside the compound, the word stays.
        #expect(of("征地", "深化征地制度改革。规范征地，保障征地农民权益。") == nil)
    }

    @Test func theRankedPieceGivesWayInTheKeywords() throws {
        let text = "今年全市深化征地制度改革，农民权益得到保障。城市更新加快推进，老旧小区改造开工，城市更新项目落地。城市更新带动投资。"
        let result = try #require(try analyze(KeywordsAnalyzer.self, text: text, options: [:]).1 as? KeywordsResult)
        let top = result.keywords.map(\.term)
        #expect(top.contains("征地制度改革"), "\(top)")
        #expect(!top.contains("征地"), "\(top)")
        let term = try #require(result.keywords.first { $0.term == "征地制度改革" })
        #expect(term.phrase && term.count == 1 && term.occurrences.count == 1)
        // Other methods are left as they are.
        let tfidf = try #require(try analyze(KeywordsAnalyzer.self, text: text, options: ["method": "tfidf"]).1 as? KeywordsResult)
        #expect(!tfidf.keywords.map(\.term).contains("征地制度改革"))
    }


    @Test func theHeadMustBeCommonInTheReports() throws {
        let finder = try Self.finder()
        // 公园 is in a third of the reports: 口袋公园 is a kind of a common thing. 蜂箱 and 消费量 are
        // in hardly any: a run of rare words, no compound.
        #expect(compound("口袋", in: "建设口袋公园。", finder) == "口袋公园")
        #expect(compound("农户", in: "农户蜂箱增加。", finder) == nil)
        #expect(compound("煤炭", in: "煤炭消费量下降。", finder) == nil)
    }
}
