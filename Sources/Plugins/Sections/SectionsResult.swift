import AnalyticsCore

public enum SectionRole: String, Codable, Sendable {
    case title, subtitle, byline, lead, section, conclusion, other
    /// Newspaper parts: the line above the title (引题), a column tag (【…】, 人民观点), the dateline
    /// (本报北京8月1日电（记者 张某）), a box (核心阅读, 编者按, 延伸阅读, 短评…), a picture caption, an
    /// interviewer's question, the editor line (责任编辑) and a closing note (（作者为…）).
    case kicker, column, dateline, box, caption, question, editor, note
}

public struct Section: Codable, Sendable, Equatable {
    public let role: SectionRole
    /// 一、 and A are level 1, （一） 2, 1． 3, （1） and ① 4 (a document without 一、 or （一） moves its top
    /// numbering up to 1), plain subheads 1; title, lead, boxes, captions and other parts 0.
    public let level: Int
    public let label: String?
    public let heading: String?
    public let theme: String?
    /// Score per theme: its term occurrences (heading terms ×5) times the square of its lift
    /// over the whole document (lift capped at 10); only themes with a term in the section, in
    /// order of theme name. JSON: an object from theme to score.
    public let scores: ThemeScores
    /// The terms that decided the theme, most frequent first.
    public let themeTerms: [String]
    public let start: Int
    public let end: Int
    /// Where the heading text is, when there is one.
    public let headingStart: Int?
    public let headingEnd: Int?

    // JSON: SectionsJSON.swift (one description for the fast path and Encodable).
}

/// One theme's score in a section.
public struct ThemeScore: Sendable, Equatable {
    public let theme: String
    public let score: Double
}

/// A section's theme scores in order of theme name. JSON: an object from theme to score. A list,
/// not a Dictionary: hashing the theme names cost more than scoring the themes.
public struct ThemeScores: Codable, Sendable, Equatable {
    public let entries: [ThemeScore]

    init(entries: [ThemeScore]) { self.entries = entries }

    public subscript(theme: String) -> Double? { entries.first { $0.theme == theme }?.score }

    public init(from decoder: Decoder) throws {
        entries = try [String: Double](from: decoder).sorted { $0.key < $1.key }.map { ThemeScore(theme: $0.key, score: $0.value) }
    }

    public func encode(to encoder: Encoder) throws {
        var object = encoder.container(keyedBy: AnyKey.self)
        for entry in entries { try object.encode(entry.score, forKey: AnyKey(entry.theme)) }
    }
}

public struct SectionWarning: Codable, Sendable, Equatable {
    /// label_out_of_order, label_gap, label_repeated, conclusion_not_last, empty_section, level_skipped
    public let code: String
    public let message: String
    public let start: Int
    public let end: Int
}

public struct SectionsResult: AnalyzerResult, Equatable {
    public let sections: [Section]
    public let warnings: [SectionWarning]

    public var reportedSpans: [LabeledSpan] {
        sections.compactMap { section in
            section.headingStart.map { LabeledSpan("heading", TextSpan(start: $0, end: section.headingEnd ?? $0)) }
        } + sections.map { LabeledSpan($0.role.rawValue, TextSpan(start: $0.start, end: $0.end)) }
    }

    public var highlights: [LabeledSpan] {
        sections.compactMap { section in
            guard let start = section.headingStart, let end = section.headingEnd, end > start else { return nil }
            let detail = [section.role.rawValue, section.label, section.theme].compactMap { $0 }.joined(separator: " · ")
            return LabeledSpan(detail, TextSpan(start: start, end: end))
        }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        var items = sections.map { section -> RenderBlock.OutlineItem in
            var text = "[\(section.role.rawValue)]"
            if let label = section.label { text += " \(label)" }
            if let heading = section.heading { text += " \(heading)" }
            if let theme = section.theme { text += " — \(theme)" }
            return .init(level: max(0, section.level - 1), text: text)
        }
        if items.isEmpty { items = [.init(level: 0, text: "(empty document)")] }
        var blocks: [RenderBlock] = [.outline(items)]
        if !warnings.isEmpty {
            blocks.append(.table(headers: ["warning", "message"], rows: warnings.map { [$0.code, $0.message] }))
        }
        return blocks
    }
}

/// Across documents: for each document, how many sections have each theme.
public struct SectionsCorpusSummary: Codable, Sendable, Equatable {
    public struct DocumentThemes: Codable, Sendable, Equatable {
        public let source: String
        /// Theme → number of sections with it.
        public let themes: [String: Int]
        /// Section-level warnings in the document.
        public let warnings: Int
    }

    public let documents: [DocumentThemes]
}

extension SectionsResult: CorpusSummarizable {
    public static func summarize(_ documents: [(source: String, result: SectionsResult)]) -> SectionsCorpusSummary {
        SectionsCorpusSummary(documents: documents.map { source, result in
            var themes: [String: Int] = [:]
            for section in result.sections { if let theme = section.theme { themes[theme, default: 0] += 1 } }
            return .init(source: source, themes: themes, warnings: result.warnings.count)
        })
    }

    public static func rendering(of summary: SectionsCorpusSummary) -> [RenderBlock] {
        [.table(headers: ["document", "themes (sections)", "warnings"], rows: summary.documents.map { document in
            [document.source,
             document.themes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map { "\($0.key) \($0.value)" }.joined(separator: ", "),
             String(document.warnings)]
        }, numericColumns: [2])]
    }
}
