/// Checks URLs taken from markup the way a browser will read them, before deciding they are
/// safe to follow or load.
enum SafeURL {
    /// The URL to write, made absolute against `base` when relative, or `nil` when its scheme is
    /// not http, https or mailto. Browsers drop tabs and newlines anywhere in a URL and control
    /// characters and spaces around it (`java\tscript:` runs), so those go before the check.
    static func checked(_ value: String, base: String?) -> String? {
        let cleaned = cleaned(value)
        if let scheme = URLReferenceResolver.scheme(of: cleaned) {
            return HTMLSanitizer.allowedSchemes.contains(scheme) ? cleaned : nil
        }
        guard let base, !cleaned.isEmpty else { return cleaned }
        let resolved = URLReferenceResolver.resolve(cleaned, against: base)
        guard let scheme = URLReferenceResolver.scheme(of: resolved) else { return resolved }
        return HTMLSanitizer.allowedSchemes.contains(scheme) ? resolved : cleaned
    }

    /// A `srcset` with every candidate checked, or `nil` if any candidate is unsafe.
    static func checkedSourceSet(_ value: String, base: String?) -> String? {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let url = parts.first else { continue }
            guard let safe = checked(String(url), base: base), !safe.isEmpty else { return nil }
            candidates.append(([safe] + parts.dropFirst().map(String.init)).joined(separator: " "))
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }

    private static func cleaned(_ value: String) -> String {
        var scalars = value.unicodeScalars[...]
        while let first = scalars.first, first.value <= 0x20 { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars = scalars.dropLast() }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" && scalar.value != 0 {
            result.append(scalar)
        }
        return String(result)
    }
}
