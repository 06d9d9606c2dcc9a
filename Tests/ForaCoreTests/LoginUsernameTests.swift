import Foundation
import XCTest

@testable import ForaCore

/// A `fora login` account is known by the username recorded with its key: its store, its
/// duplicate checks and its private messages use it.
final class LoginUsernameTests: XCTestCase {
    func testTheRecordedUsernameIsTheAccountsUsername() throws {
        let credentials = [
            "https://forum.example": CredentialStore.Entry(userAPIKey: "u-key", clientID: "c1", username: "alice")
        ]
        let resolver = SiteResolver(
            config: ConfigFile(), credentials: credentials, environment: ["FORA_SITE": "https://forum.example"])
        let site = try XCTUnwrap(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil))
        XCTAssertEqual(site.userAPIKey, "u-key")
        XCTAssertNil(site.apiUsername, "no Api-Username header goes with a User API Key")
        XCTAssertEqual(site.accountUsername, "alice")
    }

    func testAnAPIKeysUsernameWinsAndALoginWithoutOneHasNone() throws {
        let credentials = ["https://forum.example": CredentialStore.Entry(userAPIKey: "u-key", clientID: "c1")]
        let resolver = SiteResolver(
            config: ConfigFile(), credentials: credentials, environment: ["FORA_SITE": "https://forum.example"])
        XCTAssertNil(try XCTUnwrap(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil)).accountUsername)
        let keyed = try XCTUnwrap(resolver.resolve(site: nil, apiKey: "k", apiUsername: "bob"))
        XCTAssertEqual(keyed.accountUsername, "bob")
    }
}
