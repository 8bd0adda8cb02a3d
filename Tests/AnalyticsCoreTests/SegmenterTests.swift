import Foundation
import Testing
@testable import AnalyticsCore

@Suite struct SegmenterTests {
    static let segmenter = try! Segmenter.shipped()
    let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/000_3f7c8fb727aab8b7.txt").path

    @Test func aResidentLexiconSegmentsAsTheMappedOne() throws {
        let path = try Lexicon.locate()
        let mapped = Segmenter(lexicon: try Lexicon(path: path, residency: .mapped))
        let resident = Segmenter(lexicon: try Lexicon(path: path, residency: .resident))
        let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        #expect(resident.segmentedLines(seed) == mapped.segmentedLines(seed))
        #expect(resident.tokens(in: seed.scalarArray).map(\.wordID) == mapped.tokens(in: seed.scalarArray).map(\.wordID))
    }

    @Test func numbersPercentagesAndLatinStayWhole() {
        #expect(Self.segmenter.words("参加委员1954人次，增长23.4%，达到1,200亿元") ==
            ["参加", "委员", "1954", "人次", "，", "增长", "23.4%", "，", "达到", "1,200", "亿元"])
        #expect(Self.segmenter.words("动作冒险游戏（A-AVG）与5G网络") == ["动作", "冒险游戏", "（", "A-AVG", "）", "与", "5G", "网络"])
        #expect(Self.segmenter.words("详见https://www.gov.cn/zhengce/a.html。") == ["详见", "https://www.gov.cn/zhengce/a.html", "。"])
        #expect(Self.segmenter.words("１９５４人次") == ["１９５４", "人次"], "full-width digits")
    }

    @Test func datesFollowTheTreebankUnlessKeptWhole() {
        #expect(Self.segmenter.words("2022年3月5日") == ["2022", "年", "3", "月", "5", "日"])
        var whole = Self.segmenter
        whole.keepDatesWhole = true
        #expect(whole.words("2022年3月5日召开，1960年代") == ["2022年", "3月", "5日", "召开", "，", "1960", "年代"])
    }

    @Test func userWordsWinOverTheirParts() {
        #expect(!Self.segmenter.words("打造七大都市").contains("七大都市"))
        let custom = Segmenter(lexicon: Self.segmenter.lexicon, userWords: [UserWord("七大都市"), UserWord("一体两翼")])
        #expect(custom.words("打造七大都市，构建一体两翼格局") == ["打造", "七大都市", "，", "构建", "一体两翼", "格局"])
    }

    @Test func hmmFindsUnknownWordsWithoutSwallowingDictionaryWords() {
        let words = Self.segmenter.words("他来到了网易杭研大厦")
        #expect(words.contains("杭研"))
        #expect(words.contains("大厦"))
        #expect(!Self.segmenter.words("我在北京华联超市").contains("北京华"))
    }

    @Test func tokensCoverTheTextWithoutGaps() {
        let text = "  十四届市政协2022年工作综述：“七大都市”👍 café ＡＢＣ…… 中華人民共和國\n"
        let scalars = Array(text.unicodeScalars)
        let tokens = Self.segmenter.tokens(in: scalars)
        #expect(tokens.first?.start == 0)
        #expect(tokens.last?.end == scalars.count)
        for (a, b) in zip(tokens, tokens.dropFirst()) { #expect(a.end == b.start) }
    }

    @Test func lexiconGivesProbabilitiesAndIDF() {
        let lexicon = Self.segmenter.lexicon
        #expect(lexicon.logProbability(of: "政协") != nil)
        #expect(lexicon.logProbability(of: "政协工") == nil)
        #expect((lexicon.idf(of: "政协".unicodeScalars) ?? 0) > 0)
        #expect(lexicon.medianIDF > 0)
    }

    @Test func userDictionaryFormat() {
        #expect(UserWord.parse("七大都市\n# comment\n\n一体两翼 100 n\n") == [UserWord("七大都市"), UserWord("一体两翼", frequency: 100)])
        #expect(UserDictionary.inline("七大都市，一体两翼, 双促进") == [UserWord("七大都市"), UserWord("一体两翼"), UserWord("双促进")])
    }

    @Test func piecesJoinIntoTheWholeOutput() {
        let text = "市政协共收到提案512件。\r\n\r\n委员参加1954人次，增长23.4%\n\n  \nhttps://www.gov.cn/a.html 政协\r第三行\n最后一行没有换行"
        var joined: [UInt8] = []
        for chunkBytes in [1, 7, 40, 1 << 20] {
            joined = []
            Self.segmenter.segmentedLines(text, chunkBytes: chunkBytes) { joined += $0 }
            #expect(joined == Self.segmenter.segmentedLinesUTF8(text), "pieces of \(chunkBytes) bytes")
        }
    }

    @Test func wordsCarryJiebasPartOfSpeech() throws {
        let lexicon = Self.segmenter.lexicon
        func tag(_ word: String) -> String? { lexicon.wordID(of: ArraySlice(word.unicodeScalars)).flatMap(lexicon.tag(ofWordID:)) }
        #expect(tag("支持") == "v")
        #expect(tag("地区")?.hasPrefix("n") == true)
        #expect(tag("建设") == "vn")
        #expect(tag("政协委") == nil, "a prefix, not a word")
    }

    /// The route's first step goes through the pair Bloom filter and the hot-pair table before the
    /// big hash table: for every pair of the seed (and pairs that start no word) it must find
    /// exactly what the plain trie step finds.
    @Test func pairLookupAgreesWithTheTrie() throws {
        let lexicon = Self.segmenter.lexicon
        let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        let scalars = Array(seed.unicodeScalars) + Array("发展的的的鑫龘齉吖".unicodeScalars)
        var checked = 0
        for index in 0..<(scalars.count - 1) {
            guard let root = lexicon.rootIndex(scalars[index]) else { continue }
            #expect(lexicon.pairChild(of: root, scalars[index + 1]) == lexicon.childIndex(of: root, scalars[index + 1]),
                    "\(scalars[index])\(scalars[index + 1])")
            checked += 1
        }
        #expect(checked > 1_500)
    }

    /// Facts segment thousands of small windows with one reused `Scratch`; reuse must not change a
    /// window's tokens, whatever was segmented before it.
    @Test func reusedScratchGivesTheSameTokens() throws {
        let scalars = Array(try String(contentsOfFile: seedPath, encoding: .utf8).unicodeScalars)
        var scratch = Segmenter.Scratch()
        for start in stride(from: 0, to: scalars.count - 30, by: 7) {
            let window = start..<(start + [3, 30, 12, 24][start % 4])
            #expect(Self.segmenter.tokens(in: scalars, range: window, scratch: &scratch) == Self.segmenter.tokens(in: scalars, range: window))
        }
    }

    /// A word list answers by lexicon id for words the lexicon knows and by text for the rest,
    /// whether or not the token carries its id.
    @Test func wordListMatchesByIdAndByText() {
        let list = WordList(["开展", "协商", "鑫龘齉"], lexicon: Self.segmenter.lexicon)
        let scalars = Array("开展协商开展工作鑫龘齉".unicodeScalars)
        let tokens = Self.segmenter.tokens(in: scalars)
        let listed = tokens.filter { list.contains($0, in: scalars) }.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(listed == ["开展", "协商", "开展"], "鑫 龘 齉 are three tokens, none of them listed")
        #expect(list.contains(scalars[0..<2]), "开展 without an id")
        #expect(list.contains(scalars[8..<11]), "a listed word the lexicon lacks")
        #expect(!list.contains(scalars[6..<8]), "工作 is not listed")
        #expect(!list.contains(scalars[0..<1]), "开 alone is not 开展")
    }
}
