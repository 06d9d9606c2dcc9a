import COpenSSL
import Foundation

/// An RSA private key (libcrypto), made for one User API Key login and never written to disk
/// by fora (the tests write one for OpenSSL's command line).
public struct RSAPrivateKey: Sendable {
    let key: OpenSSLKey

    /// A new key pair of `bits` (2048 for User API Keys; generating 4096 takes seconds).
    public init(bits: Int) throws {
        defer { ERR_clear_error() }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else { throw RSAError.keyGeneration }
        defer { EVP_PKEY_CTX_free(context) }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1,
            EVP_PKEY_generate(context, &generated) == 1, let generated
        else { throw RSAError.keyGeneration }
        key = OpenSSLKey(taking: generated)
    }

    /// Parses a PEM private key (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`).
    public init(pem: String) throws {
        key = try OpenSSLKey.decode(pem: pem, selection: fora_select_key_pair())
    }

    public var bits: Int { key.bits }

    public var publicKey: RSAPublicKey { RSAPublicKey(key: key) }

    /// PKCS#8 PEM (`BEGIN PRIVATE KEY`), unencrypted.
    public var pemRepresentation: String {
        get throws { try key.pem { PEM_write_bio_PrivateKey($0, $1, nil, nil, 0, nil, nil) } }
    }

    /// Decrypts one block. With `.none` the ciphertext is at most the key's size and the
    /// padded block comes back as it is, for a caller that checks the padding itself.
    public func decrypt(_ ciphertext: Data, padding: RSAPadding) throws -> Data {
        try key.transform(
            ciphertext, padding: padding, failure: .decryptionFailed, initialise: { EVP_PKEY_decrypt_init($0) },
            run: { EVP_PKEY_decrypt($0, $1, $2, $3, $4) })
    }
}
