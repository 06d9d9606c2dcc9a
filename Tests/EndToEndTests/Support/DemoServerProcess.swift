import Foundation
import XCTest

/// The real `fora-demo-server` executable, started on an ephemeral loopback port.
final class DemoServerProcess {
    let process = Process()
    let baseURL: String
    private let output = Pipe()

    init(arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: try Binaries.path("fora-demo-server"))
        process.arguments = ["--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Read stdout until the server reports its address.
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        let handle = output.fileHandleForReading
        var found: String?
        while Date() < deadline, process.isRunning {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                found = String(seen[range])
                break
            }
        }
        guard let found else {
            process.terminate()
            throw NSError(
                domain: "DemoServerProcess", code: 1,
                userInfo: [NSLocalizedDescriptionKey: "demo server did not report its address; output: \(seen)"])
        }
        baseURL = found
    }

    /// GETs a path and decodes the JSON body (used to learn what the screen should show).
    func getJSON(_ path: String, username: String? = nil) throws -> Any {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var args = ["curl", "-sS", "--fail-with-body", "--max-time", "20"]
        if let username {
            args += ["-H", "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: \(username)"]
        }
        curl.arguments = args + [baseURL + path]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
