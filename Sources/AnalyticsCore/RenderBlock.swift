/// Renderer-neutral pieces of an analyzer's report section. An analyzer's result says what to
/// show; the text, Markdown (and later HTML) renderers decide how.
public enum RenderBlock: Sendable, Equatable {
    /// Label–value pairs, shown aligned.
    case fields([Field])
    /// A table; `numericColumns` are right-aligned.
    case table(headers: [String], rows: [[String]], numericColumns: Set<Int> = [])
    /// Labelled quantities shown as proportional bars.
    case bars([Bar])
    /// Indented lines: an outline.
    case outline([OutlineItem])
    /// A short paragraph of prose.
    case note(String)
    /// Values for rows × columns, shown as a heat map where the renderer can (HTML), else a table.
    case matrix(rowLabels: [String], columnLabels: [String], values: [[Double]])
    /// Markup the HTML renderer shows as given (inline SVG charts); the others show `fallback`.
    indirect case html(String, fallback: [RenderBlock])

    public struct Field: Sendable, Equatable {
        public let label: String
        public let value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        public let display: String
        public init(_ label: String, value: Double, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    public struct OutlineItem: Sendable, Equatable {
        public let level: Int
        public let text: String
        public init(level: Int, text: String) {
            self.level = level
            self.text = text
        }
    }
}

extension RenderBlock {
    /// A matrix as a plain table, for renderers without colour.
    static func matrixAsTable(_ rows: [String], _ columns: [String], _ values: [[Double]]) -> RenderBlock {
        .table(headers: [""] + columns, rows: zip(rows, values).map { label, row in [label] + row.map { $0 == 0 ? "" : NumberText.fixed($0, digits: 0) } },
               numericColumns: Set(1...max(1, columns.count)))
    }
}

/// Number formatting shared by results and renderers, independent of locale.
public enum NumberText {
    /// `value` with `digits` decimals, trailing zeros kept (stable widths in tables).
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        // Beyond 2^53 a Double has no decimals to show, and Int would overflow (a fuzzed 10^20).
        guard abs(value) < 9e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        let sign = value < 0 && rounded != 0 ? "-" : ""
        let whole = Int(rounded)
        guard digits > 0 else { return sign + String(whole) }
        let fraction = Int(((rounded - Double(whole)) * scale).rounded())
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// A whole number with thousands separators: 23,396.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
