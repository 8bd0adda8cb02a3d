import AnalyticsCore
import Foundation

/// Themes and the terms that signal them (Resources/themes.tsv, or the user's file in the same format).
struct Taxonomy: Sendable {
    struct Term: Sendable {
        let theme: Int
        let text: String
        let scalars: [Unicode.Scalar]
    }

    let themes: [String]
    /// Theme indices in order of name (reports list theme scores so).
    let themesByName: [Int]
    private let terms: [Term]
    private let index: PhraseIndex

    init(themes: [String], terms: [Term]) {
        self.themes = themes
        themesByName = themes.indices.sorted { themes[$0] < themes[$1] || themes[$0] == themes[$1] && $0 < $1 }
        self.terms = terms
        index = PhraseIndex(terms.map(\.scalars))
    }

    static func parse(_ text: String) -> Taxonomy {
        var themes: [String] = []
        var terms: [Term] = []
        for fields in TabSeparated.lines(text, maxSplits: 1) where fields.count == 2 && !fields[1].isEmpty {
            // A theme named on two lines is one theme with both lines' terms.
            let name = fields[0]
            let theme = themes.firstIndex(of: name) ?? themes.count
            if theme == themes.count { themes.append(name) }
            for term in fields[1].scalarArray.split(separator: " ") {
                let scalars = Array(term)
                terms.append(Term(theme: theme, text: String(scalars: scalars), scalars: scalars))
            }
        }
        return Taxonomy(themes: themes, terms: terms)
    }

    static func load(userFile: String?) throws -> Taxonomy {
        let path: String
        if let userFile {
            path = userFile
        } else {
            path = try ResourceLocator.requiredPath(of: "themes.tsv", target: "SectionsPlugin", what: "the theme taxonomy")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("cannot read the taxonomy '\(path)' given to sections.taxonomy; check the path")
        }
        let taxonomy = parse(String(decoding: data, as: UTF8.self))
        guard !taxonomy.themes.isEmpty else {
            throw AnalyzerSetupError("the taxonomy '\(path)' has no themes; write one a line: theme<TAB>terms separated by spaces")
        }
        return taxonomy
    }

    /// Every term occurrence in the text, left to right, longest match first, not overlapping:
    /// found once per document; sections then take the ones in their range.
    func matches(in scalars: [Unicode.Scalar]) -> [(span: TextSpan, term: Int)] {
        index.longestMatches(in: scalars).map { ($0.span, $0.phrase) }
    }

    func theme(ofTerm term: Int) -> Int { terms[term].theme }
    func text(ofTerm term: Int) -> String { terms[term].text }
}
