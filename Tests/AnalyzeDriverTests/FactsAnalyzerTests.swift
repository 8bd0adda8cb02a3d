import Testing
import AnalyticsCore
import FactsPlugin

@Suite struct FactsAnalyzerTests {
    func facts(_ text: String) throws -> [Fact] {
        try #require(try analyze(FactsAnalyzer.self, text: text).1 as? FactsResult).facts
    }

    @Test func seedCountsCarryTheirSubjects() throws {
        let facts = try facts(seedText)
        let expected: [(String, String, String)] = [
            ("3次", "常委会议专题协商", "次"), ("8次", "专题议政协商", "次"), ("48项", "专题调研视察", "项"),
            ("42篇", "调研、视察和协商报告", "篇"), ("724件", "提案", "件"), ("288次", "界别活动", "次"),
            ("1954人次", "委员", "人次"), ("23396人", "界别群众", "人"),
        ]
        for (text, subject, unit) in expected {
            let fact = try #require(facts.first { $0.text == text }, "\(text) not found")
            #expect(fact.kind == .count && fact.subject == subject && fact.unit == unit, "\(text): \(fact)")
        }
        #expect(facts.first { $0.text == "1954人次" }?.value == 1954)
        #expect(!facts.contains { $0.kind == .year && $0.value == 1954 }, "1954人次 is not a year")
    }

    @Test func qualifiersModalityAndSubjects() throws {
        let facts = try facts("今年预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。去年平台已孵化出7家上市企业，43%的受访者表示满意，机架超过760万架，单次延迟不到30毫秒。")
        let growth = try #require(facts.first { $0.text == "5%" })
        #expect(growth.approximate == true && growth.modality == "target" && growth.direction == "up" && growth.subject == "国内生产总值")
        let jobs = try #require(facts.first { $0.text == "1200万人" })
        #expect(jobs.atLeast == true && jobs.modality == "target" && jobs.value == 12_000_000)
        let firms = try #require(facts.first { $0.text == "7家" })
        #expect(firms.modality == "actual")
        #expect(facts.first { $0.text == "43%" }?.subject == "受访者")
        #expect(facts.first { $0.text == "760万架" }?.unit == "架")
        let latency = try #require(facts.first { $0.text == "30毫秒" })
        #expect(latency.atMost == true && latency.unit == "毫秒")
    }

    /// The level a change reaches (提高到67%, 增至, 下降到约) has no direction; the amount of a change has
    /// (提高3个百分点, 下降不到1%: 不到 is a qualifier, not the 到 of a level).
    @Test func levelsReachedHaveNoDirection() throws {
        let facts = try facts("城镇化率提高到67%，补助标准增至300元，能耗下降到约2.3吨；覆盖率提高3个百分点，价格下降不到1%。")
        for level in ["67%", "300元", "2.3吨"] {
            #expect(try #require(facts.first { $0.text == level }).direction == nil, "\(level)")
        }
        #expect(facts.first { $0.text == "3个百分点" }?.direction == "up")
        #expect(facts.first { $0.text == "1%" }?.direction == "down")
    }

    /// 518年九月: a three-digit year with its month right after it is one date (ISO year with four digits);
    /// without a month, 500年 is a length; 2年半 is two and a half years.
    @Test func threeDigitYearWithMonthAndHalfYears() throws {
        let facts = try facts("518年九月，高英去探望母亲。这座寺庙已有500年历史。双方签订了一份2年半的合同。")
        let date = try #require(facts.first { $0.text == "518年九月" })
        #expect(date.kind == .date && date.date == "0518-09" && date.value == 5180900)
        #expect(facts.first { $0.text == "500年" }?.kind != .date)
        #expect(facts.first { $0.text == "2年半" }?.value == 2.5)
    }

    /// sharedUnit: a bare number joined by 、 or 或 to the figure after it shares its unit, kind and subject;
    /// not across a magnitude (5、6万元: 5 is not 5万元), nor after another separator.
    @Test func bareNumberSharesTheUnitAfterIt() throws {
        let facts = try facts("他是十八、十九届中央委员。叶子有1或3条主脉。今年5、6万元的投入。人口1200，面积3平方公里。")
        let eighteen = try #require(facts.first { $0.text == "十八" })
        #expect(eighteen.kind == .ordinal && eighteen.unit == "届" && eighteen.subject == "中央委员" && eighteen.modality == nil)
        let one = try #require(facts.first { $0.text == "1" })
        #expect(one.kind == .count && one.unit == "条" && one.subject == "主脉")
        #expect(facts.first { $0.text == "5" }?.unit == nil)
        #expect(facts.first { $0.text == "1200" }?.unit == nil)
    }

    /// 年级 is a grade (an ordinal, GUIDELINE), not a duration of 年 and a stray 级.
    @Test func gradesAreOrdinals() throws {
        let facts = try facts("他在中学二年级时辍学。初中三年级学生共有1200人。")
        let grade = try #require(facts.first { $0.text == "二年级" })
        #expect(grade.kind == .ordinal && grade.unit == "年级")
        #expect(facts.first { $0.text == "三年级" }?.subject == "学生")
        #expect(!facts.contains { $0.kind == .duration })
    }

    /// 前 caps a rank (前三位) but not a figure after a time that ends in 前 (比三年前翻了一番); levels of 由…到 have no direction.
    @Test func qualifiersAfterATimeAndLevels() throws {
        let facts = try facts("门诊量比三年前翻了一番，全省排名前三位。森林覆盖率由2015年的38%提高到去年的45.2%。")
        let doubled = try #require(facts.first { $0.text == "翻了一番" })
        #expect(doubled.atMost == nil && doubled.direction == "up")
        #expect(facts.first { $0.text == "三位" }?.atMost == true)
        let low = try #require(facts.first { $0.text == "38%" }), high = try #require(facts.first { $0.text == "45.2%" })
        #expect(low.direction == nil && high.direction == nil && low.subject == "森林覆盖率" && high.subject == "森林覆盖率")
    }

    /// 千 before 瓦, 米, 克 begins the unit (千瓦, 千米), not a thousand; before 元 or 名 it is a thousand.
    @Test func thousandPrefixedUnits() throws {
        let facts = try facts("装机容量达到600万千瓦，发电量120亿千瓦时，里程500千米，补贴3千元，5千名观众。")
        func figure(_ text: String) -> (Double?, String?) { facts.first { $0.text == text }.map { ($0.value, $0.unit) } ?? (nil, nil) }
        #expect(figure("600万千瓦") == (6_000_000, "千瓦"))
        #expect(figure("120亿千瓦时") == (12_000_000_000, "千瓦时"))
        #expect(figure("500千米") == (500, "千米"))
        #expect(figure("3千元") == (3_000, "元"))
        #expect(figure("5千名") == (5_000, "名"))
    }

    @Test func rangesDecadesAndVagueQuantities() throws {
        let facts = try facts("接待七八个旅行团，卖出三四百件，数千名观众，建于20世纪70年代，光绪28年成立，19世纪末，晚上20:30开播，比例为1:2。")
        let seven = try #require(facts.first { $0.text == "七八个" })
        #expect(seven.kind == .range && seven.low == 7 && seven.high == 8)
        #expect(facts.first { $0.text == "三四百件" }.map { $0.low == 300 && $0.high == 400 } == true)
        #expect(facts.first { $0.text == "数千名" }.map { $0.value == 1000 && $0.approximate == true } == true)
        #expect(facts.first { $0.text == "20世纪70年代" }.map { $0.low == 1970 && $0.high == 1979 } == true)
        #expect(facts.first { $0.text == "光绪28年" }?.value == 1902)
        #expect(facts.first { $0.text == "19世纪" }.map { $0.low == 1801 && $0.high == 1900 } == true)
        #expect(facts.first { $0.text == "20:30" }.map { $0.kind == .date && $0.value == 2030 } == true)
        #expect(facts.first { $0.text == "1:2" }?.value == 0.5)
    }

    @Test func seedOrdinalsYearsAndFormulas() throws {
        let facts = try facts(seedText)
        #expect(facts.contains { $0.text == "十四届" && $0.kind == .ordinal && $0.value == 14 && $0.subject == "市政协" })
        #expect(facts.filter { $0.text == "二十大" && $0.kind == .ordinal && $0.value == 20 }.count == 2)
        #expect(facts.contains { $0.text == "第十三次" && $0.kind == .ordinal && $0.value == 13 && $0.subject == "党代会" })
        #expect(facts.filter { $0.kind == .year && $0.value == 2022 }.count == 3)
        #expect(facts.filter { $0.text == "七大都市" && $0.kind == .formula }.count == 3)
        #expect(facts.contains { $0.text == "两个确立" && $0.kind == .formula })
    }

    @Test func idiomsAreNotFacts() throws {
        let facts = try facts(seedText)
        for text in ["一年来", "一年", "一批", "一系列", "一线", "一手", "进一步", "一体两翼", "献一策", "第一", "一"] {
            #expect(!facts.contains { $0.text == text }, "\(text) reported")
        }
    }

    @Test func changesMoneyMeasuresDatesRanges() throws {
        let facts = try facts("地区生产总值增长5.1%，赤字率下降2个百分点，投资1.2万亿元，面积3.5平方公里。2022年3月5日召开，规划期3至5年，经济总量翻一番。")
        func fact(_ text: String) -> Fact? { facts.first { $0.text == text } }
        #expect(fact("5.1%").map { $0.kind == .percent && $0.direction == "up" && $0.subject == "地区生产总值" } == true)
        #expect(fact("2个百分点").map { $0.kind == .percent && $0.direction == "down" && $0.unit == "个百分点" } == true)
        #expect(fact("1.2万亿元").map { $0.kind == .money && $0.value == 1.2e12 && $0.unit == "元" } == true)
        #expect(fact("3.5平方公里").map { $0.kind == .measure && $0.value == 3.5 && $0.unit == "平方公里" } == true)
        #expect(fact("2022年3月5日").map { $0.kind == .date && $0.date == "2022-03-05" && $0.value == 20220305 } == true)
        #expect(fact("3至5年").map { $0.kind == .range && $0.low == 3 && $0.high == 5 && $0.unit == "年" } == true)
        #expect(fact("翻一番").map { $0.direction == "up" && $0.unit == "番" && $0.value == 2 } == true)
    }

    @Test func everyFactPointsIntoItsSentence() throws {
        let document = Document(source: "t", text: seedText)
        for fact in try facts(seedText) {
            #expect(fact.sentenceStart <= fact.start && fact.end <= fact.sentenceEnd)
            #expect(document.text(TextSpan(start: fact.sentenceStart, end: fact.sentenceEnd)) == fact.sentence)
        }
    }

    @Test func aRunOnSentenceIsQuotedAsAWindowAroundEachFigure() throws {
        let text = String(repeating: "全年共收到提案512件委员参加1954人次", count: 60)
        let document = Document(source: "t", text: text)
        let found = try facts(text)
        #expect(found.count == 120)
        for fact in found {
            #expect(fact.sentenceClipped == true)
            #expect(fact.sentenceEnd - fact.sentenceStart <= 400)
            #expect(fact.sentenceStart <= fact.start && fact.end <= fact.sentenceEnd)
            #expect(document.text(TextSpan(start: fact.sentenceStart, end: fact.sentenceEnd)) == fact.sentence)
        }
    }

    @Test func sentencesCanBeLeftOut() throws {
        let result = try #require(try analyze(FactsAnalyzer.self, text: "立案交办提案724件。", options: ["sentences": "false"]).1 as? FactsResult)
        #expect(result.facts.count == 1 && result.facts[0].sentence == nil && result.facts[0].sentenceEnd == 11)
    }
}
