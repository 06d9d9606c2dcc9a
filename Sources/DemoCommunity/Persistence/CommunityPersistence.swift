// Durable storage of the demo community: a JSON snapshot in the `--data` directory.
import Foundation

/// Why a saved community could not be used.
public enum CommunityPersistenceError: Error, CustomStringConvertible {
    case unreadableSnapshot(path: String, reason: String)
    case inconsistentSnapshot(String)

    public var description: String {
        switch self {
        case .unreadableSnapshot(let path, let reason):
            "the saved community at \(path) cannot be read (\(reason)); move it away to start afresh"
        case .inconsistentSnapshot(let detail):
            "the saved community is inconsistent: \(detail)"
        }
    }
}

/// Keeps the demo community across restarts. On start it loads the snapshot in the directory
/// if it was made from the same seed and scale (a snapshot from another seed, scale or
/// content version is moved aside to `community.json.incompatible`), else starts from the
/// generator; then every `CommunityState.write` saves a new snapshot atomically and durably
/// before the write returns. Snapshots hold only what differs from the generated community
/// (see `CommunitySnapshot`), so saving is cheap even at a million posts.
public final class CommunityPersistence: @unchecked Sendable {
    public static let snapshotFileName = "community.json"

    public let snapshotURL: URL
    let seed: UInt64
    let scale: Int
    private let baseline: GeneratedBaseline
    private let lock = NSLock()
    private var lastSavedBytes = Data()
    /// The topics of the last save and which of them differed, reused while `topics` is unchanged.
    private var lastTopics: [Int: DemoTopic] = [:]
    private var lastTopicChanges: (changed: [DemoTopic], removed: [Int]) = ([], [])
    private var lastError: String?

    init(directory: URL, seed: UInt64, scale: Int, baseline: GeneratedBaseline) {
        snapshotURL = directory.appendingPathComponent(Self.snapshotFileName)
        self.seed = seed
        self.scale = scale
        self.baseline = baseline
        lastTopics = baseline.topics
    }

    /// Opens the community generated from (seed, scale): with a directory, restored from its
    /// snapshot when compatible and saved after every write; with nil, in memory only.
    public static func openState(directory: URL?, seed: UInt64, scale: Int) throws -> CommunityState {
        guard let directory else { return CommunityGenerator.makeState(seed: seed, scale: scale) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var (data, materializer) = CommunityGenerator(seed: seed, scale: scale).makeCommunity()
        let baseline = GeneratedBaseline(generated: data, materializer: materializer)
        let persistence = CommunityPersistence(directory: directory, seed: seed, scale: scale, baseline: baseline)
        try persistence.restore(into: &data)
        let state = CommunityState(data: data, materializer: baseline)
        state.didWrite = { persistence.save($0) }
        return state
    }

    /// Applies a compatible snapshot to freshly generated data; sets an incompatible one aside.
    func restore(into data: inout CommunityData) throws {
        guard FileManager.default.fileExists(atPath: snapshotURL.path) else { return }
        let snapshot: CommunitySnapshot
        do {
            snapshot = try JSONDecoder().decode(CommunitySnapshot.self, from: Data(contentsOf: snapshotURL))
        } catch {
            throw CommunityPersistenceError.unreadableSnapshot(path: snapshotURL.path, reason: "\(error)")
        }
        guard snapshot.isCompatible(seed: seed, scale: scale) else {
            let aside = snapshotURL.appendingPathExtension("incompatible")
            try? FileManager.default.removeItem(at: aside)
            try FileManager.default.moveItem(at: snapshotURL, to: aside)
            return
        }
        let generated = data
        try snapshot.apply(to: &data) { [baseline] topicId in
            baseline.generatedPosts(ofTopic: topicId, in: generated) ?? []
        }
        lastTopics = data.topics
        lastTopicChanges = (snapshot.changedTopics, snapshot.removedTopicIds)
    }

    /// The snapshot of `data`: small tables whole, topics and posts as changes.
    func snapshot(of data: CommunityData) -> CommunitySnapshot {
        var snapshot = CommunitySnapshot(small: data, seed: seed, scale: scale)
        if data.topics != lastTopics {
            let changed = data.topics.values.filter { baseline.topics[$0.id] != $0 }.sorted { $0.id < $1.id }
            let removed = baseline.topics.keys.filter { data.topics[$0] == nil }.sorted()
            lastTopics = data.topics
            lastTopicChanges = (changed, removed)
        }
        (snapshot.changedTopics, snapshot.removedTopicIds) = lastTopicChanges
        snapshot.topicPosts = data.postsByTopic.keys.sorted().compactMap { topicId in
            guard let posts = data.postsByTopic[topicId] else { return nil }
            let generated = baseline.generatedPosts(ofTopic: topicId, in: data) ?? []
            return CommunitySnapshot.changes(of: posts, topicId: topicId, generated: generated)
        }
        return snapshot
    }

    /// Saves `data` (called under the state's lock after every write). Failures are reported
    /// on standard error and the server keeps serving from memory; the next write retries.
    func save(_ data: CommunityData) {
        lock.lock()
        defer { lock.unlock() }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let bytes = try encoder.encode(snapshot(of: data))
            guard bytes != lastSavedBytes else { return }
            try AtomicFile.replace(snapshotURL, with: bytes)
            lastSavedBytes = bytes
            lastError = nil
        } catch {
            let message = "\(error)"
            if message != lastError {
                FileHandle.standardError.write(
                    Data("fora-demo-server: could not save the community: \(message)\n".utf8))
            }
            lastError = message
        }
    }
}
