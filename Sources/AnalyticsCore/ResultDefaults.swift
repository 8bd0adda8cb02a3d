import Foundation

/// What a result gets without writing anything: each optional capability's default.
/// - render blocks (`rendering(for:)`): its JSON's top-level fields, one line each;
/// - highlights: none (nothing marked in the HTML text);
/// - no table (`CSVExportable`), no corpus summary (`CorpusSummarizable`);
/// - JSON through `Encodable` (`JSONDescribed` gives the fast path from one description).
extension AnalyzerResult {
    public func rendering(for document: Document) -> [RenderBlock] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        let fields = object.keys.sorted().map { key in RenderBlock.Field(key, Self.summary(of: object[key]!)) }
        return fields.isEmpty ? [] : [.fields(fields)]
    }

    /// A JSON value in a few words: scalars as they are, lists and objects by their size.
    private static func summary(of value: Any) -> String {
        switch value {
        case let text as String: return DisplayWidth.truncate(text, to: 60)
        case let number as NSNumber where String(cString: number.objCType) == "c": return number.boolValue ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        case let list as [Any]: return list.count == 1 ? "1 item" : "\(list.count) items"
        case let object as [String: Any]: return object.count == 1 ? "1 field" : "\(object.count) fields"
        default: return "—"
        }
    }
}
