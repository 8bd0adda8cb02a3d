/// The lines of a small tab-separated resource (the formulation lexicon, the theme taxonomy, and
/// users' files in their formats). Read as an array of scalars: splitting on Characters and
/// trimming with Foundation took most of the start-up time of `analyze` on one small file.
public enum TabSeparated {
    /// Each line that is not blank and does not start with `#`, as its fields (split on tabs,
    /// at most `maxSplits` times) trimmed of spaces.
    public static func lines(_ text: String, maxSplits: Int = .max) -> [[String]] {
        let scalars = text.scalarArray
        var lines: [[String]] = []
        var lineStart = 0
        while lineStart < scalars.count {
            var lineEnd = lineStart
            while lineEnd < scalars.count && !isLineBreak(scalars[lineEnd]) { lineEnd += 1 }
            if lineEnd > lineStart && scalars[lineStart] != "#" {
                var fields: [String] = []
                var fieldStart = lineStart
                for index in lineStart..<lineEnd where scalars[index] == "\t" && fields.count < maxSplits {
                    fields.append(trimmed(scalars[fieldStart..<index]))
                    fieldStart = index + 1
                }
                fields.append(trimmed(scalars[fieldStart..<lineEnd]))
                if fields.contains(where: { !$0.isEmpty }) { lines.append(fields) }
            }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// `field` without the spaces (and tabs) around it, as Foundation's `.whitespaces` trims.
    static func trimmed(_ field: ArraySlice<Unicode.Scalar>) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = field.firstIndex(where: { !isSpace($0) }), let last = field.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars: field[first...last])
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }
}
