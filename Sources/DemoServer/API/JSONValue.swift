// A JSON value built by the serialisers. Discourse payloads are wide, conditional and
// partly side-loaded; building them as values (rather than one Codable struct per shape)
// lets a serialiser leave a key out exactly where real Discourse leaves it out.
import DemoCommunity
import Foundation

public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys keep their insertion order, so responses read like Discourse's.
    case object(JSONObject)

    /// Encodes compactly as UTF-8 JSON.
    public func encoded() -> Data {
        var out = ""
        out.reserveCapacity(256)
        write(into: &out)
        return Data(out.utf8)
    }

    public func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(entry.key, into: &out)
                out += ":"
                entry.value.write(into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Parses JSON (request bodies) into a value; nil when it is not valid JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        guard let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return nil
        }
        return JSONValue(any: any)
    }

    init?(any: Any) {
        switch any {
        case is NSNull: self = .null
        case let n as NSNumber:
            // On Linux a JSON boolean arrives as an NSNumber whose objCType is "c".
            if String(cString: n.objCType) == "c" {
                self = .bool(n.boolValue)
            } else if n.stringValue.contains(".") || n.stringValue.contains("e") {
                self = .double(n.doubleValue)
            } else {
                self = .int(n.intValue)
            }
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.compactMap { JSONValue(any: $0) })
        case let d as [String: Any]:
            var object = JSONObject()
            for key in d.keys.sorted() { if let v = d[key].flatMap({ JSONValue(any: $0) }) { object[key] = v } }
            self = .object(object)
        default: return nil
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}

/// An ordered JSON object.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(key: String, value: JSONValue)] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// Setting nil removes the key; use `.null` to send an explicit null.
    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue {
    /// `.string` or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// `.int` or `.null`.
    public static func optional(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
    /// An ISO-8601 timestamp with milliseconds, as Discourse sends dates.
    public static func date(_ date: Date) -> JSONValue { .string(DemoDate.iso8601(date)) }
    public static func optionalDate(_ date: Date?) -> JSONValue { date.map { .date($0) } ?? .null }
}
