import XCTest
final class DemoCommunityTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
