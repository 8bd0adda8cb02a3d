import Foundation
import AnalyticsCore

/// The words around a figure that qualify it (约, 左右 → approximate; 超过, 以上 → atLeast; 不到, 以内
/// → atMost) or say it is planned (预期目标, 力争, 拟 → modality target). Data in Resources/cues.tsv.
struct Cues: Sendable {
    enum Role: String, Sendable { case approximate, atLeast, atMost, target }

    struct Qualifiers: Equatable {
        var approximate = false
        var atLeast = false
        var atMost = false
    }

    static let maximumReach = 200

    /// The cues before a figure by their last scalar, after it by their first (longest first):
    /// a figure tries the few that can touch it, not the whole list.
    private let before: ScalarGroups<(word: [Unicode.Scalar], role: Role)>
    private let after: ScalarGroups<(word: [Unicode.Scalar], role: Role)>
    private let targets: [[Unicode.Scalar]]
    /// The targets by their first scalar (longest first, as in `targets`): a cue position is
    /// tried against the few that can start there, not the whole list.
    private let targetsByFirst: ScalarGroups<[Unicode.Scalar]>
    private let lexicon: Lexicon

    init(lexicon: Lexicon) throws {
        try self.init(tsv: ResourceLocator.text(of: "cues.tsv", target: "FactsPlugin", what: "the facts cue list"), lexicon: lexicon)
    }

    init(tsv: String, lexicon: Lexicon) throws {
        var before: [([Unicode.Scalar], Role)] = [], after: [([Unicode.Scalar], Role)] = [], targets: [[Unicode.Scalar]] = []
        for fields in TabSeparated.lines(tsv) {
            guard fields.count == 3, let role = Role(rawValue: fields[1]) else {
                throw AnalyzerSetupError("facts cues: bad line '\(fields.joined(separator: "\t"))'")
            }
            let word = Array(fields[0].unicodeScalars)
            switch fields[2] {
            case "before": before.append((word, role))
            case "after": after.append((word, role))
            case "clause": targets.append(word)
            default: throw AnalyzerSetupError("facts cues: unknown place '\(fields[2])'")
            }
        }
        // Longest first: 不超过 before 超过, 大约 before 约.
        self.before = ScalarGroups(before.sorted { $0.0.count > $1.0.count }.compactMap { cue in cue.0.last.map { ($0, (cue.0, cue.1)) } })
        self.after = ScalarGroups(after.sorted { $0.0.count > $1.0.count }.compactMap { cue in cue.0.first.map { ($0, (cue.0, cue.1)) } })
        self.targets = targets.sorted { $0.count > $1.count }
        targetsByFirst = ScalarGroups(self.targets.compactMap { word in word.first.map { ($0, word) } })
        self.lexicon = lexicon
    }

    /// The qualifiers written right before `start` and right after `end`.
    func qualifiers(start: Int, end: Int, in scalars: [Unicode.Scalar], limit: Range<Int>) -> Qualifiers {
        var found = Qualifiers()
        var position = start
        while position > limit.lowerBound, scalars[position - 1] == " " { position -= 1 }
        if position > limit.lowerBound, position <= scalars.count,
           let cue = before.members(of: scalars[position - 1]).first(where: { ends(with: $0.word, at: position, scalars, from: limit.lowerBound) }),
           !(cue.word.count == 1 && cue.word[0] == "前" && position >= 2 && Self.timeUnits.contains(scalars[position - 2])) {
            // (比三年前翻了一番: 前 after a time ends that time, it does not cap the figure as in 前三名.)
            set(cue.role, &found)
        } else if position > limit.lowerBound, scalars[position - 1] == "的", let role = boundBeforeStandard(position - 1, in: scalars, from: limit.lowerBound) {
            set(role, &found)
        }
        position = end
        while position < limit.upperBound, scalars[position] == " " { position += 1 }
        if position < limit.upperBound, position < scalars.count,
           let role = after.members(of: scalars[position]).first(where: { starts(with: $0.word, at: position, scalars, to: limit.upperBound) })?.role {
            set(role, &found)
        }
        return found
    }

    private static let timeUnits: ScalarList = "年月日天周"
    /// How far back a bound may stand before the standard it compares with (不大于现状总建筑面积的20%).
    private static let standardReach = 14

    /// 不大于现状总建筑面积的20%, 不低于上年的80%: a negated bound (不大于, 不超过, 不低于…) at the start of the
    /// standard that 的 closes (a share of it) bounds the figure; not across a clause break nor a number
    /// (超过了计划规定的1957年, 最多的一年 and 最高的一年 are no bounds of the figure).
    private func boundBeforeStandard(_ de: Int, in scalars: [Unicode.Scalar], from limit: Int) -> Role? {
        var position = de
        while position > limit, de - position <= Self.standardReach, ScriptClass.isHan(scalars[position - 1]),
              !NumberScanner.isNumeralCharacter(scalars[position - 1]) {
            position -= 1
            guard scalars[position] == "不" else { continue }
            // (The cues are grouped by their last scalar: try the ends a cue starting at 不 can have.)
            for length in 2...4 where position + length <= de {
                if let cue = before.members(of: scalars[position + length - 1]).first(where: { cue in
                    cue.word.count == length && (cue.role == .atLeast || cue.role == .atMost) && starts(with: cue.word, at: position, scalars, to: de) }) {
                    return cue.role
                }
            }
        }
        return nil
    }


    private func set(_ role: Role, _ found: inout Qualifiers) {
        switch role {
        case .approximate: found.approximate = true
        case .atLeast: found.atLeast = true
        case .atMost: found.atMost = true
        case .target: break
        }
    }

    /// Where the document's target cues start, in order: found once per document, so a figure's
    /// modality is a binary search, not a walk back through its sentence.
    func targetPositions(in scalars: [Unicode.Scalar]) -> [Int] {
        var positions: [Int] = []
        let groups = targetsByFirst
        scalars.withUnsafeBufferPointer { buffer in
            var index = groups.firstIndex(in: buffer, from: 0, to: buffer.count)
            while index < buffer.count {
                if let word = groups.members(groups.group(of: buffer[index])).first(where: { word in
                    index + word.count <= buffer.count && buffer[index..<(index + word.count)].elementsEqual(word) }),
                   standsAlone(word, at: index, scalars) {
                    positions.append(index)
                }
                index = groups.firstIndex(in: buffer, from: index + 1, to: buffer.count)
            }
        }
        return positions
    }

    /// Whether a target cue stands before the figure: in its own sentence, or in the statement the
    /// sentence belongs to, ahead of a colon that introduces it (预期目标是：…；城镇新增就业1200万人以上).
    /// A cue inside a longer dictionary word is none (主要, 重要, 需要, 将军, 要求).
    /// Returns the index in `positions` of the last such cue before the figure at or before `from`
    /// (nil: from the last cue before the figure), or nil when there is none: a caller that finds
    /// that cue not used as one where it stands (规划体系) asks again from the index before it.
    /// (A loop at the caller, not a closure: a closure over the builder's workspace cost 5% of facts' time.)
    func governingCue(figureStart: Int, sentenceStart: Int, positions: [Int], in scalars: [Unicode.Scalar], from: Int? = nil) -> Int? {
        var index: Int
        if let from {
            index = from
        } else {
            // The last cue before the figure.
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < figureStart { low = middle + 1 } else { high = middle }
            }
            index = low - 1
        }
        guard index >= 0 else { return nil }
        let cue = positions[index]
        // A cue governs figures near it: reading back a whole run-on text is no reading.
        guard cue >= figureStart - Self.maximumReach else { return nil }
        if cue >= sentenceStart { return index }
        guard cue >= FactBuilder.statementStart(before: sentenceStart, in: scalars) else { return nil }
        return scalars[cue..<sentenceStart].contains(where: Self.isColon) ? index : nil
    }

    /// How far the list a cue's colon opens may run (a work report's targets: ten indicators or so).
    static let listReach = 600

    /// Whether the figure is in a list of targets that a cue right before a colon opens (主要预期目标是：):
    /// the list runs, over full stops, to its paragraph's end (地区生产总值增长5.5%左右。…城镇调查失业率
    /// 控制在5.5%左右。). The caller leaves out sentences that speak of the past.
    func inTargetList(figureStart: Int, positions: [Int], in scalars: [Unicode.Scalar]) -> Bool {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < figureStart { low = middle + 1 } else { high = middle }
        }
        guard low > 0, positions[low - 1] >= figureStart - Self.listReach else { return false }
        let cue = positions[low - 1]
        guard let colon = scalars[cue..<min(cue + 8, figureStart)].firstIndex(where: Self.isColon) else { return false }
        return !scalars[colon..<figureStart].contains { $0 == "\n" || $0 == "\r" }
    }

    private static func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == "：" || scalar == ":" }

    /// Not the end or start of a longer dictionary word (主要, 需要, 要求, 将军).
    private func standsAlone(_ word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let end = index + word.count
        if index > 0, ScriptClass.isHan(scalars[index - 1]), isDictionaryWord(scalars[(index - 1)..<end]) {
            return false
        }
        if end < scalars.count, ScriptClass.isHan(scalars[end]), word.count == 1,
           isDictionaryWord(scalars[index...end]),
           !targets.contains(where: { $0.count == 2 && $0[0] == word[0] && $0[1] == scalars[end] }) {
            return false
        }
        return true
    }

    /// A word the lexicon has (with a probability, not only as a prefix), looked up by its scalars.
    private func isDictionaryWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let id = lexicon.wordID(of: word) else { return false }
        return lexicon.logProbability(ofWordID: id) != nil
    }

    private func starts(with word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar], to limit: Int) -> Bool {
        index + word.count <= limit && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private func ends(with word: [Unicode.Scalar], at index: Int, _ scalars: [Unicode.Scalar], from limit: Int) -> Bool {
        index - word.count >= limit && scalars[(index - word.count)..<index].elementsEqual(word)
    }
}
