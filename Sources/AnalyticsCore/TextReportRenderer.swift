/// The terminal report: aligned for 80 columns (East Asian wide characters count two), with
/// bold headings only when colour is enabled (a TTY and no NO_COLOR).
public struct TextReportRenderer {
    public var width = 80
    public var useColor = false

    public init(width: Int = 80, useColor: Bool = false) {
        self.width = width
        self.useColor = useColor
    }

    public func render(_ report: Report) -> String {
        var out = ""
        for (index, document) in report.documents.enumerated() {
            if index > 0 { out += "\n" }
            out += render(document)
        }
        if !report.corpus.isEmpty {
            out += "\n" + bold("Across \(report.documents.count) documents") + "\n" + String(repeating: "═", count: width) + "\n"
            for entry in report.corpus {
                let title = "── \(entry.id) "
                out += "\n" + bold(title) + String(repeating: "─", count: max(0, width - DisplayWidth.of(title))) + "\n"
                for block in entry.blocks { out += render(block) }
            }
        }
        return out
    }

    public func render(_ report: DocumentReport) -> String {
        var out = bold(DisplayWidth.truncate(report.source, to: width - 20))
        out += "  (\(NumberText.grouped(report.characters)) characters)\n"
        out += String(repeating: "═", count: width) + "\n"
        for error in report.errors {
            out += red("error: ") + error + "\n"
        }
        for entry in report.entries {
            let title = "── \(entry.id) "
            out += "\n" + bold(title) + String(repeating: "─", count: max(0, width - DisplayWidth.of(title))) + "\n"
            if let document = report.document {
                for block in entry.result.rendering(for: document) {
                    out += render(block)
                }
            }
        }
        return out
    }

    public func render(_ block: RenderBlock) -> String {
        switch block {
        case .fields(let fields):
            let labelWidth = min(28, fields.map { DisplayWidth.of($0.label) }.max() ?? 0)
            return fields.map { "  " + DisplayWidth.pad($0.label, to: labelWidth) + "  " + $0.value + "\n" }.joined()
        case let .table(headers, rows, numeric):
            return table(headers: headers, rows: rows, numeric: numeric)
        case .bars(let bars):
            let labelWidth = min(24, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
            let valueWidth = bars.map { DisplayWidth.of($0.display) }.max() ?? 0
            let barWidth = max(10, width - labelWidth - valueWidth - 8)
            let maximum = bars.map(\.value).max() ?? 0
            return bars.map { bar in
                let length = maximum > 0 ? Int((bar.value / maximum * Double(barWidth)).rounded()) : 0
                return "  " + DisplayWidth.pad(DisplayWidth.truncate(bar.label, to: labelWidth), to: labelWidth)
                    + "  " + DisplayWidth.pad(bar.display, to: valueWidth, alignRight: true)
                    + "  " + String(repeating: "█", count: max(length, bar.value > 0 ? 1 : 0)) + "\n"
            }.joined()
        case .outline(let items):
            return items.map { item in
                let indent = String(repeating: "  ", count: item.level + 1)
                return DisplayWidth.truncate(indent + item.text, to: width) + "\n"
            }.joined()
        case .note(let text):
            return "  " + text + "\n"
        case let .matrix(rowLabels, columnLabels, values):
            return render(RenderBlock.matrixAsTable(rowLabels, columnLabels, values))
        case .html(_, let fallback):
            return fallback.map(render).joined()
        }
    }

    private func table(headers: [String], rows: [[String]], numeric: Set<Int>) -> String {
        let columns = headers.count
        var widths = (0..<columns).map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        let available = width - 2 - 2 * (columns - 1)
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            let padded = (0..<columns).map { column -> String in
                let cell = DisplayWidth.truncate(column < cells.count ? cells[column] : "", to: widths[column])
                return DisplayWidth.pad(cell, to: widths[column], alignRight: numeric.contains(column))
            }
            var text = "  " + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let rule = "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }

    private func bold(_ text: String) -> String { useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func red(_ text: String) -> String { useColor ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
}
