import Foundation
import XCTest

@testable import ForaRender

/// Golden-file tests: every `Golden/NAME.html` renders to exactly `Golden/NAME.golden`.
/// A change in output fails here; to accept an intended change, run the tests once with
/// `FORA_BLESS=1`, which rewrites the golden files in the source tree, and review the diff.
final class GoldenTests: XCTestCase {
    /// The fixtures as shipped in the test bundle.
    static var bundleDirectory: URL? { Bundle.module.resourceURL?.appendingPathComponent("Golden") }

    /// The fixtures in the source tree (where blessing writes).
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func fixtureNames() throws -> [String] {
        let directory = try XCTUnwrap(bundleDirectory)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".md") }
            .sorted()
    }

    /// A fixture rendered and serialized: `.html` as cooked HTML, `.md` through the composer
    /// preview (markdown → cmark-gfm → the same renderer).
    static func rendered(_ file: String) throws -> String {
        let directory = try XCTUnwrap(bundleDirectory)
        let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let (width, options) = GoldenFormat.settings(of: source)
        let document =
            file.hasSuffix(".md")
            ? MarkdownPreview.render(source, width: width, options: options)
            : CookedRenderer(options: options).render(source, width: width)
        return GoldenFormat.serialize(document, width: width)
    }

    static func goldenName(_ file: String) -> String {
        (file as NSString).deletingPathExtension + ".golden"
    }

    /// One fixture at least per construct issue 5 lists; a deleted fixture fails here.
    func testCorpusCoversEveryConstruct() throws {
        let names = Set(try Self.fixtureNames())
        let required = [
            "paragraphs", "headings", "inline-styles", "code-block", "blockquote", "discourse-quote", "lists",
            "tasklist", "table", "table-narrow", "links-images", "emoji", "mentions-hashtags", "onebox", "details",
            "details-open", "spoiler", "spoiler-revealed", "poll", "footnotes", "math", "hr-br", "cjk-emoji",
            "long-word", "hostile", "mixed-real", "category-about", "media",
        ]
        for name in required { XCTAssertTrue(names.contains(name + ".html"), "missing fixture \(name).html") }
        XCTAssertTrue(names.contains("composer-preview.md"))
    }

    func testEveryFixtureMatchesItsGolden() throws {
        let bless = ProcessInfo.processInfo.environment["FORA_BLESS"] == "1"
        let directory = try XCTUnwrap(Self.bundleDirectory)
        var failures: [String] = []
        for name in try Self.fixtureNames() {
            let actual = try Self.rendered(name)
            if bless {
                try actual.write(
                    to: Self.sourceDirectory.appendingPathComponent(Self.goldenName(name)), atomically: true,
                    encoding: .utf8
                )
                continue
            }
            let goldenURL = directory.appendingPathComponent(Self.goldenName(name))
            guard let expected = try? String(contentsOf: goldenURL, encoding: .utf8) else {
                failures.append("\(name): no golden file (run once with FORA_BLESS=1 and review it)")
                continue
            }
            if actual != expected { failures.append("\(name):\n" + Self.firstDifference(expected, actual)) }
        }
        XCTAssertTrue(failures.isEmpty, "golden drift:\n" + failures.joined(separator: "\n"))
    }

    /// The comparison must notice a one-character change (the golden check is not vacuous).
    func testDriftIsDetected() throws {
        let name = try XCTUnwrap(Self.fixtureNames().first { $0.hasSuffix(".html") })
        let directory = try XCTUnwrap(Self.bundleDirectory)
        let expected = try String(contentsOf: directory.appendingPathComponent(Self.goldenName(name)), encoding: .utf8)
        let html = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let (width, options) = GoldenFormat.settings(of: html)
        let narrower = CookedRenderer(options: options).render(html + "<p>drift</p>", width: width)
        XCTAssertNotEqual(GoldenFormat.serialize(narrower, width: width), expected)
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.components(separatedBy: "\n")
        let right = actual.components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let want = index < left.count ? left[index] : "<end>"
            let got = index < right.count ? right[index] : "<end>"
            if want != got { return "  line \(index + 1)\n  expected: \(want)\n  actual:   \(got)" }
        }
        return "  (identical lines, different bytes)"
    }
}
