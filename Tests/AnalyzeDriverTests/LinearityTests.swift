import AnalyticsCore
import Foundation
import Testing
@testable import AnalyzeDriver
#if canImport(Glibc)
import Glibc
#endif

/// No analyzer may blow up quadratically on adversarial text: each runs on n and 4n scalars of
/// every hostile family, and the CPU time of this thread (not wall time, so other tests running
/// alongside matter less) must grow about 4×. Quadratic work grows 16×; the bound is 9×, the best of
/// three runs each, so scheduling noise does not fail it but a quadratic loop does (checked by
/// planting one). The cost includes the JSON report, which must not grow faster than the text either.
@Suite struct LinearityTests {
    static let seedWithoutPunctuation = String(String.UnicodeScalarView(seedText.unicodeScalars.filter {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }))

    /// Each family makes about `n` scalars of one kind of hostile text.
    static let families: [(name: String, make: @Sendable (Int) -> String)] = [
        ("quotes", { String(repeating: "“", count: $0) }),
        ("unbalanced brackets", { String(repeating: "（“【《「", count: $0 / 5) }),
        ("one long number", { String(repeating: "9", count: $0) }),
        ("repeated 一", { String(repeating: "一", count: $0) }),
        ("numbered labels", { n in lines(n) { "\($0)．标题" } }),
        ("Chinese-numeral labels", { n in lines(n) { "\(HostileInputTests.chineseNumeral($0))、内容" } }),
        ("emoji and marks", { String(repeating: "😀e\u{301}政协\u{200D}👨‍👩‍👧“”，。第", count: $0 / 15) }),
        ("one line, no punctuation", { prefix(seedWithoutPunctuation, $0) }),
        ("figures in one endless clause", { prefix("共收到提案512件委员参加1954人次增长5.1%", $0) }),
        ("the seed repeated", { prefix(seedText, $0) }),
        ("the same slogan repeated", { String(repeating: "坚持“两个确立”，做到“两个维护”。", count: $0 / 17) }),
    ]

    static func lines(_ n: Int, _ line: (Int) -> String) -> String {
        var text = "", number = 1
        while text.unicodeScalars.count < n { text += line(number) + "\n"; number += 1 }
        return text
    }

    static func prefix(_ text: String, _ n: Int) -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < n { scalars.append(contentsOf: text.unicodeScalars.prefix(n - scalars.count)) }
        return String(scalars)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Analysis and the JSON report: a report that repeats long text per finding is quadratic too.
    static func cost(_ pipeline: Pipeline, _ text: String) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            let report = DocumentReport.analyzing(Document(source: "linearity", text: text), with: pipeline)
            _ = try JSONReportRenderer.renderLine(report)
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    static let analyzerIDs = BuiltinAnalyzers.registry.analyzers.map { $0.description.id }

    @Test(arguments: analyzerIDs)
    func workGrowsLinearly(_ id: String) throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: [id])
        let n = 12_000
        for family in Self.families {
            let small = family.make(n), large = family.make(4 * n)
            let ratio = try Self.cost(pipeline, large) / max(Self.cost(pipeline, small), 1e-4)
            #expect(ratio < 9, "\(id) on \(family.name): 4× the text took \(String(format: "%.1f", ratio))× the time")
        }
    }
}
