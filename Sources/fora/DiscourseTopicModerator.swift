import DiscourseBackend
import ForaCore
import ForaNet
import ForaTUI
import Foundation

/// The reader's moderation: topics over `PUT /t/{id}/status.json`, posts, users and moves
/// over the staff endpoints of `DiscourseService+Moderation`.
struct DiscourseTopicModerator: TopicModerator {
    let service: DiscourseService

    func viewer() async throws -> ModerationViewer {
        let user = try await service.currentUser()
        return ModerationViewer(isAdmin: user.admin, isModerator: user.moderator)
    }

    func perform(_ operation: ModerationOperation, topicID: Int) async throws {
        guard let (name, enabled) = operation.topicStatus, let status = TopicStatus(rawValue: name) else {
            throw ForaError.usage("\(operation.rawValue) is not a topic status")
        }
        try await service.setTopicStatus(topicID: topicID, status: status, enabled: enabled)
    }

    func flag(postID: Int, type: String) async throws -> String {
        let types = try await service.siteMetadata().postActionTypes.filter(\.isFlag)
        let wanted = type.lowercased()
        guard let match = types.first(where: { $0.nameKey == wanted || $0.name.lowercased() == wanted }) else {
            let known = types.compactMap(\.nameKey).joined(separator: ", ")
            throw ForaError.usage("unknown flag type \(type); this site has: \(known)")
        }
        try await service.flag(postID: postID, flagTypeID: match.id, message: nil)
        return match.name
    }

    func perform(_ operation: ModerationOperation, postID: Int) async throws {
        switch operation {
        case .hidePost: try await service.hidePost(postID: postID)
        case .unhidePost: try await service.unhidePost(postID: postID)
        case .deletePost: try await service.deletePost(id: postID)
        case .recoverPost: try await service.recoverPost(postID: postID)
        default: throw ForaError.usage("\(operation.rawValue) is not a post operation")
        }
    }

    func penalize(_ kind: ReviewPenalty.Kind, userID: Int, reason: String, until: Date?) async throws {
        try await service.penalize(userID: userID, suspend: kind == .suspend, reason: reason, until: until)
    }

    func move(topicID: Int, toCategory category: String) async throws -> String {
        let categories = try await service.categories()
        let wanted = category.lowercased()
        guard
            let match = categories.first(where: {
                $0.name.lowercased() == wanted || $0.slug.lowercased() == wanted || String($0.id) == wanted
            })
        else {
            throw ForaError.usage(
                "no category \(category); this site has: " + categories.map(\.name).joined(separator: ", "))
        }
        try await service.moveTopic(topicID: topicID, categoryID: match.id)
        return match.name
    }

    func categoryNames() async throws -> [String] {
        try await service.categories().map(\.name)
    }
}
