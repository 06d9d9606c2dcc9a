import Foundation

/// One finding of `fora doctor`: what was checked, how it stands, and what to do about it.
struct DoctorCheck: Equatable {
    enum Status: String {
        /// As it should be.
        case ok
        /// Works, but worse than it could (few colours, a plain-HTTP site).
        case warning
        /// Broken: fora will fail or lose something until it is fixed. Makes the exit code 1.
        case problem
    }

    var area: String
    var status: Status
    var detail: String
    var fix: String?

    static func ok(_ area: String, _ detail: String) -> DoctorCheck {
        DoctorCheck(area: area, status: .ok, detail: detail, fix: nil)
    }

    static func warning(_ area: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(area: area, status: .warning, detail: detail, fix: fix)
    }

    static func problem(_ area: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(area: area, status: .problem, detail: detail, fix: fix)
    }

    var json: [String: Any] {
        ["area": area, "status": status.rawValue, "detail": detail, "fix": Output.nullable(fix)]
    }
}
