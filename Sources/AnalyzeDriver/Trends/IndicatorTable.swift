import AnalyticsCore
import Foundation
import FactsPlugin

/// The same quantity across documents: the facts of every document, one row per subject and unit
/// (国内生产总值增长 and 经济增长 are one row by `indicators.tsv`), with at most one target and one
/// other value per document.
enum IndicatorTable {
    /// Variant key → the row's name, from the shipped `indicators.tsv`.
    static let names: [String: String] = {
        guard let path = ResourceLocator.path(of: "indicators.tsv", target: "AnalyzeDriver"),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var names: [String: String] = [:]
        for fields in TabSeparated.lines(text) where !fields.isEmpty {
            names[fields[0]] = fields[0]
            if fields.count > 1 {
                for variant in fields[1].split(separator: ",") { names[variant.trimmingCharacters(in: .whitespaces)] = fields[0] }
            }
        }
        return names
    }()

    static let kinds: Set<FactKind> = [.percent, .count, .money, .measure]
    /// Words in a sentence that make its figures targets, for figures whose `modality` the facts
    /// analyzer leaves unset.
    static let targetCues = ["预期目标", "主要目标", "目标是", "目标为", "力争", "左右"]

    /// A row: subject and unit, and the period when it is not a year's (a five-year total is not
    /// set against a year's target; a figure with no period word joins the year's row).
    /// Hashed once when made: hashing Chinese strings (normalised as they are hashed) in every
    /// set and dictionary operation was most of the indicators' time. Equality is the strings'.
    struct Key: Hashable {
        let subject: String
        let unit: String?
        var period: IndicatorPeriod? = nil
        /// The row's name when longer than its subject (一般公共预算支出规模 for 预算支出规模): the first
        /// document's wording; not part of equality.
        var label: String? = nil
        private let stringsHash: Int

        init(subject: String, unit: String?) {
            self.subject = subject
            self.unit = unit
            var hasher = Hasher()
            hasher.combine(subject)
            hasher.combine(unit)
            stringsHash = hasher.finalize()
        }

        static func == (a: Key, b: Key) -> Bool { a.subject == b.subject && a.unit == b.unit && a.period == b.period }

        func hash(into hasher: inout Hasher) {
            hasher.combine(stringsHash)
            hasher.combine(period)
        }
    }

    static func build(report: Report, units: [[Int]], limit: Int, segmenter: Segmenter? = nil) -> [Trends.Indicator] {
        // Each document's values on the cores the run may use, then merged in date order.
        let members = units.enumerated().flatMap { unit, inputs in inputs.map { (unit, $0) } }
        let perDocument = ConcurrentSlots<[(Key, Trends.IndicatorValue)]>(count: members.count)
        DispatchQueue.concurrentPerform(iterations: members.count) { position in
            perDocument.set(position, values(of: report.documents[members[position].1], unit: members[position].0, segmenter: segmenter))
        }
        var rowOf: [Key: Int] = [:]
        var rows: [[Trends.IndicatorValue]] = []
        var order: [Key] = [] // by first appearance
        for position in members.indices {
            for (key, value) in perDocument.get(position) {
                if let row = rowOf[key] {
                    rows[row].append(value)
                } else {
                    rowOf[key] = order.count
                    order.append(key)
                    rows.append([value])
                }
            }
        }
        let needed = min(2, units.count)
        // Sort keys computed once per row (not in the comparator).
        let ranked = order.enumerated().compactMap { position, key -> (key: Key, documents: Int, targets: Int, position: Int)? in
            let values = rows[position]
            let documents = Set(values.map(\.document)).count
            guard documents >= needed else { return nil }
            return (key, documents, values.filter(\.targetSentence).count, position)
        }.sorted { a, b in
            a.documents != b.documents ? a.documents > b.documents : a.targets != b.targets ? a.targets > b.targets : a.position < b.position
        }
        return ranked.prefix(limit).map { Trends.Indicator(subject: $0.key.label ?? $0.key.subject, unit: $0.key.unit, period: $0.key.period?.rawValue, values: rows[$0.position]) }
    }

    /// One document's values: per row the first in a target sentence and the first other one.
    static func values(of documentReport: DocumentReport, unit: Int, segmenter: Segmenter? = nil) -> [(Key, Trends.IndicatorValue)] {
        guard let document = documentReport.document,
              let facts = documentReport.entries.lazy.compactMap({ $0.result as? FactsResult }).first else { return [] }
        struct Slot: Hashable { let key: Key; let target: Bool }
        var taken: Set<Slot> = []
        var targetSentences: [Int: Bool] = [:]
        var found: [(Key, Trends.IndicatorValue)] = []
        var marks: IndicatorPeriod.Marks? // found when the first figure needs them
        var scratch = Segmenter.Scratch()
        var lastTarget: (sentence: Int, target: Bool)?
        for fact in facts.facts where kinds.contains(fact.kind) {
            let named = namedSubject(of: fact, in: document.scalars, segmenter: segmenter, scratch: &scratch)
            guard var key = key(of: fact, subject: named?.key) else { continue }
            // The label takes the direction the key took (规模 + 增长).
            key.label = named.map { named in
                let suffix = ["增长", "下降"].first { key.subject.hasSuffix($0) && !named.label.hasSuffix($0) } ?? ""
                return named.label + suffix
            }
            if marks == nil { marks = IndicatorPeriod.Marks(document.scalars) }
            let period = marks!.period(figureStart: fact.start, sentenceStart: fact.sentenceStart)
            if period != .annual { key.period = period }
            let inTargetSentence = targetSentences[fact.sentenceStart] ?? isTargetSentence(fact, document)
            targetSentences[fact.sentenceStart] = inTargetSentence
            var target = fact.modality.map { $0 == "target" } ?? inTargetSentence
            // 比上年增加1.2万亿元 right after a target in its sentence is that target's change, a target too.
            if !target, let previous = lastTarget, previous.sentence == fact.sentenceStart, previous.target,
               isChangeOnLastYear(before: fact.start, in: document.scalars) { target = true }
            lastTarget = (fact.sentenceStart, target)
            guard taken.insert(Slot(key: key, target: target)).inserted else { continue }
            found.append((key, reading(fact, document: document, unit: unit, source: documentReport.source, target: target, period: period)))
        }
        return found
    }

    /// The row a fact belongs to: its subject, with 增长/下降 for a change, named by the table.
    static func key(of fact: Fact, subject named: String? = nil) -> Key? {
        // One character names no indicator (庭 from 2900多万家庭): a row needs a word or more.
        guard var subject = named ?? fact.subject, (2...14).contains(subject.unicodeScalars.count) else { return nil }
        if fact.direction == "up" && !subject.hasSuffix("增长") { subject += "增长" }
        if fact.direction == "down" && !subject.hasSuffix("下降") { subject += "下降" }
        let name = names[subject] ?? names[String(subject.dropLast(2))].flatMap { base in
            // 经济增长 → 国内生产总值增长; a name without the direction keeps it (能耗 + 下降).
            base.hasSuffix("增长") || base.hasSuffix("下降") ? base : nil
        } ?? subject
        return Key(subject: name, unit: fact.unit)
    }

    /// 比上年 and a verb of change (增加, 提高…) just before the figure at `start`.
    static func isChangeOnLastYear(before start: Int, in s: [Unicode.Scalar]) -> Bool {
        guard start >= 5, start <= s.count else { return false }
        return changeOnLastYear.contains(String(scalars: s[(start - 5)..<start]))
    }

    static let changeOnLastYear: Set<String> = ["比上年增加", "比上年提高", "比上年增长", "比上年减少", "比上年下降", "比去年增加", "比去年提高"]

    /// Subjects too general to name a row alone (`generic-indicator-heads.txt`): 规模, 标准, 国债;
    /// and the verbs (marked "!" there) where the noun phrase before one stops.
    static let genericWords = ResourceLocator.words(of: "generic-indicator-heads.txt", target: "AnalyzeDriver") ?? []
    static let genericHeads: Set<String> = Set(genericWords.filter { !$0.hasPrefix("!") })
    static let phraseStops: Set<String> = Set(genericWords.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
    /// Tags of words that do not stand inside the noun phrase: numerals, measure words, pronouns,
    /// prepositions, conjunctions, particles, time words.
    static let outsideTags: Set<String> = ["m", "mq", "q", "r", "rr", "rz", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "t", "tg", "f", "e", "y", "o"]
    /// Characters of the phrase before the head at most.
    static let phraseReach = 14

    /// For a fact whose subject is a bare generic head (规模, 标准增长), the noun phrase the clause
    /// puts before the head's last mention ahead of the figure (一般公共预算支出规模, 居民医保人均财政补助标准,
    /// 超长期特别国债): the words back to the clause's start, a predicate verb (发行, 提高…), or a word
    /// no noun phrase holds (和, 的, 今年, 几). Nil when the subject is not generic or nothing stands before it.
    static func namedSubject(of fact: Fact, in s: [Unicode.Scalar], segmenter: Segmenter?, scratch: inout Segmenter.Scratch) -> (label: String, key: String)? {
        guard let segmenter, let subject = fact.subject else { return nil }
        let head = subject.hasSuffix("增长") || subject.hasSuffix("下降") ? String(subject.dropLast(2)) : subject
        guard genericHeads.contains(head) else { return nil }
        let h = Array(head.unicodeScalars)
        let from = max(0, min(fact.sentenceStart, s.count)), to = min(fact.start, s.count)
        guard to - from >= h.count else { return nil }
        guard let at = stride(from: to - h.count, through: from, by: -1).first(where: { s[$0..<$0 + h.count].elementsEqual(h) }) else { return nil }
        var clause = at
        while clause > from && ScriptClass.isHan(s[clause - 1]) && at - clause < phraseReach { clause -= 1 }
        guard clause < at else { return nil }
        var tokens = segmenter.tokens(in: s, range: clause..<at, scratch: &scratch)
        if clause > from && ScriptClass.isHan(s[clause - 1]) && tokens.count > 1 { tokens.removeFirst() }
        var first = tokens.count
        while first > 0 {
            let token = tokens[first - 1]
            let word = String(scalars: s[token.start..<token.end])
            if token.kind != .word || phraseStops.contains(word) { break }
            if token.length == 1 && NoveltyFinder.functionCharacters.contains(s[token.start]) { break }
            if token.wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(token.wordID)), outsideTags.contains(tag) { break }
            first -= 1
        }
        guard first < tokens.count else { return nil }
        // The row is keyed by the two words before the head (财政补助标准): documents word the longer
        // phrase differently (城镇居民基本医保和新农合的财政补助标准, 新农合和城镇居民医保财政补助标准).
        let keyStart = tokens[max(first, tokens.count - keyWords)].start
        return (String(scalars: s[tokens[first].start..<at]) + subject, String(scalars: s[keyStart..<at]) + subject)
    }

    /// Words before a generic head that key its row.
    static let keyWords = 2

    /// Whether the figure's sentence names a target (预期目标, 目标是, 力争…): for figures whose
    /// modality the facts analyzer leaves unset.
    static func isTargetSentence(_ fact: Fact, _ document: Document) -> Bool {
        let end = min(max(fact.sentenceEnd, 0), document.characterCount)
        let sentence = document.scalars[min(max(0, fact.sentenceStart), end)..<end]
        return targetCueIndex.longestMatches(in: Array(sentence)).isEmpty == false
    }

    static let targetCueIndex = PhraseIndex(targetCues.map { Array($0.unicodeScalars) })

    static func reading(_ fact: Fact, document: Document, unit: Int, source: String, target: Bool, period: IndicatorPeriod? = nil) -> Trends.IndicatorValue {
        let qualifier = qualifierAfter(fact.end, in: document.scalars)
        return Trends.IndicatorValue(
            document: unit, source: source, value: fact.value, low: fact.low, high: fact.high,
            text: fact.text + qualifier, start: fact.start, end: fact.end + qualifier.unicodeScalars.count,
            modality: fact.modality, targetSentence: target, period: period?.rawValue,
            approximate: fact.approximate ?? (qualifier == "左右" ? true : nil),
            atLeast: fact.atLeast ?? (qualifier == "以上" ? true : nil),
            atMost: fact.atMost ?? (qualifier == "以内" || qualifier == "以下" ? true : nil))
    }

    static let qualifiers = ["左右", "以上", "以内", "以下"]

    static func qualifierAfter(_ end: Int, in scalars: [Unicode.Scalar]) -> String {
        guard end + 2 <= scalars.count else { return "" }
        let next = String(scalars: scalars[end..<end + 2])
        return qualifiers.contains(next) ? next : ""
    }
}
