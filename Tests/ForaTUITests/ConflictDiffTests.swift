import ForaCore
import XCTest

@testable import ForaTUI

/// The edit conflict's diff: made once per conflict, not on every frame, and never sized by
/// however long a text the site sends.
final class ConflictDiffTests: XCTestCase {
    func testTheDiffIsMadeOncePerConflictNotPerFrame() {
        MainActor.assumeIsolated {
            let theirs = (0..<300).map { "their line \($0)" }.joined(separator: "\n")
            var target = ComposerTarget(topicID: 1, topicTitle: "T")
            target.edit = PostEdit(postID: 9, postNumber: 2, originalRaw: "old")
            var hooks = ComposerHooks()
            hooks.send = { _, done in done(.failure(EditConflict(theirs: theirs))) }
            let mine = (0..<300).map { "my line \($0)" }.joined(separator: "\n")
            let screen = ComposerScreen(target: target, initial: ComposedPost(raw: mine), hooks: hooks)
            let grid = GridTerminal(rows: 20, columns: 80)
            _ = screen.perform(.send, count: nil)
            screen.draw(on: grid, focused: true)
            let first = screen.conflictDiff
            XCTAssertNotNil(first)
            for _ in 0..<5 {
                _ = screen.takeInput(.character("j"), bound: false)
                screen.draw(on: grid, focused: true)
                XCTAssertTrue(screen.conflictDiff === first, "scrolling redraws without diffing again")
            }
            _ = screen.takeInput(.character("t"), bound: false)
            _ = screen.perform(.send, count: nil)
            screen.draw(on: grid, focused: true)
            XCTAssertFalse(screen.conflictDiff === first, "a new conflict with other texts gets its own diff")
        }
    }

    func testBeyondTheBudgetTheMiddleIsShownWholeOnEachSide() {
        let theirs = "top\nt1\nt2\nshared\nbottom"
        let mine = "top\nm1\nshared\nm2\nbottom"
        XCTAssertEqual(
            LineDiff.diff(theirs, mine, cellBudget: 4),
            [
                .same("top"), .removed("t1"), .removed("t2"), .removed("shared"), .added("m1"), .added("shared"),
                .added("m2"), .same("bottom"),
            ])
        XCTAssertEqual(
            LineDiff.diff(theirs, mine),
            [
                .same("top"), .added("m1"), .removed("t1"), .removed("t2"), .same("shared"), .added("m2"),
                .same("bottom"),
            ])
    }

    /// 50,000 differing lines on each side would need a 2.5 × 10⁹-cell table.
    func testAHugeConflictDoesNotAllocateATableForIt() {
        let theirs = (0..<50_000).map { "t\($0)" }.joined(separator: "\n")
        let mine = (0..<50_000).map { "m\($0)" }.joined(separator: "\n")
        let lines = LineDiff.diff(theirs, mine)
        XCTAssertEqual(lines.count, 100_000)
        XCTAssertEqual(lines.first, .removed("t0"))
        XCTAssertEqual(lines.last, .added("m49999"))
    }
}
