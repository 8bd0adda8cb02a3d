import Foundation

/// The tagger with a memory of its last answers: analyzers that ask about the same words several
/// times (the facts rules read the words around a figure in more than one pass) pay once. A guess is
/// a function of the word and the 4 characters on each side (the neighbours reach no further), so
/// an entry is found by that text and its place, never by a document's identity: an answer is the
/// same whoever asked, and output stays deterministic when documents run in parallel.
public final class PartOfSpeechMemo: @unchecked Sendable {
    public let tagger: PartOfSpeechTagger
    private let lock = NSLock()
    private static let slots = 512
    /// The longest window kept: words of up to 16 characters and their 4 on each side.
    private static let stride = 24
    // One flat store, not an array per entry: an answer costs no allocation.
    private var places: [(start: Int, end: Int, count: Int, length: Int)]
    private var windows: [Unicode.Scalar]
    private var guesses: [PartOfSpeechTagger.Guess]

    public init(tagger: PartOfSpeechTagger) {
        self.tagger = tagger
        places = Array(repeating: (-1, -1, -1, 0), count: Self.slots)
        windows = Array(repeating: " ", count: Self.slots * Self.stride)
        guesses = Array(repeating: PartOfSpeechTagger.Guess(partOfSpeech: .noun, margin: 0), count: Self.slots)
    }

    /// As `tagger.classify(range, in: scalars, tagCode: tagCode)`.
    public func classify(_ range: Range<Int>, in scalars: [Unicode.Scalar], tagCode: Int? = nil) -> PartOfSpeechTagger.Guess {
        let low = max(0, range.lowerBound - 4), high = min(scalars.count, range.upperBound + 4)
        guard high - low <= Self.stride else { return tagger.classify(range, in: scalars, tagCode: tagCode) }
        let window = scalars[low..<high]
        var hash = PartOfSpeechTagger.step(PartOfSpeechTagger.fnv(window), UInt32(truncatingIfNeeded: range.lowerBound))
        hash = PartOfSpeechTagger.mixed(PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.upperBound)))
        let slot = Int(hash) & (Self.slots - 1), base = slot * Self.stride
        lock.lock()
        let place = places[slot]
        if place.start == range.lowerBound, place.end == range.upperBound, place.count == scalars.count, place.length == window.count,
           windows[base..<(base + window.count)].elementsEqual(window) {
            let guess = guesses[slot]
            lock.unlock()
            return guess
        }
        lock.unlock()
        let guess = tagger.classify(range, in: scalars, tagCode: tagCode)
        lock.lock()
        places[slot] = (range.lowerBound, range.upperBound, scalars.count, window.count)
        windows.replaceSubrange(base..<(base + window.count), with: window)
        guesses[slot] = guess
        lock.unlock()
        return guess
    }
}
