/// Collects every page of a paginated call: `fetch` gets the previous page's token (nil first)
/// and returns its items and the next token (nil or empty when done). A token that repeats
/// stops the loop instead of spinning forever on a misbehaving endpoint.
public func paginate<T>(_ fetch: (String?) async throws -> ([T], String?)) async throws -> [T] {
    var items: [T] = []
    var token: String?
    var seen = Set<String>()
    repeat {
        let (page, next) = try await fetch(token)
        items += page
        token = next.flatMap { $0.isEmpty ? nil : $0 }
        if let t = token, !seen.insert(t).inserted { break }
    } while token != nil
    return items
}
