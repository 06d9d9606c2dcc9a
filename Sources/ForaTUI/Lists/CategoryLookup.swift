import ForaCore
import Foundation

/// Finds the category a typed name means: an exact slug, name or id first, then a unique
/// prefix of a slug or a name (`:category how` for how-to). Two candidates are named back
/// rather than guessed, and an unknown name changes nothing.
enum CategoryLookup {
    enum Outcome: Equatable {
        case found(ForaCore.Category)
        case ambiguous([String])
        case none
    }

    static func find(_ typed: String, in categories: [ForaCore.Category]) -> Outcome {
        let wanted = typed.lowercased().trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return .none }
        if let exact = categories.first(where: {
            $0.slug.lowercased() == wanted || $0.name.lowercased() == wanted || String($0.id) == wanted
        }) {
            return .found(exact)
        }
        let matches = categories.filter {
            $0.slug.lowercased().hasPrefix(wanted) || $0.name.lowercased().hasPrefix(wanted)
        }
        switch matches.count {
        case 0: return .none
        case 1: return .found(matches[0])
        default: return .ambiguous(matches.map(\.slug).sorted())
        }
    }
}
