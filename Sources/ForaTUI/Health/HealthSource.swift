import ForaCore

/// Where the health screen gets its figures: the local store, through two closures, so the
/// interface never opens the database itself.
public struct HealthSource: Sendable {
    public var categories: @Sendable () throws -> [ForaCore.Category]
    public var compute: @Sendable (HealthScope) throws -> CommunityHealth

    public init(
        categories: @escaping @Sendable () throws -> [ForaCore.Category],
        compute: @escaping @Sendable (HealthScope) throws -> CommunityHealth
    ) {
        self.categories = categories
        self.compute = compute
    }
}
