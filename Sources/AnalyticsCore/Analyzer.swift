/// An analyzer module: reads a `Document` (and the results of the analyzers it requires) and
/// produces a typed, `Codable` result.
///
/// Conforming types are value types configured once from validated options; `analyze` must be
/// safe to call concurrently on different documents.
public protocol Analyzer: Sendable {
    associatedtype Result: AnalyzerResult

    /// Who this analyzer is: id, summary, options, dependencies and worked examples.
    static var description: AnalyzerDescription { get }

    /// Creates the analyzer from options already validated against `description.options`.
    /// Throws `AnalyzerSetupError` when an option names something unusable (a missing file…).
    init(options: OptionValues) throws

    func analyze(_ document: Document, context: AnalysisContext) throws -> Result
}

extension AnalyzerDescription {
    /// Whether `id` is a valid analyzer id: lower-case letters, digits, - and _, not starting with - or _.
    public static func isValidID(_ id: String) -> Bool {
        id.range(of: "^[a-z0-9][a-z0-9_-]*$", options: .regularExpression) != nil
    }
}

/// What an analyzer declares about itself; `--list-plugins`, `--explain` and the example tests read it.
public struct AnalyzerDescription: Sendable {
    /// Stable lower-case id used in `--plugins`, `--option ID.KEY=…` and the JSON report.
    public let id: String
    /// One line for `analyze plugins`.
    public let summary: String
    /// Whether it runs when `--plugins` is not given (and no project file names the analyzers).
    /// A new analyzer is opt-in: making it default changes every user's report.
    public let runsByDefault: Bool
    /// Whether `--format csv` without `--table` writes this analyzer's table when several
    /// analyzers of the run have one (facts: what `--format csv` has always written).
    public let preferredTable: Bool
    /// CSS declarations for this analyzer's highlights in the HTML report (`background:#ffe08a`);
    /// nil: the browser's plain mark.
    public let highlightStyle: String?
    public let options: [OptionSpec]
    /// Ids of analyzers whose results this one reads through `AnalysisContext`.
    public let requires: [String]
    public let examples: [AnalyzerExample]

    public init(id: String, summary: String, runsByDefault: Bool = false, preferredTable: Bool = false, highlightStyle: String? = nil,
                options: [any OptionDeclaration] = [], requires: [String] = [], examples: [AnalyzerExample] = []) {
        self.id = id
        self.summary = summary
        self.runsByDefault = runsByDefault
        self.preferredTable = preferredTable
        self.highlightStyle = highlightStyle
        self.options = options.map { $0.spec }
        self.requires = requires
        self.examples = examples
    }
}

/// A worked example: documentation for `--explain` and a test case for the example test.
///
/// In `markedInput`, each `«…»` marks a span the analyzer must report (the markers are removed
/// before analysis). `mustNotReport` lists texts that no reported span may cover.
public struct AnalyzerExample: Sendable {
    public let markedInput: String
    public let mustNotReport: [String]
    public let options: [String: String]
    public let note: String

    public init(_ markedInput: String, mustNotReport: [String] = [], options: [String: String] = [:], note: String = "") {
        self.markedInput = markedInput
        self.mustNotReport = mustNotReport
        self.options = options
        self.note = note
    }

    public static let openMarker: Unicode.Scalar = "«"
    public static let closeMarker: Unicode.Scalar = "»"

    /// The input without markers, and the marked spans in its scalar offsets.
    public var parsed: (text: String, spans: [TextSpan]) {
        var text = String.UnicodeScalarView()
        var spans: [TextSpan] = []
        var opens: [Int] = []
        var offset = 0
        for scalar in markedInput.unicodeScalars {
            if scalar == Self.openMarker {
                opens.append(offset)
            } else if scalar == Self.closeMarker, let start = opens.popLast() {
                spans.append(TextSpan(start: start, end: offset))
            } else {
                text.append(scalar)
                offset += 1
            }
        }
        return (String(text), spans.sorted())
    }
}

/// What an analyzer's result must offer besides its JSON form.
public protocol AnalyzerResult: Codable, Sendable {
    /// Every span the result reports, with a short label; the example and offset tests read these.
    var reportedSpans: [LabeledSpan] { get }
    /// The result as renderer-neutral blocks; renderers know nothing of specific analyzers.
    func rendering(for document: Document) -> [RenderBlock]
    /// Spans worth marking in the document text (the HTML report), with what to show on hover.
    var highlights: [LabeledSpan] { get }
}

extension AnalyzerResult {
    public var highlights: [LabeledSpan] { [] }
}

public struct LabeledSpan: Hashable, Sendable {
    public let label: String
    public let span: TextSpan
    public init(_ label: String, _ span: TextSpan) {
        self.label = label
        self.span = span
    }
}

/// Results of the analyzers already run on the same document, for analyzers that require them.
public struct AnalysisContext: Sendable {
    private let results: [String: any AnalyzerResult]

    public init(results: [String: any AnalyzerResult] = [:]) {
        self.results = results
    }

    /// The result of a required analyzer, typed.
    public func result<A: Analyzer>(of analyzer: A.Type) -> A.Result? {
        results[A.description.id] as? A.Result
    }

    /// The result of a required analyzer by id, untyped (for analyzers without a Swift type of
    /// the other's result, such as one described at run time that is handed its JSON).
    public func result(id: String) -> (any AnalyzerResult)? {
        results[id]
    }
}

/// An option value that names something unusable, found when the analyzer is set up.
public struct AnalyzerSetupError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
