import Foundation
import AnalyticsCore

/// `.analyze.json`: a team's settings for its corpus, found in the working directory or a parent
/// (or named with `--config FILE`). Flags override it; `analyze plugins` says where each setting
/// came from.
///
///     { "plugins": ["stats", "facts"],
///       "options": { "keywords.top": 30, "facts.kinds": "count,money" } }
///
/// `options` may also nest: `{ "keywords": { "top": 30 } }`. Values are strings, numbers or
/// true/false, checked like `--option`.
struct ProjectFile: Sendable {
    static let fileName = ".analyze.json"
    /// The keys a project file may have, with what each holds (for the error naming what is valid).
    static let keys: [(key: String, holds: String)] = [
        ("plugins", "the analyzers to run when --plugins is not given, e.g. [\"stats\", \"facts\"]"),
        ("options", "analyzer options, e.g. {\"keywords.top\": 30}"),
    ]

    let path: String
    var plugins: [String]?
    var options: [String: [String: String]] = [:]

    /// The nearest `.analyze.json` from `directory` up to the root, if any.
    static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent().standardizedFileURL
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks the file against the registry: a bad file is a usage error naming the
    /// file, the key and what is valid.
    static func load(_ path: String, registry: AnalyzerRegistry) throws(UsageError) -> ProjectFile {
        func bad(_ message: String) -> UsageError { UsageError(message: "\(path): \(message)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw bad("cannot read the project file; check the path given to --config")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw bad("not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "parse error")); expected an object with keys \(keys.map(\.key).joined(separator: ", "))")
        }
        guard let object = json as? [String: Any] else {
            throw bad("expected a JSON object with keys \(keys.map(\.key).joined(separator: ", "))")
        }
        var file = ProjectFile(path: path)
        for key in object.keys.sorted() where !keys.contains(where: { $0.key == key }) {
            let suggestion = Suggestion.closest(to: key, among: keys.map(\.key)).map { " (did you mean '\($0)'?)" } ?? ""
            throw bad("unknown key '\(key)'\(suggestion); valid keys: " + keys.map { "'\($0.key)' (\($0.holds))" }.joined(separator: ", "))
        }
        if let plugins = object["plugins"] {
            guard let ids = plugins as? [String], !ids.isEmpty else {
                throw bad("key 'plugins' must be a non-empty list of analyzer ids, e.g. [\"stats\", \"facts\"]; valid ids: \(registry.ids.joined(separator: ", "))")
            }
            for id in ids where registry.entry(id: id) == nil {
                throw bad("key 'plugins': " + RegistryError.unknown(id: id, requiredBy: nil, valid: registry.ids).description)
            }
            file.plugins = ids
        }
        if let options = object["options"] {
            guard let table = options as? [String: Any] else {
                throw bad("key 'options' must be an object, e.g. {\"keywords.top\": 30}")
            }
            for (name, value) in table.sorted(by: { $0.key < $1.key }) {
                if let nested = value as? [String: Any] {
                    for (key, value) in nested.sorted(by: { $0.key < $1.key }) {
                        try file.set(id: name, key: key, value: value, registry: registry)
                    }
                } else if let dot = name.firstIndex(of: ".") {
                    try file.set(id: String(name[..<dot]), key: String(name[name.index(after: dot)...]), value: value, registry: registry)
                } else {
                    throw bad("key 'options.\(name)' is not of the form ID.KEY (e.g. \"keywords.top\") nor an object of one analyzer's options")
                }
            }
        }
        return file
    }

    private mutating func set(id: String, key: String, value: Any, registry: AnalyzerRegistry) throws(UsageError) {
        func bad(_ message: String) -> UsageError { UsageError(message: "\(path): key 'options.\(id).\(key)': \(message)") }
        let text: String
        switch value {
        case let string as String: text = string
        // JSON true/false come as NSNumbers of type "c" (a C char), numbers as "i", "q" or "d".
        case let number as NSNumber where String(cString: number.objCType) == "c": text = number.boolValue ? "true" : "false"
        case let number as NSNumber: text = number.stringValue
        default: throw bad("expects a string, a number or true/false")
        }
        guard let entry = registry.entry(id: id) else {
            throw bad(RegistryError.unknown(id: id, requiredBy: nil, valid: registry.ids).description)
        }
        let specs = entry.description.options
        guard let spec = specs.first(where: { $0.key == key }) else {
            let valid = specs.isEmpty ? "'\(id)' takes no options" : "valid keys: " + specs.map { "\(id).\($0.key)" }.joined(separator: ", ")
            throw bad("unknown option; \(valid)")
        }
        if let problem = spec.problem(with: text) { throw bad(problem) }
        options[id, default: [:]][key] = text
    }
}
