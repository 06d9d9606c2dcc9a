/// Decoding that never fails on what a server leaves out or sends in another type: an absent
/// key, a null and a value of the wrong type all become nil. Real Discourse omits keys
/// conditionally and plugins change types, and one odd field must not lose a whole page.
extension KeyedDecodingContainer {
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// An integer sent as a number or as a numeric string.
    func lenientInt(_ key: Key) -> Int? {
        // Absent and null answer at once; only a value of another type tries the fallbacks.
        do { return try decodeIfPresent(Int.self, forKey: key) } catch {}
        if let double = lenient(Double.self, key), double.isFinite, abs(double) < 1e15 { return Int(double) }
        return lenient(String.self, key).flatMap { Int($0) }
    }

    /// A boolean sent as true/false, 0/1 or "true"/"false".
    func lenientBool(_ key: Key) -> Bool? {
        do { return try decodeIfPresent(Bool.self, forKey: key) } catch {}
        if let number = lenient(Int.self, key) { return number != 0 }
        return lenient(String.self, key).flatMap { ["true": true, "false": false, "t": true, "f": false][$0] }
    }

    /// An array whose elements that fail to decode are skipped rather than failing the whole.
    func lenientArray<T: Decodable>(_ type: T.Type, _ key: Key) -> [T] {
        // The common case first: every element decodes.
        if let all = try? decodeIfPresent([T].self, forKey: key) { return all }
        guard let wrapped = lenient([Skippable<T>].self, key) else { return [] }
        return wrapped.compactMap(\.value)
    }
}

/// One element of a lenient array: nil when it did not decode.
struct Skippable<T: Decodable>: Decodable {
    let value: T?
    init(from decoder: any Decoder) throws {
        value = try? T(from: decoder)
    }
}
