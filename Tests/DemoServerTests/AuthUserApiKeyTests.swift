// The User API Key flows end to end, as a client runs them: generate an RSA key pair, visit
// the authorisation page, approve as a demo user, decrypt the payload with the private key,
// check the nonce, then use the key — and lose it again by revoking it.
import ForaRSA
import Foundation
import XCTest

@testable import DemoServer

final class AuthUserApiKeyTests: WriteServerTestCase {
    /// One key pair for the whole run (generating one takes a moment).
    static let privateKey: RSAPrivateKey? = try? RSAPrivateKey(bits: 2048)

    static func key() throws -> RSAPrivateKey { try XCTUnwrap(privateKey) }

    func key() throws -> RSAPrivateKey { try Self.key() }

    func newKeyPath(
        nonce: String, padding: String? = nil, redirect: String? = nil, scopes: String = "read,write,session_info"
    )
        throws -> String
    {
        var items = [
            ("application_name", "fora tests"), ("client_id", "fora-test-client"), ("scopes", scopes),
            ("public_key", try key().publicKey.pemRepresentation), ("nonce", nonce),
        ]
        if let padding { items.append(("padding", padding)) }
        if let redirect { items.append(("auth_redirect", redirect)) }
        return "/user-api-key/new?" + items.map { "\($0)=\(Self.queryEncode($1))" }.joined(separator: "&")
    }

    static func queryEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The `href` of the link whose text is `text`, unescaped.
    static func link(labelled text: String, in html: String) -> String? {
        guard let label = html.range(of: ">\(text)</a>") else { return nil }
        let before = html[..<label.lowerBound]
        guard let start = before.range(of: "href=\"", options: .backwards) else { return nil }
        let href = before[start.upperBound...].prefix { $0 != "\"" }
        return unescape(String(href))
    }

    static func element(id: String, in html: String) -> String? {
        guard let open = html.range(of: "id=\"\(id)\">") else { return nil }
        let rest = html[open.upperBound...]
        guard let close = rest.range(of: "</") else { return nil }
        return unescape(String(rest[..<close.lowerBound]))
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Decrypts an OAEP payload and decodes its JSON.
    func openOAEP(_ payload: String) throws -> [String: Any] {
        let cipher = try XCTUnwrap(Data(base64Encoded: payload.filter { !$0.isWhitespace }))
        let plain = try key().decrypt(cipher, padding: .oaepSHA1)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
    }

    func testHeadAnnouncesTheProtocol() async throws {
        let response = try await client.send("HEAD", "/user-api-key/new")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["auth-api-version"], "4")
        XCTAssertEqual(response.headers["auth-api-device-code"], "true")
    }

    func testBrowserFlowEndToEndWithOAEP() async throws {
        let page = try await client.get(try newKeyPath(nonce: "n-0123456789", padding: "oaep"))
        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertTrue(page.text.contains("fora tests"))
        let approve = try XCTUnwrap(Self.link(labelled: "Authorize as alice", in: page.text), page.text)
        let payloadPage = try await client.get(approve)
        XCTAssertEqual(payloadPage.status, 200, payloadPage.text)
        let payload = try XCTUnwrap(Self.element(id: "payload", in: payloadPage.text))
        XCTAssertTrue(payload.contains("\n"), "Ruby's encode64 breaks lines every 60 characters")
        let opened = try openOAEP(payload)
        XCTAssertEqual(opened["nonce"] as? String, "n-0123456789")
        XCTAssertEqual(opened["api"] as? Int, 4)
        XCTAssertEqual(opened["push"] as? Bool, false)
        let userKey = try XCTUnwrap(opened["key"] as? String)

        let headers = ["User-Api-Key": userKey, "User-Api-Client-Id": "fora-test-client"]
        let session = try await getJSON("/session/current.json", headers: headers)
        XCTAssertEqual(session.object("current_user")?.string("username"), "alice")
        let stored = server.state.read { data, _ in data.userApiKeys[userKey] }
        XCTAssertEqual(stored?.scopes, ["read", "write", "session_info"])
        XCTAssertEqual(stored?.clientId, "fora-test-client")

        let revoked = try await client.send("POST", "/user-api-key/revoke", headers: headers)
        XCTAssertEqual(revoked.status, 200, revoked.text)
        XCTAssertEqual(try revoked.jsonObject().string("success"), "OK")
        let afterwards = try await client.get("/session/current.json", headers: headers)
        XCTAssertEqual(afterwards.status, 403)

        let undone = try await sendJSON("POST", "/user-api-key/undo-revoke", ["id": userKey], headers: alice)
        XCTAssertEqual(undone.status, 200)
        let restored = try await client.get("/session/current.json", headers: headers)
        XCTAssertEqual(restored.status, 200)
    }

    /// The default padding is PKCS#1 v1.5; OpenSSL's command line, which pads and unpads by
    /// itself (the server and fora share only libcrypto's raw RSA), checks it.
    func testBrowserFlowDefaultPaddingIsPKCS1() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw XCTSkip("no /usr/bin/openssl to decrypt PKCS#1 v1.5")
        }
        let page = try await client.get(try newKeyPath(nonce: "pkcs1-nonce"))
        let approve = try XCTUnwrap(Self.link(labelled: "Authorize as bob", in: page.text))
        let approved = try await client.get(approve)
        let payload = try XCTUnwrap(Self.element(id: "payload", in: approved.text))
        let cipher = try XCTUnwrap(Data(base64Encoded: payload.filter { !$0.isWhitespace }))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-pkcs1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("key.pem")
        let cipherFile = directory.appendingPathComponent("payload.bin")
        try key().pemRepresentation.write(to: keyFile, atomically: true, encoding: .utf8)
        try cipher.write(to: cipherFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "pkeyutl", "-decrypt", "-inkey", keyFile.path, "-in", cipherFile.path,
            "-pkeyopt", "rsa_padding_mode:pkcs1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let plain = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let opened = try XCTUnwrap(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        XCTAssertEqual(opened["nonce"] as? String, "pkcs1-nonce")
        let userKey = try XCTUnwrap(opened["key"] as? String)
        let session = try await getJSON("/session/current.json", headers: ["User-Api-Key": userKey])
        XCTAssertEqual(session.object("current_user")?.string("username"), "bob")
    }

    func testRedirectLinkCarriesThePayload() async throws {
        let page = try await client.get(
            try newKeyPath(nonce: "redirect-nonce", padding: "oaep", redirect: "discourse://auth_redirect"))
        let approve = try XCTUnwrap(Self.link(labelled: "Authorize as alice", in: page.text))
        let payloadPage = try await client.get(approve)
        let redirect = try XCTUnwrap(Self.link(labelled: "Return to fora tests", in: payloadPage.text))
        XCTAssertTrue(redirect.hasPrefix("discourse://auth_redirect?payload="))
        let encoded = String(redirect.dropFirst("discourse://auth_redirect?payload=".count))
        let payload = try XCTUnwrap(encoded.removingPercentEncoding)
        XCTAssertEqual(try openOAEP(payload)["nonce"] as? String, "redirect-nonce")
    }

    func testInvalidRequestsAreRefused() async throws {
        let missingNonce = try await client.get(
            try newKeyPath(nonce: "").replacingOccurrences(of: "&nonce=", with: "&x="))
        XCTAssertEqual(missingNonce.status, 400)
        let badScope = try await client.get(try newKeyPath(nonce: "n", scopes: "read,everything"))
        XCTAssertEqual(badScope.status, 400)
        let badKey = try await client.get(
            "/user-api-key/new?application_name=a&client_id=b&scopes=read&nonce=n&public_key=nonsense")
        XCTAssertEqual(badKey.status, 400)
        let foreignRedirect = try await client.get(
            try newKeyPath(nonce: "n", redirect: "https://example.com/steal"))
        XCTAssertEqual(foreignRedirect.status, 403)
    }

    func testKeyScopesLimitWhatTheKeyMayDo() async throws {
        let page = try await client.get(try newKeyPath(nonce: "scoped", padding: "oaep", scopes: "read"))
        let approve = try XCTUnwrap(Self.link(labelled: "Authorize as Carol", in: page.text))
        let approved = try await client.get(approve)
        let payload = try XCTUnwrap(Self.element(id: "payload", in: approved.text))
        let userKey = try XCTUnwrap(try openOAEP(payload)["key"] as? String)
        let read = try await client.get("/latest.json", headers: ["User-Api-Key": userKey])
        XCTAssertEqual(read.status, 200)
        let write = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "A read-only key must not be able to post this.",
            ], headers: ["User-Api-Key": userKey])
        XCTAssertEqual(write.status, 403)
    }
}
