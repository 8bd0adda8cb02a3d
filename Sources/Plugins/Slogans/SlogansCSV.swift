import AnalyticsCore

/// `--format csv --table slogans`: one row per slogan of each document, in order of first occurrence.
extension SlogansResult: CSVExportable {
    public static let csvColumns = ["text", "kind", "count", "meaning", "reason", "first_start", "first_end"]

    public var csvRows: [[String]] {
        slogans.map { slogan in
            [slogan.text, slogan.kind.rawValue, String(slogan.count), slogan.meaning ?? "", slogan.reason,
             slogan.occurrences.first.map { String($0.start) } ?? "", slogan.occurrences.first.map { String($0.end) } ?? ""]
        }
    }
}
