import ForaCore
import Foundation

/// Decodes a response body, turning any failure into `ForaError.malformedResponse` naming
/// the endpoint and the field (the coding path) that did not fit.
public enum ResponseDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], endpoint: String) throws -> T {
        do {
            return try ResponseJSON.decode(T.self, from: body)
        } catch let error as DecodingError {
            throw ForaError.malformedResponse(endpoint: strip(endpoint), field: describe(error))
        } catch {
            throw ForaError.malformedResponse(endpoint: strip(endpoint), field: "unreadable body")
        }
    }

    /// The endpoint without its query (which may be long).
    static func strip(_ endpoint: String) -> String {
        endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ key: CodingKey? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context, key))"
        case .valueNotFound(_, let context):
            return "null field \(path(context))"
        case .typeMismatch(let type, let context):
            let where_ = path(context)
            return where_.isEmpty ? "expected \(type) at the top level" : "field \(where_) is not \(type)"
        case .dataCorrupted(let context):
            let where_ = path(context)
            return where_.isEmpty ? "the body is not valid JSON" : "field \(where_) is invalid"
        @unknown default:
            return "undecodable body"
        }
    }
}
