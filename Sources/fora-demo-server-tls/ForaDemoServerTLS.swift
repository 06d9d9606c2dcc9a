// `fora-demo-server-tls`: the demo community over HTTPS, offering HTTP/2 and HTTP/1.1 by ALPN,
// for the tests and benchmarks that exercise fora's TLS verification and multiplexing. Prints
// exactly `listening on https://127.0.0.1:PORT` once ready.
import ArgumentParser
import DemoServer
import DemoServerCommandLine
import DemoServerTLS

@main
struct ForaDemoServerTLS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fora-demo-server-tls",
        abstract: "The demo community server over HTTPS with HTTP/2, on 127.0.0.1.",
        discussion: DemoServerOptions.discussion + """


            It serves HTTPS from --tls-cert and --tls-key, offering HTTP/2 and HTTP/1.1 by \
            ALPN, and prints `listening on https://127.0.0.1:PORT`.
            """)

    @OptionGroup var options: DemoServerOptions

    @Option(help: "PEM certificate chain.")
    var tlsCert: String

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String

    func run() async throws {
        var configuration = try options.configuration()
        configuration.tls = DemoTLSFiles(certificateChain: tlsCert, privateKey: tlsKey)
        try await DemoServerRunner.serve(configuration)
    }
}
