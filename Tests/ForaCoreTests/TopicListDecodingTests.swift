import ForaCore
import Foundation
import XCTest

final class TopicListDecodingTests: XCTestCase {
    func testDecodesTheRealDiscourseSample() throws {
        let url = FixtureDecodingTests.root.appendingPathComponent("discourse_api_gem/latest.json")
        let data = try Data(contentsOf: url)
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rawTopics = try XCTUnwrap((raw["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        let list = try JSONDecoder().decode(TopicList.self, from: data)
        XCTAssertEqual(list.topics.count, rawTopics.count)
        XCTAssertEqual(list.topics.map(\.id), rawTopics.compactMap { $0["id"] as? Int })
        XCTAssertEqual(list.topics.first?.title, rawTopics.first?["title"] as? String)
    }

    func testToleratesNullsAndAbsentKeys() throws {
        let json = #"""
            {"topic_list": {"topics": [
              {"id": 7, "title": "Hi", "category_id": null, "last_posted_at": null, "pinned": null, "posts_count": 4},
              {"id": 8}
            ]}}
            """#
        let list = try JSONDecoder().decode(TopicList.self, from: Data(json.utf8))
        XCTAssertEqual(list.topics.count, 2)
        XCTAssertNil(list.topics[0].categoryID)
        XCTAssertFalse(list.topics[0].pinned)
        XCTAssertEqual(list.topics[0].replyCount, 3, "reply_count falls back to posts_count - 1")
        XCTAssertEqual(list.topics[1].title, "")
        XCTAssertTrue(list.users.isEmpty)
        XCTAssertFalse(list.hasMore)
    }

    func testTagsAsNamesOrAsObjects() throws {
        let json = #"""
            {"topic_list": {"topics": [
              {"id": 1, "tags": ["sync", "windows"]},
              {"id": 2, "tags": [{"id": 5, "name": "mobile", "slug": "mobile"}, {"id": 6}]},
              {"id": 3, "tags": null},
              {"id": 4}
            ]}}
            """#
        let list = try JSONDecoder().decode(TopicList.self, from: Data(json.utf8))
        XCTAssertEqual(list.topics.map(\.tags), [["sync", "windows"], ["mobile"], [], []])
    }

    func testDatesWithAndWithoutFractionalSeconds() throws {
        let a = try XCTUnwrap(ForaDate.parse("2024-03-01T10:00:00.123Z"))
        let b = try XCTUnwrap(ForaDate.parse("2024-03-01T10:00:00Z"))
        XCTAssertEqual(a.timeIntervalSince(b), 0.123, accuracy: 0.001)
        XCTAssertNil(ForaDate.parse("yesterday"))
    }

    func testDatesAreTheRightInstantWhateverTheirOffset() throws {
        let utc = try XCTUnwrap(ForaDate.parse("2024-03-01T10:00:00Z"))
        XCTAssertEqual(utc.timeIntervalSince1970, 1_709_287_200)
        XCTAssertEqual(ForaDate.parse("2024-03-01T12:00:00+02:00"), utc)
        XCTAssertEqual(ForaDate.parse("2024-03-01T05:00:00.000-05:00"), utc)
        XCTAssertNil(ForaDate.parse("2024-03-01"))
    }

    func testExitCodesAndMessages() {
        XCTAssertEqual(ForaError.hostUnreachable(host: "127.0.0.1:9").exitCode, 3)
        XCTAssertTrue(ForaError.hostUnreachable(host: "127.0.0.1:9").message.contains("127.0.0.1:9"))
        XCTAssertEqual(ForaError.forbidden(nil).exitCode, 4)
        XCTAssertEqual(ForaError.notFound(nil).exitCode, 5)
        XCTAssertEqual(ForaError.rateLimited(waitSeconds: 3).exitCode, 6)
        XCTAssertEqual(ForaError.serverError(status: 502).exitCode, 7)
        XCTAssertEqual(ForaError.conflict(nil).exitCode, 8)
        XCTAssertEqual(ForaError.usage("x").exitCode, 2)
    }

    func testSiteConfigurationPrefersFlagsOverEnvironment() throws {
        let env = ["FORA_SITE": "http://env.example/", "FORA_API_KEY": "k", "FORA_API_USERNAME": "u"]
        let fromEnv = try XCTUnwrap(
            SiteConfiguration.resolve(site: nil, apiKey: nil, apiUsername: nil, environment: env))
        XCTAssertEqual(fromEnv.baseURL, "http://env.example")
        XCTAssertEqual(fromEnv.apiKey, "k")
        let fromFlags = try XCTUnwrap(
            SiteConfiguration.resolve(site: "http://127.0.0.1:9", apiKey: nil, apiUsername: "bob", environment: env))
        XCTAssertEqual(fromFlags.hostAndPort, "127.0.0.1:9")
        XCTAssertEqual(fromFlags.apiUsername, "bob")
        XCTAssertNil(SiteConfiguration.resolve(site: nil, apiKey: nil, apiUsername: nil, environment: [:]))
    }

    func testXDGPathsFallBackToHome() {
        let paths = XDGPaths(environment: ["HOME": "/home/a", "XDG_STATE_HOME": "/s"])
        XCTAssertEqual(paths.config, "/home/a/.config/fora")
        XCTAssertEqual(paths.data, "/home/a/.local/share/fora")
        XCTAssertEqual(paths.state, "/s/fora")
    }
}
