/// The genre's numbered formulations (四个全面, 两个维护, 七大都市, 四个体系建设): words the facts
/// and slogans analyzers both use to tell a formulation from a count, so the two agree.
public enum NumberedFormulations {
    /// Words that follow a formula's head and mark it as a named set (四个体系建设, 三项原则要求).
    public static let frameWords: Set<String> = ["建设", "要求", "目标", "任务", "精神", "原则", "重点", "理念", "战略", "布局",
                                                 "工程", "行动", "意识", "自信", "全面", "确立", "维护", "机制", "格局"]

    /// Words that follow 个 only in numbered formulations (四个全面, 两个维护, 四个意识, 四个自信, 三个代表,
    /// 两个一百年, 两个务必, 两个毫不动摇…): abstract heads, never things counted.
    public static let headWords: [[Unicode.Scalar]] = ["全面", "维护", "确立", "意识", "自信", "代表", "一百年", "务必", "毫不动摇",
                                                       "没有变", "倡导", "坚持", "必须", "始终"].map { Array($0.unicodeScalars) }
}
