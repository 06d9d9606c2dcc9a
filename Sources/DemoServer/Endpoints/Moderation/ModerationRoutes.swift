// Registration of the moderation endpoints.
extension RouteTable {
    mutating func registerModerationEndpoints() {}
}
