import Foundation
import XCTest

/// `fora doctor` on a home with real faults: a world-readable credentials file, a site that
/// does not answer, a damaged store, a non-UTF-8 locale and an unknown terminal. Each is
/// reported with its fix and makes the exit code 1; once fixed, doctor is happy.
final class DoctorEndToEndTests: XCTestCase {
    private var server: DemoServerProcess!
    private let home = NSTemporaryDirectory() + "fora-e2e-doctor-\(UUID())"

    override func setUpWithError() throws {
        server = try DemoServerProcess()
        try FileManager.default.createDirectory(atPath: home + "/config/fora", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/data/fora", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        server?.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    private func fora(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        for key in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME", "NO_COLOR", "LC_ALL", "LC_CTYPE"] {
            environment[key] = nil
        }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "tmux-256color"
        environment.merge(extra) { $1 }
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: 90)
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not finish")
        return result
    }

    private func checks(_ result: Subprocess.Result) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return try XCTUnwrap(object?["checks"] as? [[String: Any]], result.output)
    }

    private func problems(_ checks: [[String: Any]], area: String) -> [[String: Any]] {
        checks.filter { $0["area"] as? String == area && $0["status"] as? String == "problem" }
    }

    func testDoctorFindsWhatIsWrongSaysHowToFixItAndIsHappyOnceFixed() throws {
        let config = home + "/config/fora/config.toml"
        try """
        [sites.demo]
        url = "\(server.baseURL)"

        [sites.gone]
        url = "http://127.0.0.1:1"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let credentials = home + "/config/fora/credentials.toml"
        try "".write(toFile: credentials, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials)
        // A real store, made by a sync, and a file that only pretends to be one.
        let sync = try fora(
            ["sync"],
            ["FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice"])
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        let broken = home + "/data/fora/broken@example.org.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: broken))

        let sick = try fora(["doctor", "--json"])
        XCTAssertEqual(sick.status, 1, sick.output + sick.errorOutput)
        let found = try checks(sick)
        let credentialProblems = problems(found, area: "credentials")
        XCTAssertEqual(credentialProblems.count, 1, "\(found)")
        XCTAssertEqual(credentialProblems.first?["fix"] as? String, "chmod 600 \(credentials)")
        let siteProblems = problems(found, area: "site")
        XCTAssertEqual(siteProblems.count, 1, "\(found)")
        XCTAssertTrue((siteProblems.first?["detail"] as? String ?? "").hasPrefix("gone"), "\(siteProblems)")
        XCTAssertTrue(
            found.contains { $0["area"] as? String == "site" && $0["status"] as? String == "ok" },
            "the demo site answers: \(found)")
        let storeProblems = problems(found, area: "store")
        XCTAssertEqual(storeProblems.count, 1, "\(found)")
        XCTAssertTrue((storeProblems.first?["detail"] as? String ?? "").contains(broken), "\(storeProblems)")
        let synced = found.filter { ($0["detail"] as? String ?? "").contains("alice@127.0.0.1") }
        XCTAssertTrue(
            synced.contains {
                $0["status"] as? String == "ok" && ($0["detail"] as? String ?? "").contains("integrity ok")
            },
            "the synced store is sound: \(found)")
        XCTAssertTrue(problems(found, area: "terminal").isEmpty, "\(found)")
        XCTAssertTrue(problems(found, area: "config").isEmpty, "\(found)")

        // Fixed as the fixes say: doctor exits 0, and its text names every area.
        XCTAssertEqual(chmod(credentials, 0o600), 0)
        try "[sites.demo]\nurl = \"\(server.baseURL)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: broken)
        let healthy = try fora(["doctor"])
        XCTAssertEqual(healthy.status, 0, healthy.output + healthy.errorOutput)
        XCTAssertFalse(healthy.output.contains("problem"), healthy.output)
        for area in ["terminal", "config", "credentials", "store", "site"] {
            XCTAssertTrue(healthy.output.contains("ok      \(area)"), "no ok \(area) in:\n\(healthy.output)")
        }
    }

    func testDoctorReportsALocaleWithoutUTF8AndATerminalWithoutTerminfo() throws {
        let result = try fora(["doctor", "--offline"], ["LANG": "C", "TERM": "no-such-terminal-xyz"])
        XCTAssertEqual(result.status, 1, result.output + result.errorOutput)
        XCTAssertTrue(result.output.contains("not UTF-8"), result.output)
        XCTAssertTrue(result.output.contains("fix: use a UTF-8 locale"), result.output)
        XCTAssertTrue(result.output.contains("no terminfo entry for TERM=no-such-terminal-xyz"), result.output)
        XCTAssertFalse(result.output.contains("site  "), "--offline skips the sites:\n\(result.output)")
    }
}
