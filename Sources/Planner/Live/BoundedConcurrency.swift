/// Run `body` over `items` with at most `limit` in flight, results in input order. The limit
/// keeps a plan from tripping AWS rate limits (Terraform's -parallelism, default 10).
/// After a failure no new work starts, and the calls in flight are awaited rather than
/// cancelled (cancelling URLSession's async calls can hang on Linux); then the first error is
/// thrown (the earliest item's, so the message does not depend on timing).
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ body: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    guard !items.isEmpty else { return [] }
    let outcome: Result<[R], Error> = await withTaskGroup(of: (Int, Result<R, Error>).self) { group in
        var results = [R?](repeating: nil, count: items.count)
        var failure: (index: Int, error: Error)?
        var next = 0
        func start() {
            let i = next, item = items[i]
            group.addTask {
                do { return (i, .success(try await body(item))) } catch { return (i, .failure(error)) }
            }
            next += 1
        }
        while next < min(limit, items.count) { start() }
        while let (i, r) = await group.next() {
            switch r {
            case .success(let value): results[i] = value
            case .failure(let error): if i < failure?.index ?? .max { failure = (i, error) }
            }
            if failure == nil, next < items.count { start() }
        }
        if let failure { return .failure(failure.error) }
        return .success(results.map { $0! })
    }
    return try outcome.get()
}
