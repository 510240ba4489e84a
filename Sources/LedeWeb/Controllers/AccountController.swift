import Foundation
import Hummingbird
import LedeCore

/// The reader's account: API tokens, edition feed links, shared stories, password.
struct AccountController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/account", use: show)
        router.post("/account/tokens", use: createToken)
        router.post("/account/feeds", use: createFeedLink)
        router.post("/account/tokens/:id/revoke", use: revoke)
        router.post("/account/password", use: changePassword)
    }

    struct AccountView: Sendable {
        struct TokenRow: Sendable {
            var id: Int64
            var label: String
            var kind: String
            var created: String
            var href: String?
        }

        var name: String
        var tokens: [TokenRow]
        var feeds: [TokenRow]
        var shares: [TokenRow]
        var csrf: String
        /// A secret just created, shown this once.
        var newToken: String?
        var newFeedAtom: String?
        var newFeedJSON: String?
        var profiles: [String]
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        try await page(context: context, notice: request.uri.queryParameters["notice"].flatMap { Self.notices[String($0)] })
    }

    static let notices = [
        "revoked": "Revoked. Anything using it stops working now.",
        "password": "Password changed. Other browsers stay signed in until their sessions end.",
    ]

    private func page(
        context: LedeRequestContext, notice: String? = nil, problem: String? = nil, newToken: String? = nil, feedBase: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let reader = try context.requireReader()
        let tokens = try await services.store.tokens(userID: reader.id)
        var view = AccountView(
            name: reader.name, tokens: [], feeds: [], shares: [], csrf: context.csrf, newToken: newToken,
            newFeedAtom: feedBase.map { $0 + "/edition.atom" }, newFeedJSON: feedBase.map { $0 + "/edition.json" },
            profiles: try await services.store.profiles(userID: reader.id).map(\.name))
        if view.profiles.isEmpty { view.profiles = [ReaderEditions.defaultProfileName] }
        for token in tokens {
            let created = DisplayDate.dateTime(token.createdAt)
            if token.name.hasPrefix(ShareLinks.prefix) {
                let story = String(token.name.dropFirst(ShareLinks.prefix.count))
                // The headline says which story was shared; a number alone does not.
                var headline: String?
                if let id = Int64(story) { headline = try await services.store.story(id: id)?.headline }
                view.shares.append(.init(id: token.id, label: headline ?? "Story \(story)", kind: "share", created: created, href: "/stories/\(story)"))
            } else if token.name.hasPrefix(EditionFeedLinks.prefix) {
                view.feeds.append(.init(id: token.id, label: "Edition feed (\(token.name.dropFirst(EditionFeedLinks.prefix.count)))", kind: "feed", created: created))
            } else {
                view.tokens.append(.init(id: token.id, label: token.name, kind: "api", created: created))
            }
        }
        return services.pages.page(
            "account", view, layout: services.layout("Account", context: context, current: "/account", notice: notice, problem: problem), status: status)
    }

    @Sendable func createToken(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let name = String((context.submitted.trimmed("name") ?? "API token").prefix(80))
        guard !name.hasPrefix(ShareLinks.prefix), !name.hasPrefix(EditionFeedLinks.prefix) else {
            return try await page(context: context, problem: "Choose a name that does not start with “share:” or “feed:”.", status: .badRequest)
        }
        let token = SecretToken.generate()
        _ = try await services.store.addToken(userID: reader.id, name: name, tokenHash: SecretToken.hash(token, kind: .api), now: services.clock.now())
        return try await page(context: context, notice: "Token created. Copy it now: Lede keeps only a fingerprint and cannot show it again.", newToken: token)
    }

    @Sendable func createFeedLink(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let profile = try await services.editions.profile(named: context.submitted.trimmed("profile"), userID: reader.id)
        let token = try await EditionFeedLinks.create(profile: profile.name, userID: reader.id, services: services)
        return try await page(
            context: context, notice: "Feed link created. Copy it into your feed reader now: Lede cannot show it again.",
            feedBase: services.baseURL(for: request) + "/feeds/" + token)
    }

    @Sendable func revoke(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "token")
        do {
            try await services.store.deleteToken(id: id, userID: reader.id)
        } catch StoreError.notFound {
            throw WebError.notFound("token \(id)")
        }
        return .seeOther("/account?notice=revoked")
    }

    @Sendable func changePassword(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let form = context.submitted
        let current = try await services.store.passwordHash(userID: reader.id)
        if current != nil, try await !services.passwords.verify(form["current"] ?? "", hash: current) {
            return try await page(context: context, problem: "The current password is wrong; type it again.", status: .forbidden)
        }
        let new = form["new"] ?? ""
        if let problem = PasswordHasher.problem(with: new) { return try await page(context: context, problem: problem, status: .badRequest) }
        guard new == form["confirm"] else {
            return try await page(context: context, problem: "The two new passwords differ; type the same one twice.", status: .badRequest)
        }
        try await services.store.setPasswordHash(try await services.passwords.hash(new), userID: reader.id)
        return .seeOther("/account?notice=password")
    }
}

/// Links to a reader's edition as a feed, kept as hashed tokens named `feed:<profile>`.
enum EditionFeedLinks {
    static let prefix = "feed:"

    static func create(profile: String, userID: Int64, services: WebServices) async throws -> String {
        let token = SecretToken.generate()
        _ = try await services.store.addToken(
            userID: userID, name: prefix + profile, tokenHash: SecretToken.hash(token, kind: .feed), now: services.clock.now())
        return token
    }

    /// The reader and profile of a feed link, or `nil` for an unknown or revoked one.
    static func resolve(_ token: String, store: any LedeStore) async throws -> (user: User, profile: String)? {
        guard SecretToken.looksValid(token) else { return nil }
        let hash = SecretToken.hash(token, kind: .feed)
        guard let user = try await store.user(tokenHash: hash),
            let record = try await store.tokens(userID: user.id).first(where: { $0.tokenHash == hash }), record.name.hasPrefix(prefix)
        else { return nil }
        return (user, String(record.name.dropFirst(prefix.count)))
    }
}
