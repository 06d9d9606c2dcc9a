// RSS feeds (api-brief §14): `/latest.rss`, `/c/{slug}/{id}.rss`, `/tag/{tag}.rss` (the
// newest 30 topics, as Discourse's feeds list topics by creation for an anonymous visitor)
// and `/t/{slug}/{id}.rss` (the topic's latest posts, newest first). Titles, authors,
// dates, links and cooked bodies are those of the JSON API, so an RSS reader and fora can
// be compared on the same data. A topic feed takes `?limit=N` (a demo extension Discourse
// ignores): the latest N posts instead of 50, so a feed reader can hold a whole topic as
// `fora sync` does (the newsboat side-by-side benchmark).
import DemoCommunity
import Foundation

enum FeedEndpoint {
    static let topicsPerFeed = 30
    static let postsPerFeed = 50

    /// The host name alone, as Discourse's `current_hostname` puts it into guids.
    static func hostname(_ request: APIRequest, _ context: DemoContext) -> String {
        String(request.publicAuthority(context).split(separator: ":").first ?? "127.0.0.1")
    }

    static func rss(_ channel: RSSChannel) -> APIResponse {
        .text(channel.xml(), contentType: "application/rss+xml; charset=utf-8")
    }

    /// What a list feed's channel says about itself.
    struct Heading {
        var title: String
        var path: String
        var description: String
    }

    static func siteTitle(_ context: DemoContext) -> String {
        context.state.read { data, _ in data.title }
    }

    static func latest(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let heading = Heading(
            title: "\(siteTitle(context)) - Latest topics", path: "/latest", description: "Latest topics")
        return topicFeed(request: request, context: context, heading: heading) { _ in true }
    }

    static func category(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let id = request.intParameter("id") ?? 0
        let found = context.state.read { data, _ in data.categories.first { $0.id == id } }
        guard let category = found,
            request.pathParameters["slug"].map({ $0 == category.slug || $0 == String(id) }) ?? true
        else { throw DemoAPIError.notFound }
        let heading = Heading(
            title: "\(category.name) - \(siteTitle(context))", path: "/c/\(category.slug)/\(category.id)",
            description: "Topics in the '\(category.name)' category")
        return topicFeed(request: request, context: context, heading: heading) { $0.categoryId == category.id }
    }

    static func tag(request: APIRequest, context: DemoContext) throws -> APIResponse {
        guard let tag = request.pathParameters["tag"], !tag.isEmpty else { throw DemoAPIError.notFound }
        let heading = Heading(
            title: "\(siteTitle(context)) - Tagged topics", path: "/tag/\(tag)", description: "Tagged topics")
        return topicFeed(request: request, context: context, heading: heading) { topic in
            topic.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame }
        }
    }

    /// A list feed: the newest listed topics `include` accepts, each with its first post.
    private static func topicFeed(
        request: APIRequest, context: DemoContext, heading: Heading, include: (DemoTopic) -> Bool
    ) -> APIResponse {
        let base = request.publicBaseURL(context)
        let host = hostname(request, context)
        return context.state.read { data, materializer in
            let topics = data.topics.values.filter {
                isListed(topic: $0, viewer: .anonymous, data: data) && include($0)
            }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
            .prefix(topicsPerFeed)
            var items: [RSSItem] = []
            for topic in topics {
                let posts = data.posts(ofTopic: topic.id, using: materializer).filter {
                    $0.deletedAt == nil && $0.postType != 4
                }
                let link = base + "/t/\(topic.slug)/\(topic.id)"
                let participants = Set(posts.filter { $0.postType == 1 }.map(\.userId)).count
                var body = posts.first.map { $0.hidden ? "" : $0.cooked } ?? ""
                body +=
                    "\n<p><small>\(count(topic.postsCount, "post")) - \(count(participants, "participant"))</small></p>"
                body += "\n<p><a href=\"\(link)\">Read full topic</a></p>"
                items.append(
                    RSSItem(
                        title: topic.title, creator: data.userOrSystem(topic.userId).username,
                        category: topic.categoryId.flatMap { id in data.categories.first { $0.id == id }?.name },
                        descriptionHTML: body, link: link, published: topic.createdAt,
                        guid: "\(host)-topic-\(topic.id)",
                        sourceTitle: topic.title, sourceURL: link + ".rss",
                        topicFlags: (topic.pinned || topic.pinnedGlobally, topic.closed, topic.archived)))
            }
            return rss(
                RSSChannel(
                    title: heading.title, link: base + heading.path, description: heading.description,
                    selfURL: base + heading.path + ".rss", items: items))
        }
    }

    /// `/t/{slug}/{id}.rss`: the latest posts the viewer may see, newest first.
    static func topic(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let topicId = request.intParameter("id") ?? 0
        let base = request.publicBaseURL(context)
        let host = hostname(request, context)
        return try context.state.read { data, materializer in
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            let link = base + "/t/\(topic.slug)/\(topic.id)"
            let posts = data.posts(ofTopic: topic.id, using: materializer).filter {
                ($0.postType == 1 || $0.postType == 2) && $0.deletedAt == nil
                    && canSee(post: $0, viewer: request.viewer, data: data)
            }
            let limit = max(1, request.queryValue("limit").flatMap { Int($0) } ?? postsPerFeed)
            let items = posts.suffix(limit).reversed().map { post in
                RSSItem(
                    title: topic.title, creator: data.userOrSystem(post.userId).username, category: nil,
                    descriptionHTML: post.hidden ? "" : post.cooked, link: link + "/\(post.postNumber)",
                    published: post.createdAt, guid: "\(host)-post-\(topic.id)-\(post.postNumber)",
                    sourceTitle: topic.title, sourceURL: link + ".rss", topicFlags: nil)
            }
            return rss(
                RSSChannel(
                    title: topic.title, link: link, description: topic.excerpt, selfURL: link + ".rss",
                    items: Array(items)))
        }
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
