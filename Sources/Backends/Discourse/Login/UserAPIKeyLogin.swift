import ForaCore
import ForaNet
import ForaRSA
import Foundation

/// PKCS#1 v1.5 decryption of a User API Key payload. libcrypto does the raw private-key
/// operation (c^d mod n, no padding) and the v1.5 type-2 block (`00 02 PS 00 M`, PS ≥ 8
/// non-zero bytes) is removed here, not by OpenSSL: from 3.2 OpenSSL's v1.5 decryption
/// answers a wrong payload with random bytes ("implicit rejection") instead of an error, and
/// fora must tell the user the payload was not made for this login attempt.
struct PKCS1v15Decryptor: Sendable {
    let key: RSAPrivateKey

    init() throws { key = try RSAPrivateKey(bits: 2048) }

    var publicKeyPEM: String {
        get throws { try key.publicKey.pemRepresentation }
    }

    func decrypt(_ ciphertext: Data) throws -> Data {
        let size = (key.bits + 7) / 8
        guard ciphertext.count <= size else { throw ForaError.usage("the payload is longer than the key") }
        let padded = Data(repeating: 0, count: size - ciphertext.count) + ciphertext
        return try Self.unpad([UInt8](key.decrypt(padded, padding: .none)))
    }

    static func unpad(_ block: [UInt8]) throws -> Data {
        guard block.count > 11, block[0] == 0, block[1] == 2,
            let separator = block[2...].firstIndex(of: 0), separator >= 10
        else { throw ForaError.usage("the payload was not encrypted for this login attempt") }
        return Data(block[(separator + 1)...])
    }
}

/// The decrypted answer of a User API Key authorization.
public struct UserAPIKeyPayload: Decodable, Equatable, Sendable {
    public var key: String
    public var nonce: String
    public var api: Int?

    enum CodingKeys: String, CodingKey { case key, nonce, api }
}

/// Discourse's User API Key protocol, as third-party apps use it: an RSA-2048 key pair made
/// for this login, the `/user-api-key/new` URL the user opens, and the pasted (or polled)
/// payload decrypted with PKCS#1 v1.5 (the server's default padding) and checked against our
/// nonce. The device-code flow is used when the site advertises it.
public struct UserAPIKeyLogin: Sendable {
    public static let scopes = ["read", "write", "notifications", "session_info", "message_bus"]

    public let siteURL: String
    public let clientID: String
    public let applicationName: String
    public let nonce: String
    /// The public half as PEM, made once with the key pair.
    public let publicKeyPEM: String
    private let decryptor: PKCS1v15Decryptor

    public init(siteURL: String, clientID: String, applicationName: String = "fora") throws {
        self.siteURL = SiteConfiguration(baseURL: siteURL).baseURL
        self.clientID = clientID
        self.applicationName = applicationName
        nonce = Self.randomHex(bytes: 16)
        decryptor = try PKCS1v15Decryptor()
        publicKeyPEM = try decryptor.publicKeyPEM
    }

    /// The page the user opens to approve; without `auth_redirect` it shows the payload to paste.
    public var authorizationURL: String {
        let items: [(String, String)] = [
            ("application_name", applicationName), ("client_id", clientID),
            ("scopes", Self.scopes.joined(separator: ",")),
            ("public_key", publicKeyPEM), ("nonce", nonce), ("padding", "pkcs1"),
        ]
        return siteURL + "/user-api-key/new?"
            + items.map { "\($0.0)=\($0.1.addingPercentEncodingForPath())" }.joined(separator: "&")
    }

    /// Decrypts what the user pasted (Base64 with Ruby's line breaks, possibly inside the
    /// page's text) and checks the nonce.
    public func decrypt(payload pasted: String) throws -> UserAPIKeyPayload {
        let base64 = String(pasted.filter { !$0.isWhitespace }).removingPercentEncoding ?? ""
        guard let ciphertext = Data(base64Encoded: base64) else {
            throw ForaError.usage("that is not the payload: expected the Base64 text shown after approving")
        }
        let plaintext: Data
        do {
            plaintext = try decryptor.decrypt(ciphertext)
        } catch {
            throw ForaError.usage("the payload could not be decrypted: was it made for this login attempt?")
        }
        guard let payload = try? JSONDecoder().decode(UserAPIKeyPayload.self, from: plaintext) else {
            throw ForaError.malformedResponse(endpoint: "/user-api-key/new", field: "payload")
        }
        guard payload.nonce == nonce else {
            throw ForaError.usage("the payload's nonce does not match this login attempt; start again")
        }
        return payload
    }

    // MARK: Device flow

    /// What the user is shown in the device flow.
    public struct DeviceAuthorization: Decodable, Equatable, Sendable {
        public var deviceCode: String
        public var userCode: String
        public var verificationURI: String
        public var verificationURIWithRequest: String?
        public var expiresIn: Int
        public var interval: Int

        enum CodingKeys: String, CodingKey {
            case deviceCode = "device_code"
            case userCode = "user_code"
            case verificationURI = "verification_uri"
            case verificationURIWithRequest = "verification_uri_with_request"
            case expiresIn = "expires_in"
            case interval
        }
    }

    public enum DevicePoll: Equatable, Sendable {
        case pending
        case authorized(UserAPIKeyPayload)
        case denied
        case expired
    }

    public func startDeviceFlow(client: HTTPClient) async throws -> DeviceAuthorization {
        let body: [String: Any] = [
            "nonce": nonce, "scopes": Self.scopes.joined(separator: ","), "client_id": clientID,
            "application_name": applicationName, "public_key": publicKeyPEM, "padding": "pkcs1",
        ]
        let response = try await client.fetch(jsonRequest("/user-api-key/device.json", body), errors: DiscourseErrors())
        return try ResponseDecoder.decode(
            DeviceAuthorization.self, from: response.body, endpoint: "/user-api-key/device.json")
    }

    public func poll(_ authorization: DeviceAuthorization, client: HTTPClient) async throws -> DevicePoll {
        let response = try await client.fetch(
            jsonRequest("/user-api-key/device/poll.json", ["device_code": authorization.deviceCode]),
            errors: DiscourseErrors())
        struct Answer: Decodable {
            var status: String
            var payload: String?
        }
        let answer = try ResponseDecoder.decode(
            Answer.self, from: response.body, endpoint: "/user-api-key/device/poll.json")
        switch answer.status {
        case "authorized":
            guard let payload = answer.payload else {
                throw ForaError.malformedResponse(endpoint: "/user-api-key/device/poll.json", field: "payload")
            }
            return .authorized(try decrypt(payload: payload))
        case "access_denied": return .denied
        case "expired_token": return .expired
        default: return .pending
        }
    }

    private func jsonRequest(_ path: String, _ body: [String: Any]) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: siteURL + path, headers: ["Content-Type": "application/json"],
            body: Array((try? JSONSerialization.data(withJSONObject: body)) ?? Data()))
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A new random client id (32 hex digits), made once per install and kept.
    public static func newClientID() -> String { "fora-" + randomHex(bytes: 16) }
}

extension DiscourseService {
    /// Revokes the User API Key these credentials use (`POST /user-api-key/revoke`).
    public func revokeUserAPIKey() async throws {
        try await perform("POST", "/user-api-key/revoke")
    }
}
