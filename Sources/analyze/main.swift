import AnalyzeDriver
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let outputFailure = OutputFailure()
let io = DriverIO(
    readStandardInput: { try StandardStreams.readStandardInput() },
    writeOutput: { text in outputFailure.write { StandardStreams.write(text, to: STDOUT_FILENO) } },
    writeError: { StandardStreams.write($0, to: STDERR_FILENO) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: StandardStreams.environment(),
    workingDirectory: FileManager.default.currentDirectoryPath,
    writeOutputBytes: { bytes in outputFailure.write { StandardStreams.write(bytes, to: STDOUT_FILENO) } },
    outputHasFailed: { outputFailure.hasFailed(writingTo: STDOUT_FILENO) }
)
let (status, failure) = outputFailure.outcome(of: Driver(io: io).run(Array(CommandLine.arguments.dropFirst())))
if let failure { StandardStreams.write(failure, to: STDERR_FILENO) }
exit(status)
