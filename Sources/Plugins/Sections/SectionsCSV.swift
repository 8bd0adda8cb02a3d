import AnalyticsCore

/// `--format csv --table sections`: the outline, one row per section of each document.
extension SectionsResult: CSVExportable {
    public static let csvColumns = ["role", "level", "label", "heading", "theme", "start", "end"]

    public var csvRows: [[String]] {
        sections.map { section in
            [section.role.rawValue, String(section.level), section.label ?? "", section.heading ?? "", section.theme ?? "",
             String(section.start), String(section.end)]
        }
    }
}
