import COpenSSL
import Foundation

/// An RSA public key (libcrypto): what a User API Key client sends, and what the demo server
/// encrypts the payload with.
public struct RSAPublicKey: Sendable {
    let key: OpenSSLKey

    init(key: OpenSSLKey) { self.key = key }

    /// Parses `BEGIN PUBLIC KEY` (SubjectPublicKeyInfo) or `BEGIN RSA PUBLIC KEY` (PKCS#1) PEM.
    public init(pem: String) throws {
        key = try OpenSSLKey.decode(pem: pem, selection: fora_select_public_key())
    }

    /// The modulus size in bits.
    public var bits: Int { key.bits }

    /// SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`), as Discourse's `public_key` expects.
    public var pemRepresentation: String {
        get throws { try key.pem { PEM_write_bio_PUBKEY($0, $1) } }
    }

    public func encrypt(_ plaintext: Data, padding: RSAPadding) throws -> Data {
        try key.transform(
            plaintext, padding: padding, failure: .encryptionFailed, initialise: { EVP_PKEY_encrypt_init($0) },
            run: { EVP_PKEY_encrypt($0, $1, $2, $3, $4) })
    }
}
