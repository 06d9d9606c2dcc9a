/// The outbox screen: the writes waiting, sent or refused.
extension OperationTable {
    static let outboxOperations: [Operation] = [
        entry(
            .showOutbox, "The outbox: writes waiting, sent or refused; r retries, d drops (:outbox)", hint: "outbox",
            [:])
    ]
}
