import CLibXML2

/// A parsed HTML document from libxml2's error-tolerant HTML parser. The tree lives only
/// inside `parse(_:_:)`'s closure; the nodes handed out must not escape it.
enum HTMLDocument {
    /// libxml2 keeps global tables that `xmlInitParser` fills; calling it once from a
    /// Swift `static let` (run once, thread-safely) lets parsers run on any thread after.
    private static let initialized: Void = { xmlInitParser() }()

    private static let options: Int32 = {
        let flags: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET,
            HTML_PARSE_COMPACT,
        ]
        return Int32(flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// Parses `html` (UTF-8) and calls `body` with the document node, or nil when the input
    /// holds nothing to parse.
    static func parse<Result>(_ html: String, _ body: (HTMLNode?) -> Result) -> Result {
        _ = initialized
        var source = html
        return source.withUTF8 { buffer -> Result in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else {
                return body(nil)
            }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let document = htmlReadMemory(chars, Int32(buffer.count), nil, "UTF-8", options) else {
                return body(nil)
            }
            defer { xmlFreeDoc(document) }
            let root = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
            return body(HTMLNode(root))
        }
    }
}

/// A borrowed view of one libxml2 node.
struct HTMLNode {
    let raw: UnsafeMutablePointer<xmlNode>

    init(_ raw: UnsafeMutablePointer<xmlNode>) { self.raw = raw }

    var isElement: Bool { raw.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { raw.pointee.type == XML_TEXT_NODE || raw.pointee.type == XML_CDATA_SECTION_NODE }

    /// The lower-case element name ("p", "aside"), or "" for text and other nodes.
    var name: String {
        guard isElement, let name = raw.pointee.name else { return "" }
        return String(cString: name)
    }

    /// A text node's content (entities already decoded).
    var text: String {
        guard let content = raw.pointee.content else { return "" }
        return String(cString: content)
    }

    var children: HTMLChildren { HTMLChildren(first: raw.pointee.children) }

    var firstElementChild: HTMLNode? { children.first { $0.isElement } }

    /// The value of attribute `name`, or nil when absent.
    func attribute(_ name: String) -> String? {
        // Compared as C strings: no Swift string is made for attributes we do not want.
        name.withCString { wanted -> String? in
            let wantedName = UnsafeRawPointer(wanted).assumingMemoryBound(to: xmlChar.self)
            var attribute = raw.pointee.properties
            while let current = attribute {
                if let attributeName = current.pointee.name, xmlStrEqual(attributeName, wantedName) != 0 {
                    var value = ""
                    var child = current.pointee.children
                    while let node = child {
                        if let content = node.pointee.content { value += String(cString: content) }
                        child = node.pointee.next
                    }
                    return value
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }

    /// Whether the `class` attribute lists `className`.
    func hasClass(_ className: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        // Token match without splitting: `className` bounded by white space or the ends.
        let haystack = classes.utf8
        let needle = className.utf8
        var start = haystack.startIndex
        while start < haystack.endIndex {
            var end = start
            while end < haystack.endIndex && !Self.isClassSeparator(haystack[end]) { end = haystack.index(after: end) }
            if haystack[start..<end].elementsEqual(needle) { return true }
            start = end < haystack.endIndex ? haystack.index(after: end) : end
        }
        return false
    }

    private static func isClassSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// All text below this node, in document order, without markup.
    var textContent: String {
        if isText { return text }
        var out = ""
        for child in children { out += child.textContent }
        return out
    }

    /// The first descendant element (depth first) that satisfies `predicate`.
    func firstDescendant(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where child.isElement {
            if predicate(child) { return child }
            if let found = child.firstDescendant(where: predicate) { return found }
        }
        return nil
    }
}

/// The children of a node, walked through libxml2's sibling links.
struct HTMLChildren: Sequence {
    let first: UnsafeMutablePointer<xmlNode>?

    struct Iterator: IteratorProtocol {
        var cursor: UnsafeMutablePointer<xmlNode>?
        mutating func next() -> HTMLNode? {
            guard let current = cursor else { return nil }
            cursor = current.pointee.next
            return HTMLNode(current)
        }
    }

    func makeIterator() -> Iterator { Iterator(cursor: first) }
}
