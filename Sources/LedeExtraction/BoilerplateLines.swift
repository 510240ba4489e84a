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
        let lowered = line.lowercased()
        if creditPrefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        // A caption ending in a credit: "The harbour at dawn. © Agency"
        if let mark = lowered.lastIndex(of: "©") {
            return lowered.distance(from: mark, to: lowered.endIndex) <= 60
        }
        return false
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
        let lowered = line.lowercased()
        return promotionWords.contains { lowered.contains($0) }
    }
}
