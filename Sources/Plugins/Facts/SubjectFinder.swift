import AnalyticsCore

/// Finds what a figure counts: the noun phrase of its clause between the governing verb and the
/// figure (开展常委会议专题协商3次 → 常委会议专题协商), or after it when nothing stands before
/// (新建3所学校 → 学校). Also reads the direction of a change (增长5.1% → up).
struct SubjectFinder: Sendable {
    let segmenter: Segmenter
    private let verbs: WordList
    private let noiseWords: WordList
    private let upWords: WordList
    private let downWords: WordList
    private let approximateWords: WordList
    private static let upSuffixes = upPrefixes.map { Array($0.unicodeScalars) }
    private static let downSuffixes = downPrefixes.map { Array($0.unicodeScalars) }

    init(segmenter: Segmenter) {
        self.segmenter = segmenter
        let lexicon = segmenter.lexicon
        verbs = WordList(Self.governingVerbs, lexicon: lexicon)
        noiseWords = WordList(Self.noise, lexicon: lexicon)
        upWords = WordList(Units.up.union(Self.upPrefixes), lexicon: lexicon)
        downWords = WordList(Units.down.union(Self.downPrefixes), lexicon: lexicon)
        approximateWords = WordList(["约", "近", "超过", "逾", "左右", "余"], lexicon: lexicon)
    }

    private func hasSuffix(_ token: Token, _ scalars: [Unicode.Scalar], _ suffixes: [[Unicode.Scalar]]) -> Int? {
        for suffix in suffixes where token.length > suffix.count && scalars[(token.end - suffix.count)..<token.end].elementsEqual(suffix) {
            return suffix.count
        }
        return nil
    }

    private func hasPrefix(_ token: Token, _ scalars: [Unicode.Scalar], _ prefixes: [[Unicode.Scalar]]) -> Bool {
        prefixes.contains { token.length >= $0.count && scalars[token.start..<(token.start + $0.count)].elementsEqual($0) }
    }

    /// Verbs that govern a counted object in reports: the subject starts after the last of them.
    /// Words such as 调研, 视察, 协商 are left out on purpose: in this genre they are mostly nouns
    /// inside the subject (调研、视察和协商报告).
    static let governingVerbs: Set<String> = Set("""
    开展 完成 立案 交办 参加 参与 联系 服务 举办 召开 组织 提出 提交 收到 接待 培训 办理 实施 建成 新建 改造 新增 引进 帮助 \
    解决 走访 慰问 举行 推出 出台 制定 发布 印发 报送 编发 撰写 形成 征集 受理 承办 落实 达成 签约 签订 投资 实现 培育 创建 \
    打造 建立 设立 成立 邀请 吸引 带动 安置 救助 资助 捐赠 捐款 募集 发放 发展 吸纳 转化 采纳 批示 转办 督办 办结 答复 \
    认定 评选 表彰 命名 获得 获批 获评 荣获 累计完成 建设 修建 修复 治理 整治 清理 查处 处理 审结 审理 受益 覆盖 惠及 \
    帮扶 资助 引导 选派 派出 培养 招聘 录用 招收 录取 开工 竣工 投产 建档 登记 注册 新登记 上市 出口 进口 实施了 \
    开展了 完成了 举办了 召开了 提出了 组织了 收集 汇集 整理 编辑 出版 刊发 播出 报道 推送 拍摄 制作 有 拥有 共有 达到 \
    安排 发行 下达 拨付 筹集 投入 支出 增发 减免 退税 降费 新增 减税
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words that stand between the subject and the figure without being part of either.
    static let noise: Set<String> = Set("""
    共 共计 累计 合计 总计 全年 全市 其中 约 近 达 达到 为 是 计 分别 超过 超 逾 突破 以上 左右 比 比上年 上年 同比 较上年 \
    较 比去年 去年 同期 增长 下降 增加 减少 提高 降低 上升 年均 平均 年 了 的 等 有 各类 各项 各 新 累计达 \
    余 多 同比增长 同比下降 实际 预计 力争 确保 首次 再次 又 已 已经 仅 只 就 还 也 都 并 和 及 与 \
    拟 按 到 至 在 占 比上 先 拟按 要 将 可 能 目标 预期 左右 以上 以内 控制 控制在 保持 保持在 稳定在 达到了
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// 提高到, 增长了, 下降至: a direction word with a particle glued on.
    static let upPrefixes = ["增长", "增加", "提高", "上升", "扩大", "提升", "上涨"]
    static let downPrefixes = ["下降", "减少", "降低", "回落", "缩小", "下跌", "压减"]

    /// Where a figure's clause starts: after sentence or clause punctuation, or after the 、 that
    /// ends the previous item of a list (市政协共开展A3次、B8次 → B).
    /// How far from its figure a clause is read: subjects sit next to their figures, and text
    /// without punctuation must not make every figure read the whole run (quadratic).
    static let maximumClauseReach = 64

    static func clauseStart(before start: Int, in scalars: [Unicode.Scalar], listBoundary: Int?, limit: Int) -> Int {
        var index = start
        let limit = max(limit, start - maximumClauseReach)
        while index > limit {
            let scalar = scalars[index - 1]
            if isClauseBreak(scalar) { break }
            if scalar == "、" && listBoundary == index - 1 { break }
            index -= 1
        }
        return index
    }

    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "：", "，", ",", ";", ":", "!", "?", "\n", "\r", "（", "(", "）", ")", "“", "”", "《", "》",
             "—", "…", "\"", "「", "」", "『", "』", "【", "】", "\t":
            return true
        default:
            return false
        }
    }

    struct Found {
        var subject: String?
        var direction: String?
        var approximate = false
    }

    /// The subject before `figureStart`, within `clauseStart..<figureStart`; else the words after
    /// `figureEnd` up to the clause end.
    func subject(in scalars: [Unicode.Scalar], clauseStart: Int, figureStart: Int, figureEnd: Int, clauseEnd: Int,
                 scratch: inout Segmenter.Scratch) -> Found {
        var found = Found()
        // Subjects are short: segment only the last 24 characters of the clause. Starting
        // mid-word there costs at most the first word, which the 16-character cap drops anyway.
        let windowStart = max(clauseStart, figureStart - 24)
        var words = segmenter.tokens(in: scalars, range: windowStart..<figureStart, scratch: &scratch).filter { $0.kind != .whitespace }
        if windowStart > clauseStart, !words.isEmpty { words.removeFirst() }
        // Trailing: direction words and noise (比上年增长, 共, 达).
        while let last = words.last {
            if last.kind == .punctuation {
                words.removeLast()
                continue
            }
            if upWords.contains(last, in: scalars) || hasPrefix(last, scalars, Self.upSuffixes) {
                found.direction = found.direction ?? "up"
            } else if downWords.contains(last, in: scalars) || hasPrefix(last, scalars, Self.downSuffixes) {
                found.direction = found.direction ?? "down"
            } else if approximateWords.contains(last, in: scalars) {
                found.approximate = true
            } else if let length = hasSuffix(last, scalars, Self.upSuffixes) ?? hasSuffix(last, scalars, Self.downSuffixes) {
                // 价格上涨 is one dictionary word: keep 价格, read 上涨.
                found.direction = found.direction ?? (hasSuffix(last, scalars, Self.upSuffixes) != nil ? "up" : "down")
                words[words.count - 1] = Token(start: last.start, end: last.end - length, kind: last.kind)
                break
            } else if !noiseWords.contains(last, in: scalars) {
                break
            }
            words.removeLast()
        }
        var governingVerb: Token?
        if let verb = words.lastIndex(where: { verbs.contains($0, in: scalars) }) {
            governingVerb = words[verb]
            words.removeSubrange(...verb)
        }
        while let first = words.first, first.kind == .punctuation || noiseWords.contains(first, in: scalars) {
            words.removeFirst()
        }
        if let first = words.first, let last = words.last, last.end - first.start >= 1 {
            var start = first.start
            // A subject is a noun phrase, not a paragraph: keep its last 16 characters' words.
            if last.end - start > 16, let cut = words.first(where: { last.end - $0.start <= 16 }) { start = cut.start }
            found.subject = string(scalars, Token(start: start, end: last.end, kind: .word))
            return found
        }
        // Nothing before: the noun right after the figure (新建3所学校 → 学校).
        let after = segmenter.tokens(in: scalars, range: figureEnd..<min(clauseEnd, figureEnd + 12), scratch: &scratch)
        var subjectEnd = figureEnd
        for token in after {
            guard token.kind == .word || token.kind == .latin else { break }
            if verbs.contains(token, in: scalars)
                || (token.length == 1 && "的和等及与、上中".unicodeScalars.contains(scalars[token.start])) { break }
            subjectEnd = token.end
            if subjectEnd - figureEnd >= 6 { break }
        }
        if subjectEnd > figureEnd {
            found.subject = string(scalars, Token(start: figureEnd, end: subjectEnd, kind: .word))
        } else if let governingVerb, governingVerb.kind == .word {
            // 投资1.2万亿元: the verb itself names what is measured.
            found.subject = string(scalars, governingVerb)
        }
        return found
    }

    private func string(_ scalars: [Unicode.Scalar], _ token: Token) -> String {
        String(scalars: scalars[token.start..<token.end])
    }
}
