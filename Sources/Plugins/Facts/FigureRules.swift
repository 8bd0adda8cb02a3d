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
        FigureRule("partyCongress", "党的二十大, 十九大: a party congress is an ordinal",
                   examples: [AnalyzerExample("学习党的«二十大»精神。")]) { builder, context, _ in
            let match = context.match, scalars = context.scalars
            guard match.form == .chinese, context.unitStart < context.end, scalars[context.unitStart] == "大",
                  match.value >= 10 || builder.preceded(by: "党的", match.start, scalars) else { return .next }
            var draft = context.draft
            draft.kind = .ordinal
            draft.unit = "大"
            draft.end = context.unitStart + 1
            draft.subject = .fixed("全国代表大会")
            return .figure(draft)
        },
        FigureRule("formulation", "numbered formulations, decided with the slogans analyzer (NumberedFormulations)",
                   examples: [AnalyzerExample("打造«七大都市»，增强«四个意识»，建成«三个»示范区。")]) { builder, context, scratch in
            guard context.unitStart == context.after,
                  let found = NumberedFormulations.formulation(at: context.match, in: context.scalars, segmenter: builder.subjects.segmenter,
                                                                scratch: &scratch) else {
                return .next
            }
            return .figure(builder.formula(context.draft, unit: String(found.classifier), end: found.span.end))
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
