import AnalyticsCore
import Foundation

/// Keyness of a document's terms against a reference corpus: Dunning's log-likelihood G² over the
/// 2×2 table (term, other terms) × (document, reference), as AntConc, WordSmith and Sketch Engine
/// compute it, with a direction check: a term used less than the reference expects is no keyword.
///
/// G² is weighted by the share of reference documents that lack the term (see `spreadWeight`).
/// The reference count of a term is smoothed with its general-language frequency (jieba's
/// dictionary probability, scaled to the reference's size), so a word the reports never use
/// but newspapers use every day (记者, 球队) is not taken for a discovery; a discovered phrase the
/// reference lacks is expected at a tenth of its rarest part (it cannot be commoner than that).
struct KeynessScorer {
    let reference: ReferenceFrequencies
    let lexicon: Lexicon
    /// `var`: a compound said once (`OnceCompounds`) is added as a term when a ranked word gives way to it.
    var counted: KeywordTerms.Counted
    let scalars: [Unicode.Scalar]
    /// The title, subtitle, kicker and subheads, one a line (empty for a text without them):
    /// where a person named is the text's subject.
    var headings: [Unicode.Scalar] = []
    /// Weight of the general-language frequency against the reference's own counts.
    static let generalWeight = 1.0
    /// A phrase absent from the reference: this share of its rarest part's reference count.
    static let phraseShare = 0.1
    /// The smallest reference count (add-half smoothing of terms it lacks).
    static let floor = 0.5

    var documentTokens: Double { Double(max(counted.wordCount, 1)) }
    var referenceTokens: Double { Double(reference.tokens) }

    /// G² of every term that can be among the `top` (most frequent first, stopping once even a
    /// term the reference lacks could not reach the top-th), -infinity for the others and for
    /// terms the document under-uses; and the ranking, where terms said twice or more come
    /// before terms said once (a word said once is rarely what a text is about, and the
    /// reference lacks most such words, which gives them a high G²: they only fill a short list)
    /// when their over-use is significant: G², discounted for the genre's spread, at least
    /// `significance` (p < 0.05). A word of the genre said two or three times (统一, 建成, 企业:
    /// G² 0.1–1.5) is no evidence, and ranks among the words said once by its G².
    func scores(top: Int) -> (statistic: [Double], rank: [Double]) {
        var statistic = [Double](repeating: -.infinity, count: counted.terms.count)
        var rank = statistic
        var best = TopScores(top)
        let order = KeywordsAnalyzer.mostFrequentFirst(counted.counts)
        for (at, index) in order.enumerated() where counted.counts[index] > 0 {
            if at + Self.lookahead < order.count { prefetchEntry(order[at + Self.lookahead]) }
            let count = Double(counted.counts[index])
            let tier = count >= 2 ? Self.repeatedTier : 0
            // Said once, only a noun or a name can say what a text is about (不敢相信, 卖不出去 cannot).
            if count < 2 && counted.terms[index].partCount == 1 && !counted.units[Int(counted.terms[index].unit)].noun { continue }
            // Said once, a word the lexicon lacks (or one glued to a bound character: a phrase said
            // once is only that) with a function character in it is a clause piece the HMM joined
            // (卖得久, 关键在于听, 刚摘下来), not a name (拉塞达, 李梦瑶).
            if count < 2 && (counted.terms[index].partCount > 1 || counted.units[Int(counted.terms[index].unit)].guessed)
                && scalars[counted.terms[index].first.range].contains(where: FunctionCharacters.all.contains) { continue }
            if Self.logLikelihood(count, Self.floor, documentTokens, referenceTokens) + tier < best.floor { break }
            let (expectedCount, share) = referenceCount(index)
            guard count / documentTokens > expectedCount / referenceTokens else { continue }
            statistic[index] = Self.logLikelihood(count, expectedCount, documentTokens, referenceTokens) * spreadWeight(share)
            rank[index] = statistic[index] * (isVerb(index) ? Self.verbWeight : isBystander(index) ? Self.personWeight : 1)
                + (statistic[index] >= Self.significance ? tier : 0)
            best.add(rank[index])
        }
        return (statistic, rank)
    }

    /// G² of one term, nil when the document under-uses it (a longer term put in the place of
    /// one that gives way to it, `KeywordsAnalyzer.inside`, may not have been scored).
    func statistic(_ index: Int) -> Double? {
        let count = Double(counted.counts[index])
        guard count > 0 else { return nil }
        let (expectedCount, share) = referenceCount(index)
        guard count / documentTokens > expectedCount / referenceTokens else { return nil }
        return Self.logLikelihood(count, expectedCount, documentTokens, referenceTokens) * spreadWeight(share)
    }

    /// A person the text quotes or meets (a farmer, a museum's director: 刘建国, 阿姨 by the
    /// lexicon's nr) says who speaks, rarely what about: their rank is scaled like a verb's,
    /// unless the title or a subhead names them (the subject of a profile).
    static let personWeight = 0.3

    private func isBystander(_ index: Int) -> Bool {
        let term = counted.terms[index]
        guard term.partCount == 1 ? counted.units[Int(term.unit)].person || isGuessedName(index) : KeywordTerms.isGluedName(term, counted, scalars) else { return false }
        return !ScalarText.contains(headings[...], scalars[term.first.range])
    }

    /// A word the lexicon lacks, of two or three characters starting with a common surname and
    /// said at most `guessedNameCount` times (茶农何长贵算了一笔账: the HMM's guess 何长贵): a person
    /// met in passing. Said more often (李梦瑶, four times in her profile), the person may be what
    /// the text is about, and a new term (江州 is a dictionary word) is rarely shaped so.
    private func isGuessedName(_ index: Int) -> Bool {
        let term = counted.terms[index], unit = counted.units[Int(term.unit)]
        guard unit.guessed, counted.counts[index] <= Self.guessedNameCount, (2...3).contains(term.first.length) else { return false }
        return Surnames.all.contains(scalars[term.first.start])
    }

    static let guessedNameCount = 2

    /// How many terms ahead the reference entry is asked for: each is a cache miss, and the
    /// loop's own work is too short to hide one.
    static let lookahead = 8

    private func prefetchEntry(_ index: Int) {
        let term = counted.terms[index]
        if term.partCount == 1, case .text = term.key { return }
        reference.prefetch(scalars[term.first.range])
    }

    /// A verb alone (成立, 使用, 安置) names what is done, rarely what a text is about; a verbal noun
    /// (消费, 融资) and any multi-word term may. Its rank, not its G², is scaled.
    static let verbWeight = 0.3

    private func isVerb(_ index: Int) -> Bool {
        // Only single words: ranking phrases that end in a plain verb lower (比例 达到) cost real
        // terms on the judged set (老旧小区改造, 政协履职).
        let term = counted.terms[index]
        guard term.partCount == 1 else { return false }
        let unit = counted.units[Int(term.unit)]
        return unit.verb && !unit.noun
    }

    /// Added to the rank of terms said at least twice (above any G² of one occurrence) whose
    /// G² is at least `significance`.
    static let repeatedTier = 1e7
    /// G² at p = 0.05 (χ², one degree of freedom): below it, a difference from the reference is
    /// chance. (Ranking every term by an effect size instead, the conservative log ratio, the
    /// lower end of the ratio's 95% interval, filled report sections with words said once: dev
    /// 7.18 → 5.27.)
    static let significance = 3.84

    /// The share of reference documents without the term: a word every report uses (实施, 政策,
    /// 创新) is the genre's, not this document's, however much more this one uses it.
    func spreadWeight(_ share: Double) -> Double {
        let documents = Double(reference.documents)
        return 1 - share * documents / (documents + 1)
    }

    /// What the reference's rate predicts for this document: the term's expected count here.
    func expected(_ index: Int) -> Double {
        referenceCount(index).count * documentTokens / referenceTokens
    }

    /// The term's smoothed count in the reference, and the share of its documents containing it.
    func referenceCount(_ index: Int) -> (count: Double, share: Double) {
        let term = counted.terms[index]
        let own = entry(of: term)
        guard term.partCount > 1 else { return (max(Double(own.count) + general(term.unit), Self.floor), own.share) }
        let rarestPart = term.parts.map { unit in Double(count(ofUnit: unit)) + general(unit) }.min() ?? 0
        return (max(Double(own.count), Self.phraseShare * rarestPart, Self.floor), own.share)
    }

    private func entry(of term: KeywordTerms.Term) -> (count: Int, share: Double) {
        if term.partCount == 1, case .text(let text) = term.key { return reference.entry(of: Array(text.unicodeScalars)[...]) }
        return reference.entry(of: scalars[term.first.range])
    }

    private func count(ofUnit unit: Int32) -> Int {
        let entry = counted.units[Int(unit)]
        if case .text(let text) = entry.key { return reference.count(of: text) }
        return reference.count(of: scalars[entry.first.range])
    }

    /// The unit's general-language count at the reference's size.
    private func general(_ unit: Int32) -> Double {
        guard case .word(let id) = counted.units[Int(unit)].key, let logP = lexicon.logProbability(ofWordID: id) else { return 0 }
        return Self.generalWeight * referenceTokens * exp(Double(logP))
    }

    /// Dunning's G² for `a` of `c` tokens in the document against `b` of `d` in the reference.
    static func logLikelihood(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let expectedA = c * (a + b) / (c + d), expectedB = d * (a + b) / (c + d)
        var sum = 0.0
        if a > 0 { sum += a * log(a / expectedA) }
        if b > 0 { sum += b * log(b / expectedB) }
        return 2 * sum
    }
}

/// The reference of keyness: the shipped table, a user's table, or a directory of documents
/// counted at start-up with the same terms as the documents analysed.
public enum KeywordsReference {
    static let fileName = "reference.bin"

    /// The shipped table, read once a process when first asked for: keywords and trends' genre weights share it.
    public static let shippedTable = Result { () throws(AnalyzerSetupError) -> ReferenceFrequencies in
        guard let path = ResourceLocator.path(of: fileName, target: "KeywordsPlugin") else {
            throw AnalyzerSetupError("the keywords reference table (\(fileName)) is missing beside the binary; reinstall with scripts/install or give keywords.reference=FILE|DIR")
        }
        return try ReferenceFrequencies.load(path: path)
    }

    static func shipped() throws(AnalyzerSetupError) -> ReferenceFrequencies {
        try shippedTable.get()
    }

    static func load(_ path: String, terms: KeywordTerms) throws(AnalyzerSetupError) -> ReferenceFrequencies {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AnalyzerSetupError("cannot read the reference '\(path)' given to keywords.reference")
        }
        guard isDirectory.boolValue else { return try ReferenceFrequencies.load(path: path) }
        let table = try counts(ofDirectory: path, terms: terms)
        return ReferenceFrequencies(tokens: table.tokens, documents: table.documents, counts: table.counts.map { ($0.key, $0.value.count, $0.value.documents) })
    }

    /// Term counts of every .txt file under `path` (sorted, recursive), as `KeywordTerms` counts them.
    static func counts(ofDirectory path: String, terms: KeywordTerms) throws(AnalyzerSetupError) -> (tokens: Int, documents: Int, counts: [String: (count: Int, documents: Int)]) {
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw AnalyzerSetupError("cannot list the reference directory '\(path)'")
        }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(".txt") { files.append(next) }
        }
        var counts: [String: (count: Int, documents: Int)] = [:]
        var tokens = 0
        for file in files.sorted() {
            guard let data = FileManager.default.contents(atPath: path + "/" + file),
                  let text = try? TextDecoding.decode(Array(data)).text else { continue }
            let scalars = text.scalarArray
            let counted = terms.count(scalars)
            tokens += counted.wordCount
            for index in counted.terms.indices where counted.counts[index] > 0 {
                let entry = counts[counted.text(index, scalars), default: (0, 0)]
                counts[counted.text(index, scalars)] = (entry.count + counted.counts[index], entry.documents + 1)
            }
        }
        guard tokens > 0 else { throw AnalyzerSetupError("the reference directory '\(path)' has no .txt document with words") }
        return (tokens, files.count, counts)
    }
}
