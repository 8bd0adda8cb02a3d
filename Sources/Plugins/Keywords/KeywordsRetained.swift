import AnalyticsCore

/// What a corpus run keeps of a document's keywords once its report is written (issue 19): the
/// keywords without their occurrences, and the recurring terms' counts over a copy of just
/// their characters, not the document's scalars (which `scalarArray` sizes at a scalar per
/// UTF-8 byte). The corpus summary and trends read the same terms and counts from it.
extension KeywordsResult {
    public func retainedForCorpus() -> KeywordsResult {
        let kept = keywords.map {
            Keyword(term: $0.term, count: $0.count, score: $0.score, expected: $0.expected, phrase: $0.phrase, occurrences: [])
        }
        return KeywordsResult(method: method, tokens: tokens, keywords: kept, termCounts: termCounts.retainedForCorpus())
    }
}

extension TermCounts {
    /// The same terms and counts, over a copy of the terms' characters only.
    func retainedForCorpus() -> TermCounts {
        var kept = TermCounts()
        kept.tokens = tokens
        kept.counts = counts
        kept.latin = latin
        kept.scalars.reserveCapacity(spans.reduce(0) { $0 + $1.end - $1.start })
        kept.spans.reserveCapacity(spans.count)
        for span in spans {
            let start = kept.scalars.count
            kept.scalars.append(contentsOf: scalars[span.range])
            kept.spans.append(TextSpan(start: start, end: kept.scalars.count))
        }
        return kept
    }
}
