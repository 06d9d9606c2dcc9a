import Foundation

/// A response type that can also be read straight from JSON bytes by `JSONByteReader`; the
/// reader throws `JSONByteReader.Miss` whenever the document is not exactly as expected.
protocol FastJSONDecodable: Decodable {
    init(jsonBytes: UnsafeBufferPointer<UInt8>) throws
}

/// How fora decodes response bodies: topics and post batches — most of the bytes a sync
/// moves — through the fast byte reader, everything else, and anything the fast reader
/// does not accept, through `JSONDecoder` and the tolerant models. Both paths give the same
/// value for the same document (the tests decode every fixture both ways).
public enum ResponseJSON {
    public static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        if let fast = type as? any FastJSONDecodable.Type,
            let value = body.withUnsafeBufferPointer({ try? fast.init(jsonBytes: $0) }) as? T
        {
            return value
        }
        return try JSONDecoder().decode(T.self, from: Data(body))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `text` (a JSON key against a known name).
    func spells(_ text: StaticString) -> Bool {
        count == text.utf8CodeUnitCount
            && elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension PostBatch: FastJSONDecodable {
    init(jsonBytes: UnsafeBufferPointer<UInt8>) throws {
        var reader = JSONByteReader(jsonBytes)
        var posts: [Post]?
        var sawStream = false
        try reader.readObject { reader, key in
            guard key.spells("post_stream") else { return try reader.skipValue() }
            guard !sawStream else { throw JSONByteReader.Miss() }
            sawStream = true
            try reader.readObject { reader, key in
                guard key.spells("posts") else { return try reader.skipValue() }
                guard posts == nil else { throw JSONByteReader.Miss() }
                posts = try reader.readNull() ? [] : try Post.readArray(from: &reader)
            }
        }
        try reader.requireEnd()
        guard sawStream else { throw JSONByteReader.Miss() }
        self.init(posts: posts ?? [])
    }
}
