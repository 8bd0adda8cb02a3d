import AnalyticsCore
import Foundation

/// Known formulations with their meaning: the shipped list (Resources/formulations.tsv) and any
/// user list in the same format (term, tab, meaning, tab, source; # comments).
struct FormulationLexicon: Sendable {
    struct Entry: Sendable {
        let term: String
        let scalars: [Unicode.Scalar]
        let meaning: String?
        let source: String?
    }

    let entries: [Entry]
    private let index: PhraseIndex

    init(entries: [Entry]) {
        var seen: Set<String> = []
        let unique = entries.reversed().filter { seen.insert($0.term).inserted }.reversed() // a later (user) entry wins
        self.entries = Array(unique)
        index = PhraseIndex(self.entries.map(\.scalars))
    }

    static func parse(_ text: String) -> [Entry] {
        TabSeparated.lines(text).compactMap { fields in
            guard let term = fields.first, !term.isEmpty else { return nil }
            return Entry(term: term, scalars: Array(term.unicodeScalars),
                         meaning: fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil,
                         source: fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil)
        }
    }

    /// The shipped lexicon plus the user's file, if any.
    static func load(userFile: String?) throws -> FormulationLexicon {
        var entries = parse(try ResourceLocator.text(of: "formulations.tsv", target: "SlogansPlugin", what: "the formulation lexicon"))
        if let userFile {
            guard let data = FileManager.default.contents(atPath: userFile) else {
                throw AnalyzerSetupError("cannot read the lexicon '\(userFile)' given to slogans.lexicon; check the path")
            }
            entries += parse(String(decoding: data, as: UTF8.self))
        }
        return FormulationLexicon(entries: entries)
    }

    /// Every occurrence of every entry, longest match at each position, not overlapping.
    func matches(in scalars: [Unicode.Scalar]) -> [(entry: Entry, span: TextSpan)] {
        index.longestMatches(in: scalars).map { (entries[$0.phrase], $0.span) }
    }
}
