import CapdoCore
import Foundation

/// The whole matrix for one endpoint: one handshake per version, then the weak suite classes.
struct EndpointProbe {
    var handshake: TLSHandshake
    /// Weak classes the local OpenSSL can offer, and a reason for each one it cannot.
    var testableWeak: [WeakSuiteClass]
    var untestableWeak: [String: String]
    var now: Date

    func run(_ target: TLSTarget) -> TLSEndpoint {
        let started = DispatchTime.now().uptimeNanoseconds
        var endpoint = TLSEndpoint(
            name: target.description, host: target.host, port: target.port,
            sni: X509Certificate.isIPLiteral(target.host) ? nil : target.host, starttls: target.starttls,
            origin: target.origin)
        defer {
            endpoint.milliseconds = Double((DispatchTime.now().uptimeNanoseconds - started) / 10_000) / 100
        }
        let address: ResolvedAddress
        do {
            address = try ResolvedAddress.resolve(
                target.host, port: target.port, timeout: handshake.options.connectTimeout)
        } catch {
            endpoint.error = error.description
            return finish(endpoint)
        }
        endpoint.address = address.text

        var best: HandshakeDetails?
        var firstFailure: CapdoError?
        for (key, version) in HandshakeRequest.versions.reversed() {
            switch handshake.attempt(.only(version, keepChain: best == nil), target: target, address: address) {
            case .accepted(let details):
                endpoint.protocols[key] = TLSProtocolResult(status: TLSProtocolResult.accepted, cipher: details.cipher)
                if best == nil { best = details }
            case .rejected(let reason):
                endpoint.protocols[key] = TLSProtocolResult(status: TLSProtocolResult.rejected, reason: reason)
            case .untestable(let reason):
                endpoint.protocols[key] = TLSProtocolResult(status: TLSProtocolResult.untestable, reason: reason)
            case .failed(let error):
                endpoint.protocols[key] = TLSProtocolResult(
                    status: TLSProtocolResult.rejected, reason: error.description)
                if firstFailure == nil { firstFailure = error }
                // Nothing more to learn from a port that does not connect, time out or does not speak TLS.
                if best == nil, [.connect, .timeout, .notTLS, .starttls, .resolve].contains(error.code) {
                    endpoint.protocols = [:]
                    endpoint.error = error.description
                    return finish(endpoint)
                }
            }
        }
        endpoint.acceptedProtocols = HandshakeRequest.versions.map(\.key).filter {
            endpoint.protocols[$0]?.status == TLSProtocolResult.accepted
        }
        guard let best else {
            endpoint.error =
                "no TLS handshake succeeded: "
                + (firstFailure?.description ?? endpoint.protocols["tls1_3"]?.reason ?? "?")
            return finish(endpoint)
        }
        endpoint.negotiatedProtocol = best.version
        endpoint.negotiatedCipher = best.cipher
        endpoint.verifyResult = best.verifyResult
        endpoint.chainVerified = best.verified
        endpoint.chain = best.chain.enumerated().map { index, certificate in
            certificate.fact(sourceKind: "endpoint", source: "\(target.description)#\(index)", now: now)
        }
        endpoint.hostnameMatches = best.chain.first?.matches(host: target.host)
        probeWeakSuites(&endpoint, target: target, address: address)
        return finish(endpoint)
    }

    private func finish(_ endpoint: TLSEndpoint) -> TLSEndpoint {
        var result = endpoint
        result.weakSuitesUntestable = WeakSuiteClass.all.map(\.key).filter {
            result.weakSuites[$0]?.status == TLSProtocolResult.untestable
        }
        result.weakSuitesAccepted = WeakSuiteClass.all.map(\.key).filter {
            result.weakSuites[$0]?.status == TLSProtocolResult.accepted
        }
        return result
    }

    /// Offers every testable weak class at once (TLS 1.0–1.2); each accepted class is removed and the rest re-offered.
    private func probeWeakSuites(_ endpoint: inout TLSEndpoint, target: TLSTarget, address: ResolvedAddress) {
        for (key, reason) in untestableWeak {
            endpoint.weakSuites[key] = TLSProtocolResult(status: TLSProtocolResult.untestable, reason: reason)
        }
        guard handshake.options.weakSuites else { return }
        let old = ["tls1_0", "tls1_1", "tls1_2"].filter { endpoint.protocols[$0]?.status == TLSProtocolResult.accepted }
        var remaining = testableWeak
        if old.isEmpty {
            for weak in remaining {
                endpoint.weakSuites[weak.key] = TLSProtocolResult(
                    status: TLSProtocolResult.rejected, reason: "only TLS 1.3 accepted (its suites are all strong)")
            }
            return
        }
        var lastReason = "not accepted"
        while !remaining.isEmpty {
            let list = remaining.map(\.selector).joined(separator: ":") + ":@SECLEVEL=0"
            let request = HandshakeRequest(
                minVersion: HandshakeRequest.versions[0].value, maxVersion: HandshakeRequest.versions[2].value,
                cipherList: list, keepChain: false)
            guard case .accepted(let details) = handshake.attempt(request, target: target, address: address) else {
                break
            }
            let matched = remaining.filter {
                $0.contains(
                    cipher: details.cipher, noEncryption: details.cipherHasNoEncryption,
                    noAuthentication: details.cipherHasNoAuthentication)
            }
            if matched.isEmpty {
                lastReason = "server chose \(details.cipher), outside the classes offered"
                break
            }
            for weak in matched {
                endpoint.weakSuites[weak.key] = TLSProtocolResult(
                    status: TLSProtocolResult.accepted, cipher: details.cipher)
            }
            remaining.removeAll { weak in matched.contains { $0.key == weak.key } }
        }
        for weak in remaining where endpoint.weakSuites[weak.key] == nil {
            endpoint.weakSuites[weak.key] = TLSProtocolResult(status: TLSProtocolResult.rejected, reason: lastReason)
        }
    }
}
