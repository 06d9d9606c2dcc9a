import DemoServer
import ForaCore
import XCTest

@testable import ForaNet

/// `fora latest --category SLUG --tag T`: the service asks Discourse's `/tags/c/{slug}/{id}/{tag}.json`
/// and the demo server answers with the topics of that category carrying that tag, nothing else.
final class CategoryTagListTests: DemoServerCase {
    private let howTo = TopicListQuery.CategoryRef(slug: "how-to", id: 3)

    func testCategoryAndTagTogetherListOnlyTopicsWithBoth() async throws {
        let list = try await service().topicList(TopicListQuery(category: howTo, tag: "sync"))
        let tagsByTopic = server.state.read { data, _ in data.topics.mapValues(\.tags) }
        XCTAssertFalse(list.topics.isEmpty)
        for topic in list.topics {
            XCTAssertEqual(topic.categoryID, howTo.id, "topic \(topic.id)")
            XCTAssertTrue(tagsByTopic[topic.id]?.contains("sync") ?? false, "topic \(topic.id) lacks the tag")
        }
        let listed = Set(list.topics.map(\.id))
        let (untagged, elsewhere) = server.state.read { data, _ in
            (
                data.topics.values.filter { $0.categoryId == 3 && !$0.tags.contains("sync") }.map(\.id),
                data.topics.values.filter { $0.categoryId != 3 && $0.tags.contains("sync") }.map(\.id)
            )
        }
        XCTAssertFalse(untagged.isEmpty, "the fixture needs a how-to topic without the tag")
        XCTAssertTrue(listed.isDisjoint(with: untagged), "a topic of the category without the tag is listed")
        XCTAssertFalse(elsewhere.isEmpty, "the fixture needs a tagged topic in another category")
        XCTAssertTrue(listed.isDisjoint(with: elsewhere), "a tagged topic of another category is listed")
    }

    func testOtherFiltersAndPagesOfTheCategoryTagList() async throws {
        let service = self.service()
        let top = try await service.topicList(TopicListQuery(filter: .top(.all), category: howTo, tag: "sync"))
        let latest = try await service.topicList(TopicListQuery(category: howTo, tag: "sync"))
        XCTAssertEqual(Set(top.topics.map(\.id)), Set(latest.topics.map(\.id)), "same topics, another order")
        let paged = try await service.topics(TopicListQuery(category: howTo, tag: "sync"), upTo: 100)
        XCTAssertEqual(Set(paged.map(\.id)), Set(latest.topics.map(\.id)))
    }

    func testAnUnknownTagOrCategoryIsNotFound() async throws {
        let service = self.service()
        let noTag = await foraError {
            try await service.topicList(TopicListQuery(category: self.howTo, tag: "no-such-tag"))
        }
        guard case .notFound = noTag else { return XCTFail("got \(String(describing: noTag))") }
        let noCategory = await foraError {
            try await service.topicList(TopicListQuery(category: .init(slug: "nowhere", id: 999), tag: "sync"))
        }
        guard case .notFound = noCategory else { return XCTFail("got \(String(describing: noCategory))") }
    }
}
