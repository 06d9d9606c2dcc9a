import Foundation
// Encrypts a User API Key payload for the client's public key, as Discourse's
// UserApiKey::DeviceAuth::Crypto does: RSA with PKCS#1 v1.5 padding by default, OAEP (SHA-1)
// when the client asked for `padding=oaep`, then Base64 the way Ruby's `Base64.encode64`
// writes it (a line break every 60 characters), which clients must strip before decoding.
import _CryptoExtras

enum PayloadPadding: String, Sendable {
    case pkcs1
    case oaep
}

struct PayloadCipher {
    enum Failure: Error {
        case invalidKey
        case payloadTooLong
    }

    let publicKey: _RSA.Encryption.PublicKey

    /// Parses a PEM public key (`BEGIN PUBLIC KEY` or `BEGIN RSA PUBLIC KEY`) of at least
    /// `minimumBits`.
    init(pem: String, minimumBits: Int = 1024, maximumBits: Int = 8192) throws {
        let text = pem.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = try? _RSA.Encryption.PublicKey(unsafePEMRepresentation: text),
            (minimumBits...maximumBits).contains(key.keySizeInBits)
        else { throw Failure.invalidKey }
        publicKey = key
    }

    func encrypt(_ plaintext: Data, padding: PayloadPadding) throws -> Data {
        switch padding {
        case .oaep:
            do {
                return try publicKey.encrypt(plaintext, padding: .PKCS1_OAEP)
            } catch {
                throw Failure.payloadTooLong
            }
        case .pkcs1:
            return try encryptPKCS1v15(plaintext)
        }
    }

    /// RFC 8017 §7.2.1: `0x00 0x02 PS 0x00 M` with at least 8 random non-zero padding
    /// bytes, then `m^e mod n`.
    private func encryptPKCS1v15(_ message: Data) throws -> Data {
        guard let primitives = try? publicKey.getKeyPrimitives() else { throw Failure.invalidKey }
        let modulus = BigUnsigned(bigEndian: primitives.modulus)
        let exponent = BigUnsigned(bigEndian: primitives.publicExponent)
        let size = (modulus.bitWidth + 7) / 8
        guard message.count <= size - 11 else { throw Failure.payloadTooLong }
        var generator = SystemRandomNumberGenerator()
        let padding = (0..<(size - message.count - 3)).map { _ in UInt8.random(in: 1...255, using: &generator) }
        let block = [0x00, 0x02] + padding + [0x00] + [UInt8](message)
        let cipher = BigUnsigned(bigEndian: block).power(exponent, modulus: modulus)
        return Data(cipher.bigEndianBytes(count: size))
    }

    /// Ruby's `Base64.encode64`: 60 characters a line, each line ending in a newline.
    static func rubyBase64(_ data: Data) -> String {
        let encoded = data.base64EncodedString()
        var lines: [Substring] = []
        var rest = encoded[...]
        while !rest.isEmpty {
            lines.append(rest.prefix(60))
            rest = rest.dropFirst(60)
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
