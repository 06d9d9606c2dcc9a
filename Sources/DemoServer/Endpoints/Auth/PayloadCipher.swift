// Encrypts a User API Key payload for the client's public key, as Discourse's
// UserApiKey::DeviceAuth::Crypto does: RSA with PKCS#1 v1.5 padding by default, OAEP (SHA-1)
// when the client asked for `padding=oaep`, then Base64 the way Ruby's `Base64.encode64`
// writes it (a line break every 60 characters), which clients must strip before decoding.
import ForaRSA
import Foundation

enum PayloadPadding: String, Sendable {
    case pkcs1
    case oaep
}

struct PayloadCipher {
    enum Failure: Error {
        case invalidKey
        case payloadTooLong
    }

    let publicKey: RSAPublicKey

    /// Parses a PEM public key (`BEGIN PUBLIC KEY` or `BEGIN RSA PUBLIC KEY`) of at least
    /// `minimumBits`.
    init(pem: String, minimumBits: Int = 1024, maximumBits: Int = 8192) throws {
        let text = pem.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = try? RSAPublicKey(pem: text), (minimumBits...maximumBits).contains(key.bits) else {
            throw Failure.invalidKey
        }
        publicKey = key
    }

    /// RFC 8017 §7.2.1 (`0x00 0x02 PS 0x00 M`, random non-zero PS) or OAEP with SHA-1, by
    /// libcrypto; a message longer than the padding leaves room for is refused.
    func encrypt(_ plaintext: Data, padding: PayloadPadding) throws -> Data {
        do {
            return try publicKey.encrypt(plaintext, padding: padding == .oaep ? .oaepSHA1 : .pkcs1v15)
        } catch {
            throw Failure.payloadTooLong
        }
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
