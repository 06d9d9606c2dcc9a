// Registration of the writing endpoints.
extension RouteTable {
    mutating func registerWriteEndpoints() {}
}
