/// The default stop list: words that never make a keyword. Chinese function words, pronouns,
/// conjunctions, auxiliaries and empty adverbs, the empty verbs of the report genre, and English
/// stop words. Single Han characters
/// are excluded separately (`keywords.singles`). Users add words with `keywords.stopwords=FILE`.
enum StopWords {
    static let chinese = """
    我们 你们 他们 她们 它们 咱们 自己 大家 人们 这个 那个 这些 那些 这里 那里 这样 那样 这种 那种 这么 那么 \
    这一 那一 这次 此次 其中 其他 其它 其余 之一 一个 一些 一种 一切 一起 一样 一直 一定 一般 一批 一系列 一年来 \
    以及 或者 或是 而且 并且 而是 但是 可是 然而 因为 所以 因此 由于 如果 虽然 尽管 即使 还是 就是 也是 都是 \
    不是 没有 已经 正在 曾经 将要 还要 就要 只有 只要 除了 对于 关于 通过 为了 根据 按照 依照 随着 作为 经过 \
    以来 以上 以下 以后 以前 之后 之前 之间 之中 当中 方面 时候 时期 有关 相关 各种 各项 各类 每个 所有 任何 \
    什么 怎么 怎样 如何 为何 哪些 多少 几个 许多 很多 更加 非常 十分 特别 尤其 比较 还有 以便 从而 进而 此外 \
    同时 另外 然后 首先 其次 最后 总之 例如 比如 可以 可能 能够 应该 应当 必须 需要 不断 继续 仍然 依然 始终 \
    一是 二是 三是 四是 五是 第一 第二 第三 等等 有所 有着 起来 下来 出来 上来 进来 过来 之所以 不仅 而且 \
    不但 甚至 即使 无论 不管 只是 就是说 也就是 的话 来说 而言 之下 之上 所谓 所在 此外 为此 对此 由此 据此
    """
    /// Verbs and adverbs that every government text uses in every paragraph (推动, 加强, 扎实):
    /// they say how, not what, and crowd real terms out of the top ten.
    static let genre = """
    工作 推动 开展 助力 推进 加强 坚持 积极 持续 深入 不断 切实 着力 大力 努力 扎实 落实 贯彻 实现 提升 提高 促进 \
    一年 围绕 聚焦 紧扣 紧紧 充分 认真 主动 有效 更加 进一步 一年来 坚决 全力 深化 强化 做好 抓好 推进 加快 狠抓 牢牢 \
    全面 不断 取得 形成 发挥 注重 着眼 立足 统筹 健全 完善 打造 支持 引导 鼓励 组织 召开 举办 各项 各类 广泛
    """

    /// Verbs that frame what a text reports (会议指出, 报告提出, 数据显示, 来自): who said it or where
    /// it is from, not what; never a keyword, never a phrase's edge.
    static let framing = """
    指出 强调 表示 认为 提出 介绍 透露 获悉 据悉 表明 显示 来自 宣布 称 说道
    """

    static let english = """
    a an the and or but if then else of to in on at by for with from as is are was were be been being it its this that \
    these those there here we you he she they them his her our their not no nor so than too very can will would shall \
    should may might must do does did has have had about into over after before between under again further once all \
    any both each few more most other some such only own same just also which who whom what when where why how i me my
    """

    static let all: Set<String> =
        Set((chinese + " " + genre + " " + framing + " " + english).unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0) })
}
