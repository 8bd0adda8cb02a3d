import Foundation

/// Reads user dictionaries (`--option keywords.dict=FILE`): one word a line, optional frequency.
public enum UserDictionary {
    /// The user words of a dictionary file and an inline comma-separated list, either optional.
    public static func words(file: String?, inline: String?) throws(AnalyzerSetupError) -> [UserWord] {
        try load(file) + self.inline(inline)
    }

    public static func load(_ path: String?) throws(AnalyzerSetupError) -> [UserWord] {
        guard let path else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("cannot read the user dictionary '\(path)'; check the path given to keywords.dict")
        }
        do {
            return UserWord.parse(try TextDecoding.decode(Array(data)).text)
        } catch {
            throw AnalyzerSetupError("the user dictionary '\(path)' \(error.message)")
        }
    }

    /// Words given inline, comma-separated (full-width commas too).
    public static func inline(_ list: String?) -> [UserWord] {
        guard let list else { return [] }
        return list.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { UserWord(String($0).trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.word.isEmpty }
    }
}
