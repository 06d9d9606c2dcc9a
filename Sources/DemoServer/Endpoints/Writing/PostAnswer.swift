// The post object the write endpoints answer with (posts#create, posts#update,
// post_actions#create): the single-post form of `/posts/{id}.json`, outside a topic view —
// so without `read`, which only a topic view knows — plus the keys PostSerializer adds there
// (`draft_sequence`, `badges_granted`, flair, `can_see_hidden_post`).
import DemoCommunity
import Foundation

enum PostAnswer {
    static func object(_ post: DemoPost, topic: DemoTopic, data: inout CommunityData, viewer: Viewer) -> JSONObject {
        guard case .object(var object) = PostEndpoint.singlePostJSON(post, topic: topic, data: &data, viewer: viewer)
        else {
            return [:]
        }
        object["read"] = nil
        if object["flair_group_id"] == nil { object["flair_group_id"] = .null }
        if object["badges_granted"] == nil { object["badges_granted"] = [] }
        if object["can_see_hidden_post"] == nil {
            let me = viewerUser(viewer, in: data)
            object["can_see_hidden_post"] = .bool(me.map { $0.isStaff || $0.id == post.userId } ?? false)
        }
        if let me = viewer.userId {
            object["draft_sequence"] = .int(data.draftSequence(userId: me, key: "topic_\(topic.id)"))
        }
        return object
    }
}
