// The device-code flow (api-brief §1b): `POST /user-api-key/device.json` (JSON only) opens a
// request and answers the codes; the user visits `/user-api-key/activate` and approves
// (here: picks a demo user, `GET /user-api-key/device?user_code=…&demo_username=…`); the
// client polls `POST /user-api-key/device/poll.json` until it gets the encrypted payload.
import DemoCommunity
import Foundation

enum DeviceAuthEndpoint {
    static func start(request: APIRequest, context: DemoContext) throws -> APIResponse {
        // DeviceAuth refuses anything but JSON bodies as InvalidAccess.
        guard request.headers["content-type"]?.contains("application/json") == true,
            let body = JSONValue.parse(request.body), case .object(let fields) = body
        else { throw DemoAPIError.forbidden() }
        let asked: UserApiKeyRequest
        do {
            asked = try UserApiKeyRequest(
                value: { name in
                    switch fields[name] {
                    case .array(let items): items.compactMap(\.stringValue).joined(separator: ",")
                    case let value?: value.stringValue
                    case nil: nil
                    }
                }, deviceFlow: true)
        } catch {
            throw error.apiError
        }
        let store = DeviceAuthorizations.of(context.state)
        let entry = store.begin(asked)
        let verification = request.publicBaseURL(context) + "/user-api-key/activate"
        return .json([
            "device_code": .string(entry.deviceCode), "user_code": .string(entry.userCode),
            "verification_uri": .string(verification),
            "verification_uri_with_request": .string(verification + "?request=" + entry.requestToken),
            "expires_in": .int(Int(store.lifetime)), "interval": .int(store.interval),
        ])
    }

    static func poll(request: APIRequest, context: DemoContext) throws -> APIResponse {
        guard let code = request.param("device_code"), !code.isEmpty else {
            throw DemoAPIError.badParameter("device_code")
        }
        return .json(DeviceAuthorizations.of(context.state).poll(deviceCode: code))
    }

    /// The page behind `verification_uri`: with a known request token it shows the request
    /// and the demo users; otherwise a form asking for the code shown on the device.
    static func activate(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let store = DeviceAuthorizations.of(context.state)
        if let token = request.queryValue("request"), let entry = store.find(requestToken: token) {
            return choicePage(for: entry, context: context)
        }
        let body = """
            <p>Enter the code shown on your device.</p>
            <form method="get" action="/user-api-key/device">
            <input name="user_code" placeholder="XXXX-XXXX" autocomplete="off">
            <button type="submit">Continue</button>
            </form>
            """
        return AuthPages.page("Activate a device", body)
    }

    /// `GET /user-api-key/device?user_code=…[&demo_username=…][&demo_action=deny]`.
    static func approve(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let store = DeviceAuthorizations.of(context.state)
        guard let code = request.queryValue("user_code"), let entry = store.find(userCode: code) else {
            return AuthPages.page("Activation failed", "<p>This code is unknown or has expired.</p>", status: 404)
        }
        guard let username = request.queryValue("demo_username"), !username.isEmpty else {
            return choicePage(for: entry, context: context)
        }
        if request.queryValue("demo_action") == "deny" {
            store.decide(deviceCode: entry.deviceCode, .denied)
            return AuthPages.page(
                "Request denied", "<p>\(AuthPages.escape(entry.request.applicationName)) was not authorized.</p>")
        }
        return try context.state.write { data, _ in
            guard let user = data.user(named: username), UserApiKeyEndpoint.isSelectable(user) else {
                return AuthPages.page("Activation failed", "<p>No such user.</p>", status: 404)
            }
            let record = try data.issueUserApiKey(for: user, request: entry.request, at: Date())
            let payload = try entry.request.encryptedPayload(forKey: record.key)
            store.decide(
                deviceCode: entry.deviceCode,
                .authorized(payload: payload, until: Date().addingTimeInterval(DeviceAuthorizations.payloadLifetime)))
            return AuthPages.page(
                "Device authorized",
                "<p>\(AuthPages.escape(entry.request.applicationName)) may now act as <strong>\(AuthPages.escape(user.username))</strong>. You can return to your device.</p>"
            )
        }
    }

    private static func choicePage(for entry: DeviceAuthorizations.Pending, context: DemoContext) -> APIResponse {
        let users = context.state.read { data, _ in UserApiKeyEndpoint.selectableUsers(data) }
        let link = "/user-api-key/device?user_code=" + AuthPages.formEncode(entry.userCode)
        let body =
            AuthPages.requestSummary(entry.request)
            + "\n<p>Confirm that your device shows the code <code id=\"user-code\">\(AuthPages.escape(entry.userCode))</code>, "
            + "then choose the account to authorize (this demo server has no login):</p>\n"
            + AuthPages.userChoice(users, baseLink: link)
            + "\n<p><a class=\"deny\" href=\"\(AuthPages.escape(link + "&demo_action=deny&demo_username=-"))\">Deny</a></p>"
        return AuthPages.page("Authorize \(entry.request.applicationName)", body)
    }
}
