// The demo server's optional TLS mode: HTTP/2 negotiated by ALPN (with HTTP/1.1 for clients
// that do not offer h2), from a PEM certificate chain and key. Tests make a throwaway CA and
// a certificate for 127.0.0.1 with the `openssl` CLI; nothing here generates keys. It is a
// target of its own so that `make demo` (plain HTTP) never compiles swift-nio-ssl.
import DemoServer
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import NIOSSL

/// Where the server's certificate chain and private key are (PEM files).
public struct DemoTLSFiles: DemoTLSTransport, Equatable {
    public var certificateChain: String
    public var privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// The Hummingbird server speaking TLS with HTTP/2 and HTTP/1.1 (ALPN picks).
    public func serverBuilder() throws -> HTTPServerBuilder {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw DemoServerError.tls("cannot read \(certificateChain) or \(privateKey): \(error)")
        }
        guard !chain.isEmpty else { throw DemoServerError.tls("no certificate in \(certificateChain)") }
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        return try .http2Upgrade(tlsConfiguration: tls)
    }
}
