import ArgumentParser

/// `--as-of DATE` of `scan` and `evaluate`: judge ages against a stated date instead of now.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge ages and expiries as of this date or time (ISO 8601) instead of now; the report states it.",
            discussion: """
                For facts that stand as of a known date: the sample hosts (their lists, logs and signatures are \
                dated 2026-11-28; scripts/scan passes it for them) or an old snapshot. Never for a real scan: a \
                host is judged as of today unless this is given, and every report made with it says so.
                """, valueName: "date"))
    var asOf: String?
}
