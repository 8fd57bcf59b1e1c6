/// `items.map(body)` with at most `limit` calls in flight: IAM throttles bursts, and a wide
/// account has thousands of groups. Results keep the input order; the first error cancels the rest.
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ body: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    try await withThrowingTaskGroup(of: (Int, R).self) { group in
        var results = [R?](repeating: nil, count: items.count)
        var next = 0
        func start() {
            let i = next, item = items[i]
            group.addTask { (i, try await body(item)) }
            next += 1
        }
        while next < min(limit, items.count) { start() }
        while let (i, r) = try await group.next() {
            results[i] = r
            if next < items.count { start() }
        }
        return results.map { $0! }
    }
}
