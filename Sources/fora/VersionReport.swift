import ForaCore
import ForaNet
import ForaStore
import ForaTUI

/// `fora --version`: fora's version and the C libraries it runs with, what bug reports need.
enum VersionReport {
    static var text: String {
        """
        fora \(ForaVersion.current)
        \(CurlVersion.description)
        \(TerminalProbe.cursesVersion)
        SQLite \(StoreDiagnosis.sqliteVersion())
        """
    }
}
