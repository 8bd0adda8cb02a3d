/// The script of a single Unicode scalar, as analyzers need it: Han, Latin letters, digits,
/// punctuation, whitespace, or something else (kana, Hangul, emoji, symbols…).
public enum ScriptClass: String, Codable, Sendable, CaseIterable {
    case han, latin, digit, punctuation, whitespace, other

    /// Classifies a scalar; full-width Latin letters and digits count as Latin and digits.
    public static func of(_ scalar: Unicode.Scalar) -> ScriptClass {
        // The CJK unified ideographs block first: most of a Chinese text, and width folding
        // leaves it alone.
        if scalar.value &- 0x4E00 < 0x5200 { return .han }
        let folded = WidthFolding.fold(scalar)
        let value = folded.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .latin
            case 0x09...0x0D, 0x20: return .whitespace
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
            default: return .other
            }
        }
        if isHan(folded) { return .han }
        if isWhitespace(folded) { return .whitespace }
        switch value {
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: return .latin
        case 0x2000...0x206F, 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFF65, 0xA1...0xBF, 0x2E00...0x2E7F:
            return .punctuation
        default:
            return .other
        }
    }

    /// CJK unified ideographs, their extensions and compatibility ideographs, and 〇. Inlinable:
    /// plugins test every character of a document with it.
    @inlinable
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF, 0x2F800...0x2FA1F, 0x3007:
            return true
        default:
            return false
        }
    }

    /// ASCII and Unicode whitespace, including the ideographic space U+3000 used to indent paragraphs.
    @inlinable
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

/// Full-width to half-width folding for matching. It maps one scalar to one scalar, so offsets
/// computed on folded text are offsets into the original.
public enum WidthFolding {
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        default: return scalar
        }
    }

    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.map(fold))
        return String(result)
    }
}

/// Terminal column widths: East Asian wide and full-width characters take two columns.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0 // combining marks, zero-width
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// Pads `text` with spaces to `width` columns (left-aligned unless `alignRight`).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return alignRight ? padding + text : text + padding
    }

    /// Cuts `text` to at most `width` columns, ending with … when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if used + w > width - 1 { break }
            result.append(scalar)
            used += w
        }
        return String(result) + "…"
    }
}
