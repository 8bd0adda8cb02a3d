/// A set of characters tested inline in whole-document scans (AnalyticsCore's ScalarSet is a call
/// across modules per character there): a flag per Basic Multilingual Plane code point.
struct ScalarTable: Sendable {
    private let flags: [Bool]

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var flags = [Bool](repeating: false, count: 0x10000)
        for scalar in scalars where scalar.value < 0x10000 { flags[Int(scalar.value)] = true }
        self.flags = flags
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && flags[Int(scalar.value)]
    }
}
