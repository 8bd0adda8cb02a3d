import Testing
@testable import AnalyticsCore

@Suite struct NumberScannerTests {
    func scan(_ text: String) -> [(String, Double)] {
        let scalars = Array(text.unicodeScalars)
        return NumberScanner.matches(in: scalars).map { match in
            (String(String.UnicodeScalarView(scalars[match.start..<match.end])), match.value)
        }
    }

    @Test(arguments: [
        ("十四", 14.0), ("二十三万", 230_000), ("两千零五", 2005), ("一百零八", 108), ("壹佰", 100), ("1.2万亿", 1.2e12),
        ("3万", 30_000), ("1.5亿", 1.5e8), ("23,396", 23396), ("１９５４", 1954), ("-3.5", -3.5), ("三万五", 35_000),
        ("二〇二二", 2022), ("五兆六十二亿", 5_006_200_000_000), ("5万4千6百", 54_600), ("300多万", 3e6), ("负四十五亿零四百零四万", -4_504_040_000),
    ])
    func numbers(_ text: String, _ value: Double) {
        let found = scan(text)
        #expect(found.count == 1 && found[0].0 == text && abs(found[0].1 - value) < 1e-6 * max(1, abs(value)), "\(text) → \(found)")
    }

    @Test(arguments: [("5.1%", 5.1), ("百分之五十", 50.0), ("三成", 30), ("2个百分点", 2), ("八折", 80), ("千分之三", 0.3)])
    func percentages(_ text: String, _ value: Double) {
        let match = NumberScanner.matches(in: Array(text.unicodeScalars)).first
        #expect(match?.isPercent == true && match?.end == text.unicodeScalars.count && match.map { abs($0.value - value) < 1e-9 } == true, "\(text)")
    }

    /// 兆 before 瓦, 赫, 字节 is the metric mega (the unit is 兆瓦), not 10^12; 负 ending a word (减负, 担负)
    /// is no minus sign; both still read as magnitude and sign elsewhere.
    @Test func megaPrefixAndWordsEndingIn负() {
        #expect(scan("装机26兆瓦").map(\.0) == ["26"] && scan("装机26兆瓦").first?.1 == 26)
        #expect(scan("三百兆瓦").first.map { $0.0 == "三百" && $0.1 == 300 } == true)
        #expect(scan("五兆元").first?.1 == 5e12)
        #expect(scan("减负2500亿元").first.map { $0.0 == "2500亿" && $0.1 == 2.5e11 } == true)
        #expect(scan("增速为负2.3").first?.1 == -2.3)
        #expect(scan("担负三项").first?.1 == 3)
    }

    @Test func fractionsOrdinalsAndSequences() {
        let fraction = NumberScanner.matches(in: Array("五分之一".unicodeScalars))
        #expect(fraction.first?.isFraction == true && fraction.first?.value == 0.2)
        let ordinal = NumberScanner.matches(in: Array("第十三次".unicodeScalars))
        #expect(ordinal.first?.isOrdinal == true && ordinal.first?.value == 13)
        #expect(scan("192.168.1.2").map(\.1) == [192, 168, 1, 2])
        #expect(NumberScanner.matches(in: Array("2022年".unicodeScalars)).first?.isDigitSequence == true)
    }

    @Test func idiomsAndWordsAreNotNumbers() {
        for text in ["进一步加强", "一切为了人民", "统一思想", "十分重要", "四川省", "陆续开展", "队伍建设", "收拾房间"] {
            #expect(scan(text).isEmpty, "\(text) → \(scan(text))")
        }
        #expect(scan("详见https://www.gov.cn/2022/10%.html").isEmpty)
        // The list is data beside the lexicon (Resources/numeral-idioms.txt), read with its comments left out.
        #expect(NumeralIdioms.shipped != nil && NumeralIdioms.words.contains("一国两制") && !NumeralIdioms.words.contains { $0.hasPrefix("#") })
    }

    /// Found by the fuzzer: a prefix with nothing after it read past the end of the text.
    @Test(arguments: ["增长百分之", "千分之", "万分之", "第", "负", "约", "3.", "五分之", "1/", "二〇", "十", "百分", "-", "１．",
                            "1e99999999999999999999", "2.5E-99999999999999999999"])
    func prefixesAtTheEndOfTheTextAreSafe(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for start in scalars.indices {
            for match in NumberScanner.matches(in: scalars, range: start..<scalars.count) {
                #expect(match.start >= start && match.end <= scalars.count)
            }
        }
    }
}
