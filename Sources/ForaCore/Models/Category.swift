/// A forum category (from `/categories.json` or `/site.json`).
public struct Category: Codable, Equatable, Sendable {
    public var id: Int
    public var name: String
    public var slug: String
    public var color: String?
    public var parentCategoryID: Int?
    public var topicCount: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, slug, color
        case parentCategoryID = "parent_category_id"
        case topicCount = "topic_count"
    }

    public init(
        id: Int, name: String, slug: String, color: String? = nil, parentCategoryID: Int? = nil, topicCount: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.color = color
        self.parentCategoryID = parentCategoryID
        self.topicCount = topicCount
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        slug = try c.decodeIfPresent(String.self, forKey: .slug) ?? ""
        color = try c.decodeIfPresent(String.self, forKey: .color)
        parentCategoryID = try c.decodeIfPresent(Int.self, forKey: .parentCategoryID)
        topicCount = try c.decodeIfPresent(Int.self, forKey: .topicCount)
    }
}

/// The `/categories.json` envelope.
public struct CategoryListResponse: Decodable, Sendable {
    public var categories: [Category]

    enum OuterKeys: String, CodingKey { case categoryList = "category_list" }
    enum InnerKeys: String, CodingKey { case categories }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: OuterKeys.self)
        let inner = try outer.nestedContainer(keyedBy: InnerKeys.self, forKey: .categoryList)
        categories = try inner.decodeIfPresent([Category].self, forKey: .categories) ?? []
    }
}
