import Foundation
import XCTest

/// Finds the built `fora` and `fora-demo-server` executables: `FORA_BIN_DIR` when set, else the
/// folder of the running test bundle (SwiftPM puts products beside it), else `.build/debug`.
enum Binaries {
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["FORA_BIN_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: bundleDir.appendingPathComponent("fora").path) {
            return bundleDir
        }
        for bundle in Bundle.allBundles {
            let dir = bundle.bundleURL.deletingLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("fora").path) {
                return dir
            }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("\(name) is not built at \(url.path); run `swift build` first (make test does)")
        }
        return url.path
    }
}
