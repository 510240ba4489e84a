import Foundation

/// Formats figures in their short normalised form.
enum FigureFormat {
    static func display(_ figure: Figure) -> String {
        switch figure.kind {
        case .money:
            return currencySymbol(figure.unit) + compact(figure.value)
        case .percentage:
            return figure.unit == "pp" ? "\(plain(figure.value)) pp" : "\(plain(figure.value))%"
        case .capacity:
            return scaled(figure.value, unit: "W")
        case .energy:
            return scaled(figure.value, unit: "Wh")
        case .duration:
            return "\(plain(figure.value)) \(figure.value == 1 ? figure.unit : figure.unit + "s")"
        case .count:
            return "\(grouped(figure.value)) \(figure.unit)"
        case .date:
            return date(figure.value)
        }
    }

    static func currencySymbol(_ code: String) -> String {
        switch code {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY": "¥"
        case "CNY": "CN¥"
        default: code + " "
        }
    }

    /// `33000000000` → `33B`, `450000000` → `450M`, `1500000` → `1.5M`, `25000` → `25,000`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e12 { return plain(value / 1e12) + "T" }
        if magnitude >= 1e9 { return plain(value / 1e9) + "B" }
        if magnitude >= 1e6 { return plain(value / 1e6) + "M" }
        return grouped(value)
    }

    static func scaled(_ value: Double, unit: String) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e12 { return "\(plain(value / 1e12)) T\(unit)" }
        if magnitude >= 1e9 { return "\(plain(value / 1e9)) G\(unit)" }
        if magnitude >= 1e6 { return "\(plain(value / 1e6)) M\(unit)" }
        if magnitude >= 1e3 { return "\(plain(value / 1e3)) k\(unit)" }
        return "\(plain(value)) \(unit)"
    }

    /// A number without a trailing `.0`, with at most two decimals.
    static func plain(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A whole number with thousands separators: `100000` → `100,000`.
    static func grouped(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return plain(value) }
        let digits = String(Int64(abs(value)))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    static func significant(_ value: Double, digits: Int) -> String {
        guard value != 0, value.isFinite else { return "0" }
        let exponent = Int(floor(log10(abs(value))))
        let scale = pow(10, Double(digits - 1 - exponent))
        let rounded = (value * scale).rounded() / scale
        return plain(rounded)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `20260420` → `April 20, 2026`; `420` → `April 20`; `20260000` → `2026`.
    static func date(_ value: Double) -> String {
        let number = Int(value)
        let year = number / 10000
        let month = (number / 100) % 100
        let day = number % 100
        var parts: [String] = []
        if month >= 1 && month <= 12 {
            parts.append(day > 0 ? "\(monthNames[month - 1]) \(day)" : monthNames[month - 1])
        }
        if year > 0 { parts.append(String(year)) }
        return parts.joined(separator: parts.count == 2 && day > 0 ? ", " : " ")
    }
}
