// Where the files the core offers the citizen go (their data): the app hands them to the
// system's file exporter or share sheet (ZeriUI), where the citizen decides where they go.

import Foundation
@preconcurrency import SharedTypes

public protocol Exporter: Sendable {
    /// Offers `file` to the citizen to keep.
    func export(_ file: ExportOperation)
}

/// Files kept in memory, in order: for previews, which save nothing, and for tests, which read
/// what the core offered.
public final class ExportShelf: Exporter, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [ExportOperation] = []

    public init() {}

    public func export(_ file: ExportOperation) {
        lock.lock(); defer { lock.unlock() }
        files.append(file)
    }

    public var offered: [ExportOperation] {
        lock.lock(); defer { lock.unlock() }
        return files
    }
}
