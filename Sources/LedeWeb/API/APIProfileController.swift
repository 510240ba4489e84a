import Foundation
import Hummingbird
import LedeCore

/// `/api/v1/profile`: who the briefing is for.
struct APIProfileController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/profile", use: show)
        router.put("/profile", use: update)
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        return APIResponse.json(try await services.profile(for: request, userID: reader.id))
    }

    @Sendable func update(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let body = try await APIResponse.decode(APIProfileUpdate.self, from: request, context: context)
        let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ReaderEditions.defaultProfileName
        guard !name.isEmpty, name.count <= 60 else { throw WebError.badRequest("A profile name has 1 to 60 characters.") }
        var profile = try await services.store.profile(named: name, userID: reader.id)
            ?? Profile(name: name, role: "reader", industry: "general news")
        if let presetID = body.preset {
            guard let preset = ProfilePresets.preset(named: presetID) else {
                throw WebError.badRequest("Unknown preset “\(presetID)”; choose one of: \(ProfilePresets.all.map(\.id).joined(separator: ", ")).")
            }
            profile.role = preset.profile.role
            profile.industry = preset.profile.industry
            profile.interests = preset.profile.interests
        }
        if let role = body.role { profile.role = String(role.prefix(120)) }
        if let industry = body.industry { profile.industry = String(industry.prefix(120)) }
        if let interests = body.interests { profile.interests = Array(interests.map { String($0.prefix(100)) }.prefix(50)) }
        if let mutes = body.mutes { profile.mutes = Array(mutes.map { String($0.prefix(100)) }.prefix(50)) }
        if let stories = body.stories {
            guard (1...20).contains(stories) else { throw WebError.badRequest("stories must be from 1 to 20.") }
            profile.storyCount = stories
        }
        try await services.store.saveProfile(profile, userID: reader.id)
        services.editions.cache.invalidate(userID: reader.id)
        return APIResponse.json(profile)
    }
}
