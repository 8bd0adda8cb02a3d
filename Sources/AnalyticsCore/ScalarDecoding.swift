extension String {
    /// The text's Unicode scalars as an array, decoded straight from its UTF-8 storage.
    /// `Array(text.unicodeScalars)` counts the scalars in one generic pass and copies them in a
    /// second; this is one tight pass, and it is on the start of every analysis.
    public var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                guard var input = bytes.baseAddress, let output = buffer.baseAddress else { count = 0; return }
                let end = input + bytes.count
                var out = output
                // A String's UTF-8 is always valid, so every value is a scalar: no need to check
                // again (Unicode.Scalar is a UInt32 underneath).
                while input < end {
                    let lead = UInt32(input.pointee)
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        input += 1
                    } else if lead >= 0xE0 && lead < 0xF0 { // CJK: the common case here
                        value = (lead & 0x0F) << 12 | UInt32(input[1] & 0x3F) << 6 | UInt32(input[2] & 0x3F)
                        input += 3
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(input[1] & 0x3F)
                        input += 2
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(input[1] & 0x3F) << 12 | UInt32(input[2] & 0x3F) << 6 | UInt32(input[3] & 0x3F)
                        input += 4
                    }
                    out.initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                    out += 1
                }
                count = out - output
            }
        }
    }
}

extension String {
    /// A string from Unicode scalars, encoded to UTF-8 in one pass (the generic
    /// `UnicodeScalarView.append(contentsOf:)` is several times slower, and reports build a
    /// string for every span they show).
    public init(scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var length = 0 // the exact UTF-8 length: a sentence would otherwise reserve 4 bytes a character
        for scalar in scalars { length += UTF8Writer.length(scalar.value) }
        self.init(unsafeUninitializedCapacity: Swift.max(length, 1)) { buffer in
            var at = 0
            for scalar in scalars { at = UTF8Writer.write(scalar.value, to: buffer, at: at) }
            return at
        }
    }

    // Arrays and slices of them (documents' spans) take the buffer path: the generic one below
    // is not specialised across modules, and iterating through protocol witnesses was most of its time.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        self = scalars.withUnsafeBufferPointer { String(scalars: $0) }
    }

    public init(scalars: [Unicode.Scalar]) {
        self = scalars.withUnsafeBufferPointer { String(scalars: $0) }
    }

    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        self = Array(scalars).withUnsafeBufferPointer { String(scalars: $0) }
    }
}

/// Writes one scalar as UTF-8 into a buffer with room for it.
enum UTF8Writer {
    @inline(__always)
    static func length(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    @inline(__always)
    static func write(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        switch value {
        case ..<0x80:
            out[start] = UInt8(value)
            return start + 1
        case ..<0x800:
            out[start] = UInt8(0xC0 | value >> 6)
            out[start + 1] = UInt8(0x80 | value & 0x3F)
            return start + 2
        case ..<0x10000:
            out[start] = UInt8(0xE0 | value >> 12)
            out[start + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            out[start + 2] = UInt8(0x80 | value & 0x3F)
            return start + 3
        default:
            out[start] = UInt8(0xF0 | value >> 18)
            out[start + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            out[start + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            out[start + 3] = UInt8(0x80 | value & 0x3F)
            return start + 4
        }
    }
}
