// The seam between the demo server and its TLS mode, which lives in the DemoServerTLS target:
// only tests and benchmarks build swift-nio-ssl, so `make demo` compiles one BoringSSL, not two.
import Hummingbird
import HummingbirdCore

/// Serves the demo server over TLS (DemoServerTLS's `DemoTLSFiles`): builds the Hummingbird
/// server that replaces plain HTTP/1.1.
public protocol DemoTLSTransport: Sendable {
    func serverBuilder() throws -> HTTPServerBuilder
}
