/// A decoded text with its paragraphs and sentences, shared read-only by every analyzer.
///
/// The text is also held as an array of Unicode scalars so that analyzers index it in O(1)
/// with the same offsets that reports use.
public struct Document: Sendable {
    /// Where the text came from: a path, `-` for standard input, or an id.
    public let source: String
    public let text: String
    /// The text's Unicode scalars; offsets in every span index this array.
    public let scalars: [Unicode.Scalar]
    /// Non-blank lines, trimmed of surrounding whitespace.
    public let paragraphs: [TextSpan]
    /// Sentences in document order; none crosses a paragraph boundary.
    public let sentences: [TextSpan]
    private let lazyNumbers: OnceValue<[NumberMatch]>

    public init(source: String, text: String) {
        self.source = source
        self.text = text
        let scalars = text.scalarArray
        self.scalars = scalars
        let paragraphs = SentenceSplitter.paragraphs(in: scalars)
        self.paragraphs = paragraphs
        self.sentences = paragraphs.flatMap { SentenceSplitter.sentences(in: scalars, paragraph: $0) }
        lazyNumbers = OnceValue { NumberScanner.matches(in: scalars) }
    }

    private init(source: String, text: String, scalars: [Unicode.Scalar], paragraphs: [TextSpan], sentences: [TextSpan]) {
        self.source = source
        self.text = text
        self.scalars = scalars
        self.paragraphs = paragraphs
        self.sentences = sentences
        lazyNumbers = OnceValue { NumberScanner.matches(in: scalars) }
    }

    /// What a corpus run keeps of a document once its report is written (issue 19: a JSON
    /// report of 10,000 articles held every document whole): the source and, when `scalars`,
    /// the scalars (trends date and count on them). The text, paragraphs and sentences are
    /// empty; the numbers are scanned again if asked for.
    public func retainedForCorpus(scalars keep: Bool) -> Document {
        Document(source: source, text: "", scalars: keep ? scalars.compacted() : [], paragraphs: [], sentences: [])
    }

    /// Every number in the text (`NumberScanner.matches`), found on first use and kept: facts and
    /// slogans both read them, and scanning twice was a twentieth of a document's analysis.
    /// Derived from the immutable scalars only, so copies of a document may share it.
    public var numbers: [NumberMatch] { lazyNumbers.value }

    /// The number of Unicode scalars in the text (the unit of every offset).
    public var characterCount: Int { scalars.count }

    /// The text covered by `span`.
    public func text(_ span: TextSpan) -> String {
        String(scalars: scalars[span.range])
    }

    /// The sentence containing `offset`, found by binary search.
    public func sentence(containing offset: Int) -> TextSpan? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        guard low < sentences.count, sentences[low].start <= offset else { return nil }
        return sentences[low]
    }
}

extension Array where Element == Unicode.Scalar {
    /// A copy with no spare capacity (`scalarArray` reserves a scalar per UTF-8 byte: three
    /// times what Han text needs), for scalars kept after their document's analysis.
    public func compacted() -> [Unicode.Scalar] {
        withUnsafeBufferPointer { source in
            [Unicode.Scalar](unsafeUninitializedCapacity: source.count) { buffer, count in
                if let base = source.baseAddress, source.count > 0 { buffer.baseAddress!.initialize(from: base, count: source.count) }
                count = source.count
            }
        }
    }
}
