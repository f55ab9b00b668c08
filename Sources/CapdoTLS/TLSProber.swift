import CapdoCore
import Foundation

/// Probes many endpoints on dedicated threads (never the cooperative pool), a bounded number at a time.
public struct TLSProber: Sendable {
    public var options: TLSProbeOptions
    let context: TLSClientContext
    let testableWeak: [WeakSuiteClass]
    let untestableWeak: [String: String]

    public init(options: TLSProbeOptions = TLSProbeOptions()) throws(CapdoError) {
        self.options = options
        context = try TLSClientContext(caFile: options.caFile)
        let library = TLSClientContext.libraryVersion
        var testable: [WeakSuiteClass] = []
        var untestable: [String: String] = [:]
        for weak in WeakSuiteClass.all {
            if TLSClientContext.canOffer(cipherList: weak.selector) {
                testable.append(weak)
            } else {
                untestable[weak.key] = "no \(weak.selector) suites in the local \(library); cannot offer them"
            }
        }
        testableWeak = testable
        untestableWeak = untestable
    }

    /// What the local OpenSSL cannot test at all, for `TLSFacts.limitations`.
    public var limitations: [String] {
        WeakSuiteClass.all.compactMap { weak in untestableWeak[weak.key].map { "\(weak.key): \($0)" } }
    }

    /// Probes every target; results come back in the order of `targets`.
    public func probe(_ targets: [TLSTarget], now: Date) async -> [TLSEndpoint] {
        let probe = EndpointProbe(
            handshake: TLSHandshake(context: context, options: options), testableWeak: testableWeak,
            untestableWeak: untestableWeak, now: now)
        return await onThreads(targets) { probe.run($0) }
    }

    /// Fetches `paths` of every target over HTTPS and `GET /` on `plainPort` of the same host: the sites, the cookies
    /// they set, and an issue per page that could not be fetched (`tls.http_sites`, `tls.http_cookies`) or plain-HTTP
    /// answer that could not be read (`tls.http_sites.plain_http`).
    public func probeHTTP(_ targets: [TLSTarget], paths: [String], plainPort: Int) async -> (
        sites: [HTTPSiteFact], cookies: [HTTPCookieFact], issues: [CollectionIssue]
    ) {
        let probe = HTTPProbe(
            handshake: TLSHandshake(context: context, options: options), paths: paths, plainPort: plainPort)
        let outcomes = await onThreads(targets) { probe.run($0) }
        return (outcomes.flatMap(\.sites), outcomes.flatMap(\.cookies), outcomes.flatMap(\.issues))
    }

    /// Runs `work` for every target on `options.concurrency` dedicated threads (blocking sockets stay off the
    /// cooperative pool); results in the order of `targets`.
    private func onThreads<Item: Sendable>(_ targets: [TLSTarget], _ work: @escaping @Sendable (TLSTarget) -> Item)
        async -> [Item]
    {
        guard !targets.isEmpty else { return [] }
        let workers = min(options.concurrency, targets.count)
        let board = ProbeBoard<Item>(count: targets.count, workers: workers)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for _ in 0..<workers {
                let thread = Thread {
                    while true {
                        let index = board.next.add(1, ordering: .relaxed).oldValue
                        guard index < targets.count else { break }
                        let result = work(targets[index])
                        board.results.withLock { $0[index] = result }
                    }
                    if board.running.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                        continuation.resume()
                    }
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
        }
        return board.results.withLock { results in results.compactMap { $0 } }
    }

    /// `OpenSSL 3.0.19 27 Jan 2026`
    public static var libraryVersion: String { TLSClientContext.libraryVersion }
}
