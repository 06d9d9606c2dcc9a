import XCTest
final class ForaCoreTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
