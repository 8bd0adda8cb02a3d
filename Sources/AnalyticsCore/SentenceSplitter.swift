/// Splits scalars into paragraphs (non-blank lines) and sentences.
///
/// Sentence ends: 。！？； and …… in Chinese text; . ! ? in Latin text when followed by space, a
/// closing mark or the end of the paragraph (so 5.1 and www.gov.cn do not end a sentence).
/// Closing quotes and brackets that follow an end belong to the sentence they close.
enum SentenceSplitter {
    static func paragraphs(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        scalars.withUnsafeBufferPointer { text in
            var lineStart = 0
            func flush(_ lineEnd: Int) {
                var start = lineStart, end = lineEnd
                while start < end, ScriptClass.isWhitespace(text[start]) { start += 1 }
                while end > start, ScriptClass.isWhitespace(text[end - 1]) { end -= 1 }
                if start < end { result.append(TextSpan(start: start, end: end)) }
            }
            for index in 0..<text.count where isLineBreak(text[index]) {
                flush(index)
                lineStart = index + 1
            }
            flush(text.count)
        }
        return result
    }

    static func sentences(in scalars: [Unicode.Scalar], paragraph: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        scalars.withUnsafeBufferPointer { scalars in
            var start = paragraph.start
            var index = paragraph.start
            let end = paragraph.end
            while index < end {
                // Every terminator is below U+3003 or in the U+FFxx forms: skip Han at one compare.
                let value = scalars[index].value
                guard value < 0x3003 || value >= 0xFF00, case let terminatorLength = terminator(at: index, in: scalars, end: end), terminatorLength > 0 else {
                    index += 1
                    continue
                }
                var close = index + terminatorLength
                // Runs like ？！ or 。” stay with the sentence they end.
                while close < end, isTerminatorOrCloser(scalars[close]) { close += 1 }
                appendTrimmed(start..<close, in: scalars, to: &result)
                start = close
                index = close
            }
            appendTrimmed(start..<end, in: scalars, to: &result)
        }
        return result
    }

    private static func appendTrimmed(_ range: Range<Int>, in scalars: UnsafeBufferPointer<Unicode.Scalar>, to result: inout [TextSpan]) {
        var start = range.lowerBound
        while start < range.upperBound, ScriptClass.isWhitespace(scalars[start]) { start += 1 }
        if start < range.upperBound { result.append(TextSpan(start: start, end: range.upperBound)) }
    }

    /// The length of the sentence terminator at `index`, or 0.
    private static func terminator(at index: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>, end: Int) -> Int {
        switch scalars[index].value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF61: // 。！？；｡
            return 1
        case 0x2026: // … : only the doubled …… ends a sentence
            return index + 1 < end && scalars[index + 1].value == 0x2026 ? 2 : 0
        case 0x2E, 0x21, 0x3F: // . ! ?
            let next = index + 1
            if next == end { return 1 }
            let following = scalars[next]
            return ScriptClass.isWhitespace(following) || isCloser(following) ? 1 : 0
        default:
            return 0
        }
    }

    private static func isTerminatorOrCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x2026: return true
        default: return isCloser(scalar)
        }
    }

    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x22, 0x27, 0x300B, 0x3011, 0xFF3D, 0x5D:
            return true // ” ’ 」 』 ） ) " ' 》 】 ］ ]
        default:
            return false
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
