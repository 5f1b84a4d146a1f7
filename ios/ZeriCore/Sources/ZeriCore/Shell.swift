// What the iOS app needs from the core beyond the effect loop, kept here (not in SwiftUI files)
// so it builds and is tested on Linux too: where the store lives, and catching up (sending the
// queue, fetching what changed) from a background task or a push. (What a link means is the core's to read: the app passes it on as it came.)

import Foundation
@preconcurrency import SharedTypes

/// Where the core's store lives: Application Support/Zeri/core (excluded from iCloud backup
/// by `FileKeyValueStore` on iOS).
public func defaultStoreDirectory(fileManager: FileManager = .default) throws -> URL {
    let support = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
    return support.appendingPathComponent("Zeri", isDirectory: true).appendingPathComponent("core", isDirectory: true)
}

/// The core's store on the phone, under `defaultStoreDirectory()`. Without a writable
/// Application Support folder nothing can be kept: the store then refuses every operation and
/// the core shows its "could not read" screen rather than losing anything.
public func openDefaultStore(fileManager: FileManager = .default) -> any KeyValueStore {
    guard let directory = try? defaultStoreDirectory(fileManager: fileManager),
          let files = try? FileKeyValueStore(directory: directory)
    else { return UnavailableStore() }
    return files
}

/// Catches up while the app is not in front (a background refresh task, or a push wake-up, calls
/// this): wakes the core, which sends what is queued and fetches what changed (telling the citizen
/// of it), and waits until nothing is left to send (what the server refused waits for the
/// citizen) and the fetch is over, until `timeout`, or until the task is cancelled. Returns
/// whether both finished.
public func catchUp(_ core: Core, timeout: TimeInterval) async -> Bool {
    core.send(.lifecycle(.wokenInBackground))
    // The wake-up has been handled, so a fetch it started shows in the view.
    core.drain()
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let view = core.view
        if view.outboxIdle && !view.myComplaints.refreshing { return true }
        guard Date() < deadline else { return false }
        do {
            try await Task.sleep(nanoseconds: 100_000_000)
        } catch {
            return false
        }
    }
}

/// One background task's catching up. It starts at once and reports its outcome exactly once,
/// with whichever comes first: the queue emptied and the fetch done (true), the time ran out
/// (false), or `expire()` (false: the system takes the background time back, and it stops).
public final class BackgroundCatchUp: @unchecked Sendable {
    private let lock = NSLock()
    private var complete: (@Sendable (Bool) -> Void)?
    private var work: Task<Void, Never>?

    public init(core: Core, timeout: TimeInterval, complete: @escaping @Sendable (Bool) -> Void) {
        self.complete = complete
        let work = Task { self.finish(await catchUp(core, timeout: timeout)) }
        lock.lock(); defer { lock.unlock() }
        self.work = work
    }

    /// The system's expiration handler: stops the sending and reports it unfinished.
    public func expire() {
        lock.lock()
        let work = self.work
        lock.unlock()
        work?.cancel()
        finish(false)
    }

    private func finish(_ sent: Bool) {
        lock.lock()
        let complete = self.complete
        self.complete = nil
        lock.unlock()
        complete?(sent)
    }
}
