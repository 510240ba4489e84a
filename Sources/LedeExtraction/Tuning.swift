import Foundation

// Temporary switches for measuring alternatives on the development set.
enum Tuning {
    static let environment = ProcessInfo.processInfo.environment
    static func flag(_ name: String) -> Bool { environment[name] == "1" }
    static func number(_ name: String, _ fallback: Double) -> Double {
        environment[name].flatMap(Double.init) ?? fallback
    }
    static let dropCaptions = !flag("LEDE_KEEP_CAPTIONS")
    static let dropDateLines = !flag("LEDE_KEEP_DATES")
    static let dropOrphanHeadings = !flag("LEDE_KEEP_ORPHANS")
    static let linkRunLength = Int(number("LEDE_RUN", 3))
    static let linkRunDensity = number("LEDE_RUN_LD", 0.3)
    static let adoptLeads = !flag("LEDE_NO_LEADS")
    static let adoptTitle = flag("LEDE_TITLE")
    static let companions = !flag("LEDE_NO_COMP")
    static let dropCredits = !flag("LEDE_KEEP_CREDITS")
    static let dropBoxTitles = !flag("LEDE_KEEP_BOXTITLES")
    static let dropTrailingPromotions = !flag("LEDE_KEEP_PROMOS")
    static let linkLimit = Int(number("LEDE_LINK_LIMIT", 100))
}
