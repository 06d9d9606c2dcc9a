/// A validating, allocation-light reader over JSON bytes, for the few response shapes decoded
/// in bulk (posts). It reads exactly the types it is asked for and throws `JSONByteReader.Miss`
/// on anything else — another type, malformed JSON, invalid UTF-8, a duplicate key — so the
/// caller can hand the document to `JSONDecoder` and its tolerant models instead. It never
/// guesses: whatever it accepts, `JSONDecoder` would have read the same way.
struct JSONByteReader {
    /// The document did not have the expected shape; decode it the general way.
    struct Miss: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private var depth = 0
    private static let maximumDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Structure

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next non-blank byte, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Miss() }
        index += 1
    }

    /// Consumes `null` when it comes next.
    mutating func readNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Whether only whitespace is left.
    mutating func requireEnd() throws {
        guard peek() == nil else { throw Miss() }
    }

    /// Calls `body` with each key of an object (as raw bytes, unescaped keys only), the
    /// reader placed on its value; `body` must consume the value.
    mutating func readObject(_ body: (inout JSONByteReader, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try rawKey()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw Miss()
            }
        }
    }

    /// Calls `body` for each element of an array, the reader placed on it.
    mutating func readArray(_ body: (inout JSONByteReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        try enter()
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try body(&self)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw Miss()
            }
        }
    }

    /// Skips one value of any type, validating it.
    mutating func skipValue() throws {
        switch peek() {
        case UInt8(ascii: "\""): _ = try stringBytes(decode: false)
        case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader in try reader.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case .some: _ = try numberSpan()
        case nil: throw Miss()
        }
    }

    // MARK: Typed values (null is nil; any other type is a miss)

    mutating func optionalString() throws -> String? {
        if try readNull() { return nil }
        return try string()
    }

    mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw Miss() }
        return try stringBytes(decode: true) ?? ""
    }

    mutating func optionalInt() throws -> Int? {
        if try readNull() { return nil }
        return try int()
    }

    /// An integer written without fraction or exponent, within ±10^18.
    mutating func int() throws -> Int {
        let span = try numberSpan()
        var position = span.lowerBound
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digits = span.upperBound - position
        guard digits > 0, digits <= 18 else { throw Miss() }
        var value = 0
        while position < span.upperBound {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { throw Miss() }  // a fraction or an exponent
            value = value * 10 + Int(digit)
            position += 1
        }
        return negative ? -value : value
    }

    mutating func optionalBool() throws -> Bool? {
        switch peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        default: throw Miss()
        }
    }

    // MARK: Scanning

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Miss() }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Miss() }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] { throw Miss() }
        index += count
    }

    /// A key's bytes as written; keys with escapes are left to the general decoder.
    private mutating func rawKey() throws -> UnsafeBufferPointer<UInt8> {
        guard peek() == UInt8(ascii: "\"") else { throw Miss() }
        let start = index + 1
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                return UnsafeBufferPointer(rebasing: bytes[start..<position])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw Miss() }
            position += 1
        }
        throw Miss()
    }

    /// Reads a string (the reader is on its opening quote); returns it when `decode`.
    private mutating func stringBytes(decode: Bool) throws -> String? {
        let start = index + 1
        var position = start
        // The common case: no escapes, so the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard let text = String(validating: raw, as: UTF8.self) else { throw Miss() }
                index = position + 1
                return decode ? text : nil
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw Miss() }
            position += 1
        }
        return try escapedString(from: start, plainUpTo: position)
    }

    /// The slow path: a string with escapes, unescaped into a byte buffer.
    private mutating func escapedString(from start: Int, plainUpTo firstEscape: Int) throws -> String {
        var output = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var position = firstEscape
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: output, as: UTF8.self) else { throw Miss() }
                index = position + 1
                return text
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw Miss() }
                position += 1
                switch bytes[position] {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(at: &position)
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                    continue
                default: throw Miss()
                }
                position += 1
            default:
                guard byte >= 0x20 else { throw Miss() }
                output.append(byte)
                position += 1
            }
        }
        throw Miss()
    }

    /// `\uXXXX` (with a following low surrogate when it is a high one); `position` is on the
    /// `u` and ends after the escape.
    private func unicodeEscape(at position: inout Int) throws -> Unicode.Scalar {
        let high = try hex4(at: position + 1)
        position += 5
        if (0xD800..<0xDC00).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw Miss() }
            let low = try hex4(at: position + 2)
            guard (0xDC00..<0xE000).contains(low) else { throw Miss() }
            position += 6
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw Miss() }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw Miss() }  // a lone low surrogate
        return scalar
    }

    private func hex4(at start: Int) throws -> UInt32 {
        guard start + 4 <= bytes.count else { throw Miss() }
        var value: UInt32 = 0
        for position in start..<(start + 4) {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Miss()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The bytes of a number, checked against JSON's grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func numberSpan() throws -> Range<Int> {
        skipWhitespace()
        let start = index
        var position = index
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - from
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw Miss() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw Miss() }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw Miss() }
        }
        index = position
        return start..<position
    }
}
