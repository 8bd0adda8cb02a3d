import Foundation
import Testing
@testable import AnalyticsCore

@Suite struct TermDiscoveryTests {
    /// Word ids for a text given as space-separated words; "|" is a boundary.
    func units(_ text: String) -> (units: [Int32], names: [String]) {
        var ids: [String: Int32] = [:], names: [String] = []
        let units = text.split(separator: " ").map { word -> Int32 in
            if word == "|" { return TermDiscovery.boundary }
            if let id = ids[String(word)] { return id }
            ids[String(word)] = Int32(names.count)
            names.append(String(word))
            return Int32(names.count - 1)
        }
        return (units, names)
    }

    func phrases(_ text: String, joinable: (String) -> Bool = { _ in true }) -> [String] {
        let (units, names) = units(text)
        return TermDiscovery().phrases(units: units, joinable: names.map(joinable)).map { $0.words.map { names[Int($0)] }.joined() }
    }

    @Test func aRecurringCohesiveRunWithVariedNeighboursIsATerm() {
        #expect(phrases("加快 新质 生产力 | 培育 新质 生产力 和 产业 | 壮大 新质 生产力 ，") == ["新质生产力"])
    }

    @Test func aRunAlwaysInsideTheSameLongerOneIsNotATermButTheLongerIs() {
        // 特别 国债 is always after 超长期: its left boundary never varies.
        let found = phrases("发行 超长期 特别 国债 | 用好 超长期 特别 国债 ， 继续 超长期 特别 国债 。")
        #expect(found == ["超长期特别国债"])
    }

    @Test func commonWordsThatMeetByChanceAreNoTerm() {
        // 经济 发展 twice among many 经济 and 发展 elsewhere: cohesion (SCP) too low.
        let filler = (0..<20).map { "| 经济 甲\($0) | 乙\($0) 发展" }.joined(separator: " ")
        #expect(phrases("| 经济 发展 | 稳定 经济 发展 ， " + filler).isEmpty)
    }

    @Test func onceIsNotEnoughAndStopWordsStayOut() {
        #expect(phrases("高质量 发展 | 别的 话").isEmpty)
        #expect(phrases("人民 的 生活 | 提高 人民 的 生活 ， 改善 人民 的 生活 。", joinable: { $0 != "的" }).isEmpty)
    }

    @Test func edgesCanBeRefused() {
        let (units, names) = units("实施 制造业 | 推动 实施 制造业 ， 实施 制造业 。")
        let discovery = TermDiscovery()
        #expect(discovery.phrases(units: units, joinable: names.map { _ in true }).count == 1)
        #expect(discovery.phrases(units: units, joinable: names.map { _ in true }, canStart: names.map { $0 != "实施" }).isEmpty)
    }

    @Test func entropyOfNeighbours() {
        #expect(TermDiscovery.entropy([1, 1, 1]) == 0)
        #expect(abs(TermDiscovery.entropy([1, 2]) - log(2)) < 1e-12)
    }

    @Test func coverTakesTheLongestLeftToRight() {
        let (units, names) = units("a b c | a b | a b c")
        let found = TermDiscovery().phrases(units: units, joinable: names.map { _ in true })
        let (length, which) = TermDiscovery.cover(units, with: found)
        #expect(length.filter { $0 > 0 }.count == 3)
        #expect(which.filter { $0 >= 0 }.count == 3)
    }

    @Test func termsOfATextAndOfACorpus() throws {
        let segmenter = try Segmenter.shipped()
        let text = "我们要问需于民。坚持问需于民，做到问需于民、问计于民。"
        let terms = TermDiscovery().terms(in: text.scalarArray, segmenter: segmenter)
        let found = try #require(terms.first { $0.text == "问需于民" })
        #expect(found.count == 3)
        #expect(found.spans.map { String(text.unicodeScalars.dropFirst($0.start).prefix($0.end - $0.start)) } == ["问需于民", "问需于民", "问需于民"])
        var corpus = TermDiscovery.Corpus()
        corpus.add(terms.map { ($0.text, $0.count) })
        corpus.add([("问需于民", 2), ("新质生产力", 4)])
        #expect(corpus.terms(minDocuments: 2).map(\.text) == ["问需于民"])
        #expect(corpus.terms().first?.count == 5)
        #expect(corpus.userDictionary(minDocuments: 2) == "问需于民 5\n")
    }
}

@Suite struct ReferenceFrequenciesTests {
    @Test func readsTheTableFormat() throws {
        let table = try ReferenceFrequencies(tsv: Array("# comment\n#tokens\t1000\n#documents\t3\n发展\t40\t3\n高质量发展\t5\t2\nai\t2\n".utf8))
        #expect(table.tokens == 1000 && table.documents == 3 && table.count == 3)
        #expect(table.count(of: "发展") == 40 && table.share(containing: "发展") == 1)
        #expect(table.count(of: "高质量发展") == 5 && abs(table.share(containing: "高质量发展") - 2.0 / 3) < 0.002)
        #expect(table.count(of: "ai") == 2 && table.share(containing: "ai") == 0)
        #expect(table.count(of: "新质生产力") == 0)
        #expect(throws: AnalyzerSetupError.self) { try ReferenceFrequencies(tsv: Array("发展\t40\n".utf8)) }
        for term in ["发展", "a", "é", "😀", "人工智能+"] {
            #expect(ReferenceFrequencies.hash(utf8: Array(term.utf8)[...]) == ReferenceFrequencies.hash(Array(term.unicodeScalars)[...]))
        }
    }
}
