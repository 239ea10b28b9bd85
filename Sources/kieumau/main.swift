// Temporary entry point on the `backend` branch: only the terminal self-test. The lead moves
// these flags into the real command line (ArgumentParser) and replaces this file.
import Foundation

let arguments = Set(CommandLine.arguments.dropFirst())
if arguments.contains("--terminal-self-test") {
    let environment = ProcessInfo.processInfo.environment
    let options = TerminalOptions(mouse: !arguments.contains("--no-mouse"))
    do {
        let result = try runTerminalSelfTest(
            options: options,
            exitAfterFirstFrame: arguments.contains("--exit-after-first-frame"),
            crashKeyEnabled: environment["KIEUMAU_SELF_TEST_CRASH_KEY"] == "1")
        result.endProcess()
    } catch {
        FileHandle.standardError.write(Data("kieumau: \(error)\nFor a plain-text summary run `kieumau report`.\n".utf8))
        exit(1)
    }
} else {
    print("kieumau")
}
