import Foundation

/// Writes an output file without ever destroying data: an input of the run is never overwritten
/// (same device and inode, so also through a symlink or another path), an existing file keeps its
/// permissions, and a FIFO, device or terminal is written in place rather than replaced by a
/// regular file. `-` (or no path) means standard output.
public enum OutputFile {
    public static func write(_ text: String, to path: String?, protecting inputs: [String] = []) throws {
        try write(data: Data(text.utf8), to: path, protecting: inputs)
    }

    /// Bytes (a PDF) by the same rules.
    public static func write(data: Data, to path: String?, protecting inputs: [String] = []) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        let location = SourceLocation(file: path)
        var target = stat()
        let exists = stat(path, &target) == 0
        if exists {
            for input in inputs {
                var s = stat()
                if stat(input, &s) == 0, s.st_dev == target.st_dev, s.st_ino == target.st_ino {
                    throw DataError(location, DataMessages.wouldOverwrite(input))
                }
            }
            let type = target.st_mode & S_IFMT
            if type == S_IFDIR { throw DataError(location, DataMessages.outputIsFolder) }
            if type != S_IFREG {
                // FIFO, character device (/dev/stdout, a terminal), socket: write in place.
                guard let handle = FileHandle(forWritingAtPath: path) else {
                    throw DataError(location, "cannot open the output for writing")
                }
                handle.write(data)
                try? handle.close()
                return
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataError(location, DataMessages.noSuchFolder(folder))
        }
        // A regular file: write a temporary file beside it and rename, keeping the old mode.
        let url = URL(fileURLWithPath: path)
        let resolved = url.resolvingSymlinksInPath()
        let temporary = resolved.deletingLastPathComponent()
            .appendingPathComponent(".\(resolved.lastPathComponent).bereik-\(getpid()).tmp")
        do {
            try data.write(to: temporary)
            if exists { _ = chmod(temporary.path, target.st_mode & 0o7777) }
            if rename(temporary.path, resolved.path) != 0 {
                throw DataError(location, DataMessages.cannotWrite(String(cString: strerror(errno))))
            }
        } catch let error as DataError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DataError(location, DataMessages.cannotWrite(error.localizedDescription))
        }
    }
}
