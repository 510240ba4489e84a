/// The SSRF guard's rule: which IP addresses Lede may connect to when private networks are
/// not allowed. Public unicast addresses only; every internal, special-purpose or
/// address-embedding form of an internal address is refused.
public enum AddressPolicy {
    /// `true` when connecting to `address` (a numeric IPv4 or IPv6 address) is allowed.
    /// Anything that is not a numeric address is refused.
    public static func isPublic(_ address: String) -> Bool {
        if let v4 = IPAddressBytes.ipv4(address) { return isPublicIPv4(v4) }
        if let v6 = IPAddressBytes.ipv6(address) { return isPublicIPv6(v6) }
        return false
    }

    static func isPublic(bytes: [UInt8]) -> Bool {
        bytes.count == 4 ? isPublicIPv4(bytes) : bytes.count == 16 && isPublicIPv6(bytes)
    }

    static func isPublicIPv4(_ b: [UInt8]) -> Bool {
        let (a, b1, b2) = (b[0], b[1], b[2])
        switch a {
        case 0, 10, 127: return false  // "this network", private, loopback
        case 100 where b1 & 0xC0 == 64: return false  // 100.64.0.0/10 carrier-grade NAT
        case 169 where b1 == 254: return false  // link-local, cloud metadata
        case 172 where b1 & 0xF0 == 16: return false  // 172.16.0.0/12
        case 192 where b1 == 168: return false  // 192.168.0.0/16
        case 192 where b1 == 0 && (b2 == 0 || b2 == 2): return false  // IETF protocol assignments, TEST-NET-1
        case 192 where b1 == 88 && b2 == 99: return false  // 6to4 relay anycast
        case 198 where b1 & 0xFE == 18: return false  // benchmarking 198.18.0.0/15
        case 198 where b1 == 51 && b2 == 100: return false  // TEST-NET-2
        case 203 where b1 == 0 && b2 == 113: return false  // TEST-NET-3
        case 224...255: return false  // multicast, reserved, broadcast
        default: return true
        }
    }

    static func isPublicIPv6(_ b: [UInt8]) -> Bool {
        let prefix96Zero = b[0..<10].allSatisfy { $0 == 0 }
        // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible, including :: and ::1).
        if prefix96Zero && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)) {
            return isPublicIPv4(Array(b[12..<16]))
        }
        // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): internal by definition.
        if b[0..<6].elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01]) { return false }
        // 64:ff9b::/96 well-known NAT64 prefix embeds the IPv4 address in the last 32 bits.
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B { return isPublicIPv4(Array(b[12..<16])) }
        // 2002::/16 6to4 embeds an IPv4 address in bits 16 to 48.
        if b[0] == 0x20 && b[1] == 0x02 { return isPublicIPv4(Array(b[2..<6])) }
        // 2001:0000::/32 Teredo embeds the client's IPv4 address, inverted, in the last 32 bits.
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0 {
            return isPublicIPv4(b[12..<16].map { ~$0 }) && isPublicIPv4(Array(b[4..<8]))
        }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }  // documentation
        if b[0] == 0x3F && b[1] == 0xFF && b[2] & 0xF0 == 0 { return false }  // 3fff::/20 documentation
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4] == 0 && b[5] == 0 { return false }  // benchmarking
        if b[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local (fd00::/8 included)
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return false }  // fec0::/10 site-local (deprecated)
        if b[0] == 0xFF { return false }  // multicast
        if b[0] == 0x01 && b[1] == 0 && b[2..<8].allSatisfy({ $0 == 0 }) { return false }  // 100::/64 discard
        // Only global unicast (2000::/3) is public.
        return b[0] & 0xE0 == 0x20
    }
}
