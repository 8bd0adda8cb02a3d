extension String {
    /// The text's Unicode scalars as an array, decoded straight from its UTF-8 storage.
    /// `Array(text.unicodeScalars)` counts the scalars in one generic pass and copies them in a
    /// second; this is one tight pass, and it is on the start of every analysis.
    public var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0, out = 0
                let end = bytes.count
                while index < end {
                    let lead = UInt32(bytes[index])
                    var value: UInt32
                    switch lead {
                    case ..<0x80:
                        value = lead
                        index += 1
                    case ..<0xE0:
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    case ..<0xF0:
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    default:
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    // A String's UTF-8 is always valid, so every value is a scalar.
                    buffer.initializeElement(at: out, to: Unicode.Scalar(value).unsafelyUnwrapped)
                    out += 1
                }
                count = out
            }
        }
    }
}
