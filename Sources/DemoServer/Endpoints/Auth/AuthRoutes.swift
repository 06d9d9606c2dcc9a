// Registration of the auth endpoints.
extension RouteTable {
    mutating func registerAuthEndpoints() {}
}
