import ForaCore
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testConfigFileNamesSites() throws {
        let config = try ConfigFile.parse(
            """
            default_site = "demo"
            theme = "dark"
            [sites.demo]
            url = "http://127.0.0.1:8766/"
            api_username = "alice"
            api_key = "k"
            [sites.meta]
            url = "https://meta.discourse.org"
            ca_file = "/etc/ca.pem"
            """)
        XCTAssertEqual(config.defaultSite, "demo")
        XCTAssertEqual(config.sites["demo"]?.apiUsername, "alice")
        XCTAssertEqual(config.sites["meta"]?.caFile, "/etc/ca.pem")
        XCTAssertThrowsError(try ConfigFile.parse("[sites.x\nurl = 1")) { error in
            XCTAssertEqual((error as? ForaError)?.exitCode, 2)
        }
    }

    func testCacheLimitsAreReadAndChecked() throws {
        XCTAssertEqual(try ConfigFile.parse("default_site = \"x\"").cache, ConfigFile.CacheLimits())
        let limited = try ConfigFile.parse("[cache]\nmax_topics = 200\nmax_size_mb = 64\n")
        XCTAssertEqual(limited.cache, ConfigFile.CacheLimits(maxTopics: 200, maxSizeMB: 64))
        XCTAssertThrowsError(try ConfigFile.parse("[cache]\nmax_topics = 0\n")) { error in
            XCTAssertEqual((error as? ForaError)?.exitCode, 2)
            XCTAssertTrue((error as? ForaError)?.message.contains("max_topics") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try ConfigFile.parse("[cache]\nmax_size_mb = \"big\"\n"))
    }

    func testResolutionOrderFlagsThenEnvironmentThenConfig() throws {
        let config = ConfigFile(
            defaultSite: "demo",
            sites: ["demo": .init(url: "http://127.0.0.1:8766/", apiKey: "cfg", apiUsername: "bob")])
        let credentials = ["https://forum.example": CredentialStore.Entry(userAPIKey: "u-key", clientID: "c1")]
        var resolver = SiteResolver(config: config, credentials: credentials, environment: [:])
        let fromDefault = try XCTUnwrap(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil))
        XCTAssertEqual(fromDefault.baseURL, "http://127.0.0.1:8766")
        XCTAssertEqual(fromDefault.apiKey, "cfg")
        XCTAssertEqual(fromDefault.apiUsername, "bob")
        let flags = try XCTUnwrap(resolver.resolve(site: "demo", apiKey: "flag", apiUsername: "carol"))
        XCTAssertEqual(flags.apiKey, "flag")
        XCTAssertEqual(flags.apiUsername, "carol")

        resolver.environment = ["FORA_SITE": "https://forum.example/", "FORA_API_USERNAME": "dave"]
        let fromEnvironment = try XCTUnwrap(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil))
        XCTAssertEqual(fromEnvironment.baseURL, "https://forum.example")
        XCTAssertNil(fromEnvironment.apiKey)
        XCTAssertEqual(fromEnvironment.userAPIKey, "u-key", "a stored User API Key is used when no API key is given")
        XCTAssertEqual(fromEnvironment.userAPIClientID, "c1")

        resolver = SiteResolver(config: ConfigFile(), credentials: [:], environment: [:])
        XCTAssertNil(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil))
    }

    func testCredentialsAreWrittenOwnerOnly() throws {
        let path = directory + "/sub/credentials.toml"
        let store = CredentialStore(path: path)
        try store.save(.init(userAPIKey: "secret", clientID: "c", username: "alice"), for: "http://127.0.0.1:9/")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try store.entry(for: "http://127.0.0.1:9")?.userAPIKey, "secret")
        try store.remove(siteURL: "http://127.0.0.1:9")
        XCTAssertNil(try store.entry(for: "http://127.0.0.1:9"))
    }

    func testClientIDIsStablePerInstall() throws {
        let paths = XDGPaths(environment: ["HOME": directory, "XDG_DATA_HOME": directory + "/data"])
        var made = 0
        let first = try InstallIdentity.clientID(paths: paths) {
            made += 1
            return "id-1"
        }
        let second = try InstallIdentity.clientID(paths: paths) {
            made += 1
            return "id-2"
        }
        XCTAssertEqual(first, "id-1")
        XCTAssertEqual(second, "id-1")
        XCTAssertEqual(made, 1)
    }

    func testErrorsCarryTheDocumentedExitCodes() {
        XCTAssertEqual(ForaError.usage("x").exitCode, 2)
        XCTAssertEqual(ForaError.hostUnreachable(host: "h").exitCode, 3)
        XCTAssertEqual(ForaError.dns(host: "h").exitCode, 3)
        XCTAssertEqual(ForaError.tls(reason: "r").exitCode, 3)
        XCTAssertEqual(ForaError.notLoggedIn.exitCode, 4)
        XCTAssertEqual(ForaError.forbidden(nil).exitCode, 4)
        XCTAssertEqual(ForaError.notFound(nil).exitCode, 5)
        XCTAssertEqual(ForaError.rateLimited(waitSeconds: 3).exitCode, 6)
        XCTAssertEqual(ForaError.serverError(status: 502).exitCode, 7)
        XCTAssertEqual(ForaError.conflict(nil).exitCode, 8)
        XCTAssertEqual(ForaError.validation(["Title is too short"]).message, "Title is too short")
    }
}
