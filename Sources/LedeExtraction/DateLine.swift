/// Recognises a line that only states a date or time ("03.04.2020", "11 Jan 2019",
/// "Published: May 6, 2022 12:49 AM"): page furniture, not text.
enum DateLine {
    static func isDateLine(_ line: String) -> Bool {
        var digits = 0
        var letters = 0
        var digitRuns = 0
        var inDigits = false
        for scalar in line.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                digits += 1
                if !inDigits { digitRuns += 1 }
                inDigits = true
            } else {
                inDigits = false
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        // A date has two or three numbers (day, month, year) or one or two with a month name,
        // a time adds one or two; few letters are left for words.
        guard digits >= 3, digitRuns >= 2 || (digitRuns >= 1 && letters >= 3), digitRuns <= 6 else { return false }
        return letters <= 40 && DateWords.containsDateEvidence(line)
    }
}
