import DemoServer
import DemoServerTLS
import Foundation
import XCTest

/// `fora login` and `fora logout` with the site's own CA, and a logout whose revoke fails.
final class HostileServerAccountEndToEndTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "fora-e2e-account-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/config/fora", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: home)
        super.tearDown()
    }

    private func fora(_ arguments: [String]) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        for name in ["FORA_SITE", "FORA_API_KEY", "FORA_API_USERNAME"] { environment[name] = nil }
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_STATE_HOME"] = home + "/state"
        // stdin is /dev/null: a paste flow that got as far as asking reads nothing and stops.
        return try Subprocess.run(
            ["/bin/sh", "-c", "exec \"$@\" < /dev/null", "fora", try Binaries.path("fora")] + arguments,
            environment: environment, separateStderr: true, timeout: 60)
    }

    func testLoginTrustsTheSitesCAFile() throws {
        let authority = try ThrowawayCertificateAuthority(name: "fora-e2e-login")
        defer { authority.remove() }
        let server = try DemoServerProcess(arguments: [
            "--tls-cert", authority.serverCertificate, "--tls-key", authority.serverKey,
        ])
        defer { server.stop() }
        try """
        [sites.tls]
        url = "\(server.baseURL)"
        ca_file = "\(authority.caFile)"
        """.write(toFile: home + "/config/fora/config.toml", atomically: true, encoding: .utf8)
        let result = try fora(["--site", "tls", "login", "--paste"])
        XCTAssertFalse(result.errorOutput.contains("secure connection failed"), result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("Open this URL"), "the site was reached: \(result.errorOutput)")
    }

    func testLogoutKeepsTheKeyWhenTheSiteCouldNotRevokeIt() throws {
        let credentials = home + "/config/fora/credentials.toml"
        try """
        [sites."http://127.0.0.1:9"]
        user_api_key = "a-key-still-valid-on-the-site"
        client_id = "fora-test-client"
        """.write(toFile: credentials, atomically: true, encoding: .utf8)
        chmod(credentials, 0o600)
        let result = try fora(["--site", "http://127.0.0.1:9", "logout"])
        XCTAssertEqual(result.status, 3, result.errorOutput)
        XCTAssertTrue(result.errorOutput.contains("the key is kept here"), result.errorOutput)
        let kept = try String(contentsOfFile: credentials, encoding: .utf8)
        XCTAssertTrue(kept.contains("a-key-still-valid-on-the-site"), kept)
    }
}
