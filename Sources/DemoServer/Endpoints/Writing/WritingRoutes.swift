// Registration of the writing endpoints: posts, post actions, bookmarks, solutions, read
// tracking, drafts, notifications and topic edits. Each family lives in its own file.
extension RouteTable {
    mutating func registerWriteEndpoints() {
        post("/posts.json") { request, context in try PostCreation.create(request: request, context: context) }
        put("/posts/{id:int}.json") { request, context in try PostEditing.edit(request: request, context: context) }
        delete("/posts/{id:int}.json") { request, context in try PostEditing.delete(request: request, context: context)
        }
        put("/posts/{id:int}/recover.json") { request, context in
            try PostEditing.recover(request: request, context: context)
        }
        put("/posts/{id:int}/recover") { request, context in try PostEditing.recover(request: request, context: context)
        }
        put("/posts/{id:int}/unhide.json") { request, context in
            try PostEditing.unhide(request: request, context: context)
        }
        put("/posts/{id:int}/unhide") { request, context in try PostEditing.unhide(request: request, context: context) }
        put("/posts/{id:int}/wiki") { request, context in try PostEditing.wiki(request: request, context: context) }
        put("/posts/{id:int}/wiki.json") { request, context in try PostEditing.wiki(request: request, context: context)
        }

        post("/post_actions.json") { request, context in try PostActionEndpoint.act(request: request, context: context)
        }
        delete("/post_actions/{id:int}.json") { request, context in
            try PostActionEndpoint.undo(request: request, context: context)
        }

        post("/bookmarks.json") { request, context in try BookmarkEndpoint.create(request: request, context: context) }
        delete("/bookmarks/{id:int}.json") { request, context in
            try BookmarkEndpoint.delete(request: request, context: context)
        }
        put("/t/{id:int}/bookmark.json") { request, context in
            try BookmarkEndpoint.bookmarkTopic(request: request, context: context)
        }
        put("/t/{id:int}/remove_bookmarks.json") { request, context in
            try BookmarkEndpoint.removeTopicBookmarks(request: request, context: context)
        }

        post("/solution/accept.json") { request, context in
            try SolutionEndpoint.accept(request: request, context: context)
        }
        post("/solution/unaccept.json") { request, context in
            try SolutionEndpoint.unaccept(request: request, context: context)
        }

        post("/topics/timings") { request, context in
            try ReadTrackingEndpoint.timings(request: request, context: context)
        }
        post("/topics/timings.json") { request, context in
            try ReadTrackingEndpoint.timings(request: request, context: context)
        }
        post("/t/{id:int}/timings") { request, context in
            try ReadTrackingEndpoint.timings(request: request, context: context)
        }
        put("/notifications/mark-read.json") { request, context in
            try ReadTrackingEndpoint.markRead(request: request, context: context)
        }

        get("/drafts.json") { request, context in try DraftEndpoint.list(request: request, context: context) }
        post("/drafts.json") { request, context in try DraftEndpoint.save(request: request, context: context) }
        get("/drafts/{key}.json") { request, context in try DraftEndpoint.show(request: request, context: context) }
        delete("/drafts/{key}.json") { request, context in try DraftEndpoint.delete(request: request, context: context)
        }

        put("/t/{id:int}/status.json") { request, context in try TopicEditing.status(request: request, context: context)
        }
        put("/t/{id:int}/recover.json") { request, context in
            try TopicEditing.recover(request: request, context: context)
        }
        put("/t/{id:int}/recover") { request, context in try TopicEditing.recover(request: request, context: context) }
        put("/t/{id:int}.json") { request, context in try TopicEditing.update(request: request, context: context) }
        put("/t/{slug}/{id:int}.json") { request, context in try TopicEditing.update(request: request, context: context)
        }
        delete("/t/{id:int}.json") { request, context in try TopicEditing.delete(request: request, context: context) }
    }
}
