import Foundation
import Testing
import AnalyticsCore
import TermsPlugin
@testable import AnalyzeDriver

@Suite struct TermsAnalyzerTests {
    static let corpusFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/corpus/reports")

    func result(_ text: String, terms: [TrackedTerm]) -> TermsResult {
        TermsAnalyzer(terms: terms).analyze(Document(source: "t", text: text), context: AnalysisContext())
    }

    func shipped() throws -> TermsAnalyzer { try TermsAnalyzer(options: OptionValues(specs: TermsAnalyzer.description.options)) }

    /// Counts by brute force: at each position every variant is tried, longest first; the first
    /// that fits (and, if Latin at an edge, does not continue a Latin word) is taken and skipped.
    func bruteForceCounts(_ text: String, _ terms: [TrackedTerm]) -> [String: Int] {
        let scalars = Array(text.unicodeScalars)
        let variants = terms.flatMap { term in term.variants.map { (term: term.term, scalars: Array($0.unicodeScalars)) } }
            .enumerated().sorted { $0.element.scalars.count != $1.element.scalars.count ? $0.element.scalars.count > $1.element.scalars.count : $0.offset < $1.offset }
            .map(\.element)
        func latin(_ s: Unicode.Scalar) -> Bool { let f = WidthFolding.fold(s); return f.isASCII && f.properties.isAlphabetic || ("0"..."9").contains(f) }
        let byFirst = Dictionary(grouping: variants, by: { $0.scalars[0] }) // keeps longest-first order
        var counts: [String: Int] = [:]
        var i = 0
        while i < scalars.count {
            var step = 1
            for variant in byFirst[scalars[i]] ?? [] where i + variant.scalars.count <= scalars.count && scalars[i..<i + variant.scalars.count].elementsEqual(variant.scalars) {
                let end = i + variant.scalars.count
                if latin(scalars[i]) && i > 0 && latin(scalars[i - 1]) { continue }
                if latin(scalars[end - 1]) && end < scalars.count && latin(scalars[end]) { continue }
                counts[variant.term, default: 0] += 1
                step = variant.scalars.count
                break
            }
            i += step
        }
        return counts
    }

    func counts(_ result: TermsResult) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.terms.map { ($0.term, $0.count) })
    }

    @Test func shippedListHasFiftyTermsAndParses() throws {
        #expect(try shipped().terms.count >= 50)
    }

    @Test func countsEqualBruteForceOnTheSeed() throws {
        let analyzer = try shipped()
        let found = analyzer.analyze(Document(source: "seed", text: seedText), context: AnalysisContext())
        #expect(counts(found) == bruteForceCounts(seedText, analyzer.terms))
        #expect(counts(found)["高质量发展"] == seedText.components(separatedBy: "高质量发展").count - 1)
        for term in found.terms {
            for occurrence in term.occurrences {
                let span = Array(seedText.unicodeScalars)[occurrence.start..<occurrence.end]
                #expect(String(String.UnicodeScalarView(span)) == occurrence.text)
            }
        }
    }

    @Test func countsEqualBruteForceOnTheReportCorpus() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: Self.corpusFolder.path) else { return } // ../shared absent
        let analyzer = try shipped()
        var total = 0
        for file in files.sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOf: Self.corpusFolder.appendingPathComponent(file), encoding: .utf8)
            let found = analyzer.analyze(Document(source: file, text: text), context: AnalysisContext())
            #expect(counts(found) == bruteForceCounts(text, analyzer.terms), "\(file)")
            total += found.total
        }
        #expect(total > 1000)
    }

    @Test func longestVariantWinsAndVariantsCountAsOneTerm() throws {
        let terms = try TermList.parse("发展\t一般\n高质量发展\t理念\n大众创业万众创新|双创\t创新\n", file: "t.tsv")
        let found = result("推动高质量发展，促进发展，支持双创和大众创业万众创新。", terms: terms)
        #expect(counts(found) == ["高质量发展": 1, "发展": 1, "大众创业万众创新": 2])
        #expect(found.terms.first { $0.term == "大众创业万众创新" }?.occurrences.map(\.text) == ["双创", "大众创业万众创新"])
        #expect(found.categories.map(\.category) == ["创新", "一般", "理念"])
        #expect(found.total == 4)
    }

    @Test func latinTermsMatchWholeWordsOnly() throws {
        let terms = try TermList.parse("AI\t科技\n5G\t科技\n", file: "t.tsv")
        #expect(counts(result("AI 和 5G；MAIN 与 5GHz 不算；ＡＩ也不算（全角需另列）。AI赋能", terms: terms)) == ["AI": 2, "5G": 1])
    }

    @Test func badListsNameFileLineAndProblem() {
        func problem(_ text: String) -> TermListError? {
            do { _ = try TermList.parse(text, file: "mine.tsv"); return nil } catch { return error }
        }
        #expect(problem("# c\n新质生产力 发展\n")?.line == 2)
        #expect(problem("# c\n新质生产力 发展\n")?.problem.contains("no tab") == true)
        #expect(problem("甲\t\n")?.problem.contains("category") == true)
        #expect(problem("甲||乙\t类\n")?.problem.contains("empty variant") == true)
        #expect(problem("甲\t类\n\n乙|甲\t类\n")?.description == "mine.tsv:3: '甲' is already listed on line 1; list each variant once")
        #expect(problem("甲\t类\t注\t多\n")?.problem.contains("at most 3") == true)
        #expect(problem("term\tcategory\tnote\n甲\t类\n") == nil)
        #expect(problem("\r\n# x\r\n甲\t类\r\n") == nil)
    }

    @Test func laterListTakesOverAVariant() throws {
        let shipped = try TermList.parse("双创|大众创业万众创新\t旧类\n", file: "a")
        let mine = try TermList.parse("双创\t我的类\n", file: "b")
        let merged = TermList.merge([shipped, mine])
        #expect(merged.map(\.term) == ["大众创业万众创新", "双创"])
        #expect(merged.map(\.category) == ["旧类", "我的类"])
    }

    @Test func driverReportsBadListAsUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.tsv").path
        try "新质生产力\t发展\n坏行没有制表符\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = runAnalyze(["--plugins", "terms", "--option", "terms.lists=\(bad)", seedURL.path])
        #expect(run.status == 64)
        #expect(run.errors.contains("\(bad):2:"), "\(run.errors)")
        let missing = runAnalyze(["--plugins", "terms", "--option", "terms.lists=builtin,\(folder.path)/none.tsv", seedURL.path])
        #expect(missing.status == 64 && missing.errors.contains("none.tsv"))

        let good = folder.appendingPathComponent("good.tsv").path
        try "高质量发展\t理念\n营商环境\t改革\n".write(toFile: good, atomically: true, encoding: .utf8)
        let run2 = runAnalyze(["--plugins", "terms", "--option", "terms.lists=\(good)", "--format", "json", seedURL.path])
        #expect(run2.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run2.output.utf8)) as? [String: Any])
        let terms = ((json["documents"] as? [[String: Any]])?.first?["analyzers"] as? [String: Any])?["terms"] as? [String: Any]
        #expect(terms?["total"] as? Int == 7)
    }

    @Test func projectFileListsAreTakenFromItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lists"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "营商环境\t改革\n".write(to: folder.appendingPathComponent("lists/mine.tsv"), atomically: true, encoding: .utf8)
        try #"{"plugins": ["terms"], "options": {"terms.lists": "builtin, lists/mine.tsv"}}"#
            .write(to: folder.appendingPathComponent(".analyze.json"), atomically: true, encoding: .utf8)
        let captured = CapturedIO()
        var io = captured.io
        io.workingDirectory = folder.path
        #expect(Driver(io: io).run(["--format", "json", seedURL.path]) == 0, "\(captured.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(captured.output.utf8)) as? [String: Any])
        let terms = try #require(((json["documents"] as? [[String: Any]])?.first?["analyzers"] as? [String: Any])?["terms"] as? [String: Any])
        #expect(terms["lists"] as? [String] == ["builtin", folder.appendingPathComponent("lists/mine.tsv").path])
        #expect((terms["terms"] as? [[String: Any]])?.first { $0["term"] as? String == "营商环境" }?["category"] as? String == "改革")
    }

    @Test func corpusRunGivesTermByDocumentTable() throws {
        let terms = try TermList.parse("高质量发展\t理念\n营商环境\t改革\n", file: "t")
        let a = result("高质量发展。高质量发展。", terms: terms), b = result("优化营商环境。", terms: terms)
        let summary = TermsResult.summarize([("dir/a.txt", a), ("dir/b.txt", b)])
        #expect(summary.terms.map(\.term) == ["高质量发展", "营商环境"])
        #expect(summary.terms.map(\.counts) == [[2, 0], [0, 1]])
        #expect(summary.terms.map(\.documents) == [1, 1])
        guard case let .matrix(rows, columns, _)? = TermsResult.rendering(of: summary).first else { Issue.record("no matrix"); return }
        #expect(rows == ["高质量发展", "营商环境"] && columns == ["a", "b"])
    }
}
