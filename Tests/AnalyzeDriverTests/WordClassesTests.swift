import Testing
import AnalyticsCore
@testable import FactsPlugin

/// Facts' word classes: the lexicon's tag, read in context by the tagger where the lexicon's class is
/// open and the tagger is sure; closed classes stay the lexicon's.
@Suite struct WordClassesTests {
    static let segmenter = try! Segmenter.shipped()
    static let inContext = WordClasses(lexicon: segmenter.lexicon)
    static let outOfContext = WordClasses(lexicon: segmenter.lexicon, tagger: nil)

    /// The class of the segmenter's token `word` in `text`, in context and out of it.
    static func classes(_ word: String, in text: String) throws -> (inContext: WordClass, outOfContext: WordClass) {
        let scalars = Array(text.unicodeScalars)
        let token = try #require(segmenter.tokens(in: scalars).first { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) == word },
                                 "\(word) is not a word of \(text)")
        return (inContext.of(token, scalars), outOfContext.of(token, scalars))
    }

    @Test func aVerbNounIsAVerbWhereItGovernsAnObject() throws {
        // jieba tags 发展 vn, which out of context is a noun.
        #expect(try Self.classes("发展", in: "今年要积极发展新兴产业。") == (.verb, .noun))
        #expect(try Self.classes("建设", in: "他们正在建设新城。") == (.verb, .noun))
        #expect(try Self.classes("发展", in: "经济的发展很快。") == (.noun, .noun))
        #expect(try Self.classes("建设", in: "加强基础设施建设。") == (.noun, .noun))
    }

    @Test func closedClassesStayTheLexicons() throws {
        // The tagger reads 在 here as a verb (as UD often tags it); the rules keep the lexicon's preposition.
        #expect(try Self.classes("在", in: "会议在北京举行。") == (.preposition, .preposition))
        #expect(try Self.classes("个", in: "与60个国家签署协议。") == (.measure, .measure))
    }
}
