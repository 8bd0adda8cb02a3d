import Foundation
import AnalyticsCore
@testable import AnalyzeDriver

/// The package root, found from this file's path (Tests/AnalyzeDriverTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedURL = packageRoot.appendingPathComponent("seeds/000_3f7c8fb727aab8b7.txt")
let seedText = try! String(contentsOf: seedURL, encoding: .utf8)

/// Captures what a driver run writes.
final class CapturedIO: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    let stdin: [UInt8]

    init(stdin: [UInt8] = []) { self.stdin = stdin }

    var output: String { lock.withLock { out } }
    var errors: String { lock.withLock { err } }

    var io: DriverIO {
        DriverIO(readStandardInput: { self.stdin },
                 writeOutput: { text in self.lock.withLock { self.out += text } },
                 writeError: { text in self.lock.withLock { self.err += text } })
    }
}

/// Runs `analyze` in-process.
func runAnalyze(_ arguments: [String], stdin: String = "") -> (status: Int32, output: String, errors: String) {
    let captured = CapturedIO(stdin: Array(stdin.utf8))
    let status = Driver(io: captured.io).run(arguments)
    return (status, captured.output, captured.errors)
}

/// Runs one analyzer (and what it requires) on `text` and returns its result.
func analyze(_ type: any Analyzer.Type, text: String, options: [String: String] = [:]) throws -> (Document, any AnalyzerResult) {
    let id = type.description.id
    let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: [id], options: options.isEmpty ? [:] : [id: options])
    let document = Document(source: "example", text: text)
    let report = DocumentReport.analyzing(document, with: pipeline)
    guard let result = report.entries.first?.result else {
        throw AnalyzerSetupError("\(id) produced no result: \(report.errors)")
    }
    return (document, result)
}

/// Every object in a JSON tree that has integer "start" and "end" fields.
func spanObjects(in json: Any) -> [[String: Any]] {
    if let object = json as? [String: Any] {
        let own = (object["start"] is Int && object["end"] is Int) ? [object] : []
        return own + object.values.flatMap(spanObjects)
    }
    if let array = json as? [Any] { return array.flatMap(spanObjects) }
    return []
}
