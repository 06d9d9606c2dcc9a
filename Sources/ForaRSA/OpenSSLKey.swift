import COpenSSL
import Foundation

/// One OpenSSL `EVP_PKEY`, owned: freed when the last reference goes. Both key types wrap
/// it; OpenSSL 3 allows concurrent use of a key that is no longer modified, and these never
/// are after creation, which is why the wrappers may be Sendable.
final class OpenSSLKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// Parses a PEM key of type RSA; `selection` says which part is wanted (the public key
    /// accepts both `BEGIN PUBLIC KEY` and PKCS#1's `BEGIN RSA PUBLIC KEY`).
    static func decode(pem: String, selection: Int32) throws -> OpenSSLKey {
        var key: OpaquePointer?
        guard let decoder = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nil, "RSA", selection, nil, nil) else {
            throw RSAError.invalidKey
        }
        defer { OSSL_DECODER_CTX_free(decoder) }
        let bytes = Array(pem.utf8)
        let decoded = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            var data = buffer.baseAddress
            var length = buffer.count
            return OSSL_DECODER_from_data(decoder, &data, &length)
        }
        ERR_clear_error()
        guard decoded == 1, let key else { throw RSAError.invalidKey }
        return OpenSSLKey(taking: key)
    }

    var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// The PEM text a writer puts into a memory BIO.
    func pem(_ write: (OpaquePointer, OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw RSAError.invalidKey }
        defer { BIO_free(bio) }
        guard write(bio, pointer) == 1 else { throw RSAError.invalidKey }
        var data: UnsafeMutablePointer<CChar>?
        let length = fora_bio_mem_data(bio, &data)
        guard let data, length > 0 else { throw RSAError.invalidKey }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    /// One `EVP_PKEY_encrypt` or `EVP_PKEY_decrypt` with the given padding.
    func transform(
        _ input: Data, padding: RSAPadding, failure: RSAError,
        initialise: (OpaquePointer) -> Int32,
        run: (OpaquePointer, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>, UnsafePointer<UInt8>?, Int) ->
            Int32
    ) throws -> Data {
        defer { ERR_clear_error() }
        guard let context = EVP_PKEY_CTX_new(pointer, nil) else { throw failure }
        defer { EVP_PKEY_CTX_free(context) }
        guard initialise(context) == 1, EVP_PKEY_CTX_set_rsa_padding(context, padding.openSSLValue) == 1 else {
            throw failure
        }
        let bytes = [UInt8](input)
        var length = 0
        guard bytes.withUnsafeBufferPointer({ run(context, nil, &length, $0.baseAddress, $0.count) }) == 1 else {
            throw failure
        }
        var output = [UInt8](repeating: 0, count: length)
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { run(context, out.baseAddress, &length, $0.baseAddress, $0.count) }
        }
        guard status == 1 else { throw failure }
        return Data(output.prefix(length))
    }
}
