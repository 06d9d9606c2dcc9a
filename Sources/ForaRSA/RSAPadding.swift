import COpenSSL

/// The RSA paddings the User API Key protocol uses: PKCS#1 v1.5 (Discourse's default), OAEP
/// with SHA-1 (`padding=oaep`), and none, for a caller that removes the padding itself.
public enum RSAPadding: Sendable {
    case pkcs1v15
    case oaepSHA1
    case none

    var openSSLValue: Int32 {
        switch self {
        case .pkcs1v15: RSA_PKCS1_PADDING
        case .oaepSHA1: RSA_PKCS1_OAEP_PADDING
        case .none: RSA_NO_PADDING
        }
    }
}

/// Why an RSA operation failed; OpenSSL's own reason is not shown, as none of them is
/// something a user can act on beyond "this key or payload is not right".
public enum RSAError: Error, Equatable, Sendable {
    case keyGeneration
    case invalidKey
    case encryptionFailed
    case decryptionFailed
}
