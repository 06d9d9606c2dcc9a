import Foundation
import XCTest

/// `make install` as a packager runs it (`DESTDIR`, `PREFIX=/usr`) with the binary already
/// built: the installed fora runs, `man` renders its page, bash completes its commands, and
/// `make uninstall` takes everything away again.
final class InstallEndToEndTests: XCTestCase {
    private var destdir = ""

    override func setUpWithError() throws {
        destdir = NSTemporaryDirectory() + "fora-install-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: destdir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: destdir)
    }

    private var usr: String { destdir + "/usr" }

    /// `scripts/install.sh` (what `make install`/`uninstall` call) with the built binary.
    private func installScript(_ action: String) throws -> Subprocess.Result {
        _ = try Binaries.path("fora")
        var environment = ProcessInfo.processInfo.environment
        environment["BIN_DIR"] = Binaries.directory.path
        environment["DESTDIR"] = destdir
        environment["PREFIX"] = "/usr"
        let script = Binaries.packageRoot.appendingPathComponent("scripts/install.sh").path
        return try Subprocess.run([script, action], environment: environment, separateStderr: true, timeout: 60)
    }

    func testInstallGivesAWorkingBinaryManPageAndCompletionsAndUninstallRemovesThem() throws {
        let installed = try installScript("install")
        XCTAssertEqual(installed.status, 0, installed.output + installed.errorOutput)
        for file in [
            "bin/fora", "share/man/man1/fora.1", "share/fora/themes/default.toml", "share/fora/themes/light.toml",
            "share/bash-completion/completions/fora", "share/zsh/site-functions/_fora",
            "share/fish/vendor_completions.d/fora.fish",
        ] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: usr + "/" + file), "missing \(file)")
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: usr + "/bin/fora"))

        // The binary runs and names the libraries a bug report needs.
        let version = try Subprocess.run([usr + "/bin/fora", "--version"], separateStderr: true, timeout: 30)
        XCTAssertEqual(version.status, 0, version.errorOutput)
        XCTAssertTrue(version.output.hasPrefix("fora "), version.output)
        for library in ["libcurl/", "ncurses ", "SQLite 3."] {
            XCTAssertTrue(version.output.contains(library), "no \(library) in: \(version.output)")
        }

        // man renders the installed page.
        guard let man = Subprocess.which("man") else {
            throw XCTSkip("man is not installed (scripts/install-deps.sh test installs man-db)")
        }
        var manEnvironment = ProcessInfo.processInfo.environment
        manEnvironment["MANWIDTH"] = "100"
        manEnvironment["MANPAGER"] = "cat"
        manEnvironment["PAGER"] = "cat"
        let page = try Subprocess.run(
            [man, "-l", usr + "/share/man/man1/fora.1"], environment: manEnvironment, separateStderr: true,
            timeout: 30)
        XCTAssertEqual(page.status, 0, page.errorOutput)
        XCTAssertTrue(
            page.output.contains("a terminal client for community forums"), page.output.prefix(400).description)
        XCTAssertTrue(page.output.contains("--generate-completion-script"))

        // Bash completes `fora la<Tab>` to `fora latest`, from the installed script, typed in a
        // real interactive bash.
        let completion = usr + "/share/bash-completion/completions/fora"
        let shell = try TmuxSession(
            command: ["bash", "--norc", "--noprofile", "-i"], width: 100, height: 20,
            environment: ["PATH": usr + "/bin:/usr/bin:/bin", "PS1": "$ ", "HOME": destdir])
        try shell.send("-l", "source \(completion) && echo loaded")
        try shell.send("Enter")
        try shell.waitFor("loaded")
        try shell.send("-l", "fora la")
        try shell.send("Tab")
        try shell.waitFor("$ fora latest")

        let removed = try installScript("uninstall")
        XCTAssertEqual(removed.status, 0, removed.output + removed.errorOutput)
        let left = FileManager.default.enumerator(atPath: usr)?.compactMap { $0 as? String }.filter { path in
            var directory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: usr + "/" + path, isDirectory: &directory)
            return !directory.boolValue
        }
        XCTAssertEqual(left ?? [], [], "uninstall left files behind")
    }

    func testInstallRefusesWithoutABuiltBinary() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["BIN_DIR"] = destdir + "/nothing-here"
        environment["DESTDIR"] = destdir
        let script = Binaries.packageRoot.appendingPathComponent("scripts/install.sh").path
        let result = try Subprocess.run([script, "install"], environment: environment, separateStderr: true)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errorOutput.contains("make"), result.errorOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: destdir + "/usr/local/bin/fora"))
    }
}
