import Foundation

/// Something the user is composing. `key` follows Discourse's draft keys (`new_topic`,
/// `topic_<id>`, `new_private_message`).
public struct Draft: Equatable, Sendable {
    public var key: String
    public var topicID: Int?
    public var replyToPostNumber: Int?
    public var title: String?
    public var categoryID: Int?
    public var body: String
    public var updatedAt: Date

    public init(
        key: String, topicID: Int? = nil, replyToPostNumber: Int? = nil, title: String? = nil,
        categoryID: Int? = nil, body: String, updatedAt: Date = Date()
    ) {
        self.key = key
        self.topicID = topicID
        self.replyToPostNumber = replyToPostNumber
        self.title = title
        self.categoryID = categoryID
        self.body = body
        self.updatedAt = updatedAt
    }
}
