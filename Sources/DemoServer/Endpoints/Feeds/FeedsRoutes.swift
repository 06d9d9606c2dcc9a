// Registration of the feeds endpoints.
extension RouteTable {
    mutating func registerFeedEndpoints() {}
}
