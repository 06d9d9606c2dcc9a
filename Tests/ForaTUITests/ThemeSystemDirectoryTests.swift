import Foundation
import XCTest

@testable import ForaTUI

/// Themes installed system-wide (`make install`, a package) are found after the user's own:
/// beside the binary in `../share/fora/themes`, then in `$XDG_DATA_DIRS/fora/themes`.
final class ThemeSystemDirectoryTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "fora-theme-system-\(UUID().uuidString)"
        for folder in ["config/fora/themes", "prefix/bin", "prefix/share/fora/themes", "data/fora/themes"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func write(theme name: String, declaring shownName: String, in folder: String) throws {
        try "[meta]\nname = \"\(shownName)\"\n".write(
            toFile: "\(root)/\(folder)/\(name).toml", atomically: true, encoding: .utf8)
    }

    private var environment: [String: String] {
        ["XDG_CONFIG_HOME": root + "/config", "XDG_DATA_DIRS": root + "/data", "HOME": "/nonexistent"]
    }

    func testThemesBesideAnInstalledBinaryAndInDataDirsAreFound() throws {
        try write(theme: "besides", declaring: "besides", in: "prefix/share/fora/themes")
        try write(theme: "packaged", declaring: "packaged", in: "data/fora/themes")
        let binary = root + "/prefix/bin/fora"
        XCTAssertEqual(
            try ThemeLoader.load(named: "besides", environment: environment, executablePath: binary).name, "besides")
        XCTAssertEqual(
            try ThemeLoader.load(named: "packaged", environment: environment, executablePath: binary).name, "packaged")
    }

    func testTheUsersOwnThemeWinsOverSystemCopies() throws {
        try write(theme: "light", declaring: "system", in: "data/fora/themes")
        try write(theme: "light", declaring: "beside", in: "prefix/share/fora/themes")
        try write(theme: "light", declaring: "user", in: "config/fora/themes")
        let binary = root + "/prefix/bin/fora"
        XCTAssertEqual(
            try ThemeLoader.load(named: "light", environment: environment, executablePath: binary).name, "user")
        try FileManager.default.removeItem(atPath: root + "/config/fora/themes/light.toml")
        XCTAssertEqual(
            try ThemeLoader.load(named: "light", environment: environment, executablePath: binary).name, "beside")
        try FileManager.default.removeItem(atPath: root + "/prefix/share/fora/themes/light.toml")
        XCTAssertEqual(
            try ThemeLoader.load(named: "light", environment: environment, executablePath: binary).name, "system")
    }

    func testDataDirsDefaultToTheSpecificationsAndIgnoreRelativeEntries() {
        XCTAssertEqual(ThemeLoader.dataDirectories(environment: [:]), ["/usr/local/share", "/usr/share"])
        XCTAssertEqual(ThemeLoader.dataDirectories(environment: ["XDG_DATA_DIRS": "rel:/opt/share:"]), ["/opt/share"])
    }
}
