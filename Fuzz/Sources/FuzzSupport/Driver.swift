#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Hands control to libFuzzer's driver with the process's arguments (`-max_total_time=60`, a
/// corpus directory, …). `callback` gets each generated input.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}

/// The readers take paths (they stream files), so each input is written to one scratch file in
/// shared memory per process and read from there: the same code path a user's file takes.
public enum FuzzFile {
    public static let path: String = {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        return "\(directory)/bereik-fuzz-\(getpid())"
    }()

    /// Writes the input and returns the scratch path.
    public static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, suffix: String = ".csv") -> String {
        let target = path + suffix
        guard let file = fopen(target, "wb") else { fatalError("cannot write \(target)") }
        if let data, size > 0 { _ = fwrite(data, 1, size, file) }
        fclose(file)
        return target
    }
}
