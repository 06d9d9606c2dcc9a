import Foundation
import XCTest

/// The real `fora` binary against `fora-demo-server` in its hostile mode and against bad
/// input from the user: keys never leave their site, a redirected write is never counted sent,
/// no answer is unbounded in size or time (exit 7), config and usage errors are clear (exit 2),
/// and network failures reach the log file.
final class HostileServerNetworkEndToEndTests: XCTestCase {
    private var home = ""
    private var servers: [DemoServerProcess] = []
    private var listener: CaptureListener?

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "fora-e2e-hostile-net-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/config/fora", withIntermediateDirectories: true)
    }

    override func tearDown() {
        for server in servers { server.stop() }
        listener?.stop()
        try? FileManager.default.removeItem(atPath: home)
        super.tearDown()
    }

    private func server(_ arguments: [String] = []) throws -> DemoServerProcess {
        let server = try DemoServerProcess(arguments: arguments)
        servers.append(server)
        return server
    }

    private func writeConfig(_ text: String) throws {
        try text.write(toFile: home + "/config/fora/config.toml", atomically: true, encoding: .utf8)
    }

    /// Runs `fora ARGUMENTS` as alice with the demo key against `site`, in the private home.
    private func fora(
        _ arguments: [String], site: String?, username: String? = "alice", timeout: TimeInterval = 60
    ) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        for name in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME"] { environment[name] = nil }
        environment["FORA_SITE"] = site
        environment["FORA_API_KEY"] = site == nil ? nil : "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = username
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_STATE_HOME"] = home + "/state"
        return try Subprocess.run(
            [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: timeout)
    }

    // MARK: Redirects

    func testARedirectToAnotherPortIsRefusedAndNoKeyArrivesThere() throws {
        let elsewhere = try CaptureListener()
        listener = elsewhere
        let hostile = try server(["--hostile-redirect-to", elsewhere.baseURL])
        let result = try fora(["latest"], site: hostile.baseURL)
        XCTAssertEqual(result.status, 7, result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("redirect (302) to \(elsewhere.baseURL)/"), result.errorOutput)
        XCTAssertTrue(elsewhere.requests.isEmpty, "fora contacted the other port: \(elsewhere.requests)")
        for request in elsewhere.requests {
            XCTAssertFalse(request.lowercased().contains("api-key"), "the key reached another port")
        }
    }

    func testARedirectedWriteStaysInTheOutboxMarkedFailedAndIsNeverSent() throws {
        let elsewhere = try CaptureListener()
        listener = elsewhere
        let hostile = try server([
            "--hostile-redirect-to", elsewhere.baseURL, "--hostile-redirect-path", "/posts.json",
            "--hostile-redirect-status", "302",
        ])
        let reply = try fora(
            ["reply", "1", "A reply the site redirects elsewhere, never to be counted sent."], site: hostile.baseURL)
        XCTAssertNotEqual(reply.status, 0, "a redirected write is not a success: \(reply.output)")
        XCTAssertTrue(reply.errorOutput.contains("redirect"), reply.errorOutput)
        XCTAssertTrue(elsewhere.requests.isEmpty, "the write went to the other port: \(elsewhere.requests)")

        let list = try fora(["outbox", "--json"], site: hostile.baseURL)
        XCTAssertEqual(list.status, 0, list.errorOutput)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 1, list.output)
        XCTAssertEqual(items.first?["state"] as? String, "failed", list.output)
        XCTAssertTrue((items.first?["reason"] as? String ?? "").contains(elsewhere.baseURL), list.output)
    }

    // MARK: Server-sized memory and time

    func testAnEndlessBodyStopsAtTheConfiguredSizeLimitWithExit7() throws {
        let hostile = try server(["--hostile-endless-body", "/latest.json"])
        try writeConfig("[network]\nmax_response_mb = 2\n")
        let started = Date()
        let result = try fora(["latest"], site: hostile.baseURL)
        XCTAssertEqual(result.status, 7, result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("larger than 2 MB"), result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("max_response_mb"), result.errorOutput)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    func testAnEndlessBodyStopsAtTheDefault64MBLimit() throws {
        let hostile = try server(["--hostile-endless-body", "/latest.json"])
        let result = try fora(["latest"], site: hostile.baseURL, timeout: 120)
        XCTAssertEqual(result.status, 7, result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("larger than 64 MB"), result.errorOutput)
    }

    func testATricklingAnswerEndsAtTheConfiguredDeadlineWithExit7() throws {
        let hostile = try server(["--slow-drip-every", "1", "--slow-drip-ms", "500", "--slow-drip-bytes", "16"])
        try writeConfig("[network]\ntimeout = 3\n")
        let started = Date()
        let result = try fora(["latest"], site: hostile.baseURL)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 7, result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("within 3 s"), result.errorOutput)
        XCTAssertLessThan(elapsed, 20, "one attempt of 3 s, not retried")
    }

    func testAnAbsurdPostsCountWithoutAStreamReadsWhatArrivedInTheCLIAndTheReader() throws {
        let hostile = try server(["--hostile-posts-count", "10000000000000"])
        let read = try fora(["read", "1"], site: hostile.baseURL)
        XCTAssertEqual(read.status, 0, read.errorOutput)
        XCTAssertFalse(read.output.isEmpty)

        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")],
            environment: [
                "FORA_SITE": hostile.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
                "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/tui-data",
                "XDG_STATE_HOME": home + "/state",
            ])
        try tmux.waitFor(" · 1/")
        try tmux.send("Enter")
        // The reader's position line counts what arrived; the process must still be running.
        // (It opens at the first unread post, which need not be post 1.)
        let screen = try tmux.waitUntil("the reader's position", timeout: 20) {
            $0.range(of: #"post [0-9]+ \([0-9]+/"#, options: .regularExpression) != nil
        }
        XCTAssertNil(try tmux.exitStatus(), "fora died opening the topic:\n\(screen)")
        try tmux.send("q")
    }

    // MARK: Config, usage and the log

    func testEveryInvalidConfigValueIsReportedAtOnceAtStart() throws {
        try writeConfig(
            """
            [tui]
            refresh = "soon"
            split = 500
            live-poll = 9223372036854775807
            [review]
            poll = 9223372036854775807
            [sites.bad]
            url = "not a url"
            """)
        let result = try fora(["latest"], site: "http://127.0.0.1:9")
        XCTAssertEqual(result.status, 2, result.errorOutput)
        let path = home + "/config/fora/config.toml"
        XCTAssertTrue(result.errorOutput.contains(path + " has 5 invalid values"), result.errorOutput)
        for key in [
            #"[tui] refresh = "soon""#, "[tui] split = 500", "[tui] live-poll = 9223372036854775807",
            "[review] poll = 9223372036854775807", #"[sites.bad] url = "not a url""#, "from 20 to 75",
        ] {
            XCTAssertTrue(result.errorOutput.contains(key), "missing \(key): \(result.errorOutput)")
        }
    }

    func testHugeConfigTimesNeverCrashTheInterface() throws {
        try writeConfig("[tui]\nrefresh = 9223372036854775807\n")
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")],
            environment: [
                "FORA_SITE": "http://127.0.0.1:9", "XDG_CONFIG_HOME": home + "/config",
                "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
            ])
        let status = try tmux.waitForExit(timeout: 20)
        XCTAssertEqual(status, 2, "refused at start with the usage code")
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("[tui] refresh"), screen)
    }

    func testAConfigSyntaxErrorNamesTheFilesPath() throws {
        try writeConfig("[tui\nrefresh = 1\n")
        let result = try fora(["latest"], site: "http://127.0.0.1:9")
        XCTAssertEqual(result.status, 2, result.errorOutput)
        XCTAssertTrue(
            result.errorOutput.contains(home + "/config/fora/config.toml is not valid TOML"), result.errorOutput)
    }

    func testASiteThatIsNotAURLIsAClearUsageError() throws {
        let result = try fora(["latest"], site: "not a url")
        XCTAssertEqual(result.status, 2, result.errorOutput)
        XCTAssertTrue(
            result.errorOutput.contains("\"not a url\" is neither a site named in config.toml"), result.errorOutput)
        XCTAssertFalse(result.errorOutput.lowercased().contains("curl"), result.errorOutput)
    }

    func testUsageErrorsExitWithTheDocumentedCode2() throws {
        for arguments in [["foo"], ["read"], ["latest", "--no-such-flag"]] {
            let result = try fora(arguments, site: "http://127.0.0.1:9")
            XCTAssertEqual(result.status, 2, "fora \(arguments): \(result.errorOutput)")
            XCTAssertFalse(result.errorOutput.isEmpty)
        }
    }

    func testAnAPIKeyWithoutAUsernameIsToldSo() throws {
        let plain = try server()
        let result = try fora(["notifications"], site: plain.baseURL, username: nil)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errorOutput.contains("without a username"), result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("--api-username"), result.errorOutput)
    }

    func testNetworkAndServerErrorsAreLoggedPrivatelyWithoutTheKey() throws {
        let unreachable = try fora(["latest"], site: "http://127.0.0.1:9")
        XCTAssertEqual(unreachable.status, 3)
        let hostile = try server(["--error-rate", "1", "--error-statuses", "500"])
        let failing = try fora(["categories"], site: hostile.baseURL)
        XCTAssertEqual(failing.status, 7, failing.errorOutput)
        let path = home + "/state/fora/fora.log"
        let log = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(log.contains("warning fora.net: GET 127.0.0.1:9/"), log)
        XCTAssertTrue(log.contains("cannot connect to 127.0.0.1:9"), log)
        XCTAssertTrue(log.contains("server error (HTTP 500)"), log)
        XCTAssertFalse(log.contains("fora-demo-all-users-key"), "no secret in the log")
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
    }
}
