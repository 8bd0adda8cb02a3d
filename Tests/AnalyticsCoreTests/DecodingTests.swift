import Testing
@testable import AnalyticsCore

@Suite struct DecodingTests {
    let sample = "市政协2022年工作综述。"

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoding.decode(Array(sample.utf8)).text == sample)
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(decoded.text == sample, "the BOM is not part of the text")
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func utf16WithBOM() throws {
        let little = sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoding.decode([0xFF, 0xFE] + little) == .init(text: sample, encoding: "UTF-16LE"))
        #expect(try TextDecoding.decode([0xFE, 0xFF] + big) == .init(text: sample, encoding: "UTF-16BE"))
    }

    @Test func utf16WithoutBOMIsDetectedFromItsZeroBytes() throws {
        let text = "Annual report 2022: growth 5.1%. 政协"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try TextDecoding.decode(little).text == text)
    }

    @Test func chineseUTF16WithoutBOMIsDetectedFromItsCodeUnits() throws {
        let text = "市政协全年共收到提案五百一十二件，立案四百六十件。"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoding.decode(little) == .init(text: text, encoding: "UTF-16LE"))
        #expect(try TextDecoding.decode(big) == .init(text: text, encoding: "UTF-16BE"))
        let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x80000632)))
        #expect(try TextDecoding.decode(Array(gbk)).encoding == "GB18030", "GBK bytes are not mistaken for UTF-16")
    }

    @Test func gb18030IsDetected() throws {
        // "市政协2022年工作综述。" encoded as GB18030.
        let bytes: [UInt8] = [202, 208, 213, 254, 208, 173, 50, 48, 50, 50, 196, 234, 185, 164, 215, 247, 215, 219, 202, 246, 161, 163]
        #expect(try TextDecoding.decode(bytes) == .init(text: sample, encoding: "GB18030"))
        #expect(try TextDecoding.decode(bytes, encoding: "GBK").text == sample)
    }

    @Test func binaryAndUndecodableInputAreRefusedWithAdvice() {
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode([0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 0x80]) }
        do {
            _ = try TextDecoding.decode(Array("正文".utf8) + [0xFF, 0xFF, 0x80, 0x80, 0xFF])
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains("--encoding"))
        }
    }

    @Test func declaredEncodingsAreChecked() {
        #expect(TextDecoding.isKnownEncoding("GB18030"))
        #expect(!TextDecoding.isKnownEncoding("NO-SUCH-ENCODING"))
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode([0xFF, 0xFF], encoding: "UTF-8") }
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try TextDecoding.decode([]).text == "")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF]).text == "")
    }

    @Test func big5IsToldApartFromGBK() throws {
        // "政協委員會議提案，共開展3次。" in Big5: GB18030 would read it without error, as mojibake.
        let bytes: [UInt8] = [172, 70, 168, 243, 169, 101, 173, 251, 183, 124, 196, 179, 180, 163, 174, 215, 161, 65, 166, 64, 182, 125, 174, 105, 51, 166, 184, 161, 67]
        #expect(try TextDecoding.decode(bytes) == .init(text: "政協委員會議提案，共開展3次。", encoding: "BIG5"))
    }

    @Test func damagedUTF8IsAnErrorNotMojibake() {
        let truncated = Array("政协委员会议".utf8) + Array("委".utf8).prefix(2)
        do {
            _ = try TextDecoding.decode(truncated)
            Issue.record("a truncated file must not decode")
        } catch {
            #expect(error.message.contains("cut short"))
        }
        var damaged = Array(String(repeating: "政协委员会议", count: 20).utf8)
        damaged[30] = 0xFF
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode(damaged) }
    }
}
