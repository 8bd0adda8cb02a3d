import AnalyzeDriver
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let io = DriverIO(
    readStandardInput: { try StandardStreams.readStandardInput() },
    writeOutput: { StandardStreams.write($0, to: STDOUT_FILENO) },
    writeError: { StandardStreams.write($0, to: STDERR_FILENO) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: StandardStreams.environment(),
    workingDirectory: FileManager.default.currentDirectoryPath,
    writeOutputBytes: { StandardStreams.write($0, to: STDOUT_FILENO) }
)
let status = Driver(io: io).run(Array(CommandLine.arguments.dropFirst()))
exit(status)
