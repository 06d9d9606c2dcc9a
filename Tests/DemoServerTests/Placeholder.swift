import XCTest
final class DemoServerTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
