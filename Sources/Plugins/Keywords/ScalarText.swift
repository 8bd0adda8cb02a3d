/// Substrings of scalar arrays, as the keywords analyzer asks for them: a person in the headings,
/// a ranked term inside a longer one (`yielding`, `inside`). One helper instead of three copies.
enum ScalarText {
    /// Whether `part` (not empty) occurs in `text` starting at `at`; the first scalars are
    /// compared first, as most starts fail there.
    @inline(__always)
    static func occurs(_ part: ArraySlice<Unicode.Scalar>, in text: ArraySlice<Unicode.Scalar>, at: Int) -> Bool {
        at >= text.startIndex && at + part.count <= text.endIndex && text[at] == part[part.startIndex]
            && text[at..<(at + part.count)].elementsEqual(part)
    }

    /// Whether `part` occurs anywhere in `text` (false for an empty part).
    static func contains(_ text: ArraySlice<Unicode.Scalar>, _ part: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !part.isEmpty, part.count <= text.count else { return false }
        for at in text.startIndex...(text.endIndex - part.count) where occurs(part, in: text, at: at) { return true }
        return false
    }
}
