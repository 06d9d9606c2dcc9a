import CCurl
import ForaCore
import Foundation

/// Collects body bytes and header lines; handed to libcurl callbacks as an unmanaged pointer.
final class TransferSink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
}

private let writeCallback: fora_curl_data_callback = { data, size, count, context in
    let total = size * count
    guard let data, let context else { return total }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: total) { bytes in
        sink.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: total))
    }
    return total
}

private let headerCallback: fora_curl_data_callback = { data, size, count, context in
    let total = size * count
    guard let data, let context else { return total }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: total) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: total), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") { sink.headers = [:] }  // a new response (after a redirect)
    if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        sink.headers[name] = value
    }
    return total
}

/// One libcurl easy handle, reused between requests so connections are kept alive.
/// Not thread-safe: its owner serialises use.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    var caFile: String?

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Performs the request synchronously and maps transport failures to ForaError.
    func perform(_ request: HTTPRequest) throws(ForaError) -> HTTPResponse {
        curl_easy_reset(handle)
        let sink = TransferSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        var allHeaders = ["Accept": "application/json"]
        allHeaders.merge(request.headers) { $1 }
        for (name, value) in allHeaders { headerList = curl_slist_append(headerList, "\(name): \(value)") }

        _ = fora_easy_setopt_string(handle, CURLOPT_URL, request.url)
        _ = fora_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        _ = fora_easy_setopt_string(handle, CURLOPT_USERAGENT, "fora/\(ForaVersion.current)")
        _ = fora_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = fora_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = fora_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, 10)
        _ = fora_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, 30)
        _ = fora_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        _ = fora_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile { _ = fora_easy_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        _ = fora_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, writeCallback)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = fora_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, headerCallback)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)

        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            buffer[0] = 0
            _ = fora_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(buffer.baseAddress))
            let result = curl_easy_perform(handle)
            _ = fora_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            return result
        }
        let detail = errorBuffer.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        if code != CURLE_OK {
            throw CurlErrorMapping.map(code, url: request.url, detail: detail)
        }
        var status = 0
        _ = fora_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }
}

/// libcurl result codes to the client's error vocabulary.
enum CurlErrorMapping {
    static func map(_ code: CURLcode, url: String, detail: String) -> ForaError {
        let host = SiteConfiguration(baseURL: url).hostAndPort
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
            CURLE_COULDNT_RESOLVE_PROXY:
            return .hostUnreachable(host: host)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns(host: host)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE:
            return .tls(reason: text)
        default:
            return .other("network error: \(text)")
        }
    }
}
