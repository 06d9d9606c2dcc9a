import Foundation
import XCTest

/// The real `fora` binary against a fresh demo server, run as any seeded user with the demo's
/// all-users key, its store and configuration in a private home. Shared by the command-line
/// end-to-end suites.
final class DemoCommandLine {
    let server: DemoServerProcess
    let home = NSTemporaryDirectory() + "fora-e2e-home-\(UUID())"

    init() throws {
        server = try DemoServerProcess(arguments: ["--data", NSTemporaryDirectory() + "fora-e2e-data-\(UUID())"])
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Runs `fora ARGUMENTS` as `username`; fails the test if it does not finish in a minute.
    func run(_ arguments: [String], as username: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> Subprocess.Result
    {
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_SITE"] = server.baseURL
        environment["FORA_API_KEY"] = "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = username
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: 60)
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not finish", file: file, line: line)
        return result
    }
}
