/// Every configuration-source collector.
public enum ConfigCollectors {
    public static var all: [any Collector] { AuthConfigCollectors.all + SystemConfigCollectors.all }
}
