import AnalyticsCore

/// `--format csv --table keywords`: one row per keyword of each document, best first.
extension KeywordsResult: CSVExportable {
    public static let csvColumns = ["rank", "term", "count", "score", "first_start", "first_end"]

    public var csvRows: [[String]] {
        keywords.enumerated().map { rank, keyword in
            [String(rank + 1), keyword.term, String(keyword.count), String(keyword.score),
             keyword.occurrences.first.map { String($0.start) } ?? "", keyword.occurrences.first.map { String($0.end) } ?? ""]
        }
    }
}
