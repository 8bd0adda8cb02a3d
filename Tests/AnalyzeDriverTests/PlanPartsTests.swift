import Testing
import AnalyticsCore
import FactsPlugin

/// The plan part of a work report (PlanParts): its amounts are targets without a cue in their sentence;
/// the same sentences in a review, in an appendix, in a sentence about the past, or in a text without
/// such a heading stay actual.
@Suite struct PlanPartsTests {
    func modality(of figure: String, in text: String) throws -> String? {
        let facts = try #require(try analyze(FactsAnalyzer.self, text: text).1 as? FactsResult).facts
        return try #require(facts.first { $0.text == figure }, "\(figure) not found").modality
    }

    static let task = "实施省大中型项目4600个以上，完成投资1.2万亿元左右，建设15个中试平台。"

    @Test(arguments: ["二、2025年工作安排", "今年重点工作", "三、2026年经济社会发展总体要求和政策取向", "对今年政府工作的建议"])
    func tasksUnderAPlanHeadingAreTargets(heading: String) throws {
        let text = "一、2024年工作回顾\n\n过去一年，全省经济平稳。\n\n\(heading)\n\n\(Self.task)\n"
        for figure in ["4600个", "1.2万亿元", "15个"] {
            #expect(try modality(of: figure, in: text) == "target", "\(figure) under \(heading)")
        }
    }

    @Test func aNumberedHeadingWithBodyTextOpensAPlanPart() throws {
        let text = "二、2025年主要任务。\(Self.task)\n"
        #expect(try modality(of: "4600个", in: text) == "target")
    }

    @Test(arguments: [
        "一、2024年工作回顾\n\n\(task)\n",                                   // a review
        "\(task)\n",                                                        // no heading: a news item
        "二、2025年工作安排\n\n去年全省实施省大中型项目4600个以上。\n",         // the past, in a plan part
        "二、2025年工作安排\n\n截至目前，已建成15个中试平台。\n",               // the past, in a plan part
        "二、2025年工作安排\n\n重点推进项目。\n\n附件\n\n名词解释：“十百千万”工程，建设15个中试平台。\n", // an appendix
        "重点工作取得新进展，全年建设15个中试平台。\n",                         // a body sentence, not a heading
    ])
    func theSameFiguresElsewhereAreActual(text: String) throws {
        let figure = text.contains("4600个") ? "4600个" : "15个"
        #expect(try modality(of: figure, in: text) == "actual", "\(text)")
    }

    /// A cue before a colon opens a list of targets that runs over full stops to its paragraph's end,
    /// past the 200 characters a cue reaches otherwise; not into the next paragraph, nor into a sentence
    /// about the past.
    @Test func aColonListRunsToItsParagraphsEnd() throws {
        let list = "今年全市经济社会发展的主要预期目标是：全市生产总值增长6%左右。一产、二产、三产增加值分别增长4%、7%和5.5%左右。"
            + "规模以上工业增加值增长7%左右，固定资产投资增长5%以上，社会消费品零售总额增长6%左右，一般公共预算收入增长3%左右，"
            + "外贸进出口总额稳中提质，实际使用外资保持稳定，全社会研发经费投入增长8%以上，万元地区生产总值能耗下降3%左右，"
            + "粮食产量稳定在120万吨以上，新增城镇就业5万人以上，常住人口城镇化率提高1个百分点，"
            + "居民人均可支配收入与经济增长基本同步、增长6%左右，城镇调查失业率控制在5.5%以内，居民消费价格涨幅控制在2%左右。"
        let scalars = Array(list.unicodeScalars), cue = Array("目标是".unicodeScalars)
        let cueStart = try #require((0..<scalars.count).first { Array(scalars[$0..<($0 + 3)]) == cue })
        #expect(scalars.count - 4 - cueStart > 200, "the last figure is beyond a cue's ordinary reach")
        #expect(try modality(of: "2%", in: list + "\n") == "target")
        #expect(try modality(of: "5.2%", in: list + "\n去年全市生产总值增长5.2%。\n") == "actual")
        #expect(try modality(of: "5.2%", in: list + "去年全市生产总值增长5.2%。\n") == "actual")
    }

    /// In a review part an estimate (预计) or a thing obtained (争取资金, 争取到) is actual; the same words in a
    /// plan part, or 争取 before an action, aim.
    @Test func estimatesAndThingsObtainedInAReview() throws {
        let text = "一、2024年工作回顾\n\n预计全省地区生产总值增长5.2%左右。争取中央资金433亿元，争取到国家资金45亿元。\n\n"
            + "二、2025年工作安排\n\n预计全省地区生产总值增长5%左右。争取中央资金500亿元。\n"
        #expect(try modality(of: "5.2%", in: text) == "actual")
        #expect(try modality(of: "433亿元", in: text) == "actual")
        #expect(try modality(of: "45亿元", in: text) == "actual")
        #expect(try modality(of: "5%", in: text) == "target")
        #expect(try modality(of: "500亿元", in: text) == "target")
        #expect(try modality(of: "15个", in: "一、2024年工作回顾\n\n争取在年底前建成15个中试平台。\n") == "target")
    }

    /// A subhead in brackets inside the review ((六)办好民生实事) opens no plan part.
    @Test func aBracketedSubheadOpensNoPart() throws {
        let text = "一、2024年工作回顾\n\n（六）办好民生实事\n\n新增专门学校学位700个。\n"
        #expect(try modality(of: "700个", in: text) == "actual")
    }

    @Test func 为了IsNoPast() throws {
        let text = "二、2025年工作安排\n\n为了稳就业，新增就业岗位10万个。\n"
        #expect(try modality(of: "10万个", in: text) == "target")
    }
}
