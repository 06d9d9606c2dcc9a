// Registration of the feed endpoints: RSS feeds and the message-bus poll of live updates.
extension RouteTable {
    mutating func registerFeedEndpoints() {
        get("/latest.rss") { request, context in try FeedEndpoint.latest(request: request, context: context) }
        get("/t/{id:int}.rss") { request, context in try FeedEndpoint.topic(request: request, context: context) }
        get("/t/{slug}/{id:int}.rss") { request, context in try FeedEndpoint.topic(request: request, context: context) }
        get("/c/{id:int}.rss") { request, context in try FeedEndpoint.category(request: request, context: context) }
        get("/c/{slug}/{id:int}.rss") { request, context in
            try FeedEndpoint.category(request: request, context: context)
        }
        get("/tag/{tag}.rss") { request, context in try FeedEndpoint.tag(request: request, context: context) }
        post("/message-bus/{client_id}/poll") { request, context in
            try MessageBusEndpoint.poll(request: request, context: context)
        }
    }
}
