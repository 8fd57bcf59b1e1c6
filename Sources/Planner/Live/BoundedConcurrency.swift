/// Run `body` over `items` with at most `limit` in flight, results in input order. The limit
/// keeps a plan from tripping AWS rate limits (Terraform's -parallelism, default 10).
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ body: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    guard !items.isEmpty else { return [] }
    return try await withThrowingTaskGroup(of: (Int, R).self) { group in
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
