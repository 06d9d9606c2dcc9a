/// The community-health screen: figures and charts from the cache.
extension OperationTable {
    static let healthOperations: [Operation] = [
        entry(
            .communityHealth,
            "Community health from the cache: answer rate, first response, unanswered ageing, answerers (:stats)",
            hint: "health", [.list: ["%"]])
    ]
}
