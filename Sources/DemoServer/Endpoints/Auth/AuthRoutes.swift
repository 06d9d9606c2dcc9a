// Registration of the auth endpoints: the User API Key browser and device flows, key
// revocation, and the current session. Each family lives in its own file.
extension RouteTable {
    mutating func registerAuthEndpoints() {
        add("HEAD", "/user-api-key/new") { request, context in
            try UserApiKeyEndpoint.head(request: request, context: context)
        }
        get("/user-api-key/new") { request, context in try UserApiKeyEndpoint.new(request: request, context: context) }
        post("/user-api-key/revoke") { request, context in
            try UserApiKeyEndpoint.revoke(request: request, context: context)
        }
        post("/user-api-key/revoke.json") { request, context in
            try UserApiKeyEndpoint.revoke(request: request, context: context)
        }
        post("/user-api-key/undo-revoke") { request, context in
            try UserApiKeyEndpoint.undoRevoke(request: request, context: context)
        }
        post("/user-api-key/undo-revoke.json") { request, context in
            try UserApiKeyEndpoint.undoRevoke(request: request, context: context)
        }

        post("/user-api-key/device.json") { request, context in
            try DeviceAuthEndpoint.start(request: request, context: context)
        }
        post("/user-api-key/device/poll.json") { request, context in
            try DeviceAuthEndpoint.poll(request: request, context: context)
        }
        get("/user-api-key/activate") { request, context in
            try DeviceAuthEndpoint.activate(request: request, context: context)
        }
        get("/user-api-key/device") { request, context in
            try DeviceAuthEndpoint.approve(request: request, context: context)
        }

        get("/session/current.json") { request, context in
            try UserApiKeyEndpoint.currentSession(request: request, context: context)
        }
    }
}
