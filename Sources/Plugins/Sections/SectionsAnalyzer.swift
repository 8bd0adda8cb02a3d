import AnalyticsCore

private let openingQuotesScalars: ScalarList = "“‘「《"

/// Document structure: title, subtitle, byline, lead, numbered or lettered sections at up to four
/// levels, and a closing outlook, each with a theme from an editable taxonomy; and the warnings a
/// careful editor would raise about the outline.
public struct SectionsAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "sections",
        summary: "Outline: title, byline, lead, numbered sections and conclusion, with a theme for each and editor's warnings",
        runsByDefault: true,
        highlightStyle: "background:#d5f5d0;font-weight:bold",
        options: [taxonomyOption, layoutOption],
        examples: [
            AnalyzerExample("政府工作报告\n一、«过去一年工作回顾»\n经济运行稳中向好。\n（一）«稳增长取得新成效»。全年经济增长5%。\n二、«今年工作任务»\n推进改革。",
                            note: "numbered headings at two levels; a level-2 heading ends at its first full stop"),
            AnalyzerExample("奋楫争先展作为\n«——十四届市政协2022年工作综述»\n«□本报记者 王越»\nB «改革创新 引领政协履职提速增效»\n一年来，市政协坚持创新。\nA «谋定而动 推进工作»\n市政协紧跟步伐。",
                            note: "a news feature: title, subtitle, byline and lettered sections (here out of order: a warning)"),
            AnalyzerExample("一是加强学习。二是深化改革。第一，要提高认识。", mustNotReport: ["一是加强学习", "第一"],
                            note: "inline enumerations are points, not headings"),
            AnalyzerExample("«一江清水向东流»\n«碧波荡漾生态美»\n«本报记者 高远山»\n«核心阅读»\n江水重回清澈。\n清晨，江边很热闹。\n«治水先治源»\n沿江关停了一批企业。\n«图为江边的湿地公园。本报记者 高远山摄»\n«河长上岗 责任到人»\n每段河道都有了河长。\n«责任编辑：何雨»",
                            mustNotReport: ["核心阅读\n江水重回清澈。\n清晨，江边很热闹。", "本报记者 高远山\n核心阅读"],
                            note: "a news feature: kicker, title, byline, a box, subheads as short lines without a full stop, a caption, the editor line"),
            AnalyzerExample("«北岸区政务服务再提速»\n«本报讯（记者 钱立新）»«记者从区政务服务中心获悉，企业开办时间压缩至一天。\n区里还推出帮办服务。»",
                            mustNotReport: ["本报讯（记者 钱立新）记者从区政务服务中心获悉，企业开办时间压缩至一天。"],
                            note: "a dateline opening the first paragraph is its own part; no subheads: one body section"),
            AnalyzerExample("访谈\n记者：今年有哪些新特点？\n答：更加注重日常。\n这句话很短\n记者：下一步呢？\n答：继续推进。", mustNotReport: ["这句话很短"],
                            note: "interview questions are not headings, nor is one short line alone"),
        ]
    )

    static let taxonomyOption = Option(file: "taxonomy", help: "themes file: one theme a line, theme<TAB>terms separated by spaces (default: shipped themes)")
    static let layoutOption = Option(file: "layout",
                                     help: "newspaper layout words: kind<TAB>words, kinds box-front box column editor caption byline dateline question (default: shipped)")

    let taxonomy: Taxonomy
    let layout: LayoutClassifier

    public init(options: OptionValues) throws {
        taxonomy = try Taxonomy.load(userFile: options[Self.taxonomyOption])
        layout = LayoutClassifier(words: try LayoutWords.load(userFile: options[Self.layoutOption]))
    }

    init(taxonomy: Taxonomy, layout: LayoutClassifier) {
        self.taxonomy = taxonomy
        self.layout = layout
    }

    /// The outline with the shipped layout words and no themes: for an analyzer that needs only
    /// the parts' roles (keywords skips bylines, datelines, captions) without paying for themes.
    public static func rolesOnly() throws -> SectionsAnalyzer {
        SectionsAnalyzer(taxonomy: Taxonomy(themes: [], terms: []), layout: LayoutClassifier(words: try LayoutWords.load(userFile: nil)))
    }

    struct Draft {
        var role: SectionRole
        var level: Int
        var heading: Heading?
        var start: Int
        var end: Int
        /// The heading of a part without a numbered heading: a subhead's line, a box's label, a title without its column tag.
        var plain: TextSpan? = nil
        /// A title's column tag (人民观点 of 【人民观点】…).
        var tag: String? = nil
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> SectionsResult {
        let scalars = document.scalars
        let paragraphs = document.paragraphs
        var drafts: [Draft] = []
        // Captions and interview questions sit inside a section without ending it.
        var inserts: [Draft] = []

        // Front matter: column tags, kicker, title, subtitle, byline and source lines before the body.
        var kinds: [LineKind] = []
        kinds.reserveCapacity(paragraphs.count)
        var bodyStart = 0
        var frontMatter = true
        for paragraph in paragraphs {
            var kind = layout.kind(of: paragraph, scalars, frontMatter: frontMatter)
            if frontMatter {
                switch kind {
                case .column, .subtitle, .byline, .source: bodyStart += 1
                case .short where kinds.filter({ $0 == .short }).count < 3: bodyStart += 1
                default: frontMatter = false
                }
                // A question mark ends no title; in the body it would end a subhead.
                if !frontMatter, case .short = kind { kind = .body }
            }
            kinds.append(kind)
        }
        drafts += frontMatterDrafts(kinds: kinds[..<bodyStart], paragraphs: paragraphs, scalars)

        // Numbered headings: without 一、 or （一）, the top numbering used (1．, ①) is level 1.
        let levels = Set(kinds.compactMap { kind -> Int? in if case .heading(let heading) = kind { return heading.level } else { return nil } })
        let shift = (levels.min() ?? 1) > 2 ? levels.min()! - 1 : 0
        let subheads = plainSubheads(kinds: kinds, from: bodyStart, paragraphs: paragraphs, scalars, numbered: levels.contains { $0 - shift == 1 })

        var seenHeading = false
        var boxKeeps = 0 // how many more body paragraphs the open box takes
        func appendBody(_ span: TextSpan, index: Int) {
            if isConclusionStart(span, in: document, index: index), drafts.last?.role != .conclusion, span.start == paragraphs[index].start {
                drafts.append(Draft(role: .conclusion, level: 1, heading: nil, start: span.start, end: span.end))
                return
            }
            if var last = drafts.last, last.role == .section || last.role == .lead || last.role == .conclusion || last.role == .box && boxKeeps > 0 {
                if last.role == .box { boxKeeps -= 1 }
                last.end = span.end
                drafts[drafts.count - 1] = last
            } else {
                // Body text with nothing to belong to: a lead before the first heading, else one body section.
                drafts.append(Draft(role: seenHeading ? .section : .lead, level: seenHeading ? 1 : 0, heading: nil, start: span.start, end: span.end))
            }
        }
        for index in bodyStart..<paragraphs.count {
            let paragraph = paragraphs[index]
            let span = TextSpan(start: paragraph.start, end: paragraph.end)
            switch kinds[index] {
            case .heading(var heading):
                heading.level -= shift
                seenHeading = true
                drafts.append(Draft(role: .section, level: heading.level, heading: heading, start: span.start, end: span.end))
            case .short where subheads.contains(index), .column where subheads.contains(index):
                seenHeading = true
                // 【一屏观全城】: the heading is inside the brackets; ■ 产业飞地…: after the mark.
                let bracketed = scalars[span.start] == "【" && scalars[span.end - 1] == "】"
                let unmarked = LayoutClassifier.afterMarker(scalars[span.range]).startIndex
                let heading = bracketed ? TextSpan(start: span.start + 1, end: span.end - 1) : TextSpan(start: unmarked, end: span.end)
                drafts.append(Draft(role: .section, level: 1, heading: nil, start: span.start, end: span.end, plain: heading))
            case .box(let front, let label, let alone):
                drafts.append(Draft(role: .box, level: 0, heading: nil, start: span.start, end: span.end, plain: label))
                // A box before the body is one paragraph; a box after it keeps the text that follows.
                boxKeeps = front ? (alone ? 1 : 0) : Int.max
            case .caption:
                inserts.append(Draft(role: .caption, level: 0, heading: nil, start: span.start, end: span.end))
            case .question:
                inserts.append(Draft(role: .question, level: 0, heading: nil, start: span.start, end: span.end))
            case .editor, .note, .byline:
                let role: SectionRole = kinds[index] == .editor ? .editor : kinds[index] == .note ? .note : .byline
                drafts.append(Draft(role: role, level: 0, heading: nil, start: span.start, end: span.end, plain: span))
            case .dateline(let end):
                drafts.append(Draft(role: .dateline, level: 0, heading: nil, start: span.start, end: end, plain: TextSpan(start: span.start, end: end)))
                var bodyStart = end
                while bodyStart < span.end, ScriptClass.isWhitespace(scalars[bodyStart]) { bodyStart += 1 }
                if bodyStart < span.end { appendBody(TextSpan(start: bodyStart, end: span.end), index: index) }
            case .column, .subtitle, .source, .short, .body:
                appendBody(span, index: index)
            }
        }
        // A text without headings is one body section.
        if !drafts.contains(where: { $0.role == .section }) {
            for index in drafts.indices where drafts[index].role == .lead {
                drafts[index].role = .section
                drafts[index].level = 1
            }
        }
        let matches = taxonomy.themes.isEmpty ? [] : taxonomy.matches(in: scalars)
        // Each theme's term matches per character of the whole document, by theme number.
        var documentDensity = [Double](repeating: 0, count: taxonomy.themes.count)
        for match in matches { documentDensity[taxonomy.theme(ofTerm: match.term)] += 1 }
        for theme in documentDensity.indices { documentDensity[theme] /= Double(max(scalars.count, 1)) }
        var parts = drafts
        if !inserts.isEmpty {
            parts += inserts
            parts.sort { $0.start < $1.start }
        }
        let sections = parts.map { section(for: $0, in: document, matches: matches, documentDensity: documentDensity) }
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

    /// Roles of the lines above the body. Short lines make the title block: one is the title, two a
    /// kicker (引题) and the title, three a kicker, title and subtitle; a line with a column tag
    /// (【人民观点】…) is the title whatever its place, and a name alone after the title is the byline.
    private func frontMatterDrafts(kinds: ArraySlice<LineKind>, paragraphs: [TextSpan], _ scalars: [Unicode.Scalar]) -> [Draft] {
        var drafts: [Draft] = []
        var shorts: [Int] = []
        // The title block is the first run of short lines; a short line after it is a byline
        // (国务院总理　李克强, a name alone) or a subtitle.
        var blockClosed = false
        for index in kinds.indices {
            let paragraph = paragraphs[index]
            let text = scalars[paragraph.range]
            switch kinds[index] {
            case .short where !shorts.isEmpty && LayoutClassifier.isName(text) || blockClosed && LayoutClassifier.isSpeaker(text):
                drafts.append(Draft(role: .byline, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            case .short where LayoutClassifier.isDate(text):
                drafts.append(Draft(role: .other, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            case .short where blockClosed:
                drafts.append(Draft(role: .subtitle, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            case .short:
                shorts.append(drafts.count)
                drafts.append(Draft(role: .title, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            case .column:
                drafts.append(Draft(role: .column, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            case .subtitle, .byline, .source:
                blockClosed = blockClosed || !shorts.isEmpty
                let role: SectionRole = kinds[index] == .subtitle ? .subtitle : kinds[index] == .byline ? .byline : .other
                drafts.append(Draft(role: role, level: 0, heading: nil, start: paragraph.start, end: paragraph.end, plain: paragraph))
            default:
                continue
            }
        }
        // Which short line is the title.
        var title = shorts.count >= 2 ? shorts[1] : shorts.first
        for index in shorts {
            let text = scalars[drafts[index].start..<drafts[index].end]
            guard text.first == "【", let close = text.firstIndex(of: "】"), close + 1 < text.endIndex else { continue }
            title = index
            var headingStart = close + 1
            while headingStart < text.endIndex, ScriptClass.isWhitespace(scalars[headingStart]) { headingStart += 1 }
            drafts[index].tag = String(scalars: text[(text.startIndex + 1)..<close])
            drafts[index].plain = TextSpan(start: headingStart, end: drafts[index].end)
            break
        }
        if let title {
            for index in shorts where index != title { drafts[index].role = index < title ? .kicker : .subtitle }
        }
        return drafts
    }

    /// Subheads without numbers: short lines without a full stop between body paragraphs (or tags in
    /// 【】 there), in a document that numbers no level-1 headings; two at least (one short line is a
    /// stray line).
    private func plainSubheads(kinds: [LineKind], from bodyStart: Int, paragraphs: [TextSpan], _ scalars: [Unicode.Scalar], numbered: Bool) -> Set<Int> {
        guard !numbered else { return [] }
        var found: Set<Int> = []
        for index in bodyStart..<kinds.count where kinds[index] == .short || kinds[index] == .column {
            let text = LayoutClassifier.afterMarker(scalars[paragraphs[index].range])
            // It opens with a word, a number or an opening quote (or stands in 【】, or after a mark ■),
            // not with a bracket or the end of a quote.
            guard let first = text.first, let first = first == "【" ? text.dropFirst().first : first, let last = text.last, !LayoutClassifier.fullStops.contains(last),
                  ScriptClass.isHan(first) || openingQuotesScalars.contains(first) || first.properties.isAlphabetic || NumberScanner.isArabicDigit(first),
                  text.count <= 30, text.contains(where: ScriptClass.isHan) else { continue }
            // Followed by body text, and not the first line of a box.
            guard index + 1 < kinds.count, kinds[index + 1] == .body || kinds[index + 1] == .caption else { continue }
            if index > bodyStart, case .box(_, _, true) = kinds[index - 1] { continue }
            found.insert(index)
        }
        return found.count >= 2 ? found : []
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
    /// document (协商 in a CPPCC review) does not name every section. The best theme is given only on
    /// enough evidence: two distinct terms of it (terms written together count once) or one in the heading, and a clear margin over the next
    /// theme; otherwise `theme` is null (one weak term, 村 in a flood report, decides nothing).
    private func section(for draft: Draft, in document: Document, matches: [(span: TextSpan, term: Int)], documentDensity: [Double]) -> Section {
        var scores: [ThemeScore] = []
        var theme: String?
        var themeTerms: [String] = []
        let headingSpan = draft.heading?.text ?? (draft.role == .section ? draft.plain : nil)
        if draft.role == .section || draft.role == .lead || draft.role == .conclusion {
            // Term counts: the document's matches in the section, heading ones weighing five.
            // By term number (each matched term has one text and one theme), sorted and summed.
            var weighted: [(term: Int, weight: Int)] = []
            // Distinct evidence per theme: terms written together (政协|委员 in 请政协委员提出意见) are one piece.
            // A term alone is a piece by its number; only the rare joined pieces build an array.
            var alone = Set<Int>(), joined = Set<[Int]>()
            var piece: (theme: Int, end: Int, first: Int, more: [Int])?
            func close(_ piece: (theme: Int, end: Int, first: Int, more: [Int])) {
                if piece.more.isEmpty { alone.insert(piece.first) } else { joined.insert(Set([piece.first] + piece.more).sorted()) }
            }
            for match in Self.matches(matches, in: draft.start..<draft.end) {
                weighted.append((match.term, headingSpan.map { $0.range.contains(match.span.start) } == true ? 5 : 1))
                let theme = taxonomy.theme(ofTerm: match.term)
                if var open = piece, open.theme == theme, open.end == match.span.start {
                    open.end = match.span.end
                    if match.term != open.first || !open.more.isEmpty { open.more.append(match.term) }
                    piece = open
                } else {
                    if let open = piece { close(open) }
                    piece = (theme, match.span.end, match.term, [])
                }
            }
            if let open = piece { close(open) }
            weighted.sort { $0.term < $1.term }
            var termCounts: [(term: Int, count: Int)] = []
            for item in weighted {
                if termCounts.last?.term == item.term { termCounts[termCounts.count - 1].count += item.weight } else { termCounts.append((item.term, item.weight)) }
            }
            var sectionTotals = [Int](repeating: 0, count: taxonomy.themes.count)
            for item in termCounts {
                sectionTotals[taxonomy.theme(ofTerm: item.term)] += item.count
            }
            var distinctTerms = [Int](repeating: 0, count: taxonomy.themes.count)
            for term in alone { distinctTerms[taxonomy.theme(ofTerm: term)] += 1 }
            for terms in joined { distinctTerms[taxonomy.theme(ofTerm: terms[0])] += 1 }
            var headingThemes = Set<Int>()
            for item in weighted where item.weight == 5 { headingThemes.insert(taxonomy.theme(ofTerm: item.term)) }
            let length = Double(max(draft.end - draft.start, 1))
            var best: (theme: Int, score: Double)?
            var runnerUp = 0.0
            for themeIndex in taxonomy.themesByName where sectionTotals[themeIndex] > 0 {
                let total = Double(sectionTotals[themeIndex])
                let lift = (total / length) / max(documentDensity[themeIndex], 1e-9)
                // Lift squared: distinctiveness outweighs sheer frequency.
                let score = total * min(lift, 10) * min(lift, 10)
                scores.append(ThemeScore(theme: taxonomy.themes[themeIndex], score: (score * 100).rounded() / 100))
                // Ties go to the theme listed first.
                if best == nil || score > best!.score || (score == best!.score && themeIndex < best!.theme) {
                    runnerUp = best?.score ?? 0
                    best = (themeIndex, score)
                } else {
                    runnerUp = max(runnerUp, score)
                }
            }
            if let best, sectionTotals[best.theme] >= 2, distinctTerms[best.theme] >= 2 || headingThemes.contains(best.theme),
               best.score >= Self.themeMargin * runnerUp {
                theme = taxonomy.themes[best.theme]
                let decisive: [(text: String, count: Int)] = termCounts.filter { taxonomy.theme(ofTerm: $0.term) == best.theme }
                    .map { (taxonomy.text(ofTerm: $0.term), $0.count) }
                themeTerms = decisive.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }.prefix(5).map(\.text)
            }
        }
        // Every part but body text and inserts is named by its text: the heading, the box label, the title without its tag.
        let named: Set<SectionRole> = [.title, .subtitle, .byline, .other, .kicker, .column, .dateline, .box, .editor, .note]
        let span = headingSpan ?? draft.plain ?? (named.contains(draft.role) ? TextSpan(start: draft.start, end: draft.end) : nil)
        return Section(role: draft.role, level: draft.level, label: draft.heading?.label ?? draft.tag, heading: span.map(document.text),
                       theme: theme, scores: ThemeScores(entries: scores), themeTerms: themeTerms, start: draft.start, end: draft.end,
                       headingStart: span?.start, headingEnd: span?.end)
    }

    /// How far the best theme must outscore the next one.
    static let themeMargin = 1.5

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
        case .circled: return value >= 1 && value <= 20 ? String(Unicode.Scalar(0x245F + UInt32(value))!) : String(value)
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
