import ArgumentParser
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora categories`: the site's categories, subcategories indented under their parent.
struct Categories: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the categories.")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let categories: [ForaCore.Category]
        if globals.offline {
            // As `fora sync` stored them, in the site's order where it said one (ids otherwise).
            let store = try OfflineReading.store(globals)
            categories = try await StoreAccess.run { try store.categories() }.sorted { $0.id < $1.id }
        } else {
            let service = try globals.service()
            categories = try await withFailures { try await service.categories() }
        }
        if globals.json {
            try Output.json(categories.map(JSONSchemas.category))
            return
        }
        var rows = [["ID", "SLUG", "TOPICS", "NAME"]]
        let parents = categories.filter { $0.parentCategoryID == nil }
        for parent in parents {
            rows.append([String(parent.id), parent.slug, parent.topicCount.map(String.init) ?? "", parent.name])
            for child in categories where child.parentCategoryID == parent.id {
                rows.append([String(child.id), child.slug, child.topicCount.map(String.init) ?? "", "  " + child.name])
            }
        }
        let orphans = categories.filter { child in
            child.parentCategoryID.map { id in !parents.contains { $0.id == id } } ?? false
        }
        for child in orphans {
            rows.append([String(child.id), child.slug, child.topicCount.map(String.init) ?? "", child.name])
        }
        for (index, line) in Output.table(rows, rightAligned: [0, 2]).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}
