import Foundation
import Testing
import AnalyticsCore
import SlogansPlugin

@Suite struct SlogansAnalyzerTests {
    func slogans(_ text: String, _ options: [String: String] = [:]) throws -> [Slogan] {
        try #require(try analyze(SlogansAnalyzer.self, text: text, options: options).1 as? SlogansResult).slogans
    }

    @Test func seedHoldsEveryNamedSlogan() throws {
        let found = try slogans(seedText)
        func slogan(_ text: String) -> Slogan? { found.first { $0.text == text } }
        let expected: [(String, SloganKind)] = [
            ("七大都市", .formula), ("两个确立", .known), ("两个维护", .known), ("四个体系", .formula), ("两大主题", .known),
            ("一体两翼", .formula), ("双促进", .formula), ("书香政协", .quoted), ("政协大讲堂", .quoted), ("能力作风建设年", .quoted),
            ("踔厉奋发，笃行致远", .parallel), ("实干担当、守正创新", .parallel),
            ("建言献策聚智慧，协商议事聚共识，勠力同心聚合力", .parallel), ("全面振兴全方位振兴", .repeated),
        ]
        for (text, kind) in expected {
            #expect(slogan(text)?.kind == kind, "\(text): \(String(describing: slogan(text)))")
        }
        #expect(slogan("七大都市")?.count == 3)
        #expect(slogan("七大都市")?.number == 7 && slogan("七大都市")?.head == "都市")
        #expect(slogan("两个确立")?.meaning?.isEmpty == false)
        #expect(slogan("全面振兴全方位振兴")?.count == 2)
    }

    @Test func seedHasNoJunk() throws {
        let texts = Set(try slogans(seedText).map(\.text))
        for junk in ["码", "一批", "一系列", "3次", "724件", "市政协", "稳经济促发展保大盘市政协在行动",
                     "创新发展冰雪运动产业 推动冰雪经济高质量发展 助力打造哈尔滨冰雪文化之都"] {
            #expect(!texts.contains(junk), "\(junk) reported")
        }
    }

    @Test func orderedByFirstOccurrenceWithEveryOccurrence() throws {
        let found = try slogans(seedText)
        let firsts = found.map { $0.occurrences.first!.start }
        #expect(firsts == firsts.sorted())
        for slogan in found { #expect(slogan.count == slogan.occurrences.count) }
    }

    @Test func quotedCoinagesCountTheirQuotes() throws {
        // Quoted once: the bare uses do not count. Quoted twice: every use counts.
        let once = try slogans("组建“田保姆”服务队。田保姆很忙，田保姆很累。")
        #expect(once.first { $0.text == "田保姆" }?.count == 1)
        let twice = try slogans("组建“田保姆”服务队。“田保姆”上门了。田保姆很忙。")
        #expect(twice.first { $0.text == "田保姆" }?.count == 3)
        // A common word quoted once is emphasis: not reported at all.
        let scare = try slogans("增强“风险”意识。防范风险，化解风险，管控风险。")
        #expect(!scare.contains { $0.text == "风险" })
    }

    @Test func seriesCountEveryOccurrence() throws {
        let found = try slogans("愿担当、敢担当、善担当，是我们的要求。我们坚持愿担当、敢担当、善担当的作风。")
        let series = try #require(found.first { $0.text == "愿担当、敢担当、善担当" })
        #expect(series.kind == .parallel && series.count == 2)
        let formula = try #require(try slogans("坚持共建共治共享，推进共建共治共享。").first { $0.text == "共建共治共享" })
        #expect(formula.count == 2)
    }

    @Test func userLexiconAddsMeanings() throws {
        let path = "/tmp/analyze-slogans-\(UInt32.random(in: 0...UInt32.max)).tsv"
        try "书香政协\tA CPPCC reading campaign\tlocal usage\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let found = try slogans("推进“书香政协”建设。", ["lexicon": path])
        #expect(found.first?.kind == .known && found.first?.meaning == "A CPPCC reading campaign")
    }
}

/// Formulations a researcher knows are found in every report of ../shared/eval/corpus that has them.
@Suite struct SlogansCorpusRecallTests {
    static let reports = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/corpus/reports")
    static let available = FileManager.default.fileExists(atPath: reports.path)

    @Test(.enabled(if: available), arguments: ["两个确立", "四个全面", "三大攻坚战", "两个维护", "新发展理念"])
    func foundWhereverItOccurs(_ term: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.reports.path).filter { $0.hasSuffix(".txt") }.sorted()
        var containing = 0, found = 0
        for file in files {
            let text = try String(contentsOf: Self.reports.appendingPathComponent(file), encoding: .utf8)
            guard text.contains(term) else { continue }
            containing += 1
            let result = try #require(try analyze(SlogansAnalyzer.self, text: text).1 as? SlogansResult)
            if result.slogans.contains(where: { $0.text == term }) { found += 1 } else { Issue.record("\(term) missed in \(file)") }
        }
        #expect(containing > 0)
        print("slogans recall for \(term): \(found)/\(containing) reports")
    }
}
