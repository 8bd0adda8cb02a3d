import AnalyticsCore

/// Compressed formulas: three or more two-character words sharing one character in the same
/// place, written as one phrase (共建共治共享: 共 + 建/治/享; 自治法治德治: 自/法/德 + 治). Idioms
/// of two units (一心一意, 有声有色) are not taken: three units at least. The units must be words:
/// two of them at least in the dictionary, read the way that makes more words (防灾减灾救灾, not
/// 灾减灾救灾能), and not nouns alone (全党全军全国, 资产资源资金 are lists).
struct CompressedFormulaFinder: Sendable {
    let classes: WordClasses

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
            index = Self.nextPossibleStart(from: index, in: scalars)
            guard index + 6 <= scalars.count else { break }
            // Units share their first character (共建共治共享) or their second (自治法治德治).
            var best: (start: Int, end: Int, slot: Int, words: Int)?
            for (start, slot) in [(index, 0), (index, 1), (index + 1, 0)] where start + 6 <= scalars.count {
                guard let end = run(at: start, sharedSlot: slot, scalars) else { continue }
                let units = stride(from: start, to: end, by: 2).map { TextSpan(start: $0, end: $0 + 2) }
                let words = units.filter { classes.isWord($0, scalars) }.count
                guard words >= 2, !units.allSatisfy({ classes.isNounOnly($0, scalars) }) else { continue }
                if best == nil || words > best!.words { best = (start, end, slot, words) }
            }
            guard let best, best.start == index else {
                index += 1
                continue
            }
            let shared = scalars[best.start + best.slot]
            let others = stride(from: best.start, to: best.end, by: 2).map { String(scalars[$0 + 1 - best.slot]) }
            found.append(Candidate(kind: .formula, span: TextSpan(start: best.start, end: best.end),
                                   reason: "compressed formula: \(others.count) words sharing \(shared) (\(others.joined(separator: "/")))"))
            index = best.end
        }
        return found
    }

    /// The first position from `start` with the same character two and four places on, in either
    /// slot (rare, so the scan tests only that), or a position too late for a phrase.
    private static func nextPossibleStart(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        scalars.withUnsafeBufferPointer { text in
            var index = start
            while index + 6 <= text.count {
                let a = text[index], b = text[index + 1]
                if a == text[index + 2] && a == text[index + 4] || b == text[index + 3] && b == text[index + 5] { return index }
                index += 1
            }
            return text.count
        }
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
