// The address clients reach this server at, for the absolute links of feeds and of the
// device flow's verification page: the request's Host, else the configured port.
import Foundation

extension APIRequest {
    /// `http://host:port` (`https://` in TLS mode). The Host header wins (it carries the port a client really used);
    /// without it, the configured port when one was given (0 means "any free port", which
    /// only the listening socket knows).
    func publicBaseURL(_ context: DemoContext) -> String {
        (context.configuration.tls == nil ? "http://" : "https://") + publicAuthority(context)
    }

    func publicAuthority(_ context: DemoContext) -> String {
        if let host = headers["host"], !host.isEmpty { return host }
        let port = context.configuration.port
        return port > 0 ? "127.0.0.1:\(port)" : "127.0.0.1"
    }
}
