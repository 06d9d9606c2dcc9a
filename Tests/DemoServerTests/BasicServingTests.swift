// The HTTP adapter end to end: binding, 404 JSON, HEAD, JSON via Accept, stopping.
import Foundation
import XCTest

@testable import DemoServer

final class BasicServingTests: DemoServerTestCase {
    func testListensOnLoopbackEphemeralPort() async throws {
        XCTAssertGreaterThan(server.port, 0)
        XCTAssertEqual(server.baseURL, "http://127.0.0.1:\(server.port)")
        let response = try await client.get("/site/basic-info.json")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try response.jsonObject().string("title"), "Fixture Community")
    }

    func testUnknownPathIsDiscourseNotFoundJSON() async throws {
        let response = try await client.get("/no/such/thing.json")
        XCTAssertEqual(response.status, 404)
        XCTAssertTrue(response.headers["content-type"]?.hasPrefix("application/json") ?? false)
        let body = try response.jsonObject()
        XCTAssertEqual(body.string("error_type"), "not_found")
        XCTAssertEqual(body["errors"] as? [String], ["The requested URL or resource could not be found."])
    }

    func testHeadSendsHeadersAndLengthWithoutBody() async throws {
        let get = try await client.get("/site/basic-info.json")
        let head = try await client.send("HEAD", "/site/basic-info.json")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertEqual(head.headers["content-length"], String(get.body.count))
    }

    func testPathWithoutJSONAnswersJSONWhenAccepted() async throws {
        let response = try await client.get("/latest?page=1", headers: ["Accept": "application/json"])
        XCTAssertEqual(response.status, 200)
        XCTAssertNotNil(try response.jsonObject().object("topic_list"))
    }

    func testBusyPortIsAnErrorNotAHang() async throws {
        var configuration = makeConfiguration()
        configuration.port = server.port
        do {
            let second = try await DemoServer.start(configuration)
            await second.stop()
            XCTFail("two servers bound port \(server.port)")
        } catch {
            // expected: the bind error surfaces from start()
        }
    }

    func testStopClosesTheListener() async throws {
        let port = server.port
        await server.stop()
        server = nil
        do {
            _ = try await RawHTTPClient(port: port).get("/latest.json")
            XCTFail("the server still answers after stop()")
        } catch RawHTTPError.connectFailed {
            // expected: nothing listens any more
        }
    }
}
