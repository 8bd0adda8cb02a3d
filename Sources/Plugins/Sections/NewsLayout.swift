import AnalyticsCore
import Foundation

private let continuingMarksScalars: ScalarList = "：:，,、；;"
private let colonsOrSpacesScalars: ScalarList = "：:　 "
private let colonsScalars: ScalarList = "：:"
private let captionTrailersScalars: ScalarList = "）)。 　"
private let markersScalars: ScalarList = "■□◆◇●○▲△★☆▶►"
private let bracketsAndSpacesScalars: ScalarList = "（）() 　"
private let dateUnitsScalars: ScalarList = "年月日"

/// The words of newspaper layout (Resources/layout.tsv, or the user's file in the same format):
/// what opens a box, a caption, a byline, a dateline, an editor line or an interview question,
/// and which lines are column tags.
struct LayoutWords: Sendable {
    var boxFront: [[Unicode.Scalar]] = []
    var box: [[Unicode.Scalar]] = []
    var column: [[Unicode.Scalar]] = []
    var editor: [[Unicode.Scalar]] = []
    var caption: [[Unicode.Scalar]] = []
    var byline: [[Unicode.Scalar]] = []
    var dateline: [[Unicode.Scalar]] = []
    var question: [[Unicode.Scalar]] = []

    static func parse(_ text: String) -> LayoutWords {
        var words = LayoutWords()
        for fields in TabSeparated.lines(text, maxSplits: 1) where fields.count == 2 {
            // Longest first, so a prefix test finds 本报记者 before 本报.
            let list = fields[1].scalarArray.split(separator: " ").map(Array.init).sorted { $0.count > $1.count }
            switch fields[0] {
            case "box-front": words.boxFront += list
            case "box": words.box += list
            case "column": words.column += list
            case "editor": words.editor += list
            case "caption": words.caption += list
            case "byline": words.byline += list
            case "dateline": words.dateline += list
            case "question": words.question += list
            default: continue
            }
        }
        return words
    }

    static func load(userFile: String?) throws -> LayoutWords {
        let path: String
        if let userFile {
            path = userFile
        } else {
            path = try ResourceLocator.requiredPath(of: "layout.tsv", target: "SectionsPlugin", what: "the layout words")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("cannot read the layout words '\(path)' given to sections.layout; check the path")
        }
        return parse(String(decoding: data, as: UTF8.self))
    }
}

/// What a paragraph is on a newspaper page (or in a report), before sections are built.
enum LineKind: Sendable, Equatable {
    case heading(Heading)
    /// 【科技前沿】 or 人民观点 on a line of its own.
    case column
    /// A box label: alone on its line (the box is the next paragraph), or opening its paragraph (编者按：…).
    case box(front: Bool, label: TextSpan, alone: Bool)
    case caption
    case editor
    /// A closing note: （作者为…）.
    case note
    case byline
    /// 本报北京8月1日电（记者 张某）: where the dateline ends (the paragraph's end when it stands alone).
    case dateline(end: Int)
    /// An interviewer's question (记者：…).
    case question
    case subtitle
    /// 来源：…, the session line of a report.
    case source
    /// A short line without a full stop: a kicker, title or subhead, by its place.
    case short
    case body
}

/// Tells a paragraph's kind from its shape and the layout words. Work on scalars; each test looks
/// only at the paragraph's first and last few characters, except the full-stop scan of short lines.
struct LayoutClassifier: Sendable {
    let words: LayoutWords

    static let fullStops: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]

    func kind(of paragraph: TextSpan, _ scalars: [Unicode.Scalar], frontMatter: Bool) -> LineKind {
        if let heading = HeadingParser.heading(in: paragraph, scalars) { return .heading(heading) }
        let text = scalars[paragraph.range]
        guard let first = text.first, let last = text.last else { return .body }
        let length = paragraph.length
        let hasFullStop = text.contains("。")
        let isShort = length <= 50 && !hasFullStop && !continuingMarksScalars.contains(last)
        let dash = first == "—" || first == "─" || (first == "-" || first == "－") && text.dropFirst().first == first
        if dash, isShort || length <= 60 && !hasFullStop { return .subtitle }
        // 【…】 around a label: a box in the body, a column tag above the title.
        var label = text
        if first == "【", last == "】", length <= 20 { label = text.dropFirst().dropLast() }
        if let box = boxLabel(label, text, paragraph) { return box }
        if length <= 20, first == "【", last == "】" || Self.equalsAny(label, words.column) { return .column }
        if frontMatter, length <= 12, Self.equalsAny(label, words.column) { return .column }
        if length <= 60, let after = Self.prefix(of: text.drop { $0 == "（" || $0 == "(" }, in: words.editor),
           after == text.endIndex || colonsOrSpacesScalars.contains(scalars[after]) { return .editor }
        if length <= 100, first == "（" || first == "(", Self.prefix(of: text.dropFirst(), in: [Array("作者".unicodeScalars), Array("本文作者".unicodeScalars)]) != nil {
            return .note
        }
        if isCaption(text) { return .caption }
        // （本报西岭5月8日电） closing a story: the dateline in brackets, the closing bracket with it.
        let bracketed = first == "（" || first == "("
        if let end = datelineEnd(bracketed ? text.dropFirst() : text, scalars) {
            let closes = bracketed && end < text.endIndex && (scalars[end] == "）" || scalars[end] == ")")
            return .dateline(end: closes ? end + 1 : end)
        }
        if length >= 3, let after = Self.prefix(of: text, in: words.question), after < text.endIndex,
           colonsScalars.contains(scalars[after]) { return .question }
        if isByline(text, isShort: isShort, frontMatter: frontMatter) { return .byline }
        if frontMatter, isShort, text.starts(with: "来源".unicodeScalars) || text.starts(with: "发布".unicodeScalars) || Self.contains("会议上", text) {
            return .source
        }
        return isShort ? .short : .body
    }

    /// 核心阅读 alone on its line, or 编者按：… opening the paragraph.
    private func boxLabel(_ label: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>, _ paragraph: TextSpan) -> LineKind? {
        for (list, front) in [(words.boxFront, true), (words.box, false)] {
            if Self.equalsAny(label, list) || (label.last == "：" || label.last == ":") && Self.equalsAny(label.dropLast(), list) {
                let span = TextSpan(start: label.startIndex, end: label.last == "：" || label.last == ":" ? label.endIndex - 1 : label.endIndex)
                return .box(front: front, label: span, alone: true)
            }
            if let after = Self.prefix(of: text, in: list), after < text.endIndex, colonsScalars.contains(text[after]) {
                return .box(front: front, label: TextSpan(start: text.startIndex, end: after), alone: false)
            }
        }
        return nil
    }

    /// 图为…, 图①：…, or a short paragraph ending in 摄 / 供图 (本报记者 某某摄).
    private func isCaption(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        if Self.prefix(of: text, in: words.caption) != nil { return true }
        if text.first == "图", text.count > 2 {
            let next = text[text.startIndex + 1]
            if colonsScalars.contains(next) || (0x2460...0x2473).contains(next.value) || NumberScanner.isArabicDigit(next) { return true }
        }
        guard text.count <= 150 else { return false }
        var tail = text
        while let last = tail.last, captionTrailersScalars.contains(last) { tail = tail.dropLast() }
        return tail.last == "摄" && tail.count >= 3 && ScriptClass.isHan(tail[tail.endIndex - 2])
            || tail.count >= 3 && tail.suffix(2).elementsEqual("供图".unicodeScalars)
    }

    /// The end of a dateline: a source, a place and date, 电 or 讯 (本报讯, 本报北京8月1日电, …日讯), and
    /// the reporters in brackets.
    private func datelineEnd(_ text: ArraySlice<Unicode.Scalar>, _ scalars: [Unicode.Scalar]) -> Int? {
        guard let afterSource = Self.prefix(of: text, in: words.dateline) else { return nil }
        var index = afterSource
        let limit = min(text.endIndex, afterSource + 24)
        while index < limit {
            let scalar = scalars[index]
            if scalar == "。" || scalar == "，" { return nil }
            let previous = scalars[index - 1]
            if (scalar == "电" || scalar == "讯") && (previous == "日" || index == afterSource) {
                var end = index + 1
                if end < text.endIndex, scalars[end] == "（" || scalars[end] == "(" {
                    var close = end + 1
                    while close < min(text.endIndex, end + 40), scalars[close] != "）" && scalars[close] != ")" { close += 1 }
                    guard close < text.endIndex, scalars[close] == "）" || scalars[close] == ")" else { return nil }
                    end = close + 1
                }
                return end
            }
            index += 1
        }
        return nil
    }

    private func isByline(_ text: ArraySlice<Unicode.Scalar>, isShort: Bool, frontMatter: Bool) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        // □本报记者 王越; but ■ 产业飞地让山区搭上快车 is a subhead.
        if Self.isMarker(first) && text.count <= 60 {
            let rest = Self.afterMarker(text)
            return Self.prefix(of: rest, in: words.byline) != nil || rest.starts(with: "本报".unicodeScalars)
                || Self.contains("记者", rest) || Self.contains("通讯员", rest)
        }
        guard text.count <= 40, !text.contains("。") else { return false }
        if Self.prefix(of: text, in: words.byline) != nil { return true }
        // (本报记者 某某) closing the article.
        if first == "（" || first == "(", last == "）" || last == ")", Self.contains("记者", text) || Self.contains("通讯员", text) { return true }
        return frontMatter && isShort && (text.starts(with: "本报".unicodeScalars) || Self.contains("记者", text) || Self.contains("通讯员", text))
    }

    /// A mark that opens a subhead or a byline in some papers (■ 标题, □本报记者).
    static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        markersScalars.contains(scalar)
    }

    /// The text after a leading mark and the spaces after it.
    static func afterMarker(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let first = text.first, isMarker(first) else { return text }
        return text.dropFirst().drop { $0 == " " || $0 == "　" }
    }

    /// A person's name alone on a line: two to four Han characters, maybe split by a space.
    static func isName(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let han = text.filter { $0 != " " && $0 != "　" && $0 != "·" }
        return (2...4).contains(han.count) && han.allSatisfy(ScriptClass.isHan) && text.count <= 6
    }

    /// A speaker line under a report's title: an office and a name (国务院总理　李克强, 省长 王予波).
    static func isSpeaker(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard text.count <= 24, let space = text.firstIndex(where: { $0 == " " || $0 == "　" }) else { return isName(text) }
        let name = text[(space + 1)...].filter { $0 != " " && $0 != "　" }
        return (2...4).contains(name.count) && name.allSatisfy(ScriptClass.isHan) || name.contains("·") && name.count <= 12
            || isName(text)
    }

    /// A date alone: 2024年3月5日, （2017年10月18日）.
    static func isDate(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let inner = text.filter { !bracketsAndSpacesScalars.contains($0) }
        return inner.count <= 14 && inner.first.map(NumberScanner.isArabicDigit) == true && inner.last == "日"
            && inner.allSatisfy { NumberScanner.isArabicDigit($0) || dateUnitsScalars.contains($0) }
    }

    /// The end index of the longest word of `list` that `text` starts with.
    static func prefix(of text: ArraySlice<Unicode.Scalar>, in list: [[Unicode.Scalar]]) -> Int? {
        for word in list where text.count >= word.count && text.prefix(word.count).elementsEqual(word) { return text.startIndex + word.count }
        return nil
    }

    static func equalsAny(_ text: ArraySlice<Unicode.Scalar>, _ list: [[Unicode.Scalar]]) -> Bool {
        var trimmed = text
        while let first = trimmed.first, first == " " || first == "　" { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == " " || last == "　" { trimmed = trimmed.dropLast() }
        return list.contains { $0.count == trimmed.count && trimmed.elementsEqual($0) } // lengths first: most lines are long
    }

    static func contains(_ word: String, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let pattern = Array(word.unicodeScalars)
        guard text.count >= pattern.count else { return false }
        return (text.startIndex...(text.endIndex - pattern.count)).contains { text[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
