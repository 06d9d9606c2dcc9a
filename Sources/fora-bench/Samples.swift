// Latency samples and their percentiles, for the benchmarks that judge a tail (p99) rather
// than a typical value.
import Foundation

struct Samples {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func append(_ value: Double) { values.append(value) }

    var count: Int { values.count }

    /// The nearest-rank percentile (`p` in 0…100); 0 when there are no samples.
    func percentile(_ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var median: Double { percentile(50) }
    var maximum: Double { values.max() ?? 0 }

    /// "name: median …, p90 …, p99 …, max … (n samples; goal p99 ≤ G ms) ok|MISSED".
    func line(_ name: String, goal: Double? = nil, unit: String = "ms") -> String {
        var text = String(
            format: "%@: median %.3f %@, p90 %.3f, p99 %.3f, max %.3f (%d samples)", name, median, unit, percentile(90),
            percentile(99), maximum, count)
        if let goal {
            text += String(format: "; goal p99 ≤ %g %@ %@", goal, unit, percentile(99) <= goal ? "ok" : "MISSED")
        }
        return text
    }
}

/// Milliseconds on the monotonic clock since `start`.
func millisecondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// One line saying which machine measured, and that it is shared.
func machineLine() -> String {
    "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(NetworkBenchmark.hostDescription()), "
        + String(format: "load average %@ (shared with other builds)", loadAverage())
}

func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// Wall time and this thread's CPU time of the same events: on a shared machine the wall
/// time's tail holds the neighbours' time slices, the CPU time only ours.
struct TimedSamples {
    var wall = Samples()
    var cpu = Samples()

    mutating func time(_ body: () -> Void) {
        let cpuStart = threadCPUMilliseconds()
        let start = ContinuousClock.now
        body()
        wall.append(millisecondsSince(start))
        cpu.append(threadCPUMilliseconds() - cpuStart)
    }

    var count: Int { wall.count }

    func lines(_ name: String, goal: Double? = nil) -> String {
        wall.line(name + " [wall]", goal: goal) + "\n" + cpu.line(name + " [thread CPU]", goal: goal)
    }
}

func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}
