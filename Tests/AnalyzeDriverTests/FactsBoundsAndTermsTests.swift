import Testing
import AnalyticsCore
import FactsPlugin

/// The reviewer's families F4, F8 and F9 (2026-11-30), in sentences of our own: bounds that are no
/// change, bounds before a standard, the second change of a 分别 list, numeral words that are terms.
@Suite struct FactsBoundsAndTermsTests {
    func facts(_ text: String) throws -> [Fact] {
        let (_, result) = try analyze(FactsAnalyzer.self, text: text)
        return try #require(result as? FactsResult).facts
    }

    /// 超 is a lower bound (GUIDELINE: atLeast), not a change; a change word before it still gives the direction.
    @Test func overIsABoundNotAChange() throws {
        let facts = try facts("储备项目总投资超4.4万亿元，为经营主体减负超3000亿元，地区生产总值增长超5%，出口下降超过3%。")
        for level in ["4.4万亿元", "3000亿元"] {
            let fact = try #require(facts.first { $0.text == level })
            #expect(fact.atLeast == true && fact.direction == nil, "\(level)")
        }
        let growth = try #require(facts.first { $0.text == "5%" })
        #expect(growth.atLeast == true && growth.direction == "up")
        #expect(facts.first { $0.text == "3%" }?.direction == "down")
    }

    /// 不大于现状总建筑面积的20%: the bound stands before the standard the share is of; 最高800万元 is a cap.
    /// Not across a clause (不超过三年，增长20%), and not a bound of one character (超, 近) before a standard.
    @Test func boundsBeforeTheStandardAndCaps() throws {
        let facts = try facts("拆除建筑面积不大于现状总建筑面积的20%，补贴不低于上年的80%，给予最高800万元奖励。工期不超过三年，产量增长20.5%，近郊的人口为300万人。")
        #expect(facts.first { $0.text == "20%" }?.atMost == true)
        #expect(facts.first { $0.text == "80%" }?.atLeast == true)
        #expect(facts.first { $0.text == "800万元" }?.atMost == true)
        let growth = try #require(facts.first { $0.text == "20.5%" })
        #expect(growth.atMost == nil && growth.atLeast == nil)
        let people = try #require(facts.first { $0.text == "300万人" })
        #expect(people.approximate == nil && people.atMost == nil)
    }

    /// 分别增长18.3%和32.5%: the second change has the first one's direction; a level after 和 has none.
    @Test func secondItemOfARespectiveListKeepsItsDirection() throws {
        let facts = try facts("通信器材类、新能源汽车零售额分别增长18.3%和32.5%。收入分别为774亿元和536亿元。")
        #expect(facts.first { $0.text == "32.5%" }?.direction == "up")
        #expect(facts.first { $0.text == "536亿元" }?.direction == nil)
    }

    /// A ratio is one figure (GUIDELINE): 4.4:41.2:54.4 of three parts, 1.5:1 with a decimal; 1:2 and 20:30 as before.
    @Test func ratiosOfDecimalsAndThreePartsAreOneFigure() throws {
        let facts = try facts("三次产业结构为4.4:41.2:54.4，男女比例为1.5:1，比例1:2，晚上20:30开始。")
        let structure = try #require(facts.first { $0.text == "4.4:41.2:54.4" })
        #expect(structure.kind == .number && structure.value == 4.4)
        #expect(facts.first { $0.text == "1.5:1" }?.value == 1.5)
        #expect(facts.first { $0.text == "1:2" }?.value == 0.5)
        #expect(!facts.contains { $0.text == "41.2" || $0.text == "54.4" })
    }

    /// 三次产业 is a term (the three sectors), not a count; 召开三次会议 counts.
    @Test func threeSectorsIsATerm() throws {
        let facts = try facts("三次产业结构调整为4.4:41.2:54.4，全年召开三次会议。")
        #expect(!facts.contains { $0.text.hasPrefix("三次") && $0.text != "三次" })
        #expect(facts.filter { $0.text == "三次" }.count == 1)
        #expect(facts.first { $0.text == "三次" }?.kind == .count)
    }
}
