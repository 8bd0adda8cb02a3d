/// The Markdown report, for pasting into notes: one heading per document and per analyzer.
public enum MarkdownReportRenderer {
    public static func render(_ report: Report) -> String {
        var out = "# analyze report\n"
        for document in report.documents {
            out += "\n## \(escape(document.source))\n\n"
            out += "\(NumberText.grouped(document.characters)) characters\n"
            for error in document.errors {
                out += "\n> **Error:** \(escape(error))\n"
            }
            for entry in document.entries {
                out += "\n### \(entry.id)\n"
                guard let source = document.document else { continue }
                for block in entry.result.rendering(for: source) {
                    out += "\n" + render(block)
                }
            }
        }
        if !report.corpus.isEmpty {
            out += "\n## Across \(report.documents.count) documents\n"
            for entry in report.corpus {
                out += "\n### \(entry.id)\n"
                for block in entry.blocks { out += "\n" + render(block) }
            }
        }
        return out
    }

    public static func render(_ block: RenderBlock) -> String {
        switch block {
        case .fields(let fields):
            return table(headers: ["", ""], rows: fields.map { [$0.label, $0.value] }, numeric: [])
        case let .table(headers, rows, numeric):
            return table(headers: headers, rows: rows, numeric: numeric)
        case .bars(let bars):
            let maximum = bars.map(\.value).max() ?? 0
            let rows = bars.map { bar -> [String] in
                let length = maximum > 0 ? Int((bar.value / maximum * 20).rounded()) : 0
                return [bar.label, bar.display, String(repeating: "█", count: max(length, bar.value > 0 ? 1 : 0))]
            }
            return table(headers: ["", "", ""], rows: rows, numeric: [1])
        case .outline(let items):
            return items.map { String(repeating: "  ", count: $0.level) + "- " + escape($0.text) + "\n" }.joined()
        case .note(let text):
            return escape(text) + "\n"
        case let .matrix(rowLabels, columnLabels, values):
            return render(RenderBlock.matrixAsTable(rowLabels, columnLabels, values))
        case .html(_, let fallback):
            return fallback.map(render).joined(separator: "\n")
        }
    }

    private static func table(headers: [String], rows: [[String]], numeric: Set<Int>) -> String {
        let header = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        let rule = "|" + headers.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        return header + rule + rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |\n" }.joined()
    }

    /// Escapes characters that Markdown would read as markup inside table cells and text.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": out += "\\\(character)"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
