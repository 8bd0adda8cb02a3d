import Foundation
import Testing
import AnalyticsCore
@testable import KeywordsPlugin

@Suite struct KeywordsAnalyzerTests {
    func keywords(_ text: String, _ options: [String: String] = [:]) throws -> KeywordsResult {
        try #require(try analyze(KeywordsAnalyzer.self, text: text, options: options).1 as? KeywordsResult)
    }

    @Test func seedTopTenHoldWhatAReaderExpects() throws {
        let result = try keywords(seedText)
        let topTen = result.keywords.prefix(10).map(\.term)
        for term in ["政协", "界别", "协商"] {
            #expect(topTen.contains(term), "\(term) missing from \(topTen)")
        }
        // 履职 (a verb alone ranks lower) or the term it makes here.
        #expect(topTen.contains("履职") || topTen.contains("政协履职"), "\(topTen)")
        for term in topTen {
            #expect(term.unicodeScalars.count > 1, "single character \(term)")
            #expect(!["我们", "一年来", "进一步", "以及", "一批", "政协工", "工作", "推动", "一年"].contains(term))
        }
        #expect(result.keywords.count == 20)
        #expect(result.tokens > 900)
    }

    @Test func orderedByScoreThenTerm() throws {
        let result = try keywords(seedText, ["method": "frequency", "top": "50"])
        for (a, b) in zip(result.keywords, result.keywords.dropFirst()) {
            #expect(a.score > b.score || (a.score == b.score && a.term < b.term))
        }
        #expect(result.keywords.first?.count == result.keywords.map(\.count).max())
        #expect(!result.keywords.contains { ["工作", "推动", "开展"].contains($0.term) }, "the genre's empty verbs are stop words")
        #expect(result.keywords.first?.count == result.keywords.first?.occurrences.count)
    }

    @Test func textRankRanksCentralTerms() throws {
        let result = try keywords(seedText, ["method": "textrank"])
        #expect(result.keywords.first?.score == 1)
        #expect(result.keywords.prefix(10).contains { $0.term == "政协" })
    }

    @Test func userWordsAndStopWordFiles() throws {
        let result = try keywords("打造七大都市，建设七大都市，服务七大都市。", ["words": "七大都市"])
        #expect(result.keywords.first?.term == "七大都市")
        #expect(result.keywords.first?.count == 3)
        #expect(throws: (any Error).self) { try KeywordsAnalyzer(options: OptionValues(["stopwords": "/nonexistent"], specs: KeywordsAnalyzer.description.options)) }
    }

    @Test func wordsTheLexiconLacksCountByTheirCharacters() throws {
        // 链赋 is not in the lexicon (the HMM joins it): its two occurrences are one term, and a
        // stop-word file turns it away like any other word.
        let text = "区块链赋能乡村振兴，区块链赋能。"
        let found = try #require(try keywords(text, ["method": "frequency"]).keywords.first { $0.term == "链赋" })
        #expect(found.count == 2)
        #expect(found.occurrences.map(\.start) == [2, 12])
        let stopFile = FileManager.default.temporaryDirectory.appendingPathComponent("keywords-stop-\(UUID().uuidString).txt")
        try "链赋\n".write(to: stopFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: stopFile) }
        #expect(try !keywords(text, ["stopwords": stopFile.path]).keywords.contains { $0.term == "链赋" })
    }

    @Test func tfidfSkipsOnlyTermsThatCannotMakeTheTop() throws {
        // A short list is the head of a long one: not reading rare terms' IDF changes nothing.
        // The seed alone has too few terms for the bound; with 1,500 more (Latin words) it is used.
        let many = seedText + "\n" + (0..<1_500).map { "term\($0)" }.joined(separator: " ")
        for text in [seedText, many] {
            let five = try keywords(text, ["top": "5", "method": "tfidf"]).keywords
            let all = try keywords(text, ["top": "10000", "method": "tfidf"]).keywords
            #expect(five == Array(all.prefix(5)))
            #expect(all.count > 300 && all.allSatisfy { $0.score.isFinite }, "with top above the number of terms, every term is scored")
        }
        #expect(try keywords(many, ["top": "5"]).tokens > KeywordsAnalyzer.termsWorthTheBound)
    }

    @Test func termsGoMostFrequentFirst() {
        let counts = [1, 5, 2, 5, 1, 9]
        let order = KeywordsAnalyzer.mostFrequentFirst(counts)
        #expect(order == [5, 1, 3, 2, 0, 4])
        #expect(KeywordsAnalyzer.mostFrequentFirst([]) == [])
    }
}
