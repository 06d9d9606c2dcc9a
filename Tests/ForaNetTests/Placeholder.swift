import XCTest
final class ForaNetTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
