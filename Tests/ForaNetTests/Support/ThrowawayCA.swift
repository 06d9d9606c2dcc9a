import DemoServer
import DemoServerTLS
import XCTest

/// The demo server's throwaway CA for one test; without a working `openssl` the test skips.
typealias ThrowawayCA = ThrowawayCertificateAuthority

extension ThrowawayCertificateAuthority {
    static func forTest() throws -> ThrowawayCertificateAuthority {
        do {
            return try ThrowawayCertificateAuthority(name: "fora throwaway test CA")
        } catch let failure as Failure {
            throw XCTSkip(failure.description)
        }
    }
}
