/// Recognises lines that are furniture whatever their markup: picture credits and the calls
/// to action that close articles. Word lists cover the common languages of news pages.
enum BoilerplateLines {
    private static let creditPrefixes = [
        "foto:", "fotos:", "bild:", "bilder:", "photo:", "photos:", "image:", "images:", "quelle:",
        "source:", "credit:", "credits:", "crédit", "crédits", "fuente:", "fonte:", "źródło:", "kuva:",
        "(foto", "(photo", "(bild", "(crédito", "(credit", "foto ©", "bild ©", "photo ©", "titelbild:",
        "picture:", "grafik:", "illustration:", "abbildung:", "©",
    ]

    /// "Foto: dpa", "Bild: Stefan Müller", "(Credit: Jane Doe / Agency)", a line with "©".
    static func isCreditLine(_ line: String) -> Bool {
        // Every credit form has a colon, a parenthesis or a copyright sign.
        guard line.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "(") || $0 == 0xA9 }) else {
            return false
        }
        if creditPrefixes.contains(where: { Text.hasPrefix(line, $0) }) { return true }
        // A caption ending in a credit: "The harbour at dawn. © Agency"
        if let mark = line.lastIndex(of: "©") {
            return line.distance(from: mark, to: line.endIndex) <= 60
        }
        return false
    }

    private static let figureWords = ["abbildung", "abb.", "figure", "fig.", "grafik", "bild", "foto", "photo", "image", "illustration"]

    /// "Abbildung 4: …", "Fig. 2 – …": the caption of a numbered figure.
    static func isFigureCaption(_ line: String) -> Bool {
        for word in figureWords where Text.hasPrefix(line, word) {
            let rest = line.utf8.dropFirst(word.utf8.count).drop { $0 == 0x20 }
            if let first = rest.first, first >= 0x30, first <= 0x39 { return true }
        }
        return false
    }

    private static let advertisementLabels: Set<String> = [
        "advertisement", "advertisements", "ad", "anzeige", "werbung", "publicidad", "publicité", "pubblicità",
        "reklama", "sponsored", "gesponsert", "annonce", "advertentie", "promoted",
    ]

    /// "Advertisement", "- Anzeige -": the label over an ad slot.
    static func isAdvertisementLabel(_ line: String) -> Bool {
        guard line.utf8.count <= 30 else { return false }
        let letters = line.lowercased().filter { $0.isLetter }
        return advertisementLabels.contains(letters)
    }

    private static let promotionWords = [
        "newsletter", "subscribe", "subscription", "abonnieren", "abonnement", "abonniere", "abonnez",
        "suscríbete", "suscribete", "suscripción", "assine", "iscriviti", "abboná", "telegram", "whatsapp",
        "follow us", "folgen sie uns", "folge uns", "síguenos", "siguenos", "suivez-nous", "seguici",
        "sign up", "download the", "our app", "unsere app", "jetzt anmelden", "jetzt registrieren",
        "unterstützen sie", "support our", "support us", "donate", "spenden",
    ]

    /// A short closing line that asks the reader to subscribe, follow, download or donate.
    static func isPromotion(_ line: String) -> Bool {
        promotionWords.contains { Text.contains(line, $0) }
    }
}
