import AnalyticsCore

/// What a corpus run keeps of a document's slogans once its report is written (issue 19): each
/// slogan's text, kind and count, which the corpus summary and trends read; not its occurrences,
/// reason, meaning or numbered formula's parts.
extension SlogansResult {
    public func retainedForCorpus() -> SlogansResult {
        SlogansResult(slogans: slogans.map {
            Slogan(text: $0.text, kind: $0.kind, count: $0.count, number: nil, head: nil, meaning: nil, source: nil, reason: "", occurrences: [])
        })
    }
}
