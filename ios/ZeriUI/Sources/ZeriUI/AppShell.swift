// The iOS side of the core: one core per app, told when the network returns, sending its
// queue in the background, and following zeri:// links.
import BackgroundTasks
import Foundation
import Network
import SharedTypes
import ZeriCore

@MainActor
public final class AppShell: ObservableObject {
    public let model: ObservableCore
    private let core: Core
    private let monitor = NWPathMonitor()
    nonisolated private static let sendTask = "org.zeri.app.send-queued"
    private static let serverKey = "zeri.server"

    public init(server: String) {
        // Without a writable Application Support folder nothing can be kept: the core then
        // shows its "could not read" screen rather than losing anything.
        let store: any KeyValueStore
        if let directory = try? defaultStoreDirectory(), let files = try? FileKeyValueStore(directory: directory) {
            store = files
        } else {
            store = FailingStore()
        }
        let core = try! Core(store: store)
        self.core = core
        model = ObservableCore(core: core)
        let address = UserDefaults.standard.string(forKey: Self.serverKey) ?? server
        core.send(.started(apiBaseUrl: address))
        monitor.pathUpdateHandler = { path in
            if path.status == .satisfied { core.send(.networkOnline) }
        }
        monitor.start(queue: DispatchQueue(label: "org.zeri.network"))
    }

    public func send(_ event: Event) { core.send(event) }

    public func foregrounded() { core.send(.foregrounded) }

    /// Follows a zeri:// link.
    public func open(_ url: URL) {
        switch DeepLink(url: url) {
        case .server(let address):
            UserDefaults.standard.set(address.absoluteString, forKey: Self.serverKey)
        case let link?:
            if let event = link.event { core.send(event) }
        case nil:
            break
        }
    }

    /// Sends the queue when iOS grants background time (Background App Refresh).
    public func registerBackgroundSending() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: Self.sendTask, using: nil) { [core] task in
            Self.scheduleBackgroundSending()
            let work = Task {
                let done = await sendQueued(core, timeout: 25)
                task.setTaskCompleted(success: done)
            }
            task.expirationHandler = { work.cancel() }
        }
        Self.scheduleBackgroundSending()
    }

    nonisolated public static func scheduleBackgroundSending() {
        let request = BGAppRefreshTaskRequest(identifier: sendTask)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }
}

/// A store that cannot store: the core shows its "could not read your data" screen.
private struct FailingStore: KeyValueStore {
    struct Unavailable: Error {}
    func get(_ key: String) throws -> [UInt8]? { throw Unavailable() }
    func set(_ key: String, _ value: [UInt8]) throws -> [UInt8]? { throw Unavailable() }
    func delete(_ key: String) throws -> [UInt8]? { throw Unavailable() }
    func exists(_ key: String) throws -> Bool { throw Unavailable() }
    func listKeys(prefix: String, cursor: UInt64) throws -> (keys: [String], next: UInt64) { throw Unavailable() }
}
