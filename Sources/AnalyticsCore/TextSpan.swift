/// A half-open range of Unicode-scalar offsets into a document's decoded text.
///
/// `start` is inclusive and `end` exclusive, so Python's `text[start:end]` yields the span's text.
/// Every span in every report uses this unit.
public struct TextSpan: Hashable, Comparable, Codable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var length: Int { end - start }
    public var range: Range<Int> { start..<end }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
