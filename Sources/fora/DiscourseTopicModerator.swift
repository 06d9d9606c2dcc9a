import ForaCore
import ForaNet
import ForaTUI

/// The reader's topic moderation over the site's `PUT /t/{id}/status.json`.
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
}
