import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore

/// Refuses a post longer than the site allows before it is queued, as the composer does: the
/// site would refuse it anyway, and it would sit in the outbox as a failed write. The limit is
/// the site's `max_post_length`; when the site cannot be asked (offline), the post is queued
/// and the site decides.
enum PostLengthGate {
    static func check(_ action: OutboxAction, service: DiscourseService) async throws {
        let raw: String
        switch action {
        case .reply(_, let text, _), .newTopic(_, let text, _, _), .edit(_, _, let text, _): raw = text
        default: return
        }
        guard let settings = try? await service.siteSettings() else { return }
        let length = PostLength(raw: raw, minimum: 0, maximum: settings.maxPostLength ?? 32_000)
        guard case .tooLong(let excess) = length.verdict else { return }
        throw CommandFailure(
            .validation([
                "the post has \(length.count) characters and \(service.site.hostAndPort) accepts at most"
                    + " \(length.maximum) (max_post_length): shorten it by \(excess); nothing was queued"
            ]))
    }
}
