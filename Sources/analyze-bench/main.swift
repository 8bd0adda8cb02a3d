// In-process throughput of the segmenter, for scripts/bench-segment.py: the same work a peer's
// in-process `cut(text)` does (text in, every word out), without process start or file I/O.
//   analyze-bench FILE [REPEATS]   prints: bytes seconds(best) MB/s
import AnalyticsCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write("usage: analyze-bench FILE [REPEATS]\n".data(using: .utf8)!)
    exit(64)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let text = String(decoding: data, as: UTF8.self)
let segmenter: Segmenter
do {
    segmenter = try Segmenter.shipped()
} catch {
    FileHandle.standardError.write("analyze-bench: \(error.message)\n".data(using: .utf8)!)
    exit(1)
}
var best = Double.infinity
var outputBytes = 0
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let words = segmenter.segmentedLines(text)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    outputBytes = words.utf8.count
    best = min(best, seconds)
}
print(data.count, best, Double(data.count) / 1e6 / best, outputBytes)
