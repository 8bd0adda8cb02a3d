import AnalyticsCore

/// The part of a work report that plans the coming year (二、2025年工作安排, 今年重点工作): GUIDELINE's
/// `target` is "what is planned or aimed at", and there every task is, cue or not (实施省大中型项目
/// 4600个以上, 完成投资1.2万亿元左右). A sentence there that speaks of the past (去年, 截至, 取得了) keeps
/// its amounts actual. Data in Resources/plan-parts.tsv.
struct PlanParts: Sendable {
    private let planWords: [[Unicode.Scalar]]
    private let endWords: [[Unicode.Scalar]]
    private let pastWords: [[Unicode.Scalar]]
    private let lexicon: Lexicon

    /// A heading is a short line, or the opening of a numbered line (二、…) up to its first full stop.
    static let longestHeading = 40

    init(lexicon: Lexicon) throws {
        try self.init(tsv: ResourceLocator.text(of: "plan-parts.tsv", target: "FactsPlugin", what: "the facts plan-part words"), lexicon: lexicon)
    }

    init(tsv: String, lexicon: Lexicon) throws {
        var plan: [[Unicode.Scalar]] = [], end: [[Unicode.Scalar]] = [], past: [[Unicode.Scalar]] = []
        for fields in TabSeparated.lines(tsv) {
            let word = Array(fields.first?.unicodeScalars ?? "".unicodeScalars)
            switch fields.count == 2 ? fields[1] : "" {
            case "plan": plan.append(word)
            case "end": end.append(word)
            case "past": past.append(word)
            default: throw AnalyzerSetupError("facts plan parts: bad line '\(fields.joined(separator: "\t"))'")
            }
        }
        (planWords, endWords, pastWords) = (plan, end, past)
        self.lexicon = lexicon
    }

    /// The plan parts of a document, in order: from a plan heading to the next heading that ends one
    /// (a review, an appendix) or the document's end.
    func parts(of document: Document) -> [Range<Int>] {
        let scalars = document.scalars
        var parts: [Range<Int>] = []
        var openedAt: Int?
        for paragraph in document.paragraphs {
            guard let heading = Self.heading(of: paragraph, in: scalars) else { continue }
            if contains(endWords, in: scalars[heading]) {
                if let start = openedAt { parts.append(start..<paragraph.start) }
                openedAt = nil
            } else if openedAt == nil, contains(planWords, in: scalars[heading]) {
                openedAt = paragraph.start
            }
        }
        if let start = openedAt { parts.append(start..<scalars.count) }
        return parts
    }

    /// Whether a figure is inside a plan part.
    func contains(_ figureStart: Int, parts: [Range<Int>]) -> Bool {
        parts.contains { $0.contains(figureStart) }
    }

    /// Whether the figure's sentence speaks of the past before it (去年, 截至, 取得了).
    func speaksOfPast(sentenceStart: Int, figureStart: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let before = scalars[sentenceStart..<figureStart]
        var index = before.startIndex
        while index < before.endIndex {
            if let word = pastWords.first(where: { before[index...].starts(with: $0) }), standsAlone(word, at: index, scalars) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The heading a paragraph opens with, if it has one: the whole paragraph when it is short and has
    /// no sentence end, else a numbered opening (一、 二、 十一、) up to its first full stop.
    static func heading(of paragraph: TextSpan, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var start = paragraph.start
        while start < paragraph.end, scalars[start] == " " || scalars[start] == "\u{3000}" || scalars[start] == "\t" { start += 1 }
        guard start < paragraph.end else { return nil }
        let end = min(paragraph.end, start + longestHeading + 1)
        let stop = scalars[start..<end].firstIndex { sentenceEnds.contains($0) }
        if paragraph.end - start <= longestHeading, stop == nil { return start..<paragraph.end }
        var marker = start
        while marker < end, levelOneNumerals.contains(scalars[marker]) { marker += 1 }
        guard marker > start, marker < end, scalars[marker] == "、", let full = stop else { return nil }
        return start..<full
    }

    private static let sentenceEnds: ScalarList = "。！？；"
    private static let levelOneNumerals: ScalarList = "一二三四五六七八九十"

    private func contains(_ words: [[Unicode.Scalar]], in text: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            if words.contains(where: { text[index...].starts(with: $0) }) { return true }
            index += 1
        }
        return false
    }

    /// A past word inside a longer dictionary word is none (了 in 为了, 了解, 除了; 曾 in 曾经 is fine).
    private func standsAlone(_ word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard word.count == 1 else { return true }
        if index > 0, ScriptClass.isHan(scalars[index - 1]), isDictionaryWord(scalars[(index - 1)...index]) { return false }
        if index + 1 < scalars.count, ScriptClass.isHan(scalars[index + 1]), isDictionaryWord(scalars[index...(index + 1)]),
           !(word[0] == "曾" && scalars[index + 1] == "经") {
            return false
        }
        return true
    }

    private func isDictionaryWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let id = lexicon.wordID(of: word) else { return false }
        return lexicon.logProbability(ofWordID: id) != nil
    }
}
