import CapdoCollect

extension ProcessRunner {
    /// Runner for the real programs tests compare against: a loaded CI machine can take longer than the
    /// scanner's own 10-second limit for `apt-get -s` and the like, and an oracle cut off proves nothing.
    static var oracle: ProcessRunner { ProcessRunner(timeout: 300) }
}
