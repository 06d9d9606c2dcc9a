import ForaCore

/// The like's duplicate check: Discourse marks the viewer's own like in the post's
/// `actions_summary` (`acted`), so a like whose answer was lost can be found applied.
extension DiscourseOutboxTransport {
    public func hasLiked(postID: Int) async throws -> Bool? {
        let path = "/posts/\(postID).json"
        let post = try DiscourseJSON.decode(LikeState.self, try await http.get(path), endpoint: path)
        return post.actionsSummary?.contains { $0.id == 2 && $0.acted == true } ?? false
    }

    struct LikeState: Decodable {
        struct Action: Decodable {
            var id: Int
            var acted: Bool?
        }

        var actionsSummary: [Action]?

        enum CodingKeys: String, CodingKey {
            case actionsSummary = "actions_summary"
        }
    }
}
