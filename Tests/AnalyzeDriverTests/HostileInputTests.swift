import Foundation
import Testing
@testable import AnalyzeDriver

/// Whatever a crawler produces gets a report or a clear error for that file, never a crash, and
/// JSON that parses. (Sizes are kept moderate: the tests run in debug builds.)
@Suite struct HostileInputTests {
    static let cases: [(String, [UInt8])] = [
        ("empty", []),
        ("whitespace", Array("  \n\n\t\u{3000}\n".utf8)),
        ("one character", Array("一".utf8)),
        ("BOM only", [0xEF, 0xBB, 0xBF]),
        ("invalid UTF-8 inside", Array("政协委员会议".utf8) + [0xFF, 0xFE] + Array("提案办理".utf8)),
        ("truncated character", Array("政协委员".utf8) + Array("会".utf8).prefix(2)),
        ("NUL bytes", Array("abc\u{0}def\u{0}".utf8)),
        ("mixed line endings", Array("第一段。\r\n第二段。\r第三段。\u{2028}第四段。\n".utf8)),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
        ("10⁶ quotes", Array(String(repeating: "“", count: 1_000_000).utf8)),
        ("unbalanced", Array((String(repeating: "（“【《「", count: 5_000) + String(repeating: "”）", count: 700)).utf8)),
        ("100,000 digits", Array(String(repeating: "9", count: 100_000).utf8)),
        ("10⁵ repeated 一", Array(String(repeating: "一", count: 100_000).utf8)),
        ("headings only", Array((1...300).map { "第\(chineseNumeral($0))章 总则\n一、目标\n（一）任务" }.joined(separator: "\n").utf8)),
        ("the same label 2,000 times", Array(String(repeating: "一、标题\n", count: 2_000).utf8)),
        ("10⁴ numbered labels", Array((1...10_000).map { "\($0)．标题" }.joined(separator: "\n").utf8)),
        ("10⁴ Chinese-numeral labels", Array((1...10_000).map { "\(chineseNumeral($0))、标题内容" }.joined(separator: "\n").utf8)),
        ("ELF", Array((try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")).prefix(4096)) ?? Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]))),
        ("GBK", Array("市政协共收到提案512件，办复率100%。".data(using: String.Encoding(rawValue: 0x80000632))!)),
        ("Big5", [172, 70, 168, 243, 169, 101, 173, 251, 183, 124, 196, 179, 180, 163, 174, 215, 161, 65, 166, 64, 182, 125, 174, 105, 51, 166, 184, 161, 67]),
        ("UTF-16LE without BOM", "政协委员 submitted 512 proposals。".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("emoji and marks", Array(String(repeating: "😀e\u{301}政协\u{200D}👨‍👩‍👧“”，。第", count: 3_000).utf8)),
        ("one long line", Array(String(repeating: "政协委员会议提案", count: 20_000).utf8)),
    ]

    /// 一 … 九千九百九十九, 一万: enough of the numeral system for label sequences.
    static func chineseNumeral(_ number: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        let units: [(Int, String)] = [(10_000, "万"), (1_000, "千"), (100, "百"), (10, "十")]
        var rest = number, text = "", pendingZero = false
        for (value, unit) in units where rest >= value || !text.isEmpty {
            let digit = rest / value
            rest %= value
            if digit == 0 { pendingZero = true; continue }
            if pendingZero { text += "零"; pendingZero = false }
            text += (digit == 1 && value == 10 && text.isEmpty ? "" : String(digits[digit])) + unit
        }
        if rest > 0 { text += (pendingZero ? "零" : "") + String(digits[rest]) }
        return text
    }

    @Test(arguments: cases.indices)
    func everyInputGetsAReportOrAClearError(_ index: Int) throws {
        let (name, bytes) = Self.cases[index]
        let captured = CapturedIO(stdin: bytes)
        let status = Driver(io: captured.io).run(["--format", "json", "-"])
        #expect(status == 0 || status == 1, "\(name): exit \(status)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(captured.output.utf8)) as? [String: Any], "\(name): no JSON")
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        let errors = document["errors"] as? [[String: String]] ?? []
        if status == 1 {
            #expect(!errors.isEmpty && captured.errors.contains("analyze: -:"), "\(name): a failure must be explained")
        } else {
            #expect(errors.isEmpty)
            #expect((document["analyzers"] as? [String: Any])?.count == BuiltinAnalyzers.registry.defaultIDs.count,
                    "\(name): every default analyzer reports")
        }
    }
}
