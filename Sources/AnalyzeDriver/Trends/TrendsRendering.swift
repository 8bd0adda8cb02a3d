import AnalyticsCore
import Foundation

/// Trends for people: a compact block per document (new, dropped, rising, falling), the
/// indicators, and in HTML line charts of the notable terms and a slogan × document heat map.
enum TrendsRendering {
    /// A short label for a trends document: its date, else its file name without the extension.
    static func label(_ entry: Trends.DocumentEntry) -> String {
        if let date = entry.date { return entry.grouped ? entry.source : date }
        let name = (entry.source as NSString).lastPathComponent
        return (name as NSString).deletingPathExtension.isEmpty ? name : (name as NSString).deletingPathExtension
    }

    /// Labels that tell documents apart: the date, with the file name when two share a date.
    static func labels(_ trends: Trends) -> [String] {
        let plain = trends.documents.map(label)
        var seen: [String: Int] = [:]
        for label in plain { seen[label, default: 0] += 1 }
        return zip(plain, trends.documents).map { label, entry in
            guard seen[label]! > 1, !entry.grouped else { return label }
            let name = ((entry.source as NSString).lastPathComponent as NSString).deletingPathExtension
            return label == name ? label : "\(label) \(name)"
        }
    }

    /// Terms whose rate rose (or fell) most from the document before: at least 1.5× and 0.5 per 10,000.
    static func moved(_ trends: Trends, at unit: Int, rising: Bool, limit: Int = 5) -> [String] {
        guard unit > 0 else { return [] }
        let moves = trends.terms.compactMap { term -> (String, Double)? in
            let before = term.perTenThousand[unit - 1], now = term.perTenThousand[unit]
            guard before > 0 && now > 0 else { return nil } // new and gone are listed on their own
            if rising, now >= before * 1.5, now - before >= 0.5 { return (term.term, now - before) }
            if !rising, now * 1.5 <= before, before - now >= 0.5 { return (term.term, before - now) }
            return nil
        }
        return moves.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    static func blocks(_ trends: Trends, report: Report) -> [RenderBlock] {
        let labels = labels(trends)
        var plain: [RenderBlock] = []
        let order = labels.joined(separator: ", ")
        plain.append(.note("\(trends.documents.count) \(trends.by == "document" ? "documents" : "periods (by \(trends.by))") in date order: \(DisplayWidth.truncate(order, to: 200))"))
        var fields: [RenderBlock.Field] = []
        for unit in 1..<trends.documents.count {
            let new = trends.new[unit - 1].terms.prefix(8).map(\.displayed)
            let gone = trends.gone[unit - 1].terms.prefix(5).map(\.term)
            var parts: [String] = []
            if !new.isEmpty { parts.append("new: " + new.joined(separator: "、")) }
            if !gone.isEmpty { parts.append("dropped: " + gone.joined(separator: "、")) }
            let up = moved(trends, at: unit, rising: true), down = moved(trends, at: unit, rising: false)
            if !up.isEmpty { parts.append("rising: " + up.joined(separator: "、")) }
            if !down.isEmpty { parts.append("falling: " + down.joined(separator: "、")) }
            fields.append(.init(labels[unit], parts.isEmpty ? "—" : parts.joined(separator: " · ")))
        }
        plain.append(.fields(fields))
        if !trends.indicators.isEmpty {
            plain.append(.table(headers: ["indicator", "unit", "values by date"], rows: trends.indicators.prefix(15).map { row in
                [row.label, row.unit ?? "", row.values.map { "\(labels[$0.document]) \($0.text)" }.joined(separator: " · ")]
            }))
        }
        return [.html(html(trends, labels: labels), fallback: plain)]
    }

    // MARK: HTML

    static func html(_ trends: Trends, labels: [String]) -> String {
        let e = HTMLReportRenderer.escape
        var out = "<div class=\"trends\">\n<p>\(trends.documents.count) \(trends.by == "document" ? "documents" : "periods") in date order.</p>\n"
        // New and dropped per document.
        out += "<table class=\"sortable\"><thead><tr><th>document</th><th>new</th><th>dropped</th><th>rising</th><th>falling</th></tr></thead><tbody>\n"
        for unit in 1..<trends.documents.count {
            let new = trends.new[unit - 1].terms.prefix(8).map { "<span title=\"score \($0.score), \($0.origin), ×\($0.count)\">\(e($0.displayed))</span>" }
            let gone = trends.gone[unit - 1].terms.prefix(5).map { e($0.term) }
            out += "<tr><th>\(e(labels[unit]))</th><td>\(new.joined(separator: "、"))</td><td>\(gone.joined(separator: "、"))</td>"
            out += "<td>\(moved(trends, at: unit, rising: true).map(e).joined(separator: "、"))</td><td>\(moved(trends, at: unit, rising: false).map(e).joined(separator: "、"))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<h4>Notable terms per 10,000 characters</h4>\n<div class=\"charts\" style=\"display:flex;flex-wrap:wrap;gap:1em\">\n"
        for term in trends.terms.prefix(12) { out += chart(term, labels: labels) }
        out += "</div>\n"
        out += heatMap(trends, labels: labels)
        if !trends.indicators.isEmpty {
            out += "<h4>Indicators</h4>\n<table class=\"sortable indicators\"><thead><tr><th>indicator</th><th>unit</th>"
                + labels.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in trends.indicators {
                out += "<tr><th>\(e(row.label))</th><td>\(e(row.unit ?? ""))</td>"
                for unit in labels.indices {
                    let values = row.values.filter { $0.document == unit }
                    let cell = values.map { value in
                        "<span title=\"\(e(value.source)) \(value.start)–\(value.end)\(value.targetSentence ? " (target sentence)" : "")\"\(value.targetSentence ? " style=\"font-weight:bold\"" : "")>\(e(value.text))</span>"
                    }.joined(separator: "<br>")
                    out += "<td>\(cell)</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody></table>\n"
        }
        return out + "</div>\n"
    }

    /// A small line chart of one term's rate by date, its first appearance marked.
    static func chart(_ term: Trends.Term, labels: [String]) -> String {
        let e = HTMLReportRenderer.escape
        let width = 260.0, height = 90.0, left = 30.0, bottom = 18.0, top = 14.0
        let values = term.perTenThousand
        let maximum = max(values.max() ?? 0, 0.01)
        let step = values.count > 1 ? (width - left - 6) / Double(values.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v / maximum) }
        let points = values.indices.map { "\(f(x($0))),\(f(y(values[$0])))" }.joined(separator: " ")
        var svg = "<svg class=\"chart\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(e(term.term))\">"
        svg += "<title>\(e(term.term)): \(values.map { f($0) }.joined(separator: ", ")) per 10,000 characters</title>"
        svg += "<text x=\"\(Int(left))\" y=\"11\" font-size=\"11\" fill=\"#c41e3a\">\(e(term.term)) (\(e(term.change)))</text>"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(f(height - bottom))\" x2=\"\(Int(width - 4))\" y2=\"\(f(height - bottom))\" stroke=\"#bbb\"/>"
        svg += "<text x=\"2\" y=\"\(f(top + 8))\" font-size=\"9\" fill=\"#666\">\(f(maximum))</text>"
        svg += "<polyline fill=\"none\" stroke=\"#c41e3a\" stroke-width=\"1.5\" points=\"\(points)\"/>"
        if let first = term.first {
            svg += "<circle cx=\"\(f(x(first)))\" cy=\"\(f(y(values[first])))\" r=\"3\" fill=\"#1e5bc4\"><title>first: \(e(labels[first]))</title></circle>"
        }
        if let firstLabel = labels.first, let lastLabel = labels.last {
            svg += "<text x=\"\(Int(left))\" y=\"\(Int(height - 4))\" font-size=\"9\" fill=\"#666\">\(e(String(firstLabel.prefix(10))))</text>"
            svg += "<text x=\"\(Int(width - 4))\" y=\"\(Int(height - 4))\" font-size=\"9\" fill=\"#666\" text-anchor=\"end\">\(e(String(lastLabel.prefix(10))))</text>"
        }
        return svg + "</svg>\n"
    }

    /// Slogans and formulations × documents, coloured by count, the first appearance outlined.
    static func heatMap(_ trends: Trends, labels: [String]) -> String {
        let e = HTMLReportRenderer.escape
        let rows = trends.terms.filter { ["known", "formula", "quoted", "discovered", "coined"].contains($0.origin) && $0.counts.filter { $0 > 0 }.count >= 1 }
            .sorted { ($0.first ?? 0, $0.term) < ($1.first ?? 0, $1.term) }.prefix(60)
        guard !rows.isEmpty else { return "" }
        let maximum = Double(max(rows.flatMap(\.counts).max() ?? 1, 1))
        var out = "<h4>Formulations × documents (count; outlined: first appearance)</h4>\n<table class=\"heatmap\"><tr><th></th>"
            + labels.map { "<th class=\"rotate\">\(e($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            out += "<tr><th>\(e(row.term))</th>"
            for (unit, count) in row.counts.enumerated() {
                let alpha = count > 0 ? f(Double(count) / maximum * 0.85 + 0.1) : "0"
                let outline = unit == row.first ? ";outline:2px solid #1e5bc4" : ""
                out += "<td class=\"heat\" style=\"background:rgba(196,30,58,\(alpha))\(outline)\" title=\"\(e(row.term)) · \(e(labels[unit])): \(count)\">\(count > 0 ? String(count) : "")</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    static func f(_ value: Double) -> String { NumberText.fixed(value, digits: 2) }

    // MARK: CSV (--table)

    static func termsCSV(_ trends: Trends) -> String {
        let labels = labels(trends)
        var rows = [["term", "origin", "change", "document", "label", "date", "source", "count", "perTenThousand"]]
        for term in trends.terms {
            for (unit, entry) in trends.documents.enumerated() {
                rows.append([term.term, term.origin, term.change, String(unit), labels[unit], entry.date ?? "", entry.source,
                             String(term.counts[unit]), NumberText.fixed(term.perTenThousand[unit], digits: 2)])
            }
        }
        return csv(rows)
    }

    static func indicatorsCSV(_ trends: Trends) -> String {
        let labels = labels(trends)
        var rows = [["subject", "unit", "document", "label", "date", "source", "value", "low", "high", "text", "start", "end", "modality", "targetSentence", "period"]]
        for row in trends.indicators {
            for value in row.values {
                rows.append([row.subject, row.unit ?? "", String(value.document), labels[value.document], trends.documents[value.document].date ?? "",
                             value.source, "\(value.value)", value.low.map { "\($0)" } ?? "", value.high.map { "\($0)" } ?? "", value.text,
                             String(value.start), String(value.end), value.modality ?? "", value.targetSentence ? "true" : "false", row.period ?? value.period ?? ""])
            }
        }
        return csv(rows)
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(CSVReportRenderer.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

extension Trends.ScoredTerm {
    /// The term as tables show it: with the term it replaces, and a comeback marked
    /// (适度宽松的货币政策 (replaces 稳健的货币政策)).
    var displayed: String {
        var text = term
        if let replaces { text += " (replaces \(replaces))" }
        if comeback == true { text += " (comeback)" }
        return text
    }
}
