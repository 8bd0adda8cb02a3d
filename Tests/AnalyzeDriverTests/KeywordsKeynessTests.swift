import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

@Suite struct KeywordsKeynessTests {
    func keywords(_ text: String, _ options: [String: String] = [:]) throws -> KeywordsResult {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: options).1 as? KeywordsResult)
    }

    @Test func keynessIsTheDefaultAndSaysWhy() throws {
        let result = try keywords(seedText)
        #expect(result.method == .keyness)
        for keyword in result.keywords.prefix(10) {
            #expect(Double(keyword.count) > keyword.expected, "\(keyword.term): a keyword is used more than the reference expects")
            #expect(keyword.score > 0)
        }
    }

    @Test func genreWordsRankBelowWhatTheTextIsAbout() throws {
        let text = String(repeating: "坚持发展，推进建设，实施改革，做好工作。加快发展经济，推进建设。重庆市推进江北嘴金融城建设。重庆市发展江北嘴金融城。", count: 4)
        let top = try keywords(text).keywords.map(\.term)
        for generic in ["发展", "建设", "改革", "经济"] {
            #expect(!top.prefix(2).contains(generic), "\(generic) in \(top)")
        }
        #expect(top.prefix(3).contains("重庆市") || top.prefix(3).contains("江北嘴金融城"), "\(top)")
    }

    @Test func multiWordTermsAreOneTermAndTheirPartsCountOutsideThem() throws {
        let text = "推动高质量发展。实现高质量发展，坚持高质量发展。发展是第一要务。"
        let result = try keywords(text, ["method": "frequency"])
        let phrase = try #require(result.keywords.first { $0.term == "高质量发展" })
        #expect(phrase.count == 3 && phrase.phrase)
        #expect(!result.keywords.contains { $0.term == "高质量" })
        #expect(result.keywords.first { $0.term == "发展" }?.count == 1)
        let off = try keywords(text, ["method": "frequency", "discover": "false"])
        #expect(!off.keywords.contains { $0.term == "高质量发展" })
    }

    @Test func piecesOfANameAreTakenWholeOrLeftOut() throws {
        // 拉塞 (a name's piece) is always before the bound 达: the term is 拉塞达.
        let terms = try keywords("秘鲁农学家拉塞达见到杂交水稻。回国后，拉塞达说服合作社。", ["method": "frequency"]).keywords.map(\.term)
        #expect(terms.contains("拉塞达") && !terms.contains("拉塞"))
        // A dictionary word beside a single character stays itself (居民 in 请居民).
        let other = try keywords("请居民打分。请居民提意见。", ["method": "frequency"]).keywords.map(\.term)
        #expect(other.contains("居民") && !other.contains("请居民"))
    }

    @Test func saidOnceOnlyANounOrANameIsAKeyword() throws {
        let terms = try keywords("猕猴桃卖不出去。果农说猕猴桃甜。").keywords.map(\.term)
        #expect(terms.contains("猕猴桃") && terms.contains("果农"), "\(terms)")
        #expect(!terms.contains("卖不出去"), "\(terms)")
    }

    @Test func countsWithMeasureWordsAreNoKeywordsButNumberedNamesAre() {
        for count in ["三百多户", "一架", "五年", "十三", "两千人"] {
            #expect(!KeywordTerms.isCounted(Array(count.unicodeScalars)[...]), "\(count)")
        }
        for name in ["三农", "三星堆", "十四五", "两个确立", "一网通办", "产业"] {
            #expect(KeywordTerms.isCounted(Array(name.unicodeScalars)[...]), "\(name)")
        }
    }

    @Test func aReferenceOfOnesOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // In this reference 江北嘴 is everywhere and 金融城 nowhere.
        for index in 0..<3 {
            try String(repeating: "江北嘴的江北嘴，江北嘴建设。", count: 5 + index).write(to: folder.appendingPathComponent("\(index).txt"), atomically: true, encoding: .utf8)
        }
        let text = "江北嘴金融城。江北嘴有金融城，江北嘴的金融城。江北嘴。"
        let own = try keywords(text, ["reference": folder.path])
        #expect(own.keywords.first?.term == "金融城", "\(own.keywords.map(\.term))")
        let table = folder.appendingPathComponent("table.tsv")
        try "#tokens\t1000\n#documents\t2\n金融城\t300\t2\n".write(to: table, atomically: true, encoding: .utf8)
        #expect(try keywords(text, ["reference": table.path]).keywords.first?.term != "金融城")
        #expect(throws: (any Error).self) { try KeywordsAnalyzer(options: OptionValues(["reference": "/nonexistent"], specs: KeywordsAnalyzer.description.options)) }
    }

    @Test func keynessSkipsOnlyTermsThatCannotMakeTheTop() throws {
        let five = try keywords(seedText, ["top": "5"]).keywords
        let all = try keywords(seedText, ["top": "10000"]).keywords
        #expect(five == Array(all.prefix(5)))
    }

    @Test func eachDocumentAgainstTheRestOfTheRun() throws {
        let a = "安徽推进皖北振兴，皖北加快发展。皖北建设。发展经济。"
        let b = "浙江推进山区海岛县发展，山区海岛县加快发展。发展经济。"
        let c = "江苏推进苏北发展，苏北加快发展。苏北建设。发展经济。"
        let results = try [a, b, c].enumerated().map { index, text in (source: "\(index)", result: try keywords(text)) }
        let summary = KeywordsResult.summarize(results)
        #expect(summary.distinctive.map(\.source) == ["0", "1", "2"])
        #expect(summary.distinctive[0].keywords.first?.term == "皖北")
        #expect(summary.distinctive[2].keywords.first?.term == "苏北")
        #expect(!summary.distinctive.contains { $0.keywords.first?.term == "发展" }, "what all share sets none apart")
    }
}
