import Foundation
import XCTest

/// The real `fora` binary against a demo server started with `--hostile-text` (terminal
/// escapes, C1 controls, DEL and bidi overrides appended to every string it sends, `errors[]`,
/// review labels, action ids, device codes and dates included) and `--hostile-integers` (posts
/// with integer attributes at the limits of Int64). Every command that prints server text, in
/// plain and `--json` output: no control but newline (and tab in plain output) reaches
/// standard output or standard error.
final class HostileServerTextEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?
    private let home = NSTemporaryDirectory() + "fora-e2e-hostile-text-\(UUID())"

    override func setUpWithError() throws {
        server = try DemoServerProcess(arguments: [
            "--hostile-text", "--hostile-integers", "--data", home + "/server",
        ])
    }

    override func tearDown() {
        server?.stop()
        try? FileManager.default.removeItem(atPath: home)
        super.tearDown()
    }

    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME", "NO_COLOR"] { environment[key] = nil }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["LANG"] = "C.UTF-8"
        return environment
    }

    private func fora(_ arguments: [String], as username: String? = "moderator", timeout: Double = 60) throws
        -> Subprocess.Result
    {
        var environment = self.environment
        environment["FORA_SITE"] = try XCTUnwrap(server).baseURL
        if let username {
            environment["FORA_API_KEY"] = "fora-demo-all-users-key"
            environment["FORA_API_USERNAME"] = username
        }
        return try Subprocess.run(
            [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: timeout)
    }

    /// The first control a terminal could act on in `text`, as "U+XXXX", or nil.
    static func firstControl(in text: String, json: Bool) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x0A || (value == 0x09 && !json)
            let control =
                value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            if control && !allowed { return String(format: "U+%04X", value) }
        }
        return nil
    }

    /// Runs `fora ARGUMENTS` (and with `--json` unless `plainOnly`) and checks both outputs.
    @discardableResult
    private func check(_ arguments: [String], as username: String? = "moderator", plainOnly: Bool = false) throws
        -> (plain: Subprocess.Result, json: Subprocess.Result?)
    {
        let plain = try fora(arguments, as: username)
        expectClean(plain, arguments, json: false)
        guard !plainOnly else { return (plain, nil) }
        let json = try fora(arguments + ["--json"], as: username)
        expectClean(json, arguments + ["--json"], json: true)
        return (plain, json)
    }

    private func expectClean(_ result: Subprocess.Result, _ arguments: [String], json: Bool) {
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not finish")
        if let control = Self.firstControl(in: result.output, json: json) {
            XCTFail(
                "fora \(arguments.joined(separator: " ")) put \(control) on stdout: \(result.output.debugDescription)")
        }
        if let control = Self.firstControl(in: result.errorOutput, json: json) {
            XCTFail(
                "fora \(arguments.joined(separator: " ")) put \(control) on stderr: \(result.errorOutput.debugDescription)"
            )
        }
    }

    private func jsonArray(_ result: Subprocess.Result?) throws -> [[String: Any]] {
        let output = try XCTUnwrap(result).output
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]], output)
    }

    func testEveryCommandThatPrintsServerTextPrintsNoControl() throws {
        // Lists: titles, category names, usernames, dates that no longer parse.
        let latest = try check(["latest", "--limit", "5"])
        XCTAssertEqual(latest.plain.status, 0, latest.plain.errorOutput)
        XCTAssertTrue(latest.plain.output.contains("␛[2J"), "the escapes arrived and are shown: \(latest.plain.output)")
        let topics = try jsonArray(latest.json)
        let title = try XCTUnwrap(topics.first?["title"] as? String)
        XCTAssertTrue(title.contains("\u{1B}]52;"), "--json keeps the text, escaped: \(title.debugDescription)")
        XCTAssertTrue(title.contains("\u{9B}"), "C1 CSI survives as a JSON escape")
        XCTAssertTrue(try XCTUnwrap(latest.json).output.contains("\\u009b"), "U+009B written as \\u009b")
        let topic = try XCTUnwrap(topics.first?["id"] as? Int)

        for arguments in [
            ["categories"], ["new"], ["unread"], ["top", "--period", "all", "--limit", "5"], ["read", String(topic)],
            ["search", "sync"], ["notifications"], ["bookmarks"], ["user", "alice"], ["unanswered"], ["unsolved"],
            ["mine"], ["pm", "list"],
        ] {
            let result = try check(arguments)
            XCTAssertEqual(result.plain.status, 0, "\(arguments): \(result.plain.errorOutput)")
        }

        // The review queue: types, bundle ids and labels, action ids.
        let review = try check(["review", "list"])
        XCTAssertEqual(review.plain.status, 0, review.plain.errorOutput)
        let items = try jsonArray(review.json)
        let item = try XCTUnwrap(items.first)
        let id = try XCTUnwrap(item["id"] as? Int)
        let shown = try check(["review", "show", String(id)])
        XCTAssertEqual(shown.plain.status, 0, shown.plain.errorOutput)
        XCTAssertTrue(shown.plain.output.contains("␛"), shown.plain.output)
        let bundles = try XCTUnwrap(item["actions"] as? [[String: Any]])
        let actions = bundles.flatMap { $0["actions"] as? [String] ?? [] }
        // An action it does not offer: the error lists the hostile action ids.
        let refused = try check(["review", "act", String(id), "agree_and_keep"], plainOnly: true)
        XCTAssertNotEqual(refused.plain.status, 0)
        XCTAssertTrue(refused.plain.errorOutput.contains("␛"), refused.plain.errorOutput)
        // A hostile action id given back: the confirmation (refused off a terminal) names its label,
        // or the site's errors[] come back as the reason.
        for action in actions.prefix(3) {
            try check(["review", "act", String(id), action], plainOnly: true)
            try check(["review", "act", String(id), action, "--yes"])
        }
        try check(["review", "claim", String(id)])

        // Writes: the site's errors[] and the outbox's reasons.
        try check(["reply", String(topic), "A reply long enough for the site to take it."])
        try check(["like", "1"])
        try check(["flag", "1", "--type", "nonsense"])
        try check(["topic", "close", String(topic)])
        try check(["done", String(topic)])
        try check(["outbox", "list"])
        try check(["outbox", "send"])
        try check(["read", "999999"])
        try check(["sync", "--limit", "3"])
        try check(["read", String(topic), "--offline"])
        try check(["search", "sync", "--offline"])
    }

    /// `fora login` prints the site's device code and verification URIs.
    func testLoginPrintsTheDeviceCodeWithoutControls() throws {
        var environment = self.environment
        environment["FORA_SITE"] = nil
        let login = try Subprocess(
            [try Binaries.path("fora"), "login", "--site", try XCTUnwrap(server).baseURL], environment: environment,
            separateStderr: true)
        defer { login.stop() }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !login.hasExited, !login.errorOutput.contains("the code") { usleep(50_000) }
        usleep(200_000)
        let printed = login.errorOutput + login.output
        XCTAssertTrue(printed.contains("the code") || login.hasExited, printed)
        XCTAssertTrue(printed.contains("␛"), "the hostile code or URI was printed, made visible: \(printed)")
        if let control = Self.firstControl(in: printed, json: false) {
            XCTFail("fora login put \(control) on the terminal: \(printed.debugDescription)")
        }
    }

    /// The post from the issue (`<ol start="9223372036854775807">` and friends) trapped every
    /// reader; now it reads, with clamped numbers.
    func testReadingThePostWithIntegersAtTheLimitsWorks() throws {
        let latest = try fora(["latest", "--limit", "1", "--json"])
        let topic = try XCTUnwrap(try jsonArray(latest).first?["id"] as? Int)
        let read = try fora(["read", String(topic), "--width", "60"])
        XCTAssertEqual(read.status, 0, read.errorOutput)
        XCTAssertTrue(read.output.contains("2147483647. overflow start a"), read.output)
        XCTAssertTrue(read.output.contains("2147483648. overflow start b"), read.output)
        XCTAssertTrue(read.output.contains("-2147483647. reversed a"), read.output)
        let narrow = try fora(["read", String(topic), "--width", "20"])
        XCTAssertEqual(narrow.status, 0, narrow.errorOutput)
        let json = try fora(["read", String(topic), "--json"])
        XCTAssertEqual(json.status, 0, json.errorOutput)
    }
}
