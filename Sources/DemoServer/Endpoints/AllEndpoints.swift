// The whole route table of the demo server, assembled from one registration function per
// endpoint family (each in its own folder under Endpoints/).
extension RouteTable {
    /// Every route the demo server answers, most specific first within each family.
    public static func demo() -> RouteTable {
        var table = RouteTable()
        table.registerAuthEndpoints()
        table.registerReadEndpoints()
        table.registerWriteEndpoints()
        table.registerModerationEndpoints()
        table.registerFeedEndpoints()
        return table
    }
}
