// Where the core keeps its state on the phone: drafts, the outbox, "my complaints".

import Foundation

/// A write that has returned is durable: the core relies on it before it tells a citizen that
/// a complaint is queued.
public protocol KeyValueStore: Sendable {
    func get(_ key: String) throws -> [UInt8]?
    /// Stores `value` under `key`; returns the value it replaced.
    func set(_ key: String, _ value: [UInt8]) throws -> [UInt8]?
    /// Removes `key`; returns the value it had.
    func delete(_ key: String) throws -> [UInt8]?
    func exists(_ key: String) throws -> Bool
    /// Keys starting with `prefix`, in order, after `cursor` keys were already listed.
    func listKeys(prefix: String, cursor: UInt64) throws -> (keys: [String], next: UInt64)
}

public struct StoreError: Error, CustomStringConvertible {
    public let description: String
}

/// One file per key in a directory. Each value is written to a temporary file, synced, then
/// renamed over the old one, and the directory is synced: a crash leaves the old value or the
/// new one, never half of either. On iOS the directory is excluded from iCloud backup.
public final class FileKeyValueStore: KeyValueStore, @unchecked Sendable {
    private let directory: URL
    private let lock = NSLock()

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #if os(iOS)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var url = directory
        try url.setResourceValues(values)
        #endif
    }

    /// Keys may hold any character; file names get them as hex.
    private func file(_ key: String) -> URL {
        directory.appendingPathComponent(key.utf8.map { String(format: "%02x", $0) }.joined())
    }

    private static func decode(_ name: String) -> String? {
        var bytes: [UInt8] = []
        var index = name.startIndex
        while index < name.endIndex {
            let next = name.index(index, offsetBy: 2, limitedBy: name.endIndex) ?? name.endIndex
            guard let byte = UInt8(name[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private func read(_ url: URL) -> [UInt8]? {
        (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }

    private func syncDirectory() {
        let descriptor = open(directory.path, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    public func get(_ key: String) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        return read(file(key))
    }

    public func set(_ key: String, _ value: [UInt8]) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        let target = file(key)
        let previous = read(target)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(value)) else {
            throw StoreError(description: "cannot write \(temporary.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, target.path) == 0 else {
            throw StoreError(description: "cannot replace \(target.path): errno \(errno)")
        }
        syncDirectory()
        return previous
    }

    public func delete(_ key: String) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        let target = file(key)
        let previous = read(target)
        if previous != nil {
            try FileManager.default.removeItem(at: target)
            syncDirectory()
        }
        return previous
    }

    public func exists(_ key: String) throws -> Bool {
        lock.lock(); defer { lock.unlock() }
        return FileManager.default.fileExists(atPath: file(key).path)
    }

    public func listKeys(prefix: String, cursor: UInt64) throws -> (keys: [String], next: UInt64) {
        lock.lock(); defer { lock.unlock() }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let keys = names.filter { !$0.hasPrefix(".") }.compactMap(Self.decode).filter { $0.hasPrefix(prefix) }.sorted()
        return (Array(keys.dropFirst(Int(cursor))), 0)
    }
}

/// A store in memory, for previews and tests of screens.
public final class MemoryKeyValueStore: KeyValueStore, @unchecked Sendable {
    private var values: [String: [UInt8]] = [:]
    private let lock = NSLock()

    public init() {}

    public func get(_ key: String) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        return values[key]
    }

    public func set(_ key: String, _ value: [UInt8]) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        return values.updateValue(value, forKey: key)
    }

    public func delete(_ key: String) throws -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        return values.removeValue(forKey: key)
    }

    public func exists(_ key: String) throws -> Bool {
        lock.lock(); defer { lock.unlock() }
        return values[key] != nil
    }

    public func listKeys(prefix: String, cursor: UInt64) throws -> (keys: [String], next: UInt64) {
        lock.lock(); defer { lock.unlock() }
        return (Array(values.keys.filter { $0.hasPrefix(prefix) }.sorted().dropFirst(Int(cursor))), 0)
    }
}

/// A store that cannot store (no writable folder): every operation fails, and the core shows
/// its "could not read your data" screen.
public struct UnavailableStore: KeyValueStore {
    public struct Unavailable: Error {}
    public init() {}
    public func get(_ key: String) throws -> [UInt8]? { throw Unavailable() }
    public func set(_ key: String, _ value: [UInt8]) throws -> [UInt8]? { throw Unavailable() }
    public func delete(_ key: String) throws -> [UInt8]? { throw Unavailable() }
    public func exists(_ key: String) throws -> Bool { throw Unavailable() }
    public func listKeys(prefix: String, cursor: UInt64) throws -> (keys: [String], next: UInt64) { throw Unavailable() }
}
