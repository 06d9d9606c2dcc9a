// The few HTML pages of the authorisation flows. The demo has no browser login, so where
// Discourse would ask the visitor to sign in and confirm, these pages list the community's
// users as "Authorize as <username>" links; following one approves the request as that
// user. Everything interpolated is HTML-escaped.
import DemoCommunity
import Foundation

enum AuthPages {
    static func page(_ title: String, _ body: String, status: Int = 200) -> APIResponse {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body>
            <h1>\(escape(title))</h1>
            \(body)
            </body>
            </html>

            """
        var response = APIResponse.text(html, status: status, contentType: "text/html; charset=utf-8")
        response.headers += [("Auth-Api-Version", "4"), ("Auth-Api-Device-Code", "true")]
        return response
    }

    static func escape(_ text: String) -> String { TextFormatting.htmlEscaped(text) }

    static func error(_ problem: UserApiKeyRequest.Problem) -> APIResponse {
        page("Authorization failed", "<p class=\"error\">\(escape(problem.message))</p>", status: problem.status)
    }

    /// One "Authorize as <username>" link per user, each `baseLink` plus `demo_username`.
    static func userChoice(_ users: [DemoUser], baseLink: String) -> String {
        let separator = baseLink.contains("?") ? "&" : "?"
        let items = users.map { user in
            let link = baseLink + separator + "demo_username=" + formEncode(user.username)
            let role = user.isStaff ? " (\(user.role.rawValue))" : ""
            return
                "<li><a class=\"authorize\" href=\"\(escape(link))\">Authorize as \(escape(user.username))</a>\(role)</li>"
        }
        return "<ul class=\"users\">\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    static func requestSummary(_ request: UserApiKeyRequest) -> String {
        let scopes = request.scopes.map { "<li>\(escape($0))</li>" }.joined()
        return
            "<p><strong>\(escape(request.applicationName))</strong> (client <code>\(escape(request.clientId))</code>) "
            + "asks for access to your account:</p>\n<ul class=\"scopes\">\(scopes)</ul>"
    }

    /// The paste-the-payload page, with the redirect link when the client gave one.
    static func payload(_ payload: String, request: UserApiKeyRequest, user: DemoUser) -> APIResponse {
        var body =
            "<p>\(escape(request.applicationName)) is now authorized to act as <strong>\(escape(user.username))</strong>.</p>\n"
        body +=
            "<p>Copy the text below and paste it into \(escape(request.applicationName)) to finish signing in.</p>\n"
        body += "<pre id=\"payload\">\(escape(payload))</pre>\n"
        body += "<textarea id=\"payload-text\" readonly rows=\"8\" cols=\"64\">\(escape(payload))</textarea>\n"
        if let redirect = request.authRedirect {
            let separator = redirect.contains("?") ? "&" : "?"
            let link = redirect + separator + "payload=" + formEncode(payload)
            body +=
                "<p><a id=\"redirect\" href=\"\(escape(link))\">Return to \(escape(request.applicationName))</a></p>\n"
        }
        return page("Paste this into \(request.applicationName)", body)
    }

    /// Percent-encodes for a query value (CGI.escape's set: only unreserved characters stay).
    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The URL of this request with extra query items, as a link back to the same page.
    static func link(to request: APIRequest, adding extra: [(String, String)] = []) -> String {
        let items =
            request.query.filter { item in !extra.contains { $0.0 == item.name } }
            + extra.map { (name: $0.0, value: $0.1) }
        guard !items.isEmpty else { return request.path }
        return request.path + "?"
            + items.map { formEncode($0.name) + "=" + formEncode($0.value) }.joined(separator: "&")
    }
}
