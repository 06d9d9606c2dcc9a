// `fora-demo-server`: the Discourse-compatible demo community on 127.0.0.1, over plain HTTP.
// Prints exactly `listening on http://127.0.0.1:PORT` once ready and stops cleanly on SIGINT
// or SIGTERM. The HTTPS + HTTP/2 mode is `fora-demo-server-tls` (tests and benchmarks).
import ArgumentParser
import DemoServer
import DemoServerCommandLine

@main
struct ForaDemoServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fora-demo-server",
        abstract: "A Discourse-compatible demo community server on 127.0.0.1.",
        discussion: DemoServerOptions.discussion + """


            `fora-demo-server-tls` (built by the tests and benchmarks) serves the same over \
            HTTPS with HTTP/2.
            """)

    @OptionGroup var options: DemoServerOptions

    func run() async throws {
        try await DemoServerRunner.serve(try options.configuration())
    }
}
