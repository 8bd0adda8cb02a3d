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
        ("pluginDirs", "folders searched for external analyzers named analyze-<id>, relative to the project file, e.g. [\"tools\"]"),
        ("external", "external analyzers by id with their command line, e.g. {\"tone\": [\"python3\", \"tools/tone.py\"]}"),
    ]

    /// What the project file says about external analyzers, read before the analyzers are known
    /// (the registry needs them to check the rest of the file).
    struct ExternalSettings: Sendable {
        var pluginDirs: [String] = []
        var declared: [ExternalAnalyzerFinder.Candidate] = []
        /// The ids the file names (in `plugins` and `options`): the external analyzers among them
        /// are those a run must describe (the finder passes over option groups such as trends).
        var namedIDs: [String] = []
    }

    /// The file read and parsed once, for both readings of it: `externalSettings` (before the
    /// analyzers are known) and `load` (which says what is wrong with a file that is not JSON).
    struct Parsed {
        let path: String
        let object: Result<[String: Any], UsageError>

        init(_ path: String) {
            self.path = path
            func bad(_ message: String) -> UsageError { UsageError(message: "\(path): \(message)") }
            guard let data = FileManager.default.contents(atPath: path) else {
                object = .failure(bad("cannot read the project file; check the path given to --config"))
                return
            }
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: data)
            } catch {
                object = .failure(bad("not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "parse error")); expected an object with keys \(keys.map(\.key).joined(separator: ", "))"))
                return
            }
            guard let dictionary = json as? [String: Any] else {
                object = .failure(bad("expected a JSON object with keys \(keys.map(\.key).joined(separator: ", "))"))
                return
            }
            object = .success(dictionary)
        }
    }

    /// `item` taken from the folder of the file at `path` (an absolute path stays as it is).
    static func relative(_ item: String, to path: String) -> String {
        guard !item.hasPrefix("/") else { return item }
        let folder = (path as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(item)
    }

    /// `item` from the file's folder when a file is there, else as it is (`builtin`, a name on PATH).
    static func relativeIfPresent(_ item: String, to path: String) -> String {
        let candidate = relative(item, to: path)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : item
    }

    /// Reads the file's external-analyzer settings; paths are taken relative to the file's folder.
    static func externalSettings(_ file: Parsed) throws(UsageError) -> ExternalSettings {
        let path = file.path
        func bad(_ message: String) -> UsageError { UsageError(message: "\(path): \(message)") }
        guard case .success(let object) = file.object else {
            return ExternalSettings() // `load` says what is wrong with it
        }
        func resolved(_ item: String) -> String { relative(item, to: path) }
        var settings = ExternalSettings()
        if let dirs = object["pluginDirs"] {
            guard let list = dirs as? [String] else { throw bad("key 'pluginDirs' must be a list of folders, e.g. [\"tools\"]") }
            settings.pluginDirs = list.map(resolved)
        }
        if let external = object["external"] {
            guard let table = external as? [String: Any] else {
                throw bad("key 'external' must be an object of id → command line, e.g. {\"tone\": [\"python3\", \"tools/tone.py\"]}")
            }
            for (id, value) in table.sorted(by: { $0.key < $1.key }) {
                guard let command = value as? [String], !command.isEmpty, !command[0].isEmpty else {
                    throw bad("key 'external.\(id)' must be a non-empty command line, a list of strings such as [\"python3\", \"tools/tone.py\"]")
                }
                guard AnalyzerDescription.isValidID(id) else {
                    throw bad("key 'external.\(id)': an analyzer id is lower-case letters, digits, - and _")
                }
                // A program named by a relative path is the project's; a bare name is looked up on PATH.
                let program = command[0].contains("/") ? resolved(command[0]) : command[0]
                let arguments = command.dropFirst().map { relativeIfPresent($0, to: path) }
                settings.declared.append(.init(id: id, command: [program] + arguments, origin: path))
            }
        }
        settings.namedIDs = (object["plugins"] as? [String]) ?? []
        if let options = object["options"] as? [String: Any] {
            settings.namedIDs += options.keys.map { name in name.firstIndex(of: ".").map { String(name[..<$0]) } ?? name }
        }
        return settings
    }

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
    static func load(_ parsed: Parsed, registry: AnalyzerRegistry) throws(UsageError) -> ProjectFile {
        let path = parsed.path
        func bad(_ message: String) -> UsageError { UsageError(message: "\(path): \(message)") }
        let object = try parsed.object.get()
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

    /// A file option's relative paths are the project's: taken from the file's folder when a file
    /// is there (`builtin` and other names that are no file there stay as they are).
    private func resolvingPaths(_ text: String, kind: OptionSpec.Kind) -> String {
        switch kind {
        case .file: return Self.relativeIfPresent(text, to: path)
        case .files: return text.split(separator: ",").map { Self.relativeIfPresent($0.trimmingCharacters(in: .whitespaces), to: path) }.joined(separator: ",")
        default: return text
        }
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
        guard let specs = DriverOptionGroup.declared(id, registry: registry) else {
            throw bad(RegistryError.unknown(id: id, requiredBy: nil, valid: registry.ids).description)
        }
        let spec: OptionSpec
        do {
            spec = try OptionError.spec(id: id, key: key, value: text, among: specs)
        } catch {
            throw bad(error.detail)
        }
        options[id, default: [:]][key] = resolvingPaths(text, kind: spec.kind)
    }
}
