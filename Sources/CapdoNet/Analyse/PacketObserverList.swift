/// Writes an ordered list of observers as one observer, one per line (`LanObservers.make`).
@resultBuilder
enum PacketObserverList {
    static func buildPartialBlock<Observer: PacketObserver>(first: Observer) -> Observer {
        first
    }

    static func buildPartialBlock<Earlier: PacketObserver, Next: PacketObserver>(
        accumulated: Earlier, next: Next
    ) -> ObserverPair<Earlier, Next> {
        ObserverPair(first: accumulated, second: next)
    }
}
