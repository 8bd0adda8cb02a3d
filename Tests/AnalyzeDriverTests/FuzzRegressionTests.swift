import Foundation
import Testing
@testable import AnalyzeDriver

/// Every input the fuzzer (scripts/fuzz.sh) ever crashed on, replayed through the same harness.
/// A crash here is a crash of the test process, so the file name in the failure log is the one
/// that was running: `swift run analyze-fuzz Tests/AnalyzeDriverTests/FuzzCrashers/NAME` replays one.
@Suite struct FuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Tests/AnalyzeDriverTests/FuzzCrashers")
    static let crashers = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func crashersAreKept() {
        #expect(!Self.crashers.isEmpty)
    }

    @Test(arguments: crashers)
    func crasherNoLongerCrashes(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        #expect(try FuzzHarness().run(bytes) > 0)
    }
}
