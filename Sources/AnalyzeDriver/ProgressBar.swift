import AnalyticsCore
import Dispatch

/// documents done / total, MB/s and ETA on one line of standard error, redrawn in place; shown
/// only on a terminal and only once a run has taken more than a second.
final class ProgressBar {
    private let total: Int
    private let write: (String) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var characters = 0
    private var drawn = false
    private var lastDraw: UInt64 = 0

    init(total: Int, write: @escaping (String) -> Void) {
        self.total = total
        self.write = write
    }

    func update(done: Int, characters: Int) {
        self.characters += characters
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - started) / 1e9
        guard elapsed > 1, now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let megabytes = Double(self.characters) * 3 / 1e6 // most characters here are 3-byte Han
        let rate = megabytes / elapsed
        let remaining = elapsed / Double(done) * Double(total - done)
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        write("\r\(bar) \(done)/\(total) documents  \(NumberText.fixed(rate, digits: 1)) MB/s  ETA \(Int(remaining.rounded())) s ")
        drawn = true
    }

    /// Removes the bar before other output is written on the same terminal.
    func clear() {
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }
}
