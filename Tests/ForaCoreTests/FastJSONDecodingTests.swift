import Foundation
import XCTest

@testable import ForaCore

/// The byte reader behind `ResponseJSON`: on every document it accepts it gives exactly what
/// `JSONDecoder` and the tolerant models give, and it hands everything unusual (other types,
/// malformed JSON, escaped keys, duplicates) back to them rather than guessing.
final class FastJSONDecodingTests: XCTestCase {
    private func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: FixtureDecodingTests.root.appendingPathComponent(path)))
    }

    /// Decodes both ways and checks the fast reader itself accepted the document (no fallback).
    private func assertFastPathMatches<T: FastJSONDecodable & Equatable>(
        _ type: T.Type, _ json: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let slow = try JSONDecoder().decode(T.self, from: Data(json))
        let fast = try json.withUnsafeBufferPointer { try T(jsonBytes: $0) }
        XCTAssertEqual(fast, slow, label, file: file, line: line)
        XCTAssertEqual(try ResponseJSON.decode(T.self, from: json), slow, label, file: file, line: line)
    }

    func testFixturesDecodeTheSameOnTheFastPath() throws {
        for path in [
            "discourse_api_gem/latest.json", "discourse_api_gem/new.json", "discourse_api_gem/top.json",
            "discourse_api_gem/hot.json", "discourse_api_gem/category_latest_topics.json",
            "discourse_api_gem/category_topics.json", "discourse_api_gem/private_messages.json",
            "discourse_api_gem/topics_created_by.json",
            "discourse_api_docs/responses/topics/latest_topics_response.json",
            "discourse_api_docs/responses/topics/top.json",
        ] {
            try assertFastPathMatches(TopicList.self, bytes(path), path)
        }
        for path in ["discourse_api_gem/topic.json", "discourse_api_docs/responses/topics/topic_response.json"] {
            try assertFastPathMatches(TopicDetail.self, bytes(path), path)
        }
        // This sample sends `raw` as a list: a miss, so the tolerant models decode it (raw → nil).
        let posts = try bytes("discourse_api_gem/topic_posts.json")
        XCTAssertThrowsError(try posts.withUnsafeBufferPointer { try PostBatch(jsonBytes: $0) })
        let tolerant = try JSONDecoder().decode(PostBatch.self, from: Data(posts))
        XCTAssertEqual(try ResponseJSON.decode(PostBatch.self, from: posts), tolerant)
        XCTAssertNil(tolerant.posts.first?.raw)
        XCTAssertEqual(tolerant.posts.first?.likeCount, 3)
    }

    /// Every field the tolerant topic model reads is read on the fast path too (a field added to
    /// `Topic` alone would silently be lost for every list the site sends).
    func testTopicFieldsTagsAndUnreadCountsMatchTheTolerantModel() throws {
        let json = #"""
            {"users": [], "topic_list": {"topics": [
              {"id": 1, "title": "t", "tags": ["cli", null, "sync"], "unread_posts": 3, "new_posts": 9},
              {"id": 2, "title": "u", "tags": null, "new_posts": 4},
              {"id": 3, "title": "v", "unread_posts": null, "new_posts": 5},
              {"id": 4, "title": "w", "tags": [{"id": 1, "name": "api", "slug": "api"}]}
            ]}}
            """#
        let list = try ResponseJSON.decode(TopicList.self, from: Array(json.utf8))
        XCTAssertEqual(list, try JSONDecoder().decode(TopicList.self, from: Data(json.utf8)))
        XCTAssertEqual(list.topics.map(\.tags), [["cli", "sync"], [], [], ["api"]])
        XCTAssertEqual(list.topics.map(\.unreadPosts), [3, 4, 5, 0])
        // The fast reader itself takes names and objects (without falling back).
        try assertFastPathMatches(TopicList.self, Array(json.utf8), "tags as names and objects")
        let fast = try Array(json.utf8).withUnsafeBufferPointer { try TopicList(jsonBytes: $0) }
        XCTAssertEqual(fast.topics.map(\.tags), [["cli", "sync"], [], [], ["api"]])
        XCTAssertEqual(fast.topics.map(\.unreadPosts), [3, 4, 5, 0])
        // A name of another type is left to the tolerant model, which drops only that tag.
        let odd = #"{"topic_list": {"topics": [{"id": 5, "title": "x", "tags": [{"name": 3}, "ok"]}]}}"#
        XCTAssertThrowsError(try Array(odd.utf8).withUnsafeBufferPointer { try TopicList(jsonBytes: $0) })
        XCTAssertEqual(try ResponseJSON.decode(TopicList.self, from: Array(odd.utf8)).topics.first?.tags, ["ok"])
    }

    func testEscapesUnicodeAndUnknownValuesOfEveryKind() throws {
        let json = #"""
            {"post_stream": {"posts": [
              {"id": 1, "post_number": 1, "username": "ann",
               "cooked": "<p class=\"x\">caf\u00e9 \ud83d\ude00 \/ \\ \b\f\n\r\t 中文 😀</p>",
               "future": {"a": [1, -2.5e+3, 0.0, true, false, null, "s\"", {"b": {}}], "c": []},
               "score": 1E-7, "flag": null, "actions_summary": [{"id": 2, "count": 3, "extra": [0]}]},
              {"id": 2, "post_number": 2, "actions_summary": null, "raw": null, "can_like": true}
            ]}, "id": 10, "unknown": [[[]]]}
            """#
        try assertFastPathMatches(PostBatch.self, Array(json.utf8), "escapes")
        let batch = try ResponseJSON.decode(PostBatch.self, from: Array(json.utf8))
        XCTAssertEqual(batch.posts.first?.cooked, "<p class=\"x\">café 😀 / \\ \u{8}\u{c}\n\r\t 中文 😀</p>")
        XCTAssertEqual(batch.posts.first?.likeCount, 3)
    }

    func testOddTypesFallBackToTheTolerantModels() throws {
        // Each is a miss for the reader; the answer is the tolerant decoder's.
        let odd = [
            #"{"post_stream": {"posts": [{"id": "42", "post_number": 1}]}}"#,
            #"{"post_stream": {"posts": [{"id": 1, "yours": 1, "like_count": 2.0}]}}"#,
            #"{"post_stream": {"posts": [{"id": 1}, {"username": "no id"}]}}"#,
            #"{"post_stream": {"posts": [{"id": 1, "id": 2}]}}"#,
            #"{"post_stream": {"posts": [{"i\u0064": 7}]}}"#,
        ]
        for json in odd {
            XCTAssertThrowsError(try Array(json.utf8).withUnsafeBufferPointer { try PostBatch(jsonBytes: $0) }, json)
            let expected = try JSONDecoder().decode(PostBatch.self, from: Data(json.utf8)).posts
            XCTAssertEqual(try ResponseJSON.decode(PostBatch.self, from: Array(json.utf8)).posts, expected, json)
        }
        let topic = #"{"id": "5", "title": 3, "tags": ["a", {"name": "b"}, 4], "details": {"can_edit": "true"}}"#
        let expected = try JSONDecoder().decode(TopicDetail.self, from: Data(topic.utf8))
        XCTAssertEqual(try ResponseJSON.decode(TopicDetail.self, from: Array(topic.utf8)), expected)
        XCTAssertEqual(expected.id, 5)
        XCTAssertEqual(expected.tags, ["a", "b"])
    }

    func testMalformedJSONIsAMissAndGetsJSONDecodersAnswer() throws {
        // The reader is stricter than JSONDecoder (which takes `01` and `\q`): whatever it
        // refuses ends as JSONDecoder decides, an error or the same value as before.
        for json in [
            #"{"post_stream": {"posts": [{"id": 1}]}"#, #"{"post_stream": {"posts": [{"id": 01}]}}"#,
            #"{"post_stream": {"posts": [{"id": 1, "x": tru}]}}"#, #"{"post_stream": {"posts": []}} x"#,
            #"{"post_stream": {"posts": [{"id": 1, "cooked": "a\qb"}]}}"#, "",
            #"{"post_stream": {"posts": [{"id": 1, "cooked": "\ud800"}]}}"#,
        ] {
            let bytes = Array(json.utf8)
            XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try PostBatch(jsonBytes: $0) }, json)
            let expected = try? JSONDecoder().decode(PostBatch.self, from: Data(bytes))
            XCTAssertEqual(try? ResponseJSON.decode(PostBatch.self, from: bytes), expected, json)
        }
        for truncated in [
            #"{"post_stream": {"posts": [{"id": 1}]}"#, "", #"{"post_stream": {"posts": [{"id": 1, "x": tru}]}}"#,
        ] {
            XCTAssertThrowsError(try ResponseJSON.decode(PostBatch.self, from: Array(truncated.utf8)), truncated)
        }
        var invalidUTF8 = Array(#"{"post_stream": {"posts": [{"id": 1, "cooked": "ab"}]}}"#.utf8)
        invalidUTF8[invalidUTF8.count - 7] = 0xFF
        XCTAssertThrowsError(
            try invalidUTF8.withUnsafeBufferPointer { try PostBatch(jsonBytes: $0) }, "left to JSONDecoder's rules")
    }

    func testDamagedDocumentsNeverDecodeDifferentlyOnTheFastPath() throws {
        // Byte damage at random places: whatever the reader still accepts, JSONDecoder must
        // accept too and decode to the same value.
        let original = try bytes("discourse_api_gem/topic.json")
        let damage = Array(#"{}[]",:0-9.e"x\ "#.utf8)
        var generator = SplitMix(seed: 7)
        var accepted = 0
        for _ in 0..<400 {
            var damaged = original
            for _ in 0..<Int(generator.next() % 3 + 1) {
                let position = Int(generator.next() % UInt64(damaged.count))
                damaged[position] = damage[Int(generator.next() % UInt64(damage.count))]
            }
            guard let fast = try? damaged.withUnsafeBufferPointer({ try TopicDetail(jsonBytes: $0) }) else { continue }
            accepted += 1
            XCTAssertEqual(try? JSONDecoder().decode(TopicDetail.self, from: Data(damaged)), fast)
        }
        XCTAssertGreaterThan(accepted, 0, "some damage lands inside strings and stays valid")
    }
}

/// A small deterministic generator, so a failure can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
