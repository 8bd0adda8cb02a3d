import AnalyticsCore

/// The parts of a work report: the review of the past year (一、2024年工作回顾) and the part that plans the
/// coming one (二、2025年工作安排, 今年重点工作). GUIDELINE's `target` is "what is planned or aimed at", and in a
/// plan part every task is, cue or not (实施省大中型项目4600个以上, 完成投资1.2万亿元左右), unless its sentence
/// speaks of the past (去年, 截至, 取得了). In a review part an estimate or a thing obtained is no target
/// (预计下降3.2%, 争取资金433亿元). Data in Resources/plan-parts.tsv.
struct PlanParts: Sendable {
    private let planWords: [[Unicode.Scalar]]
    private let reviewWords: [[Unicode.Scalar]]
    private let endWords: [[Unicode.Scalar]]
    private let pastWords: [[Unicode.Scalar]]
    private let estimateWords: [[Unicode.Scalar]]
    private let obtainedWords: [[Unicode.Scalar]]
    private let lexicon: Lexicon

    /// A heading is a short line, or the opening of a numbered line (二、…) up to its first full stop.
    static let longestHeading = 40

    /// A document's review and plan parts, each in order.
    struct Layout: Sendable {
        var plans: [Range<Int>] = []
        var reviews: [Range<Int>] = []
    }

    private enum Kind { case plan, review, end }

    init(lexicon: Lexicon) throws {
        try self.init(tsv: ResourceLocator.text(of: "plan-parts.tsv", target: "FactsPlugin", what: "the facts plan-part words"), lexicon: lexicon)
    }

    init(tsv: String, lexicon: Lexicon) throws {
        var words: [String: [[Unicode.Scalar]]] = [:]
        for fields in TabSeparated.lines(tsv) {
            guard fields.count == 2, ["plan", "review", "end", "past", "estimate", "obtained"].contains(fields[1]) else {
                throw AnalyzerSetupError("facts plan parts: bad line '\(fields.joined(separator: "\t"))'")
            }
            words[fields[1], default: []].append(Array(fields[0].unicodeScalars))
        }
        planWords = words["plan"] ?? []
        reviewWords = words["review"] ?? []
        endWords = words["end"] ?? []
        pastWords = words["past"] ?? []
        estimateWords = words["estimate"] ?? []
        obtainedWords = words["obtained"] ?? []
        self.lexicon = lexicon
    }

    /// The review and plan parts: each from its heading to the next heading of another part, an
    /// appendix's (附件, 名词解释) or the document's end. Headings in brackets (（三）…) are a part's own
    /// subheads and open none.
    func layout(of document: Document) -> Layout {
        let scalars = document.scalars
        var layout = Layout()
        var open: (kind: Kind, start: Int)?
        func close(at end: Int) {
            guard let part = open else { return }
            switch part.kind {
            case .plan: layout.plans.append(part.start..<end)
            case .review: layout.reviews.append(part.start..<end)
            case .end: break
            }
            open = nil
        }
        for paragraph in document.paragraphs {
            guard let heading = Self.heading(of: paragraph, in: scalars), !Self.bracketOpenings.contains(scalars[heading.lowerBound]) else { continue }
            let text = scalars[heading]
            let kind: Kind? = contains(endWords, in: text) ? .end : contains(reviewWords, in: text) ? .review
                : contains(planWords, in: text) ? .plan : nil
            guard let kind, kind != open?.kind else { continue }
            close(at: paragraph.start)
            if kind != .end { open = (kind, paragraph.start) }
        }
        close(at: scalars.count)
        return layout
    }

    private static let bracketOpenings: ScalarList = "（("

    /// Whether the target cue at `cue`, said in a review part, is an estimate (预计下降3.2%) or a thing
    /// obtained (争取资金433亿元, 争取到); 争取 before an action (争取在本世纪末建立, 争取实现) still aims.
    func isEstimateInReview(cue: Int, figureStart: Int, layout: Layout, in scalars: [Unicode.Scalar]) -> Bool {
        guard layout.reviews.contains(where: { $0.contains(figureStart) }) else { return false }
        if estimateWords.contains(where: { scalars[cue...].starts(with: $0) }) { return true }
        guard let word = obtainedWords.first(where: { scalars[cue...].starts(with: $0) }) else { return false }
        let next = cue + word.count
        return next < scalars.count && (scalars[next] == "到" || !startsAction(at: next, scalars))
    }

    /// Whether the longest dictionary word at `start` is a verb, preposition, adverb or conjunction.
    private func startsAction(at start: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var end = min(scalars.count, start + 4)
        while end > start {
            if let id = lexicon.wordID(of: scalars[start..<end]), let tag = lexicon.tag(ofWordID: id) {
                return tag.hasPrefix("v") && tag != "vn" || tag.hasPrefix("p") || tag.hasPrefix("d") || tag.hasPrefix("c")
            }
            end -= 1
        }
        return false
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
