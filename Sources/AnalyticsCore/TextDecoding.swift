#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of an input file into text, or says clearly why it cannot.
///
/// Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE); strict UTF-8; UTF-16 without a BOM
/// (by its zero bytes, or for Chinese text by its code units); GB18030, the superset of GBK and GB2312 that Chinese documents commonly
/// use. Anything else is refused with the advice to pass `--encoding`; text is never guessed
/// into mojibake. A leading BOM is not part of the decoded text (offsets start after it).
public enum TextDecoding {
    public struct Decoded: Sendable, Equatable {
        public let text: String
        /// The encoding that was used, for messages and reports: "UTF-8", "GB18030"…
        public let encoding: String
    }

    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Decodes `bytes`; `encoding` (an iconv name such as GBK, BIG5, UTF-16LE) overrides detection.
    public static func decode(_ bytes: [UInt8], encoding: String? = nil) throws(Failure) -> Decoded {
        if let encoding {
            return try decode(bytes, declared: encoding)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw Failure(message: "starts with a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8Offset(bytes))); fix the file or pass --encoding NAME")
            }
            return Decoded(text: text, encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            guard let text = iconv(Array(bytes.dropFirst(2)), from: name) else {
                throw Failure(message: "starts with a \(name) byte-order mark but is not valid \(name); fix the file or pass --encoding NAME")
            }
            return Decoded(text: text, encoding: name)
        }
        if let name = BinarySignature.name(of: bytes) {
            throw Failure(message: "is a binary file (\(name)), not text; pass text files (UTF-8, UTF-16 or GB18030)")
        }
        // UTF-16 of mostly-ASCII text is also valid UTF-8 (full of NULs), so it is tried first.
        if let name = utf16WithoutBOM(bytes), let text = iconv(bytes, from: name) {
            return Decoded(text: text, encoding: name)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            if looksBinary(text) {
                throw Failure(message: "looks like a binary file (mostly control characters), not text; pass a text file")
            }
            return Decoded(text: text, encoding: "UTF-8")
        }
        // UTF-8 with a few bad bytes is damaged UTF-8, not another encoding: GB18030 would read
        // it without complaint and produce mojibake.
        let utf8 = utf8Damage(bytes)
        if utf8.validMultibyte >= 2 && utf8.invalid <= max(1, utf8.validMultibyte / 20) {
            let offset = firstInvalidUTF8Offset(bytes)
            let truncated = bytes.count - offset <= 3 && utf8.invalid == 1
            throw Failure(message: truncated
                ? "is UTF-8 that ends in the middle of a character (at byte \(offset)); the file looks cut short: restore its end"
                : "is UTF-8 with \(utf8.invalid) invalid byte sequence(s), the first at byte \(offset); repair the file, or pass --encoding NAME if it is in another encoding")
        }
        if let name = chineseUTF16WithoutBOM(bytes), let text = iconv(bytes, from: name) {
            return Decoded(text: text, encoding: name)
        }
        // GB18030/GBK and Big5 both decode each other's bytes; the share of each one's common
        // characters tells which one a text is in (simplified GBK text: ~90% in GB2312 level 1).
        if !bytes.contains(0), commonShare(bytes, lead: 0xB0...0xD7, trail: 0xA1...0xFE) >= 0.5,
           let text = iconv(bytes, from: "GB18030"), !looksBinary(text) {
            return Decoded(text: text, encoding: "GB18030")
        }
        if !bytes.contains(0), commonShare(bytes, lead: 0xA4...0xC6, trail: 0x40...0xFE) >= 0.6,
           let text = iconv(bytes, from: "BIG5"), !looksBinary(text) {
            return Decoded(text: text, encoding: "BIG5")
        }
        let hint = bytes.contains(0) ? "it looks binary" : "it does not read as GB18030 or Big5 either"
        throw Failure(message: "is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8Offset(bytes))) and \(hint); if it is text, pass its encoding with --encoding NAME (e.g. GBK, BIG5, UTF-16LE)")
    }

    /// Whether iconv on this system knows `name`.
    public static func isKnownEncoding(_ name: String) -> Bool {
        let descriptor = iconv_open("UTF-8", name)
        if descriptor == invalidDescriptor { return false }
        iconv_close(descriptor)
        return true
    }

    private static func decode(_ bytes: [UInt8], declared name: String) throws(Failure) -> Decoded {
        let upper = name.uppercased()
        if upper == "UTF-8" || upper == "UTF8" {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let text = String(validating: body, as: UTF8.self) else {
                throw Failure(message: "is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8Offset(body))) although --encoding \(name) was given; leave --encoding out to detect the encoding, or name the right one (GB18030, BIG5, UTF-16LE)")
            }
            return Decoded(text: text, encoding: "UTF-8")
        }
        guard isKnownEncoding(name) else {
            throw Failure(message: "cannot be decoded: --encoding '\(name)' is not an encoding this system knows (try GB18030, GBK, BIG5, UTF-16LE)")
        }
        guard var text = iconv(bytes, from: name) else {
            throw Failure(message: "is not valid \(name) text; check the --encoding value")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return Decoded(text: text, encoding: upper)
    }

    /// Valid multi-byte UTF-8 characters and invalid sequences in `bytes`.
    private static func utf8Damage(_ bytes: [UInt8]) -> (validMultibyte: Int, invalid: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var valid = 0, invalid = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { valid += 1 }
            case .emptyInput: return (valid, invalid)
            case .error: invalid += 1
            }
        }
    }

    /// The share of double-byte characters whose lead and trail bytes fall in the given ranges.
    private static func commonShare(_ bytes: [UInt8], lead: ClosedRange<UInt8>, trail: ClosedRange<UInt8>) -> Double {
        var index = 0, total = 0, common = 0
        while index < bytes.count {
            guard bytes[index] >= 0x80 else { index += 1; continue }
            total += 1
            if index + 1 < bytes.count, lead.contains(bytes[index]), trail.contains(bytes[index + 1]) { common += 1 }
            index += 2
        }
        return total == 0 ? 0 : Double(common) / Double(total)
    }

    /// Mostly control characters other than tab, line breaks and form feed: not a text document.
    private static func looksBinary(_ text: String) -> Bool {
        // On the UTF-8 bytes (control characters are single bytes): the first 8,192 characters.
        var text = text
        return text.withUTF8 { utf8 in
            var total = 0, control = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { // not a continuation byte: a character starts
                total += 1
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F { control += 1 }
                if total == 8192 { break }
            }
            return total > 0 && control * 10 > total
        }
    }

    /// UTF-16 without a BOM shows zero bytes in every other position for ASCII and many CJK
    /// texts show none; require a clear majority of zeros on one side and (almost) none on the other.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(8192)
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Chinese text in UTF-16 has few zero bytes; read as code units in the right byte order it is
    /// almost all Han characters, CJK punctuation, full-width forms and ASCII, which GB18030 or Big5
    /// bytes read as UTF-16 are not (they land in Hangul, private use and surrogates).
    private static func chineseUTF16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(8192)
        func plausibleShare(highFirst: Bool) -> Double {
            var plausible = 0, units = 0
            var index = sample.startIndex
            while index + 1 < sample.endIndex {
                let unit = highFirst ? UInt16(sample[index]) << 8 | UInt16(sample[index + 1])
                                     : UInt16(sample[index + 1]) << 8 | UInt16(sample[index])
                switch unit {
                case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2000...0x206F, 0x20...0x7E, 0x0A, 0x0D: plausible += 1
                default: break
                }
                units += 1
                index += 2
            }
            return Double(plausible) / Double(units)
        }
        if plausibleShare(highFirst: false) >= 0.9 { return "UTF-16LE" }
        if plausibleShare(highFirst: true) >= 0.9 { return "UTF-16BE" }
        return nil
    }

    private static func firstInvalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }

    private static var invalidDescriptor: iconv_t? { iconv_t(bitPattern: -1) }

    /// Strict conversion to UTF-8 through the C library's iconv; nil on any invalid or incomplete sequence.
    static func iconv(_ bytes: [UInt8], from name: String) -> String? {
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != invalidDescriptor else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuffer.count
            while inLeft > 0 {
                if output.count - produced < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer = Optional(UnsafeMutableRawPointer(outBuffer.baseAddress! + produced).assumingMemoryBound(to: CChar.self))
                    var outLeft = outBuffer.count - produced
                    let result = Glibc.iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    produced = outBuffer.count - outLeft
                    return result
                }
                if result == -1 && errno != E2BIG { return false }
            }
            return true
        }
        guard ok else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }
}

/// Magic numbers of common binary formats, so the error can name what was passed.
enum BinarySignature {
    static func name(of bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PNG image", [0x89, 0x50, 0x4E, 0x47]), ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
            ("PDF document", Array("%PDF-".utf8)), ("ZIP archive or Office document", [0x50, 0x4B, 0x03, 0x04]),
            ("JPEG image", [0xFF, 0xD8, 0xFF]), ("GIF image", Array("GIF8".utf8)), ("gzip archive", [0x1F, 0x8B]),
        ]
        return signatures.first { bytes.starts(with: $0.1) }?.0
    }
}
