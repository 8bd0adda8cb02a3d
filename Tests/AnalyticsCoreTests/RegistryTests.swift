import Testing
@testable import AnalyticsCore

/// Minimal analyzers for exercising the registry and pipeline.
struct CountResult: AnalyzerResult, Equatable {
    let value: Int
    var reportedSpans: [LabeledSpan] { [] }
    func rendering(for document: Document) -> [RenderBlock] { [.fields([.init("value", String(value))])] }
}

struct LengthAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "length", summary: "text length",
                                                  options: [OptionSpec("scale", .integer(1...10), default: "1", help: "multiplier")])
    let scale: Int
    init(options: OptionValues) { scale = options.integer("scale") ?? 1 }
    func analyze(_ document: Document, context: AnalysisContext) -> CountResult { CountResult(value: document.characterCount * scale) }
}

struct DoubleLengthAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "double", summary: "twice the length", requires: ["length"])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> CountResult {
        guard let length = context.result(of: LengthAnalyzer.self) else { throw AnalyzerSetupError("length missing") }
        return CountResult(value: length.value * 2)
    }
}

struct FailingAnalyzer: Analyzer {
    static let description = AnalyzerDescription(id: "failing", summary: "always fails")
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> CountResult { throw AnalyzerSetupError("broken") }
}

/// Requires the failing analyzer; it must never be called (it would throw "called without failing").
struct AfterFailing: Analyzer {
    static let description = AnalyzerDescription(id: "after-failing", summary: "needs failing", requires: ["failing"])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> CountResult {
        guard context.result(of: FailingAnalyzer.self) != nil else { throw AnalyzerSetupError("called without failing") }
        return CountResult(value: 1)
    }
}

struct AfterAfter: Analyzer {
    static let description = AnalyzerDescription(id: "after-after", summary: "needs after-failing", runsByDefault: true, requires: ["after-failing"])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> CountResult { throw AnalyzerSetupError("called without after-failing") }
}

struct CycleA: Analyzer {
    static let description = AnalyzerDescription(id: "cycle-a", summary: "a", requires: ["cycle-b"])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) -> CountResult { CountResult(value: 0) }
}

struct CycleB: Analyzer {
    static let description = AnalyzerDescription(id: "cycle-b", summary: "b", requires: ["cycle-a"])
    init(options: OptionValues) {}
    func analyze(_ document: Document, context: AnalysisContext) -> CountResult { CountResult(value: 0) }
}

@Suite struct RegistryTests {
    let registry = AnalyzerRegistry([DoubleLengthAnalyzer.self, LengthAnalyzer.self, FailingAnalyzer.self, CycleA.self, CycleB.self,
                                     AfterFailing.self, AfterAfter.self])

    @Test func dependenciesComeFirst() throws {
        #expect(try registry.resolve(["double"]).map { $0.description.id } == ["length", "double"])
        #expect(try registry.resolve(["length", "double"]).map { $0.description.id } == ["length", "double"])
    }

    @Test func unknownIdsNameTheValidOnes() {
        #expect(throws: RegistryError.unknown(id: "lenght", requiredBy: nil, valid: registry.ids)) { try registry.resolve(["lenght"]) }
        let message = RegistryError.unknown(id: "lenght", requiredBy: nil, valid: registry.ids).description
        #expect(message.contains("did you mean 'length'"))
        #expect(message.contains("valid analyzers: double, length, failing, cycle-a, cycle-b, after-failing, after-after"))
    }

    @Test func cyclesAreRejected() {
        #expect(throws: RegistryError.cycle(["cycle-a", "cycle-b", "cycle-a"])) { try registry.resolve(["cycle-a"]) }
    }

    @Test func pipelineEmitsOnlyWhatWasAskedFor() throws {
        let pipeline = try Pipeline(registry: registry, requested: ["double"])
        #expect(pipeline.runOrder == ["length", "double"])
        let report = DocumentReport.analyzing(Document(source: "t", text: "四个字符"), with: pipeline)
        #expect(report.entries.map(\.id) == ["double"])
        #expect((report.entries.first?.result as? CountResult)?.value == 8)
    }

    @Test func optionsAreValidatedAndApplied() throws {
        let pipeline = try Pipeline(registry: registry, requested: ["length"], options: ["length": ["scale": "3"]])
        let report = DocumentReport.analyzing(Document(source: "t", text: "abc"), with: pipeline)
        #expect((report.entries.first?.result as? CountResult)?.value == 9)
        #expect(throws: OptionError.self) { try Pipeline(registry: registry, requested: ["length"], options: ["length": ["scale": "11"]]) }
        #expect(throws: OptionError.self) { try Pipeline(registry: registry, requested: ["length"], options: ["length": ["scael": "1"]]) }
        #expect(throws: OptionError.self) { try Pipeline(registry: registry, requested: ["length"], options: ["nope": ["x": "1"]]) }
    }

    @Test func aFailingAnalyzerDoesNotStopTheOthers() throws {
        let pipeline = try Pipeline(registry: registry, requested: ["failing", "length"])
        let report = DocumentReport.analyzing(Document(source: "t", text: "ab"), with: pipeline)
        #expect(report.entries.map(\.id) == ["length"])
        #expect(report.errors == ["analyzer 'failing' failed: broken"])
    }

    @Test func aFailedDependencyMeansNotRunWithTheCause() throws {
        let pipeline = try Pipeline(registry: registry, requested: ["after-after", "length"])
        #expect(pipeline.runOrder == ["failing", "after-failing", "after-after", "length"])
        let report = DocumentReport.analyzing(Document(source: "t", text: "ab"), with: pipeline)
        #expect(report.entries.map(\.id) == ["length"])
        #expect(report.errors == [
            "analyzer 'failing' failed: broken",
            "analyzer 'after-failing' not run: it needs 'failing', which gave no result (failed: broken)",
            "analyzer 'after-after' not run: it needs 'after-failing', which gave no result (not run: it needs 'failing', which gave no result (failed: broken))",
        ])
    }

    @Test func withoutARequestTheDefaultSetRuns() throws {
        #expect(registry.defaultIDs == ["after-after"])
        let pipeline = try Pipeline(registry: registry, requested: nil)
        #expect(pipeline.requestedIDs == ["after-after"])
        #expect(pipeline.runOrder == ["failing", "after-failing", "after-after"])
    }

    @Test func entriesNeedNoSwiftType() throws {
        let description = AnalyzerDescription(id: "external", summary: "described at run time", requires: ["length"])
        let entry = AnalyzerEntry(description: description) { _ in
            AnalyzerInstance { document, context in CountResult(value: (context.result(of: LengthAnalyzer.self)?.value ?? 0) + 1) }
        }
        let pipeline = try Pipeline(registry: registry.adding([entry]), requested: ["external"])
        let report = DocumentReport.analyzing(Document(source: "t", text: "abc"), with: pipeline)
        #expect((report.entries.first?.result as? CountResult)?.value == 4)
    }

    enum Mode: String, CaseIterable, Sendable { case fast, careful }
    static let top = Option(integer: "top", in: 1...50, default: 20, help: "how many")
    static let mode = Option(choice: "mode", default: Mode.careful, help: "how")
    static let words = Option(file: "words", help: "a word list")
    static let strict = Option(flag: "strict", default: true, help: "be strict")

    @Test func optionsAreDeclaredOnceAndReadBackTyped() {
        let specs: [OptionSpec] = [Self.top.spec, Self.mode.spec, Self.words.spec, Self.strict.spec]
        #expect(specs.map { $0.defaultValue } == ["20", "careful", nil, "true"])
        #expect(specs[1].kind == OptionSpec.Kind.choice(["fast", "careful"]))
        let unset = OptionValues([:], specs: specs)
        let unsetMode: Mode = unset[Self.mode], unsetWords: String? = unset[Self.words]
        #expect(unset[Self.top] == 20 && unsetMode == Mode.careful && unsetWords == nil && unset[Self.strict])
        let set = OptionValues(["top": "7", "mode": "fast", "words": "w.txt", "strict": "false"], specs: specs)
        let setMode: Mode = set[Self.mode], setWords: String? = set[Self.words]
        #expect(set[Self.top] == 7 && setMode == Mode.fast && setWords == "w.txt" && !set[Self.strict])
        #expect(Self.top.spec.problem(with: "51") != nil, "the range is the declaration's")
    }
}
