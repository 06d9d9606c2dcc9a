// Registration of the reading endpoints: one function per family, each in its own file.
extension RouteTable {
    mutating func registerReadEndpoints() {
        registerSiteEndpoints()
        registerTopicListEndpoints()
        registerPrivateMessageEndpoints()
        registerTopicEndpoints()
        registerPostEndpoints()
        registerSearchEndpoints()
        registerNotificationEndpoints()
        registerUserEndpoints()
        registerUserBookmarkEndpoints()
    }
}
