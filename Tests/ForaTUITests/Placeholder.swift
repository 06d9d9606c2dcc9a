import XCTest
final class ForaTUITestsPlaceholder: XCTestCase { func testPlaceholder() {} }
