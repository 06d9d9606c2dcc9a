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
}
