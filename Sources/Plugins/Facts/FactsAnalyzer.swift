import AnalyticsCore
import Foundation

/// Every figure in the text with its unit and what it counts: counts with measure words (3次,
/// 724件, 1954人次), money, percentages and their changes, measures, ordinals (第十三次, 十四届,
/// 党的二十大), years, dates, ranges and durations; numbered formulations as `formula`.
public struct FactsAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "facts",
        summary: "Figures with their unit and what they count: counts, money, percentages, ordinals, dates, ranges",
        runsByDefault: true,
        preferredTable: true,
        highlightStyle: "background:#ffe08a",
        options: [
            kindsOption,
            bareOption,
            sentencesOption,
        ],
        examples: [
            AnalyzerExample("市政协共开展常委会议专题协商«3次»、专题议政协商«8次»。", note: "each item of a list gets its own subject"),
            AnalyzerExample("立案交办提案«724件»，参加委员«1954人次»。", mustNotReport: ["1954"], note: "1954人次 is a count, not the year 1954"),
            AnalyzerExample("地区生产总值增长«5.1%»，赤字率下降«2个百分点»。", note: "percentages carry the direction of the change"),
            AnalyzerExample("«十四届»市政协认真学习党的«二十大»精神和省«第十三次»党代会精神。", note: "ordinals with and without 第"),
            AnalyzerExample("投资«1.2万亿元»，面积«3.5平方公里»。", note: "money and measures, normalised"),
            AnalyzerExample("«2022年3月5日»召开，规划期«3至5年»。", note: "dates and ranges"),
            AnalyzerExample("增强«四个意识»，落实«两个维护»，建成«三个»示范区。", note: "四个意识 and 两个维护 are formulations (kind formula); 三个示范区 is a count"),
            AnalyzerExample("一年来，进一步推动一批项目，一系列举措。", mustNotReport: ["一", "一年", "一批", "一系列"],
                            note: "idioms and set phrases with numerals are not figures"),
            AnalyzerExample("We handled «724 proposals», up «12%» since the «20th Congress».", note: "English figures"),
            AnalyzerExample("预期目标是：国内生产总值增长«5%»左右；城镇新增就业«1200万人»以上。",
                            note: "qualifiers (approximate, atLeast) and modality: target after 预期目标"),
            AnalyzerExample("车站只有«一座»站台，米本下设有文书«一人»。他走进一家店铺，这是一座城市。", mustNotReport: ["一家"],
                            note: "indefiniteOne: 一 + measure word is 'a' unless the number matters"),
            AnalyzerExample("佛蒙特州共有«14个»县。这14个县各有代码。两人陷入热恋。", mustNotReport: ["14个县各", "两人"],
                            note: "pointingBack: numerals that point back are not figures"),
            AnalyzerExample("本站是10号线的车站，县代码为001，全线长«12公里»。", mustNotReport: ["10", "001"],
                            note: "numberName: routes, numbered places and codes name things"),
            AnalyzerExample("«第二届»大赛举行，后来有第三者介入。", mustNotReport: ["第三"], note: "ordinalWord: 第三者 is a word"),
            AnalyzerExample("«7月31日上午9时»许，«17日»晚，截至«29日20时»，«凌晨5时»出发，新民路29号。", mustNotReport: ["9", "29号"],
                            note: "a date with the time of day after it is one date-time; a day alone is a date before a part of the day or the clause's end"),
            AnalyzerExample("末班车延长至«23时30分»，活动«19时»开始，提出3点建议，工作8小时。", mustNotReport: ["23", "30", "19", "3点"],
                            note: "Arabic digits before 时 are a clock time without a part of the day; 点 needs one (3点建议 are points)"),
            AnalyzerExample("每晚卖出«三四百串»，接种疫苗«300万剂»，订单«5000单»，抢下14篮板球。", mustNotReport: ["14篮"],
                            note: "measure words of news the lexicon does not tag (串, 剂, 单: units.tsv); not 篮 (篮板球), 副 (副主席), 床"),
            AnalyzerExample("每天接待«七八个»旅行团，«数千名»观众到场，厂房建于«20世纪70年代»，电价«0.56元/千瓦时»。",
                            note: "ranges of neighbouring digits, vague quantities, decades, compound units"),
        ]
    )

    static let kindsOption = Option(optionalText: "kinds",
                                    help: "report only these kinds, comma-separated (\(FactKind.allCases.map(\.rawValue).joined(separator: ",")))")
    static let bareOption = Option(flag: "bare", default: true, help: "report bare numbers without a unit (kind number)")
    static let sentencesOption = Option(flag: "sentences", default: true,
                                        help: "quote each figure's sentence (false: sentence is null, its span stays; the report of a big corpus is half as large)")

    let builder: FactBuilder
    let kinds: Set<FactKind>?
    let includeBare: Bool
    let quoteSentences: Bool

    public init(options: OptionValues) throws {
        let segmenter = try Segmenter.shipped()
        let subjects = try SubjectFinder(segmenter: segmenter)
        builder = FactBuilder(subjects: subjects, cues: try Cues(lexicon: segmenter.lexicon),
                              planParts: try PlanParts(lexicon: segmenter.lexicon),
                              units: try UnitTable(lexicon: segmenter.lexicon), times: try TimeExpressions(),
                              notFigures: NotFigures(segmenter: segmenter, classes: subjects.classes))
        includeBare = options[Self.bareOption]
        quoteSentences = options[Self.sentencesOption]
        if let list = options[Self.kindsOption] {
            var kinds: Set<FactKind> = []
            for name in list.split(separator: ",") {
                guard let kind = FactKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw AnalyzerSetupError("facts.kinds: unknown kind '\(name)'; valid kinds: \(FactKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.insert(kind)
            }
            self.kinds = kinds
        } else {
            kinds = nil
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> FactsResult {
        var facts = builder.forDocument().facts(in: document)
        if let kinds { facts.removeAll { !kinds.contains($0.kind) } }
        if !includeBare { facts.removeAll { $0.kind == .number && $0.unit == nil } }
        if !quoteSentences { for index in facts.indices { facts[index].sentence = nil } }
        return FactsResult(facts: facts)
    }
}
