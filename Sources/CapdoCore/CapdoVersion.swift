/// The scanner version, shown in every report and snapshot.
public enum CapdoVersion {
    public static let string = "0.1.0"
}
