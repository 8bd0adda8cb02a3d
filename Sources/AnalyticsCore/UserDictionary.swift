import Foundation

/// Reads user dictionaries (`--option keywords.dict=FILE`): one word a line, optional frequency.
public enum UserDictionary {
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
}
