import AnalyticsCore
import Foundation

/// A named rule of the facts analyzer with the examples that show it (as SwiftLint's rules carry
/// theirs): «…» marks what it reports, `mustNotReport` what it does not. FactRuleExampleTests run
/// every example, and `analyze --explain facts` readers can look them up by id.
public struct FactRuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let examples: [AnalyzerExample]
}

/// What a rule makes of a number: a figure, not a figure, or nothing (the next rule decides).
enum RuleOutcome {
    /// Boxed: most answers are `.next`, and an outcome as large as a draft was copied after every rule.
    indirect case figure(FactBuilder.Draft)
    case notFigure
    case next
}

/// What the rules share about one number: the number, the text, and the draft fact so far.
struct RuleContext {
    let match: NumberMatch
    let scalars: [Unicode.Scalar]
    var draft: FactBuilder.Draft
    /// Where a unit may start: right after the number, or after 多/余/几 (300多人).
    var unitStart: Int
    var after: Int { match.end }
    var next: Unicode.Scalar? { match.end < scalars.count ? scalars[match.end] : nil }
    var end: Int { scalars.count }
}

/// One family of the decisions `FactBuilder.classify` makes, in the order it asks them.
struct FigureRule: Sendable {
    let description: FactRuleDescription
    /// The decision; the scratch is the document's segmenter memory, for the rules that segment.
    let apply: @Sendable (FactBuilder, inout RuleContext, inout Segmenter.Scratch) -> RuleOutcome

    init(_ id: String, _ summary: String, examples: [AnalyzerExample],
         apply: @escaping @Sendable (FactBuilder, inout RuleContext, inout Segmenter.Scratch) -> RuleOutcome) {
        description = FactRuleDescription(id: id, summary: summary, examples: examples)
        self.apply = apply
    }

    /// The measure words an ordinal takes (第二大: second largest).
    static let ordinalUnits: ScalarList = "次届个名批期位条轮项部章节款代大"
    /// After 第一 at a clause start: an enumeration mark.
    static let enumerationMarks: ScalarList = "，、：,:"
    /// What makes 十大 the Tenth Congress without 党的 (十大以来, 十大召开); 十一大 to 三十大 are congresses unless
    /// 党 is far (the slogans' formulations take numerals up to ten only).
    static let congressFollowers: [[Unicode.Scalar]] = ["以来", "以后", "之后", "召开", "精神", "报告", "代表", "通过", "党章", "胜利",
        "闭幕", "开幕", "提出", "确定", "路线", "的政治", "的路线"].map { Array($0.unicodeScalars) }

    static func congressContextFollows(_ index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        congressFollowers.contains { word in
            index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word) }
    }

    /// After 两位数, 三位数: the change it sizes (实现两位数增长).
    static let changeNouns: [[Unicode.Scalar]] = ["增长", "增速", "增幅", "涨幅", "上涨", "提升", "提高", "下降", "降幅", "以上增长", "的增长",
        "的增速", "的增幅", "以上的增长"].map { Array($0.unicodeScalars) }
    /// Meeting words after N次 that make it the number of a session (十二届六次全会, 十四届全国人大三次会议).
    static let sessionWords: [[Unicode.Scalar]] = ["全会", "全体会议", "会议", "全委会", "全委会议", "常委会议"].map { Array($0.unicodeScalars) }
    /// Characters before 前 that make it part of another word (目前, 提前, 之前, 以前, 此前, 年前).
    static let notTopBefore: ScalarList = "目提之以此年月日天周事空先眼当跟面从向往靠跨超"

    /// After a phase (二期等, 二期和, 三期扩建, 一期主体): a word of its own, not a noun it counts.
    static let phaseFollowers: ScalarList = "等和及与扩改建续主"
    /// Before a count of batches, not a name: 办了三期, 共三期, 第.
    static let countLeaders: ScalarList = "了共办开第新每这那该近约"

    /// The name right before `start` in its clause: nouns, words the lexicon lacks, digits and letters, back to
    /// the first other word (本站是10号线一期 → 10号线); nil when the word right before is none of them.
    static func nameBefore(_ start: Int, _ builder: FactBuilder, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> String? {
        var from = start
        while from > max(0, start - 12), !SubjectFinder.isClauseBreak(scalars[from - 1]), scalars[from - 1] != "、" { from -= 1 }
        let tokens = builder.subjects.segmenter.tokens(in: scalars, range: from..<start, scratch: &scratch)
        var nameStart = start
        for token in tokens.reversed() {
            let isName = token.kind == .number || token.kind == .latin
                || token.kind == .word && {
                    let known = builder.subjects.classes.knownClass(token, scalars)
                    return known == .noun || known == nil && (token.length >= 2 || nameStart < start)
                }()
            guard isName else { break }
            nameStart = token.start
        }
        guard nameStart < start, start - nameStart >= 2 else { return nil }
        return String(scalars: scalars[nameStart..<start])
    }

    /// Quotation marks of either direction (a formulation quoted the wrong way round, ”三个一批“).
    static let anyQuote: ScalarList = "“”‘’\""

    static func isProperPair(_ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Bool {
        open == "“" && close == "”" || open == "‘" && close == "’" || open == "\"" && close == "\""
    }

    /// What follows 十四五 when it names the plan.
    static let planFollowers: ScalarList = "规时期开以"

    /// A rule's decision alone (a struct, so the closure is called as declared, without a thunk).
    struct Decision: Sendable {
        let apply: @Sendable (FactBuilder, inout RuleContext, inout Segmenter.Scratch) -> RuleOutcome
    }

    /// The rules' decisions, in order: what `FactBuilder.classify` runs per number (copying each
    /// whole rule, strings and examples, per number was a tenth of its time).
    static let decisions: [Decision] = all.map { rule in Decision(apply: rule.apply) }

    static let all: [FigureRule] = [
        FigureRule("neighbouringDigits", "两 neighbouring digits are a range, never one number",
                   examples: [AnalyzerExample("每天接待«七八个»旅行团，周末卖出«三四百件»，休息«两三天»。", mustNotReport: ["七八", "三天"]),
                              AnalyzerExample("她每年回来«一两次»，要统一«两个»市场。", mustNotReport: ["两次", "一两个"])]) { builder, context, _ in
            builder.adjacentDigits(context.match, context.scalars).map(RuleOutcome.figure) ?? .next
        },
        FigureRule("latinName", "digits glued to Latin letters name things (C919, 5G, G20)",
                   examples: [AnalyzerExample("C919大飞机和5G基站，增长«3%»。", mustNotReport: ["919", "5"])]) { _, context, _ in
            let match = context.match, scalars = context.scalars
            if match.form == .arabic, match.start > 0, ScriptClass.of(scalars[match.start - 1]) == .latin { return .notFigure }
            if match.form == .arabic, !match.isPercent, let next = context.next, ScriptClass.of(next) == .latin,
               !(context.after + 1 < context.end && FactBuilder.isEnglishOrdinalSuffix(scalars[context.after], scalars[context.after + 1])) {
                return .notFigure
            }
            return .next
        },
        FigureRule("percent", "percentages, 成 and 折, percentage points",
                   examples: [AnalyzerExample("增长«5.1%»，占«三成»，下降«2个百分点»。")]) { _, context, _ in
            guard context.match.isPercent else { return .next }
            var draft = context.draft
            draft.kind = .percent
            let last = context.scalars[context.match.end - 1]
            draft.unit = context.match.isPercentagePoint ? "个百分点" : last == "成" ? "成" : last == "折" ? "折" : "%"
            return .figure(draft)
        },
        FigureRule("ordinal", "第 + a number, with the measure word after it; 第一，… at a clause start is an enumeration mark",
                   examples: [AnalyzerExample("省«第十三次»党代会，位居全球«第二»。第一，加强领导。", mustNotReport: ["第一"])]) { builder, context, _ in
            guard context.match.isOrdinal else { return .next }
            var draft = context.draft
            draft.kind = .ordinal
            let scalars = context.scalars, after = context.after
            if let next = context.next, FigureRule.ordinalUnits.contains(next) { // 第二大: second largest
                draft.unit = String(next)
                draft.end = after + 1
            } else if let unit = builder.units.unit(at: after, in: scalars, end: context.end),
                      unit.kind == .count || unit.kind == .duration || unit.kind == .ordinal {
                draft.unit = String(scalars: unit.text[...]) // 第一种, 第三年, 第一粒
                draft.end = after + unit.text.count
            } else if let next = context.next, ScriptClass.isHan(next), !FigureRule.enumerationMarks.contains(next),
                      builder.subjects.classes.knownClassOutOfContext(Token(start: context.match.start, end: after + 1, kind: .word), scalars) == .numeral {
                draft.unit = String(next) // 第二任: the lexicon's numeral word ends in the measure word
                draft.end = after + 1
            } else if let next = context.next, FigureRule.enumerationMarks.contains(next),
                      context.match.start == 0 || SubjectFinder.isClauseBreak(scalars[context.match.start - 1]) {
                return .notFigure // structure for the sections analyzer, not a figure
            }
            draft.subject = .after
            return .figure(draft)
        },
        FigureRule("fraction", "fractions (三分之一, 3/5) are numbers",
                   examples: [AnalyzerExample("占«三分之一»。")]) { _, context, _ in
            context.match.isFraction ? .figure(context.draft) : .next
        },
        FigureRule("fiveYearPlan", "十四五 is the Five-Year Plan",
                   examples: [AnalyzerExample("«十四五»规划开局。")]) { _, context, _ in
            let match = context.match, scalars = context.scalars, after = context.after
            guard match.form == .chinese, context.next == "五", (10...20).contains(match.value),
                  after + 1 == context.end || !ScriptClass.isHan(scalars[after + 1]) || FigureRule.planFollowers.contains(scalars[after + 1]) else {
                return .next
            }
            var draft = context.draft
            draft.kind = .ordinal
            draft.unit = "五年规划"
            draft.end = after + 1
            draft.subject = .fixed("五年规划")
            return .figure(draft)
        },
        FigureRule("year", "four digits and 年 (not 年代)",
                   examples: [AnalyzerExample("«2022年»召开，«2023年度»计划。", mustNotReport: ["2022"])]) { _, context, _ in
            let match = context.match, scalars = context.scalars, after = context.after
            guard match.isDigitSequence, match.integerDigits == 4, (1000...2999).contains(match.value), context.next == "年",
                  !(after + 1 < context.end && scalars[after + 1] == "代") else { return .next }
            var draft = context.draft
            draft.kind = .year
            draft.unit = "年"
            draft.end = after + 1 < context.end && scalars[after + 1] == "度" ? after + 2 : after + 1
            draft.date = String(Int(match.value))
            draft.subject = .none
            return .figure(draft)
        },
        FigureRule("approximateBeforeUnit", "多, 余, 几 between the number and its unit make it approximate (300多人)",
                   examples: [AnalyzerExample("接待«300多人»，«20余家»企业。")]) { builder, context, _ in
            if let next = context.next, next == "多" || next == "余" || next == "几",
               builder.units.unit(at: context.after + 1, in: context.scalars, end: context.end) != nil {
                context.unitStart = context.after + 1
                context.draft.approximate = true
            }
            return .next
        },
        FigureRule("partyCongress", "党的二十大, 中共十九大, 十八大以来: a party congress is an ordinal when the text names the Party or a congress's context follows; 十大行动, 全国十大国际航空枢纽 are a count or a formula",
                   examples: [AnalyzerExample("学习党的«二十大»精神，中共«十九大»召开，«十八大»以来，党的«十大»，«十大»以后，九大、«十大»都讲，实现«十大»提出的任务。", mustNotReport: ["十八"]),
                              AnalyzerExample("实施碳达峰十大行动，被列入全国十大国际航空枢纽，十三亿大陆同胞。", mustNotReport: ["十大", "十三亿大"])]) { builder, context, _ in
            let match = context.match, scalars = context.scalars
            guard match.form == .chinese, context.unitStart < context.end, scalars[context.unitStart] == "大",
                  builder.preceded(by: "党的", match.start, scalars) || builder.preceded(by: "中共", match.start, scalars)
                    || builder.preceded(by: "党", match.start, scalars)
                    || match.value > 10 && match.value <= 30
                    || match.value == 10 && (FigureRule.congressContextFollows(context.unitStart + 1, scalars)
                                             || match.start >= 2 && scalars[match.start - 2] == "大" && (scalars[match.start - 1] == "、" || scalars[match.start - 1] == "和"))
                else { return .next }
            var draft = context.draft
            draft.kind = .ordinal
            draft.unit = "大"
            draft.end = context.unitStart + 1
            draft.subject = .fixed("全国代表大会")
            return .figure(draft)
        },
        FigureRule("digitCount", "两位数增长, 三位数增长: the number of digits of a change is a vague percent (at least 10, at least 100); 两位数 sizing nothing is no figure",
                   examples: [AnalyzerExample("产业投资实现«两位数»增长，出口保持«三位数»的增幅。", mustNotReport: ["两位"]),
                              AnalyzerExample("密码为两位数，共有«两位»代表发言。", mustNotReport: ["两位数"])]) { _, context, _ in
            let match = context.match, scalars = context.scalars, after = context.after
            guard match.form == .chinese, (1...4).contains(match.value), match.end - match.start == 1, after + 1 < context.end,
                  scalars[after] == "位", scalars[after + 1] == "数" else { return .next }
            let index = after + 2
            guard FigureRule.changeNouns.contains(where: { word in
                index + word.count <= context.end && scalars[index..<(index + word.count)].elementsEqual(word) }) else { return .notFigure }
            var draft = context.draft
            draft.kind = .percent
            draft.unit = "%"
            draft.value = Foundation.pow(10, match.value - 1)
            draft.bareValue = draft.value
            draft.end = index
            draft.atLeast = true
            return .figure(draft)
        },
        FigureRule("threshold", "五千亿级产业链, 3000亿级: an amount followed by 级 names a class at or above it (atLeast), no unit written; 3000吨级 stays a measure",
                   examples: [AnalyzerExample("打造粮油«五千亿级»产业链，建成«8个»产业集群，研制«3000吨»级锻焊反应器。", mustNotReport: ["五千亿"])]) { _, context, _ in
            let match = context.match, scalars = context.scalars
            guard context.unitStart == context.after, context.next == "级", match.end - match.start >= 2, !match.isPercent, !match.isOrdinal,
                  NumberScanner.chineseUnit(scalars[match.end - 1]).map({ $0 >= 1e4 }) == true else { return .next }
            var draft = context.draft
            draft.end = context.after + 1
            draft.atLeast = true
            draft.subject = .after
            return .figure(draft)
        },
        FigureRule("topRank", "前十, 前三名, 前10位: a rank from the top, ending its phrase or with 名/位/强, is an ordinal, at most (前 is the atMost cue); not 目前, 提前, 靠前一步, 前三季度",
                   examples: [AnalyzerExample("把品牌做进全国前«十»，位列前«三名»，进入全国前«10位»。"),
                              AnalyzerExample("目前«三家»企业提前«十天»完工，靠前一步，前«三季度»增长«5%»。", mustNotReport: ["三", "十", "一"])]) { builder, context, _ in
            let match = context.match, scalars = context.scalars, start = match.start
            guard start >= 1, scalars[start - 1] == "前", !match.isPercent, !match.isOrdinal, match.value >= 2, match.value == match.value.rounded(),
                  !(start >= 2 && FigureRule.notTopBefore.contains(scalars[start - 2])) else { return .next }
            var draft = context.draft
            if let next = context.next, next == "名" || next == "位" || next == "强" {
                draft.unit = String(next)
                draft.end = context.after + 1
            } else if let next = context.next, ScriptClass.isHan(next) {
                return .next // 前三季度, 前十个月, 前一大类: a length or a word, not a rank
            }
            draft.kind = .ordinal
            draft.subject = .before
            return .figure(draft)
        },
        FigureRule("phase", "万华化学产业园二期, 3号线一期, 二期工程: a phase glued to the name of a project is an ordinal of that name (GUIDELINE); 举办三期培训班, 新一期 are not phases",
                   examples: [AnalyzerExample("万华化学产业园«二期»加快建设，推进天府国际机场«二期»工程，LNG«三期»投产，芯联集成«三期»等项目加快建设。", mustNotReport: ["三期培训"]),
                              AnalyzerExample("举办«三期»培训班，实施新一期计划，培训«12期»。", mustNotReport: ["一期"])]) { builder, context, scratch in
            let match = context.match, scalars = context.scalars, start = match.start
            guard match.form == .chinese, match.end - start == 1, (1...9).contains(match.value), context.next == "期", start >= 1 else { return .next }
            let before = scalars[start - 1]
            var glued = ScriptClass.of(before) == .latin || NumberScanner.isArabicDigit(before)
            if !glued, ScriptClass.isHan(before), !NumberScanner.isNumeralCharacter(before) {
                let tokens = builder.subjects.segmenter.tokens(in: scalars, range: max(0, start - 4)..<start, scratch: &scratch)
                if let last = tokens.last, last.kind == .word {
                    let known = builder.subjects.classes.knownClass(last, scalars)
                    glued = known == .noun || known == nil && last.length >= 2
                }
            }
            // 芯联集成三期等项目: after a name that ends like a verb, what follows 期 decides (等, 工程, 、).
            let after = context.after + 1
            let endsPhrase = after >= context.end || SubjectFinder.isClauseBreak(scalars[after]) || scalars[after] == "、"
                || FigureRule.phaseFollowers.contains(scalars[after])
                || after + 1 < context.end && (scalars[after] == "工" && scalars[after + 1] == "程" || scalars[after] == "项" && scalars[after + 1] == "目")
            if !glued, endsPhrase, ScriptClass.isHan(before), !NumberScanner.isNumeralCharacter(before), !FigureRule.countLeaders.contains(before) {
                glued = true
            }
            guard glued else { return .next }
            // 三期培训班: a noun after 期 that is not the project's (工程, 项目) makes 期 a count of batches.
            if after < context.end, ScriptClass.isHan(scalars[after]),
               !(after + 1 < context.end && (scalars[after] == "工" && scalars[after + 1] == "程" || scalars[after] == "项" && scalars[after + 1] == "目")),
               !FigureRule.phaseFollowers.contains(scalars[after]) {
                let tokens = builder.subjects.segmenter.tokens(in: scalars, range: after..<min(context.end, after + 4), scratch: &scratch)
                if let first = tokens.first, first.kind == .word, builder.subjects.classes.knownClass(first, scalars) == .noun { return .next }
            }
            var draft = context.draft
            draft.kind = .ordinal
            draft.unit = "期"
            draft.end = context.after + 1
            // 10号线一期, 万华化学产业园二期: the phase of the name right before it (nouns, names, digits, letters).
            draft.subject = FigureRule.nameBefore(start, builder, scalars, scratch: &scratch).map { .fixed($0) } ?? .none
            return .figure(draft)
        },
        FigureRule("session", "十二届六次全会, 十四届全国人大三次会议: N次 + a meeting word after a 届 is the number of the session, an ordinal without subject; 召开三次会议 counts",
                   examples: [AnalyzerExample("推进省委«十二届»«六次»全会部署，«十四届»全国人大«三次»会议开幕。", mustNotReport: ["六次全会"]),
                              AnalyzerExample("全年召开«三次»会议。")]) { _, context, _ in
            let match = context.match, scalars = context.scalars, start = match.start, after = context.after
            guard match.form == .chinese, !match.isOrdinal, context.next == "次", match.value >= 1, match.value <= 20,
                  FigureRule.sessionWords.contains(where: { word in
                      after + 1 + word.count <= context.end && scalars[(after + 1)..<(after + 1 + word.count)].elementsEqual(word) }) else { return .next }
            var index = start
            while index > max(0, start - 10), !SubjectFinder.isClauseBreak(scalars[index - 1]), scalars[index - 1] != "届" { index -= 1 }
            guard index > 0, scalars[index - 1] == "届" else { return .next }
            var draft = context.draft
            draft.kind = .ordinal
            draft.unit = "次"
            draft.end = after + 1
            draft.subject = .none
            return .figure(draft)
        },
        FigureRule("formulation", "numbered formulations, decided with the slogans analyzer (NumberedFormulations)",
                   examples: [AnalyzerExample("打造«七大都市»，增强«四个意识»，建成«三个»示范区，谋划”«三个一批»“项目，“«四个清单»”管理。")]) { builder, context, scratch in
            guard context.unitStart == context.after else { return .next }
            if let found = NumberedFormulations.formulation(at: context.match, in: context.scalars, segmenter: builder.subjects.segmenter,
                                                             scratch: &scratch) {
                return .figure(builder.formula(context.draft, unit: String(found.classifier), end: found.span.end))
            }
            // ”三个一批“: quotation marks typed the wrong way round still quote the formulation.
            let match = context.match, scalars = context.scalars
            guard match.form == .chinese, match.end - match.start == 1, (2...10).contains(match.value), match.start > 0,
                  FigureRule.anyQuote.contains(scalars[match.start - 1]), let classifier = context.next,
                  NumberedFormulations.isClassifier(classifier) else { return .next }
            for length in 2...4 where context.after + 1 + length < context.end {
                let close = context.after + 1 + length
                // (Only the wrong way round: a proper pair is NumberedFormulations' to judge, “五个一工程奖” a name.)
                if FigureRule.anyQuote.contains(scalars[close]), !FigureRule.isProperPair(scalars[match.start - 1], scalars[close]),
                   scalars[(context.after + 1)..<close].allSatisfy({ ScriptClass.isHan($0) && !FigureRule.anyQuote.contains($0) }) {
                    return .figure(builder.formula(context.draft, unit: String(classifier), end: close))
                }
            }
            return .next
        },
        FigureRule("unit", "a unit or measure word after the number: counts, money, measures, durations (units.tsv and the lexicon's q words)",
                   examples: [AnalyzerExample("投资«1.2万亿元»，机架«760万架»，延迟«30毫秒»，电价«0.56元/千瓦时»，装机«600万千瓦»，发电«120亿千瓦时»，经济总量«翻一番»，产值«翻了一番»，奋战«三个多小时»，提供早餐和午餐«两餐»。",
                                              mustNotReport: ["一番", "三个"]),
                              AnalyzerExample("签订了一份«2年半»的合同，工期«3年»半数完成。", mustNotReport: ["2年", "3年半"])]) { builder, context, _ in
            let match = context.match, scalars = context.scalars
            var unitStart = context.unitStart, number = match.value
            // 600万千瓦, 5千米, 120亿千瓦时: the scanner reads 千 as a thousand; before a unit it begins (瓦, 米, 克) it is the unit's.
            if unitStart == match.end, match.end - match.start >= 2, scalars[match.end - 1] == "千",
               let prefixed = builder.units.unit(at: match.end - 1, in: scalars, end: context.end), prefixed.text.count > 1 {
                unitStart = match.end - 1
                number = match.value / 1000
            }
            guard let unit = builder.units.unit(at: unitStart, in: scalars, end: context.end) else { return .next }
            // 番 counts doublings only after 翻 (翻一番, 翻了一番); 经过一番努力 is no figure.
            let doublingVerb = match.start > 0 && scalars[match.start - 1] == "翻" ? match.start - 1
                : match.start > 1 && scalars[match.start - 1] == "了" && scalars[match.start - 2] == "翻" ? match.start - 2 : nil
            if unit.isDoubling && doublingVerb == nil { return .notFigure }
            var draft = context.draft
            draft.kind = unit.kind
            draft.unit = unit.unit
            draft.multiplier = unit.multiplier
            draft.value = number * unit.multiplier
            draft.end = unitStart + unit.text.count
            if unit.isDoubling {
                draft.start = doublingVerb ?? match.start // 翻一番 = 2, 翻两番 = 4
                draft.value = Foundation.pow(2, match.value)
            }
            // 三个多小时, 两个多月: 个, then 多 and a duration, is one approximate duration.
            let afterUnit = draft.end
            if unit.unit == "个", afterUnit + 1 < context.end, scalars[afterUnit] == "多",
               let length = builder.units.unit(at: afterUnit + 1, in: scalars, end: context.end), length.kind == .duration {
                draft.kind = .duration
                draft.unit = "个" + length.unit
                draft.end = afterUnit + 1 + length.text.count
                draft.approximate = true
                return .figure(draft)
            }
            builder.compound(&draft, match, scalars)
            // 2年半, 三个月半, 5小时半: 半 right after a duration is half of one more (not 半年, 半数: a word that 半 starts).
            if draft.kind == .duration, draft.multiplier == 1, draft.end < context.end, scalars[draft.end] == "半",
               draft.end + 1 >= scalars.count || !ScriptClass.isHan(scalars[draft.end + 1])
                || builder.subjects.segmenter.lexicon.logProbability(of: scalars[draft.end...(draft.end + 1)]) == nil {
                draft.value += 0.5
                draft.bareValue += 0.5
                draft.end += 1
            }
            if unit.kind == .ordinal { draft.subject = .after }
            // 新建3所学校: a noun straight after the measure word is what is counted.
            // (Not after a measure: 迈上1.4万亿斤新台阶 is about 粮食产量.)
            if unit.kind == .count, draft.end < context.end, builder.countedNounFollows(draft.end, scalars) {
                draft.subject = .after
            }
            return .figure(draft)
        },
        FigureRule("currencySign", "a currency sign before the number ($18, HK$1.0, NT$25,000)",
                   examples: [AnalyzerExample("全程车费«$18»，优惠«HK$1.0»。")]) { builder, context, _ in
            builder.prefixedCurrency(context.draft, context.match, context.scalars).map(RuleOutcome.figure) ?? .next
        },
        FigureRule("english", "figures in English text (724 proposals, 12 percent, 20th Congress)",
                   examples: [AnalyzerExample("We handled «724 proposals», up «12 percent».")]) { builder, context, _ in
            builder.english(context.draft, context.match, context.scalars).map(RuleOutcome.figure) ?? .next
        },
        FigureRule("score", "a score (3比1) is two counts: the first the team before it scored, the second the team after the verb (subject rule scoreTeams)",
                   examples: [AnalyzerExample("中国队以«3»比«1»战胜对手。")]) { _, context, _ in
            let match = context.match, scalars = context.scalars
            let before = match.start >= 2 && scalars[match.start - 1] == "比" && NumberScanner.isNumeralCharacter(scalars[match.start - 2])
            let after = context.after + 1 < context.end && context.next == "比" && NumberScanner.isNumeralCharacter(scalars[context.after + 1])
            guard before || after, match.value == match.value.rounded(), match.value >= 0, match.value < 1000 else { return .next }
            var draft = context.draft
            draft.kind = .count
            draft.subject = after ? .before : .afterVerb
            return .figure(draft)
        },
        FigureRule("bareNumeral", "a bare Chinese numeral under ten (三, 两) is a word; other bare numbers are figures without a unit",
                   examples: [AnalyzerExample("三思而行，人口增至«1,055,400»。", mustNotReport: ["三"])]) { _, context, _ in
            context.match.form == .chinese && abs(context.match.value) < 10 ? .notFigure : .figure(context.draft)
        },
    ]
}

extension FactsAnalyzer {
    /// Every named rule: the figure rules in the order they are asked, then the not-figure rules.
    public static var rules: [FactRuleDescription] {
        FigureRule.all.map { rule in rule.description } + NotFigureRule.allCases.map { rule in rule.description }
    }
}
