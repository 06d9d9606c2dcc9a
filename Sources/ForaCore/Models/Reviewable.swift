/// An item of the review queue (`/review.json`, `/review/{id}.json`). Actions are not
/// hard-coded: they come from the payload's `bundled_actions` and `actions`, which differ
/// between server versions.
public struct Reviewable: Codable, Equatable, Sendable {
    public var id: Int
    public var type: String
    /// 0 pending, 1 approved, 2 rejected, 3 ignored, 4 deleted.
    public var status: Int
    public var topicID: Int?
    public var targetType: String?
    public var targetID: Int?
    public var postNumber: Int?
    public var categoryID: Int?
    public var createdAt: String?
    public var score: Double
    /// Sent back with every action; a stale one is a 409.
    public var version: Int
    public var cooked: String?
    public var raw: String?
    public var createdByID: Int?
    public var targetCreatedByID: Int?
    public var bundledActionIDs: [String]
    public var scoreIDs: [Int]

    enum CodingKeys: String, CodingKey {
        case id, type, status, score, version, cooked, raw
        case topicID = "topic_id"
        case targetType = "target_type"
        case targetID = "target_id"
        case postNumber = "post_number"
        case categoryID = "category_id"
        case createdAt = "created_at"
        case createdByID = "created_by_id"
        case targetCreatedByID = "target_created_by_id"
        case bundledActionIDs = "bundled_action_ids"
        case scoreIDs = "reviewable_score_ids"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: ""))
        }
        self.id = id
        type = c.lenient(String.self, .type) ?? ""
        status = c.lenientInt(.status) ?? 0
        topicID = c.lenientInt(.topicID)
        targetType = c.lenient(String.self, .targetType)
        targetID = c.lenientInt(.targetID)
        postNumber = c.lenientInt(.postNumber)
        categoryID = c.lenientInt(.categoryID)
        createdAt = c.lenient(String.self, .createdAt)
        score = c.lenient(Double.self, .score) ?? 0
        version = c.lenientInt(.version) ?? 0
        cooked = c.lenient(String.self, .cooked)
        raw = c.lenient(String.self, .raw)
        createdByID = c.lenientInt(.createdByID)
        targetCreatedByID = c.lenientInt(.targetCreatedByID)
        bundledActionIDs = c.lenient([String].self, .bundledActionIDs) ?? []
        scoreIDs = c.lenient([Int].self, .scoreIDs) ?? []
    }
}

/// A group of actions offered together ("{id}-agree": hide, keep, delete…).
public struct ReviewableBundle: Codable, Equatable, Sendable {
    public var id: String
    public var label: String?
    public var actionIDs: [String]

    enum CodingKeys: String, CodingKey {
        case id, label
        case actionIDs = "action_ids"
    }
}

/// One action a moderator can perform.
public struct ReviewableAction: Codable, Equatable, Sendable {
    public var id: String
    public var label: String?
    public var description: String?
    /// The web UI opens a form first (edit, suspend, silence).
    public var clientAction: String?
    public var confirmMessage: String?
    public var requireRejectReason: Bool?

    enum CodingKeys: String, CodingKey {
        case id, label, description
        case clientAction = "client_action"
        case confirmMessage = "confirm_message"
        case requireRejectReason = "require_reject_reason"
    }
}

/// The rest-serialized queue: reviewables with their side-loaded users, bundles and actions.
public struct ReviewQueue: Decodable, Equatable, Sendable {
    public var reviewables: [Reviewable]
    public var users: [BasicUser]
    public var bundles: [ReviewableBundle]
    public var actions: [ReviewableAction]
    public var totalRows: Int?
    public var loadMore: String?

    enum CodingKeys: String, CodingKey {
        case reviewables, reviewable, users, actions, meta
        case bundles = "bundled_actions"
    }
    enum MetaKeys: String, CodingKey {
        case totalRows = "total_rows_reviewables"
        case loadMore = "load_more_reviewables"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var list = c.lenientArray(Reviewable.self, .reviewables)
        // `/review/{id}.json` carries one `reviewable` instead of a list.
        if let single = c.lenient(Reviewable.self, .reviewable) { list.append(single) }
        reviewables = list
        users = c.lenientArray(BasicUser.self, .users)
        bundles = c.lenientArray(ReviewableBundle.self, .bundles)
        actions = c.lenientArray(ReviewableAction.self, .actions)
        let meta = try? c.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
        totalRows = meta?.lenientInt(.totalRows)
        loadMore = meta?.lenient(String.self, .loadMore)
    }

    /// The actions offered for one reviewable, bundle by bundle.
    public func actions(for reviewable: Reviewable) -> [(bundle: ReviewableBundle, actions: [ReviewableAction])] {
        reviewable.bundledActionIDs.compactMap { bundleID in
            guard let bundle = bundles.first(where: { $0.id == bundleID }) else { return nil }
            let actions = bundle.actionIDs.map { id in
                self.actions.first { $0.id == id }
                    ?? ReviewableAction(id: id, label: nil, description: nil, clientAction: nil, confirmMessage: nil)
            }
            return (bundle, actions)
        }
    }
}

/// `reviewable_perform_result`: the new version and what changed.
public struct ReviewPerformResult: Decodable, Equatable, Sendable {
    public var success: Bool
    public var version: Int?
    public var reviewableCount: Int?
    public var removedReviewableIDs: [Int]

    enum OuterKeys: String, CodingKey { case result = "reviewable_perform_result" }
    enum CodingKeys: String, CodingKey {
        case success, version
        case reviewableCount = "reviewable_count"
        case removedReviewableIDs = "remove_reviewable_ids"
    }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: OuterKeys.self)
        let c = try outer.nestedContainer(keyedBy: CodingKeys.self, forKey: .result)
        success = c.lenientBool(.success) ?? (c.lenient(String.self, .success) == "OK")
        version = c.lenientInt(.version)
        reviewableCount = c.lenientInt(.reviewableCount)
        removedReviewableIDs = c.lenient([Int].self, .removedReviewableIDs) ?? []
    }
}
