import AnalyticsCore
import Foundation
import FactsPlugin
import KeywordsPlugin
import SlogansPlugin
import TermsPlugin

/// `trends.*` options: a driver option group (`DriverOptionGroup`), not an analyzer's.
public struct TrendsOptions: Sendable, Equatable {
    /// The id its options go under: `--option trends.by=year`.
    public static let id = "trends"
    public enum Grouping: String, Sendable, CaseIterable { case document, day, week, month, year }
    /// nil: per document up to `maximumPoints` documents, else the finest period with at most that many.
    public var by: Grouping?
    /// Terms kept in `terms` (the notable ones).
    public var top: Int
    /// Terms per document in `new` and `gone`.
    public var perDocument: Int
    /// Indicator rows kept.
    public var indicators: Int
    /// Look for new phrases beyond keywords and slogans (NoveltyFinder).
    public var discover: Bool
    /// `trends.enabled=false`: no trends (the corpus section as before).
    public var enabled: Bool
    /// Force this order instead of dates (compare: OLD, NEW).
    public var inputOrder = false
    /// Terms tracked in every document besides keywords and slogans (the driver gives the shipped
    /// policy terms when the terms analyzer did not run); nil: none.
    public var policyTerms: [String]?
    /// Terms whose heads are looked for with other modifiers (ReplacementFinder) besides the run's
    /// strong terms: the shipped policy terms, given by the driver; nil: none.
    public var stanceTerms: [String]?
    static let maximumPoints = 50

    /// The defaults `specs` declare.
    public init() { self.init(checked: OptionValues(specs: Self.specs)) }

    static let summary = "trends over two or more documents: dates, what is new, gone, rising and falling, indicators (and analyze compare)"

    /// The `trends.*` options, declared as analyzers declare theirs (`DriverOptionGroup`).
    static let specs: [OptionSpec] = [
        OptionSpec("by", .choice(Grouping.allCases.map(\.rawValue)), default: nil,
                   help: "group documents by period; default: per document up to 50 documents, else the finest period with at most 50 points"),
        topOption.spec, perDocumentOption.spec, indicatorsOption.spec, discoverOption.spec, enabledOption.spec,
    ]
    static let topOption = Option(integer: "top", in: 0...100_000, default: 100, help: "notable terms kept in trends.terms")
    static let perDocumentOption = Option(integer: "per-document", in: 0...100_000, default: 20, help: "terms per document in the new and gone lists")
    static let indicatorsOption = Option(integer: "indicators", in: 0...100_000, default: 40, help: "indicator rows kept")
    static let discoverOption = Option(flag: "discover", default: true, help: "look for new phrases beyond keywords, slogans and tracked terms")
    static let enabledOption = Option(flag: "enabled", default: true, help: "false leaves trends out of the corpus section")
    public static let keys = specs.map(\.key)
    /// The driver's option group these options form (`DriverOptionGroup.all`).
    static let group = DriverOptionGroup(id: id, summary: summary, options: specs)

    /// Parses `--option trends.KEY=VALUE` values, checked against `specs` by the check every
    /// `--option` goes through (the message names the valid choices, as for an analyzer's options).
    init(_ values: [String: String]) throws(UsageError) {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            do {
                _ = try OptionError.spec(id: Self.id, key: key, value: value, among: Self.specs)
            } catch {
                throw UsageError(message: error.message)
            }
        }
        self.init(checked: OptionValues(values, specs: Self.specs))
    }

    /// The values read typed; `options` are checked (a value that does not parse reads as the default).
    private init(checked options: OptionValues) {
        by = options.string("by").flatMap(Grouping.init(rawValue:))
        top = options[Self.topOption]
        perDocument = options[Self.perDocumentOption]
        indicators = options[Self.indicatorsOption]
        discover = options[Self.discoverOption]
        enabled = options[Self.enabledOption]
    }
}

/// Builds `Trends` from a finished report: dates and order, the tracked terms and their counts in
/// every document, new and gone terms, and indicators.
public enum TrendsBuilder {
    /// One column of the trends: a document, or a period's documents.
    struct Unit {
        var label: String
        var date: DocumentDate?
        var origin: String?
        var members: [Int]
        var from: DocumentDate?
        var to: DocumentDate?
    }

    /// A tracked term and where it came from (the strongest source when several name it).
    struct Origin {
        var name: String
        var strength: Double
    }

    /// Trends over the report's analysed documents, or nil with fewer than two.
    public static func build(_ report: Report, recordDates: [Int: String] = [:], overrides: [String: DocumentDate] = [:],
                             options: TrendsOptions = TrendsOptions(), segmenter: Segmenter? = nil) -> Trends? {
        let analysed = report.documents.indices.filter { report.documents[$0].document != nil }
        guard analysed.count > 1 else { return nil }
        var clock = StageClock()
        let dates = analysed.map { index -> DocumentDate? in
            let document = report.documents[index]
            return DocumentDating.date(source: document.source, scalars: document.document!.scalars,
                                       record: recordDates[index], overrides: overrides)
        }
        let order = options.inputOrder ? Array(analysed.indices) : DocumentDating.order(dates)
        let (grouping, units) = group(order.map { (analysed[$0], dates[$0], report.documents[analysed[$0]].source) }, by: options.by)

        // Tracked terms: every document's keywords and slogans, then new phrases.
        var termIndex: [String: Int] = [:]
        var terms: [String] = []
        var origins: [Origin] = []
        func track(_ term: String, _ origin: Origin) {
            guard !term.isEmpty else { return }
            if let index = termIndex[term] {
                if origin.strength > origins[index].strength { origins[index] = origin }
            } else {
                termIndex[term] = terms.count
                terms.append(term)
                origins.append(origin)
            }
        }
        // Segments quoted slogans (a compound in quotes is a term the report marks; a common word
        // in quotes a figure of speech) and new stretches.
        let words = segmenter ?? (try? Segmenter.shipped())
        for index in analysed {
            for entry in report.documents[index].entries {
                if let keywords = entry.result as? KeywordsResult {
                    for keyword in keywords.keywords { track(keyword.term, Origin(name: "keyword", strength: keywordStrength(keyword.term))) }
                } else if let slogans = entry.result as? SlogansResult {
                    // Parallel clauses and repetitions are each report's own wording, rarely a
                    // term across documents; left out they cost nothing to count.
                    for slogan in slogans.slogans where slogan.kind != .parallel && slogan.kind != .repeated {
                        let strength = slogan.kind == .quoted ? quotedStrength(slogan.text, segmenter: words) : sloganStrength(slogan.kind)
                        track(slogan.text, Origin(name: slogan.kind.rawValue, strength: strength))
                    }
                } else if let listed = entry.result as? TermsResult {
                    for found in listed.terms { track(found.term, Origin(name: "tracked", strength: trackedStrength)) }
                }
            }
        }
        // Without the terms analyzer, the shipped list of policy terms is tracked all the same: a
        // signature term said once (新质生产力 in 2024) is then new in its year even where no
        // keyword or slogan names it. Counting them is one more phrase each in the count pass.
        if let shipped = options.policyTerms {
            for term in shipped { track(term, Origin(name: "tracked", strength: trackedStrength)) }
        }
        if options.discover, units.count <= 2047, let segmenter = words {
            let documents = units.map { $0.members.compactMap { report.documents[$0].document } }
            let finder = NoveltyFinder(segmenter: segmenter, units: documents)
            // Units are independent once the trigram table is built: on the cores the run may use.
            let found = ConcurrentSlots<[NoveltyFinder.Candidate]>(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { position in
                found.set(position, position == 0 ? [] : finder.discover(unit: position, in: documents[position]))
            }
            for position in documents.indices.dropFirst() {
                for candidate in found.get(position) {
                    track(candidate.term, Origin(name: candidate.coined && candidate.words >= 2 ? "coined" : "discovered", strength: discoveredStrength(candidate)))
                }
            }
        }

        clock.lap("tracked terms and new phrases (\(terms.count))")
        // Counts: every occurrence of every tracked term's string, per document, summed per unit.
        // Discovered phrases are watched for chance cuts (a piece of a longer string, never apart from it).
        let discovered = Set(terms.indices.filter { origins[$0].name == "discovered" || origins[$0].name == "coined" })
        let (counts, attached, headed) = countOccurrences(of: terms, in: units.map { $0.members.compactMap { report.documents[$0].document } }, watching: discovered)
        // Said twice or more the year it is new, and each time before the same character: most
        // likely the start of a longer expression, weighed as the other likely cuts (half).
        for term in headed { origins[term].strength *= 0.5 }
        let characters = units.map { $0.members.reduce(0) { $0 + report.documents[$1].characters } }
        let series = Series(counts: counts, characters: characters)
        clock.lap("counting")
        let fragments = fragmentsOf(terms, discovered: discovered.sorted(), series: series).union(attached)
        clock.lap("fragments")

        // Each unit's candidates from one pass over the terms (a pass per unit over every term
        // cost O(terms × units) row lookups).
        var newCandidates = [[Int]](repeating: [], count: units.count)
        var goneCandidates = [[Int]](repeating: [], count: units.count)
        for term in terms.indices where !fragments.contains(term) {
            let row = series.counts[term]
            if series.firsts[term] > 0 { newCandidates[series.firsts[term]].append(term) }
            for unit in row.indices.dropFirst() where row[unit] == 0 && row[unit - 1] > 0 { goneCandidates[unit].append(term) }
        }
        // Stances restated (稳健的货币政策 → 适度宽松的货币政策): new forms of the previous unit's terms.
        let restated = words.map { replacements(series, terms, origins, fragments, units.map { $0.members.compactMap { report.documents[$0].document } },
                                                 stanceTerms: options.stanceTerms ?? [], termIndex: termIndex, segmenter: $0) }
        clock.lap("restated stances")
        let newLists = (1..<max(units.count, 1)).map { unit in
            Trends.DocumentTerms(document: unit, terms: withReplacements(newTerms(at: unit, newCandidates[unit], series, terms, origins, limit: options.perDocument),
                                                                          restated?[unit] ?? [], limit: options.perDocument))
        }
        let goneLists = (1..<max(units.count, 1)).map { unit in
            Trends.DocumentTerms(document: unit, terms: goneTerms(at: unit, goneCandidates[unit], series, terms, origins, limit: options.perDocument))
        }
        let kept = notable(series, terms, termIndex, newLists: newLists, goneLists: goneLists, limit: options.top)
        let termRows = kept.map { index in
            Trends.Term(term: terms[index], counts: series.counts[index], perTenThousand: series.rates(index).map { rounded($0, 2) },
                        first: series.first(index), last: series.last(index), change: series.change(index), origin: origins[index].name)
        }
        let entries = units.map { unit in
            Trends.DocumentEntry(source: unit.label, date: unit.date?.iso, dateSource: unit.origin,
                                 characters: unit.members.reduce(0) { $0 + report.documents[$1].characters },
                                 inputs: unit.members, from: grouping != .document ? unit.from?.iso : nil,
                                 to: grouping != .document ? unit.to?.iso : nil, grouped: grouping != .document)
        }
        clock.lap("new, gone, notable")
        let indicators = IndicatorTable.build(report: report, units: units.map(\.members), limit: options.indicators, segmenter: words)
        clock.lap("indicators")
        return Trends(by: grouping.rawValue, documents: entries, terms: termRows, new: newLists, gone: goneLists, indicators: indicators)
    }

    // MARK: strength of a term by what it is

    static func sloganStrength(_ kind: SloganKind) -> Double {
        switch kind {
        case .known: return 3
        case .formula, .quoted: return 2.5
        default: return 0.5 // parallel clauses and repetitions: each report's own, rarely a headline
        }
    }

    /// Quoted by the report itself: a compound — two words or more, or a word the dictionary
    /// lacks (僵尸企业, 厕所革命, 揭榜挂帅, 最多跑一次; a long one less, 中国制造2025) — is a term the report names and
    /// marks as its own, above a known formulation; one common two-character word in quotes
    /// (蛋糕, 面子, 减法, 草根) is a figure of speech, below a keyword of four characters. Other
    /// single words (十三五, 米袋子, 地条钢) keep the quoted weight. Measured on the State Council
    /// reports 2004–2025 (README "Trends", session s19).
    static func quotedStrength(_ text: String, segmenter: Segmenter?) -> Double {
        let base = sloganStrength(.quoted)
        guard let segmenter else { return base }
        let scalars = Array(text.unicodeScalars)
        let tokens = segmenter.tokens(in: scalars).filter { $0.kind != .whitespace }
        // Long quotes are more often clauses than names, as for discovered phrases (`shape`).
        let compound = quotedCompoundStrength * (scalars.count <= 6 ? 1 : scalars.count <= 8 ? 0.8 : 0.6)
        guard tokens.count == 1, let token = tokens.first else { return tokens.count > 1 ? compound : base }
        guard token.kind == .word, token.wordID >= 0 else { return token.kind == .word ? compound : base }
        let numeral = scalars.contains { Self.numeralCharacters.contains($0) }
        return scalars.count == 2 && !numeral ? quotedFigureStrength : base
    }

    static let quotedCompoundStrength = 3.5
    static let quotedFigureStrength = 1.2
    /// Numbered formulations (两基, 三农, 十五) are terms even as one dictionary word.
    static let numeralCharacters: Set<Unicode.Scalar> = Set("一二两三四五六七八九十百千万双".unicodeScalars)

    /// A term of an analyst's list (or the shipped policy terms) is what the reader asked to
    /// follow: above a known formulation (3) and any phrase found by chance, so one said once
    /// still heads its year's list.
    static let trackedStrength = 4.5

    static func keywordStrength(_ term: String) -> Double {
        term.unicodeScalars.count >= 4 ? 1.5 : 1
    }

    /// A phrase of several words above a single new word; names of places, people and times lowest.
    static func discoveredStrength(_ candidate: NoveltyFinder.Candidate) -> Double {
        if candidate.words >= 2 { return (candidate.coined ? 3 : 2) * shape(candidate) }
        if let tag = candidate.tag, ["ns", "nr", "nrt", "nrfg", "nt", "t", "m"].contains(tag) { return 0.3 }
        return candidate.tag == nil ? 1.2 : 0.8
    }

    /// Headline terms are short names of things (低空经济, 新赛道, 工匠精神); a long stretch found
    /// new is more often a clause (重点产业链高质量发展), and one that opens with a verb and runs
    /// on is an action on an object (弘扬教育家精神). Short verb-object formulas keep their weight
    /// (提振消费, 稳外贸). Measured on the State Council reports 2013–2025 (README "Trends").
    static func shape(_ candidate: NoveltyFinder.Candidate) -> Double {
        let length = candidate.term.unicodeScalars.count
        var factor = length <= 6 ? 1 : length <= 8 ? 0.8 : 0.6
        if candidate.opensWithVerb && length >= 6 { factor *= 0.6 }
        // A coined phrase may end in one character (营改增); a combination of known words that
        // does is mostly cut inside a longer expression (规模性返贫 → 规模性).
        if candidate.endsWithSingle && !candidate.coined { factor *= 0.5 }
        // New only where a verb or adjective meets an older phrase (壮大新动能): the older phrase
        // is the term, and it was new in an earlier year; weighed as a likely cut, like the above.
        if candidate.modifiesOlder { factor *= 0.5 }
        // A short name ending in a policy head noun (低空经济, 教育强国, 工匠精神) is a formulation's
        // shape more than an ordinary combination of generic words (政务服务, 物流体系); not after a
        // verb or verbal noun (管理改革, an action named by two actions).
        if candidate.endsWithHead && length <= 6 && !candidate.modifiesOlder && !candidate.opensWithVerb { factor *= headFactor }
        return factor
    }

    static let headFactor = 1.25

    // MARK: grouping

    static func group(_ ordered: [(input: Int, date: DocumentDate?, source: String)], by requested: TrendsOptions.Grouping?) -> (TrendsOptions.Grouping, [Unit]) {
        let grouping = requested ?? defaultGrouping(ordered.map(\.date))
        guard grouping != .document else {
            return (.document, ordered.map { Unit(label: $0.source, date: $0.date, origin: $0.date?.origin.rawValue, members: [$0.input], from: $0.date, to: $0.date) })
        }
        var units: [Unit] = []
        var undated: [Int] = []
        for item in ordered {
            guard let date = item.date else { undated.append(item.input); continue }
            let key = periodLabel(date, grouping)
            if let lastIndex = units.indices.last, units[lastIndex].label == key {
                units[lastIndex].members.append(item.input)
                units[lastIndex].to = date
            } else {
                units.append(Unit(label: key, date: periodStart(date, grouping), origin: "period", members: [item.input], from: date, to: date))
            }
        }
        if !undated.isEmpty { units.append(Unit(label: "undated", date: nil, origin: nil, members: undated, from: nil, to: nil)) }
        return (grouping, units)
    }

    /// Per document up to 50 documents, else the finest period that gives at most 50 points.
    static func defaultGrouping(_ dates: [DocumentDate?]) -> TrendsOptions.Grouping {
        guard dates.count > TrendsOptions.maximumPoints else { return .document }
        let dated = dates.compactMap { $0 }
        for grouping in [TrendsOptions.Grouping.day, .week, .month] {
            if Set(dated.map { periodLabel($0, grouping) }).count <= TrendsOptions.maximumPoints { return grouping }
        }
        return .year
    }

    static func periodLabel(_ date: DocumentDate, _ grouping: TrendsOptions.Grouping) -> String {
        switch grouping {
        case .document, .day: return date.iso
        case .month: return DocumentDate(year: date.year, month: date.month ?? 1, origin: date.origin)!.iso
        case .year: return String(date.year)
        case .week:
            // ISO-like weeks starting on Monday: labelled by their Monday.
            let day = date.dayNumber
            let monday = day - ((day % 7 + 10) % 7) // 1970-01-01 was a Thursday
            return isoDay(monday)
        }
    }

    static func periodStart(_ date: DocumentDate, _ grouping: TrendsOptions.Grouping) -> DocumentDate? {
        let label = periodLabel(date, grouping)
        return DocumentDating.fromRecord(label).flatMap { DocumentDate(year: $0.year, month: $0.month, day: $0.day, origin: date.origin) }
    }

    static func isoDay(_ days: Int) -> String {
        // Howard Hinnant's civil_from_days.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return DocumentDate(year: y, month: m, day: d, origin: .name)?.iso ?? String(y)
    }

    // MARK: counting

    /// counts[term][unit]: every occurrence of the term's string (overlaps included: 发展 inside 高质量发展).
    static func countOccurrences(of terms: [String], in units: [[Document]]) -> [[Int]] {
        countOccurrences(of: terms, in: units, watching: []).counts
    }

    /// Three answers in one pass: `counts`, each term's occurrences per unit; `attached`, the
    /// `watching` terms that are not units of their own: every one of their two or more
    /// occurrences in the run has the same Han character on the left, or the same on the right
    /// (乡村全面 always before 振兴, 者多得 always after 多劳, 碳达峰碳中 before 和) — a string that
    /// never occurs apart from its neighbour is a piece of a longer one, cut at a chance word
    /// boundary (the "accessor variety" of word extraction, at its lowest); `headed`, the watched
    /// terms that in the first unit having them are always followed by the same character
    /// (`Neighbours.isFollowed`).
    static func countOccurrences(of terms: [String], in units: [[Document]], watching watchedTerms: Set<Int>) -> (counts: [[Int]], attached: Set<Int>, headed: Set<Int>) {
        let trie = TermTrie(terms.map { Array($0.unicodeScalars) })
        var watching = [Bool](repeating: false, count: terms.count)
        for term in watchedTerms { watching[term] = true }
        let watched = watching
        let documents = units.enumerated().flatMap { unit, members in members.map { (unit, $0) } }
        // Per document: (term, count) for the terms found, counted in a dense scratch row that
        // is reset through the list of terms it touched (sorting the matches cost more).
        let partial = ConcurrentSlots<[(term: Int32, count: Int32)]>(count: documents.count)
        // Watched terms' neighbours, per document as a list (term, left, right), merged after.
        let neighbours = ConcurrentSlots<[(term: Int32, left: Unicode.Scalar?, right: Unicode.Scalar?)]>(count: documents.count)
        let pool = ScratchPool(size: terms.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { position in
            var row = pool.take()
            var touched: [Int32] = []
            var seen: [(term: Int32, left: Unicode.Scalar?, right: Unicode.Scalar?)] = []
            let s = documents[position].1.scalars
            trie.forEachMatch(in: s) { term, start, end in
                if row[Int(term)] == 0 { touched.append(term) }
                row[Int(term)] += 1
                if watched[Int(term)] {
                    seen.append((term, start > 0 ? s[start - 1] : nil, end < s.count ? s[end] : nil))
                }
            }
            touched.sort()
            partial.set(position, touched.map { term in
                defer { row[Int(term)] = 0 }
                return (term, row[Int(term)])
            })
            neighbours.set(position, seen)
            pool.give(row)
        }
        let width = units.count
        var flat = [Int](repeating: 0, count: terms.count * width)
        var context = [Neighbours](repeating: Neighbours(), count: watchedTerms.isEmpty ? 0 : terms.count)
        // The same, over the first unit that has the term only (the year it is new).
        var opening = context, openingUnit = [Int](repeating: -1, count: context.count)
        for (position, document) in documents.enumerated() {
            for found in partial.get(position) { flat[Int(found.term) * width + document.0] += Int(found.count) }
            for seen in neighbours.get(position) {
                let term = Int(seen.term)
                context[term].add(left: seen.left, right: seen.right)
                if openingUnit[term] < 0 { openingUnit[term] = document.0 }
                if openingUnit[term] == document.0 { opening[term].add(left: seen.left, right: seen.right) }
            }
        }
        // A name ending in a policy head noun may stand before the same word every time (分享经济发展,
        // twice in its only year): only its left side tells a cut.
        let named = Set(watchedTerms.filter { NoveltyFinder.endsWithHead(Array(terms[$0].unicodeScalars)) })
        let attached = Set(context.indices.filter { named.contains($0) ? context[$0].isAttachedOnTheLeft : context[$0].isAttached })
        let headed = Set(opening.indices.filter { opening[$0].isFollowed && !attached.contains($0) && !named.contains($0) })
        return (terms.indices.map { Array(flat[$0 * width..<($0 + 1) * width]) }, attached, headed)
    }

    /// The characters around a term's occurrences: one Han scalar while every occurrence has
    /// the same, else `varied` (so is an edge of the text or a non-Han neighbour).
    struct Neighbours {
        static let varied: UInt32 = .max
        var left: UInt32 = 0
        var right: UInt32 = 0
        var occurrences = 0

        private static func combine(_ a: UInt32, _ b: UInt32) -> UInt32 { a == 0 ? b : b == 0 || a == b ? a : varied }
        private static func value(_ scalar: Unicode.Scalar?) -> UInt32 {
            guard let scalar, ScriptClass.isHan(scalar) else { return varied }
            return scalar.value
        }

        mutating func add(left: Unicode.Scalar?, right: Unicode.Scalar?) {
            self.left = Self.combine(self.left, Self.value(left))
            self.right = Self.combine(self.right, Self.value(right))
            occurrences += 1
        }

        var isAttached: Bool { occurrences >= 2 && (left != Self.varied || right != Self.varied) }
        var isAttachedOnTheLeft: Bool { occurrences >= 2 && left != Self.varied }

        /// Two or more occurrences, always before the same Han character, not a function word
        /// (棚户区住房 before 改造, 基层群众 before 自治, 高端装备 before 制造): the start of a longer
        /// expression. Only the right side: a term after the same verb every time is common
        /// (建设创新型国家), a name cut before its head is not.
        var isFollowed: Bool {
            occurrences >= 2 && right != Self.varied && right != 0
                && !NoveltyFinder.functionCharacters.contains(Unicode.Scalar(right) ?? " ")
        }
    }

    // MARK: new, gone, notable

    /// The keywords' reference (term spread over the report corpus: README Keywords "The reference"),
    /// read once when a run first needs it; nil when it is not beside the binary.
    static let genreReference: ReferenceFrequencies? = try? KeywordsReference.shippedTable.get()
    /// Above this share of the reference's documents a term is the genre's ordinary vocabulary.
    static let genreShare = 0.4
    /// 1 up to `genreShare`, then down by 2.5 per unit of share to a floor of a quarter (0.7 and more):
    /// 全社会 (in 77% of the reports) weighs a quarter, 重点行业 (53%) two thirds.
    static func genreWeight(_ share: Double) -> Double {
        share <= genreShare ? 1 : max(0.25, 1 - 2.5 * (share - genreShare))
    }

    /// `candidates`: the terms (not fragments) whose first unit is `unit`.
    static func newTerms(at unit: Int, _ candidates: [Int], _ series: Series, _ terms: [String], _ origins: [Origin], limit: Int,
                         genre: ReferenceFrequencies? = genreReference) -> [Trends.ScoredTerm] {
        let later = series.units - unit - 1
        var scored: [Trends.ScoredTerm] = []
        for term in candidates {
            let kept = (unit + 1..<series.units).filter { series.counts[term][$0] > 0 }.count
            let persistence = later > 0 ? Double(kept) / Double(later) : 0
            // Uptake: how much the later documents use it (a new formulation is repeated after).
            let uptake = later > 0 ? log2(1 + Double((unit + 1..<series.units).reduce(0) { $0 + series.counts[term][$1] }) / Double(later)) : 0
            let count = series.counts[term][unit]
            let strength = origins[term].strength
            // A word the genre uses in most documents (全社会, 重点行业) is no news however new here.
            let share = genre?.share(containing: terms[term]) ?? 0
            let score = strength * (1 + 2 * persistence + 2 * uptake) * (1 + 0.5 * log2(Double(count))) * genreWeight(share)
            var entry = Trends.ScoredTerm(term: terms[term], count: count, score: rounded(score, 3), origin: origins[term].name,
                                          strength: strength, persistence: rounded(persistence, 3), kept: kept, later: later)
            if share > genreShare { entry.genreShare = rounded(share, 3) }
            scored.append(entry)
        }
        return top(scored, limit)
    }

    /// Terms of this strength or more (a formulation, a quoted or tracked term) are looked at for a
    /// restated form: keywords and chance phrases are not stances.
    static let restatableStrength = 2.5

    /// Per unit, the forms that restate a term of the previous unit (`ReplacementFinder`), scored
    /// as new terms at twice the strength of the term they replace: a changed stance is the
    /// headline. A form the previous unit already had is none; one an earlier unit had is a comeback.
    static func replacements(_ series: Series, _ terms: [String], _ origins: [Origin], _ fragments: Set<Int>, _ units: [[Document]],
                             stanceTerms: [String], termIndex: [String: Int], segmenter: Segmenter) -> [[Trends.ScoredTerm]] {
        let finder = ReplacementFinder(segmenter: segmenter)
        // The heads of the run's strong terms (货币政策 of 稳健的货币政策), said or not.
        let splits = terms.indices.compactMap { term -> ReplacementFinder.Split? in
            guard origins[term].strength >= restatableStrength, !fragments.contains(term) else { return nil }
            return finder.split(terms[term], index: term)
        } + stanceTerms.enumerated().compactMap { termIndex[$1] == nil ? finder.split($1, index: terms.count + $0) : nil }
        let found = finder.find(splits: splits, units: units)
        let forms = Array(Set(found.flatMap { $0.map(\.form) })).sorted()
        guard !forms.isEmpty else { return units.map { _ in [] } }
        let counts = countOccurrences(of: forms, in: units)
        let row = Dictionary(uniqueKeysWithValues: forms.enumerated().map { ($1, counts[$0]) })
        return found.enumerated().map { unit, list in
            list.compactMap { item -> Trends.ScoredTerm? in
                let counted = row[item.form]!
                guard unit > 0, counted[unit] > 0, counted[unit - 1] == 0 else { return nil }
                let later = series.units - unit - 1
                let kept = (unit + 1..<series.units).filter { counted[$0] > 0 }.count
                let persistence = later > 0 ? Double(kept) / Double(later) : 0
                let uptake = later > 0 ? log2(1 + Double((unit + 1..<series.units).reduce(0) { $0 + counted[$1] }) / Double(later)) : 0
                let strength = 2 * (termIndex[item.replaces].map { origins[$0].strength } ?? restatableStrength)
                let score = strength * (1 + 2 * persistence + 2 * uptake) * (1 + 0.5 * log2(Double(counted[unit])))
                var scored = Trends.ScoredTerm(term: item.form, count: counted[unit], score: rounded(score, 3), origin: "replacement",
                                               strength: strength, persistence: rounded(persistence, 3), kept: kept, later: later)
                scored.replaces = item.replaces
                if counted[..<(unit - 1)].contains(where: { $0 > 0 }) { scored.comeback = true }
                return scored
            }
        }
    }

    /// A unit's new terms with its restated forms in their place (a form found both ways once).
    static func withReplacements(_ list: [Trends.ScoredTerm], _ restated: [Trends.ScoredTerm], limit: Int) -> [Trends.ScoredTerm] {
        guard !restated.isEmpty else { return list }
        let forms = Set(restated.map(\.term))
        return top(list.filter { !forms.contains($0.term) } + restated, limit)
    }

    /// `candidates`: the terms (not fragments) the previous unit has and `unit` lacks.
    static func goneTerms(at unit: Int, _ candidates: [Int], _ series: Series, _ terms: [String], _ origins: [Origin], limit: Int) -> [Trends.ScoredTerm] {
        var scored: [Trends.ScoredTerm] = []
        for term in candidates {
            // How established the term was: the share of the documents up to the previous that had it.
            let row = series.counts[term]
            var had = 0
            for earlier in 0..<unit where row[earlier] > 0 { had += 1 }
            let persistence = Double(had) / Double(unit)
            let count = series.counts[term][unit - 1]
            let strength = origins[term].strength
            let score = strength * (1 + 2 * persistence) * (1 + log2(Double(count)))
            scored.append(Trends.ScoredTerm(term: terms[term], count: count, score: rounded(score, 3), origin: origins[term].name,
                                            strength: strength, persistence: rounded(persistence, 3)))
        }
        return top(scored, limit)
    }

    /// Discovered phrases that only ever occur inside a longer tracked term (the same count in
    /// every document): 时代中国 inside 新时代中国, 供给侧结构性 inside 供给侧结构性改革.
    /// `discovered`: the indices of the discovered phrases, ascending.
    static func fragmentsOf(_ terms: [String], discovered: [Int], series: Series) -> Set<Int> {
        guard !discovered.isEmpty else { return [] }
        // The discovered terms found inside each tracked term, by one phrase index.
        let index = PhraseIndex(discovered.map { Array(terms[$0].unicodeScalars) })
        var fragments = Set<Int>()
        for (outer, term) in terms.enumerated() {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count > 3 else { continue }
            for match in index.allMatches(in: scalars) where match.span.end - match.span.start < scalars.count {
                let inner = discovered[match.phrase]
                if inner != outer && series.counts[inner] == series.counts[outer] { fragments.insert(inner) }
            }
        }
        return fragments
    }

    static func top(_ scored: [Trends.ScoredTerm], _ limit: Int) -> [Trends.ScoredTerm] {
        guard limit > 0 else { return [] }
        // Only terms scoring at least the limit-th best score can be among the first `limit`: the
        // full order (with its string comparisons) is taken over those alone. Same result.
        var contenders = scored
        if scored.count > limit {
            let threshold = scored.map(\.score).sorted(by: >)[limit - 1]
            contenders = scored.filter { $0.score >= threshold }
        }
        return Array(contenders.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.count != b.count ? a.count > b.count : a.term < b.term
        }.prefix(limit))
    }

    /// The terms worth a row: each document's new and gone terms (their order), then the tracked
    /// terms whose rate moved most between the first and the last document, then the rest by total.
    static func notable(_ series: Series, _ terms: [String], _ index: [String: Int], newLists: [Trends.DocumentTerms],
                        goneLists: [Trends.DocumentTerms], limit: Int) -> [Int] {
        var chosen: [Int] = []
        var taken = Set<Int>()
        func take(_ term: Int) { if chosen.count < limit && taken.insert(term).inserted { chosen.append(term) } }
        // Round-robin over the documents' lists so every year is represented.
        let lists = (newLists + goneLists).map { $0.terms.prefix(10).compactMap { index[$0.term] } }
        for rank in 0..<10 { for list in lists where rank < list.count { take(list[rank]) } }
        // By movement, ties by the term: sorted by the number first, and each run of equal
        // movement by its strings only when the list reaches it (comparing Chinese strings is
        // slow, and ten thousand terms sorted by them cost more than the rest of this).
        let movement = terms.indices.map { series.movement($0) }
        let moved = terms.indices.filter { series.total($0) > 0 }.sorted { movement[$0] > movement[$1] }
        var run = moved.startIndex
        while run < moved.endIndex && chosen.count < limit {
            var end = run + 1
            while end < moved.endIndex && movement[moved[end]] == movement[moved[run]] { end += 1 }
            for term in moved[run..<end].sorted(by: { terms[$0] < terms[$1] }) { take(term) }
            run = end
        }
        return chosen
    }

    static func rounded(_ value: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

/// Counts of every term per unit, with the unit sizes.
struct Series {
    let counts: [[Int]]
    let characters: [Int]
    /// Each term's first unit (or -1).
    let firsts: [Int]

    init(counts: [[Int]], characters: [Int]) {
        self.counts = counts
        self.characters = characters
        firsts = counts.map { row in row.firstIndex { $0 > 0 } ?? -1 }
    }
    var units: Int { characters.count }

    func rates(_ term: Int) -> [Double] {
        counts[term].indices.map { rate(term, $0) }
    }
    /// The term's occurrences per 10,000 characters of `unit` (0 for an empty unit).
    @inline(__always)
    func rate(_ term: Int, _ unit: Int) -> Double {
        characters[unit] > 0 ? Double(counts[term][unit]) * 10_000 / Double(characters[unit]) : 0
    }
    func first(_ term: Int) -> Int? { counts[term].firstIndex { $0 > 0 } }
    func last(_ term: Int) -> Int? { counts[term].lastIndex { $0 > 0 } }
    func total(_ term: Int) -> Int { counts[term].reduce(0, +) }

    /// The change rule (README "Trends"): the last document against the ones before it.
    /// new: only the last has it; gone: the last lacks it and an earlier one had it; rising or
    /// falling: the last's rate per 10,000 characters is at least 1.5× (or at most 1/1.5 of) the
    /// mean rate of the earlier documents and differs from it by at least 0.5 per 10,000;
    /// else steady.
    func change(_ term: Int) -> String {
        let row = counts[term]
        guard let lastUnit = row.indices.last, lastUnit > 0 else { return "steady" }
        let earlierTotal = row[..<lastUnit].reduce(0, +)
        if row[lastUnit] > 0 && earlierTotal == 0 { return "new" }
        if row[lastUnit] == 0 && earlierTotal > 0 { return "gone" }
        let r = rates(term)
        let earlier = r[..<lastUnit].reduce(0, +) / Double(lastUnit)
        let now = r[lastUnit]
        if now >= earlier * 1.5 && now - earlier >= 0.5 { return "rising" }
        if now * 1.5 <= earlier && earlier - now >= 0.5 { return "falling" }
        return "steady"
    }

    /// How much the term's rate moved over the series: the largest rate minus the smallest.
    func movement(_ term: Int) -> Double {
        // The rates one by one, without an array per term.
        guard !counts[term].isEmpty else { return 0 }
        var high = -Double.infinity, low = Double.infinity
        for unit in counts[term].indices {
            let rate = rate(term, unit)
            high = max(high, rate)
            low = min(low, rate)
        }
        return high - low
    }
}

/// Results written by several threads, each to its own slot.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.lock(); values[index] = value; lock.unlock() }
    func get(_ index: Int) -> Value { lock.lock(); defer { lock.unlock() }; return values[index]! }
}

/// Zeroed count rows for the counting workers, reused (one per worker at a time).
final class ScratchPool: @unchecked Sendable {
    private let size: Int
    private var free: [[Int32]] = []
    private let lock = NSLock()
    init(size: Int) { self.size = size }
    /// A row of `size` zeros.
    func take() -> [Int32] {
        lock.lock(); defer { lock.unlock() }
        return free.popLast() ?? [Int32](repeating: 0, count: size)
    }
    /// Returns a row the caller has set back to zeros.
    func give(_ row: [Int32]) { lock.lock(); free.append(row); lock.unlock() }
}

/// Time per stage on standard error with ANALYZE_DEBUG_TRENDS set (for measuring, not output).
struct StageClock {
    let enabled = ProcessInfo.processInfo.environment["ANALYZE_DEBUG_TRENDS"] != nil
    var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write("trends: \(stage): \((now - last) / 1_000_000) ms\(Self.memory())\n".data(using: .utf8)!)
        last = now
    }

    /// The process's resident memory now and at its peak (Linux), for where a run's memory goes.
    static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        let fields = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        return "; " + fields.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", ")
    }
}
