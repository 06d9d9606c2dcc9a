// Registration of the moderation endpoints: the review queue and its actions, topic claims,
// and the staff user tools. Each family lives in its own file.
extension RouteTable {
    mutating func registerModerationEndpoints() {
        get("/review.json") { request, context in try ReviewEndpoint.list(request: request, context: context) }
        get("/review/count.json") { request, context in try ReviewEndpoint.count(request: request, context: context) }
        get("/review/{id:int}.json") { request, context in try ReviewEndpoint.show(request: request, context: context) }
        get("/review/{id:int}/explain.json") { request, context in
            try ReviewEndpoint.explain(request: request, context: context)
        }
        put("/review/{id:int}/perform/{action}.json") { request, context in
            try ReviewEndpoint.perform(request: request, context: context)
        }

        post("/reviewable_claimed_topics.json") { request, context in
            try ClaimEndpoint.claim(request: request, context: context)
        }
        delete("/reviewable_claimed_topics/{topic_id:int}.json") { request, context in
            try ClaimEndpoint.release(request: request, context: context)
        }

        get("/admin/reports/{type}.json") { request, context in
            try AdminReportEndpoint.show(request: request, context: context)
        }
        get("/admin/users/{id:int}.json") { request, context in
            try AdminUserEndpoint.show(request: request, context: context)
        }
        for (action, handler) in [
            ("silence", AdminUserEndpoint.silence), ("unsilence", AdminUserEndpoint.unsilence),
            ("suspend", AdminUserEndpoint.suspend), ("unsuspend", AdminUserEndpoint.unsuspend),
        ] as [(String, @Sendable (APIRequest, DemoContext) throws -> APIResponse)] {
            put("/admin/users/{id:int}/\(action).json", handler)
            put("/admin/users/{id:int}/\(action)", handler)
        }
    }
}
