extension FeedBuilder {
    // MARK: - Links

    /// Atom links carry their address in `href`; RSS links in their text, read at the end.
    func startLink(_ attributes: [XMLAttribute]) {
        let rel = attributes.value("rel")?.lowercased().nilIfEmpty ?? "alternate"
        let declaredType = attributes.value("type")?.lowercased()
        let type = declaredType ?? (rel == "self" ? "application/atom+xml" : "text/html")
        guard let href = attributes.value("href") ?? attributes.value("url") ?? attributes.value("uri") else {
            frames[frames.count - 1].payload = .textLink(rel: rel, index: nil)
            captureText()
            return
        }
        let resolved = resolve(href, against: currentBase)
        let length = attributes.value("length")
        addLink(
            ParsedLink(
                href: resolved, rel: rel, type: type, title: attributes.value("title"), length: length,
                hreflang: attributes.value("hreflang")),
            isPage: rel == "alternate" && (type == "text/html" || type == "application/xhtml+xml"))
        if rel == "enclosure", target == .item {
            item?.enclosures.append(
                ParsedEnclosure(url: resolved, type: declaredType, length: length.flatMap { Int($0.trimmingWhitespace()) }))
        }
    }

    func endLink(_ frame: Frame) {
        guard case .textLink(let rel, _) = frame.payload else { return }
        var value = takeText(of: frame)
        guard !value.isEmpty else { return }
        // `&amp;amp;` in the source: a publishing tool escaped the query string twice.
        value = value.replacingAll("&amp;", with: "&")
        let resolved = resolve(value, against: frame.base)
        addLink(ParsedLink(href: resolved, rel: rel, type: "text/html"), isPage: rel == "alternate")
    }

    func addLink(_ link: ParsedLink, isPage: Bool) {
        switch target {
        case .item:
            item?.links.append(link)
            if isPage { item?.link = link.href }
        case .feed, .source:
            updateHeader {
                $0.links.append(link)
                if isPage { $0.link = link.href }
            }
        case .ignored:
            break
        }
    }

    func startEnclosure(_ attributes: [XMLAttribute]) {
        guard target == .item, let url = attributes.value("url") ?? attributes.value("href") else { return }
        let resolved = resolve(url, against: currentBase)
        let type = attributes.value("type")
        let length = attributes.value("length")
        item?.enclosures.append(
            ParsedEnclosure(url: resolved, type: type, length: length.flatMap { Int($0.trimmingWhitespace()) }))
        item?.links.append(ParsedLink(href: resolved, rel: "enclosure", type: type, length: length))
    }

    // MARK: - People

    func startPerson(_ element: FeedElement) {
        let role: PersonRole =
            switch element {
            case .author: .author
            case .contributor: .contributor
            default: .publisher
            }
        personRole = role
        frames[frames.count - 1].payload = .person
        captureText()
        switch (target, role) {
        case (.item, .author): item?.authors.append(ParsedAuthor())
        case (.item, .contributor): item?.contributors.append(ParsedAuthor())
        case (.feed, .author), (.source, .author): updateHeader { $0.authors.append(ParsedAuthor()) }
        case (.feed, .contributor), (.source, .contributor): updateHeader { $0.contributors.append(ParsedAuthor()) }
        case (.feed, .publisher): feed.publisher = ParsedAuthor()
        default: personRole = nil
        }
    }

    /// RSS gives people as one string (`me@example.com (Me)`); Atom as child elements.
    func endPerson(_ frame: Frame) {
        let value = takeText(of: frame)
        if !value.isEmpty {
            updateLastPerson { person in
                if person.isEmpty { person = AuthorText.parse(value) }
            }
        }
        personRole = nil
    }

    func endPersonPart(_ frame: Frame) {
        let value = takeText(of: frame)
        guard !value.isEmpty else { return }
        guard personRole != nil else {
            // `<url>` in an RSS `<image>` is the feed's picture.
            if frame.element == .url, imageDepth != nil, item == nil {
                feed.image = resolve(value, against: frame.base)
            }
            return
        }
        updateLastPerson { person in
            switch frame.element {
            case .name: person.name = value
            case .email: person.email = value
            default: person.uri = resolve(value, against: frame.base)
            }
        }
    }

    private func updateLastPerson(_ change: (inout ParsedAuthor) -> Void) {
        guard let personRole else { return }
        func last(_ people: inout [ParsedAuthor]) {
            guard !people.isEmpty else { return }
            change(&people[people.count - 1])
        }
        switch (target, personRole) {
        case (.item, .author): last(&item!.authors)
        case (.item, .contributor): last(&item!.contributors)
        case (.feed, .author), (.source, .author): updateHeader { last(&$0.authors) }
        case (.feed, .contributor), (.source, .contributor): updateHeader { last(&$0.contributors) }
        case (.feed, .publisher):
            var publisher = feed.publisher ?? ParsedAuthor()
            change(&publisher)
            feed.publisher = publisher
        default: break
        }
    }
}
