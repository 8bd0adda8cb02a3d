import AnalyticsCore

/// Document structure: title, subtitle, byline, lead, numbered or lettered sections at up to four
/// levels, and a closing outlook, each with a theme from an editable taxonomy; and the warnings a
/// careful editor would raise about the outline.
public struct SectionsAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "sections",
        summary: "Outline: title, byline, lead, numbered sections and conclusion, with a theme for each and editor's warnings",
        runsByDefault: true,
        highlightStyle: "background:#d5f5d0;font-weight:bold",
        options: [
            OptionSpec("taxonomy", .file, default: nil, help: "themes file: one theme a line, theme<TAB>terms separated by spaces (default: shipped themes)"),
        ],
        examples: [
            AnalyzerExample("政府工作报告\n一、«过去一年工作回顾»\n经济运行稳中向好。\n（一）«稳增长取得新成效»。全年经济增长5%。\n二、«今年工作任务»\n推进改革。",
                            note: "numbered headings at two levels; a level-2 heading ends at its first full stop"),
            AnalyzerExample("奋楫争先展作为\n«——十四届市政协2022年工作综述»\n«□本报记者 王越»\nB «改革创新 引领政协履职提速增效»\n一年来，市政协坚持创新。\nA «谋定而动 推进工作»\n市政协紧跟步伐。",
                            note: "a news feature: title, subtitle, byline and lettered sections (here out of order: a warning)"),
            AnalyzerExample("一是加强学习。二是深化改革。第一，要提高认识。", mustNotReport: ["一是加强学习", "第一"],
                            note: "inline enumerations are points, not headings"),
        ]
    )

    let taxonomy: Taxonomy

    public init(options: OptionValues) throws {
        taxonomy = try Taxonomy.load(userFile: options.string("taxonomy"))
    }

    struct Draft {
        var role: SectionRole
        var level: Int
        var heading: Heading?
        var start: Int
        var end: Int
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> SectionsResult {
        let scalars = document.scalars
        var drafts: [Draft] = []
        var seenHeading = false
        for (index, paragraph) in document.paragraphs.enumerated() {
            if let heading = HeadingParser.heading(in: paragraph, scalars) {
                seenHeading = true
                drafts.append(Draft(role: .section, level: heading.level, heading: heading, start: paragraph.start, end: paragraph.end))
                continue
            }
            if let role = frontMatterRole(paragraph, index: index, seenHeading: seenHeading, drafts: drafts, scalars) {
                drafts.append(Draft(role: role, level: 0, heading: nil, start: paragraph.start, end: paragraph.end))
                continue
            }
            if isConclusionStart(paragraph, in: document, index: index), drafts.last?.role != .conclusion {
                drafts.append(Draft(role: .conclusion, level: 1, heading: nil, start: paragraph.start, end: paragraph.end))
                continue
            }
            if var last = drafts.last, last.role == .section || last.role == .lead || last.role == .conclusion {
                last.end = paragraph.end
                drafts[drafts.count - 1] = last
            } else {
                // Body text with nothing to belong to: a lead before the first heading, else one body section.
                drafts.append(Draft(role: seenHeading ? .section : .lead, level: seenHeading ? 1 : 0, heading: nil,
                                    start: paragraph.start, end: paragraph.end))
            }
        }
        // A text without headings is one body section.
        if !drafts.contains(where: { $0.heading != nil }), drafts.count == 1, drafts[0].role == .lead {
            drafts[0].role = .section
            drafts[0].level = 1
        }
        let matches = taxonomy.matches(in: scalars)
        // Each theme's term matches per character of the whole document, by theme number.
        var documentDensity = [Double](repeating: 0, count: taxonomy.themes.count)
        for match in matches { documentDensity[taxonomy.theme(ofTerm: match.term)] += 1 }
        for theme in documentDensity.indices { documentDensity[theme] /= Double(max(scalars.count, 1)) }
        let sections = drafts.map { section(for: $0, in: document, matches: matches, documentDensity: documentDensity) }
        return SectionsResult(sections: sections, warnings: warnings(for: drafts, in: document))
    }

    /// The matches that start in `range`, found by binary search (matches are in text order).
    private static func matches(_ matches: [(span: TextSpan, term: Int)], in range: Range<Int>) -> ArraySlice<(span: TextSpan, term: Int)> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0, high = matches.count
            while low < high {
                let mid = (low + high) / 2
                if matches[mid].span.start < offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return matches[firstIndex(startingAtOrAfter: range.lowerBound)..<firstIndex(startingAtOrAfter: range.upperBound)]
    }

    /// Title, subtitle, byline and source lines before the first heading and the first body paragraph.
    private func frontMatterRole(_ paragraph: TextSpan, index: Int, seenHeading: Bool, drafts: [Draft], _ scalars: [Unicode.Scalar]) -> SectionRole? {
        guard !seenHeading, !drafts.contains(where: { $0.role == .lead }) else { return nil }
        let text = scalars[paragraph.range]
        let short = paragraph.length <= 60 && !text.contains { "。！？".unicodeScalars.contains($0) }
        if text.first == "—" && short { return .subtitle }
        if text.first == "□" || text.first == "■" || (short && (text.starts(with: "本报".unicodeScalars) || containsWord("记者", text) || containsWord("通讯员", text))) {
            return .byline
        }
        if short && (text.starts(with: "来源".unicodeScalars) || text.starts(with: "发布".unicodeScalars) || containsWord("会议上", text)) {
            return .other
        }
        // A title may take two or three short lines before anything else.
        if short && paragraph.length <= 40 && index <= 2 && text.last != "：" && text.last != ":"
            && drafts.allSatisfy({ $0.role == .title }) { return .title }
        return nil
    }

    private func containsWord(_ word: String, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let pattern = Array(word.unicodeScalars)
        guard text.count >= pattern.count else { return false }
        return (text.startIndex...(text.endIndex - pattern.count)).contains { text[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    /// A closing outlook: 新的一年 near a paragraph's start, or the final 各位代表！ of a report.
    private func isConclusionStart(_ paragraph: TextSpan, in document: Document, index: Int) -> Bool {
        let scalars = document.scalars
        let head = scalars[paragraph.start..<min(paragraph.end, paragraph.start + 40)]
        if containsWord("新的一年", head) || head.starts(with: "展望".unicodeScalars) { return true }
        let isAddress = head.starts(with: "各位代表".unicodeScalars) && paragraph.length <= 6
        return isAddress && index >= document.paragraphs.count * 4 / 5
    }

    /// A section's theme: each theme scores its term count (heading terms five times) times its
    /// lift squared, the section's density of the theme over the document's, so a theme that fills the whole
    /// document (协商 in a CPPCC review) does not name every section.
    private func section(for draft: Draft, in document: Document, matches: [(span: TextSpan, term: Int)], documentDensity: [Double]) -> Section {
        var scores: [ThemeScore] = []
        var theme: String?
        var themeTerms: [String] = []
        if draft.role == .section || draft.role == .lead || draft.role == .conclusion {
            // Term counts: the document's matches in the section, heading ones weighing five.
            // By term number (each matched term has one text and one theme), sorted and summed.
            var weighted: [(term: Int, weight: Int)] = []
            for match in Self.matches(matches, in: draft.start..<draft.end) {
                weighted.append((match.term, draft.heading.map { $0.text.range.contains(match.span.start) } == true ? 5 : 1))
            }
            weighted.sort { $0.term < $1.term }
            var termCounts: [(term: Int, count: Int)] = []
            for item in weighted {
                if termCounts.last?.term == item.term { termCounts[termCounts.count - 1].count += item.weight } else { termCounts.append((item.term, item.weight)) }
            }
            var sectionTotals = [Int](repeating: 0, count: taxonomy.themes.count)
            for item in termCounts { sectionTotals[taxonomy.theme(ofTerm: item.term)] += item.count }
            let length = Double(max(draft.end - draft.start, 1))
            var best: (theme: Int, score: Double)?
            for themeIndex in taxonomy.themesByName where sectionTotals[themeIndex] > 0 {
                let total = Double(sectionTotals[themeIndex])
                let lift = (total / length) / max(documentDensity[themeIndex], 1e-9)
                // Lift squared: distinctiveness outweighs sheer frequency.
                let score = total * min(lift, 10) * min(lift, 10)
                scores.append(ThemeScore(theme: taxonomy.themes[themeIndex], score: (score * 100).rounded() / 100))
                // Ties go to the theme listed first.
                if best == nil || score > best!.score || (score == best!.score && themeIndex < best!.theme) { best = (themeIndex, score) }
            }
            if let best, sectionTotals[best.theme] >= 2 {
                theme = taxonomy.themes[best.theme]
                let decisive: [(text: String, count: Int)] = termCounts.filter { taxonomy.theme(ofTerm: $0.term) == best.theme }
                    .map { (taxonomy.text(ofTerm: $0.term), $0.count) }
                themeTerms = decisive.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }.prefix(5).map(\.text)
            }
        }
        let heading = draft.heading.map { document.text($0.text) }
        let plainHeading: String? = draft.heading == nil && (draft.role == .title || draft.role == .subtitle || draft.role == .byline || draft.role == .other)
            ? document.text(TextSpan(start: draft.start, end: draft.end)) : nil
        return Section(role: draft.role, level: draft.level, label: draft.heading?.label, heading: heading ?? plainHeading,
                       theme: theme, scores: ThemeScores(entries: scores), themeTerms: themeTerms, start: draft.start, end: draft.end,
                       headingStart: draft.heading?.text.start ?? (plainHeading != nil ? draft.start : nil),
                       headingEnd: draft.heading?.text.end ?? (plainHeading != nil ? draft.end : nil))
    }

    /// Labels out of sequence, a conclusion before the end, empty sections, skipped levels.
    private func warnings(for drafts: [Draft], in document: Document) -> [SectionWarning] {
        var warnings: [SectionWarning] = []
        var lastValue: [Int: (value: Int, label: String, style: Heading.Style)] = [:]
        var previousLevel = 0
        for (index, draft) in drafts.enumerated() {
            guard let heading = draft.heading else { continue }
            let span = TextSpan(start: draft.start, end: heading.text.end)
            // Numbering restarts under each higher-level heading.
            for level in lastValue.keys where level > heading.level { lastValue[level] = nil }
            let previous = lastValue[heading.level].flatMap { $0.style == heading.style ? $0 : nil }
            let expected = (previous?.value ?? 0) + 1
            if heading.value != expected {
                let after = previous.map { "follows \($0.label)" } ?? "comes first"
                let code = previous.map { heading.value == $0.value ? "label_repeated" : heading.value < $0.value ? "label_out_of_order" : "label_gap" } ?? "label_gap"
                warnings.append(SectionWarning(code: code, message: "section \(heading.label) \(after); expected \(label(expected, like: heading.style))",
                                               start: span.start, end: span.end))
            }
            lastValue[heading.level] = (heading.value, heading.label, heading.style)
            if heading.level > previousLevel + 1 && previousLevel > 0 {
                warnings.append(SectionWarning(code: "level_skipped", message: "a level-\(heading.level) heading follows a level-\(previousLevel) one",
                                               start: span.start, end: span.end))
            }
            previousLevel = heading.level
            let next = index + 1 < drafts.count ? drafts[index + 1] : nil
            let hasBody = heading.text.end < draft.end - 1 || (next.map { $0.heading == nil || $0.level > heading.level } ?? false)
            if !hasBody {
                warnings.append(SectionWarning(code: "empty_section", message: "section \(heading.label) has no text", start: span.start, end: span.end))
            }
        }
        if let conclusion = drafts.firstIndex(where: { $0.role == .conclusion }), drafts[(conclusion + 1)...].contains(where: { $0.heading != nil }) {
            let draft = drafts[conclusion]
            warnings.append(SectionWarning(code: "conclusion_not_last", message: "the closing outlook comes before later sections",
                                           start: draft.start, end: document.sentence(containing: draft.start)?.end ?? draft.end))
        }
        return warnings.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    private func label(_ value: Int, like style: Heading.Style) -> String {
        switch style {
        case .letter: return value >= 1 && value <= 26 ? String(Unicode.Scalar(UInt8(64 + value))) : String(value)
        case .arabic, .parenArabic: return String(value)
        case .chinese, .parenChinese, .part: return ChineseNumerals.text(value)
        }
    }
}

/// Chinese numerals for small numbers, for messages (expected 三).
enum ChineseNumerals {
    static func text(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0 && value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
