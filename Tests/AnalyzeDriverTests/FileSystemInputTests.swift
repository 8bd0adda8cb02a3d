import Foundation
import Testing
@testable import AnalyzeDriver
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that are odd as files rather than as text: FIFOs, dangling links, files that vanish,
/// files nobody may read. (Sizes that need a release build are in scripts/stress-inputs.py.)
@Suite struct FileSystemInputTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fs-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func file(_ name: String, _ text: String = "市政协共收到提案512件。") throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func documents(_ output: String) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return try #require(json["documents"] as? [[String: Any]])
    }

    @Test func aFIFONamedOnTheCommandLineIsReadLikeAPipe() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data("市政协共收到提案512件。".utf8))
            try? handle?.close()
        }
        writer.start()
        let run = runAnalyze(["--format", "json", "--plugins", "facts", fifo])
        #expect(run.status == 0, "\(run.errors)")
        let facts = try #require(try documents(run.output).first?["analyzers"] as? [String: Any])["facts"] as? [String: Any]
        #expect((facts?["facts"] as? [Any])?.count == 1)
    }

    @Test func aDirectoryWalkReportsFIFOsAndDanglingLinksInsteadOfHangingOrDroppingThem() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try file("a.txt")
        #expect(mkfifo(folder.appendingPathComponent("b-nobody-writes.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("c-dangling.txt").path,
                                                   withDestinationPath: folder.appendingPathComponent("gone.txt").path)
        let run = runAnalyze(["--format", "json", "--plugins", "stats", folder.path])
        #expect(run.status == 1)
        let reports = try documents(run.output)
        #expect(reports.count == 3)
        #expect((reports[0]["errors"] as? [Any])?.isEmpty == true, "the readable file is fully reported")
        #expect(run.errors.contains("b-nobody-writes.txt: is not a regular file"))
        #expect(run.errors.contains("c-dangling.txt: is a symbolic link to nothing"))
    }

    @Test func aFileThatVanishesBetweenListingAndReadingFailsAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = try file("a.txt")
        let vanishing = try file("b.txt")
        let listed = CorpusRunner.expand([folder.path], glob: "*.txt").map(\.path)
        #expect(listed == [kept, vanishing])
        try FileManager.default.removeItem(atPath: vanishing)
        let run = runAnalyze(["--format", "json", "--plugins", "stats"] + listed)
        #expect(run.status == 1)
        #expect(try documents(run.output).count == 2)
        #expect(run.errors.contains("b.txt: no such file"))
    }

    @Test func aFileNobodyMayReadIsAClearError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = try file("locked.txt")
        chmod(locked, 0)
        let run = runAnalyze(["--plugins", "stats", locked])
        if getuid() == 0 {
            #expect(run.status == 0, "root reads it anyway")
        } else {
            #expect(run.status == 1)
            #expect(run.errors.contains("permission denied; check its permissions"))
        }
    }

    @Test func legacyEncodingsAreDetectedOrNamedInTheError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sentence = "市政协共收到提案512件，立案率达到百分之九十五。"
        let gbk = try #require(sentence.data(using: String.Encoding(rawValue: 0x80000632)))
        let utf16 = Data(sentence.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let gbkPath = folder.appendingPathComponent("gbk.txt").path
        let utf16Path = folder.appendingPathComponent("utf16.txt").path
        #expect(FileManager.default.createFile(atPath: gbkPath, contents: gbk))
        #expect(FileManager.default.createFile(atPath: utf16Path, contents: utf16))
        let run = runAnalyze(["--format", "json", "--plugins", "stats", gbkPath, utf16Path])
        #expect(run.status == 0, "\(run.errors)")
        for report in try documents(run.output) {
            let stats = try #require((report["analyzers"] as? [String: Any])?["stats"] as? [String: Any])
            #expect(stats["characters"] as? Int == sentence.unicodeScalars.count, "\(report["source"] ?? "")")
        }
        let wrong = runAnalyze(["--plugins", "stats", "--encoding", "UTF-8", gbkPath, utf16Path])
        #expect(wrong.status == 1)
        #expect(wrong.errors.contains("gbk.txt: is not valid UTF-8"))
        #expect(wrong.errors.contains("leave --encoding out to detect the encoding"))
    }
}
