/// One example of a modality rule: «…» marks the figure; `modality` is what it must get.
public struct ModalityExample: Sendable {
    public let markedInput: String
    public let modality: String

    public init(_ markedInput: String, modality: String) {
        self.markedInput = markedInput
        self.modality = modality
    }
}

/// A named rule of how a figure's modality (target or actual) is read, with examples both ways
/// (ModalityRuleExampleTests run them).
public struct ModalityRuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let examples: [ModalityExample]
}

extension FactsAnalyzer {
    /// The modality rules of `Cues` and `CueRoles.swift`, with their examples.
    public static let modalityRules: [ModalityRuleDescription] = [
        ModalityRuleDescription(id: "nounCue", summary: "a target cue the lexicon tags as a common noun (规划, 计划, 目标) is one only before a predicate (a verb, adverb, preposition, number or time, or a copula or colon: 规划建设, 计划在, 目标是, 预期目标：); before a noun it qualifies it (规划体系, 目标任务) and at the end of a noun phrase it names a plan (产业基地规划，), and a later figure is not planned", examples: [
            ModalityExample("基本建成国土空间规划体系，新增国土绿化«624万亩»。", modality: "actual"),
            ModalityExample("出台产业基地规划，制定、修订行业标准«28项»。", modality: "actual"),
            ModalityExample("全面完成年度目标任务，新增城镇就业«6.2万人»。", modality: "actual"),
            ModalityExample("该市是计划单列市，常住人口超过«900万人»。", modality: "actual"),
            ModalityExample("第一个五年计划的投资总额为«427亿元»。", modality: "actual"),
            ModalityExample("全市规划建设«3个»产业园区。", modality: "target"),
            ModalityExample("今年计划投资«120亿元»。", modality: "target"),
            ModalityExample("计划新建5G基站«1.2万个»。", modality: "target"),
            ModalityExample("计划在三年内新建学校«8所»。", modality: "target"),
            ModalityExample("主要预期目标：地区生产总值增长«5%»左右。", modality: "target"),
            ModalityExample("发展的目标是城镇新增就业«1200万人»以上。", modality: "target"),
            ModalityExample("力争粮食产量达到«1300万吨»。", modality: "target"),
            ModalityExample("按照十年规划，到1985年，粮食产量达到«8000亿斤»。", modality: "target"),
            ModalityExample("在第一个五年计划期间内，开工建设的有«800多个»工业企业。", modality: "actual"),
            ModalityExample("以解决温饱问题为目标的扶贫工作加快，贫困人口减少«700万»。", modality: "actual"),
        ]),
        ModalityRuleDescription(id: "takesAmount", summary: "要 right before an amount says what something takes (过去走山路要两个多小时), not what is planned; 要 before a verb plans (要新建100所学校)", examples: [
            ModalityExample("过去走山路要«两个多小时»，现在只要«18分钟»。", modality: "actual"),
            ModalityExample("从县城开车到村里要«40分钟»。", modality: "actual"),
            ModalityExample("今年要新建学校«100所»。", modality: "target"),
            ModalityExample("全年要完成植树造林«30万亩»。", modality: "target"),
        ]),
    ]
}
