// What the iOS app needs from the core beyond the effect loop, kept here (not in SwiftUI files)
// so it builds and is tested on Linux too: where the store lives, what a link means, and
// sending the queue from a background task.

import Foundation
import SharedTypes

/// Where the core's store lives: Application Support/Zeri/core (excluded from iCloud backup
/// by `FileKeyValueStore` on iOS).
public func defaultStoreDirectory(fileManager: FileManager = .default) throws -> URL {
    let support = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
    return support.appendingPathComponent("Zeri", isDirectory: true).appendingPathComponent("core", isDirectory: true)
}

/// What a `zeri://` link asks for.
public enum DeepLink: Equatable {
    /// Open this complaint.
    case complaint(id: String)
    /// A campaign's link or QR code: the complaints that follow carry its code.
    case campaign(code: String)
    /// Talk to this server from the next start (trainers).
    case server(URL)

    public init?(url: URL) {
        guard url.scheme == "zeri", let host = url.host else { return nil }
        let segment = url.pathComponents.dropFirst().first
        switch host {
        case "complaint":
            guard let id = segment, !id.isEmpty else { return nil }
            self = .complaint(id: id)
        case "campaign":
            guard let code = segment, !code.isEmpty else { return nil }
            self = .campaign(code: code)
        case "server":
            let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems
            guard let value = query?.first(where: { $0.name == "url" })?.value,
                  let server = URL(string: value), ["http", "https"].contains(server.scheme) else { return nil }
            self = .server(server)
        default:
            return nil
        }
    }

    /// The event this link sends to the core, if any.
    public var event: Event? {
        switch self {
        case .complaint(let id): return .complaintOpened(id: id)
        case .campaign(let code): return .campaignLinkOpened(code: code)
        case .server: return nil
        }
    }
}

/// Sends what is queued (a background refresh task calls this): tells the core the network is
/// there and waits until nothing but refused items is left, or until `timeout`.
/// Returns whether the queue was emptied.
public func sendQueued(_ core: Core, timeout: TimeInterval) async -> Bool {
    core.send(.networkOnline)
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        let view = core.view
        if view.screen != .loading && view.myComplaints.pending.allSatisfy({ $0.state == .rejected }) {
            return true
        }
        try? await Task.sleep(nanoseconds: 100_000_000)
    }
    return false
}
