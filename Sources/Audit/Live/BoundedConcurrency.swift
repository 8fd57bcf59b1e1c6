/// `items.map(body)` with at most `limit` calls in flight: IAM throttles bursts, and a wide
/// account has thousands of groups. Results keep the input order. After the first error no new
/// call starts, the ones in flight finish, then the error is thrown: requests are never
/// cancelled, because a cancelled URLSession request on Linux can fail to resume its task
/// (seen as `bpctl audit --live` hanging on an unreachable endpoint).
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ body: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    let outcomes = await withTaskGroup(of: (Int, Result<R, any Error>).self) { group in
        var results = [Result<R, any Error>?](repeating: nil, count: items.count)
        var next = 0, failed = false
        func start() {
            let i = next, item = items[i]
            group.addTask { (i, await capture { try await body(item) }) }
            next += 1
        }
        while next < min(limit, items.count) { start() }
        while let (i, r) = await group.next() {
            results[i] = r
            if case .failure = r { failed = true }
            if !failed && next < items.count { start() }
        }
        return results
    }
    return try outcomes.map { try ($0 ?? .failure(CancellationError())).get() }
}

/// The outcome of a call as a value, so concurrent calls can all be awaited before any error is
/// thrown (an `async let` left unawaited by a throw is cancelled; see above).
func capture<R>(_ body: () async throws -> R) async -> Result<R, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
