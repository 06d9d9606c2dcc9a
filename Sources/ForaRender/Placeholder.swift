// Placeholder: ForaRender turns cooked HTML into terminal text; see ARCHITECTURE.md.
import CCmarkGFM
import CLibXML2

enum ForaRenderModule {
    /// Aborts early if the linked libxml2 is older than its headers (a broken install).
    static func checkLibXML() { xmlCheckVersion(20900) }
    static var cmarkVersion: String { String(cString: cmark_version_string()) }
}
