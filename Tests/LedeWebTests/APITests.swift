import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import LedeDemo
import Testing
@testable import LedeWeb

@Suite struct APITests {
    /// Calls every documented endpoint with real data and checks each response against the
    /// OpenAPI document's schema for its status.
    @Test func everyDocumentedEndpointAnswersAsDocumented() async throws {
        let app = try await WebTestApp.make()
        let token = try await app.token(for: app.seed.localID)
        let storyID = app.seed.storyID
        let validator = try OpenAPIValidator()
        let corpus = try await CorpusServer.start(site: try CorpusSite.bundledDemo())
        let feedURL = "http://127.0.0.1:\(corpus.port)/"
        defer { Task { await corpus.stop() } }
        try await app.test { client in
            var checked = Set<String>()
            func call(_ template: String, _ method: String, _ path: String, json: String? = nil, type: String = "application/json", expect: Int) async throws -> String {
                let response = try await client.api(
                    "/api/v1" + path, method: HTTPRequest.Method(method.uppercased())!, token: token, json: json, contentType: type)
                #expect(Int(response.status.code) == expect, "\(method) \(path): \(response.body.prefix(300))")
                let problems = validator.problems(path: template, method: method, status: Int(response.status.code), body: response.body)
                #expect(problems.isEmpty, "\(method) \(path): \(problems.prefix(5))")
                checked.insert("\(template) \(method)")
                return response.body
            }
            _ = try await call("/sources", "get", "/sources?limit=2", expect: 200)
            let sourceID = try #require(try await app.store.subscriptions(userID: app.seed.localID).first?.id)
            _ = try await call("/sources/{id}", "get", "/sources/\(sourceID)", expect: 200)
            _ = try await call("/sources/{id}/retry", "post", "/sources/\(sourceID)/retry", expect: 200)
            // A loopback address that is not a feed: refused with the error shape.
            _ = try await call("/sources", "post", "/sources", json: #"{"url":"\#(feedURL)nothing-here"}"#, expect: 422)
            _ = try await call("/sources", "post", "/sources", json: #"{"nope":1}"#, expect: 400)
            _ = try await call(
                "/sources/import", "post", "/sources/import",
                json: #"<opml version="2.0"><body><outline text="x" xmlUrl="https://new.example/feed"/></body></opml>"#, type: "text/x-opml", expect: 200)
            _ = try await call("/sources/export", "get", "/sources/export", expect: 200)
            _ = try await call("/fetch", "get", "/fetch", expect: 200)
            _ = try await call("/briefings", "get", "/briefings?profile=cloud-strategist", expect: 200)
            _ = try await call("/briefings/today", "get", "/briefings/today", expect: 200)
            _ = try await call("/briefings/{date}", "get", "/briefings/\(app.seed.editionDate)", expect: 200)
            _ = try await call("/briefings/{date}", "get", "/briefings/2001-01-01", expect: 404)
            _ = try await call("/stories", "get", "/stories?limit=3", expect: 200)
            _ = try await call("/stories/{id}", "get", "/stories/\(storyID)", expect: 200)
            _ = try await call("/stories/{id}", "get", "/stories/999999", expect: 404)
            _ = try await call("/stories/{id}/feedback", "post", "/stories/\(storyID)/feedback", json: #"{"kind":"less"}"#, expect: 200)
            let answer = try await call("/ask", "post", "/ask", json: #"{"question":"How much will Amazon invest in Anthropic?"}"#, expect: 200)
            let conversation = try #require(Browser.firstMatch(#""conversation":"([^"]+)""#, in: answer))
            _ = try await call("/ask", "post", "/ask", json: #"{"question":"And what does Anthropic commit to?","conversation":"\#(conversation)"}"#, expect: 200)
            _ = try await call("/conversations", "get", "/conversations", expect: 200)
            _ = try await call("/conversations/{id}", "get", "/conversations/\(conversation)", expect: 200)
            _ = try await call("/profile", "get", "/profile", expect: 200)
            _ = try await call("/profile", "put", "/profile", json: #"{"name":"cloud-strategist","stories":4,"interests":["AWS"]}"#, expect: 200)
            _ = try await call("/profile", "put", "/profile", json: #"{"stories":40}"#, expect: 400)
            _ = try await call("/fetch", "post", "/fetch", expect: 202)
            _ = try await call("/sources/{id}", "delete", "/sources/\(sourceID)", expect: 204)
            let documented = Set(validator.operations.map { "\($0.path) \($0.method)" })
            #expect(documented.subtracting(checked).isEmpty, "not exercised: \(documented.subtracting(checked).sorted())")
        }
    }

    @Test func listsArePagedWithACursor() async throws {
        let app = try await WebTestApp.make()
        let token = try await app.token(for: app.seed.localID)
        try await app.test { client in
            let first = try await client.api("/api/v1/sources?limit=3", token: token)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any])
            #expect((object["items"] as? [Any])?.count == 3)
            let next = try #require((object["links"] as? [String: Any])?["next"] as? String)
            let second = try await client.api(next, token: token)
            let page = try #require(try JSONSerialization.jsonObject(with: Data(second.body.utf8)) as? [String: Any])
            #expect((page["items"] as? [Any])?.count == 3)
            #expect(second.body != first.body)
            #expect(try await client.api("/api/v1/sources?cursor=bogus!", token: token).status == .badRequest)
            #expect(try await client.api("/api/v1/sources?limit=0", token: token).status == .badRequest)
        }
    }

    @Test func errorsHaveOneShape() async throws {
        let app = try await WebTestApp.make()
        let token = try await app.token(for: app.seed.localID)
        let validator = try OpenAPIValidator()
        try await app.test { client in
            for (path, method) in [("/api/v1/stories/0", HTTPRequest.Method.get), ("/api/v1/nowhere", .get), ("/api/v1/sources", .patch)] {
                let response = try await client.api(path, method: method, token: token)
                let problems = validator.validate(
                    try JSONSerialization.jsonObject(with: Data(response.body.utf8)), validator.resolve("#/components/schemas/Error"), at: "$")
                #expect(problems.isEmpty, "\(path): \(response.body)")
            }
            let wrongMethod = try await client.api("/api/v1/sources", method: .patch, token: token)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET, POST")
        }
    }

    /// `/sources/export` and `/sources/import` sit beside `/sources/{id}`: a wrong method must
    /// name their own methods, not the template's.
    @Test(arguments: [("/api/v1/sources/export", "GET"), ("/api/v1/sources/import", "POST"), ("/api/v1/sources/7", "DELETE, GET")])
    func wrongMethodNamesTheMethodsOfTheExactPath(_ path: String, _ allowed: String) async throws {
        let app = try await WebTestApp.make()
        let token = try await app.token(for: app.seed.localID)
        try await app.test { client in
            let response = try await client.api(path, method: .options, token: token)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allowed)
        }
    }

    @Test func openAPIDocumentIsServedAsOpenAPI31() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let response = try await client.api("/api/openapi.json", token: nil)
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
        }
    }
}
