/// Month and weekday names and the words that label dates ("published", "aktualisiert"),
/// in the languages of most news pages. Lowercase, accents kept.
enum DateWords {
    /// Month name or abbreviation → month number.
    static let months: [String: Int] = {
        let names: [[String]] = [
            // January … December, each list: English, German, French, Spanish, Italian,
            // Portuguese, Dutch, Polish (nominative, genitive), Swedish/Danish/Norwegian,
            // Finnish, Czech (genitive), Turkish, Russian (genitive), then abbreviations.
            ["january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari",
             "styczeń", "stycznia", "tammikuu", "tammikuuta", "ledna", "ocak", "января", "jan", "jän", "janv", "ene"],
            ["february", "februar", "feber", "février", "fevrier", "febrero", "febbraio", "fevereiro",
             "februari", "luty", "lutego", "helmikuu", "helmikuuta", "února", "şubat", "февраля", "feb", "févr", "fév", "fev"],
            ["march", "märz", "maerz", "mars", "marzo", "março", "maart", "marzec", "marca", "maaliskuu",
             "maaliskuuta", "března", "mart", "марта", "mar", "mär", "mrz", "mrt", "marz"],
            ["april", "avril", "abril", "aprile", "kwiecień", "kwietnia", "huhtikuu", "huhtikuuta", "dubna",
             "nisan", "апреля", "apr", "avr", "abr"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "toukokuu", "toukokuuta", "května",
             "mayıs", "мая"],
            ["june", "juni", "juin", "junio", "giugno", "junho", "czerwiec", "czerwca", "kesäkuu", "kesäkuuta",
             "června", "haziran", "июня", "jun", "giu"],
            ["july", "juli", "juillet", "julio", "luglio", "julho", "lipiec", "lipca", "heinäkuu", "heinäkuuta",
             "července", "temmuz", "июля", "jul", "juil", "lug"],
            ["august", "août", "aout", "agosto", "augustus", "sierpień", "sierpnia", "elokuu", "elokuuta",
             "srpna", "ağustos", "августа", "aug", "augusti"],
            ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesień",
             "września", "syyskuu", "syyskuuta", "září", "eylül", "сентября", "sep", "sept"],
            ["october", "oktober", "octobre", "octubre", "ottobre", "outubro", "październik", "października",
             "lokakuu", "lokakuuta", "října", "ekim", "октября", "oct", "okt", "ott"],
            ["november", "novembre", "noviembre", "novembro", "listopad", "listopada", "marraskuu",
             "marraskuuta", "listopadu", "kasım", "ноября", "nov"],
            ["december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudzień",
             "grudnia", "joulukuu", "joulukuuta", "prosince", "aralık", "декабря", "dec", "dez", "déc", "dic"],
        ]
        var table: [String: Int] = [:]
        for (index, list) in names.enumerated() {
            for name in list { table[name] = index + 1 }
        }
        return table
    }()

    /// Weekday names and the words that label a date line.
    static let labels: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
        "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "published", "updated", "posted", "last", "modified", "on", "at", "date", "created", "edited",
        "veröffentlicht", "aktualisiert", "publiziert", "erschienen", "geschrieben", "publikation", "geändert", "zuletzt", "erstellt", "stand", "datum", "am", "um",
        "uhr", "vom", "publié", "publiée", "mis", "à", "jour", "le", "publicado", "actualizado", "el",
        "de", "del", "pubblicato", "aggiornato", "il", "opublikowano", "aktualizacja", "gepubliceerd",
        "bijgewerkt", "op", "om", "th", "st", "nd", "rd", "am", "pm", "h", "hs", "hrs", "gmt", "utc",
        "cet", "cest", "mez", "mesz", "est", "edt", "pst", "pdt", "bst", "et", "à", "às", "a", "las",
        "of", "den", "der", "dnia", "r", "godz", "г", "года",
    ]

    /// Whether a short line holds nothing but a date, a time and labels.
    static func containsDateEvidence(_ line: String) -> Bool {
        var sawMonth = false
        var numbers: [Int] = []
        for word in words(line) {
            if let number = Int(word) {
                numbers.append(number)
            } else if months[word] != nil {
                sawMonth = true
            } else if !labels.contains(word) {
                return false
            }
        }
        let hasYear = numbers.contains { (1990...2100).contains($0) }
        return (sawMonth && !numbers.isEmpty) || (numbers.count >= 3 && hasYear) || (numbers.count >= 2 && !hasYear && numbers.count <= 4 && numbers.allSatisfy { $0 < 60 })
    }

    /// Lowercase words and numbers of a line; a number followed by letters ("6th") splits.
    static func words(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty { result.append(current) }
            current = ""
        }
        for character in line.lowercased() {
            if character.isNumber && character.isASCII {
                if !currentIsNumber { flush() }
                currentIsNumber = true
                current.append(character)
            } else if character.isLetter {
                if currentIsNumber { flush() }
                currentIsNumber = false
                current.append(character)
            } else {
                flush()
                currentIsNumber = false
            }
        }
        flush()
        return result
    }
}
