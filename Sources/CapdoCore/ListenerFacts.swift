/// Listening sockets of the live host, from `/proc/net/{tcp,tcp6,udp,udp6}`.
public struct ListenerFacts: Codable, Sendable, Equatable {
    public var source: String
    public var sockets: [ListeningSocket]

    public init(source: String, sockets: [ListeningSocket]) {
        self.source = source
        self.sockets = sockets
    }
}
