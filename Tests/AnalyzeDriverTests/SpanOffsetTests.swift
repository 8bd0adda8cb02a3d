import Foundation
import Testing
import AnalyticsCore
@testable import AnalyzeDriver

/// Every span in every analyzer's JSON is Unicode-scalar offsets into the decoded text:
/// `text[start:end]` in Python gives the span's text.
@Suite struct SpanOffsetTests {
    static let ids: [String] = BuiltinAnalyzers.all.map { $0.description.id }
    static let texts = [seedText, "😀𠀀\u{301}前言。\n" + seedText]

    @Test(arguments: ids, texts.indices)
    func spansMatchTheirText(_ id: String, textIndex: Int) throws {
        let type = try #require(BuiltinAnalyzers.registry.analyzer(id: id))
        let (document, result) = try analyze(type, text: Self.texts[textIndex])
        let data = try JSONEncoder().encode(result)
        let objects = spanObjects(in: try JSONSerialization.jsonObject(with: data))
        for object in objects {
            let start = object["start"] as! Int, end = object["end"] as! Int
            try #require(0 <= start && start <= end && end <= document.characterCount, "\(id): span \(start)..<\(end) out of range")
            if let text = object["text"] as? String {
                #expect(document.text(TextSpan(start: start, end: end)) == text, "\(id): text at \(start)..<\(end)")
            }
        }
        for labeled in result.reportedSpans {
            #expect(labeled.span.end <= document.characterCount, "\(id): \(labeled.label) out of range")
        }
    }
}

@Suite struct PluginRegistrationTests {
    /// A plugin folder that is not in `BuiltinAnalyzers.all` would be dead code no user can reach.
    @Test func everyPluginFolderIsRegistered() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Sources/Plugins").path)
            .filter { !$0.hasPrefix(".") }
        let ids = Set(BuiltinAnalyzers.all.map { $0.description.id })
        #expect(!folders.isEmpty)
        for folder in folders {
            #expect(ids.contains(folder.lowercased()), "Sources/Plugins/\(folder) has no analyzer with id '\(folder.lowercased())' in BuiltinAnalyzers.all")
        }
        #expect(ids.count == BuiltinAnalyzers.all.count, "analyzer ids must be unique")
    }

    @Test func idsAreStableLowerCase() {
        for type in BuiltinAnalyzers.all {
            let id = type.description.id
            #expect(id == id.lowercased() && !id.isEmpty && id.allSatisfy { $0.isLetter || $0 == "-" }, "bad id '\(id)'")
        }
    }
}
