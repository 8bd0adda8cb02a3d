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

    @Test func aRepeatedWordRanksFirstOnlyWhenItsOverUseIsSignificant() throws {
        // 企业 three times in a short article: every report says it (G² after the genre's
        // spread well under 3.84), so it is no evidence and ranks among the words said once.
        let text = "松岭县的企业做茶叶。企业收购茶叶，企业出口茶叶。抹茶远销德国，红碎茶也卖得好。茶园里茶农修剪茶树，茶园扩大了，茶园变美了。"
        let result = try keywords(text)
        let top = result.keywords.map(\.term)
        let distinctive = try #require(top.firstIndex(of: "红碎茶"), "\(top)")
        if let generic = top.firstIndex(of: "企业") { #expect(distinctive < generic, "\(top)") }
        // A domain word said three times is significant: it ranks before the words said once.
        let repeated = try #require(top.firstIndex(of: "茶园"), "\(top)")
        #expect(repeated < distinctive, "\(top)")
        for keyword in result.keywords where keyword.count >= 2 && top.firstIndex(of: keyword.term)! < distinctive {
            #expect(keyword.score >= KeynessScorer.significance, "\(keyword.term) \(keyword.score)")
        }
    }

    @Test func aFiguresVerbEndsNoTermButOtherVerbsMay() throws {
        // 比例达到, 年均增长, 出口增长: the predicate of a figure, never a term or a keyword.
        let text = "优良天数比例达到88%，水质优良比例达到92%。茶叶出口增长35%，出口增长带动收购价。产值年均增长12%，收入年均增长8%。新增就业5万人，新增企业300家，增速5%。"
        let top = try keywords(text, ["method": "frequency"]).keywords.map(\.term)
        for piece in ["比例达到", "出口增长", "年均增长", "达到", "增长", "新增", "增速"] {
            #expect(!top.contains(piece), "\(piece) in \(top)")
        }
        // Terms that end in another verb stay whole (振兴, 引资, 改造, 处置).
        let terms = try keywords("推进乡村振兴，全面乡村振兴。做好招商引资，加强招商引资。推进老旧小区改造，实施老旧小区改造。", ["method": "frequency"]).keywords.map(\.term)
        for term in ["乡村振兴", "招商引资", "老旧小区改造"] { #expect(terms.contains(term), "\(term) not in \(terms)") }
    }

    @Test func aPlaceNameBeforeItsAdministrativeUnitIsTakenWhole() throws {
        // 松岭 (a place name by the lexicon) before 县 everywhere: the county, 松岭县, not 松岭.
        let county = try keywords("松岭县地处山区。松岭县茶园多，松岭县茶农多。", ["method": "frequency"]).keywords.map(\.term)
        #expect(county.contains("松岭县") && !county.contains("松岭"), "\(county)")
        // Said alone or before another word as well, it stays itself; a common word before 县 is no place's part.
        let alone = try keywords("松岭县地处山区。松岭茶很好，松岭县茶农多。全县都种茶。", ["method": "frequency"]).keywords.map(\.term)
        #expect(alone.contains("松岭") && !alone.contains("全县"), "\(alone)")
    }

    @Test func aGuessSaidOnceWithAFunctionCharacterIsAClausePiece() throws {
        // The HMM joins 卖得久 (得) and 关键在于 听 (在, 于): said once, no keyword.
        let text = "猕猴桃存在冷库里卖得久。社区治理关键在于听。猕猴桃甜，果农说猕猴桃好卖。"
        let top = try keywords(text).keywords.map(\.term)
        for piece in ["卖得久", "关键在于听"] { #expect(!top.contains(piece), "\(piece) in \(top)") }
        // A name the lexicon lacks, said once, has none: it stays.
        let name = try keywords("秘鲁农学家拉塞达说，杂交稻亩产高。杂交稻好。").keywords.map(\.term)
        #expect(name.contains("拉塞达"), "\(name)")
    }

    @Test func aPieceOfAUnitTheGenreKeepsTogetherIsNoKeyword() throws {
        // 人均 可 支配 收入: discovery never joins over 可, but the reports say 人均可支配收入 as a
        // unit; 人均 and 支配 are its pieces. 增加值 before 增长 (增 is part of 增长) and 农业 before
        // 的 (a function character) are no such pieces.
        let text = "城镇居民人均可支配收入增长6%。农村居民人均可支配收入增长7%。工业增加值增长7%，服务业增加值增长6%。我们重视农业的发展。"
        let top = try keywords(text, ["top": "40"]).keywords.map(\.term)
        for piece in ["人均", "支配"] { #expect(!top.contains(piece), "\(piece) in \(top)") }
        #expect(top.contains("增加值"), "\(top)")
        #expect(!KeywordsAnalyzer.isGenreFragment([TextSpan(start: 6, end: 8)], scalars: Array("我们重视农业的发展".unicodeScalars),
                                                   reference: try #require(try KeywordsReference.shipped()), alone: { _ in true }))
    }

    @Test func aWordSaidOnceInsideAUnitOfTheGenreIsItsPiece() throws {
        // 居民消费 of 居民消费价格, 高校 of 高校毕业生, 福祉 of 民生福祉: the reference has each
        // whole, so the piece says nothing the text adds.
        let text = "居民消费价格上涨2%。支持高校毕业生就业。增进民生福祉。猕猴桃冷库建成，猕猴桃好卖。"
        let top = try keywords(text, ["top": "40"]).keywords.map(\.term)
        for piece in ["居民消费", "高校", "福祉"] { #expect(!top.contains(piece), "\(piece) in \(top)") }
        #expect(top.contains("猕猴桃"), "\(top)")
        let reference = try #require(try KeywordsReference.shipped())
        func fragment(_ text: String, _ word: String, said: Int = 1) -> Bool {
            let scalars = Array(text.unicodeScalars), part = Array(word.unicodeScalars)
            var spans: [TextSpan] = []
            for at in 0...(scalars.count - part.count) where Array(scalars[at..<(at + part.count)]) == part { spans.append(TextSpan(start: at, end: at + part.count)) }
            return KeywordsAnalyzer.isGenreFragment(Array(spans.prefix(said)), scalars: scalars, reference: reference, alone: { _ in false })
        }
        #expect(fragment("支持高校毕业生就业", "高校"))
        #expect(fragment("增进民生福祉", "福祉"))
        // Before a function character (城镇 和乡村) or a unit the genre lacks, a word stands alone.
        #expect(!fragment("城镇和乡村", "城镇"))
        #expect(!fragment("猕猴桃冷库建成", "猕猴桃"))
        // Said twice, a word is the text's own inside differing units of the genre (长江经济带, 长江流域);
        // inside the same one, only a word of the genre is its piece (KeywordsFamiliesTests).
        #expect(!fragment("推动长江经济带发展。保护长江流域", "长江", said: 2))
        #expect(fragment("支持高校毕业生就业。高校毕业生", "高校", said: 2))
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

    @Test func timeWordsStartTermsUnlessTheyPointFromTheTextsDay() throws {
        let kinds = try keywords("夜间消费持续升温，夜间消费集聚区增至15个，夜间消费额增长一成。布局未来产业，未来产业集群成形。").keywords.map(\.term)
        #expect(kinds.contains("夜间消费") && kinds.contains("未来产业"), "\(kinds)")
        let deixis = try keywords("今年中央财政加大投入，今年中央财政安排资金。如期打赢攻坚战，如期打赢这场硬仗。").keywords.map(\.term)
        #expect(!deixis.contains { $0.hasPrefix("今年") || $0.hasPrefix("如期") }, "\(deixis)")
    }
}
