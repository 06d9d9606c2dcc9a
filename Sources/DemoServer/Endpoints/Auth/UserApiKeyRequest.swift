// The parameters of a User API Key request — the browser flow's `GET /user-api-key/new`
// query or the device flow's JSON body — validated as UserApiKeysController and
// DeviceAuth::RequestValidator validate them.
import DemoCommunity
import Foundation

struct UserApiKeyRequest: Sendable {
    var applicationName: String
    var clientId: String
    var scopes: [String]
    var nonce: String
    var publicKey: String
    var padding: PayloadPadding
    var authRedirect: String?
    var pushURL: String?

    /// What the demo accepts: the site setting's scopes plus `one_time_password` (the browser
    /// flow's hand-off scope) and the newer narrow ones.
    static let allowedScopes =
        DemoSiteSettings.allowUserAPIKeyScopes + ["one_time_password", "bookmarks_calendar", "user_status"]

    /// A validation failure: the status and message of the answer.
    struct Problem: Error {
        var status: Int
        var message: String

        static func missing(_ name: String) -> Problem {
            Problem(status: 400, message: "param is missing or the value is empty: \(name)")
        }
        static func invalid(_ name: String) -> Problem {
            Problem(status: 400, message: "You supplied invalid parameters to the request: \(name)")
        }
        static let forbidden = Problem(status: 403, message: "You are not permitted to view the requested resource.")

        var apiError: DemoAPIError {
            status == 403
                ? .forbidden(message) : DemoAPIError(status: status, errors: [message], errorType: "invalid_parameters")
        }
    }

    /// Reads and validates; `value` looks a parameter up (query or body). The device flow
    /// is stricter: 2048–8192-bit keys, no `one_time_password`, at most 20 scopes.
    init(value: (String) -> String?, deviceFlow: Bool) throws(Problem) {
        func required(_ name: String) throws(Problem) -> String {
            guard let text = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw .missing(name)
            }
            return text
        }
        clientId = try required("client_id")
        applicationName = try required("application_name")
        nonce = try required("nonce")
        publicKey = try required("public_key")
        scopes = try required("scopes").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !scopes.isEmpty, scopes.allSatisfy(Self.allowedScopes.contains) else { throw .invalid("scopes") }
        if deviceFlow {
            guard scopes.count <= 20, !scopes.contains("one_time_password") else { throw .invalid("scopes") }
            guard nonce.utf8.count <= 256 else { throw .invalid("nonce") }
            guard publicKey.count <= 4096 else { throw .invalid("public_key") }
        }
        guard let padding = PayloadPadding(rawValue: value("padding") ?? "pkcs1") else { throw .invalid("padding") }
        self.padding = padding
        guard (try? PayloadCipher(pem: publicKey, minimumBits: deviceFlow ? 2048 : 1024)) != nil else {
            throw .invalid("public_key")
        }
        authRedirect = value("auth_redirect").flatMap { $0.isEmpty ? nil : $0 }
        if let authRedirect, !Self.isAllowedRedirect(authRedirect) { throw .forbidden }
        pushURL = value("push_url").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `allowed_user_api_auth_redirects`, plus loopback addresses (an admin of a real site
    /// would have to allow them; the demo only ever runs on this machine).
    static func isAllowedRedirect(_ redirect: String) -> Bool {
        if DemoSiteSettings.allowedUserAPIAuthRedirects.contains(where: { redirect.hasPrefix($0) }) { return true }
        guard let url = URL(string: redirect), url.scheme == "http" || url.scheme == "https" else { return false }
        return url.host == "127.0.0.1" || url.host == "localhost" || url.host == "::1"
    }

    /// The plaintext Discourse encrypts: `{"key", "nonce", "push", "api"}`.
    func payload(forKey key: String) -> Data {
        JSONValue.object(["key": .string(key), "nonce": .string(nonce), "push": .bool(pushURL != nil), "api": 4])
            .encoded()
    }

    /// The encrypted, Ruby-style Base64 payload for `key`.
    func encryptedPayload(forKey key: String) throws -> String {
        do {
            let cipher = try PayloadCipher(pem: publicKey)
            return PayloadCipher.rubyBase64(try cipher.encrypt(payload(forKey: key), padding: padding))
        } catch {
            throw DemoAPIError(status: 422, errors: ["The payload could not be encrypted with this public key."])
        }
    }
}

extension CommunityData {
    /// Issues a User API Key for `user`, replacing the keys the same client had for them,
    /// as Discourse keeps one key per user and client.
    mutating func issueUserApiKey(for user: DemoUser, request: UserApiKeyRequest, at date: Date) throws
        -> DemoUserApiKey
    {
        for (key, record) in userApiKeys where record.userId == user.id && record.clientId == request.clientId {
            if record.revokedAt == nil { userApiKeys[key]?.revokedAt = date }
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let record = try ModelFactory.userApiKey(
            key: key, userId: user.id, clientId: request.clientId, applicationName: request.applicationName,
            scopes: request.scopes, at: date)
        userApiKeys[key] = record
        return record
    }
}
