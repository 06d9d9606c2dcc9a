// Bookmarks, polymorphic as in modern Discourse (`POST /bookmarks.json` with
// `bookmarkable_type` Post or Topic, `DELETE /bookmarks/{id}.json`) plus the legacy topic
// routes (`PUT /t/{id}/bookmark.json`, `PUT /t/{id}/remove_bookmarks.json`). The model keeps
// bookmarks on posts, so a bookmark's id is its post's id (unique per user, as the topic
// view's `bookmarks[]` reports it) and a topic bookmark is one on the topic's first post.
import DemoCommunity
import Foundation

enum BookmarkEndpoint {
    /// The 400 `{failed: "FAILED", errors}` of bookmarks#create.
    static func failure(_ message: String) -> APIResponse {
        .json(["failed": "FAILED", "errors": [.string(message)]], status: 400)
    }

    static func create(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        guard let id = request.param("bookmarkable_id").flatMap({ Int($0) }),
            let type = request.param("bookmarkable_type")
        else { return failure("The name and type of the record to bookmark is required.") }
        guard type == "Post" || type == "Topic" else { return failure("A \(type) cannot be bookmarked.") }
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let postId: Int
            if type == "Topic" {
                let topic = try requireVisibleTopic(id, viewer: request.viewer, data: data)
                guard let first = data.posts(ofTopic: topic.id, using: materializer).first else {
                    throw DemoAPIError.notFound
                }
                postId = first.id
            } else {
                postId = id
            }
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data),
                canSee(post: post, viewer: request.viewer, data: data)
            else { throw DemoAPIError.notFound }
            guard !post.bookmarkedByUserIds.contains(user.id) else {
                return failure("You cannot bookmark the same \(type.lowercased()) twice.")
            }
            data.updatePost(postId, using: materializer) { $0.bookmarkedByUserIds.append(user.id) }
            return .json(["success": "OK", "id": .int(postId)])
        }
    }

    static func delete(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard post.bookmarkedByUserIds.contains(user.id) else { throw DemoAPIError.notFound }
            data.updatePost(postId, using: materializer) { $0.bookmarkedByUserIds.removeAll { $0 == user.id } }
            let stillMarked = data.posts(ofTopic: topic.id, using: materializer).contains {
                $0.bookmarkedByUserIds.contains(user.id)
            }
            return .json(["success": "OK", "topic_bookmarked": .bool(stillMarked)])
        }
    }

    /// `PUT /t/{id}/bookmark.json`: bookmarks the first post.
    static func bookmarkTopic(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            guard let first = data.posts(ofTopic: topic.id, using: materializer).first else {
                throw DemoAPIError.notFound
            }
            guard !first.bookmarkedByUserIds.contains(user.id) else {
                return failure("You cannot bookmark the same topic twice.")
            }
            data.updatePost(first.id, using: materializer) { $0.bookmarkedByUserIds.append(user.id) }
            return .json(["success": "OK"])
        }
    }

    /// `PUT /t/{id}/remove_bookmarks.json`: every bookmark of the viewer in the topic.
    static func removeTopicBookmarks(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            for post in data.posts(ofTopic: topic.id, using: materializer)
            where post.bookmarkedByUserIds.contains(user.id) {
                data.updatePost(post.id, using: materializer) { $0.bookmarkedByUserIds.removeAll { $0 == user.id } }
            }
            return .json(["success": "OK"])
        }
    }
}
