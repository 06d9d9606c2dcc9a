// The base of the demo server's HTTP tests: a server on an ephemeral 127.0.0.1 port serving
// the fixture community, a raw HTTP client, and the credentials of each role.
import DemoCommunity
import Foundation
import XCTest

@testable import DemoServer

class DemoServerTestCase: XCTestCase {
    var server: DemoServer!
    var client: RawHTTPClient { RawHTTPClient(port: server.port) }

    /// Override to start with faults or another configuration.
    func makeConfiguration() -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration()
        configuration.community = Fixture.makeState()
        return configuration
    }

    override func setUp() async throws {
        try await super.setUp()
        server = try await DemoServer.start(makeConfiguration())
    }

    override func tearDown() async throws {
        await server?.stop()
        server = nil
        try await super.tearDown()
    }

    /// All-users API key headers acting as `username`.
    func apiKeyHeaders(_ username: String) -> [String: String] {
        ["Api-Key": DemoServerConfiguration.defaultAPIKey, "Api-Username": username]
    }

    var admin: [String: String] { apiKeyHeaders("admin") }
    var moderator: [String: String] { apiKeyHeaders("mod") }
    var alice: [String: String] { apiKeyHeaders("alice") }
    var bob: [String: String] { apiKeyHeaders("bob") }

    /// GETs `path` and decodes a JSON object, failing the test on any other status.
    func getJSON(
        _ path: String, headers: [String: String] = [:], status: Int = 200,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> [String: Any] {
        let response = try await client.get(path, headers: headers)
        XCTAssertEqual(response.status, status, "\(path): \(response.text.prefix(300))", file: file, line: line)
        return try response.jsonObject()
    }
}

/// Typed digging into decoded JSON without force casts.
extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func array(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func int(_ key: String) -> Int? { self[key] as? Int }
    func string(_ key: String) -> String? { self[key] as? String }
    func bool(_ key: String) -> Bool? { self[key] as? Bool }
}
