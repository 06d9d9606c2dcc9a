// Where the served community comes from when the configuration does not hand one in: the
// deterministic generator, persisted under `--data DIR` when one is given (so what users
// post survives a restart), in memory otherwise.
import DemoCommunity
import Foundation

enum CommunityLoading {
    static func openState(_ configuration: DemoServerConfiguration) throws -> CommunityState {
        try CommunityPersistence.openState(
            directory: configuration.dataDirectory, seed: configuration.seed, scale: configuration.scale)
    }
}
