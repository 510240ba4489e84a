import Foundation
import LedeCore
import Testing

@Suite struct RenderingTests {
    static func briefing() throws -> Briefing {
        let story = try #require(BriefingComposer().compose(BriefingComposerTests.material, reason: "3 outlets", now: BriefingComposerTests.now))
        return Briefing(date: "2026-04-20", profile: "me", stories: [story])
    }

    @Test func jsonRoundTripsWithTheContractKeys() throws {
        let briefing = try Self.briefing()
        let json = BriefingFormat.json.render(briefing)
        #expect(try JSONRendering.decoder().decode(Briefing.self, from: Data(json.utf8)) == briefing)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let story = try #require((object["stories"] as? [[String: Any]])?.first)
        for key in ["id", "headline", "keyPoints", "intro", "sections", "bottomLine", "figures", "sources"] {
            #expect(story[key] != nil, "missing \(key)")
        }
    }

    @Test func htmlEscapesSourceText() {
        let renderer = HTMLRenderer()
        #expect(renderer.escape("<script>alert('x')</script> & \"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
    }

    @Test func everyFormatNamesTheStoryAndItsOutlets() throws {
        let briefing = try Self.briefing()
        for format in BriefingFormat.allCases {
            let output = format.render(briefing)
            #expect(output.contains("Luminal"), "\(format)")
            #expect(output.contains("ledger.example"), "\(format)")
        }
        #expect(BriefingFormat.markdown.render(briefing).contains("### Bottom line?"))
        #expect(BriefingFormat.html.render(briefing).hasPrefix("<!doctype html>"))
    }

    @Test func textWrapsToTheWidth() throws {
        let text = TextRenderer(width: 60).render(try Self.briefing())
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 || !$0.contains(" ") })
    }
}
