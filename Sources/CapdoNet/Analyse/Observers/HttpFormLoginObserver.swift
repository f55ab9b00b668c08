import CapdoCore

/// Cleartext web-form logins and login pages over HTTP (any port): a POST whose `application/x-www-form-urlencoded`
/// or `multipart/form-data` body (or a request whose query string) holds a non-empty field named like a password
/// (`password`, `passwd`, `pwd`, `matkhau`, `mat_khau`, `mk`, …) is a credential (`http_form`); a `text/html`
/// response holding a `type=password` input is a login page served in clear. Bodies are followed across TCP
/// segments by sequence number in a bounded buffer per flow; the secret's bytes are never copied out.
struct HttpFormLoginObserver: PacketObserver {
    /// Flows followed at once (a full table is emptied and the flush counted).
    static let flowLimit = 4_096
    /// Request bytes kept per flow (head and body): login forms are small.
    static let requestLimit = 16_384
    /// Response body bytes searched per page.
    static let pageLimit = 262_144
    static let pageRecordLimit = 1_000
    /// Bytes of the previous segment kept so a `type="password"` split between two segments is still found.
    static let overlap = 24

    private struct Pending {
        enum Kind {
            case request
            case page(path: String?)
        }
        var kind: Kind
        var nextSequence: UInt32
        /// Request: the bytes so far; page: the last `overlap` bytes searched.
        var bytes: [UInt8]
        /// Request: where each segment starts in `bytes`, with its packet number.
        var segments: [(offset: Int, packet: Int)] = []
        var scanned = 0
    }

    private var pending: [FlowKey: Pending] = [:]
    /// The path of the last request on each flow (keyed as the response flows), for the page it gets.
    private var requestPaths: [FlowKey: String] = [:]
    private var pages: [LanHttpLoginPage] = []
    private var pageKeys: Set<String> = []
    private var flushes = 0
    private var compressedPages = 0

    @inline(__always) mutating func observe(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let payload = packet.payload
        guard packet.isTCP, !payload.isEmpty else { return }
        if !pending.isEmpty, let state = pending[packet.flowToServer] {
            continueFlow(state, packet, credentials: &credentials)
            return
        }
        switch payload[0] {
        case 0x50, 0x47:  // POST, GET
            if HttpForm.hasPrefix(payload, "post ") || HttpForm.hasPrefix(payload, "get ") {
                request(packet, credentials: &credentials)
            } else if payload.count < 5 && HttpForm.hasPrefix("post ".utf8, payload) {
                // "POST " itself cut short: follow the request from here.
                start(
                    packet.flowToServer,
                    Pending(
                        kind: .request, nextSequence: packet.headers.tcpSequence &+ UInt32(payload.count),
                        bytes: Array(payload), segments: [(0, packet.number)]))
            }
        case 0x48:  // HTTP/1.x response
            if HttpForm.hasPrefix(payload, "http/1.")
                || (payload.count < 7 && HttpForm.hasPrefix("http/1.".utf8, payload))
            {
                response(packet)
            }
        default: break
        }
    }

    private mutating func request(_ packet: ObservedPacket, credentials: inout CredentialLog) {
        let payload = packet.payload
        guard let head = HttpForm.requestHead(payload) else {
            // The head continues in the next segment: follow the request (a POST only; a GET's query is in line 1).
            if payload[0] == 0x50 {
                start(
                    packet.flowToServer,
                    Pending(
                        kind: .request, nextSequence: packet.headers.tcpSequence &+ UInt32(payload.count),
                        bytes: Array(payload.prefix(Self.requestLimit)), segments: [(0, packet.number)]))
            }
            return
        }
        remember(head.path, for: packet.flowToServer.reversed)
        if !head.query.isEmpty {
            let fields = HttpForm.urlencoded(head.query)
            if fields.secretSeen {
                record(packet, number: packet.number, path: head.path, user: fields.user, credentials: &credentials)
            }
        }
        guard head.encoding != .other else { return }
        let available = payload.count - head.bodyStart
        if let length = head.contentLength, available < length, payload.count < Self.requestLimit {
            start(
                packet.flowToServer,
                Pending(
                    kind: .request, nextSequence: packet.headers.tcpSequence &+ UInt32(payload.count),
                    bytes: Array(payload), segments: [(0, packet.number)]))
            return
        }
        let body = Array(payload[head.bodyStart..<(head.bodyStart + min(available, head.contentLength ?? available))])
        judge(body, head, packet, packetAt: { _ in packet.number }, credentials: &credentials)
    }

    /// Reads a complete (or given up) request body and records a credential when it holds a secret.
    private func judge(
        _ body: [UInt8], _ head: HttpForm.RequestHead, _ packet: ObservedPacket, packetAt: (Int) -> Int,
        credentials: inout CredentialLog
    ) {
        let fields: HttpForm.Fields
        switch head.encoding {
        case .urlencoded: fields = HttpForm.urlencoded(body)
        case .multipart(let boundary): fields = HttpForm.multipart(body, boundary: boundary)
        case .other: return
        }
        guard fields.secretSeen else { return }
        record(
            packet, number: packetAt(head.bodyStart + fields.secretOffset), path: head.path, user: fields.user,
            credentials: &credentials)
    }

    /// A credential sent in `packet`'s flow, cited as packet `number` (where its secret field was).
    private func record(
        _ packet: ObservedPacket, number: Int, path: String, user: String?, credentials: inout CredentialLog
    ) {
        let headers = packet.headers
        var credential = LanCredential(
            protocol: "http_form", client: headers.source.description,
            server: "\(headers.destination.description):\(headers.destinationPort)", packet: number, user: user,
            secretSeen: true)
        credential.path = path
        credentials.record(credential)
    }

    private mutating func response(_ packet: ObservedPacket) {
        let payload = packet.payload
        let headEnd = HttpForm.find(payload, "\r\n\r\n", from: 0, limit: 8_192)
        let headBytes = payload.prefix(headEnd ?? payload.count)
        var html = true
        var cursor = headBytes.startIndex
        while cursor < headBytes.endIndex {
            let line = headBytes[cursor...].prefix { $0 != 0x0D && $0 != 0x0A }
            // A header line cut by the segment's end says nothing yet: the page is searched.
            if line.endIndex == headBytes.endIndex && headEnd == nil { break }
            if HttpForm.hasPrefix(line, "content-type:") {
                let value = line.dropFirst(13).drop { $0 == 0x20 }
                html = HttpForm.hasPrefix(value, "text/html") || HttpForm.hasPrefix(value, "application/xhtml")
            } else if HttpForm.hasPrefix(line, "content-encoding:") {
                let value = line.dropFirst(17).drop { $0 == 0x20 }
                if !HttpForm.hasPrefix(value, "identity") {
                    compressedPages += 1
                    return
                }
            }
            cursor = line.endIndex + 1
        }
        guard html else { return }
        let flow = packet.flowToServer
        let path = requestPaths[flow]
        let body = headEnd.map { payload[($0 + 4)...] } ?? payload[...]
        if HttpForm.hasPasswordInput(body) {
            notePage(packet, path: path)
            return
        }
        start(
            flow,
            Pending(
                kind: .page(path: path), nextSequence: packet.headers.tcpSequence &+ UInt32(payload.count),
                bytes: Array(body.suffix(Self.overlap)), scanned: body.count))
    }

    private mutating func continueFlow(
        _ state: Pending, _ packet: ObservedPacket, credentials: inout CredentialLog
    ) {
        var state = state
        let flow = packet.flowToServer
        var payload = packet.payload[...]
        let delta = Int32(bitPattern: packet.headers.tcpSequence &- state.nextSequence)
        if delta > 0 {
            // A segment is missing: judge what was read, then look at this one afresh.
            finish(flow, state, packet, credentials: &credentials)
            observe(packet, credentials: &credentials)
            return
        }
        if delta < 0 {
            guard Int(-delta) < payload.count else { return }  // a retransmission
            payload = payload.dropFirst(Int(-delta))
        }
        state.nextSequence = packet.headers.tcpSequence &+ UInt32(packet.payload.count)
        switch state.kind {
        case .request:
            state.segments.append((state.bytes.count, packet.number))
            state.bytes += payload.prefix(Self.requestLimit - state.bytes.count)
            let bytes = state.bytes
            let done = bytes.withUnsafeBytes { raw -> Bool in
                guard let head = HttpForm.requestHead(raw) else { return bytes.count >= Self.requestLimit }
                return bytes.count - head.bodyStart >= head.contentLength ?? 0 || bytes.count >= Self.requestLimit
            }
            if done {
                finish(flow, state, packet, credentials: &credentials)
            } else {
                pending[flow] = state
            }
        case .page(let path):
            let window = state.bytes + payload
            state.scanned += payload.count
            if HttpForm.hasPasswordInput(window) {
                notePage(packet, path: path)
                pending[flow] = nil
            } else if state.scanned >= Self.pageLimit {
                pending[flow] = nil
            } else {
                state.bytes = Array(window.suffix(Self.overlap))
                pending[flow] = state
            }
        }
    }

    /// Ends the following of `flow`: a request is judged on the bytes read.
    private mutating func finish(
        _ flow: FlowKey, _ state: Pending, _ packet: ObservedPacket, credentials: inout CredentialLog
    ) {
        pending[flow] = nil
        guard case .request = state.kind else { return }
        state.bytes.withUnsafeBytes { raw in
            guard let head = HttpForm.requestHead(raw) else { return }
            remember(head.path, for: flow.reversed)
            let end = min(raw.count, head.bodyStart + (head.contentLength ?? raw.count))
            guard end > head.bodyStart else { return }
            let body = Array(raw[head.bodyStart..<end])
            let segments = state.segments
            judge(
                body, head, packet,
                packetAt: { offset in segments.last { $0.offset <= offset }?.packet ?? packet.number },
                credentials: &credentials)
        }
    }

    private mutating func start(_ flow: FlowKey, _ state: Pending) {
        if pending.count >= Self.flowLimit {
            pending.removeAll()
            flushes += 1
        }
        pending[flow] = state
    }

    private mutating func remember(_ path: String, for flow: FlowKey) {
        if requestPaths.count >= Self.flowLimit && requestPaths[flow] == nil { requestPaths.removeAll() }
        requestPaths[flow] = path
    }

    private mutating func notePage(_ packet: ObservedPacket, path: String?) {
        let server = "\(packet.headers.source.description):\(packet.headers.sourcePort)"
        let key = server + " " + (path ?? "")
        guard pages.count < Self.pageRecordLimit, pageKeys.insert(key).inserted else { return }
        pages.append(
            LanHttpLoginPage(
                server: server, client: packet.headers.destination.description, packet: packet.number, path: path))
    }

    func contribute(to facts: inout LanFacts) {
        if !pages.isEmpty { facts.httpLoginPages = (facts.httpLoginPages ?? []) + pages }
        facts.counters.addSkipped("http_flows_flushed", flushes)
        facts.counters.addSkipped("http_compressed_pages", compressedPages)
    }
}
