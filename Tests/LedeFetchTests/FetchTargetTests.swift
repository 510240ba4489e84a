import Testing

@testable import LedeFetch

/// Hosts read the way a browser reads them, so the guard judges what is connected to.
@Suite struct FetchTargetTests {
    @Test(arguments: [
        ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0X7F.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("127.0.0.1.", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"), ("0", "0.0.0.0"), ("0x", "0.0.0.0"), ("3232235777", "192.168.1.1"), ("8.8.8.8", "8.8.8.8"),
        ("1.0x10.0100.1", "1.16.64.1"),
    ])
    func readsEveryNumericFormOfAnIPv4Host(host: String, address: String) throws {
        let parsed = try #require(FetchTarget.host(host))
        #expect(parsed == .address(try #require(IPAddressBytes.ipv4(address))))
    }

    @Test(arguments: ["1.2.3.4.5", "256.1.1.1", "1.2.3.256", "4294967296", "0x100000000", "08.1.1.1", "1..1", "0xg.1", "example.123"])
    func refusesHostsThatEndInANumberButAreNoAddress(host: String) {
        #expect(FetchTarget.host(host) == nil)
    }

    @Test(arguments: [
        ("News.Example.COM.", "news.example.com"), ("a-b_c.test", "a-b_c.test"), ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("1a.example", "1a.example"),
    ])
    func lowerCasesNamesAndDropsTheTrailingDot(host: String, name: String) {
        #expect(FetchTarget.host(host) == .name(name))
    }

    @Test(arguments: ["exa mple.com", "a..b", ".example", "ex*ample.com", "fe80::1%eth0", "[fe80::1%25eth0]"])
    func refusesMalformedHosts(host: String) {
        #expect(FetchTarget.host(host) == nil)
    }

    @Test func turnsUnicodeNamesIntoPunycode() throws {
        let target = try FetchTarget("http://bücher.example/feed")
        #expect(target.host == .name("xn--bcher-kva.example"))
    }

    @Test(arguments: [
        ("http://[::FFFF:127.0.0.1]/", "::ffff:7f00:1"), ("http://[2001:db8:0:0:1:0:0:1]/", "2001:db8::1:0:0:1"),
        ("http://[0:0:0:0:0:0:0:1]/", "::1"), ("http://[2606:2800:220:1:248:1893:25c8:1946]/", "2606:2800:220:1:248:1893:25c8:1946"),
    ])
    func printsIPv6InItsCanonicalForm(url: String, text: String) throws {
        let target = try FetchTarget(url)
        #expect(target.hostText == text)
        #expect(target.hostForURL == "[\(text)]")
    }

    @Test func keepsPathQueryAndPortAndDropsTheFragment() throws {
        let target = try FetchTarget("HTTPS://Example.com.:8443/a%20b/c?x=1&y=%2F#top")
        #expect(target.isHTTPS)
        #expect(target.port == 8443)
        #expect(target.pathAndQuery == "/a%20b/c?x=1&y=%2F")
        #expect(target.hostHeader == "example.com:8443")
        #expect(target.canonicalURL == "https://example.com:8443/a%20b/c?x=1&y=%2F")
        #expect(try FetchTarget("http://example.com").pathAndQuery == "/")
        #expect(try FetchTarget("http://example.com:80/").hostHeader == "example.com")
    }

    @Test func resolvesRedirectLocationsAgainstTheHopThatSentThem() throws {
        let base = try FetchTarget("https://news.example/section/page")
        #expect(try FetchTarget(location: "/feed", relativeTo: base.url).canonicalURL == "https://news.example:443/feed")
        #expect(try FetchTarget(location: "next", relativeTo: base.url).canonicalURL == "https://news.example:443/section/next")
        #expect(try FetchTarget(location: "//cdn.example/x", relativeTo: base.url).canonicalURL == "https://cdn.example:443/x")
        #expect(try FetchTarget(location: "/a b/ü", relativeTo: base.url).pathAndQuery == "/a%20b/%C3%BC")
    }

    @Test func readsCredentialsFromTheURL() throws {
        #expect(try FetchTarget("https://reader:s%40cret@feeds.example/private").userInfo == "reader:s@cret")
        #expect(try FetchTarget("https://feeds.example/").userInfo == nil)
    }
}
