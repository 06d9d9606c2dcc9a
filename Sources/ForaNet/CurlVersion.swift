import CCurl

/// The libcurl fora runs with, as bug reports need it (`fora --version`).
public enum CurlVersion {
    /// libcurl's own line, e.g. `libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13 … nghttp2/1.52.0`.
    public static var description: String {
        curl_version().map { String(cString: $0) } ?? "libcurl (unknown version)"
    }
}
