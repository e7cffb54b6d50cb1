/// Bereik's version, shown by `--version`, in reports and on the web page (both programs).
public enum BereikVersion {
    public static let current = "0.1.0"
}
