/// A figure found in a sentence (an amount of money, a percentage, a capacity, a duration,
/// a count or a date), normalised so that `$5bn` and `US$5 billion` compare equal.
public struct Figure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case money, percentage, capacity, energy, duration, count, date
    }

    /// How the source bounded the figure ("up to $20 billion" is not "$20 billion").
    public enum Qualifier: String, Sendable, Hashable, Codable {
        case upTo, moreThan, atLeast, about, lessThan
    }

    public var kind: Kind
    /// The value in the unit's base: currency units for money, watts for capacity,
    /// watt-hours for energy, the count of `unit` otherwise. For dates: `yyyymmdd` with
    /// zero for an unknown part (e.g. `20260420`, or `420` for "April 20" without a year).
    public var value: Double
    /// `USD`, `EUR`, `GBP`, ... for money; `W`, `Wh`, `%`, `pp`; `year`, `month`, ... for
    /// durations; the counted noun for counts ("customers"); `date` for dates.
    public var unit: String
    public var qualifier: Qualifier?
    /// The figure exactly as written in the sentence, e.g. `up to $33 billion`.
    public var asWritten: String

    public init(kind: Kind, value: Double, unit: String, qualifier: Qualifier? = nil, asWritten: String) {
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.asWritten = asWritten
    }

    /// Identity for comparing figures across sources: kind, unit and the value to three
    /// significant digits (so `$33bn` and `$33,000,000,000` match).
    public var key: String {
        "\(kind.rawValue):\(unit):\(FigureFormat.significant(value, digits: 3))"
    }

    /// The short normalised form readers see: `$33B`, `5 GW`, `12%`, `10 years`, `100,000 customers`.
    public var display: String { FigureFormat.display(self) }
}
