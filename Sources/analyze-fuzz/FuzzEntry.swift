import AnalyzeDriver
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Built two ways. With -DFUZZING -sanitize=fuzzer (scripts/fuzz.sh) `main` hands over to libFuzzer's
// driver; otherwise it replays files: `analyze-fuzz FILE...` runs each through the same harness,
// which is how a crasher is checked after a fix.
let harness = try! FuzzHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    harness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main
struct FuzzEntry {
    static func main() throws {
        #if FUZZING
        exit(runLibFuzzer())
        #else
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(path): \(harness.run(bytes)) report bytes")
        }
        #endif
    }

    /// SwiftPM names the entry point itself, so libFuzzer's own `main` is not used: its documented
    /// `LLVMFuzzerRunDriver` is looked up and given the command line and the callback.
    static func runLibFuzzer() -> Int32 {
        typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
        typealias RunDriver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback) -> CInt
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
            FileHandle.standardError.write(Data("analyze-fuzz: not linked with libFuzzer; build with scripts/fuzz.sh\n".utf8))
            return 1
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return unsafeBitCast(symbol, to: RunDriver.self)(&argc, &argv) { data, size in fuzzOneInput(data, size) }
    }
}
