import LedeFetch
import Testing

@Suite struct AddressPolicyTests {
    @Test(arguments: [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fd00::1", "fc00::1", "fe80::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:a00:1::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe", "::127.0.0.1", "fe80::1%eth0", "64:ff9b:1::808:808", "2001:db8::1",
        "3fff::1", "100::1", "::ffff:0:7f00:1", "fec0::1", "198.18.0.1", "192.0.2.1", "240.0.0.1", "not an address", "",
    ])
    func refusesInternalAddresses(address: String) {
        #expect(!AddressPolicy.isPublic(address))
    }

    @Test(arguments: ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::808:808", "2002:808:808::1"])
    func allowsPublicAddresses(address: String) {
        #expect(AddressPolicy.isPublic(address))
    }

    @Test(arguments: ["2130706433", "0177.0.0.1", "0x7f.1", "127.1", "localhost"])
    func seesThroughNumericHostTricks(host: String) async throws {
        let addresses = try await SystemHostResolver().addresses(for: host)
        #expect(!addresses.isEmpty)
        #expect(addresses.allSatisfy { !AddressPolicy.isPublic($0) })
    }
}
