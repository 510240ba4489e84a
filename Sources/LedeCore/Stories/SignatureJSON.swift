import Foundation

/// Article and story signatures as the stores keep them: JSON with one key per property, as
/// `JSONEncoder` would write it (dates as seconds since 2001), but written and read by hand.
///
/// Every fetched article's signature is written once and read once by the clustering job, and
/// every changed story's signature is written with each clustering batch: through Foundation's
/// coders that was a seventh of a worker's CPU time. The shapes are fixed (maps of weights,
/// lists of strings, a number, a string), so a direct writer and reader do it several times
/// faster. The reader accepts any JSON of that shape, including what PostgreSQL's `jsonb`
/// prints back (spaces after `:` and `,`, other number spellings); anything else is refused
/// and the caller falls back to Foundation's decoder.
enum SignatureJSON {
    struct Writer {
        private(set) var bytes: [UInt8] = []
        private var needsComma = false

        init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

        mutating func beginObject() {
            bytes.append(UInt8(ascii: "{"))
            needsComma = false
        }

        mutating func endObject() {
            bytes.append(UInt8(ascii: "}"))
            needsComma = true
        }

        mutating func key(_ key: String) {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            needsComma = false
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
            needsComma = true
        }

        mutating func number(_ value: Double) {
            // JSON has no infinities or NaN; a weight that became one counts as nothing.
            bytes.append(contentsOf: (value.isFinite ? value : 0).description.utf8)
            needsComma = true
        }

        mutating func number(_ value: Int) {
            bytes.append(contentsOf: value.description.utf8)
            needsComma = true
        }

        mutating func field(_ name: String, _ weights: [String: Double]) {
            field(name, weights) { $0.number($1) }
        }

        mutating func field(_ name: String, _ counts: [String: Int]) {
            field(name, counts) { $0.number($1) }
        }

        /// An object of numbers, each written by `write`.
        private mutating func field<Value>(_ name: String, _ entries: [String: Value], _ write: (inout Writer, Value) -> Void) {
            key(name)
            beginObject()
            for (entry, value) in entries {
                key(entry)
                write(&self, value)
            }
            endObject()
        }

        mutating func field(_ name: String, _ strings: some Sequence<String>) {
            key(name)
            bytes.append(UInt8(ascii: "["))
            needsComma = false
            for text in strings {
                if needsComma { bytes.append(UInt8(ascii: ",")) }
                string(text)
            }
            bytes.append(UInt8(ascii: "]"))
            needsComma = true
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    struct Malformed: Error {}

    struct Reader {
        private let bytes: [UInt8]
        private var position = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return position == bytes.count
            }
        }

        private mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        }

        private mutating func expect(_ character: Unicode.Scalar) throws {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { throw Malformed() }
            position += 1
        }

        /// Consumes `character` if it comes next.
        private mutating func take(_ character: Unicode.Scalar) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        /// Reads an object, handing each key to `field`, which must read the value.
        mutating func object(_ field: (String, inout Reader) throws -> Void) throws {
            try expect("{")
            if take("}") { return }
            repeat {
                let key = try string()
                try expect(":")
                try field(key, &self)
            } while take(",")
            try expect("}")
        }

        mutating func array(_ element: (inout Reader) throws -> Void) throws {
            try expect("[")
            if take("]") { return }
            repeat { try element(&self) } while take(",")
            try expect("]")
        }

        mutating func weights() throws -> [String: Double] {
            var weights: [String: Double] = [:]
            try object { key, reader in weights[key] = try reader.number() }
            return weights
        }

        mutating func counts() throws -> [String: Int] {
            var counts: [String: Int] = [:]
            try object { key, reader in counts[key] = try reader.integer() }
            return counts
        }

        mutating func strings() throws -> [String] {
            var strings: [String] = []
            try array { reader in strings.append(try reader.string()) }
            return strings
        }

        /// A number that must be whole ("3", "3.0", "3e0").
        mutating func integer() throws -> Int {
            guard let value = Int(exactly: try number()) else { throw Malformed() }
            return value
        }

        mutating func number() throws -> Double {
            skipSpace()
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            guard position > start, let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw Malformed() }
            return value
        }

        private static func isNumberByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }

        mutating func string() throws -> String {
            try expect("\"")
            let start = position
            // Most strings have no escapes: take their bytes whole.
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
            guard position < bytes.count else { throw Malformed() }
            if bytes[position] == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(decoding: bytes[start..<position], as: UTF8.self)
            }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
            var pendingHigh: UInt32?
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    guard pendingHigh == nil else { throw Malformed() }
                    return String(scalars)
                }
                if byte != UInt8(ascii: "\\") {
                    // Copy the run of unescaped bytes up to the next quote or escape.
                    let runStart = position
                    while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
                    guard pendingHigh == nil else { throw Malformed() }
                    scalars.append(contentsOf: String(decoding: bytes[runStart..<position], as: UTF8.self).unicodeScalars)
                    continue
                }
                position += 1
                guard position < bytes.count else { throw Malformed() }
                let escaped = bytes[position]
                position += 1
                if escaped == UInt8(ascii: "u") {
                    guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
                    else { throw Malformed() }
                    position += 4
                    if (0xD800..<0xDC00).contains(code) {
                        guard pendingHigh == nil else { throw Malformed() }
                        pendingHigh = code
                        continue
                    }
                    var value = code
                    if let high = pendingHigh {
                        guard (0xDC00..<0xE000).contains(code) else { throw Malformed() }
                        value = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        pendingHigh = nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
                    scalars.append(scalar)
                    continue
                }
                guard pendingHigh == nil else { throw Malformed() }
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                default: throw Malformed()
                }
            }
            throw Malformed()
        }

        /// Skips a value of a key this version does not know.
        mutating func skipValue() throws {
            skipSpace()
            guard position < bytes.count else { throw Malformed() }
            switch bytes[position] {
            case UInt8(ascii: "{"): try object { _, reader in try reader.skipValue() }
            case UInt8(ascii: "["): try array { reader in try reader.skipValue() }
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                while position < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[position]) { position += 1 }
            default: _ = try number()
            }
        }
    }
}

/// The ten weight vectors that article and story signatures both carry, under the same names.
protocol SignatureVectors {
    var terms: [String: Double] { get set }
    var contentTerms: [String: Double] { get set }
    var titleTerms: [String: Double] { get set }
    var leadTerms: [String: Double] { get set }
    var titleContent: [String: Double] { get set }
    var leadContent: [String: Double] { get set }
    var titleEvents: [String: Double] { get set }
    var titleEntities: [String: Double] { get set }
    var events: [String: Double] { get set }
    var entities: [String: Double] { get set }
}

extension SignatureVectors {
    /// The vectors' stored names, one per property.
    static var vectorNames: [String] {
        ["terms", "contentTerms", "titleTerms", "leadTerms", "titleContent", "leadContent", "titleEvents", "titleEntities", "events", "entities"]
    }

    // Spelled out rather than through key paths: building the key paths for every field read
    // cost more than reading the field.

    func writeVectors(_ writer: inout SignatureJSON.Writer) {
        writer.field("terms", terms)
        writer.field("contentTerms", contentTerms)
        writer.field("titleTerms", titleTerms)
        writer.field("leadTerms", leadTerms)
        writer.field("titleContent", titleContent)
        writer.field("leadContent", leadContent)
        writer.field("titleEvents", titleEvents)
        writer.field("titleEntities", titleEntities)
        writer.field("events", events)
        writer.field("entities", entities)
    }

    /// Reads the value of `key` into its vector; `false` when `key` names none.
    mutating func readVector(_ key: String, _ reader: inout SignatureJSON.Reader) throws -> Bool {
        switch key {
        case "terms": terms = try reader.weights()
        case "contentTerms": contentTerms = try reader.weights()
        case "titleTerms": titleTerms = try reader.weights()
        case "leadTerms": leadTerms = try reader.weights()
        case "titleContent": titleContent = try reader.weights()
        case "leadContent": leadContent = try reader.weights()
        case "titleEvents": titleEvents = try reader.weights()
        case "titleEntities": titleEntities = try reader.weights()
        case "events": events = try reader.weights()
        case "entities": entities = try reader.weights()
        default: return false
        }
        return true
    }
}

extension ArticleSignature: SignatureVectors {}
extension StorySignature: SignatureVectors {}

extension ArticleSignature {
    /// The signature as the stores keep it (see `SignatureJSON`).
    public var storedForm: String {
        var writer = SignatureJSON.Writer()
        writer.beginObject()
        writeVectors(&writer)
        writer.field("figures", figures.sorted())
        writer.key("published")
        writer.number(published.timeIntervalSinceReferenceDate)
        writer.key("title")
        writer.string(title)
        writer.endObject()
        return writer.text
    }

    /// The signature from its stored form; `nil` when the text is not one (it is then computed again).
    public init?(storedForm: String) {
        if let read = try? Self.read(storedForm) {
            self = read
        } else if let decoded = try? JSONDecoder().decode(ArticleSignature.self, from: Data(storedForm.utf8)) {
            self = decoded
        } else {
            return nil
        }
    }

    private static func read(_ text: String) throws -> ArticleSignature {
        var reader = SignatureJSON.Reader(text)
        var signature = ArticleSignature(
            terms: [:], contentTerms: [:], titleTerms: [:], leadTerms: [:], titleContent: [:], leadContent: [:], titleEvents: [:],
            titleEntities: [:], events: [:], entities: [:], figures: [], published: Date(timeIntervalSinceReferenceDate: 0), title: "")
        var seen = Set<String>()
        try reader.object { key, reader in
            seen.insert(key)
            switch key {
            case "figures": signature.figures = Set(try reader.strings())
            case "published": signature.published = Date(timeIntervalSinceReferenceDate: try reader.number())
            case "title": signature.title = try reader.string()
            default: if try !signature.readVector(key, &reader) { try reader.skipValue() }
            }
        }
        // Every property is required, as for the synthesised decoder.
        guard reader.atEnd, seen.isSuperset(of: Self.vectorNames + ["figures", "published", "title"]) else {
            throw SignatureJSON.Malformed()
        }
        return signature
    }
}

extension StorySignature {
    /// The signature as the stores keep it (see `SignatureJSON`).
    public var storedForm: String {
        var writer = SignatureJSON.Writer(capacity: 16384)
        writer.beginObject()
        writeVectors(&writer)
        writer.field("figures", figures)
        writer.key("articleCount")
        writer.number(articleCount)
        writer.field("outlets", outlets)
        writer.endObject()
        return writer.text
    }

    /// The signature from its stored form (also any JSON `JSONEncoder` wrote for it).
    public init(storedForm: String) throws {
        if let read = try? Self.read(storedForm) {
            self = read
        } else {
            self = try JSONDecoder().decode(StorySignature.self, from: Data(storedForm.utf8))
        }
    }

    private static func read(_ text: String) throws -> StorySignature {
        var reader = SignatureJSON.Reader(text)
        var signature = StorySignature()
        var seen = Set<String>()
        try reader.object { key, reader in
            seen.insert(key)
            switch key {
            case "figures": signature.figures = try reader.counts()
            case "articleCount": signature.articleCount = try reader.integer()
            case "outlets": signature.outlets = try reader.strings()
            default: if try !signature.readVector(key, &reader) { try reader.skipValue() }
            }
        }
        // Every property is required, as for the synthesised decoder.
        guard reader.atEnd, seen.isSuperset(of: Self.vectorNames + ["figures", "articleCount", "outlets"]) else {
            throw SignatureJSON.Malformed()
        }
        return signature
    }
}
