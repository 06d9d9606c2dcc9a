// Changing topics: rename, recategorise and retag (`PUT /t/{slug}/{id}.json`, `/t/-/{id}.json`,
// with `original_title` conflict detection), status changes by staff (`PUT /t/{id}/status.json`
// adding the small-action post Discourse shows in the stream), deletion and recovery.
import DemoCommunity
import Foundation

enum TopicEditing {
    static let statuses: Set<String> = ["closed", "pinned", "pinned_globally", "archived", "visible"]

    static func update(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        let title = request.param("title") ?? request.param("topic[title]")
        let categoryId = (request.param("category_id") ?? request.param("topic[category_id]")).flatMap { Int($0) }
        let tagValues = request.params("tags[]") + request.params("topic[tags][]")
        let originalTitle = request.param("original_title")
        let live = context.live
        return try context.state.write { data, _ in
            let user = try requireUser(request.viewer, in: data)
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            guard user.isStaff || (topic.userId == user.id && !topic.archived && !topic.closed) else {
                throw DemoAPIError.forbidden()
            }
            if let originalTitle, originalTitle != topic.title {
                throw DemoAPIError.conflict(
                    "The title was changed by another user and your changes can no longer be saved.")
            }
            var changed = topic
            if let title, title != topic.title {
                let errors = PostValidation.titleErrors(title, isPrivateMessage: topic.isPrivateMessage)
                guard errors.isEmpty else { return .json(["errors": .array(errors.map { .string($0) })], status: 422) }
                changed.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
                changed.slug = slugify(changed.title)
            }
            if let categoryId, categoryId != topic.categoryId, !topic.isPrivateMessage {
                guard let category = data.categories.first(where: { $0.id == categoryId }) else {
                    throw DemoAPIError.badParameter("category_id")
                }
                if category.staffOnlyTopics && !user.isStaff { throw DemoAPIError.forbidden() }
                changed.categoryId = categoryId
            }
            if !tagValues.isEmpty {
                let tags = tagValues.map { $0.lowercased() }.filter { !$0.isEmpty }
                guard tags.count <= DemoSiteSettings.maxTagsPerTopic else {
                    return .json(
                        [
                            "errors": [
                                .string("You can only apply up to \(DemoSiteSettings.maxTagsPerTopic) tags to a topic.")
                            ]
                        ],
                        status: 422)
                }
                changed.tags = tags
            }
            data.topics[topic.id] = changed
            for index in data.reviewables.values.filter({ $0.topicId == topic.id }).map(\.id) {
                data.reviewables[index]?.categoryId = changed.categoryId
            }
            live.publishTopicReload(changed)
            return .json([
                "basic_topic": [
                    "id": .int(changed.id), "title": .string(changed.title),
                    "fancy_title": .string(TextFormatting.fancyTitle(changed.title)), "slug": .string(changed.slug),
                    "posts_count": .int(changed.postsCount),
                ]
            ])
        }
    }

    static func status(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        guard let status = request.param("status"), statuses.contains(status) else {
            throw DemoAPIError.badParameter("status")
        }
        guard let enabledText = request.param("enabled"), ["true", "false"].contains(enabledText) else {
            throw DemoAPIError.badParameter("enabled")
        }
        let enabled = enabledText == "true"
        let live = context.live
        return try context.state.write { data, materializer in
            let staff = try requireStaff(request.viewer, in: data)
            var topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            switch status {
            case "closed": topic.closed = enabled
            case "archived": topic.archived = enabled
            case "visible": topic.visible = enabled
            case "pinned":
                topic.pinned = enabled
                topic.pinnedGlobally = false
            default:
                topic.pinned = enabled
                topic.pinnedGlobally = enabled
            }
            data.topics[topic.id] = topic
            let note = try data.appendPost(
                to: topic.id, userId: staff.id, raw: "", cooked: "", postType: 3,
                actionCode: "\(status).\(enabled ? "enabled" : "disabled")", at: Date(), using: materializer)
            if let changed = data.topics[topic.id] {
                live.publishPost(note, topic: changed, type: "created")
                live.publishTopicReload(changed)
            }
            return .json(["success": "OK", "topic_status_update": .null])
        }
    }

    /// Staff delete any topic; authors their own while nobody has replied.
    static func delete(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        let live = context.live
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            guard user.isStaff || (topic.userId == user.id && topic.postsCount <= 1) else {
                throw DemoAPIError.forbidden()
            }
            let now = Date()
            data.topics[topic.id]?.deletedAt = now
            if let first = data.posts(ofTopic: topic.id, using: materializer).first {
                data.updatePost(first.id, using: materializer) { $0.deletedAt = now }
            }
            live.publish("/delete", ["topic_id": .int(topic.id), "message_type": "delete"], audience: .of(topic))
            return APIResponse(status: 200)
        }
    }

    static func recover(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("id") ?? 0
        let live = context.live
        return try context.state.write { data, materializer in
            try requireStaff(request.viewer, in: data)
            guard let topic = data.topics[topicId] else { throw DemoAPIError.notFound }
            data.topics[topic.id]?.deletedAt = nil
            if let first = data.posts(ofTopic: topic.id, using: materializer).first {
                data.updatePost(first.id, using: materializer) { $0.deletedAt = nil }
            }
            live.publish("/recover", ["topic_id": .int(topic.id), "message_type": "recover"], audience: .of(topic))
            return APIResponse(status: 200)
        }
    }
}
