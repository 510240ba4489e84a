/// Starting points for common readers: a role, an industry and what such a reader follows.
/// A new reader picks one and adjusts it.
public enum ProfilePresets {
    public struct Preset: Sendable, Hashable {
        public var id: String
        public var title: String
        public var profile: Profile
    }

    public static let all: [Preset] = [
        preset("cloud-strategist", "Cloud infrastructure strategist", role: "cloud infrastructure strategist", industry: "cloud computing",
               interests: ["cloud", "data centres", "data center", "hyperscaler", "AWS", "Azure", "Google Cloud", "GPUs", "chips", "capacity", "outage", "power"]),
        preset("venture-investor", "Venture investor", role: "venture investor", industry: "venture capital",
               interests: ["funding round", "Series A", "Series B", "Series C", "valuation", "startup", "IPO", "acquisition", "raises", "investors"]),
        preset("policy-analyst", "Policy analyst", role: "technology policy analyst", industry: "public policy",
               interests: ["regulator", "regulation", "antitrust", "competition", "privacy", "export controls", "lawsuit", "court", "fine", "legislation", "Commission"]),
        preset("software-engineer", "Software engineer", role: "software engineer", industry: "software",
               interests: ["open source", "developer", "licence", "license", "database", "API", "model release", "outage", "security", "vulnerability"]),
        preset("energy-analyst", "Energy and power analyst", role: "energy markets analyst", industry: "power and utilities",
               interests: ["power grid", "electricity", "gigawatts", "megawatts", "nuclear", "battery storage", "transmission", "capacity auction", "utility"]),
        preset("semiconductor-analyst", "Semiconductor analyst", role: "semiconductor industry analyst", industry: "semiconductors",
               interests: ["chips", "foundry", "packaging", "accelerators", "wafers", "fab", "export rules", "GPUs", "memory"]),
        preset("markets-analyst", "Markets and finance analyst", role: "equity analyst", industry: "financial markets",
               interests: ["earnings", "shares", "stock", "bond", "rate", "merger", "acquisition", "guidance", "forecast", "IPO"]),
        preset("security-lead", "Security lead", role: "chief information security officer", industry: "cybersecurity",
               interests: ["ransomware", "breach", "hackers", "cyberattack", "vulnerability", "outage", "data stolen", "security"]),
    ]

    public static func preset(named id: String) -> Preset? { all.first { $0.id == id } }

    static func preset(_ id: String, _ title: String, role: String, industry: String, interests: [String]) -> Preset {
        Preset(id: id, title: title, profile: Profile(name: id, role: role, industry: industry, interests: interests))
    }
}
