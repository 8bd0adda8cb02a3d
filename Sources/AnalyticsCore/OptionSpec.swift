/// A typed option an analyzer accepts, set on the command line as `--option ID.KEY=VALUE`.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case choice([String])
        case flag
        case file
        case text

        var valueHint: String {
            switch self {
            case .integer(let range): return "\(range.lowerBound)…\(range.upperBound)"
            case .number(let range): return "\(range.lowerBound)…\(range.upperBound)"
            case .choice(let values): return values.joined(separator: "|")
            case .flag: return "true|false"
            case .file: return "FILE"
            case .text: return "TEXT"
            }
        }
    }

    public let key: String
    public let kind: Kind
    /// The default as it would be typed; nil when unset means "none" (for files).
    public let defaultValue: String?
    public let help: String

    public init(_ key: String, _ kind: Kind, default defaultValue: String?, help: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    public var valueHint: String { kind.valueHint }

    /// Nil if `value` suits this option, else what is wrong and what is valid.
    public func problem(with value: String) -> String? {
        switch kind {
        case .integer(let range):
            guard let number = Int(value), range.contains(number) else {
                return "expects a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'"
            }
        case .number(let range):
            guard let number = Double(value), range.contains(number) else {
                return "expects a number from \(range.lowerBound) to \(range.upperBound), got '\(value)'"
            }
        case .choice(let values):
            guard values.contains(value) else {
                return "expects one of \(values.joined(separator: ", ")), got '\(value)'"
            }
        case .flag:
            guard ["true", "false"].contains(value) else { return "expects true or false, got '\(value)'" }
        case .file, .text:
            guard !value.isEmpty else { return "expects a value" }
        }
        return nil
    }
}

/// Validated option values for one analyzer, with the declared defaults filled in.
public struct OptionValues: Sendable {
    private let values: [String: String]

    /// Values as given; use `OptionValues.validated` to check them against specs first.
    public init(_ values: [String: String] = [:], specs: [OptionSpec]) {
        var merged: [String: String] = [:]
        for spec in specs { merged[spec.key] = spec.defaultValue }
        for (key, value) in values { merged[key] = value }
        self.values = merged
    }

    public func string(_ key: String) -> String? { values[key] }
    public func integer(_ key: String) -> Int? { values[key].flatMap { Int($0) } }
    public func number(_ key: String) -> Double? { values[key].flatMap { Double($0) } }
    public func flag(_ key: String) -> Bool { values[key] == "true" }
}
