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
