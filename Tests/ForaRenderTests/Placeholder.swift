import XCTest

final class ForaRenderTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
