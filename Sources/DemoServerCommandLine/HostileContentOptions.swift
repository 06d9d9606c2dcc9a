// The flags that make the demo server behave as a hostile site (see `HostileContent`).
import ArgumentParser
import DemoServer

struct HostileContentOptions: ParsableArguments {
    @Flag(
        help: """
            Append terminal escapes (ESC, CSI, OSC 52, BEL, DEL, C1 CSI, bidi overrides) to every \
            string of every JSON answer, errors[] and review labels included.
            """)
    var hostileText = false

    @Flag(help: "Append list starts, spans, image sizes and quote numbers at the limits of Int64 to every post.")
    var hostileIntegers = false

    var content: HostileContent { HostileContent(text: hostileText, integers: hostileIntegers) }
}
