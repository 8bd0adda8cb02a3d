import AnalyticsCore

extension KeywordsAnalyzer {
    /// Where a report's annex begins: a line of its own in the document's second half that heads
    /// one (附件, 附件2 名词解释, 名词解释, 附：名词注释). A glossary or a list of projects appended to a
    /// report explains or lists, and says one word per entry (印发 eight times in Sichuan's
    /// glossary): not the report's text. Nil when there is none (an article saying 附件 in a sentence).
    static func annexStart(_ scalars: [Unicode.Scalar]) -> Int? {
        var lineStart = scalars.count / 2
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart += 1; if lineStart >= scalars.count { return nil } }
        while lineStart < scalars.count {
            var end = lineStart
            while end < scalars.count && scalars[end] != "\n" { end += 1 }
            if end - lineStart <= Self.longestAnnexHeading, isAnnexHeading(scalars[lineStart..<end]) { return lineStart }
            lineStart = end + 1
        }
        return nil
    }

    static let longestAnnexHeading = 16

    /// 附件, 附件1, 附件二 名词解释, 附：名词解释, 名词解释, 名词注释, 有关内容名词注释 (spaces and a colon aside).
    static func isAnnexHeading(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = String(String.UnicodeScalarView(line.filter { !$0.properties.isWhitespace && $0 != "：" && $0 != ":" }))
        if text.hasPrefix("附件") {
            let rest = text.dropFirst(2).drop { $0.isNumber || "一二三四五六七八九十".contains($0) }
            return rest.isEmpty || rest.hasSuffix("名词解释") || rest.hasSuffix("名词注释")
        }
        if text.hasPrefix("附") { return text.hasSuffix("名词解释") || text.hasSuffix("名词注释") }
        return text == "名词解释" || text == "名词注释"
    }

    /// The document without its annex (blanked with line breaks: offsets unchanged).
    static func withoutAnnex(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let start = annexStart(scalars) else { return scalars }
        var body = scalars
        for at in start..<body.count where body[at] != "\n" { body[at] = "\n" }
        return body
    }
}
