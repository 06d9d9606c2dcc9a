import Foundation

/// A certificate authority made on the spot with the `openssl` CLI, in a temporary folder, for
/// the demo server's TLS mode in tests and benchmarks: `ca.pem` (what a user would put in
/// `ca_file`) and `server.pem`/`server.key`, a certificate it signed for 127.0.0.1
/// (SAN IP:127.0.0.1). EC P-256 keys, valid for two days.
public struct ThrowawayCertificateAuthority: Sendable {
    /// `openssl` is missing or refused: its own words.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let folder: URL
    public var caFile: String { folder.appendingPathComponent("ca.pem").path }
    public var serverCertificate: String { folder.appendingPathComponent("server.pem").path }
    public var serverKey: String { folder.appendingPathComponent("server.key").path }

    /// - Parameter name: the CA's common name (which run made it, when one is left behind).
    public init(name: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fora-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(
            ["req", "-x509"] + ec + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=\(name)",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try run(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        try Data(
            """
            subjectAltName = IP:127.0.0.1
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth

            """.utf8
        ).write(to: folder.appendingPathComponent("server.ext"))
        try run([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
        ])
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "openssl \(arguments.first ?? "") failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
