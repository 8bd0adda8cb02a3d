/// The tagger with a memory of its last answers, for one document's analysis: analyzers that ask
/// about the same words several times (the facts rules read the words around a figure in more
/// than one pass) pay once. One is made per document and used by the thread analysing it, so it
/// takes no lock; an analyzer keeps the tagger, never a memo. A guess is a function of the word
/// and the 4 characters on each side (the neighbours reach no further), and an entry is found by
/// that text and its place: an answer is always the tagger's own.
public final class PartOfSpeechMemo: @unchecked Sendable {
    public let tagger: PartOfSpeechTagger
    private static let slots = 512
    /// The longest window kept: words of up to 16 characters and their 4 on each side.
    private static let stride = 24
    // One flat store, not an array per entry: an answer costs no allocation. Raw memory, not arrays
    // in the class's properties, which would pay an exclusivity check on every access. Allocated at
    // the first question: most short documents ask none.
    private var places: UnsafeMutablePointer<(start: Int, end: Int, count: Int, length: Int)>?
    private var windows: UnsafeMutablePointer<Unicode.Scalar>?
    private var guesses: UnsafeMutablePointer<PartOfSpeechTagger.Guess>?

    public init(tagger: PartOfSpeechTagger) {
        self.tagger = tagger
    }

    deinit {
        places?.deallocate()
        windows?.deallocate()
        guesses?.deallocate()
    }

    /// As `tagger.classify(range, in: scalars, tagCode: tagCode)`.
    public func classify(_ range: Range<Int>, in scalars: [Unicode.Scalar], tagCode: Int? = nil) -> PartOfSpeechTagger.Guess {
        let low = max(0, range.lowerBound - 4), high = min(scalars.count, range.upperBound + 4), length = high - low
        guard length <= Self.stride else { return tagger.classify(range, in: scalars, tagCode: tagCode) }
        let (places, windows, guesses) = store()
        var hash = PartOfSpeechTagger.basis
        for index in low..<high { hash = PartOfSpeechTagger.step(hash, scalars[index].value) }
        hash = PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.lowerBound))
        hash = PartOfSpeechTagger.mixed(PartOfSpeechTagger.step(hash, UInt32(truncatingIfNeeded: range.upperBound)))
        let slot = Int(hash) & (Self.slots - 1), base = slot * Self.stride
        let place = places[slot]
        if place.start == range.lowerBound, place.end == range.upperBound, place.count == scalars.count, place.length == length {
            var same = true
            for offset in 0..<length where windows[base + offset] != scalars[low + offset] {
                same = false
                break
            }
            if same { return guesses[slot] }
        }
        let guess = tagger.classify(range, in: scalars, tagCode: tagCode)
        places[slot] = (range.lowerBound, range.upperBound, scalars.count, length)
        for offset in 0..<length { windows[base + offset] = scalars[low + offset] }
        guesses[slot] = guess
        return guess
    }

    private func store() -> (UnsafeMutablePointer<(start: Int, end: Int, count: Int, length: Int)>,
                             UnsafeMutablePointer<Unicode.Scalar>, UnsafeMutablePointer<PartOfSpeechTagger.Guess>) {
        if let places, let windows, let guesses { return (places, windows, guesses) }
        let newPlaces = UnsafeMutablePointer<(start: Int, end: Int, count: Int, length: Int)>.allocate(capacity: Self.slots)
        newPlaces.initialize(repeating: (-1, -1, -1, 0), count: Self.slots)
        let newWindows = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: Self.slots * Self.stride)
        newWindows.initialize(repeating: " ", count: Self.slots * Self.stride)
        let newGuesses = UnsafeMutablePointer<PartOfSpeechTagger.Guess>.allocate(capacity: Self.slots)
        newGuesses.initialize(repeating: PartOfSpeechTagger.Guess(partOfSpeech: .noun, margin: 0), count: Self.slots)
        (places, windows, guesses) = (newPlaces, newWindows, newGuesses)
        return (newPlaces, newWindows, newGuesses)
    }
}
