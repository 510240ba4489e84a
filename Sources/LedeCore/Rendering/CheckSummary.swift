/// The figure and name check, in one line for readers.
enum CheckSummary {
    static func line(_ check: BriefingCheck) -> String {
        let checked = "\(check.figures) figure\(check.figures == 1 ? "" : "s") and \(check.names) name\(check.names == 1 ? "" : "s")"
        if check.failures.isEmpty { return "Checked: \(checked), each found in the source it cites." }
        let items = check.failures.prefix(3).map(\.item).joined(separator: ", ")
        return "Checked \(checked); \(check.failures.count) not found in the cited source (\(items)) — read those with care."
    }
}
