import Foundation
import XCTest

/// What `fora` prints online and what it prints `--offline` after `fora sync` are the same,
/// field by field: topics (every post's text, solution, states and badges), the latest list,
/// categories, notifications and bookmarks. Fields that must differ are listed with why.
final class OnlineOfflineParityEndToEndTests: XCTestCase {
    private var cli: DemoCommandLine!

    override func setUpWithError() throws {
        cli = try DemoCommandLine()
    }

    override func tearDown() {
        cli?.stop()
        cli = nil
    }

    /// Topics read as staff (who see deleted posts too) and as a member; a bounded sample of
    /// the demo's topics: the latest list's first 40, every one of them synced.
    private let sample = 40

    func testReadingAndListsAgreeOnlineAndOffline() throws {
        for user in ["moderator", "alice"] {
            try compareEverything(as: user)
        }
    }

    private func compareEverything(as user: String) throws {
        let latest = try json(["latest", "--limit", String(sample)], as: user)
        let topics = (latest as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        XCTAssertEqual(topics.count, sample)
        var online: [Int: Any] = [:]
        for topic in topics { online[topic] = try json(["read", String(topic)], as: user) }
        let lists: [(String, [String])] = [
            ("latest", ["latest", "--limit", String(sample)]), ("categories", ["categories"]),
            ("notifications", ["notifications"]), ("bookmarks", ["bookmarks"]),
        ]
        var onlineLists: [String: Any] = [:]
        for (name, arguments) in lists { onlineLists[name] = try json(arguments, as: user) }

        let sync = try cli.run(["sync", "--limit", String(sample)], as: user)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)

        var solved = 0
        for topic in topics {
            let offline = try json(["read", String(topic), "--offline"], as: user)
            let differences = Self.differences(online[topic] as Any, offline, path: "read \(topic)")
            XCTAssertEqual(differences, [], "as \(user)")
            if (offline as? [String: Any])?["accepted_answer_post_number"] as? Int != nil { solved += 1 }
        }
        XCTAssertGreaterThan(solved, 0, "the sample has solved topics")
        for (name, arguments) in lists {
            var offline = try json(arguments + ["--offline"], as: user)
            var expected = onlineLists[name] as Any
            if name == "categories" {
                // The store keeps no category order: compared in id order.
                expected = Self.sortedByID(expected)
                offline = Self.sortedByID(offline)
            }
            XCTAssertEqual(Self.differences(expected, offline, path: name), [], "as \(user)")
        }
    }

    private func json(_ arguments: [String], as username: String, line: UInt = #line) throws -> Any {
        let result = try cli.run(arguments + ["--json"], as: username, line: line)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.errorOutput)", line: line)
        return (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) ?? NSNull()
    }

    private static func sortedByID(_ value: Any) -> Any {
        (value as? [[String: Any]] ?? []).sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }
    }

    /// Every path where the two JSON values differ ("read 12.posts[3].is_solution: true ≠ false").
    static func differences(_ a: Any, _ b: Any, path: String) -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys).union(y.keys).sorted().flatMap { key -> [String] in
                guard let left = x[key] else { return ["\(path).\(key): only offline"] }
                guard let right = y[key] else { return ["\(path).\(key): only online"] }
                return differences(left, right, path: path + "." + key)
            }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) items online, \(y.count) offline"] }
            return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            let left = (a as? NSObject) ?? NSNull()
            let right = (b as? NSObject) ?? NSNull()
            return left.isEqual(right) ? [] : ["\(path): \(a) ≠ \(b)"]
        }
    }
}
