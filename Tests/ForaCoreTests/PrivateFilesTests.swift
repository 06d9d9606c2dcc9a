import Foundation
import XCTest

@testable import ForaCore

/// Credentials, the install's id and `$EDITOR` drafts are readable by their owner only.
final class PrivateFilesTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-private-\(UUID().uuidString)"
        XCTAssertEqual(mkdir(directory, 0o755), 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func mode(_ path: String) -> Int {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, path)
        return Int(info.st_mode & 0o777)
    }

    func testCredentialsAreWritten0600AndAnExistingOpenConfigDirectoryIsTightened() throws {
        let config = directory + "/fora"
        XCTAssertEqual(mkdir(config, 0o755), 0)
        let store = CredentialStore(path: config + "/credentials.toml")
        try store.save(CredentialStore.Entry(userAPIKey: "secret", clientID: "c", username: "alice"), for: "http://x")
        XCTAssertEqual(mode(config), 0o700)
        XCTAssertEqual(mode(config + "/credentials.toml"), 0o600)
        XCTAssertEqual(try store.entry(for: "http://x")?.username, "alice")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: config).filter { $0.contains(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testCredentialsAreNeverWrittenThroughALinkInTheirDirectory() throws {
        let config = directory + "/fora"
        let elsewhere = directory + "/elsewhere"
        XCTAssertEqual(mkdir(elsewhere, 0o755), 0)
        XCTAssertEqual(symlink(elsewhere, config), 0)
        let store = CredentialStore(path: config + "/credentials.toml")
        XCTAssertThrowsError(
            try store.save(CredentialStore.Entry(userAPIKey: "secret", clientID: "c"), for: "http://x"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
    }

    func testTheEditorsDraftIsMadeInAPrivateDirectoryNotInTheSharedOne() throws {
        let seen = directory + "/seen"
        // The "editor" records its file's mode and its directory's mode and path.
        let script =
            "stat -c %a \"$1\" > \(seen); stat -c %a \"$(dirname \"$1\")\" >> \(seen);"
            + " dirname \"$1\" >> \(seen); echo edited > \"$1\""
        let environment = ["EDITOR": "/bin/sh -c '\(script)' editor", "PATH": "/usr/bin:/bin"]
        let edited = try EditorHandoff.edit(
            draft: "secret draft", context: nil, directory: URL(fileURLWithPath: directory), environment: environment)
        XCTAssertEqual(edited, "edited")
        let lines = String(decoding: FileManager.default.contents(atPath: seen) ?? Data(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertEqual(lines.first, "600")
        XCTAssertEqual(lines.dropFirst().first, "700")
        XCTAssertNotEqual(lines.last, directory, "not straight in the shared directory")
        XCTAssertTrue(lines.last?.hasPrefix(directory + "/") == true)
    }
}
