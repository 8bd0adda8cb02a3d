import Foundation
import Testing
import AnalyticsCore
import SectionsPlugin

@Suite struct SectionsAnalyzerTests {
    func result(_ text: String) throws -> SectionsResult {
        try #require(try analyze(SectionsAnalyzer.self, text: text).1 as? SectionsResult)
    }

    /// Theme scores are a name-ordered list in Swift and an object in JSON; decoding gives the list back.
    @Test func themeScoresRoundTripThroughJSON() throws {
        let result = try result(seedText)
        let scored = try #require(result.sections.first { !$0.scores.entries.isEmpty })
        #expect(scored.scores.entries.map(\.theme) == scored.scores.entries.map(\.theme).sorted())
        let json = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(SectionsResult.self, from: json) == result)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(scored.scores)) as? [String: Double])
        #expect(object.count == scored.scores.entries.count)
        #expect(scored.scores[scored.scores.entries[0].theme] == object[scored.scores.entries[0].theme])
    }

    @Test func seedOutline() throws {
        let result = try result(seedText)
        let outline = result.sections.map { "\($0.role.rawValue):\($0.label ?? "-")" }
        #expect(outline == ["title:-", "subtitle:-", "byline:-", "lead:-", "section:B", "section:D", "conclusion:-", "section:A", "section:C"])
        #expect(result.sections[0].heading == "奋楫争先展作为 勇毅前行谱新篇")
        #expect(result.sections[2].heading == "□本报记者 王越")
        #expect(result.sections.first { $0.label == "A" }?.heading == "谋定而动 聚焦事关政协事业发展大事要事推进工作")
        #expect(result.sections.first { $0.label == "B" }?.theme == "改革创新")
        #expect(result.sections.first { $0.label == "D" }?.theme == "政治建设")
        let codes = Set(result.warnings.map(\.code))
        #expect(codes.contains("conclusion_not_last"))
        #expect(codes.contains("label_out_of_order"))
    }

    @Test func levelTwoHeadingsSplitAtTheFirstFullStop() throws {
        let result = try result("一、回顾\n（一）稳增长取得新成效。全年经济增长5%。\n（三）就业稳定。城镇新增就业。\n二、任务\n推进改革。")
        let second = try #require(result.sections.first { $0.label == "一" && $0.level == 2 })
        #expect(second.heading == "稳增长取得新成效")
        #expect(result.warnings.contains { $0.code == "label_gap" && $0.message.contains("expected 二") })
    }

    @Test func plainTextIsOneBodySectionWithoutWarnings() throws {
        let result = try result("市政协开展调研。委员提出建议。\n会议强调要推动发展。")
        #expect(result.sections.count == 1 && result.sections[0].role == .section)
        #expect(result.warnings.isEmpty)
    }

    @Test func newspaperRoles() throws {
        let text = "【科技前沿】\n种好一块田\n山乡沃野书写新答卷\n——东河县见闻\n本报记者 李青禾\n编者按：这是一段编者的话。\n清晨，田埂上很热闹。\n从单打独斗到抱团发展\n合作社统一采购农资。\n图为村民查看秧苗。本报记者 李青禾摄\n记者：今年收成怎么样？\n答：比去年好。\n让农户共享发展成果\n服务已覆盖全县。\n延伸阅读\n各地探索农业社会化服务。\n（本报记者 李青禾）\n责任编辑：何雨"
        let result = try result(text)
        let roles = result.sections.map { "\($0.role.rawValue):\($0.heading ?? "-")" }
        #expect(roles == ["column:【科技前沿】", "kicker:种好一块田", "title:山乡沃野书写新答卷", "subtitle:——东河县见闻", "byline:本报记者 李青禾",
                          "box:编者按", "lead:-", "section:从单打独斗到抱团发展", "caption:-", "question:-", "section:让农户共享发展成果",
                          "box:延伸阅读", "byline:（本报记者 李青禾）", "editor:责任编辑：何雨"])
        #expect(result.warnings.isEmpty)
        // The box after the body keeps its paragraph; the caption and question sit inside the first subhead's section.
        let box = try #require(result.sections.first { $0.heading == "延伸阅读" })
        #expect(text.unicodeScalars.count > box.end && String(String.UnicodeScalarView(Array(text.unicodeScalars)[box.start..<box.end])) == "延伸阅读\n各地探索农业社会化服务。")
    }

    @Test func columnTagOnTheTitleLineAndANameAlone() throws {
        let result = try result("【人民观点】以共建共治共享提升基层治理效能\n周明远\n基层是国家治理的最后一公里。\n坚持共建共治共享。\n（作者为东华大学教授）")
        #expect(result.sections.map(\.role) == [.title, .byline, .section, .note])
        #expect(result.sections[0].label == "人民观点" && result.sections[0].heading == "以共建共治共享提升基层治理效能")
    }

    @Test func datelineAndBoxLabelAreNeverTitlesOrSections() throws {
        let result = try result("核心阅读\n东河县组建服务队。\n本报南川7月18日电（记者 孙立）连日强降雨导致河流水位暴涨。\n当地启动应急响应。")
        #expect(result.sections.map(\.role) == [.box, .dateline, .section])
        #expect(result.sections[1].heading == "本报南川7月18日电（记者 孙立）")
        #expect(!result.sections.contains { $0.role == .title })
    }

    @Test func numberedSubheadsOfNewsAreLevelOne() throws {
        let circled = try result("洪水来袭\n①连夜转移 一个不落\n村干部挨家挨户敲门。\n②冲锋在前 抢险在先\n河堤出现险情。")
        #expect(circled.sections.filter { $0.role == .section }.map(\.level) == [1, 1])
        #expect(circled.sections.filter { $0.role == .section }.map(\.label) == ["①", "②"])
        let arabic = try result("十年磨一剑\n1.从零起步\n团队只有五个人。\n2.成果走出实验室\n开始小批量供货。")
        #expect(arabic.sections.filter { $0.role == .section }.map(\.level) == [1, 1])
        // Under 一、 headings, 1． stays level 3.
        let report = try result("一、总体要求\n（一）稳增长\n1．推进改革。内容。")
        #expect(report.sections.first { $0.label == "1" }?.level == 3)
    }

    @Test func bracketedSubheadsAndDatelinesWithXun() throws {
        let bracketed = try result("数字赋能\n城市运行管理中心很忙。\n【一屏观全城】\n数据打通了。\n【一网办政务】\n办事更省心。")
        #expect(bracketed.sections.filter { $0.role == .section }.map(\.heading) == ["一屏观全城", "一网办政务"])
        let xun = try result("高铁开通\n本报东港12月26日讯（记者 邵明）26日上午，首趟列车驶出。\n全长一百二十公里。")
        #expect(xun.sections.map(\.role) == [.title, .dateline, .section])
        // A dateline in brackets closing the story (and a bracketed aside that is none).
        let closing = try result("夜市升温\n街区日均客流达12万人次，同比增长35%。\n（本报西岭5月8日电）")
        #expect(closing.sections.last?.role == .dateline)
        #expect(closing.sections.last?.heading == "（本报西岭5月8日电）")
        let aside = try result("夜市升温\n街区日均客流达12万人次，同比增长35%。\n（本报记者观察，夜市已成新名片）")
        #expect(!aside.sections.contains { $0.role == .dateline })
        // An interview's first question right under the byline is a question, not a subtitle.
        let interview = try result("安享晚年\n本报记者 严晓萌\n问：老龄化程度如何？\n答：超过百分之二十。")
        #expect(interview.sections.map(\.role) == [.title, .byline, .question, .section])
    }

    @Test func markedSubheadsAndMarkedBylines() throws {
        let marked = try result("山海协作\n□本报记者 付晓东\n园区里很忙。\n■ 产业飞地让山区搭上快车\n两地共建园区。\n■ 人才互派\n两地互派干部。")
        #expect(marked.sections.map(\.role) == [.title, .byline, .lead, .section, .section])
        #expect(marked.sections.filter { $0.role == .section }.map(\.heading) == ["产业飞地让山区搭上快车", "人才互派"])
    }

    @Test func oneShortLineIsNoSubhead() throws {
        let result = try result("标题\n第一段正文。\n一句短话\n第二段正文。")
        #expect(!result.sections.contains { $0.heading == "一句短话" })
        #expect(result.sections.filter { $0.role == .section }.count == 1)
    }

    @Test func themesNeedEvidence() throws {
        // One weak term (村) decides nothing; two distinct terms of a theme do.
        let weak = try result("石桥村的村民在村口聊天，村里很安静，村干部在村委会值班。")
        #expect(weak.sections[0].theme == nil)
        let strong = try result("强降雨导致河流水位暴涨，当地启动防汛应急响应，消防救援队伍连夜抢险，转移群众两万人。")
        #expect(strong.sections[0].theme == "灾害与应急")
        #expect(strong.sections[0].themeTerms.count >= 2)
        // A theme without a margin over the next is no theme.
        let tied = try result("推进乡村振兴和农业发展，同时加强防汛和抢险。")
        #expect(tied.sections[0].theme == nil)
        // Two terms written together are one piece of evidence: a report's stock opening (请省政协委员提出意见)
        // is no CPPCC theme; the same terms apart are two.
        let stock = try result("现在，我代表省人民政府向大会报告政府工作，请予审议，并请省政协委员和其他列席人员提出意见。")
        #expect(stock.sections[0].theme == nil)
        let apart = try result("市政协组织开展专题调研，各界别委员积极参加，提交提案三十件。")
        #expect(apart.sections[0].theme == "协商议政与履职")
    }

    @Test func emptySectionsAndSkippedLevels() throws {
        let codes = try result("一、总体要求\n二、主要任务\n1．推进改革。内容。").warnings.map(\.code)
        #expect(codes.contains("empty_section"))
        #expect(codes.contains("level_skipped"))
    }
}

/// Against the report corpus: level-1 sections match the 一、 headings, and no boundary cuts a sentence.
@Suite struct SectionsCorpusTests {
    static let reports = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/corpus/reports")
    static let available = FileManager.default.fileExists(atPath: reports.path)

    @Test(.enabled(if: available)) func levelOneSectionsMatchTheHeadings() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.reports.path).filter { $0.hasSuffix(".txt") }.sorted()
        var matching = 0
        var mismatches: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.reports.appendingPathComponent(file), encoding: .utf8)
            let expected = text.split(separator: "\n").filter { line in
                let scalars = Array(line.unicodeScalars)
                guard let comma = scalars.firstIndex(of: "、"), comma > 0, comma <= 3 else { return false }
                return scalars[..<comma].allSatisfy { NumberScanner.chineseDigit($0) != nil || $0 == "十" }
            }.count
            let (document, analyzed) = try analyze(SectionsAnalyzer.self, text: text)
            let result = try #require(analyzed as? SectionsResult)
            let found = result.sections.filter { $0.level == 1 && $0.label != nil && $0.label!.unicodeScalars.allSatisfy { NumberScanner.chineseDigit($0) != nil || $0 == "十" } }.count
            if found == expected { matching += 1 } else { mismatches.append("\(file): \(found) found, \(expected) headings") }
            let sentenceStarts = Set(document.sentences.map(\.start))
            for section in result.sections {
                #expect(sentenceStarts.contains(section.start), "\(file): section at \(section.start) starts inside a sentence")
            }
        }
        print("sections: level-1 count matches the 一、 headings in \(matching)/\(files.count) reports; \(mismatches.prefix(5))")
        #expect(matching * 100 >= files.count * 95)
    }
}
