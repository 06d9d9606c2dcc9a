// `/search.json?q=…&page=N`: full-page search. As Discourse aggregates full-page results,
// each topic contributes its first matching post; 50 results a page (1-based), with
// `more_full_page_results` when there are more. Topics are side-loaded in `topics[]`.
import DemoCommunity
import Foundation

enum SearchEndpoint {
    static let pageSize = 50

    struct Hit {
        var topic: DemoTopic
        var post: DemoPost
        var titleMatched: Bool
    }

    static func search(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let text = request.queryValue("q") ?? request.queryValue("term") ?? ""
        let query = SearchQuery(text)
        let page = request.queryValue("page").flatMap { Int($0) } ?? 1
        guard page >= 1 else { throw DemoAPIError.badParameter("page") }
        let viewer = request.viewer

        return context.state.read { data, materializer in
            let tooShort = !query.hasFilters && query.term.count < DemoSiteSettings.minSearchTermLength
            var hits: [Hit] = []
            if !tooShort {
                hits = findHits(query, viewer: viewer, data: &data, materializer: materializer)
            }
            let start = (page - 1) * pageSize
            let pageHits = Array(hits.dropFirst(start).prefix(pageSize))
            let more = hits.count > start + pageSize
            let matchedUsers = page == 1 && !query.term.isEmpty ? users(matching: query.term, data: data) : []
            let matchedCategories =
                page == 1 && !query.term.isEmpty
                ? data.categories.filter { $0.name.lowercased().contains(query.term) } : []
            let matchedTags =
                page == 1 && !query.term.isEmpty
                ? SiteEndpoint.topTags(data, limit: 1000).filter { $0.lowercased().contains(query.term) } : []

            var object: JSONObject = [
                "posts": .array(pageHits.map { .object(searchPost($0, data: data, terms: query.terms)) }),
                "users": .array(matchedUsers.map { .object(serializeBasicUser($0)) }),
                "categories": .array(
                    matchedCategories.map { category in
                        [
                            "id": .int(category.id), "name": .string(category.name), "color": .string(category.color),
                            "text_color": .string(category.textColor), "slug": .string(category.slug),
                        ]
                    }),
                "tags": .array(matchedTags.map { .object(serializeTag($0)) }),
                "groups": [],
            ]
            var seenTopics = Set<Int>()
            let topics = pageHits.map(\.topic).filter { seenTopics.insert($0.id).inserted }
            if !topics.isEmpty {
                object["topics"] = .array(
                    topics.map { .object(serializeTopicListItem($0, data: data, viewer: viewer)) })
            }
            object["grouped_search_result"] = [
                "more_posts": .null,
                "more_users": .null,
                "more_categories": .null,
                "term": .string(text),
                "search_log_id": .int(tagId(text) % 100_000 + 1),
                "more_full_page_results": more ? true : .null,
                "can_create_topic": .bool(viewer.userId != nil),
                "error": tooShort && !text.isEmpty ? "Your search term is too short." : .null,
                "post_ids": .array(pageHits.map { .int($0.post.id) }),
                "user_ids": .array(matchedUsers.map { .int($0.id) }),
                "category_ids": .array(matchedCategories.map { .int($0.id) }),
                "tag_ids": .array(matchedTags.map { .int(tagId($0)) }),
                "group_ids": [],
            ]
            return .json(.object(object))
        }
    }

    /// Every matching topic's first matching post, ordered as asked.
    private static func findHits(
        _ query: SearchQuery, viewer: Viewer, data: inout CommunityData,
        materializer: PostMaterializer
    ) -> [Hit] {
        let me = viewer.userId
        let author = query.username.flatMap { name in
            name == "me" ? me.flatMap { data.users[$0] } : data.user(named: name)
        }
        if query.username != nil && author == nil { return [] }
        if (query.bookmarksOnly || query.personalOnly) && me == nil { return [] }
        let category = query.categorySlug.map { slug in
            data.categories.first { $0.slug == slug || String($0.id) == slug }
        }
        if query.categorySlug != nil && category == nil { return [] }

        var hits: [Hit] = []
        let candidates = data.topics.values.sorted { $0.id < $1.id }
        for topic in candidates {
            if query.personalOnly {
                guard topic.isPrivateMessage, canSee(topic: topic, viewer: viewer, data: data) else { continue }
            } else {
                guard isListed(topic: topic, viewer: viewer, data: data) else { continue }
            }
            guard matchesTopicFilters(topic, query: query, category: category ?? nil, data: data) else { continue }
            let title = topic.title.lowercased()
            let titleMatched = !query.terms.isEmpty && query.terms.allSatisfy { title.contains($0) }
            if query.titleOnly && !titleMatched && !query.terms.isEmpty { continue }

            let posts = data.posts(ofTopic: topic.id, using: materializer)
            let match = posts.first { post in
                guard canSee(post: post, viewer: viewer, data: data), post.postType == 1 || post.postType == 4 else {
                    return false
                }
                if query.firstPostOnly || query.titleOnly, post.postNumber != 1 { return false }
                if let author, post.userId != author.id { return false }
                if query.bookmarksOnly, let me, !post.bookmarkedByUserIds.contains(me) { return false }
                if let before = query.before, post.createdAt >= before { return false }
                if let after = query.after, post.createdAt < after { return false }
                if titleMatched || query.terms.isEmpty { return true }
                let raw = post.raw.lowercased()
                return query.terms.allSatisfy { raw.contains($0) || title.contains($0) }
            }
            if let match { hits.append(Hit(topic: topic, post: match, titleMatched: titleMatched)) }
        }
        return ordered(hits, by: query.order)
    }

    private static func matchesTopicFilters(
        _ topic: DemoTopic, query: SearchQuery, category: DemoCategory?,
        data: CommunityData
    ) -> Bool {
        if let category, topic.categoryId != category.id { return false }
        if !query.tags.isEmpty {
            let tags = Set(topic.tags.map { $0.lowercased() })
            let ok =
                query.allTagsRequired ? query.tags.allSatisfy(tags.contains) : query.tags.contains(where: tags.contains)
            if !ok { return false }
        }
        for status in query.statuses {
            switch status {
            case .solved:
                if topic.acceptedAnswerPostNumber == nil { return false }
            case .unsolved:
                let solvable = data.categories.first { $0.id == topic.categoryId }?.solvedEnabled ?? false
                if !solvable || topic.acceptedAnswerPostNumber != nil { return false }
            case .open:
                if topic.closed || topic.archived { return false }
            case .closed:
                if !topic.closed { return false }
            case .archived:
                if !topic.archived { return false }
            }
        }
        return true
    }

    /// Relevance puts title matches first, then recent activity; the others sort by the
    /// matching post's date or the topic's likes or views. Ties by topic id, newest first.
    private static func ordered(_ hits: [Hit], by order: SearchQuery.Order) -> [Hit] {
        hits.sorted { lhs, rhs in
            switch order {
            case .relevance:
                if lhs.titleMatched != rhs.titleMatched { return lhs.titleMatched }
                if lhs.topic.lastPostedAt != rhs.topic.lastPostedAt {
                    return lhs.topic.lastPostedAt > rhs.topic.lastPostedAt
                }
            case .latest:
                if lhs.post.createdAt != rhs.post.createdAt { return lhs.post.createdAt > rhs.post.createdAt }
            case .oldest:
                if lhs.post.createdAt != rhs.post.createdAt { return lhs.post.createdAt < rhs.post.createdAt }
            case .likes:
                if lhs.topic.likeCount != rhs.topic.likeCount { return lhs.topic.likeCount > rhs.topic.likeCount }
            case .views:
                if lhs.topic.views != rhs.topic.views { return lhs.topic.views > rhs.topic.views }
            }
            return lhs.topic.id > rhs.topic.id
        }
    }

    private static func users(matching term: String, data: CommunityData) -> [DemoUser] {
        data.users.values
            .filter { $0.username.lowercased().contains(term) || ($0.name?.lowercased().contains(term) ?? false) }
            .sorted { $0.id < $1.id }
            .prefix(10)
            .map { $0 }
    }

    /// A search result post: who, when, likes, and a blurb around the first term.
    private static func searchPost(_ hit: Hit, data: CommunityData, terms: [String]) -> JSONObject {
        let author = data.userOrSystem(hit.post.userId)
        return [
            "id": .int(hit.post.id),
            "name": .optional(author.name),
            "username": .string(author.username),
            "avatar_template": .string(author.avatarTemplate),
            "created_at": .date(hit.post.createdAt),
            "like_count": .int(hit.post.likeCount),
            "blurb": .string(blurb(TextFormatting.plainText(fromHTML: hit.post.cooked), around: terms.first)),
            "post_number": .int(hit.post.postNumber),
            "topic_title_headline": .string(TextFormatting.fancyTitle(hit.topic.title)),
            "topic_id": .int(hit.topic.id),
        ]
    }

    /// About 200 characters of `text` around the first occurrence of `term`.
    static func blurb(_ text: String, around term: String?) -> String {
        guard let term, let range = text.range(of: term, options: .caseInsensitive) else {
            return TextFormatting.excerpt(text, length: 200)
        }
        let startOffset = max(0, text.distance(from: text.startIndex, to: range.lowerBound) - 80)
        let start = text.index(text.startIndex, offsetBy: startOffset)
        let piece = TextFormatting.excerpt(String(text[start...]), length: 200)
        return (startOffset > 0 ? "…" : "") + piece
    }
}

extension RouteTable {
    mutating func registerSearchEndpoints() {
        get("/search.json") { request, context in try SearchEndpoint.search(request: request, context: context) }
        get("/search/query.json") { request, context in try SearchEndpoint.search(request: request, context: context) }
    }
}
