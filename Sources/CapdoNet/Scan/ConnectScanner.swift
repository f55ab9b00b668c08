import CapdoCore
import Foundation

/// TCP connect scan (any user): many non-blocking connects under a rate limit, with retries and timeouts.
public struct ConnectScanner: Sendable {
    /// Probes per second; 0 = unlimited.
    public var rate: Int
    public var timeout: Double
    public var retries: Int
    /// Most connects in flight at once.
    public var window: Int

    public init(rate: Int = 300, timeout: Double = 1.0, retries: Int = 1, window: Int = 1024) {
        self.rate = rate
        self.timeout = timeout
        self.retries = retries
        self.window = window
    }

    private struct Probe {
        var target: Int
        var port: UInt16
        var attempt: Int
    }

    private struct InFlight {
        var probe: Probe
        var started: Double
    }

    /// Scans every port of every target; `progress(done, total)` is called about ten times a second.
    public func scan(
        _ targets: TargetSpec, ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async -> LanFacts {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: scanBlocking(targets, ports: ports, progress: progress)) }.start()
        }
    }

    func scanBlocking(_ targets: TargetSpec, ports: PortSpec, progress: (@Sendable (Int, Int) -> Void)?) -> LanFacts {
        let start = Self.now()
        let total = targets.addresses.count * ports.ports.count
        var queue: [Probe] = []
        queue.reserveCapacity(total)
        for port in ports.ports.reversed() {
            for target in targets.addresses.indices.reversed() {
                queue.append(Probe(target: target, port: port, attempt: 0))
            }
        }
        var open: [(target: Int, port: UInt16)] = []
        var retry: [Probe] = []
        var answered = Set<Int>()
        var fds: [pollfd] = []
        var flights: [InFlight] = []
        var sent = 0, done = 0, probes = 0
        var settled = (closed: 0, filtered: 0)
        var window = max(1, self.window)
        var lastProgress = start
        while !queue.isEmpty || !flights.isEmpty || !retry.isEmpty {
            if queue.isEmpty && !retry.isEmpty {
                queue = retry.reversed()
                retry = []
            }
            let now = Self.now()
            let allowance = rate > 0 ? Int((now - start) * Double(rate)) + 1 - sent : Int.max
            var budget = min(allowance, window - flights.count)
            while budget > 0, let probe = queue.popLast() {
                budget -= 1
                sent += 1
                probes += 1
                let address = targets.addresses[probe.target]
                let fd = socket(
                    address.isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
                if fd < 0 {
                    // Out of descriptors: put it back and narrow the window.
                    queue.append(probe)
                    window = max(16, flights.count / 2)
                    break
                }
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                let result = SocketAddress.with(address, port: probe.port) { connect(fd, $0, $1) }
                var error = result == 0 ? 0 : errno
                if error == 0 && Self.isSelfConnect(fd, port: probe.port) { error = ECONNREFUSED }
                if error == EINPROGRESS {
                    fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0))
                    flights.append(InFlight(probe: probe, started: now))
                    continue
                }
                close(fd)
                if error == EAGAIN || error == EADDRNOTAVAIL {
                    queue.append(probe)
                    window = max(16, flights.count / 2)
                    break
                }
                done += finish(probe, error: error, open: &open, answered: &answered, retry: &retry, settled: &settled)
            }
            if !fds.isEmpty {
                _ = poll(&fds, nfds_t(fds.count), 5)
            } else if !queue.isEmpty {
                usleep(1000)
            }
            let later = Self.now()
            var index = 0
            while index < fds.count {
                let expired = later - flights[index].started > timeout
                if fds[index].revents != 0 || expired {
                    var error: Int32 = 0
                    if fds[index].revents != 0 {
                        var length = socklen_t(MemoryLayout<Int32>.size)
                        getsockopt(fds[index].fd, SOL_SOCKET, SO_ERROR, &error, &length)
                    } else {
                        error = ETIMEDOUT
                    }
                    if error == 0 && Self.isSelfConnect(fds[index].fd, port: flights[index].probe.port) {
                        error = ECONNREFUSED
                    }
                    close(fds[index].fd)
                    done += finish(
                        flights[index].probe, error: error, open: &open, answered: &answered, retry: &retry,
                        settled: &settled)
                    fds.swapAt(index, fds.count - 1)
                    flights.swapAt(index, flights.count - 1)
                    fds.removeLast()
                    flights.removeLast()
                } else {
                    index += 1
                }
            }
            if let progress, later - lastProgress > 0.1 {
                lastProgress = later
                progress(done, total)
            }
        }
        progress?(total, total)
        let keys = open.map { ServiceKey(address: targets.addresses[$0.target], port: $0.port, transport: 6) }
        let services = keys.sorted().map {
            LanService(
                ip: $0.address.description, port: Int($0.port), protocol: "tcp",
                name: WellKnownPorts.name(Int($0.port), transport: "tcp"),
                method: "connect")
        }
        let hosts = answered.sorted().map { LanHost(ip: targets.addresses[$0].description) }
        let info = LanScanInfo(
            method: "connect", targets: targets.text, ports: ports.text, addresses: targets.addresses.count,
            probes: probes,
            rate: rate, seconds: (Self.now() - start), closed: settled.closed, filtered: settled.filtered,
            portRanges: ports.ranges)
        return LanFacts(
            segment: "scan " + targets.text.joined(separator: ","), mode: "scan", hosts: hosts, services: services,
            scan: info)
    }

    /// Records the outcome of one probe; returns 1 when the probe is settled, 0 when it was queued again.
    private func finish(
        _ probe: Probe, error: Int32, open: inout [(target: Int, port: UInt16)], answered: inout Set<Int>,
        retry: inout [Probe], settled: inout (closed: Int, filtered: Int)
    ) -> Int {
        switch error {
        case 0:
            open.append((probe.target, probe.port))
            answered.insert(probe.target)
            return 1
        case ECONNREFUSED:
            answered.insert(probe.target)
            settled.closed += 1
            return 1
        default:
            if probe.attempt < retries {
                retry.append(Probe(target: probe.target, port: probe.port, attempt: probe.attempt + 1))
                return 0
            }
            settled.filtered += 1
            return 1
        }
    }

    /// Loopback TCP simultaneous open: a connect whose ephemeral source port equals the target port "succeeds"
    /// against itself. That is not a listener.
    static func isSelfConnect(_ fd: Int32, port: UInt16) -> Bool {
        var local = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) == 0 }
        }
        guard found else { return false }
        let localPort = withUnsafeBytes(of: local) { raw in
            UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
        }
        var peer = sockaddr_storage()
        var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let hasPeer = withUnsafeMutablePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &peerLength) == 0 }
        }
        guard hasPeer, localPort == port else { return false }
        return withUnsafeBytes(of: local) { a in
            withUnsafeBytes(of: peer) { b in a.prefix(Int(length)).elementsEqual(b.prefix(Int(peerLength))) }
        }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
