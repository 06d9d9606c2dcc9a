import CCurl
import ForaCore

/// libcurl result codes to the client's error vocabulary.
enum CurlErrorMapping {
    static func map(_ code: CURLcode, url: String, detail: String) -> ForaError {
        let host = SiteConfiguration(baseURL: url).hostAndPort
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            return .hostUnreachable(host: host)
        case CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
            CURLE_HTTP2, CURLE_HTTP2_STREAM:
            // `.other`, not `.hostUnreachable`: the request may have reached the server, so a
            // write's outcome is unknown.
            return .other("the connection to \(host) was lost: \(text)")
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns(host: host)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tls(reason: text)
        case CURLE_TOO_MANY_REDIRECTS:
            return .other("too many redirects from \(host)")
        case CURLE_BAD_CONTENT_ENCODING:
            return .malformedResponse(
                endpoint: SiteConfiguration(baseURL: url).path, field: "content encoding: \(text)")
        default:
            return .other("network error talking to \(host): \(text)")
        }
    }

    /// Whether a transport failure is worth another attempt for an idempotent request:
    /// refused or broken connections and timeouts, not DNS or TLS failures.
    static func isTransient(_ code: CURLcode) -> Bool {
        [
            CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
            CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
        ].contains(code)
    }
}

/// A transport failure as the engine reports it: the user-facing error and libcurl's code
/// (which decides whether a retry makes sense).
struct CurlTransportError: Error {
    let code: CURLcode
    let error: ForaError

    /// A limit against hostile servers, not a glitch: trying again would only repeat it.
    var brokeALimit: Bool {
        if case .responseLimit = error { return true }
        return false
    }
}
