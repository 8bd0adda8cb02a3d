// In-process throughput, for scripts/bench-segment.py and scripts/bench-analyzers.py:
//   analyze-bench segment FILE [REPEATS]     the segmenter: text in, every word out as UTF-8 (what a peer's
//                                            in-process cut(text) does); prints bytes seconds MB/s
//   analyze-bench analyzers [--only ID] [--option ID.KEY=VALUE]... FILE...
//                                            each analyzer alone over the files as documents,
//                                            best of 3; prints id MB/s documents/s
import AnalyticsCore
import AnalyzeDriver
import Dispatch
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("analyze-bench: \(message)\n".data(using: .utf8)!)
    exit(64)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: analyze-bench segment FILE [REPEATS] | analyzers FILE...") }

switch mode {
case "segment":
    guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else { fail("segment needs a readable FILE") }
    let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
    let text = String(decoding: data, as: UTF8.self)
    let segmenter: Segmenter
    do { segmenter = try Segmenter.shipped() } catch { fail(error.message) }
    var best = Double.infinity
    var outputBytes = 0
    for _ in 0..<repeats {
        var words: [UInt8] = []
        best = min(best, seconds { words = segmenter.segmentedLinesUTF8(text) })
        outputBytes = words.count
    }
    print(data.count, best, Double(data.count) / 1e6 / best, outputBytes)

case "analyzers":
    var paths = Array(arguments.dropFirst())
    var only: String?
    var options: [String: [String: String]] = [:]
    while paths.count > 1 && (paths.first == "--only" || paths.first == "--option") {
        if paths[0] == "--only" {
            only = paths[1]
        } else if let dot = paths[1].firstIndex(of: "."), let equals = paths[1].firstIndex(of: "=") {
            // --option ID.KEY=VALUE, as analyze takes it
            options[String(paths[1][..<dot]), default: [:]][String(paths[1][paths[1].index(after: dot)..<equals])] = String(paths[1][paths[1].index(after: equals)...])
        }
        paths.removeFirst(2)
    }
    guard !paths.isEmpty else { fail("analyzers needs FILE arguments") }
    let documents = paths.map { path -> Document in
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return Document(source: path, text: String(decoding: data, as: UTF8.self))
    }
    let bytes = Double(documents.reduce(0) { $0 + $1.text.utf8.count })
    for type in BuiltinAnalyzers.all where only == nil || type.description.id == only {
        let id = type.description.id
        do {
            let pipeline = try Pipeline(registry: BuiltinAnalyzers.registry, requested: [id], options: options)
            var best = Double.infinity
            for _ in 0..<3 {
                best = min(best, seconds { for document in documents { _ = pipeline.run(document) } })
            }
            print(id, String(format: "%.2f", bytes / 1e6 / best), String(format: "%.0f", Double(documents.count) / best))
        } catch {
            fail("\(id): \(error)")
        }
    }

default:
    fail("unknown mode '\(mode)'; use segment or analyzers")
}
