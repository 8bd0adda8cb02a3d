/// A handful of characters tested one by one (`"…".unicodeScalars.contains` decodes the
/// literal's UTF-8 again on every call). For a test at every scalar of a document, ScalarSet.
public struct ScalarList: Sendable, ExpressibleByStringLiteral {
    @usableFromInline let values: [UInt32]

    @inlinable
    public init(stringLiteral text: String) {
        // One pass over the literal's UTF-8 (`map` counts the scalars first).
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { values.append(scalar.value) }
        self.values = values
    }

    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        values.contains(scalar.value)
    }
}
