// What the iOS app needs from the core beyond the effect loop, kept here (not in SwiftUI files)
// so it builds and is tested on Linux too: where the store lives, and sending the queue from a
// background task. (What a link means is the core's to read: the app passes it on as it came.)

import Foundation
import SharedTypes

/// Where the core's store lives: Application Support/Zeri/core (excluded from iCloud backup
/// by `FileKeyValueStore` on iOS).
public func defaultStoreDirectory(fileManager: FileManager = .default) throws -> URL {
    let support = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
    return support.appendingPathComponent("Zeri", isDirectory: true).appendingPathComponent("core", isDirectory: true)
}

/// Sends what is queued (a background refresh task calls this): tells the core the network is
/// there and waits until the core says nothing is left to send (what the server refused waits
/// for the citizen), or until `timeout`. Returns whether the queue was emptied.
public func sendQueued(_ core: Core, timeout: TimeInterval) async -> Bool {
    core.send(.lifecycle(.networkOnline))
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if core.view.outboxIdle {
            return true
        }
        try? await Task.sleep(nanoseconds: 100_000_000)
    }
    return false
}
