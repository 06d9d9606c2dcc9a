import XCTest

@testable import ForaTUI

final class DraftDebouncerTests: XCTestCase {
    func testAPauseSavesAfterTheDelay() {
        var debouncer = DraftDebouncer(delay: .seconds(1))
        let start = ContinuousClock.now
        XCTAssertTrue(debouncer.edited(at: start), "the first edit starts the timer")
        XCTAssertEqual(debouncer.fire(at: start + .seconds(1)), .save)
        XCTAssertEqual(debouncer.fire(at: start + .seconds(2)), .nothing)
    }

    func testContinuousTypingIsSavedAtLeastEveryDelay() {
        var debouncer = DraftDebouncer(delay: .seconds(1))
        let start = ContinuousClock.now
        XCTAssertTrue(debouncer.edited(at: start))
        // Keys every 100 ms: the draft must still reach the store within a second.
        for step in 1...9 { XCTAssertFalse(debouncer.edited(at: start + .milliseconds(100 * step))) }
        XCTAssertEqual(debouncer.fire(at: start + .milliseconds(1_000)), .save)
    }

    func testTheTimerWaitsOnlyAsLongAsNeeded() {
        var debouncer = DraftDebouncer(delay: .seconds(1))
        let start = ContinuousClock.now
        _ = debouncer.edited(at: start)
        _ = debouncer.edited(at: start + .milliseconds(600))
        XCTAssertEqual(debouncer.fire(at: start + .milliseconds(700)), .wait(.milliseconds(300)))
    }
}
