import AnalyticsCore
import Foundation
import KeywordsPlugin
import SectionsPlugin

/// `analyze compare OLD NEW`: the trends of two documents read as a diff — new and dropped
/// formulations, keywords that rose or fell, targets side by side, the outline compared.
enum CompareRendering {
    struct Part {
        let title: String
        let blocks: [RenderBlock]
    }

    static func parts(_ report: Report, _ trends: Trends) -> (title: String, parts: [Part]) {
        let labels = TrendsRendering.labels(trends)
        let old = labels[0], new = labels[1]
        var parts: [Part] = []
        let added = trends.new.first?.terms ?? [], dropped = trends.gone.first?.terms ?? []
        parts.append(Part(title: "New in \(new)", blocks: added.isEmpty ? [.note("nothing")] : [
            .table(headers: ["term", "count", "from", "score"], rows: added.prefix(20).map { [$0.displayed, String($0.count), $0.origin, NumberText.fixed($0.score, digits: 2)] }, numericColumns: [1, 3]),
        ]))
        parts.append(Part(title: "Dropped since \(old)", blocks: dropped.isEmpty ? [.note("nothing")] : [
            .table(headers: ["term", "count in old", "from", "score"], rows: dropped.prefix(20).map { [$0.term, String($0.count), $0.origin, NumberText.fixed($0.score, digits: 2)] }, numericColumns: [1, 3]),
        ]))
        let moves = keywordMoves(report, trends)
        parts.append(Part(title: "Keywords that rose", blocks: moves.rising.isEmpty ? [.note("none")] : [keywordTable(moves.rising)]))
        parts.append(Part(title: "Keywords that fell", blocks: moves.falling.isEmpty ? [.note("none")] : [keywordTable(moves.falling)]))
        let targets = targetRows(trends)
        parts.append(Part(title: "Targets and figures side by side", blocks: targets.isEmpty ? [.note("no indicator found in both")] : [
            .table(headers: ["indicator", old, new, ""], rows: targets),
        ]))
        parts.append(Part(title: "Outline", blocks: outline(report, trends)))
        return ("\(old) → \(new)", parts)
    }

    // MARK: keywords

    struct KeywordMove {
        let term: String
        let oldRank: Int?
        let newRank: Int?
        let oldRate: Double
        let newRate: Double
    }

    /// Terms in either document's keywords, by rank and rate per 10,000 characters (string counts).
    static func keywordMoves(_ report: Report, _ trends: Trends) -> (rising: [KeywordMove], falling: [KeywordMove]) {
        let inputs = trends.documents.map { $0.inputs[0] }
        let keywords = inputs.map { input in
            report.documents[input].entries.lazy.compactMap { $0.result as? KeywordsResult }.first?.keywords.map(\.term) ?? []
        }
        let terms = Array(Set(keywords[0] + keywords[1])).sorted()
        guard !terms.isEmpty else { return ([], []) }
        let documents = inputs.map { [report.documents[$0].document!] }
        let counts = TrendsBuilder.countOccurrences(of: terms, in: documents)
        let characters = trends.documents.map { Double(max($0.characters, 1)) }
        let moves = terms.indices.map { index in
            KeywordMove(term: terms[index], oldRank: keywords[0].firstIndex(of: terms[index]).map { $0 + 1 },
                        newRank: keywords[1].firstIndex(of: terms[index]).map { $0 + 1 },
                        oldRate: Double(counts[index][0]) * 10_000 / characters[0], newRate: Double(counts[index][1]) * 10_000 / characters[1])
        }
        // Rising: better rank (or into the list) and a higher rate; falling the other way.
        func rankValue(_ rank: Int?) -> Int { rank ?? 1000 }
        let rising = moves.filter { rankValue($0.newRank) < rankValue($0.oldRank) && $0.newRate > $0.oldRate }
            .sorted { ($0.newRate - $0.oldRate, $1.term) > ($1.newRate - $1.oldRate, $0.term) }
        let falling = moves.filter { rankValue($0.newRank) > rankValue($0.oldRank) && $0.newRate < $0.oldRate }
            .sorted { ($0.oldRate - $0.newRate, $1.term) > ($1.oldRate - $1.newRate, $0.term) }
        return (Array(rising.prefix(12)), Array(falling.prefix(12)))
    }

    static func keywordTable(_ moves: [KeywordMove]) -> RenderBlock {
        .table(headers: ["keyword", "rank", "per 10k"], rows: moves.map { move in
            [move.term, "\(move.oldRank.map(String.init) ?? "—") → \(move.newRank.map(String.init) ?? "—")",
             "\(NumberText.fixed(move.oldRate, digits: 1)) → \(NumberText.fixed(move.newRate, digits: 1))"]
        })
    }

    // MARK: targets

    /// Indicators with a value in both documents, targets first (a value in a target sentence,
    /// or the facts' modality), marked when the figure changed.
    static func targetRows(_ trends: Trends) -> [[String]] {
        func pick(_ row: Trends.Indicator, _ unit: Int) -> Trends.IndicatorValue? {
            let values = row.values.filter { $0.document == unit }
            return values.first { $0.modality == "target" || ($0.modality == nil && $0.targetSentence) } ?? values.first
        }
        var rows: [(target: Bool, row: [String])] = []
        for row in trends.indicators {
            guard let old = pick(row, 0), let new = pick(row, 1) else { continue }
            func isTarget(_ value: Trends.IndicatorValue) -> Bool { value.modality == "target" || value.targetSentence }
            let target = isTarget(old) && isTarget(new)
            let changed = old.value != new.value || old.text != new.text
            // Every row says its kind: a target set against an actual is no like-for-like change.
            let kind = target ? "target" : !isTarget(old) && !isTarget(new) ? "actual" : isTarget(old) ? "target → actual" : "actual → target"
            rows.append((target, [row.label + " (\(kind))", old.text, new.text, changed ? "changed" : "same"]))
        }
        return rows.filter(\.target).map(\.row) + rows.filter { !$0.target }.map(\.row).prefix(10)
    }

    // MARK: outline

    /// Level-1 headings: kept (same text), renamed (paired by position with shared characters),
    /// dropped and added.
    static func outline(_ report: Report, _ trends: Trends) -> [RenderBlock] {
        let headings = trends.documents.map { entry -> [String] in
            guard let sections = report.documents[entry.inputs[0]].entries.lazy.compactMap({ $0.result as? SectionsResult }).first else { return [] }
            return sections.sections.filter { $0.role == .section && $0.level == 1 }.compactMap(\.heading)
        }
        guard !headings[0].isEmpty || !headings[1].isEmpty else { return [.note("no numbered sections found (run the sections analyzer)")] }
        let diff = compareOutlines(headings[0], headings[1])
        var rows: [[String]] = []
        for item in diff {
            switch item {
            case .kept(let heading): rows.append(["kept", heading, heading])
            case .renamed(let old, let new): rows.append(["renamed", old, new])
            case .dropped(let heading): rows.append(["dropped", heading, ""])
            case .added(let heading): rows.append(["added", "", heading])
            }
        }
        var blocks: [RenderBlock] = [.table(headers: ["", "old", "new"], rows: rows)]
        let tasks = trends.documents.map { subheadings(report.documents[$0.inputs[0]]) }
        // Level-1 sections paired (kept or renamed), by their numbers (1-based) in each outline.
        var parents: [Int: Int] = [:]
        var oldNumber = 0, newNumber = 0
        for item in diff {
            switch item {
            case .kept, .renamed: oldNumber += 1; newNumber += 1; parents[oldNumber] = newNumber
            case .dropped: oldNumber += 1
            case .added: newNumber += 1
            }
        }
        // Only sections with subheadings on both sides: a review told in subsections one year and in
        // paragraphs the next is no list of dropped tasks.
        parents = parents.filter { pair in tasks[0].contains { $0.parent == pair.key } && tasks[1].contains { $0.parent == pair.value } }
        let old = tasks[0].filter { parents[$0.parent] != nil }, new = tasks[1].filter { parents.values.contains($0.parent) }
        if !old.isEmpty && !new.isEmpty {
            let moves = compareSubheadings(old, new, parents: parents)
            blocks.append(moves.isEmpty ? .note("level 2: the same order") : .table(headers: ["level 2", "old", "new"], rows: moves.prefix(24).map { move in
                [move.change, move.old.map { "\($0.position). \($0.heading)" } ?? "", move.new.map { "\($0.position). \($0.heading)" } ?? ""]
            }))
        }
        return blocks
    }

    struct Subheading: Equatable {
        /// Its level-1 section's number (1-based) and its place among that section's subheadings.
        let parent: Int
        let position: Int
        let heading: String
    }

    struct SubheadingChange: Equatable {
        let change: String
        let old: Subheading?
        let new: Subheading?
    }

    /// Level-2 headings with their level-1 section and place in it (the tasks of a work report).
    static func subheadings(_ document: DocumentReport) -> [Subheading] {
        guard let sections = document.entries.lazy.compactMap({ $0.result as? SectionsResult }).first else { return [] }
        var parent = 0, position = 0
        var found: [Subheading] = []
        for section in sections.sections where section.role == .section {
            if section.level == 1 && section.heading != nil { parent += 1; position = 0 }
            if section.level == 2, let heading = section.heading {
                position += 1
                found.append(Subheading(parent: parent, position: position, heading: heading))
            }
        }
        return found
    }

    /// Level-2 headings of paired level-1 sections (`parents`: old number → new number) paired as
    /// level 1 are (the same text, else the best
    /// pairs sharing at least a fifth of their character pairs: task headings are reworded each
    /// year, 着力扩大国内需求… → 大力提振消费…全方位扩大国内需求), then what moved: a pair whose place in
    /// its section changed (third → first), in the new order. An unpaired old and new heading at the
    /// same place are shown together (`changed`: the heading there is another, reworded or not); other
    /// unpaired ones were dropped or added.
    static func compareSubheadings(_ old: [Subheading], _ new: [Subheading], parents: [Int: Int]) -> [SubheadingChange] {
        var pairedOld: [Int: Int] = [:], pairedNew: [Int: Int] = [:]
        for (j, heading) in new.enumerated() {
            if let i = old.indices.first(where: { old[$0].heading == heading.heading && pairedOld[$0] == nil && parents[old[$0].parent] == heading.parent }) {
                pairedOld[i] = j; pairedNew[j] = i
            }
        }
        var candidates: [(Double, Int, Int)] = []
        for i in old.indices where pairedOld[i] == nil {
            for j in new.indices where pairedNew[j] == nil && parents[old[i].parent] == new[j].parent {
                let score = dice(old[i].heading, new[j].heading)
                if score >= subheadingPairing { candidates.append((score, i, j)) }
            }
        }
        for (_, i, j) in candidates.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) })
            where pairedOld[i] == nil && pairedNew[j] == nil {
            pairedOld[i] = j; pairedNew[j] = i
        }
        var changes: [SubheadingChange] = []
        for (j, heading) in new.enumerated() {
            if let i = pairedNew[j] {
                if old[i].position != heading.position {
                    changes.append(SubheadingChange(change: "moved \(old[i].position) → \(heading.position)", old: old[i], new: heading))
                }
            } else if let i = old.indices.first(where: { pairedOld[$0] == nil && parents[old[$0].parent] == heading.parent && old[$0].position == heading.position }) {
                pairedOld[i] = j
                changes.append(SubheadingChange(change: "changed", old: old[i], new: heading))
            } else {
                changes.append(SubheadingChange(change: "added", old: nil, new: heading))
            }
        }
        for i in old.indices where pairedOld[i] == nil { changes.append(SubheadingChange(change: "dropped", old: old[i], new: nil)) }
        return changes
    }

    static let subheadingPairing = 0.2

    enum OutlineChange: Equatable {
        case kept(String), renamed(String, String), dropped(String), added(String)
    }

    /// Headings the same in both are kept; of the rest, an old and a new heading sharing at least
    /// a third of their character pairs (Dice) are a renaming, best pairs first; the others were
    /// dropped or added. Listed in the new outline's order, dropped ones where they stood.
    static func compareOutlines(_ old: [String], _ new: [String]) -> [OutlineChange] {
        var pairedOld: [Int: Int] = [:], pairedNew: [Int: Int] = [:]
        for (j, heading) in new.enumerated() {
            if let i = old.indices.first(where: { old[$0] == heading && pairedOld[$0] == nil }) { pairedOld[i] = j; pairedNew[j] = i }
        }
        var candidates: [(Double, Int, Int)] = []
        for i in old.indices where pairedOld[i] == nil {
            for j in new.indices where pairedNew[j] == nil {
                let score = dice(old[i], new[j])
                if score >= 0.34 { candidates.append((score, i, j)) }
            }
        }
        for (_, i, j) in candidates.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) })
            where pairedOld[i] == nil && pairedNew[j] == nil {
            pairedOld[i] = j; pairedNew[j] = i
        }
        var result: [OutlineChange] = []
        var nextOld = 0
        for j in new.indices {
            if let i = pairedNew[j] {
                while nextOld < i { if pairedOld[nextOld] == nil { result.append(.dropped(old[nextOld])) }; nextOld += 1 }
                nextOld = max(nextOld, i + 1)
                result.append(old[i] == new[j] ? .kept(new[j]) : .renamed(old[i], new[j]))
            } else {
                result.append(.added(new[j]))
            }
        }
        while nextOld < old.count { if pairedOld[nextOld] == nil { result.append(.dropped(old[nextOld])) }; nextOld += 1 }
        return result
    }

    static func dice(_ a: String, _ b: String) -> Double {
        func pairs(_ s: String) -> [String] {
            let scalars = Array(s.unicodeScalars)
            guard scalars.count > 1 else { return [s] }
            return (0..<scalars.count - 1).map { String(scalars: scalars[$0...$0 + 1]) }
        }
        let pa = pairs(a), pb = pairs(b)
        var counts: [String: Int] = [:]
        for p in pa { counts[p, default: 0] += 1 }
        var shared = 0
        for p in pb where (counts[p] ?? 0) > 0 { counts[p]! -= 1; shared += 1 }
        return pa.count + pb.count == 0 ? 0 : 2 * Double(shared) / Double(pa.count + pb.count)
    }

    // MARK: renderings

    static func text(_ report: Report, _ trends: Trends) -> String {
        let (title, parts) = parts(report, trends)
        let renderer = TextReportRenderer()
        var out = "compare: \(title)\n" + String(repeating: "═", count: 80) + "\n"
        for (index, entry) in trends.documents.enumerated() {
            out += "  \(index == 0 ? "old" : "new"): \(entry.source) (\(entry.date ?? "undated"), \(NumberText.grouped(entry.characters)) characters)\n"
        }
        for part in parts {
            let heading = "── \(part.title) "
            out += "\n" + heading + String(repeating: "─", count: max(0, 80 - DisplayWidth.of(heading))) + "\n"
            out += part.blocks.map(renderer.render).joined()
        }
        return out
    }

    static func markdown(_ report: Report, _ trends: Trends) -> String {
        let (title, parts) = parts(report, trends)
        var out = "# compare: \(MarkdownReportRenderer.escape(title))\n\n"
        for (index, entry) in trends.documents.enumerated() {
            out += "- \(index == 0 ? "old" : "new"): \(MarkdownReportRenderer.escape(entry.source)) (\(entry.date ?? "undated"))\n"
        }
        for part in parts {
            out += "\n## \(MarkdownReportRenderer.escape(part.title))\n\n" + part.blocks.map(MarkdownReportRenderer.render).joined(separator: "\n")
        }
        return out
    }

    static func html(_ report: Report, _ trends: Trends) -> String {
        let (title, parts) = parts(report, trends)
        let e = HTMLReportRenderer.escape
        var body = "<h2>compare: \(e(title))</h2>\n<ul>"
        for (index, entry) in trends.documents.enumerated() {
            body += "<li>\(index == 0 ? "old" : "new"): \(e(entry.source)) (\(e(entry.date ?? "undated")))</li>"
        }
        body += "</ul>\n"
        for part in parts {
            body += "<section><h3>\(e(part.title))</h3>\n" + part.blocks.map(HTMLReportRenderer.render).joined() + "</section>\n"
        }
        return HTMLReportRenderer.page(body)
    }
}
