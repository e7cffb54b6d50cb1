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

/// The reader a `runReaderFuzzer` process exercises (one per process; libFuzzer's callback is a
/// C function and cannot capture it).
nonisolated(unsafe) private var currentReader: ((String) throws -> Void)?
nonisolated(unsafe) private var currentSuffix = ".csv"

/// Runs libFuzzer on a reader that takes a path: each input is written to the scratch file and
/// read; a thrown error is a fine outcome, a trap is a finding.
public func runReaderFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, suffix: String = ".csv",
                            _ read: @escaping (String) throws -> Void) -> CInt {
    currentReader = read
    currentSuffix = suffix
    return runFuzzer(argc, argv) { data, size in
        _ = try? currentReader?(FuzzFile.write(data, size, suffix: currentSuffix))
        return 0
    }
}
