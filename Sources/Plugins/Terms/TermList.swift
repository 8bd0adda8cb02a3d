import AnalyticsCore
import Foundation

/// A term an analyst tracks: its name (the first variant), every variant counted as it, its
/// category and an optional note.
public struct TrackedTerm: Sendable, Equatable {
    public let term: String
    public let variants: [String]
    public let category: String
    public let note: String?
    /// Where it was declared, for messages: "FILE:LINE".
    public let origin: String
}

/// A user's term list does not parse: the file, the line and what is wrong.
public struct TermListError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}

/// Reads term lists: one term a line, `term<TAB>category[<TAB>note]`, variants separated by `|`,
/// `#` comments and blank lines skipped, an optional header line `term<TAB>category…`.
public enum TermList {
    /// The terms of one file's text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(TermListError) -> [TrackedTerm] {
        var terms: [TrackedTerm] = []
        var declared: [String: Int] = [:] // variant → line, to refuse a variant listed twice
        var lineNumber = 0
        for rawLine in lines(of: text) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if terms.isEmpty && declared.isEmpty && fields.first?.lowercased() == "term" { continue } // header
            func fail(_ problem: String) -> TermListError { TermListError(file: file, line: lineNumber, problem: problem) }
            guard fields.count >= 2 else {
                throw fail("expected 'term<TAB>category' (optionally <TAB>note), found no tab; separate the fields with a tab character")
            }
            guard fields.count <= 3 else { throw fail("expected at most 3 tab-separated fields (term, category, note), found \(fields.count)") }
            let variants = fields[0].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !variants.contains(where: \.isEmpty) else {
                throw fail(fields[0].isEmpty ? "the term is empty" : "an empty variant in '\(fields[0])'; variants are separated by a single |")
            }
            guard !fields[1].isEmpty else { throw fail("the category of '\(variants[0])' is empty") }
            for variant in variants {
                if let earlier = declared[variant] {
                    throw fail("'\(variant)' is already listed on line \(earlier); list each variant once")
                }
                declared[variant] = lineNumber
            }
            terms.append(TrackedTerm(term: variants[0], variants: variants, category: fields[1],
                                     note: fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil,
                                     origin: "\(file):\(lineNumber)"))
        }
        return terms
    }

    /// Lines split on \n, \r\n and \r, so a line count matches what an editor shows.
    private static func lines(of text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The terms of several lists in order; a variant in a later list takes it over from an
    /// earlier one (so a team's list can recategorise a shipped term).
    public static func merge(_ lists: [[TrackedTerm]]) -> [TrackedTerm] {
        var owner: [String: Int] = [:] // variant → index in `all`
        var all: [TrackedTerm] = []
        for term in lists.joined() {
            for variant in term.variants { owner[variant] = all.count }
            all.append(term)
        }
        return all.enumerated().compactMap { index, term in
            let kept = term.variants.filter { owner[$0] == index }
            guard let first = kept.first else { return nil }
            return kept.count == term.variants.count ? term
                : TrackedTerm(term: first, variants: kept, category: term.category, note: term.note, origin: term.origin)
        }
    }

    /// The name of the list shipped with the analyzer, usable among user lists.
    public static let builtinName = "builtin"

    /// The lists named in `terms.lists` (comma-separated paths, `builtin` for the shipped one).
    public static func load(_ names: [String]) throws -> [TrackedTerm] {
        var lists: [[TrackedTerm]] = []
        for name in names {
            let path: String
            if name == builtinName {
                path = try ResourceLocator.requiredPath(of: "policy-terms.tsv", target: "TermsPlugin", what: "the shipped term list")
            } else {
                path = name
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AnalyzerSetupError("cannot read the term list '\(name)' given to terms.lists; check the path")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw AnalyzerSetupError("the term list '\(name)' is not UTF-8 text; save it as UTF-8")
            }
            do {
                lists.append(try parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: name))
            } catch {
                throw AnalyzerSetupError("the term list \(error.description)")
            }
        }
        return merge(lists)
    }
}
