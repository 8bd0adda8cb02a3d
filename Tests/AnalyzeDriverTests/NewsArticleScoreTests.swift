import Foundation
import Testing
import AnalyticsCore
import SectionsPlugin
import SlogansPlugin

/// Scores sections and slogans on the newspaper articles of Tests/NewsArticles (written for this
/// project in the shapes newspapers use; each NN_name.txt has its reader's gold in NN_name.gold.json):
/// subhead recall and precision, the roles of front matter and inserts, slogan precision and recall,
/// slogan counts, and whether the themes given are sensible. Prints the figures; fails below the targets.
@Suite struct NewsArticleScoreTests {
    static let folder = packageRoot.appendingPathComponent("Tests/NewsArticles")

    struct Gold: Decodable {
        let roles: [[String]]
        let subheads: [String]
        let slogans: [String]
        let acceptable: [String]?
        let counts: [String: Int]?
        let notSlogans: [String]?
        let themes: [String: [String]]
    }

    struct Tally {
        var subheadsFound = 0, subheadsGold = 0, subheadsReported = 0
        var rolesRight = 0, rolesGold = 0, structureViolations: [String] = []
        var slogansReported = 0, slogansAcceptable = 0, slogansExpected = 0, slogansExpectedFound = 0
        var countsRight = 0, countsGold = 0, trapsReported: [String] = []
        var themesGiven = 0, themesSensible = 0
        var errors: [String] = []
    }

    static func articles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func score() throws -> Tally {
        var tally = Tally()
        for file in try articles() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let goldURL = folder.appendingPathComponent(file.replacingOccurrences(of: ".txt", with: ".gold.json"))
            let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: goldURL))
            let (document, analyzed) = try analyze(SectionsAnalyzer.self, text: text)
            let sections = try #require(analyzed as? SectionsResult).sections
            let slogans = try #require(try analyze(SlogansAnalyzer.self, text: text).1 as? SlogansResult).slogans
            let name = String(file.prefix(2))

            // Subheads: level-1 sections with a heading.
            let reported = sections.filter { $0.role == .section && $0.level == 1 && $0.heading != nil }.map { $0.heading! }
            tally.subheadsGold += gold.subheads.count
            tally.subheadsReported += reported.count
            tally.subheadsFound += gold.subheads.filter(reported.contains).count
            for miss in gold.subheads where !reported.contains(miss) { tally.errors.append("\(name) subhead missed: \(miss)") }
            for extra in reported where !gold.subheads.contains(extra) { tally.errors.append("\(name) subhead wrong: \(extra)") }

            // Roles: a section of that role starts with the gold prefix; bylines, boxes, datelines… are never titles or headed sections.
            func startText(_ section: Section) -> String { document.text(TextSpan(start: section.start, end: min(section.end, section.start + 40))) }
            for pair in gold.roles {
                let (role, prefix) = (pair[0], pair[1])
                tally.rolesGold += 1
                let matching = sections.filter { startText($0).hasPrefix(prefix) }
                if matching.contains(where: { $0.role.rawValue == role }) { tally.rolesRight += 1 } else {
                    tally.errors.append("\(name) role \(role) expected for \(prefix), got \(matching.map(\.role.rawValue))")
                }
                if role != "title" && role != "kicker" && role != "subtitle" && role != "column",
                   matching.contains(where: { $0.role == .title || ($0.role == .section && $0.heading != nil) }) {
                    tally.structureViolations.append("\(name) \(role) \(prefix)")
                }
            }

            // Slogans.
            let acceptable = Set(gold.slogans + (gold.acceptable ?? []))
            tally.slogansReported += slogans.count
            tally.slogansAcceptable += slogans.filter { acceptable.contains($0.text) }.count
            for slogan in slogans where !acceptable.contains(slogan.text) { tally.errors.append("\(name) slogan wrong: \(slogan.text) (\(slogan.kind.rawValue))") }
            tally.slogansExpected += gold.slogans.count
            tally.slogansExpectedFound += gold.slogans.filter { text in slogans.contains { $0.text == text } }.count
            for miss in gold.slogans where !slogans.contains(where: { $0.text == miss }) { tally.errors.append("\(name) slogan missed: \(miss)") }
            for (text, count) in gold.counts ?? [:] {
                tally.countsGold += 1
                let found = slogans.first { $0.text == text }?.count
                if found == count { tally.countsRight += 1 } else { tally.errors.append("\(name) count of \(text): \(found.map(String.init) ?? "-") not \(count)") }
            }
            for trap in gold.notSlogans ?? [] where slogans.contains(where: { $0.text == trap }) { tally.trapsReported.append("\(name) \(trap)") }

            // Themes: sections keyed by heading, or lead / body.
            for section in sections where section.theme != nil {
                let key = section.heading ?? (section.role == .lead ? "lead" : "body")
                tally.themesGiven += 1
                if gold.themes[key]?.contains(section.theme!) == true { tally.themesSensible += 1 } else {
                    tally.errors.append("\(name) theme of \(key): \(section.theme!) \(section.themeTerms)")
                }
            }
        }
        return tally
    }

    static func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.0f%% (%d/%d)", 100 * Double(part) / Double(whole), part, whole) }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path)))
    func newspaperArticlesMeetTheTargets() throws {
        let tally = try Self.score()
        print("""
            news articles (\(try Self.articles().count)):
              subheads recall \(Self.percent(tally.subheadsFound, tally.subheadsGold)), precision \(Self.percent(tally.subheadsFound, tally.subheadsReported))
              roles \(Self.percent(tally.rolesRight, tally.rolesGold)); box/byline/dateline… taken for titles or sections: \(tally.structureViolations)
              slogans precision \(Self.percent(tally.slogansAcceptable, tally.slogansReported)), recall \(Self.percent(tally.slogansExpectedFound, tally.slogansExpected)), counts \(Self.percent(tally.countsRight, tally.countsGold)), traps reported: \(tally.trapsReported)
              themes sensible \(Self.percent(tally.themesSensible, tally.themesGiven))
            """)
        for error in tally.errors { print("  · \(error)") }
        #expect(tally.subheadsFound * 100 >= tally.subheadsGold * 85)
        #expect(tally.subheadsFound * 100 >= tally.subheadsReported * 90)
        #expect(tally.structureViolations.isEmpty)
        #expect(tally.slogansAcceptable * 100 >= tally.slogansReported * 90)
        #expect(tally.slogansExpectedFound * 100 >= tally.slogansExpected * 80)
        #expect(tally.trapsReported.isEmpty)
        #expect(tally.themesSensible * 100 >= tally.themesGiven * 90)
    }
}
