// The libFuzzer target over the renderer. `scripts/fuzz-render.sh` builds it with
// `-sanitize=fuzzer -D FORA_FUZZ`, and libFuzzer supplies `main`. In an ordinary build the
// `@main` below replays input files instead (`ForaRenderFuzz crash-123`), so the target
// always builds and a crash found by the fuzzer can be rerun under a debugger.
import ForaRender

#if canImport(Glibc)
    import Glibc
#endif

/// Widths tried for every input: a typical pane, a narrow one, and the 1-column extreme.
private let widths = [80, 23, 1]

/// Poll counts at the limits for the options a fuzzed poll is likeliest to name: the counts come
/// from the site's JSON, and their sums and percentages must not overflow.
private let extremeVotes = RenderOptions(
    pollVotes: ["poll": ["a": Int.max, "b": Int.max, "x": Int.min, "0": -1, "1": Int.max - 1]])

/// Renders `data` as cooked HTML and as markdown; aborts if any output line could reach a
/// terminal as a control or is wider than asked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for width in widths {
        check(
            CookedRenderer(options: RenderOptions(revealSpoilers: true, expandDetails: true)).render(
                input, width: width), width: width)
        check(CookedRenderer().render(input, width: width), width: width)
    }
    check(CookedRenderer(options: extremeVotes).render(input, width: 40), width: 40)
    check(MarkdownPreview.render(input, width: 60), width: 60)
    let plain = DocumentWriter(style: .plain).write(CookedRenderer().render(input, width: 40))
    if plain.utf8.contains(0x1B) { fail("ESC byte in plain output") }
    return 0
}

private func check(_ document: RenderedDocument, width: Int) {
    for line in document.lines {
        let text = line.plainText
        if !TerminalSafety.isSafe(text) { fail("control character in output: \(text.unicodeScalars.map(\.value))") }
        if RenderInspection.width(of: line) > width { fail("line wider than \(width): \(text)") }
    }
    for url in document.links where !TerminalSafety.isSafe(url) { fail("control character in a URL") }
}

private func fail(_ message: String) -> Never {
    printError("fuzz check failed: \(message)\n")
    abort()
}

/// Writes to standard error without touching the C `stderr` global (not concurrency-safe).
private func printError(_ message: String) {
    var text = message
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

#if FORA_FUZZ
    /// libFuzzer's driver, called from our own entry point: SwiftPM links an executable with
    /// `main` aliased to `ForaRenderFuzz_main`, so libFuzzer's `main` cannot be the entry.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("ForaRenderFuzz_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in fuzzRender(data, size) }
    }
#else
    @main
    struct ReplayInputs {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else {
                    printError("cannot open \(path)\n")
                    exit(1)
                }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = fread(&chunk, 1, chunk.count, file)
                    if count <= 0 { break }
                    bytes += chunk[0..<count]
                }
                fclose(file)
                // One spare byte so even an empty file has a base address.
                let storage = bytes + [0]
                _ = storage.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { fuzzRender($0, bytes.count) }
                }
                print("ok \(path) (\(bytes.count) bytes)")
            }
        }
    }
#endif
