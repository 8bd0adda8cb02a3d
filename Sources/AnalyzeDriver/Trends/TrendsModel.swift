import AnalyticsCore

/// What changed across dated documents: the corpus object's `trends` (a contract, see README
/// "Trends"). Document indices everywhere are positions in `documents`, which is in date order.
public struct Trends: Encodable, Sendable {
    public struct DocumentEntry: Encodable, Sendable {
        /// The document's source, or a period's label (2024-03) when documents are grouped.
        public let source: String
        public let date: String?
        /// text, record, name, dates (see `DocumentDate.Origin`), `period` for a group; null when undated.
        public let dateSource: String?
        public let characters: Int
        /// Positions of the member documents in the report's `documents` (input order).
        public let inputs: [Int]
        /// For a group: its first and last member's date.
        public let from: String?
        public let to: String?
        /// A period's documents (`members`, `from`, `to`), not one document (`input`).
        public let grouped: Bool

        enum CodingKeys: String, CodingKey { case source, date, dateSource, characters, input, members, from, to }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source, forKey: .source)
            try c.encode(date, forKey: .date)
            try c.encode(dateSource, forKey: .dateSource)
            try c.encode(characters, forKey: .characters)
            if !grouped {
                try c.encode(inputs[0], forKey: .input)
            } else {
                try c.encode(inputs.count, forKey: .members)
                try c.encode(from, forKey: .from)
                try c.encode(to, forKey: .to)
            }
        }
    }

    public struct Term: Encodable, Sendable {
        public let term: String
        /// Occurrences of the string in each document (date order).
        public let counts: [Int]
        public let perTenThousand: [Double]
        public let first: Int?
        public let last: Int?
        /// new, gone, rising, falling or steady: the last document against the ones before (README).
        public let change: String
        /// Where the term came from: known, formula, quoted, parallel, repeated (slogans), discovered, keyword, tracked.
        public let origin: String

        enum CodingKeys: String, CodingKey { case term, counts, perTenThousand, first, last, change, origin }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(term, forKey: .term)
            try c.encode(counts, forKey: .counts)
            try c.encode(perTenThousand, forKey: .perTenThousand)
            try c.encode(first, forKey: .first)
            try c.encode(last, forKey: .last)
            try c.encode(change, forKey: .change)
            try c.encode(origin, forKey: .origin)
        }
    }

    public struct ScoredTerm: Encodable, Sendable {
        public let term: String
        public let count: Int
        /// new: strength × (1 + 2 × persistence + 2 × uptake) × (1 + ½ log2 count); gone: strength × (1 + 2 × persistence) × (1 + log2 count). See README.
        public let score: Double
        public let origin: String
        /// The term's weight by what it is (a known formulation 3 … a one-off parallel clause 0.5).
        public let strength: Double
        /// Share of the later documents that keep the term (new) or of the earlier ones that had it (gone).
        public let persistence: Double
        /// new only: how many later documents say the term again (`kept`) out of how many there
        /// are (`later`): a formulation is kept, a one-off is not. With `later` 0 (the last
        /// document) persistence says nothing and the score rests on strength and count.
        public var kept: Int? = nil
        public var later: Int? = nil
        /// new only: the previous document's term this form restates (适度宽松的货币政策 replaces
        /// 稳健的货币政策: the same head, other modifiers; `ReplacementFinder`).
        public var replaces: String? = nil
        /// new only: a document before the previous one has the term (it comes back, not new).
        public var comeback: Bool? = nil
        /// new only: the share of the keywords reference's documents using the term, when above 0.4
        /// (the genre's ordinary words weigh less: README "Trends").
        public var genreShare: Double? = nil

        public init(term: String, count: Int, score: Double, origin: String, strength: Double, persistence: Double, kept: Int? = nil, later: Int? = nil) {
            self.term = term
            self.count = count
            self.score = score
            self.origin = origin
            self.strength = strength
            self.persistence = persistence
            self.kept = kept
            self.later = later
        }
    }

    public struct DocumentTerms: Encodable, Sendable {
        public let document: Int
        public let terms: [ScoredTerm]
    }

    public struct IndicatorValue: Encodable, Sendable {
        public let document: Int
        /// The member document's source (the same as the trends document's unless grouped).
        public let source: String
        public let value: Double
        public let low: Double?
        public let high: Double?
        /// The figure as written, with a qualifier that follows it (5%左右, 1200万人以上).
        public let text: String
        public let start: Int
        public let end: Int
        /// target or actual, as the facts analyzer reports it (null until it does).
        public let modality: String?
        /// The figure's sentence states a target (预期目标, 目标是, 力争…): how `compare` picks targets.
        public let targetSentence: Bool
        /// annual, multi-year or annual-average from the words before the figure; nil when none say.
        public let period: String?
        public let approximate: Bool?
        public let atLeast: Bool?
        public let atMost: Bool?

        enum CodingKeys: String, CodingKey { case document, source, value, low, high, text, start, end, modality, targetSentence, period, approximate, atLeast, atMost }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(document, forKey: .document)
            try c.encode(source, forKey: .source)
            try c.encode(value, forKey: .value)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
            try c.encode(text, forKey: .text)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(modality, forKey: .modality)
            try c.encode(targetSentence, forKey: .targetSentence)
            try c.encode(period, forKey: .period)
            try c.encodeIfPresent(approximate, forKey: .approximate)
            try c.encodeIfPresent(atLeast, forKey: .atLeast)
            try c.encodeIfPresent(atMost, forKey: .atMost)
        }
    }

    public struct Indicator: Encodable, Sendable {
        public let subject: String
        public let unit: String?
        /// multi-year or annual-average for a row of such figures; nil for a year's (or unstated).
        public let period: String?
        public let values: [IndicatorValue]

        /// The subject with its period when not a year's, for tables: 单位国内生产总值能耗下降 (multi-year).
        public var label: String { period.map { "\(subject) (\($0))" } ?? subject }

        enum CodingKeys: String, CodingKey { case subject, unit, period, values }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(subject, forKey: .subject)
            try c.encode(unit, forKey: .unit)
            try c.encode(period, forKey: .period)
            try c.encode(values, forKey: .values)
        }
    }

    /// document, day, week, month or year.
    public let by: String
    public let documents: [DocumentEntry]
    public let terms: [Term]
    public let new: [DocumentTerms]
    public let gone: [DocumentTerms]
    public let indicators: [Indicator]
}
