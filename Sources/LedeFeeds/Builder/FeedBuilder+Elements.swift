import Foundation
import LedeHTML

extension FeedBuilder {
    /// The start of an element outside any text construct. The element's frame is on the stack.
    func startFeedElement(_ name: XMLElementName, attributes: [XMLAttribute]) {
        let depth = frames.count
        switch name.element {
        case .rss, .rdf, .unknown:
            break
        case .channel, .feed:
            noteFeedStructure()
            if name.element == .channel { readCDFAttributes(attributes, into: .feed) }
        case .item:
            noteFeedStructure()
            if let item { completeItem(item) }
            var fields = ItemFields()
            fields.id = attributes.value("about", in: .rdf)
            item = fields
            readCDFAttributes(attributes, into: .item)
        case .source:
            guard item != nil, source == nil else { return }
            var header = HeaderFields()
            header.feedURL = attributes.value("url").map { resolve($0, against: currentBase) }
            source = header
            captureText()
        case .image:
            if imageDepth == nil { imageDepth = depth }
        case .textInput:
            if textInputDepth == nil { textInputDepth = depth }
        case .author, .contributor, .publisher, .itunesOwner:
            startPerson(name.element)
        case .name, .email, .uri, .url, .id, .published, .updated, .created, .language, .icon, .logo, .comments:
            captureText()
            if name.element == .id {
                let permalink = attributes.value("ispermalink").map { $0.lowercased() != "false" } ?? true
                frames[depth - 1].payload = .permalink(permalink)
            }
        case .title:
            beginTextConstruct(.title, attributes: attributes, defaultType: "text/plain")
        case .mediaTitle:
            beginTextConstruct(.mediaTitle, attributes: attributes, defaultType: "text/plain")
        case .subtitle:
            beginTextConstruct(.subtitle, attributes: attributes, defaultType: "text/plain")
        case .rights:
            beginTextConstruct(.rights, attributes: attributes, defaultType: "text/plain")
        case .info:
            beginTextConstruct(.info, attributes: attributes, defaultType: "text/plain")
        case .description, .summary, .abstract:
            let defaultType = name.element == .description ? "text/html" : "text/plain"
            if target == .item, item?.summary != nil, item?.hasContent == false {
                // A second summary is the full text.
                item?.hasContent = true
                beginTextConstruct(.content, attributes: attributes, defaultType: "text/plain")
            } else {
                beginTextConstruct(.summary, attributes: attributes, defaultType: defaultType)
            }
        case .mediaDescription:
            beginTextConstruct(.mediaDescription, attributes: attributes, defaultType: "text/plain")
        case .content, .contentEncoded, .body:
            if target == .item { item?.hasContent = true }
            let defaultType =
                switch name.element {
                case .content: "text/plain"
                case .body: "application/xhtml+xml"
                default: "text/html"
                }
            beginTextConstruct(.content, attributes: attributes, defaultType: defaultType)
        case .link:
            startLink(attributes)
        case .generator:
            var generator = ParsedGenerator()
            if let uri = attributes.value("uri") ?? attributes.value("url") ?? attributes.value("href") {
                generator.uri = resolve(uri, against: currentBase)
            }
            generator.version = attributes.value("version")
            frames[depth - 1].payload = .generator(generator)
            captureText()
        case .adminGeneratorAgent:
            if let resource = attributes.value("resource", in: .rdf) {
                updateHeader { $0.generator = ParsedGenerator(name: resource, uri: resource) }
            }
        case .category, .mediaCategory:
            let term = attributes.value("term")
            var scheme = attributes.value("scheme") ?? attributes.value("domain")
            if name.element == .mediaCategory, scheme == nil { scheme = "http://search.yahoo.com/mrss/category_schema" }
            let label = attributes.value("label")
            addCategory(ParsedCategory(term: term, scheme: scheme, label: label))
            frames[depth - 1].payload = .category(fillsTerm: term == nil && (scheme != nil || label != nil))
            captureText()
        case .itunesCategory:
            if let text = attributes.value("text") {
                addCategory(ParsedCategory(term: text, scheme: "http://www.itunes.com/"))
            }
        case .keywords, .mediaKeywords, .itunesKeywords:
            frames[depth - 1].payload = .keywords(scheme: name.element == .itunesKeywords ? "http://www.itunes.com/" : nil)
            captureText()
        case .enclosure:
            startEnclosure(attributes)
        case .mediaContent:
            if target == .item, let url = attributes.value("url") {
                item?.media.append(
                    ParsedEnclosure(
                        url: resolve(url, against: currentBase), type: mediaContentType(attributes),
                        length: attributes.value("filesize").flatMap { Int($0.trimmingWhitespace()) }))
            }
        case .mediaThumbnail:
            let url = attributes.value("url")
            if target == .item, item?.thumbnail == nil, let url {
                item?.thumbnail = resolve(url, against: currentBase)
            }
            frames[depth - 1].payload = .thumbnail(hasURL: url != nil)
            captureText()
        case .itunesImage:
            guard let href = attributes.value("href") ?? attributes.value("url") else { return }
            let resolved = resolve(href, against: currentBase)
            switch target {
            case .item: item?.image = resolved
            case .feed: feed.image = resolved
            case .source, .ignored: break
            }
        }
    }

    /// The end of an element outside any text construct; its frame is still on the stack.
    func endFeedElement(_ frame: Frame) {
        let depth = frames.count
        switch frame.element {
        case .rss, .rdf, .channel, .feed, .unknown, .itunesCategory, .enclosure, .mediaContent, .itunesImage,
            .adminGeneratorAgent:
            break
        case .item:
            if let item { completeItem(item) }
            item = nil
        case .source:
            guard var header = source else { return }
            let title = takeText(of: frame)
            if header.title == nil, !title.isEmpty { header.title = ParsedText(value: title, type: .text) }
            source = nil
            item?.source = header.source
        case .image:
            if imageDepth == depth { imageDepth = nil }
        case .textInput:
            if textInputDepth == depth { textInputDepth = nil }
        case .author, .contributor, .publisher, .itunesOwner:
            endPerson(frame)
        case .name, .email, .uri, .url:
            endPersonPart(frame)
        case .id:
            endID(frame)
        case .published, .updated, .created:
            let date = takeDate(of: frame)
            switch (target, frame.element) {
            case (.item, .published): if let date { item?.published = date }
            case (.item, .updated): if let date { item?.updated = date }
            case (.feed, .published), (.source, .published): if let date { updateHeader { $0.published = date } }
            case (.feed, .updated), (.source, .updated): if let date { updateHeader { $0.updated = date } }
            default: break
            }
        case .language:
            let language = takeText(of: frame).replacingUnderscores
            guard !language.isEmpty else { return }
            switch target {
            case .item: item?.language = language
            case .feed: feed.language = language
            case .source, .ignored: break
            }
        case .icon, .logo:
            let value = takeText(of: frame)
            guard !value.isEmpty else { return }
            let url = resolve(value, against: frame.base)
            guard target == .feed || target == .source else { return }
            updateHeader {
                if frame.element == .icon { $0.icon = url } else { $0.logo = url }
            }
        case .comments:
            let value = takeText(of: frame)
            if target == .item, !value.isEmpty { item?.comments = resolve(value, against: frame.base) }
        case .title, .mediaTitle, .subtitle, .rights, .info, .description, .summary, .abstract, .mediaDescription,
            .content, .contentEncoded, .body:
            endTextConstruct(frame)
        case .link:
            endLink(frame)
        case .generator:
            guard case .generator(var generator) = frame.payload else { return }
            let name = takeText(of: frame)
            generator.name = name.nilIfEmpty
            if target == .feed || target == .source { updateHeader { $0.generator = generator } }
        case .category, .mediaCategory:
            let value = takeText(of: frame)
            guard !value.isEmpty, case .category(let fillsTerm) = frame.payload else { return }
            if fillsTerm || lastCategoryHasNoTerm() {
                setLastCategoryTerm(value)
            } else {
                addCategory(ParsedCategory(term: value))
            }
        case .keywords, .mediaKeywords, .itunesKeywords:
            guard case .keywords(let scheme) = frame.payload else { return }
            for term in takeText(of: frame).split(separator: ",") {
                let trimmed = String(term).trimmingWhitespace()
                if !trimmed.isEmpty { addCategory(ParsedCategory(term: trimmed, scheme: scheme)) }
            }
        case .mediaThumbnail:
            let value = takeText(of: frame)
            if case .thumbnail(false) = frame.payload, target == .item, item?.thumbnail == nil, !value.isEmpty {
                item?.thumbnail = resolve(value, against: frame.base)
            }
        }
    }

    // MARK: - Text

    func captureText() {
        frames[frames.count - 1].receivesText = true
        frames[frames.count - 1].textStart = text.count
        acceptsText = true
    }

    func takeDate(of frame: Frame) -> Date? {
        guard frame.receivesText, frame.textStart < text.count else { return nil }
        let date = text.withUnsafeBufferPointer { FeedDateParser.parse(UnsafeBufferPointer(rebasing: $0[frame.textStart...])) }
        text.removeSubrange(frame.textStart...)
        return date
    }

    private func endTextConstruct(_ frame: Frame) {
        guard let field = construct?.field, let value = finishTextConstruct(frame) else { return }
        let depth = frames.count
        var target = self.target
        if target == .ignored, field == .title, item != nil, source == nil {
            // A title inside an item's image stands in only for a missing one: it is deeper.
            target = .item
        }
        switch (target, field) {
        case (.item, .title), (.item, .mediaTitle):
            // The title closest to the item wins; among equals, the first, but a Media RSS title
            // only stands in for a missing one.
            let rank = depth * 2 + (field == .mediaTitle ? 1 : 0)
            if rank < item?.titleDepth ?? Int.max {
                item?.title = value
                item?.titleDepth = rank
            }
        case (.item, .summary), (.item, .mediaDescription):
            if field == .mediaDescription, item?.summary != nil { return }
            if depth <= item?.summaryDepth ?? Int.max {
                item?.summary = value
                item?.summaryDepth = depth
            }
        case (.item, .content):
            if item?.content == nil { item?.content = value }
        case (.item, .rights):
            item?.rights = value
        case (.feed, .title), (.source, .title):
            updateHeader {
                if depth < $0.titleDepth {
                    $0.title = value
                    $0.titleDepth = depth
                }
            }
        case (.feed, .subtitle), (.source, .subtitle):
            updateHeader { $0.subtitle = value }
        case (.feed, .summary), (.source, .summary):
            if frame.element == .summary {
                // Atom has no feed-level summary; iTunes' is a longer description.
                updateHeader { if $0.subtitle == nil { $0.subtitle = value } }
            } else {
                updateHeader { $0.subtitle = value }
            }
        case (.feed, .rights), (.source, .rights):
            updateHeader { $0.rights = value }
        case (.feed, .info):
            feed.info = value
        default:
            break
        }
    }

    // MARK: - Identity

    private func endID(_ frame: Frame) {
        var value = takeText(of: frame)
        guard case .permalink(let isPermalink) = frame.payload else { return }
        if isPermalink, !value.isEmpty { value = resolve(value, against: frame.base) }
        let depth = frames.count
        switch target {
        case .item:
            if depth <= item?.idDepth ?? Int.max {
                item?.id = value
                item?.idDepth = depth
            }
            if isPermalink, let scheme = URLReferenceResolver.scheme(of: value), scheme == "http" || scheme == "https" {
                if item?.permalink == nil { item?.permalink = value }
            }
        case .feed, .source:
            updateHeader { $0.id = value }
        case .ignored:
            break
        }
    }

    private func readCDFAttributes(_ attributes: [XMLAttribute], into target: Target) {
        guard format == .cdf else { return }
        if let updated = attributes.value("lastmod").flatMap({ FeedDateParser.parse($0) }) {
            if target == .item { item?.updated = updated } else { feed.updated = updated }
        }
        if let href = attributes.value("href") {
            addLink(ParsedLink(href: resolve(href, against: currentBase), type: "text/html"), isPage: true)
        }
    }

    // MARK: - Categories

    /// Categories are kept once each, and at most `maximumCategories` per item or feed (the
    /// duplicate check is linear, and no real feed needs more).
    func addCategory(_ category: ParsedCategory) {
        guard category.term != nil || category.scheme != nil || category.label != nil else { return }
        let limit = Self.maximumCategories
        switch target {
        case .item:
            guard let categories = item?.categories, categories.count < limit, !categories.contains(category) else {
                return
            }
            item?.categories.append(category)
        case .feed, .source:
            updateHeader {
                if $0.categories.count < limit, !$0.categories.contains(category) { $0.categories.append(category) }
            }
        case .ignored:
            break
        }
    }

    private func lastCategoryHasNoTerm() -> Bool {
        switch target {
        case .item: return item?.categories.last.map { $0.term == nil } ?? false
        case .feed: return feed.categories.last.map { $0.term == nil } ?? false
        case .source: return source?.categories.last.map { $0.term == nil } ?? false
        case .ignored: return false
        }
    }

    private func setLastCategoryTerm(_ term: String) {
        switch target {
        case .item:
            guard let count = item?.categories.count, count > 0 else { return }
            item?.categories[count - 1].term = term
        case .feed, .source:
            updateHeader { if !$0.categories.isEmpty { $0.categories[$0.categories.count - 1].term = term } }
        case .ignored:
            break
        }
    }

    private func mediaContentType(_ attributes: [XMLAttribute]) -> String? {
        if let type = attributes.value("type") { return type.lowercased() }
        return attributes.value("medium").map { $0.lowercased() == "image" ? "image/*" : $0.lowercased() + "/*" }
    }
}
