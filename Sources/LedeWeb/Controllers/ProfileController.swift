import Foundation
import Hummingbird
import LedeCore

/// Who the briefing is for: onboarding from a preset, then the profile form.
struct ProfileController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/welcome", use: welcome)
        router.post("/welcome", use: startFromPreset)
        router.get("/profile", use: show)
        router.post("/profile", use: save)
    }

    @Sendable func welcome(_ request: Request, context: LedeRequestContext) async throws -> Response {
        _ = try context.requireReader()
        let view = ProfileView(profile: ReaderEditions.generalProfile, csrf: context.csrf, isWelcome: true)
        return services.pages.page("welcome", view, layout: services.layout("Welcome", context: context, current: "/profile"))
    }

    @Sendable func startFromPreset(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let form = context.submitted
        guard let preset = form["preset"].flatMap(ProfilePresets.preset(named:)) else {
            throw WebError.badRequest("Choose one of the listed roles to start from.")
        }
        var profile = preset.profile
        profile.name = ReaderEditions.defaultProfileName
        if let count = form.trimmed("stories").flatMap({ Int($0) }) { profile.storyCount = min(20, max(1, count)) }
        try await services.store.saveProfile(profile, userID: reader.id)
        // A reader who already follows sources goes straight to an edition written for the new role.
        guard try await !services.store.subscriptions(userID: reader.id).isEmpty else {
            services.editions.cache.invalidate(userID: reader.id)
            return .seeOther("/sources?welcome=1")
        }
        try await services.editions.rewriteToday(for: profile, userID: reader.id)
        return .seeOther("/")
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let profile = try await services.profile(for: request, userID: reader.id)
        let saved = request.uri.queryParameters["saved"] != nil
        let view = ProfileView(profile: profile, csrf: context.csrf, isWelcome: false)
        return services.pages.page(
            "profile", view,
            layout: services.layout("Profile", context: context, current: "/profile", notice: saved ? "Profile saved; today's edition was written again for it." : nil))
    }

    @Sendable func save(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let form = context.submitted
        let name = form.trimmed("name") ?? ReaderEditions.defaultProfileName
        var profile = try await services.store.profile(named: name, userID: reader.id)
            ?? Profile(name: name, role: "reader", industry: "general news")
        if let preset = form["preset"].flatMap(ProfilePresets.preset(named:)) {
            profile.role = preset.profile.role
            profile.industry = preset.profile.industry
            profile.interests = preset.profile.interests
        }
        if let role = form.trimmed("role") { profile.role = String(role.prefix(120)) }
        if let industry = form.trimmed("industry") { profile.industry = String(industry.prefix(120)) }
        if form["interests"] != nil && form["preset"] == nil { profile.interests = ProfileView.list(form["interests"]) }
        if form["mutes"] != nil { profile.mutes = ProfileView.list(form["mutes"]) }
        if let count = form.trimmed("stories") {
            guard let value = Int(count), (1...20).contains(value) else {
                throw WebError.badRequest("The edition holds between 1 and 20 stories; choose a number in that range.")
            }
            profile.storyCount = value
        }
        try await services.store.saveProfile(profile, userID: reader.id)
        if try await !services.store.subscriptions(userID: reader.id).isEmpty {
            try await services.editions.rewriteToday(for: profile, userID: reader.id)
        } else {
            services.editions.cache.invalidate(userID: reader.id)
        }
        let suffix = name == ReaderEditions.defaultProfileName ? "" : "&profile=" + BriefingController.query(name)
        return .seeOther("/profile?saved=1" + suffix)
    }
}
