// A topic and its posts: the first 20 and the whole stream of ids (the 1,500-post
// megathread), windows centred on a post, posts.json batches, pages, single posts, raw
// markdown, and the solved plugin's fields.
import Foundation
import XCTest

final class TopicViewTests: DemoServerTestCase {
    private func postNumbers(_ body: [String: Any]) -> [Int] {
        body.object("post_stream")?.array("posts").compactMap { $0.int("post_number") } ?? []
    }

    func testMegathreadGivesTwentyPostsAndAllIds() async throws {
        let body = try await getJSON("/t/\(Fixture.megathreadId).json")
        XCTAssertEqual(postNumbers(body), Array(1...20))
        let stream = body.object("post_stream")?["stream"] as? [Int] ?? []
        XCTAssertEqual(stream.count, Fixture.megathreadPostCount)
        XCTAssertEqual(stream.first, 100_000)
        XCTAssertEqual(stream.last, 100_000 + Fixture.megathreadPostCount - 1)
        XCTAssertEqual(body.int("chunk_size"), 20)
        XCTAssertEqual(body.int("highest_post_number"), Fixture.megathreadPostCount)
    }

    func testWindowCentresOnTheRequestedPost() async throws {
        let middle = try await getJSON("/t/\(Fixture.megathreadId)/750.json")
        XCTAssertEqual(postNumbers(middle), Array(745...764))
        XCTAssertEqual(middle.int("current_post_number"), 750)
        let end = try await getJSON("/t/\(Fixture.megathreadId)/1500.json")
        XCTAssertEqual(postNumbers(end), Array(1481...1500))
        let withSlug = try await getJSON("/t/the-never-ending-megathread/\(Fixture.megathreadId)/750.json")
        XCTAssertEqual(postNumbers(withSlug), postNumbers(middle))
    }

    func testPostsBatchReturnsExactlyTheAskedPosts() async throws {
        let wanted = [100_010, 100_011, 100_500, 101_499, 100_002]
        let query = wanted.map { "post_ids[]=\($0)" }.joined(separator: "&")
        let body = try await getJSON("/t/\(Fixture.megathreadId)/posts.json?\(query)")
        let ids = body.object("post_stream")?.array("posts").compactMap { $0.int("id") } ?? []
        XCTAssertEqual(ids, wanted.sorted(), "the asked posts, in stream order")
        XCTAssertEqual(body.int("id"), Fixture.megathreadId)
        let foreign = try await getJSON("/t/\(Fixture.megathreadId)/posts.json?post_ids[]=1&post_ids[]=100000")
        XCTAssertEqual(
            foreign.object("post_stream")?.array("posts").compactMap { $0.int("id") }, [100_000],
            "posts of other topics are left out")
        let after = try await getJSON("/t/\(Fixture.megathreadId)/posts.json?post_number=40&asc=true")
        XCTAssertEqual(postNumbers(after), Array(41...60))
    }

    func testPagesAreTwentyPostsOneBased() async throws {
        let second = try await getJSON("/t/\(Fixture.megathreadId).json?page=2")
        XCTAssertEqual(postNumbers(second), Array(21...40))
        let pastTheEnd = try await client.get("/t/\(Fixture.megathreadId).json?page=76")
        XCTAssertEqual(pastTheEnd.status, 404)
    }

    func testSlugRouteAndUnknownTopic() async throws {
        let body = try await getJSON("/t/printer-driver-crashes-on-resume/\(Fixture.solvedTopicId).json")
        XCTAssertEqual(body.int("id"), Fixture.solvedTopicId)
        XCTAssertEqual(body.object("details")?.object("created_by")?.string("username"), "alice")
        let missing = try await client.get("/t/999999.json")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(try missing.jsonObject().string("error_type"), "not_found")
    }

    func testSolvedTopicCarriesTheAcceptedAnswer() async throws {
        let body = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice)
        XCTAssertEqual(body.bool("has_accepted_answer"), true)
        let accepted = body.object("accepted_answer")
        XCTAssertEqual(accepted?.int("post_number"), 3)
        XCTAssertEqual(accepted?.string("username"), "mod")
        let posts = body.object("post_stream")?.array("posts") ?? []
        let answer = posts.first { $0.int("post_number") == 3 }
        XCTAssertEqual(answer?.bool("accepted_answer"), true)
        XCTAssertEqual(answer?.bool("can_unaccept_answer"), true, "the topic's author may unaccept")
        XCTAssertEqual(posts.first { $0.int("post_number") == 2 }?.bool("can_accept_answer"), true)
        XCTAssertEqual(posts.first { $0.int("post_number") == 1 }?.bool("can_accept_answer"), false)
        XCTAssertEqual(answer?.object("reply_to_user")?.string("username"), "alice")
        XCTAssertEqual(posts.first { $0.int("post_number") == 1 }?.int("reply_count"), 2)

        let asBob = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: bob)
        let bobsView = asBob.object("post_stream")?.array("posts") ?? []
        XCTAssertTrue(
            bobsView.allSatisfy { $0.bool("can_accept_answer") == false && $0.bool("can_unaccept_answer") == false })

        let unsolved = try await getJSON("/t/\(Fixture.unsolvedTopicId).json")
        XCTAssertNil(unsolved["accepted_answer"])
        XCTAssertEqual(unsolved.bool("has_accepted_answer"), false)
    }

    func testSinglePostAndRawMarkdown() async throws {
        // Post ids run on from the pinned topic's single post: post number 3 here has id 4.
        let post = try await getJSON("/posts/4.json")
        XCTAssertEqual(post.int("post_number"), 3)
        XCTAssertEqual(
            post.string("raw"),
            "Reinstall the driver from the vendor site, then reboot. See https://example.com/drivers")
        XCTAssertEqual(post.string("post_url"), "/t/printer-driver-crashes-on-resume/\(Fixture.solvedTopicId)/3")
        let raw = try await client.get("/raw/\(Fixture.solvedTopicId)/3")
        XCTAssertEqual(raw.status, 200)
        XCTAssertTrue(raw.headers["content-type"]?.hasPrefix("text/plain") ?? false)
        XCTAssertEqual(raw.text, post.string("raw"))
        let whole = try await client.get("/raw/\(Fixture.solvedTopicId)")
        XCTAssertTrue(whole.text.hasPrefix("alice | 2025-12-31T00:00:00.000Z | #1\n\n"), whole.text)
        XCTAssertEqual(whole.text.components(separatedBy: "-------------------------").count - 1, 4)
    }

    func testDeletedPostsAndWhispersAreHiddenFromUsers() async throws {
        // Post 6 is deleted, post 5 a whisper; their ids follow the topic's first post id.
        let topic = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: moderator)
        let ids = topic.object("post_stream")?.array("posts").compactMap { $0.int("id") } ?? []
        XCTAssertEqual(ids.count, 6)
        for hidden in ids.suffix(2) {
            let asUser = try await client.get("/posts/\(hidden).json", headers: alice)
            XCTAssertEqual(asUser.status, 404)
            let asStaff = try await client.get("/posts/\(hidden).json", headers: moderator)
            XCTAssertEqual(asStaff.status, 200)
        }
    }
}
