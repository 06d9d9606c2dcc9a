import XCTest

@testable import ForaRender

/// `fora read --json`'s text: folded blocks carried and marked, oneboxes whole, images by alt
/// text and file name, link targets listed.
final class PostTextTests: XCTestCase {
    let details = """
        <p>Before the log.</p>
        <details>
        <summary>
        Full log</summary>
        <p>2026-10-01 sync: timeout after thirty seconds</p>
        </details>
        <p>Answer: <span class="spoiler">It was the <strong>antivirus</strong> all along.</span> Done.</p>
        """

    func testFoldedWordsAreInTheTextAndMarked() {
        let text = CookedRenderer().postText(details, width: 80)
        for word in ["timeout", "thirty", "antivirus", "along", "Full", "log", "Done"] {
            XCTAssertTrue(text.text.contains(word), "\(word) in \(text.text)")
        }
        XCTAssertEqual(text.folded.map(\.kind), [.details, .spoiler])
        XCTAssertEqual(text.folded[0].summary, "Full log")
        XCTAssertEqual(text.folded[0].text, "2026-10-01 sync: timeout after thirty seconds")
        XCTAssertEqual(text.folded[1].text, "It was the antivirus all along.")
        XCTAssertNil(text.folded[1].summary)
        let lines = text.text.split(separator: "\n", omittingEmptySubsequences: false)
        let spoilerLines = lines[(text.folded[1].firstLine - 1)...(text.folded[1].lastLine - 1)].joined()
        XCTAssertTrue(spoilerLines.contains("antivirus"))
        XCTAssertTrue(lines[text.folded[0].firstLine - 1].contains("Full log"))
        XCTAssertTrue(lines[text.folded[0].lastLine - 1].contains("thirty"))
    }

    func testThePlainRenderingStillFoldsAndCountsWhatItHides() {
        let document = CookedRenderer().render(details, width: 80)
        XCTAssertFalse(document.plainText.contains("timeout"))
        XCTAssertFalse(document.plainText.contains("antivirus"))
        XCTAssertEqual(document.hiddenCount, 2)
        XCTAssertEqual(document.inlineSpoilers, ["It was the antivirus all along."])
        let open = CookedRenderer(options: RenderOptions(revealSpoilers: true, expandDetails: true))
        XCTAssertEqual(open.render(details, width: 80).hiddenCount, 0)
    }

    func testAOneboxIsWholeAtAnyWidth() {
        let description = String(
            repeating: "Seamless audio looping with seam-aware editing of long recordings. ", count: 3)
        let cooked = """
            <aside class="onebox githubrepo" data-onebox-src="https://github.com/songrun/SeamAware">
            <header class="source"><a href="https://github.com/songrun/SeamAware">github.com</a></header>
            <article class="onebox-body">
            <h3><a href="https://github.com/songrun/SeamAware">GitHub - songrun/SeamAware: Seam-aware audio looping</a></h3>
            <p>\(description)</p>
            <p><span class="label1">Stars: 12</span></p>
            </article>
            </aside>
            """
        for width in [40, 80] {
            let text = CookedRenderer().postText(cooked, width: width).text
            let flat = text.replacingOccurrences(of: "\n▍ ", with: " ")
            XCTAssertTrue(flat.contains("Seam-aware audio looping"), flat)
            XCTAssertTrue(flat.contains("long recordings. Seamless audio"), flat)
            XCTAssertTrue(flat.contains("Stars: 12"), flat)
            XCTAssertFalse(text.contains("…"), "nothing cut: \(text)")
        }
    }

    func testImagesShowAltTextAndFileNameAndLinksAreListed() {
        let cooked = """
            <p>See <a href="https://example.com/guide">the guide</a>.</p>
            <div class="lightbox-wrapper"><a class="lightbox" href="/uploads/default/original/1X/abc123.png">
            <img src="/uploads/default/optimized/1X/abc123_2_690x388.png" alt="Settings dialog">
            <div class="meta"><span class="filename">settings-dialog.png</span>
            <span class="informations">1280×720 88 KB</span></div></a></div>
            <p><img src="https://cdn.example.com/pics/router-lights.jpg" alt="router-lights"></p>
            """
        var options = RenderOptions()
        options.baseURL = "https://forum.example.com"
        let text = CookedRenderer(options: options).postText(cooked, width: 80)
        XCTAssertTrue(text.text.contains("[image: Settings dialog · settings-dialog.png]"), text.text)
        XCTAssertTrue(text.text.contains("[image: router-lights.jpg]"), text.text)
        XCTAssertEqual(
            text.links,
            [
                "https://example.com/guide", "https://forum.example.com/uploads/default/original/1X/abc123.png",
                "https://cdn.example.com/pics/router-lights.jpg",
            ])
    }

    func testRightToLeftTextKeepsItsLogicalOrderForScripts() {
        let cooked = "<p>שלום עולם</p>"
        XCTAssertTrue(CookedRenderer().postText(cooked, width: 80).text.contains("שלום עולם"))
    }
}
