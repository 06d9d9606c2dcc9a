import Foundation
import XCTest

/// The real `fora-demo-server` executable, started on an ephemeral loopback port (or on
/// `port`, to start a stopped server again where its clients look for it).
final class DemoServerProcess {
    private let child: Subprocess
    let baseURL: String

    /// The port it listens on.
    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }

    init(arguments: [String] = [], port: Int = 0) throws {
        // The TLS mode lives in its own executable, which only tests and benchmarks build.
        let executable = arguments.contains("--tls-cert") ? "fora-demo-server-tls" : "fora-demo-server"
        child = try Subprocess([try Binaries.path(executable), "--port", String(port)] + arguments)
        // Poll its output until the server reports its address (it writes unbuffered).
        let deadline = Date().addingTimeInterval(60)
        var found: String?
        while Date() < deadline, !child.hasExited {
            if let range = child.output.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                found = String(child.output[range])
                break
            }
            usleep(20_000)
        }
        guard let found else {
            let seen = child.output
            child.stop()
            throw NSError(
                domain: "DemoServerProcess", code: 1,
                userInfo: [NSLocalizedDescriptionKey: "demo server did not report its address; output: \(seen)"])
        }
        baseURL = found
    }

    /// GETs a path and decodes the JSON body (used to learn what the screen should show).
    func getJSON(_ path: String, username: String? = nil) throws -> Any {
        var args = ["curl", "-sS", "--fail-with-body", "--max-time", "20"]
        if let username {
            args += ["-H", "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: \(username)"]
        }
        let result = try Subprocess.run(args + [baseURL + path], separateStderr: true, timeout: 30)
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    func stop() { child.stop() }

    deinit { stop() }
}
