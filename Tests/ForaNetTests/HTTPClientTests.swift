import ForaCore
import XCTest

@testable import ForaNet

final class HTTPClientTests: XCTestCase {
    func testDeadPortIsUnreachable() async {
        let client = HTTPClient()
        do {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:9/latest.json"))
            XCTFail("nothing listens on port 9")
        } catch let error as ForaError {
            XCTAssertEqual(error, .hostUnreachable(host: "127.0.0.1:9"))
            XCTAssertEqual(error.exitCode, 3)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testDiscourseErrorBodiesMapToErrors() {
        let forbidden = HTTPResponse(
            status: 403, headers: [:],
            body: Array(
                #"{"errors":["You are not permitted to view the requested resource."],"error_type":"invalid_access"}"#
                    .utf8))
        XCTAssertEqual(
            HTTPStatusMapping.error(for: forbidden), .forbidden("You are not permitted to view the requested resource.")
        )
        XCTAssertEqual(HTTPStatusMapping.error(for: HTTPResponse(status: 404, headers: [:], body: [])), .notFound(nil))
        let limited = HTTPResponse(status: 429, headers: ["retry-after": "12"], body: [])
        XCTAssertEqual(HTTPStatusMapping.error(for: limited), .rateLimited(waitSeconds: 12))
        XCTAssertEqual(
            HTTPStatusMapping.error(for: HTTPResponse(status: 503, headers: [:], body: [])), .serverError(status: 503))
        XCTAssertNil(HTTPStatusMapping.error(for: HTTPResponse(status: 200, headers: [:], body: [])))
    }
}
