import AnalyticsCore

/// Counts the terms of analysts' own lists (TSV files: term, category, note) in each document:
/// exact matches on the text, longest first, not split by segmentation. No code, no rebuild.
public struct TermsAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "terms",
        summary: "Occurrences of the terms in your own lists (TSV: term, category, note), with totals per category",
        highlightStyle: "background:#f3d1ff",
        options: [listsOption],
        examples: [
            AnalyzerExample("今年要培育«新质生产力»，推动«高质量发展»。", note: "terms of the shipped list, each with its span"),
            AnalyzerExample("坚持«大众创业万众创新»，深化«双创»示范。", note: "variants on one line (大众创业万众创新|双创) count as one term"),
            AnalyzerExample("推进«高质量发展»。", mustNotReport: ["质量发展"], note: "the longest listed term wins where terms overlap"),
            AnalyzerExample("实施«人工智能+»行动，MAIN STREET 不是 AI。", note: "a term is matched exactly as listed; + is part of it"),
        ]
    )

    static let listsOption = Option(files: "lists", default: [TermList.builtinName],
                                    help: "comma-separated TSV files (term<TAB>category<TAB>note, variants a|b, # comments); 'builtin' is the shipped list of policy terms")

    public let terms: [TrackedTerm]
    public let lists: [String]
    private let matcher: TermMatcher

    public init(options: OptionValues) throws {
        lists = options[Self.listsOption]
        terms = try TermList.load(lists)
        matcher = TermMatcher(terms)
    }

    /// An analyzer over terms given directly (tests, embedding programs).
    public init(terms: [TrackedTerm]) {
        lists = []
        self.terms = terms
        matcher = TermMatcher(terms)
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> TermsResult {
        var occurrences = Array(repeating: [TermOccurrence](), count: terms.count)
        for match in matcher.matches(in: document.scalars) {
            // Matching is exact, so the text is the variant's own string: no String per occurrence.
            occurrences[match.term].append(TermOccurrence(start: match.span.start, end: match.span.end, text: matcher.variants[match.variant]))
        }
        let found = terms.indices.filter { !occurrences[$0].isEmpty }.map { index in
            FoundTerm(term: terms[index].term, category: terms[index].category, note: terms[index].note,
                      count: occurrences[index].count, occurrences: occurrences[index])
        }
        return TermsResult(lists: lists, terms: found)
    }
}

/// Finds every variant of every term: leftmost, then longest, never overlapping. A variant that
/// begins or ends with a Latin letter or digit must not continue a Latin word there (AI is not
/// found in MAIN), so Latin terms match whole words.
struct TermMatcher: Sendable {
    private let index: PhraseIndex
    /// Phrase index → term index, and → the variant as listed.
    private let termOf: [Int]
    let variants: [String]

    init(_ terms: [TrackedTerm]) {
        var phrases: [[Unicode.Scalar]] = []
        var termOf: [Int] = []
        var variants: [String] = []
        for (termIndex, term) in terms.enumerated() {
            for variant in term.variants {
                phrases.append(Array(variant.unicodeScalars))
                termOf.append(termIndex)
                variants.append(variant)
            }
        }
        index = PhraseIndex(phrases)
        self.termOf = termOf
        self.variants = variants
    }

    func matches(in text: [Unicode.Scalar]) -> [(term: Int, variant: Int, span: TextSpan)] {
        var found: [(term: Int, variant: Int, span: TextSpan)] = []
        var position = 0
        while position < text.count {
            var taken = 0
            index.forEachPhrase(at: position, in: text, end: text.count) { length, phrase in
                guard Self.wholeLatinWord(text, position, position + length) else { return true }
                found.append((termOf[phrase], phrase, TextSpan(start: position, end: position + length)))
                taken = length
                return false
            }
            position += max(taken, 1)
        }
        return found
    }

    @inline(__always)
    private static func isLatinWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let script = ScriptClass.of(WidthFolding.fold(scalar))
        return script == .latin || script == .digit
    }

    private static func wholeLatinWord(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if isLatinWordScalar(text[start]), start > 0, isLatinWordScalar(text[start - 1]) { return false }
        if isLatinWordScalar(text[end - 1]), end < text.count, isLatinWordScalar(text[end]) { return false }
        return true
    }
}
