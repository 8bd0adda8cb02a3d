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

    /// The first index in `start..<end` of a scalar in the set, or `end`: a scan over a whole
    /// document, on raw pointers.
    func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Int {
        flags.withUnsafeBufferPointer { flags in
            var index = start
            while index < end {
                let value = scalars[index].value
                if value < 0x10000 && flags[Int(value)] { return index }
                index += 1
            }
            return end
        }
    }
}

/// Items grouped by a first scalar, each group in the order given: a look-up per character of a
/// scan without hashing (a Dictionary keyed by Unicode.Scalar hashes every probe).
struct ScalarGroups<Member: Sendable>: Sendable {
    /// Per BMP code point: 0 for none, else 1 + the group's index.
    private let slots: [UInt16]
    private let groups: [[Member]]
    /// Members keyed by scalars outside the BMP (none in the shipped tables), searched in order.
    private let astral: [(Unicode.Scalar, [Member])]

    init(_ items: [(Unicode.Scalar, Member)]) {
        var slots = [UInt16](repeating: 0, count: 0x10000)
        var groups: [[Member]] = []
        var astral: [(Unicode.Scalar, [Member])] = []
        for (key, member) in items {
            if key.value < 0x10000 {
                let slot = Int(key.value)
                if slots[slot] == 0 {
                    groups.append([])
                    slots[slot] = UInt16(groups.count)
                }
                groups[Int(slots[slot]) - 1].append(member)
            } else if let index = astral.firstIndex(where: { $0.0 == key }) {
                astral[index].1.append(member)
            } else {
                astral.append((key, [member]))
            }
        }
        // Astral groups come after the BMP ones.
        for (_, members) in astral { groups.append(members) }
        self.slots = slots
        self.groups = groups
        self.astral = astral
    }

    /// The first index in `start..<end` of a scalar that keys a group, or `end`.
    func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Int {
        slots.withUnsafeBufferPointer { slots in
            var index = start
            while index < end {
                let value = scalars[index].value
                if value < 0x10000 ? slots[Int(value)] != 0 : astral.contains(where: { $0.0.value == value }) { return index }
                index += 1
            }
            return end
        }
    }

    /// The group of members keyed by `scalar`, or -1.
    @inline(__always)
    func group(of scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x10000 { return Int(slots[Int(scalar.value)]) - 1 }
        guard let index = astral.firstIndex(where: { $0.0 == scalar }) else { return -1 }
        return groups.count - astral.count + index
    }

    @inline(__always)
    func members(_ group: Int) -> [Member] { groups[group] }

    /// The members keyed by `scalar` (empty for none).
    func members(of scalar: Unicode.Scalar) -> [Member] {
        let group = group(of: scalar)
        return group >= 0 ? groups[group] : []
    }
}
