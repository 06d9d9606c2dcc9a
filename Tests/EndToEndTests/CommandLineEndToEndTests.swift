import Foundation
import XCTest

/// `fora` as scripts use it: version, help, exit codes.
final class CommandLineEndToEndTests: XCTestCase {
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            separateStderr: true, timeout: 60)
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not exit within 60 s")
        return (result.status, result.output, result.errorOutput)
    }

    func testVersionPrintsTheProgramNameAndAVersion() throws {
        let (status, out, _) = try run(["--version"])
        XCTAssertEqual(status, 0)
        XCTAssertNotNil(out.range(of: #"^fora \d+\.\d+\.\d+"#, options: .regularExpression), out)
    }

    func testHelpDescribesUsage() throws {
        let (status, out, _) = try run(["--help"])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("USAGE"), out)
        XCTAssertTrue(out.contains("--site"), out)
    }

    func testNoTerminalMeansUsageExitCode() throws {
        let (status, out, err) = try run([], environment: ["FORA_SITE": "http://127.0.0.1:9"])
        XCTAssertEqual(status, 2, "stdin is not a terminal: fora must not start the TUI. out: \(out) err: \(err)")
    }

    func testLatestAsJSONAgainstTheDemoServer() throws {
        let server = try DemoServerProcess()
        defer { server.stop() }
        let (status, out, err) = try run(
            ["latest", "--json"],
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
            ])
        XCTAssertEqual(status, 0, err)
        let topics = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(topics.count, 5)
        for key in ["id", "title", "slug", "category_id", "posts_count", "views", "last_posted_at"] {
            XCTAssertNotNil(topics[0][key], "missing \(key)")
        }
    }

    func testUnreachableSiteExitsWithTheNetworkCode() throws {
        let (status, _, err) = try run(["latest"], environment: ["FORA_SITE": "http://127.0.0.1:9"])
        XCTAssertEqual(status, 3, err)
        XCTAssertFalse(err.isEmpty, "a clear message is expected on stderr")
    }
}

/// The reading CLI against a real demo server process: every command, `--json` schemas,
/// global options on either side of the command, exit codes, and login/logout.
final class CommandLineEndToEndTestsWithDemoServer: XCTestCase {
    nonisolated(unsafe) private static var sharedServer: DemoServerProcess?
    private var server: DemoServerProcess!
    private var home: String!

    override func setUpWithError() throws {
        if Self.sharedServer == nil { Self.sharedServer = try DemoServerProcess() }
        server = Self.sharedServer
        home = NSTemporaryDirectory() + "fora-e2e-home-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    override class func tearDown() {
        sharedServer?.stop()
        sharedServer = nil
        super.tearDown()
    }

    private func fora(
        _ arguments: [String], user: String? = "alice", extra: [String: String] = [:]
    ) throws -> (status: Int32, out: String, err: String) {
        var environment = ProcessInfo.processInfo.environment
        for key in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
            environment[key] = nil
        }
        environment["HOME"] = home
        environment["NO_COLOR"] = "1"
        if let user {
            environment["FORA_API_KEY"] = "fora-demo-all-users-key"
            environment["FORA_API_USERNAME"] = user
        }
        environment.merge(extra) { $1 }
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: 90)
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not exit within 90 s")
        return (result.status, result.output, result.errorOutput)
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func testReadJSONHasEveryPostOfTheMegathread() throws {
        let (status, out, err) = try fora(["read", "10", "--json", "--site", server.baseURL])
        XCTAssertEqual(status, 0, err)
        let topic = try XCTUnwrap(try json(out) as? [String: Any])
        XCTAssertEqual(topic["id"] as? Int, 10)
        XCTAssertEqual(topic["posts_count"] as? Int, 1500)
        XCTAssertTrue(topic.keys.contains("accepted_answer_post_number"))
        let posts = try XCTUnwrap(topic["posts"] as? [[String: Any]])
        XCTAssertEqual(posts.count, 1500)
        XCTAssertEqual(posts.compactMap { $0["post_number"] as? Int }, Array(1...1500))
        for key in [
            "id", "post_number", "username", "created_at", "reply_to_post_number", "like_count", "is_solution",
            "cooked",
            "text",
        ] {
            XCTAssertTrue(posts[1].keys.contains(key), "post is missing \(key)")
        }
    }

    func testGlobalOptionsWorkBeforeAndAfterTheCommand() throws {
        let before = try fora(["--site", server.baseURL, "--json", "read", "1"])
        let after = try fora(["read", "1", "--site", server.baseURL, "--json"])
        XCTAssertEqual(before.status, 0, before.err)
        XCTAssertEqual(after.status, 0, after.err)
        XCTAssertEqual(before.out, after.out)
        let solved = try XCTUnwrap(try json(before.out) as? [String: Any])
        XCTAssertEqual(solved["title"] as? String, "Welcome to the Lumen Community!")
    }

    func testPlainReadPrintsAHeaderPerPost() throws {
        let (status, out, err) = try fora(["read", "1", "--site", server.baseURL, "--width", "60"])
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.hasPrefix("Welcome to the Lumen Community!"), out)
        XCTAssertNotNil(out.range(of: #"(?m)^#1 admin \d{4}-\d\d-\d\d \d\d:\d\d"#, options: .regularExpression), out)
        XCTAssertNotNil(out.range(of: #"(?m)^#2 moderator "#, options: .regularExpression), out)
        XCTAssertFalse(out.contains("\u{1B}["), "no colour without a terminal")
    }

    func testListCommandsAndTheirJSON() throws {
        let site = ["--site", server.baseURL]
        let categories = try fora(["categories", "--json"] + site)
        XCTAssertEqual(categories.status, 0, categories.err)
        let categoryList = try XCTUnwrap(try json(categories.out) as? [[String: Any]])
        XCTAssertEqual(categoryList.count, 7)
        XCTAssertTrue(categoryList.contains { $0["slug"] as? String == "how-to" })

        let top = try fora(["top", "--period", "all", "--limit", "5", "--json"] + site)
        XCTAssertEqual(top.status, 0, top.err)
        let topTopics = try XCTUnwrap(try json(top.out) as? [[String: Any]])
        XCTAssertEqual(topTopics.count, 5)
        for key in [
            "id", "title", "slug", "category_id", "posts_count", "reply_count", "views", "like_count", "created_at",
            "last_posted_at", "has_accepted_answer", "pinned", "closed",
        ] {
            XCTAssertTrue(topTopics[0].keys.contains(key), "topic is missing \(key)")
        }

        let howTo = try fora(["latest", "--category", "how-to", "--json"] + site)
        XCTAssertEqual(howTo.status, 0, howTo.err)
        let howToTopics = try XCTUnwrap(try json(howTo.out) as? [[String: Any]])
        XCTAssertFalse(howToTopics.isEmpty)
        XCTAssertTrue(howToTopics.allSatisfy { $0["category_id"] as? Int == 3 })

        let plain = try fora(["latest", "--limit", "3"] + site)
        XCTAssertEqual(plain.status, 0, plain.err)
        let lines = plain.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 4, "a header and three topics: \(plain.out)")

        let unread = try fora(["unread", "--json"] + site)
        XCTAssertEqual(unread.status, 0, unread.err)
        let new = try fora(["new", "--json"] + site)
        XCTAssertEqual(new.status, 0, new.err)
    }

    func testSearchNotificationsAndUser() throws {
        let site = ["--site", server.baseURL]
        let search = try fora(["search", "sync", "@carol", "--json"] + site)
        XCTAssertEqual(search.status, 0, search.err)
        let hits = try XCTUnwrap(try json(search.out) as? [[String: Any]])
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { $0["username"] as? String == "carol" })

        let notifications = try fora(["notifications", "--json"] + site)
        XCTAssertEqual(notifications.status, 0, notifications.err)
        let items = try XCTUnwrap(try json(notifications.out) as? [[String: Any]])
        XCTAssertFalse(items.isEmpty)
        XCTAssertNotNil(items[0]["type"] as? String)

        let user = try fora(["user", "carol", "--json"] + site)
        XCTAssertEqual(user.status, 0, user.err)
        let profile = try XCTUnwrap(try json(user.out) as? [String: Any])
        XCTAssertEqual(profile["username"] as? String, "carol")
        XCTAssertEqual(profile["trust_level"] as? Int, 3)
    }

    func testExitCodes() throws {
        let site = ["--site", server.baseURL]
        XCTAssertEqual(try fora(["read", "999999"] + site).status, 5, "not found")
        let anonymous = try fora(["notifications"] + site, user: nil)
        XCTAssertEqual(anonymous.status, 4, "login required: \(anonymous.err)")
        XCTAssertTrue(anonymous.err.contains("log in"), anonymous.err)
        XCTAssertEqual(try fora(["top", "--period", "fortnightly"] + site).status, 2, "usage")
        XCTAssertEqual(try fora(["read", "not-a-topic"] + site).status, 2, "usage")
        XCTAssertEqual(try fora(["categories"], user: nil).status, 2, "no site configured")
    }

    func testNamedSiteFromConfigFile() throws {
        let config = home + "/.config/fora"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let toml = "default_site = \"demo\"\n[sites.demo]\nurl = \"\(server.baseURL)\"\n"
        try toml.write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let byDefault = try fora(["categories", "--json"])
        XCTAssertEqual(byDefault.status, 0, byDefault.err)
        let byName = try fora(["--site", "demo", "user", "alice", "--json"])
        XCTAssertEqual(byName.status, 0, byName.err)
    }

    func testLoginWithTheDeviceFlowThenLogout() throws {
        var environment = ProcessInfo.processInfo.environment
        for key in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
            environment[key] = nil
        }
        environment["HOME"] = home
        let login = try Subprocess(
            [try Binaries.path("fora"), "login", "--site", server.baseURL], environment: environment,
            separateStderr: true)
        defer { login.stop() }
        var code: String?
        let deadline = Date().addingTimeInterval(30)
        while code == nil, Date() < deadline, !login.hasExited {
            if let range = login.errorOutput.range(of: #"the code [A-Z0-9-]+"#, options: .regularExpression) {
                code = String(login.errorOutput[range].dropFirst("the code ".count))
            }
            usleep(50_000)
        }
        let userCode = try XCTUnwrap(code, "fora printed a user code: \(login.errorOutput)")
        _ = try server.getJSONOrText("/user-api-key/device?user_code=\(userCode)&demo_username=bob")
        let result = login.wait(timeout: 30)
        XCTAssertEqual(result.status, 0, login.errorOutput)
        XCTAssertTrue(login.errorOutput.contains("logged in"), login.errorOutput)
        let credentials = home + "/.config/fora/credentials.toml"
        let attributes = try FileManager.default.attributesOfItem(atPath: credentials)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        let asBob = try fora(["notifications", "--json", "--site", server.baseURL], user: nil)
        XCTAssertEqual(asBob.status, 0, "the stored key is used: \(asBob.err)")

        let logout = try fora(["logout", "--site", server.baseURL], user: nil)
        XCTAssertEqual(logout.status, 0, logout.err)
        let afterwards = try fora(["notifications", "--site", server.baseURL], user: nil)
        XCTAssertEqual(afterwards.status, 4, "logged out: \(afterwards.err)")
    }
}

extension DemoServerProcess {
    /// GETs a path with curl (no shell) and returns the body, for pages that are not JSON.
    func getJSONOrText(_ path: String) throws -> String {
        let result = try Subprocess.run(
            ["curl", "-sS", "--max-time", "20", baseURL + path], separateStderr: true, timeout: 30)
        return result.output
    }
}
