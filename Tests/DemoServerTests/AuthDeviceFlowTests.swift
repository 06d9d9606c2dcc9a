// The device-code flow as a terminal client runs it: open a request with a JSON body, poll
// while the user approves on the activation page, receive the encrypted payload once, and
// the other endings (denied, expired, polling too fast).
import ForaRSA
import Foundation
import XCTest

@testable import DemoServer

final class AuthDeviceFlowTests: WriteServerTestCase {
    func startRequest(nonce: String, contentType: String = "application/json") async throws -> RawHTTPResponse {
        let key = try AuthUserApiKeyTests.key()
        let body: [String: Any] = [
            "nonce": nonce, "scopes": "read,write", "client_id": "fora-device",
            "application_name": "fora on a terminal",
            "public_key": try key.publicKey.pemRepresentation, "padding": "oaep",
        ]
        return try await client.send(
            "POST", "/user-api-key/device.json", headers: ["Content-Type": contentType],
            body: JSONSerialization.data(withJSONObject: body))
    }

    func poll(_ deviceCode: String) async throws -> [String: Any] {
        try await sendJSON("POST", "/user-api-key/device/poll.json", ["device_code": deviceCode], headers: [:])
            .jsonObject()
    }

    override func setUp() async throws {
        try await super.setUp()
        DeviceAuthorizations.of(server.state).interval = 0
    }

    func testApprovedDeviceReceivesThePayloadOnce() async throws {
        let started = try await startRequest(nonce: "device-nonce")
        XCTAssertEqual(started.status, 200, started.text)
        let codes = try started.jsonObject()
        let deviceCode = try XCTUnwrap(codes.string("device_code"))
        let userCode = try XCTUnwrap(codes.string("user_code"))
        XCTAssertEqual(deviceCode.count, 64)
        XCTAssertEqual(codes.int("expires_in"), 600)
        XCTAssertEqual(codes.string("verification_uri"), "http://127.0.0.1:\(server.port)/user-api-key/activate")
        let withRequest = try XCTUnwrap(codes.string("verification_uri_with_request"))
        let beforeApproval = try await poll(deviceCode).string("status")
        XCTAssertEqual(beforeApproval, "authorization_pending")

        // The user opens the link, sees the code, and approves as alice.
        let link = try XCTUnwrap(URLComponents(string: withRequest))
        let path = link.path + "?" + (link.percentEncodedQuery ?? "")
        let page = try await client.get(path)
        XCTAssertEqual(AuthUserApiKeyTests.element(id: "user-code", in: page.text), userCode, page.text)
        let approve = try XCTUnwrap(AuthUserApiKeyTests.link(labelled: "Authorize as alice", in: page.text), page.text)
        let approved = try await client.get(approve)
        XCTAssertEqual(approved.status, 200, approved.text)

        let answer = try await poll(deviceCode)
        XCTAssertEqual(answer.string("status"), "authorized")
        let payload = try XCTUnwrap(answer.string("payload"))
        let cipher = try XCTUnwrap(Data(base64Encoded: payload.filter { !$0.isWhitespace }))
        let plain = try AuthUserApiKeyTests.key().decrypt(cipher, padding: .oaepSHA1)
        let opened = try XCTUnwrap(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        XCTAssertEqual(opened["nonce"] as? String, "device-nonce")
        let key = try XCTUnwrap(opened["key"] as? String)
        let session = try await getJSON("/session/current.json", headers: ["User-Api-Key": key])
        XCTAssertEqual(session.object("current_user")?.string("username"), "alice")
        let secondPoll = try await poll(deviceCode).string("status")
        XCTAssertEqual(secondPoll, "expired_token")
    }

    func testDeniedRequest() async throws {
        let codes = try await startRequest(nonce: "denied").jsonObject()
        let deviceCode = try XCTUnwrap(codes.string("device_code"))
        let userCode = try XCTUnwrap(codes.string("user_code"))
        let denied = try await client.get(
            "/user-api-key/device?user_code=\(userCode)&demo_username=alice&demo_action=deny")
        XCTAssertEqual(denied.status, 200)
        let afterDenial = try await poll(deviceCode).string("status")
        XCTAssertEqual(afterDenial, "access_denied")
    }

    func testExpiryAndSlowDown() async throws {
        let store = DeviceAuthorizations.of(server.state)
        store.interval = 5
        let codes = try await startRequest(nonce: "fast").jsonObject()
        let deviceCode = try XCTUnwrap(codes.string("device_code"))
        XCTAssertEqual(codes.int("interval"), 5)
        let firstPoll = try await poll(deviceCode).string("status")
        XCTAssertEqual(firstPoll, "authorization_pending")
        let hastyPoll = try await poll(deviceCode).string("status")
        XCTAssertEqual(hastyPoll, "slow_down")

        store.lifetime = 0.2
        let shortRequest = try await startRequest(nonce: "short").jsonObject()
        let shortLived = try XCTUnwrap(shortRequest.string("device_code"))
        try await Task.sleep(for: .milliseconds(300))
        let lateAnswer = try await poll(shortLived).string("status")
        XCTAssertEqual(lateAnswer, "expired_token")
        let unknownAnswer = try await poll("0123456789abcdef").string("status")
        XCTAssertEqual(unknownAnswer, "expired_token")
    }

    func testOnlyJSONBodiesAndStrictKeys() async throws {
        let form = try await startRequest(nonce: "form", contentType: "application/x-www-form-urlencoded")
        XCTAssertEqual(form.status, 403)
        let oneTime = try await sendJSON(
            "POST", "/user-api-key/device.json",
            [
                "nonce": "n", "scopes": "read,one_time_password", "client_id": "c", "application_name": "a",
                "public_key": try AuthUserApiKeyTests.key().publicKey.pemRepresentation,
            ], headers: [:])
        XCTAssertEqual(oneTime.status, 400)
        let activation = try await client.get("/user-api-key/activate")
        XCTAssertEqual(activation.status, 200)
        XCTAssertTrue(activation.text.contains("name=\"user_code\""))
    }
}
