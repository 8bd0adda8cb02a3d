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
    // One flat store, not an array per entry: an answer costs no allocation. Raw memory, not arrays
    // in the class's properties, which would pay an exclusivity check on every access.
    private let places: UnsafeMutablePointer<(start: Int, end: Int, count: Int, length: Int)>
    private let windows: UnsafeMutablePointer<Unicode.Scalar>
    private let guesses: UnsafeMutablePointer<PartOfSpeechTagger.Guess>

    public init(tagger: PartOfSpeechTagger) {
        self.tagger = tagger
        places = .allocate(capacity: Self.slots)
        places.initialize(repeating: (-1, -1, -1, 0), count: Self.slots)
        windows = .allocate(capacity: Self.slots * Self.stride)
        windows.initialize(repeating: " ", count: Self.slots * Self.stride)
        guesses = .allocate(capacity: Self.slots)
        guesses.initialize(repeating: PartOfSpeechTagger.Guess(partOfSpeech: .noun, margin: 0), count: Self.slots)
    }

    deinit {
        places.deallocate()
        windows.deallocate()
        guesses.deallocate()
    }

    /// As `tagger.classify(range, in: scalars, tagCode: tagCode)`.
    public func classify(_ range: Range<Int>, in scalars: [Unicode.Scalar], tagCode: Int? = nil) -> PartOfSpeechTagger.Guess {
        let low = max(0, range.lowerBound - 4), high = min(scalars.count, range.upperBound + 4), length = high - low
        guard length <= Self.stride else { return tagger.classify(range, in: scalars, tagCode: tagCode) }
        var hash = PartOfSpeechTagger.basis
        for index in low..<high { hash = PartOfSpeechTagger.step(hash, scalars[index].value) }
        hash = PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.lowerBound))
        hash = PartOfSpeechTagger.mixed(PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.upperBound)))
        let slot = Int(hash) & (Self.slots - 1), base = slot * Self.stride
        lock.lock()
        let place = places[slot]
        if place.start == range.lowerBound, place.end == range.upperBound, place.count == scalars.count, place.length == length {
            var same = true
            for offset in 0..<length where windows[base + offset] != scalars[low + offset] {
                same = false
                break
            }
            if same {
                let guess = guesses[slot]
                lock.unlock()
                return guess
            }
        }
        lock.unlock()
        let guess = tagger.classify(range, in: scalars, tagCode: tagCode)
        lock.lock()
        places[slot] = (range.lowerBound, range.upperBound, scalars.count, length)
        for offset in 0..<length { windows[base + offset] = scalars[low + offset] }
        guesses[slot] = guess
        lock.unlock()
        return guess
    }
}
