import ForaCore
import Foundation
import XCTest

/// config.toml's values are all checked at start, all problems reported at once, each with
/// the file's path, the key, the value and what is accepted.
final class ConfigValidationTests: XCTestCase {
    private let path = "/home/u/.config/fora/config.toml"

    private func usageMessage(_ text: String) -> String? {
        do {
            _ = try ConfigFile.parse(text, path: path)
            return nil
        } catch let error as ForaError {
            XCTAssertEqual(error.exitCode, 2)
            return error.message
        } catch {
            XCTFail("expected a ForaError, got \(error)")
            return nil
        }
    }

    func testEveryInvalidValueIsReportedAtOnceWithPathKeyValueAndRange() throws {
        let message = try XCTUnwrap(
            usageMessage(
                """
                [tui]
                refresh = "soon"
                split = 500
                live-poll = 9223372036854775807
                [review]
                poll = -1
                [network]
                max_response_mb = 0
                [sites.broken]
                url = "not a url"
                """))
        XCTAssertTrue(message.hasPrefix(path), message)
        for expected in [
            #"[tui] refresh = "soon": expected a whole number of seconds (0: never) from 0 to 86400"#,
            "[tui] split = 500: expected a whole number of percent from 20 to 75",
            "[tui] live-poll = 9223372036854775807: expected a whole number of seconds from 1 to 86400",
            "[review] poll = -1",
            "[network] max_response_mb = 0: expected a whole number of megabytes from 1 to 4096",
            #"[sites.broken] url = "not a url": expected an http:// or https:// URL"#,
        ] {
            XCTAssertTrue(message.contains(expected), "missing \(expected) in:\n\(message)")
        }
        XCTAssertTrue(message.contains("6 invalid values"), message)
    }

    func testASyntaxErrorNamesTheFilesPath() throws {
        let message = try XCTUnwrap(usageMessage("[tui\nrefresh = 3"))
        XCTAssertTrue(message.hasPrefix(path + " is not valid TOML"), message)
        XCTAssertTrue(message.contains("line 1"), message)
    }

    func testValidValuesAndTheNetworkLimitsAreRead() throws {
        let config = try ConfigFile.parse(
            """
            default_site = "demo"
            [sites.demo]
            url = "http://127.0.0.1:8766"
            [network]
            max_response_mb = 2
            timeout = 30
            [tui]
            refresh = 0
            split = 40
            """, path: path)
        XCTAssertEqual(config.network.limits, NetworkLimits(maximumResponseBytes: 2 * 1024 * 1024, timeoutSeconds: 30))
        let resolver = SiteResolver(config: config, credentials: [:], environment: [:])
        XCTAssertEqual(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil)?.limits.timeoutSeconds, 30)
    }

    func testSiteURLs() {
        for good in ["https://meta.discourse.org", "http://127.0.0.1:8766/", "https://forum.example.com/community"] {
            XCTAssertTrue(ConfigValidation.isSiteURL(good), good)
        }
        for bad in ["not a url", "ftp://example.com", "https://", "meta.discourse.org", "http://exa mple.com"] {
            XCTAssertFalse(ConfigValidation.isSiteURL(bad), bad)
        }
    }
}
