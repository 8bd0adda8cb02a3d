import Foundation
/// A typed option an analyzer accepts, set on the command line as `--option ID.KEY=VALUE`.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case choice([String])
        case flag
        case file
        /// Comma-separated paths (the `terms` analyzer's lists).
        case files
        case text

        var valueHint: String {
            switch self {
            case .integer(let range): return "\(range.lowerBound)…\(range.upperBound)"
            case .number(let range): return "\(range.lowerBound)…\(range.upperBound)"
            case .choice(let values): return values.joined(separator: "|")
            case .flag: return "true|false"
            case .file: return "FILE"
            case .files: return "FILE,FILE"
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
        case .file, .files, .text:
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

/// What an analyzer's `description.options` lists: an `OptionSpec` or a typed `Option`.
public protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

extension OptionSpec: OptionDeclaration {
    public var spec: OptionSpec { self }
}

/// An option declared once — key, type, default, help, the validation that follows from the
/// type — and read back typed: `options[Self.top]` is an `Int`, the declared default when unset.
///
///     static let top = Option(integer: "top", in: 1...1000, default: 20, help: "how many to report")
///     // description: options: [top];  init(options:): top = options[Self.top]
public struct Option<Value: Sendable>: OptionDeclaration {
    public let spec: OptionSpec
    let defaultValue: Value
    let parse: @Sendable (String) -> Value?

    init(_ spec: OptionSpec, default defaultValue: Value, parse: @escaping @Sendable (String) -> Value?) {
        self.spec = spec
        self.defaultValue = defaultValue
        self.parse = parse
    }

    public var key: String { spec.key }
}

extension Option where Value == Int {
    public init(integer key: String, in range: ClosedRange<Int>, default value: Int, help: String) {
        self.init(OptionSpec(key, .integer(range), default: String(value), help: help), default: value) { Int($0) }
    }
}

extension Option where Value == Double {
    public init(number key: String, in range: ClosedRange<Double>, default value: Double, help: String) {
        self.init(OptionSpec(key, .number(range), default: String(value), help: help), default: value) { Double($0) }
    }
}

extension Option where Value == Bool {
    public init(flag key: String, default value: Bool, help: String) {
        self.init(OptionSpec(key, .flag, default: String(value), help: help), default: value) { $0 == "true" }
    }
}

extension Option where Value == String {
    /// One of `values`.
    public init(choice key: String, _ values: [String], default value: String, help: String) {
        precondition(values.contains(value), "option \(key): default '\(value)' is not one of its choices")
        self.init(OptionSpec(key, .choice(values), default: value, help: help), default: value) { $0 }
    }

    public init(text key: String, default value: String, help: String) {
        self.init(OptionSpec(key, .text, default: value, help: help), default: value) { $0 }
    }
}

extension Option where Value == String? {
    /// A path, none by default.
    public init(file key: String, help: String) {
        self.init(OptionSpec(key, .file, default: nil, help: help), default: nil) { .some($0) }
    }

    /// Free text, none by default.
    public init(optionalText key: String, help: String) {
        self.init(OptionSpec(key, .text, default: nil, help: help), default: nil) { .some($0) }
    }
}

extension Option where Value == [String] {
    /// Comma-separated paths; blanks around and between commas are dropped.
    public init(files key: String, default value: [String], help: String) {
        self.init(OptionSpec(key, .files, default: value.joined(separator: ","), help: help), default: value) { text in
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}

extension OptionValues {
    /// The option's value, typed; its declared default when not set.
    public subscript<Value>(_ option: Option<Value>) -> Value {
        string(option.key).flatMap(option.parse) ?? option.defaultValue
    }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of an enumeration's cases, read back as the case.
    public init(choice key: String, default value: Value, help: String) {
        self.init(OptionSpec(key, .choice(Value.allCases.map(\.rawValue)), default: value.rawValue, help: help), default: value) {
            Value(rawValue: $0)
        }
    }
}
