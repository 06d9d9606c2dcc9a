import XCTest

@testable import ForaStore

final class StoreOpensTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertNotNil(ForaStoreModule.self)
    }
}
