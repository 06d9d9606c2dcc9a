/// A screen whose rows a click selects (a second click on the same row opens it).
@MainActor
public protocol RowSelecting: AnyObject {
    /// Selects what is drawn on `visibleRow` (0 = the first row under the title); true when
    /// it was selected already.
    func select(visibleRow: Int) -> Bool
}
