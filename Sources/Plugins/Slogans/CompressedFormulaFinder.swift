import AnalyticsCore

/// Compressed formulas: three or more two-character words sharing one character in the same
/// place, written as one phrase (共建共治共享: 共 + 建/治/享; 自治法治德治: 自/法/德 + 治). Idioms
/// of two units (一心一意, 有声有色) are not taken: three units at least.
struct CompressedFormulaFinder: Sendable {
    /// Characters that repeat in running text without making a formula (的的, 一…一…).
    static func isFunctionCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "的", "了", "是", "在", "和", "与", "一", "不", "有", "个", "这", "那", "也", "就", "都", "又": return true
        default: return false
        }
    }

    func find(in document: Document) -> [Candidate] {
        let scalars = document.scalars
        var found: [Candidate] = []
        var index = 0
        while index + 6 <= scalars.count {
            // Units share their first character (共建共治共享) or their second (自治法治德治).
            // A run sharing the second character one place on is the same run seen askew (以共建共治共享).
            let end = run(at: index, sharedSlot: 0, scalars) ?? (run(at: index + 1, sharedSlot: 0, scalars) == nil ? run(at: index, sharedSlot: 1, scalars) : nil)
            if let end {
                let shared = scalars[index + (scalars[index] == scalars[index + 2] ? 0 : 1)]
                let others = stride(from: index, to: end, by: 2).map { String(scalars[$0 + (scalars[index] == scalars[index + 2] ? 1 : 0)]) }
                found.append(Candidate(kind: .formula, span: TextSpan(start: index, end: end),
                                       reason: "compressed formula: \(others.count) words sharing \(shared) (\(others.joined(separator: "/")))"))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The end of three or more two-character Han units from `start` sharing the character in `sharedSlot`, all others distinct.
    private func run(at start: Int, sharedSlot: Int, _ scalars: [Unicode.Scalar]) -> Int? {
        let shared = scalars[start + sharedSlot]
        guard ScriptClass.isHan(shared), !Self.isFunctionCharacter(shared), NumberScanner.chineseDigit(shared) == nil else { return nil }
        var others: [Unicode.Scalar] = []
        var end = start
        while end + 2 <= scalars.count, scalars[end + sharedSlot] == shared {
            let other = scalars[end + 1 - sharedSlot]
            guard ScriptClass.isHan(other), other != shared, !others.contains(other), NumberScanner.chineseDigit(other) == nil else { break }
            others.append(other)
            end += 2
        }
        guard others.count >= 3 else { return nil }
        // Not a longer run of the same character around it (共建共治共享共…): the phrase stands alone.
        if start > 0, sharedSlot == 1, scalars[start - 1] == shared { return nil }
        return end
    }
}
