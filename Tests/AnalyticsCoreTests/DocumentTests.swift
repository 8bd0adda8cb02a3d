import Testing
@testable import AnalyticsCore

@Suite struct DocumentTests {
    func sentenceTexts(_ text: String) -> [String] {
        let document = Document(source: "t", text: text)
        return document.sentences.map(document.text)
    }

    @Test func chineseTerminatorsEndSentences() {
        #expect(sentenceTexts("一年来成效显著。是否如此？当然！继续努力；前进……结束") ==
            ["一年来成效显著。", "是否如此？", "当然！", "继续努力；", "前进……", "结束"])
    }

    @Test func closingQuoteBelongsToTheSentenceItEnds() {
        #expect(sentenceTexts("他说：“我们要奋斗。”大家鼓掌。") == ["他说：“我们要奋斗。”", "大家鼓掌。"])
        #expect(sentenceTexts("真的吗？！好。") == ["真的吗？！", "好。"])
    }

    @Test func latinSentencesButNotDecimalsOrDomains() {
        #expect(sentenceTexts("GDP grew 5.1 percent. See www.gov.cn for more! Done") ==
            ["GDP grew 5.1 percent.", "See www.gov.cn for more!", "Done"])
    }

    @Test func paragraphsAreTrimmedNonBlankLines() {
        let document = Document(source: "t", text: "\n\n　　第一段。\r\n\r\n  第二段。 \n")
        #expect(document.paragraphs.map(document.text) == ["第一段。", "第二段。"])
        #expect(document.sentences.map(document.text) == ["第一段。", "第二段。"])
    }

    @Test func sentencesNeverCrossParagraphs() {
        let document = Document(source: "t", text: "标题没有句号\n正文。")
        #expect(document.sentences.map(document.text) == ["标题没有句号", "正文。"])
    }

    @Test func offsetsAreUnicodeScalars() {
        let document = Document(source: "t", text: "𠀀é😀。下一句。")
        #expect(document.characterCount == 8)
        #expect(document.sentences == [TextSpan(start: 0, end: 4), TextSpan(start: 4, end: 8)])
        #expect(document.sentence(containing: 5) == TextSpan(start: 4, end: 8))
        #expect(document.sentence(containing: 99) == nil)
    }

    @Test func emptyAndWhitespaceOnlyTexts() {
        #expect(Document(source: "t", text: "").sentences.isEmpty)
        #expect(Document(source: "t", text: " \n\u{3000}\n").paragraphs.isEmpty)
    }
}

@Suite struct TextServiceTests {
    @Test func scriptClasses() {
        let expected: [(Unicode.Scalar, ScriptClass)] = [
            ("政", .han), ("〇", .han), ("A", .latin), ("ｂ", .latin), ("é", .latin), ("7", .digit), ("７", .digit),
            ("，", .punctuation), ("。", .punctuation), ("“", .punctuation), ("%", .punctuation),
            ("\u{3000}", .whitespace), ("😀", .other), ("あ", .other),
        ]
        for (scalar, script) in expected {
            #expect(ScriptClass.of(scalar) == script, "\(scalar)")
        }
    }

    @Test func numbersAreTheScannersFoundOnceForAllAnalyzers() async {
        let document = Document(source: "t", text: "全年接待来访3.2万人次，增长15%，第十四个五年。")
        let expected = NumberScanner.matches(in: document.scalars)
        #expect(expected.count >= 3)
        // Analyzers ask concurrently: every one gets the same list.
        let lists = await withTaskGroup(of: [NumberMatch].self) { group in
            for _ in 0..<8 { group.addTask { document.numbers } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(lists.allSatisfy { $0 == expected })
    }

    @Test func widthFoldingKeepsOffsets() {
        let text = "ＧＤＰ增长５．１％"
        let folded = WidthFolding.fold(text)
        #expect(folded == "GDP增长5.1%")
        #expect(folded.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(DisplayWidth.of("政协ab") == 6)
        #expect(DisplayWidth.pad("政", to: 4) == "政  ")
        #expect(DisplayWidth.truncate("一二三四五", to: 7) == "一二三…")
    }

    @Test func numberText() {
        #expect(NumberText.grouped(23396) == "23,396")
        #expect(NumberText.grouped(-1234567) == "-1,234,567")
        #expect(NumberText.fixed(4.826, digits: 1) == "4.8")
        #expect(NumberText.fixed(0.05, digits: 2) == "0.05")
        #expect(NumberText.fixed(-0.04, digits: 1) == "0.0")
    }

    @Test func exampleMarkersGiveScalarSpans() {
        let parsed = AnalyzerExample("𠀀«甲乙»丙«丁»").parsed
        #expect(parsed.text == "𠀀甲乙丙丁")
        #expect(parsed.spans == [TextSpan(start: 1, end: 3), TextSpan(start: 4, end: 5)])
    }
}

@Suite struct ScalarDecodingTests {
    @Test func scalarArrayMatchesTheStandardLibrary() {
        for text in ["", "abc", "政协2022年", "é😀𠀀\u{301}\r\n", String(repeating: "中a🎉", count: 1000)] {
            #expect(text.scalarArray == Array(text.unicodeScalars))
        }
    }
}
