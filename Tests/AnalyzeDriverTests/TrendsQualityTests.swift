import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// What keeps chance strings out of the `new` lists: a discovered phrase that never occurs apart
/// from a neighbouring character is a piece of a longer expression, and the shape of a phrase
/// (length, an opening verb, a one-character end) weighs its strength.
@Suite struct TrendsQualityTests {
    static func documents(_ texts: [String]) -> [[Document]] {
        texts.enumerated().map { [Document(source: "d\($0.offset)", text: $0.element)] }
    }

    @Test func aPhraseAlwaysBesideTheSameCharacterIsAttached() {
        let terms = ["乡村全面", "工匠精神", "碳达峰碳中", "新赛道", "营商环境"]
        let units = Self.documents([
            "全面推进乡村全面振兴。弘扬工匠精神，培育新赛道。",
            "扎实推进乡村全面振兴，工匠精神代代相传。实现碳达峰碳中和。开辟新赛道。",
            "实现碳达峰碳中和目标。优化营商环境。",
        ])
        let (counts, attached, _) = TrendsBuilder.countOccurrences(of: terms, in: units, watching: Set(terms.indices))
        #expect(counts[0] == [1, 1, 0] && counts[1] == [1, 1, 0])
        // Found: always before 振 (乡村全面振兴), always before 和 (碳达峰碳中和).
        #expect(attached.contains(0) && attached.contains(2))
        // Not found: varied neighbours (扬…，/，…代; 育…。/辟…。), or said once (营商环境).
        #expect(!attached.contains(1) && !attached.contains(3) && !attached.contains(4))
        // A name ending in a policy head noun before the same word every time is no cut (分享经济发展).
        let named = TrendsBuilder.countOccurrences(of: ["分享经济", "乡村全面"], in: Self.documents(["发展。", "促进分享经济发展，支持分享经济发展。乡村全面振兴，乡村全面振兴。"]),
                                                   watching: [0, 1])
        #expect(named.attached == [1] && named.headed.isEmpty, "\(named.attached) \(named.headed)")
        // Only the watched terms are judged.
        #expect(TrendsBuilder.countOccurrences(of: terms, in: units, watching: [1]).attached.isEmpty)
    }

    @Test func aPhraseAlwaysBeforeTheSameCharacterTheYearItIsNewIsHeaded() {
        let terms = ["棚户区住房", "创新型国家", "基层群众", "工匠精神", "民生项目"]
        let units = Self.documents([
            "发展经济。",
            "棚户区住房改造开工，推进棚户区住房改造。建设创新型国家，建设创新型国家。基层群众的利益，基层群众的期盼。弘扬工匠精神，工匠精神代代相传。民生项目建设。",
            "保障棚户区住房需求。",
        ])
        let found = TrendsBuilder.countOccurrences(of: terms, in: units, watching: Set(terms.indices))
        // Found: twice before 改 in its first document, whatever the later ones do.
        #expect(found.headed == [0], "\(found.headed)")
        // Not found: the same verb before it (创新型国家), the same function character after it
        // (基层群众的), varied neighbours (工匠精神), said once (民生项目).
        #expect(!found.attached.contains(0))
    }

    @Test func aNeighbourThatIsNotHanSeparates() {
        var neighbours = TrendsBuilder.Neighbours()
        neighbours.add(left: "推", right: "，")
        neighbours.add(left: "推", right: "。")
        #expect(neighbours.isAttached, "the same Han character on the left every time")
        var apart = TrendsBuilder.Neighbours()
        apart.add(left: "“", right: "振")
        apart.add(left: nil, right: "，")
        #expect(!apart.isAttached)
    }

    @Test func shapeFavoursShortNamesOverClauses() {
        func candidate(_ term: String, words: Int, coined: Bool = false, verb: Bool = false, single: Bool = false) -> NoveltyFinder.Candidate {
            var made = NoveltyFinder.Candidate(term: term, words: words, tag: nil, coined: coined)
            made.opensWithVerb = verb
            made.endsWithSingle = single
            return made
        }
        let name = TrendsBuilder.discoveredStrength(candidate("低空经济", words: 2))
        #expect(name == 2)
        #expect(TrendsBuilder.discoveredStrength(candidate("重点产业链高质量发展", words: 4)) < name)
        #expect(TrendsBuilder.discoveredStrength(candidate("弘扬教育家精神", words: 3, verb: true)) < TrendsBuilder.discoveredStrength(candidate("教育家精神", words: 2)))
        // A short verb-object formula keeps its weight; so does a coined one ending in one character.
        #expect(TrendsBuilder.discoveredStrength(candidate("提振消费", words: 2, coined: true, verb: true)) == 3)
        #expect(TrendsBuilder.discoveredStrength(candidate("营改增", words: 2, coined: true, single: true)) == 3)
        #expect(TrendsBuilder.discoveredStrength(candidate("着力稳", words: 2, single: true)) < name)
    }
}

/// A quote is the report marking a term of its own when it is a compound; one common word in
/// quotes is a figure of speech (session s19).
@Suite struct QuotedStrengthTests {
    static let segmenter = try! Segmenter.shipped()

    @Test func aQuotedCompoundIsATermAndAQuotedCommonWordAFigure() {
        func strength(_ text: String) -> Double { TrendsBuilder.quotedStrength(text, segmenter: Self.segmenter) }
        let plain = TrendsBuilder.sloganStrength(.quoted)
        // Found (above a known formulation): compounds of two words or more, or with a word the dictionary lacks.
        for text in ["僵尸企业", "厕所革命", "最多跑一次", "放水养鱼", "揭榜挂帅"] {
            #expect(strength(text) == TrendsBuilder.quotedCompoundStrength, "\(text)")
        }
        #expect(strength("僵尸企业") > TrendsBuilder.sloganStrength(.known))
        // A long quote weighs less, as a long discovered phrase does.
        #expect(strength("中国制造2025") < TrendsBuilder.quotedCompoundStrength && strength("中国制造2025") > plain)
        // Not found: a common two-character word in quotes is a figure of speech, below a keyword.
        for text in ["蛋糕", "面子", "减法", "草根"] {
            #expect(strength(text) < TrendsBuilder.keywordStrength("工匠精神"), "\(text)")
        }
        // A numbered formulation that is one dictionary word keeps the quoted weight.
        #expect(strength("三农") == plain)
        #expect(TrendsBuilder.quotedStrength("僵尸企业", segmenter: nil) == plain)
    }
}

/// The trie finds what a naive search finds: every occurrence, overlaps and nested terms included.
@Suite struct TermTrieTests {
    @Test func everyOccurrenceAsANaiveSearchFindsIt() {
        let terms = ["发展", "高质量发展", "质量", "新质生产力", "力", "𠀀字", "a+", "发展发展", "", "发"]
        let texts = ["推动高质量发展，发展新质生产力。", "发展发展发展", "𠀀字和a+，力量", "没有"]
        let trie = TermTrie(terms.map { Array($0.unicodeScalars) })
        for text in texts {
            let s = Array(text.unicodeScalars)
            var found: [String] = []
            trie.forEachMatch(in: s) { term, start, end in
                #expect(String(String.UnicodeScalarView(s[start..<end])) == terms[Int(term)])
                found.append("\(term)@\(start)")
            }
            var expected: [String] = []
            for start in s.indices {
                for (number, term) in terms.enumerated().sorted(by: { $0.element.unicodeScalars.count < $1.element.unicodeScalars.count }) where !term.isEmpty {
                    let t = Array(term.unicodeScalars)
                    if start + t.count <= s.count && Array(s[start..<start + t.count]) == t { expected.append("\(number)@\(start)") }
                }
            }
            #expect(found == expected, "\(text)")
        }
    }
}

/// How NoveltyFinder cuts a new phrase out of its clause and which stretches it looks at.
@Suite struct NoveltyShapeTests {
    static let segmenter = try! Segmenter.shipped()

    static func candidates(_ texts: [String], unit: Int = 1, limit: Int = 120) -> [String] {
        let units = texts.enumerated().map { [Document(source: "d\($0.offset)", text: $0.element)] }
        let finder = NoveltyFinder(segmenter: segmenter, units: units, limit: limit)
        return finder.discover(unit: unit, in: units[unit]).map(\.term)
    }

    @Test func aBoundSuffixStaysWithItsWord() {
        // Found: 获得 感 is one noun, 获得感, and the 多 before it goes.
        let found = Self.candidates(["经济平稳发展。", "让人民群众有更多获得感。", "人民群众获得感不断增强。"])
        #expect(found.contains("获得感"), "\(found)")
        #expect(!found.contains("多获得感") && !found.contains { $0.hasSuffix("获得") }, "\(found)")
        // Not found: a dictionary word that merely begins with a suffix character is not split off (化肥).
        let apart = Self.candidates(["经济平稳发展。", "科学施用有机化肥。", "减少有机化肥用量。"])
        #expect(!apart.contains { $0.hasSuffix("化") }, "\(apart)")
    }

    @Test func aResultativeVerbIsNotPartOfThePhrase() {
        // Found: 打好 (verb and result) opens the action, 蓝天保卫战 is the phrase.
        let found = Self.candidates(["经济平稳发展。", "坚决打好蓝天保卫战。", "巩固蓝天保卫战成果。"])
        #expect(found.contains("蓝天保卫战") && !found.contains("打好蓝天保卫战"), "\(found)")
        // Not found: a phrase opening with a one-character verb and a longer word keeps it (保交房).
        let kept = Self.candidates(["经济平稳发展。", "做好保交房工作。", "继续推进保交房工作。"])
        #expect(!kept.contains("交房工作"), "\(kept)")
    }

    static func found(_ texts: [String], unit: Int = 1) -> [NoveltyFinder.Candidate] {
        let units = texts.enumerated().map { [Document(source: "d\($0.offset)", text: $0.element)] }
        return NoveltyFinder(segmenter: segmenter, units: units).discover(unit: unit, in: units[unit])
    }

    @Test func aModifierOnAnOlderPhraseIsMarked() {
        // Found: 新动能 and 市场化改革 are older; only 壮大 / 深入 before them is new.
        let older = Self.found(["培育新动能，推进市场化改革。", "壮大新动能。深入市场化改革。", "继续壮大新动能，深入市场化改革。"])
        #expect(older.first { $0.term == "壮大新动能" }?.modifiesOlder == true, "\(older.map(\.term))")
        // Not found: the phrase after the adjective is itself new (银发经济), or the opening word
        // is a noun, not a verb or adjective (国内 before an older 大循环).
        let fresh = Self.found(["推动经济大循环。", "壮大银发经济。立足国内大循环。", "壮大银发经济，立足国内大循环。"])
        #expect(!fresh.isEmpty && fresh.allSatisfy { !$0.modifiesOlder }, "\(fresh.map { ($0.term, $0.modifiesOlder) })")
        #expect(TrendsBuilder.shape({ var c = NoveltyFinder.Candidate(term: "壮大新动能", words: 2, tag: nil, coined: false); c.modifiesOlder = true; return c }())
                < TrendsBuilder.shape(NoveltyFinder.Candidate(term: "壮大新动能", words: 2, tag: nil, coined: false)))
    }

    @Test func aNameEndsAtItsPolicyHeadNoun() {
        // Found: the name up to the head (分享经济 of 分享经济发展; a verb forms it with the head), and
        // an interior verbal noun before the name is its verb (大力 发展 银发经济 → 银发经济).
        let found = Self.candidates(["经济发展，发展经济。", "促进分享经济发展。大力发展银发经济。", "支持分享经济发展。大力发展银发经济。"])
        #expect(found.contains("分享经济") && found.contains("银发经济"), "\(found)")
        #expect(!found.contains("大力发展银发经济"), "\(found)")
        // Not found: a verb before an ordinary noun still splits (分享成果 gives no 分享成果), an
        // older verb-head pair is no candidate (发展经济), and a verbal noun with a head alone
        // names an action (计划生育服务管理改革 gives no 管理改革).
        let apart = Self.candidates(["经济发展，发展经济。", "分享成果。发展经济。推进计划生育服务管理改革。", "分享成果。推进计划生育服务管理改革。"])
        #expect(!apart.contains("分享成果") && !apart.contains("发展经济") && !apart.contains("管理改革"), "\(apart)")
        #expect(apart.contains("计划生育服务管理改革"), "\(apart)")
        // Not found: a head noun that modifies the noun after it ends no name (做好经济|工作, 完善中国|特色).
        let modifier = Self.candidates(["经济发展。", "做好经济工作。完善中国特色制度。", "做好经济工作。完善中国特色制度。"])
        #expect(!modifier.contains("做好经济") && !modifier.contains("完善中国"), "\(modifier)")
    }

    @Test func aShortNameWithAHeadNounWeighsMore() {
        var head = NoveltyFinder.Candidate(term: "低空经济", words: 2, tag: nil, coined: false)
        head.endsWithHead = NoveltyFinder.endsWithHead(Array("低空经济".unicodeScalars))
        #expect(head.endsWithHead)
        #expect(TrendsBuilder.discoveredStrength(head) > TrendsBuilder.discoveredStrength(NoveltyFinder.Candidate(term: "政务服务", words: 2, tag: nil, coined: false)))
        // Not found: a generic head (服务, 体系) is no policy head; a head alone, or one character before it, is no name.
        #expect(!NoveltyFinder.endsWithHead(Array("政务服务".unicodeScalars)) && !NoveltyFinder.endsWithHead(Array("物流体系".unicodeScalars)))
        #expect(!NoveltyFinder.endsWithHead(Array("新经济".unicodeScalars)) && !NoveltyFinder.endsWithHead(Array("经济".unicodeScalars)))
        // An action named by a verb before the head keeps the plain weight (管理改革).
        var action = head
        action.opensWithVerb = true
        #expect(TrendsBuilder.discoveredStrength(action) == 2)
    }

    @Test func aHeadedStretchIsLookedAtPastTheLimit() {
        // More than `stretchLimit` stretches recur within the document; 冰雪经济 (said twice here,
        // never again) runs into the head noun 经济, so it is segmented all the same.
        let fillers = (0..<(NoveltyFinder.stretchLimit + 10)).map { i in
            String(String.UnicodeScalarView((0..<4).map { Unicode.Scalar(0x5000 + 4 * i + $0)! }))
        }
        let filler = fillers.joined(separator: "，") + "。"
        let found = Self.candidates(["发展经济。", String(repeating: filler, count: 4) + "发展冰雪经济。推动冰雪经济。", "发展经济。"], limit: 1000)
        #expect(found.contains("冰雪经济"), "\(found.suffix(5))")
        // Not found: the same stretch without a head noun after it (冰雪运动) stays past the limit.
        let plain = Self.candidates(["发展经济。", String(repeating: filler, count: 4) + "发展冰雪运动。推动冰雪运动。", "发展经济。"], limit: 1000)
        #expect(!plain.contains("冰雪运动"))
        // A stretch past the limit that ends with the text is looked at without reading past it.
        let ending = Self.candidates(["发展经济。", String(repeating: filler, count: 4) + "推动冰雪经。推动冰雪经", "发展经济。"], limit: 1000)
        #expect(!ending.isEmpty)
    }

    @Test func aStretchLaterDocumentsKeepIsLookedAtPastTheLimit() {
        // More than `stretchLimit` stretches recur within the document (four times each) and rank
        // above 银发经济 (said once here, again in the next document); no cap on the phrases kept.
        let fillers = (0..<(NoveltyFinder.stretchLimit + 10)).map { i in
            String(String.UnicodeScalarView((0..<4).map { Unicode.Scalar(0x5000 + 4 * i + $0)! }))
        }
        let filler = fillers.joined(separator: "，") + "。"
        let found = Self.candidates(["发展经济。", String(repeating: filler, count: 4) + "发展银发经济。", "发展银发经济。"], limit: 1000)
        #expect(found.contains("银发经济"), "\(found.suffix(5))")
        // Not found: said once and never again, it stays past the limit.
        let once = Self.candidates(["发展经济。", String(repeating: filler, count: 4) + "发展银发经济。", "发展经济。"], limit: 1000)
        #expect(!once.contains("银发经济"))
    }
}
