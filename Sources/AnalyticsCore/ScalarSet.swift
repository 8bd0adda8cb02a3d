/// A set of Unicode scalars with an O(1) bit test for the Basic Multilingual Plane: for scans that
/// ask "could a match start here?" at every character, where hashing each scalar is too slow.
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { insert(scalar) }
    }

    public mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 {
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        } else {
            astral.insert(value)
        }
    }

    /// The BMP bits, 64 scalars a word, for scans that test them through a raw pointer.
    var bmpWords: [UInt64] { bits }

    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x10000 { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return astral.contains(value)
    }
}
