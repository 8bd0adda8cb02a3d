import AnalyticsCore

/// Vague quantities the number scanner leaves alone, because 百, 千, 万 cannot start a number there
/// (百姓, 万一): 数千名, 上万人次, 几百个, 超百场, 百余名, 千余人. Each is read as its base value,
/// approximate, and only before a unit (数千 alone is no figure). 数十万 the scanner reads (十万):
/// the 数 before it is taken in here too.
enum VagueQuantities {
    private static func magnitude(_ scalar: Unicode.Scalar) -> Double? {
        switch scalar {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        case "万": return 1e4
        case "亿": return 1e8
        default: return nil
        }
    }

    /// The characters one can start with: 数 上 几 超 and the magnitudes.
    private static let starts = ScalarTable("数上几超百千万亿".unicodeScalars)

    static func matches(in scalars: [Unicode.Scalar], units: UnitTable) -> [NumberMatch] {
        var found: [NumberMatch] = []
        var index = 0
        let count = scalars.count
        while index + 2 < count {
            // Fast path: only 数 上 几 超 and the magnitudes start one; find the next of them.
            let starts = Self.starts
            let next = scalars.withUnsafeBufferPointer { buffer -> Int in
                let probe = starts.firstIndex(in: buffer, from: index, to: count - 2)
                return probe + 2 < count ? probe : count
            }
            index = next
            guard index + 2 < count else { break }
            let scalar = scalars[index]
            // 数千, 上万, 几百, 超百 (超 stays outside: it is the atLeast cue).
            if scalar == "数" || scalar == "上" || scalar == "几" || scalar == "超", magnitude(scalars[index + 1]) != nil,
               index == 0 || NumberScanner.chineseDigit(scalars[index - 1]) == nil {
                var end = index + 1
                var value = 1.0
                while end < scalars.count, let scale = magnitude(scalars[end]) {
                    value *= scale
                    end += 1
                }
                if end < scalars.count, scalars[end] == "余" || scalars[end] == "多" { end += 1 }
                if units.unit(at: end, in: scalars, end: scalars.count) != nil {
                    let start = scalar == "超" ? index + 1 : index
                    found.append(NumberMatch(start: start, end: end, value: value, form: .chinese, isApproximate: scalar != "超"))
                    index = end
                    continue
                }
            }
            // 百余名, 千余人: a magnitude and 余 without a numeral before.
            if magnitude(scalar) != nil, scalar != "十", scalars[index + 1] == "余",
               index == 0 || !NumberScanner.isNumeralCharacter(scalars[index - 1]),
               units.unit(at: index + 2, in: scalars, end: scalars.count) != nil {
                found.append(NumberMatch(start: index, end: index + 2, value: magnitude(scalar)!, form: .chinese, isApproximate: true))
                index += 2
                continue
            }
            index += 1
        }
        return found
    }

    /// The scanner's numbers and these, in order; a scanner number inside one of these gives way.
    static func merged(_ numbers: [NumberMatch], _ vague: [NumberMatch]) -> [NumberMatch] {
        guard !vague.isEmpty else { return numbers }
        var result: [NumberMatch] = []
        result.reserveCapacity(numbers.count + vague.count)
        var next = 0
        for number in numbers {
            while next < vague.count, vague[next].start <= number.start {
                result.append(vague[next])
                next += 1
            }
            if let last = result.last, last.end > number.start { continue }
            result.append(number)
        }
        result.append(contentsOf: vague[next...])
        return result
    }
}
