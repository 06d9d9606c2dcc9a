import CCurl
import ForaCore

/// The transfers that ended because a server broke one of fora's limits (the response size
/// cap, the overall deadline, the low-speed limit once connected), as errors that say which
/// limit and which setting changes it. They exit 7, like other server failures.
enum CurlLimitErrors {
    static func error(
        _ code: CURLcode, transfer: CurlTransfer, handle: UnsafeMutableRawPointer, options: HTTPClientConfiguration
    ) -> ForaError? {
        let request = "\(transfer.request.method) \(RedirectPolicy.shown(transfer.request.endpoint))"
        let host = SiteConfiguration(baseURL: transfer.request.url).hostAndPort
        if transfer.exceededBodyLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .responseLimit(
                "the answer to \(request) from \(host) is larger than \(megabytes(options.maximumResponseBytes)), "
                    + "the most fora accepts ([network] max_response_mb in config.toml); it stopped reading")
        }
        guard code == CURLE_OPERATION_TIMEDOUT else { return nil }
        var connectMicroseconds: curl_off_t = 0
        var totalMicroseconds: curl_off_t = 0
        _ = fora_easy_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
        _ = fora_easy_getinfo_off(handle, CURLINFO_TOTAL_TIME_T, &totalMicroseconds)
        // Not connected yet: the network, not the server (mapped as before).
        guard connectMicroseconds > 0 else { return nil }
        let deadline = options.totalTimeoutSeconds
        if deadline > 0, totalMicroseconds >= curl_off_t(deadline) * 1_000_000 - 500_000 {
            return .responseLimit(
                "\(host) did not finish answering \(request) within \(deadline) s, the longest fora waits "
                    + "([network] timeout in config.toml)")
        }
        return .responseLimit(
            "\(host) sent less than \(options.lowSpeedLimitBytes) byte(s) a second for "
                + "\(options.lowSpeedTimeSeconds) s while answering \(request); fora gave up")
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }
}
