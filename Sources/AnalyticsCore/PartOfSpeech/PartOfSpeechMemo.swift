import Foundation

/// The tagger with a memory of its last answers: analyzers that ask about the same words several
/// times (the facts rules read the words around a figure in more than one pass) pay once. A guess is
/// a function of the word and the 4 characters on each side (the neighbours reach no further), so
/// an entry is found by that text and its place, never by a document's identity: an answer is the
/// same whoever asked, and output stays deterministic when documents run in parallel.
public final class PartOfSpeechMemo: @unchecked Sendable {
    public let tagger: PartOfSpeechTagger
    private let lock = NSLock()
    private var entries: [Entry]
    private static let slots = 512

    private struct Entry {
        var start = -1, end = -1, count = -1
        var window: [Unicode.Scalar] = []
        var guess = PartOfSpeechTagger.Guess(partOfSpeech: .noun, margin: 0)
    }

    public init(tagger: PartOfSpeechTagger) {
        self.tagger = tagger
        entries = Array(repeating: Entry(), count: Self.slots)
    }

    /// As `tagger.classify(range, in: scalars)`.
    public func classify(_ range: Range<Int>, in scalars: [Unicode.Scalar], tagCode: Int? = nil) -> PartOfSpeechTagger.Guess {
        let low = max(0, range.lowerBound - 4), high = min(scalars.count, range.upperBound + 4)
        guard high - low <= 24 else { return tagger.classify(range, in: scalars, tagCode: tagCode) }
        let window = scalars[low..<high]
        var hash = PartOfSpeechTagger.step(PartOfSpeechTagger.fnv(window), UInt32(truncatingIfNeeded: range.lowerBound))
        hash = PartOfSpeechTagger.mixed(PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.upperBound)))
        let slot = Int(hash) & (Self.slots - 1)
        lock.lock()
        let entry = entries[slot]
        lock.unlock()
        if entry.start == range.lowerBound, entry.end == range.upperBound, entry.count == scalars.count, entry.window.elementsEqual(window) {
            return entry.guess
        }
        let guess = tagger.classify(range, in: scalars, tagCode: tagCode)
        let fresh = Entry(start: range.lowerBound, end: range.upperBound, count: scalars.count, window: Array(window), guess: guess)
        lock.lock()
        entries[slot] = fresh
        lock.unlock()
        return guess
    }
}
