import AnalyticsCore

/// What follows a number and what it makes of it. Genre knowledge for Chinese reports and news,
/// written for this project; longest match wins.
struct UnitEntry: Sendable {
    let text: [Unicode.Scalar]
    let kind: FactKind
    /// The unit reported (亿元 → 元: the value carries the 亿).
    let unit: String
    let multiplier: Double

    init(_ text: String, _ kind: FactKind, unit: String? = nil, multiplier: Double = 1) {
        self.text = Array(text.unicodeScalars)
        self.kind = kind
        self.unit = unit ?? text
        self.multiplier = multiplier
    }
}

enum Units {
    static let entries: [UnitEntry] = {
        var entries: [UnitEntry] = []
        // Money, with the magnitudes that go in front of the currency.
        let currencies = ["元", "美元", "欧元", "日元", "港元", "英镑", "卢布", "澳元", "人民币"]
        let magnitudes: [(String, Double)] = [("", 1), ("万", 1e4), ("亿", 1e8), ("万亿", 1e12), ("千", 1e3), ("百万", 1e6), ("千万", 1e7), ("十亿", 1e9)]
        for currency in currencies {
            for (prefix, multiplier) in magnitudes {
                entries.append(UnitEntry(prefix + currency, .money, unit: currency, multiplier: multiplier))
            }
        }
        entries.append(UnitEntry("块钱", .money, unit: "元"))
        // Measures, likewise with 万/亿 in front.
        let measures = ["平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "米", "厘米", "毫米", "亩", "公顷",
                        "吨", "千克", "公斤", "克", "斤", "千瓦时", "千瓦", "兆瓦", "吉瓦", "瓦", "度", "升", "毫升",
                        "标箱", "吨标准煤", "床位", "张床位", "户籍人口"]
        for measure in measures {
            for (prefix, multiplier) in magnitudes where prefix == "" || prefix == "万" || prefix == "亿" {
                entries.append(UnitEntry(prefix + measure, .measure, unit: measure, multiplier: multiplier))
            }
        }
        // Durations.
        for unit in ["个月", "个季度", "季度", "个工作日", "小时", "分钟", "秒钟", "周", "星期", "天", "昼夜", "年来", "年间", "年"] {
            entries.append(UnitEntry(unit, .duration, unit: unit == "年来" || unit == "年间" ? "年" : unit))
        }
        // Counts: measure words.
        let counters = ["人次", "家次", "件次", "架次", "车次", "批次", "场次", "户次", "人天", "万人次", "万人", "亿人", "余人",
                        "人", "名", "位", "个", "家", "所", "项", "次", "件", "篇", "部", "场", "批", "期", "条", "户", "座", "处",
                        "台", "辆", "套", "本", "份", "册", "种", "类", "支", "队", "组", "轮", "宗", "笔", "片", "栋", "间", "张",
                        "起", "例", "块", "段", "幅", "首", "集", "门",
                        "级", "届", "代", "倍", "番", "岁", "周年"]
        for counter in counters {
            switch counter {
            case "万人次": entries.append(UnitEntry(counter, .count, unit: "人次", multiplier: 1e4))
            case "万人": entries.append(UnitEntry(counter, .count, unit: "人", multiplier: 1e4))
            case "亿人": entries.append(UnitEntry(counter, .count, unit: "人", multiplier: 1e8))
            case "余人": entries.append(UnitEntry(counter, .count, unit: "人"))
            case "届": entries.append(UnitEntry(counter, .ordinal))
            case "倍", "番": entries.append(UnitEntry(counter, .number))
            case "岁", "周年": entries.append(UnitEntry(counter, .duration))
            default: entries.append(UnitEntry(counter, .count))
            }
        }
        return entries.sorted { $0.text.count > $1.text.count }
    }()

    /// Entries by first scalar, for a quick look-up.
    static let byFirstScalar: [Unicode.Scalar: [UnitEntry]] = Dictionary(grouping: entries, by: { $0.text[0] })

    /// The longest unit starting at `index`.
    static func unit(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> UnitEntry? {
        guard index < end, let candidates = byFirstScalar[scalars[index]] else { return nil }
        return candidates.first { entry in
            index + entry.text.count <= end && scalars[index..<index + entry.text.count].elementsEqual(entry.text)
        }
    }

    /// Words that carry the direction of a change when they stand right before a figure.
    static let up: Set<String> = ["增长", "增加", "提高", "上升", "扩大", "提升", "上涨", "增", "升", "增幅", "涨", "多", "超", "拉动", "翻",
                                  "up", "rose", "grew", "increased", "higher", "gained"]
    static let down: Set<String> = ["下降", "减少", "降低", "回落", "缩小", "下跌", "减", "降", "压减", "压降", "降幅", "收窄",
                                    "down", "fell", "dropped", "decreased", "declined", "lower"]
}
