import AnalyticsCore

/// Size and shape of a document: characters, Han share, paragraphs, sentences, reading time.
public struct StatsAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "stats",
        summary: "Characters, Han share, paragraphs, sentences, longest sentence and reading time",
        runsByDefault: true,
        options: [rateOption],
        examples: [
            AnalyzerExample("短句。«这是全文最长的一个句子，有逗号。»好。", note: "the longest sentence is reported with its span"),
            AnalyzerExample("“第一句。”«第二句比第一句长得多！»", note: "a closing quote belongs to the sentence it ends"),
            AnalyzerExample("«Growth was 5.1 percent in 2022.» Good.", note: "a decimal point does not end a sentence"),
        ]
    )

    static let rateOption = Option(integer: "rate", in: 50...5000, default: 400,
                                   help: "reading rate in units per minute; a unit is one Han character or one Latin word or number")

    let rate: Int

    public init(options: OptionValues) {
        rate = options[Self.rateOption]
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> StatsResult {
        var han = 0, latinWords = 0, numbers = 0, whitespace = 0
        var previous = ScriptClass.whitespace
        for scalar in document.scalars {
            // Most of a Chinese text: counted here without a call into AnalyticsCore.
            if scalar.value &- 0x4E00 < 0x5200 {
                han += 1
                previous = .han
                continue
            }
            let script = ScriptClass.of(scalar)
            switch script {
            case .han: han += 1
            case .latin where previous != .latin: latinWords += 1
            case .digit where previous != .digit: numbers += 1
            case .whitespace: whitespace += 1
            default: break
            }
            previous = script
        }
        let longest = document.sentences.max { $0.length < $1.length || ($0.length == $1.length && $0.start > $1.start) }
        let sentenceCount = document.sentences.count
        let inSentences = document.sentences.reduce(0) { $0 + $1.length }
        let units = han + latinWords + numbers
        return StatsResult(
            characters: document.characterCount,
            nonWhitespaceCharacters: document.characterCount - whitespace,
            hanCharacters: han,
            hanShare: document.characterCount == whitespace ? 0 : Double(han) / Double(document.characterCount - whitespace),
            latinWords: latinWords,
            paragraphs: document.paragraphs.count,
            sentences: sentenceCount,
            averageSentenceLength: sentenceCount == 0 ? 0 : Double(inSentences) / Double(sentenceCount),
            longestSentence: longest.map { SpanText(span: $0, in: document) },
            readingRate: rate,
            readingMinutes: Double(units) / Double(rate)
        )
    }
}

/// A span with its text, as reports show it.
public struct SpanText: Codable, Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let length: Int
    public let text: String

    public init(span: TextSpan, in document: Document) {
        start = span.start
        end = span.end
        length = span.length
        text = document.text(span)
    }
}

public struct StatsResult: AnalyzerResult, Equatable {
    public let characters: Int
    public let nonWhitespaceCharacters: Int
    public let hanCharacters: Int
    /// Han characters among the non-whitespace characters, 0…1.
    public let hanShare: Double
    public let latinWords: Int
    public let paragraphs: Int
    public let sentences: Int
    /// In Unicode scalars.
    public let averageSentenceLength: Double
    public let longestSentence: SpanText?
    /// Units per minute used for `readingMinutes`.
    public let readingRate: Int
    public let readingMinutes: Double

    public var reportedSpans: [LabeledSpan] {
        longestSentence.map { [LabeledSpan("longest sentence", TextSpan(start: $0.start, end: $0.end))] } ?? []
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        var fields: [RenderBlock.Field] = [
            .init("characters", NumberText.grouped(characters)),
            .init("Han characters", "\(NumberText.grouped(hanCharacters)) (\(NumberText.fixed(hanShare * 100, digits: 1))% of non-space)"),
            .init("Latin words", NumberText.grouped(latinWords)),
            .init("paragraphs", NumberText.grouped(paragraphs)),
            .init("sentences", NumberText.grouped(sentences)),
            .init("average sentence", "\(NumberText.fixed(averageSentenceLength, digits: 1)) characters"),
        ]
        if let longest = longestSentence {
            fields.append(.init("longest sentence", "\(longest.length) characters at \(longest.start)–\(longest.end)"))
        }
        fields.append(.init("reading time", "\(NumberText.fixed(readingMinutes, digits: 1)) min at \(readingRate) units/min"))
        var blocks: [RenderBlock] = [.fields(fields)]
        if let longest = longestSentence {
            blocks.append(.note("longest: " + DisplayWidth.truncate(longest.text, to: 66)))
        }
        return blocks
    }
}

/// The JSON of stats, described once (both the fast path and Encodable come from it).
extension StatsResult: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.double("averageSentenceLength", averageSentenceLength)
        json.int("characters", characters)
        json.int("hanCharacters", hanCharacters)
        json.double("hanShare", hanShare)
        json.int("latinWords", latinWords)
        json.object("longestSentence", longestSentence)
        json.int("nonWhitespaceCharacters", nonWhitespaceCharacters)
        json.int("paragraphs", paragraphs)
        json.double("readingMinutes", readingMinutes)
        json.int("readingRate", readingRate)
        json.int("sentences", sentences)
    }
}

extension SpanText: JSONDescribed {
    public func describeJSON<W: JSONFieldWriter>(into json: inout W) {
        json.int("end", end)
        json.int("length", length)
        json.int("start", start)
        json.string("text", text)
    }
}
