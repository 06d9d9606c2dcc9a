/// A user as topic lists reference them (the `users` array).
public struct BasicUser: Codable, Equatable, Sendable {
    public var id: Int
    public var username: String
    public var name: String?
    public var avatarTemplate: String?

    enum CodingKeys: String, CodingKey {
        case id, username, name
        case avatarTemplate = "avatar_template"
    }

    public init(id: Int, username: String, name: String? = nil, avatarTemplate: String? = nil) {
        self.id = id
        self.username = username
        self.name = name
        self.avatarTemplate = avatarTemplate
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        username = try c.decodeIfPresent(String.self, forKey: .username) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name)
        avatarTemplate = try c.decodeIfPresent(String.self, forKey: .avatarTemplate)
    }
}
