import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Restated stances (ReplacementFinder), the genre's ordinary words in `new`, and the indicator
/// rows of `compare` (generic subjects named, target or actual), on made-up texts in the reports' shapes.
@Suite struct TrendsRestatedTests {
    static let segmenter = try? Segmenter.shipped()
    static var available: Bool { segmenter != nil }

    static func forms(_ texts: [String], terms: [String]) -> [[ReplacementFinder.Found]] {
        let finder = ReplacementFinder(segmenter: segmenter!)
        let splits = terms.enumerated().compactMap { finder.split($1, index: $0) }
        return finder.find(splits: splits, units: texts.map { [Document(source: "t", text: $0)] })
    }

    @Test(.enabled(if: available)) func splitsModifiersFromHead() {
        let finder = ReplacementFinder(segmenter: Self.segmenter!)
        let split = finder.split("稳健的货币政策", index: 0)
        #expect(split?.modifier == "稳健" && split?.head == "货币政策" && split?.linked == true)
        #expect(finder.split("积极财政政策", index: 0)?.head == "财政政策")
        // No modifiers, or a short head without 的: no stance.
        #expect(finder.split("污染防治攻坚战", index: 0) == nil)
        #expect(finder.split("稳定经济", index: 0) == nil)
    }

    @Test(.enabled(if: available)) func findsTheNewFormByTheSharedHead() {
        let found = Self.forms(["今年要实施积极的财政政策和稳健的货币政策。继续实施稳健的货币政策。",
                                "今年要实施更加积极的财政政策和适度宽松的货币政策。"],
                               terms: ["稳健的货币政策", "积极的财政政策"])
        #expect(found[1].contains(ReplacementFinder.Found(form: "适度宽松的货币政策", replaces: "稳健的货币政策")))
        #expect(found[1].contains(ReplacementFinder.Found(form: "更加积极的财政政策", replaces: "积极的财政政策")))
        // The old form's modifier read from the text, not from the list (从紧 is tracked nowhere).
        let fromText = Self.forms(["实行从紧的货币政策。", "实行适度宽松的货币政策。"], terms: ["稳健的货币政策"])
        #expect(fromText[1] == [ReplacementFinder.Found(form: "适度宽松的货币政策", replaces: "从紧的货币政策")])
    }

    @Test(.enabled(if: available)) func noReplacementWhileTheOldFormStays() {
        // 积极的财政政策 still said beside 更加积极的…: kept, not replaced.
        let kept = Self.forms(["实施积极的财政政策。", "实施更加积极的财政政策。过去一年实施积极的财政政策。"], terms: ["积极的财政政策"])
        #expect(kept[1].isEmpty)
        // The same modifier again, or the head after a verb only: nothing.
        #expect(Self.forms(["实施稳健的货币政策。", "坚持实施稳健的货币政策。"], terms: ["稳健的货币政策"])[1].isEmpty)
        #expect(Self.forms(["实施稳健的货币政策。", "完善货币政策。"], terms: ["稳健的货币政策"])[1].isEmpty)
    }

    @Test(.enabled(if: available)) func compareListsTheReplacementInNew() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trends-restated-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("report_2024.txt").path, new = directory.appendingPathComponent("report_2025.txt").path
        try "要实施积极的财政政策和稳健的货币政策。稳健的货币政策要灵活适度。".write(toFile: old, atomically: true, encoding: .utf8)
        try "要实施更加积极的财政政策和适度宽松的货币政策。".write(toFile: new, atomically: true, encoding: .utf8)
        let text = runAnalyze(["compare", old, new]).output
        #expect(text.contains("适度宽松的货币政策 (replaces 稳健的货币政策)"))
        #expect(text.contains("更加积极的财政政策 (replaces 积极的财政政策)"))
        let json = runAnalyze(["compare", "--format", "json", old, new]).output
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let trends = (object["corpus"] as! [String: Any])["trends"] as! [String: Any]
        let terms = ((trends["new"] as! [[String: Any]])[0]["terms"] as! [[String: Any]])
        let entry = terms.first { $0["term"] as? String == "适度宽松的货币政策" }
        #expect(entry?["replaces"] as? String == "稳健的货币政策")
        #expect(entry?["comeback"] == nil)
        // Terms that replace nothing carry no such field.
        #expect(terms.filter { $0["replaces"] != nil }.count == 2)
    }

    @Test(.enabled(if: available)) func comebackMarkedInACorpusRun() {
        let found = Self.forms(["实施适度宽松的货币政策。", "实施稳健的货币政策。", "实施适度宽松的货币政策。"], terms: ["稳健的货币政策"])
        #expect(found[2] == [ReplacementFinder.Found(form: "适度宽松的货币政策", replaces: "稳健的货币政策")])
        let run = runAnalyze(["--input", "jsonl", "--plugins", "slogans", "--format", "json", "-"], stdin: [
            #"{"id": "a", "date": "2009", "text": "实施适度宽松的货币政策。"}"#,
            #"{"id": "b", "date": "2011", "text": "实施稳健的货币政策。"}"#,
            #"{"id": "c", "date": "2025", "text": "实施适度宽松的货币政策。"}"#,
        ].joined(separator: "\n"))
        let compact = run.output.replacingOccurrences(of: " ", with: "")
        #expect(compact.contains(#""comeback":true"#))
        #expect(compact.contains(#""replaces":"稳健的货币政策""#))
    }

    @Test func genreWeight() {
        #expect(TrendsBuilder.genreWeight(0.2) == 1)
        #expect(TrendsBuilder.genreWeight(0.4) == 1)
        #expect(abs(TrendsBuilder.genreWeight(0.53) - 0.675) < 1e-9)
        #expect(TrendsBuilder.genreWeight(0.77) == 0.25)
    }

    @Test func ordinaryWordsOfTheGenreWeighLess() {
        let reference = ReferenceFrequencies(tokens: 1_000, documents: 100, counts: [(term: "全社会", count: 300, documents: 77), (term: "提振消费", count: 40, documents: 30)])
        let series = Series(counts: [[0, 4], [0, 3]], characters: [10_000, 10_000])
        let origins = [TrendsBuilder.Origin(name: "discovered", strength: 2), TrendsBuilder.Origin(name: "discovered", strength: 2)]
        let new = TrendsBuilder.newTerms(at: 1, [0, 1], series, ["全社会", "提振消费"], origins, limit: 10, genre: reference)
        #expect(new.map(\.term) == ["提振消费", "全社会"])
        #expect(new[1].genreShare != nil && new[0].genreShare == nil)
        // Without a reference both keep their scores: the more frequent first.
        #expect(TrendsBuilder.newTerms(at: 1, [0, 1], series, ["全社会", "提振消费"], origins, limit: 10, genre: nil).map(\.term) == ["全社会", "提振消费"])
    }

    @Test(.enabled(if: available)) func genericSubjectsNamedAndRowsSayTheirKind() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trends-indicators-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("report_2024.txt").path, new = directory.appendingPathComponent("report_2025.txt").path
        try "今年发展主要预期目标是：国内生产总值增长5%左右。一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。从今年开始拟连续几年发行超长期特别国债，今年先发行1万亿元。去年国内生产总值达到126万亿元。"
            .write(toFile: old, atomically: true, encoding: .utf8)
        try "今年发展主要预期目标是：国内生产总值增长5%左右。一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。拟发行特别国债5000亿元，支持国有大型商业银行补充资本。去年国内生产总值达到134.9万亿元。"
            .write(toFile: new, atomically: true, encoding: .utf8)
        let text = runAnalyze(["compare", old, new]).output
        #expect(text.contains("一般公共预算支出规模"))
        // The ultra-long bonds are not the bank-capital bonds: no row pairs them under 国债.
        #expect(!text.contains("国债 ("))
        #expect(text.contains("国内生产总值 (actual)"))
        #expect(text.contains("国内生产总值增长 (target)"))
        // A target's change on last year in its sentence is a target; last year's result stays actual.
        #expect(text.contains("一般公共预算支出规模增长 (target)"))
        #expect(IndicatorTable.isChangeOnLastYear(before: 7, in: Array("支出比上年增加1.2万亿元".unicodeScalars)))
        #expect(!IndicatorTable.isChangeOnLastYear(before: 7, in: Array("国内生产总值增长5%".unicodeScalars)))
    }
}

/// The outline at level 2: which task moved (扩大内需 from third to first).
@Suite struct OutlineLevelTwoTests {
    typealias S = CompareRendering.Subheading

    @Test func movedTasksAreNamed() {
        let old = [S(parent: 3, position: 1, heading: "大力推进现代化产业体系建设，加快发展新质生产力"),
                   S(parent: 3, position: 2, heading: "深入实施科教兴国战略，强化高质量发展的基础支撑"),
                   S(parent: 3, position: 3, heading: "着力扩大国内需求，推动经济实现良性循环"),
                   S(parent: 3, position: 4, heading: "扩大高水平对外开放，促进互利共赢")]
        let new = [S(parent: 3, position: 1, heading: "大力提振消费、提高投资效益，全方位扩大国内需求"),
                   S(parent: 3, position: 2, heading: "因地制宜发展新质生产力，加快建设现代化产业体系"),
                   S(parent: 3, position: 3, heading: "深入实施科教兴国战略，提升国家创新体系整体效能"),
                   S(parent: 3, position: 4, heading: "扩大高水平对外开放，积极稳外贸稳外资")]
        let changes = CompareRendering.compareSubheadings(old, new, parents: [1: 1, 2: 2, 3: 3])
        #expect(changes.map(\.change) == ["moved 3 → 1", "moved 1 → 2", "moved 2 → 3"])
        #expect(changes[0].old == old[2] && changes[0].new == new[0])
    }

    @Test func compareShowsTheMoveEndToEnd() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trends-outline-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("report_2024.txt").path, new = directory.appendingPathComponent("report_2025.txt").path
        try "一、2024年政府工作任务\n\n（一）大力推进现代化产业体系建设，加快发展新质生产力。\n\n推进产业升级。\n\n（二）着力扩大国内需求，推动经济实现良性循环。\n\n扩大消费。\n"
            .write(toFile: old, atomically: true, encoding: .utf8)
        try "一、2025年政府工作任务\n\n（一）大力提振消费、提高投资效益，全方位扩大国内需求。\n\n扩大消费。\n\n（二）因地制宜发展新质生产力，加快建设现代化产业体系。\n\n推进产业升级。\n"
            .write(toFile: new, atomically: true, encoding: .utf8)
        let text = runAnalyze(["compare", old, new]).output
        #expect(text.contains("moved 2 → 1") && text.contains("moved 1 → 2"))
        // The same order: no move.
        let copy = directory.appendingPathComponent("report_2023.txt").path
        try FileManager.default.copyItem(atPath: old, toPath: copy)
        let same = runAnalyze(["compare", copy, old]).output
        #expect(same.contains("level 2: the same order") && !same.contains("moved"))
    }

    @Test func sameOrderOrUnpairedSectionsGiveNoMoves() {
        let old = [S(parent: 1, position: 1, heading: "着力扩大国内需求"), S(parent: 1, position: 2, heading: "加快建设现代化产业体系")]
        let new = [S(parent: 1, position: 1, heading: "着力扩大国内需求，推动经济实现良性循环"), S(parent: 1, position: 2, heading: "加快建设现代化产业体系")]
        #expect(CompareRendering.compareSubheadings(old, new, parents: [1: 1]).isEmpty)
        // Headings under sections that are not paired are never paired with each other.
        let other = [S(parent: 2, position: 1, heading: "加快建设现代化产业体系"), S(parent: 2, position: 2, heading: "着力扩大国内需求")]
        #expect(CompareRendering.compareSubheadings(old, other, parents: [1: 1]).allSatisfy { $0.change == "added" || $0.change == "dropped" })
        // Unpaired headings at the same place are shown side by side, not as a move.
        let reworded = [S(parent: 1, position: 1, heading: "着力扩大国内需求"), S(parent: 1, position: 2, heading: "全面加强生态环境保护")]
        #expect(CompareRendering.compareSubheadings(old, reworded, parents: [1: 1]).map(\.change) == ["changed"])
    }
}
