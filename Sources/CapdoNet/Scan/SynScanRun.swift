import CapdoCore
import Foundation

/// The state of one SYN scan on an open handle: what is queued, in flight and settled, and the send/read loop.
struct SynScanRun: PacketSink {
    struct Probe {
        var target: Int
        var port: UInt16
        var attempt: Int
        var sent: Double = 0
    }

    let scanner: SynScanner
    let handle: PcapHandle
    /// All of one family.
    let addresses: [IPAddress]
    let ports: [UInt16]
    /// Next-hop MAC per target; nil when its next hop did not answer ARP or neighbour solicitation (its ports count as filtered, unprobed).
    let destinationMACs: [UInt64?]
    let sourceMAC: UInt64
    let source: IPAddress
    let portBase: UInt16
    let attempts: Int
    let cookie: SynCookie
    let decoder: PacketDecoder?
    /// Target address → its index in `addresses`.
    let index: [IPAddress: Int]

    var open: [(target: Int, port: UInt16)] = []
    var answered = Set<Int>()
    var closed = 0
    var filtered = Set<Int>()
    var unreachable = 0
    var probes = 0
    /// Probe key (target × 65536 + port) → the attempt now in flight (or waiting for its retry).
    var pending: [Int: Int] = [:]
    /// In flight, in send order (so also in expiry order); `head` is the oldest not yet expired.
    var flights: [Probe] = []
    var head = 0
    var retry: [Probe] = []
    var packet = DecodedPacket()

    init(
        scanner: SynScanner, handle: PcapHandle, addresses: [IPAddress], ports: [UInt16], destinationMACs: [UInt64?],
        sourceMAC: UInt64, source: IPAddress, portBase: UInt16, attempts: Int, cookie: SynCookie
    ) {
        self.scanner = scanner
        self.handle = handle
        self.addresses = addresses
        self.ports = ports
        self.destinationMACs = destinationMACs
        self.sourceMAC = sourceMAC
        self.source = source
        self.portBase = portBase
        self.attempts = attempts
        self.cookie = cookie
        decoder = PacketDecoder(dlt: handle.linkType)
        index = Dictionary(addresses.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var settled: Int { open.count + closed + filtered.count + unreachable }

    /// Sends every probe under the rate limit, reads replies between sends, retries the silent ones.
    mutating func loop(progress: (@Sendable (Int, Int) -> Void)?) throws {
        let total = addresses.count * ports.count
        let start = SynScanner.now()
        var next = 0  // fresh probes, port-major so consecutive probes go to different hosts
        var sent = 0
        var lastProgress = start
        var held: Probe?  // a probe the full interface queue refused, sent first next time
        // Ends when everything was sent and every probe is settled: answered ones need not wait out the timeout.
        while next < total || !retry.isEmpty || held != nil || !pending.isEmpty {
            let now = SynScanner.now()
            let allowance = scanner.rate > 0 ? Int((now - start) * Double(scanner.rate)) + 1 - sent : 512
            var budget = min(allowance, 512)
            var busy = false
            while budget > 0 {
                var probe: Probe
                if let waiting = held {
                    probe = waiting
                    held = nil
                } else if let again = retry.popLast() {
                    probe = again
                    // Answered late while it waited for its retry: nothing left to ask.
                    guard pending[key(probe)] != nil else { continue }
                } else if next < total {
                    probe = Probe(target: next % addresses.count, port: ports[next / addresses.count], attempt: 0)
                    next += 1
                    guard destinationMACs[probe.target] != nil else {
                        unreachable += 1
                        continue
                    }
                } else {
                    break
                }
                guard try send(probe) else {
                    held = probe
                    busy = true
                    break
                }
                probe.sent = now
                flights.append(probe)
                pending[key(probe)] = probe.attempt
                sent += 1
                probes += 1
                budget -= 1
            }
            if let error = handle.readAvailable(limit: 4096, into: &self) {
                throw CapdoError(.capture, "Cannot read replies on '\(handle.source)'.", cause: error)
            }
            let later = SynScanner.now()
            expire(now: later)
            // Wait for replies until the next send slot or the next expiry (never when sending flat out).
            var wait = 0.0
            if busy {
                wait = 0.001
            } else if next >= total && retry.isEmpty && held == nil {
                wait = 0.05
            } else if scanner.rate > 0 {
                wait = start + Double(sent) / Double(scanner.rate) - later
            }
            if head < flights.count { wait = min(wait, flights[head].sent + scanner.timeout - later) }
            if wait > 0 { handle.waitForPackets(milliseconds: Int32((wait * 1000).rounded(.up))) }
            if head > 4096 && head * 2 > flights.count {
                flights.removeFirst(head)
                head = 0
            }
            if let progress, later - lastProgress > 0.1 {
                lastProgress = later
                progress(settled, total)
            }
        }
        // Late replies to the last probes.
        if let error = handle.readAvailable(limit: 65_536, into: &self) {
            throw CapdoError(.capture, "Cannot read replies on '\(handle.source)'.", cause: error)
        }
        progress?(total, total)
    }

    func key(_ probe: Probe) -> Int { probe.target << 16 | Int(probe.port) }

    /// Sends one probe; false when the interface queue is full.
    func send(_ probe: Probe) throws -> Bool {
        let address = addresses[probe.target]
        let sourcePort = portBase + UInt16(probe.attempt)
        let frame = SynFrame(
            sourceMAC: sourceMAC, destinationMAC: destinationMACs[probe.target] ?? 0, source: source,
            destination: address, sourcePort: sourcePort, destinationPort: probe.port,
            sequence: cookie.sequence(address: address, port: probe.port, sourcePort: sourcePort),
            identification: UInt16(truncatingIfNeeded: probes &* 40_503))
        return try handle.injectUnlessBusy(frame.bytes)
    }

    /// Drops settled probes from the head of the flight list; those whose timeout passed are queued again while
    /// attempts remain, else filtered.
    mutating func expire(now: Double) {
        while head < flights.count {
            let probe = flights[head]
            let key = key(probe)
            // Answered (or sent again) already: nothing to wait for.
            guard pending[key] == probe.attempt else {
                head += 1
                continue
            }
            guard probe.sent + scanner.timeout <= now else { break }
            head += 1
            if probe.attempt + 1 < attempts {
                retry.append(Probe(target: probe.target, port: probe.port, attempt: probe.attempt + 1))
            } else {
                pending[key] = nil
                filtered.insert(key)
            }
        }
    }

    mutating func consume(_ record: PacketRecord) {
        guard let decoder, decoder.decode(record.bytes, into: &packet) == nil,
            let reply = SynReply.match(packet, local: source, portBase: portBase, attempts: attempts, cookie: cookie),
            let target = index[reply.address]
        else { return }
        let key = target << 16 | Int(reply.port)
        if pending.removeValue(forKey: key) == nil {
            // Settled already, unless it was marked filtered and the answer came late.
            guard filtered.remove(key) != nil else { return }
        }
        answered.insert(target)
        if reply.open { open.append((target, reply.port)) } else { closed += 1 }
    }
}
