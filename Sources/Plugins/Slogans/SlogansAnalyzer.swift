import AnalyticsCore

/// Political formulations and campaign slogans: known national formulations with their meaning,
/// numbered formulas, quoted names, parallel couplets and phrases built by repetition.
public struct SlogansAnalyzer: Analyzer {
    public static let description = AnalyzerDescription(
        id: "slogans",
        summary: "Formulations and slogans: known 提法 with meanings, numbered formulas, quoted names, parallel and repeated phrases",
        runsByDefault: true,
        highlightStyle: "background:#b8e0ff",
        options: [lexiconOption],
        examples: [
            AnalyzerExample("打造“«七大都市»”，建设“«七大都市»”。", note: "a numbered formula, each occurrence"),
            AnalyzerExample("坚决拥护“«两个确立»”、做到“«两个维护»”。", note: "known formulations, reported with their meaning"),
            AnalyzerExample("推进“«书香政协»”建设，开展“码”上行动。", mustNotReport: ["码"], note: "quoted names; a single quoted character is not one"),
            AnalyzerExample("«踔厉奋发，笃行致远»。«建言献策聚智慧，协商议事聚共识，勠力同心聚合力»。", note: "parallel clauses"),
            AnalyzerExample("推动«全面振兴全方位振兴»。", note: "a phrase built by repetition"),
            AnalyzerExample("开展专题协商3次，参加委员两千人，全长一百二十公里。", mustNotReport: ["3次", "两千人", "一百二十"], note: "ordinary quantities are not formulas"),
            AnalyzerExample("将坚持«安全第一、服务至上»。很难想象，三十年前这里是荒山。", mustNotReport: ["很难想象，三十年前"],
                            note: "an ordinal ranks (安全第一); a cardinal number tells a story"),
            AnalyzerExample("他说：“我们一定要把工作做好。”", mustNotReport: ["我们一定要把工作做好。", "我们一定要把工作做好"], note: "reported speech is not a slogan"),
            AnalyzerExample("坚持«愿担当、敢担当、善担当»，做到«讲政治、顾大局、守规矩»，«不轻信、不透露、不转账»。",
                            note: "a series of three-character items sharing a frame (a character, or verb + object) is one parallel slogan"),
            AnalyzerExample("推动«共建共治共享»，健全«自治法治德治»相结合的体系。全党全军全国各族人民。", mustNotReport: ["全党全军全国"],
                            note: "compressed formulas: three words sharing a character; nouns alone are a list"),
            AnalyzerExample("她举例说，今年以来，剧团演出三百场。经过调解，双方和解。陈大爷说：“办得公道，心里服气。”",
                            mustNotReport: ["她举例说，今年以来", "经过调解，双方和解", "办得公道，心里服气"],
                            note: "narrative clauses and reported speech only look parallel (word classes: pronoun, time, preposition; inside quoted speech)"),
            AnalyzerExample("镇上有非遗工坊、文化市集、乡村书屋。坚持«人民至上、生命至上»。", mustNotReport: ["非遗工坊、文化市集、乡村书屋", "文化市集、乡村书屋"],
                            note: "a 、-list of nouns is an enumeration; a longer clause's tail joins a couplet when it shares the frame"),
            AnalyzerExample("正如书记所说，“«民有所呼，我有所应»”。增强“风险”意识，防范风险，化解风险。", mustNotReport: ["风险"],
                            note: "a quoted maxim of parallel clauses; a common word quoted once is emphasis, not a coinage"),
        ]
    )

    static let lexiconOption = Option(file: "lexicon", help: "extra known formulations, one a line: term<TAB>meaning<TAB>source")

    let lexicon: FormulationLexicon
    let formulas: FormulaFinder
    let repetitions: RepetitionFinder
    let parallels: ParallelFinder
    let classes: WordClasses

    public init(options: OptionValues) throws {
        lexicon = try FormulationLexicon.load(userFile: options[Self.lexiconOption])
        let segmenter = try Segmenter.shipped()
        formulas = FormulaFinder(segmenter: segmenter)
        repetitions = RepetitionFinder(segmenter: segmenter)
        classes = try WordClasses.load(segmenter: segmenter)
        parallels = ParallelFinder(classes: classes)
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> SlogansResult {
        var candidates: [Candidate] = lexicon.matches(in: document.scalars).map { match in
            Candidate(kind: .known, span: match.span, meaning: match.entry.meaning, source: match.entry.source, reason: "in the lexicon of known formulations")
        }
        candidates += formulas.find(in: document)
        candidates += QuoteFinder(classes: classes).find(in: document)
        candidates += CompressedFormulaFinder(classes: classes).find(in: document)
        candidates += parallels.find(in: document)
        candidates += repetitions.find(in: document)
        return SlogansResult(slogans: merge(candidates, in: document))
    }

    /// One slogan per distinct text, named by its most specific kind, with every occurrence.
    private func merge(_ candidates: [Candidate], in document: Document) -> [Slogan] {
        // Candidates grouped by text; groups numbered in order of first appearance, so each
        // group's text is built once and everything after works on group numbers.
        var groupOfText = SpanInterner()
        var texts: [String] = []
        var groups: [[Candidate]] = []
        document.scalars.withUnsafeBufferPointer { scalars in
            for candidate in candidates {
                let group = Int(groupOfText.value(for: candidate.span, in: scalars) { Int32(groups.count) })
                if group < groups.count {
                    groups[group].append(candidate)
                } else {
                    texts.append(document.text(candidate.span))
                    groups.append([candidate])
                }
            }
        }
        // Known, formula and parallel texts count wherever they occur; a quoted coinage counts its quoted
        // occurrences, and its bare ones too once it is quoted twice (a term the text keeps naming).
        // Quoted once, a common dictionary word (“风险”) is emphasis, not a coinage.
        var dropped = Set<Int>()
        let searched = groups.indices.filter { index in
            let group = groups[index]
            if group.contains(where: { $0.kind != .quoted && $0.kind != .repeated }) { return true }
            let quoted = group.reduce(0) { $0 + ($1.kind == .quoted ? 1 : 0) }
            if quoted == 1, group.count == 1, classes.isDictionaryWord(group[0].span, document.scalars) { dropped.insert(index) }
            return quoted >= 2
        }
        let everywhere = occurrences(of: searched, groups: groups, in: document.scalars)
        var slogans: [Slogan] = groups.indices.filter { !dropped.contains($0) }.map { index in
            let group = groups[index], text = texts[index]
            let best = group.min { $0.kind.priority < $1.kind.priority }!
            let shape = group.first { $0.number != nil || $0.head != nil }
            let spans = Self.sortedUnique(group.map(\.span) + everywhere[index])
            return Slogan(text: text, kind: best.kind, count: spans.count, number: shape?.number ?? formulaNumber(text),
                          head: shape?.head, meaning: group.first { $0.meaning != nil }?.meaning,
                          source: group.first { $0.source != nil }?.source, reason: best.reason,
                          occurrences: spans.map { .init(start: $0.start, end: $0.end) })
        }
        slogans.sort { ($0.occurrences.first?.start ?? 0, $0.text) < ($1.occurrences.first?.start ?? 0, $1.text) }
        return slogans
    }

    /// A known formulation's number when it starts with one (两个确立 → 2).
    private func formulaNumber(_ text: String) -> Double? {
        guard let first = text.unicodeScalars.first, let digit = NumberScanner.chineseDigit(first), digit > 0 else { return nil }
        return Double(digit)
    }

    /// Every position where each of the `searched` groups' texts occurs, by group number. A
    /// group's text is read from the document's scalars at its first candidate (no String).
    private func occurrences(of searched: [Int], groups: [[Candidate]], in scalars: [Unicode.Scalar]) -> [[TextSpan]] {
        var result = [[TextSpan]](repeating: [], count: groups.count)
        guard !searched.isEmpty else { return result }
        let index = PhraseIndex(searched.map { Array(scalars[groups[$0][0].span.range]) })
        for match in index.allMatches(in: scalars) { result[searched[match.phrase]].append(match.span) }
        return result
    }

    /// The spans in order, each once (what a Set and a sort give, without hashing).
    private static func sortedUnique(_ spans: [TextSpan]) -> [TextSpan] {
        var spans = spans
        spans.sort()
        var kept = 0
        for index in spans.indices where kept == 0 || spans[kept - 1] != spans[index] {
            spans[kept] = spans[index]
            kept += 1
        }
        spans.removeLast(spans.count - kept)
        return spans
    }
}
