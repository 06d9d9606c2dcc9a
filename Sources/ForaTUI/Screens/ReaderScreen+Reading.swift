/// What the reader has on screen, for measuring reading (ReadingTracker).
extension ReaderScreen {
    /// The numbers of the loaded posts the last draw showed, small actions included.
    public var visiblePostNumbers: [Int] { visibleSlots().compactMap { stream[$0]?.number } }
}
