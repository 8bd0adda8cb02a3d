/// Words and set phrases whose numeral characters are not numbers: 一切, 进一步, 一批, 统一, 十分,
/// 四川, 陆地… The number scanner skips a numeral that sits inside one of them. The list is genre
/// knowledge for Chinese reports and news, written for this project; extend it here.
public enum NumeralIdioms {
    static let words: [String] = """
    一切 一看 一直 一样 一些 一般 一定 一起 一致 一旦 一边 一同 一并 一律 一再 一向 一贯 一道 一流 一味 一心 一下 \
    一时 一面 一方面 一系列 一批 一线 一手 一体 一体化 一揽子 一把手 一刀切 一如既往 一以贯之 一脉相承 一往无前 一马当先 \
    一鼓作气 一丝不苟 一张蓝图 一年来 这一年 新的一年 过去一年 今后一年 关键一年 一年多来 新一轮 上一轮 每一年 那一年 这一 那一 之一 进一步 统一 唯一 同一 万一 逐一 专一 单一 划一 合一 一举 \
    一带 一国两制 一方 一处 一行 一概 一度 一经 一则 一阵 一贯制 一级 第一要务 第一时间 第一生产力 第一动力 第一资源 \
    三心二意 献一策 一心一意 千方百计 万众一心 千家万户 千千万万 百花齐放 百家争鸣 五湖四海 四面八方 九死一生 独一无二 \
    十分 十足 万分 千万 百姓 万物 万象 四川 四周 四处 四面 四季 三角 三明治 陆地 陆续 大陆 登陆 内陆 着陆 陆军 海陆 \
    队伍 入伍 退伍 落伍 伍仁 拾起 拾取 拾到 收拾 拾遗 肆意 放肆 肆无忌惮 肆虐 两岸 两会 两难 两全 七上八下 乱七八糟 \
    零部件 零件 零售 零距离 零容忍 零星 零散 零工 九州 八方 万里 万古 百年大计 千秋 十全十美 一五一十 三番五次 四分五裂 五花八门 六神无主 七嘴八舌 八仙 九霄 百分百
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Each idiom as scalars with the offsets of its numeral characters.
    static let entries: [(scalars: [Unicode.Scalar], numeralOffsets: [Int])] = words.map { word in
        let scalars = Array(word.unicodeScalars)
        let offsets = scalars.indices.filter { NumberScanner.chineseDigit(scalars[$0]) != nil || NumberScanner.chineseUnit(scalars[$0]) != nil }
        return (scalars, offsets)
    }

    /// The idioms as phrases, and how far into one its last numeral character can sit.
    static let index = PhraseIndex(entries.map(\.scalars))
    static let numerals = ScalarSet(entries.flatMap { entry in entry.numeralOffsets.map { entry.scalars[$0] } })
    static let maximumOffset = entries.map { $0.numeralOffsets.last ?? 0 }.max() ?? 0

    /// The idiom covering the numeral at `index`, as a range, or nil: the one starting furthest
    /// left, the longest of those.
    public static func idiom(covering index: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        guard numerals.contains(scalars[index]) else { return nil }
        let phrases = Self.index
        for start in max(0, index - maximumOffset)...index {
            var found: Range<Int>?
            phrases.forEachPhrase(at: start, in: scalars, end: scalars.count) { length, _ in
                guard start + length > index else { return true }
                found = start..<(start + length)
                return false
            }
            if let found { return found }
        }
        return nil
    }
}
