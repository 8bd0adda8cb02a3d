import Foundation
import Testing
@testable import AnalyticsCore
@testable import AnalyzeDriver

/// The direct JSON writer of the jsonl path must write exactly what JSONEncoder writes.
@Suite struct JSONLineWriterTests {
    static let texts: [String] = [
        seedText,
        "地区生产总值增长约5.1%，赤字率下降2个百分点，投资1.2万亿元，3至5年，10%—15%，2022年3月5日，三百多人，翻一番。",
        String(repeating: "全年共收到提案512件委员参加1954人次", count: 30),
        "控制字符\u{1}\u{1F}\t\u{8}\u{C}\r\n“引号\"和\\反斜杠/斜杠”😀e\u{301}\u{2028}第1/2，1e99999，0.000001，123456789012345678。",
        "一、总体情况\n内容。\n三、下一步工作\n内容。\n",
        "",
    ]

    @Test(arguments: texts.indices)
    func everyAnalyzersLineEqualsJSONEncoders(_ index: Int) throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: BuiltinAnalyzers.registry.ids)
        let report = DocumentReport.analyzing(Document(source: "t/\"\(index)\".txt", text: Self.texts[index]), with: pipeline)
        #expect(try JSONReportRenderer.renderLine(report) == JSONReportRenderer.renderLineWithEncoder(report))
    }

    @Test func aFailedDocumentToo() throws {
        let report = DocumentReport.failed(source: "bad\n.txt", error: "is not valid UTF-8 \"here\"")
        #expect(try JSONReportRenderer.renderLine(report) == JSONReportRenderer.renderLineWithEncoder(report))
    }

    @Test func numbersAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 5.1, 1e12, 1.2e12, 0.025, 1e-7, 20220305, 1e21, 0.1 + 0.2, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, .infinity, -.infinity]
        values += (0..<500).map { _ in Double(bitPattern: generator.next()) }.filter { !$0.isNaN }
        values += (0..<500).map { _ in (Double.random(in: -1e6...1e6, using: &generator) * 1e4).rounded() / 1e4 }
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = JSONReportRenderer.nonFinite
        for value in values {
            var writer = JSONLineWriter()
            writer.array([value]) { $0.double($1) }
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode([value]), as: UTF8.self))
        }
    }

    @Test func theWholePrettyReportWithItsCorpusSummary() throws {
        let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: BuiltinAnalyzers.registry.ids)
        let documents = Self.texts.enumerated().map { index, text in
            DocumentReport.analyzing(Document(source: "doc\(index).txt", text: text), with: pipeline)
        } + [DocumentReport.failed(source: "bad.txt", error: "is a directory")]
        for report in [Report(documents: documents), Report(documents: [documents[0]]), Report(documents: [])] {
            #expect(try JSONReportRenderer.render(report) == JSONReportRenderer.renderWithEncoder(report))
        }
    }
}
