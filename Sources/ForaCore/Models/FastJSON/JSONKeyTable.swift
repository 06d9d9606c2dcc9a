/// Finds which known key a raw JSON key is, without making a String: an open-addressing table
/// over the FNV-1a hash of the key's bytes, confirmed by comparing the bytes. Each field also
/// has a bit, so a reader can note which keys it has seen in one integer.
struct JSONKeyTable<Field: RawRepresentable & CaseIterable & Sendable>: Sendable where Field.RawValue == String {
    private var slots: [Int]
    private let names: [[UInt8]]
    private let fields: [Field]
    private let mask: Int

    init() {
        fields = Array(Field.allCases)
        precondition(fields.count <= 64, "a key table holds at most 64 fields")
        names = fields.map { Array($0.rawValue.utf8) }
        var size = 16
        while size < fields.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for (position, name) in names.enumerated() {
            var slot = Self.hash(name) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = position
        }
    }

    func field(_ key: UnsafeBufferPointer<UInt8>) -> (field: Field, bit: UInt64)? {
        var slot = Self.hash(key) & mask
        while true {
            let position = slots[slot]
            guard position >= 0 else { return nil }
            if names[position].elementsEqual(key) { return (fields[position], 1 << UInt64(position)) }
            slot = (slot + 1) & mask
        }
    }

    /// The bit of `field`.
    func bit(_ field: Field) -> UInt64 {
        fields.firstIndex { $0.rawValue == field.rawValue }.map { 1 << UInt64($0) } ?? 0
    }

    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value >> 1)
    }
}
