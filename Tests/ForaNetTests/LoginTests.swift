import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// The User API Key flows end to end against the demo server: the key obtained works, and
/// revoking it makes it stop working.
final class LoginTests: DemoServerCase {
    private func signedIn(_ key: String, clientID: String) -> DiscourseService {
        var site = SiteConfiguration(baseURL: server.baseURL)
        site.userAPIKey = key
        site.userAPIClientID = clientID
        return DiscourseService(site: site, pacing: .off)
    }

    func testPasteFlowDecryptsPKCS1PayloadAndChecksTheNonce() async throws {
        let login = try UserAPIKeyLogin(siteURL: server.baseURL, clientID: "fora-test-client")
        XCTAssertTrue(login.publicKeyPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        XCTAssertTrue(
            login.authorizationURL.contains("scopes=read%2Cwrite%2Cnotifications%2Csession_info%2Cmessage_bus"))
        // The demo server approves for a chosen user instead of a browser login.
        let page = try await HTTPClient().fetch(HTTPRequest(url: login.authorizationURL + "&demo_username=alice")).text
        let start = try XCTUnwrap(page.range(of: "<pre id=\"payload\">"))
        let end = try XCTUnwrap(page.range(of: "</pre>", range: start.upperBound..<page.endIndex))
        let pasted = String(page[start.upperBound..<end.lowerBound])
        XCTAssertTrue(pasted.contains("\n"), "Ruby's Base64 has line breaks that must be stripped")
        let payload = try login.decrypt(payload: pasted)
        XCTAssertEqual(payload.nonce, login.nonce)
        XCTAssertFalse(payload.key.isEmpty)

        let alice = signedIn(payload.key, clientID: "fora-test-client")
        let me = try await alice.currentUser()
        XCTAssertEqual(me.username, "alice")
        try await alice.revokeUserAPIKey()
        let after = await foraError { try await alice.currentUser() }
        XCTAssertNotNil(after, "a revoked key no longer works")

        let other = try UserAPIKeyLogin(siteURL: server.baseURL, clientID: "fora-test-client")
        XCTAssertThrowsError(try other.decrypt(payload: pasted), "another key pair cannot read it")
        XCTAssertThrowsError(try login.decrypt(payload: "not base64 at all!"))
    }

    func testDeviceFlow() async throws {
        let login = try UserAPIKeyLogin(siteURL: server.baseURL, clientID: "fora-device-client")
        let client = HTTPClient()
        let authorization = try await login.startDeviceFlow(client: client)
        XCTAssertFalse(authorization.userCode.isEmpty)
        let first = try await login.poll(authorization, client: client)
        XCTAssertEqual(first, .pending)
        let approve =
            "/user-api-key/device?user_code=\(authorization.userCode.addingPercentEncodingForPath())&demo_username=bob"
        _ = try await client.fetch(HTTPRequest(url: server.baseURL + approve))
        guard case .authorized(let payload) = try await login.poll(authorization, client: client) else {
            return XCTFail("approved in the 'browser'")
        }
        let bob = try await signedIn(payload.key, clientID: "fora-device-client").currentUser()
        XCTAssertEqual(bob.username, "bob")
    }

    func testPKCS1UnpaddingRejectsGarbage() {
        XCTAssertThrowsError(try PKCS1v15Decryptor.unpad([0, 1] + [UInt8](repeating: 0xFF, count: 20) + [0, 65]))
        XCTAssertThrowsError(try PKCS1v15Decryptor.unpad([0, 2, 1, 2, 0, 65] + [UInt8](repeating: 7, count: 10)))
        XCTAssertEqual(
            try PKCS1v15Decryptor.unpad([0, 2] + [UInt8](repeating: 9, count: 8) + [0, 65, 66]), Data([65, 66]))
    }
}
