// Registration of the reading endpoints.
extension RouteTable {
    mutating func registerReadEndpoints() {}
}
