import AnalyticsCore

/// A slogan found at one place, before occurrences of the same text are gathered.
struct Candidate: Sendable {
    let kind: SloganKind
    let span: TextSpan
    var number: Double? = nil
    var head: String? = nil
    var meaning: String? = nil
    var source: String? = nil
    let reason: String
}

extension SloganKind {
    /// When one text is found by several finders, the most specific kind names it.
    var priority: Int {
        switch self {
        case .known: return 0
        case .formula: return 1
        case .quoted: return 2
        case .parallel: return 3
        case .repeated: return 4
        }
    }
}

enum Quotes {
    /// The closing quote for an opening one, or nil (a switch: this is asked of every character).
    @inline(__always)
    static func closing(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "“": return "”"
        case "‘": return "’"
        case "「": return "」"
        case "『": return "』"
        case "\"": return "\""
        default: return nil
        }
    }

    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { closing(for: scalar) != nil }

    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "\"": return true
        default: return false
        }
    }
}
