import Foundation
import Testing
@testable import AnalyticsCore

/// The contextual tagger: words whose class depends on their context, both ways, and its accuracy
/// on the UD Chinese-GSDSimp test file (../shared/eval/ud, beside the checkout; never trained on)
/// with a floor, skipped when the treebank is not there.
@Suite struct PartOfSpeechTaggerTests {
    static let lexicon = try! Lexicon.shipped()
    static let tagger = PartOfSpeechTagger.shipped(lexicon: lexicon)!
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/ud")
    static let testFile = folder.appendingPathComponent("zh_gsdsimp-ud-test.conllu")
    static let available = FileManager.default.fileExists(atPath: testFile.path)

    /// The class of `word` where it first occurs in `text`.
    static func tag(_ word: String, in text: String) -> PartOfSpeech {
        let scalars = Array(text.unicodeScalars), target = Array(word.unicodeScalars)
        let start = (0...(scalars.count - target.count)).first { scalars[$0..<($0 + target.count)].elementsEqual(target) }!
        return tagger.classify(start..<(start + target.count), in: scalars).partOfSpeech
    }

    @Test func theSameWordIsAVerbOrANounByItsContext() {
        // The dictionary tags 发展 and 建设 vn: one class out of context.
        #expect(Self.tag("发展", in: "大力发展数字经济。") == .verb)
        #expect(Self.tag("发展", in: "经济的发展很快。") == .noun)
        #expect(Self.tag("建设", in: "他们正在建设新城。") == .verb)
        #expect(Self.tag("建设", in: "加强基础设施建设。") == .noun)
    }

    @Test func functionWordsAndMeasureWordsByTheirContext() {
        #expect(Self.tag("在", in: "他在学校工作。") == .adposition)
        #expect(Self.tag("在", in: "他不在家。") == .verb)
        #expect(Self.tag("个", in: "与60个国家签署协议。") == .classifier)
        #expect(Self.tag("和", in: "学校和医院都已建成。") == .coordinatingConjunction)
    }

    @Test func theShippedModelLoadsAndNamesEveryClass() throws {
        let model = try #require(PartOfSpeechModel.shipped())
        #expect(Set(model.classes) == Set(PartOfSpeech.allCases))
        #expect(model.note.contains("UD_Chinese-GSDSimp") && model.note.contains("CC BY-SA 4.0"))
        #expect(throws: PartOfSpeechModel.LoadError.self) { try PartOfSpeechModel(data: Data("APOS".utf8), path: "short") }
    }

    struct Sentence {
        var text = ""
        var words: [(range: Range<Int>, upos: String)] = []
    }

    static func sentences() throws -> [Sentence] {
        var result: [Sentence] = [], current = Sentence()
        for line in try String(contentsOf: testFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if line.isEmpty {
                if !current.words.isEmpty { result.append(current) }
                current = Sentence()
                continue
            }
            guard fields.count == 10, fields[0].allSatisfy(\.isNumber) else { continue }
            let start = current.text.unicodeScalars.count
            current.text += fields[1]
            current.words.append((start..<current.text.unicodeScalars.count, fields[7] == "clf" ? "CLF" : String(fields[3])))
            if !fields[9].contains("SpaceAfter=No") { current.text += " " }
        }
        if !current.words.isEmpty { result.append(current) }
        return result
    }

    /// UPOS accuracy (CLF counted as NOUN, as UD's UPOS column has it) on the test file's own words,
    /// and on the words of our segmenter that match a treebank word exactly.
    @Test(.enabled(if: available)) func accuracyOnTheTreebankTestFileStaysAboveAFloor() throws {
        func same(_ guess: PartOfSpeech, _ gold: String) -> Bool {
            guess.name == gold || Set([guess.name, gold]) == ["NOUN", "CLF"]
        }
        let segmenter = Segmenter(lexicon: Self.lexicon)
        var total = 0, right = 0, matched = 0, matchedRight = 0
        for sentence in try Self.sentences() {
            let scalars = Array(sentence.text.unicodeScalars)
            var gold: [Range<Int>: String] = [:]
            for word in sentence.words {
                total += 1
                right += same(Self.tagger.classify(word.range, in: scalars).partOfSpeech, word.upos) ? 1 : 0
                gold[word.range] = word.upos
            }
            for token in segmenter.tokens(in: scalars) where token.kind != .whitespace {
                guard let upos = gold[token.start..<token.end] else { continue }
                matched += 1
                matchedRight += same(Self.tagger.classify(token.start..<token.end, in: scalars).partOfSpeech, upos) ? 1 : 0
            }
        }
        let accuracy = Double(right) / Double(total), onOurs = Double(matchedRight) / Double(matched)
        print("tagger on zh_gsdsimp-ud-test: UPOS \(right)/\(total) = \(String(format: "%.2f", 100 * accuracy))% (gold words); "
              + "on our segmenter's words that match the treebank's (\(matched)): \(String(format: "%.2f", 100 * onOurs))%")
        #expect(accuracy >= 0.86)
        #expect(onOurs >= 0.86)
    }
}
