// `GET /u/{username}/bookmarks.json`: the viewer's own bookmarks, newest post first, as
// Discourse's UserBookmarkList (`{user_bookmark_list: {bookmarks: [...]}}`; with none,
// Discourse answers `{bookmarks: [], no_results_help}` instead, and so does this).
// Bookmarks live on posts here (a bookmark's id is its post's id), and only posts that were
// ever changed can carry one, so the walk covers the materialized posts only.
import DemoCommunity
import Foundation

extension RouteTable {
    mutating func registerUserBookmarkEndpoints() {
        get("/u/{username}/bookmarks.json") { request, context in
            try context.state.read { data, _ in
                let viewer = try requireUser(request.viewer, in: data)
                guard let name = request.pathParameters["username"], let owner = data.user(named: name) else {
                    throw DemoAPIError.notFound
                }
                guard owner.id == viewer.id || isAdmin(request.viewer, in: data) else { throw DemoAPIError.forbidden() }
                var marked: [(post: DemoPost, topic: DemoTopic)] = []
                for (topicId, posts) in data.postsByTopic {
                    guard let topic = data.topics[topicId], topic.deletedAt == nil,
                        canSee(topic: topic, viewer: request.viewer, data: data)
                    else { continue }
                    for post in posts where post.bookmarkedByUserIds.contains(owner.id) && post.deletedAt == nil {
                        marked.append((post, topic))
                    }
                }
                marked.sort { $0.post.id > $1.post.id }
                guard !marked.isEmpty else {
                    return .json(["bookmarks": [], "no_results_help": "You have no bookmarks yet."])
                }
                let bookmarks: [JSONValue] = marked.map { post, topic in
                    .object([
                        "id": .int(post.id), "created_at": .date(post.updatedAt), "updated_at": .date(post.updatedAt),
                        "name": .null, "reminder_at": .null, "pinned": false,
                        "title": .string(topic.title), "fancy_title": .string(TextFormatting.fancyTitle(topic.title)),
                        "excerpt": .string(TextFormatting.htmlEscaped(String(post.raw.prefix(140)))),
                        "bookmarkable_id": .int(post.id), "bookmarkable_type": "Post",
                        "bookmarkable_url": .string("/t/\(topic.slug)/\(topic.id)/\(post.postNumber)"),
                        "topic_id": .int(topic.id), "linked_post_number": .int(post.postNumber),
                        "slug": .string(topic.slug), "category_id": .optional(topic.categoryId),
                        "highest_post_number": .int(topic.highestPostNumber), "deleted": false, "hidden": false,
                    ])
                }
                return .json([
                    "user_bookmark_list": .object([
                        "bookmarks": .array(bookmarks), "more_bookmarks_url": .null,
                    ])
                ])
            }
        }
    }
}
