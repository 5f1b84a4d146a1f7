// The iOS side of the core: one core per app, told when the network returns, sending its
// queue in the background, and handing it the links that open the app.
import BackgroundTasks
import Combine
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
        // A trainer's zeri://server link can point the core at another server; the core keeps it.
        core.send(.lifecycle(.started(apiBaseUrl: server)))
        monitor.pathUpdateHandler = { path in
            if path.status == .satisfied { core.send(.lifecycle(.networkOnline)) }
        }
        monitor.start(queue: DispatchQueue(label: "org.zeri.network"))
    }

    public func send(_ event: Event) { core.send(event) }

    public func foregrounded() { core.send(.lifecycle(.foregrounded)) }

    /// A link that opened the app goes to the core as it came; the core reads it.
    public func open(_ url: URL) {
        core.send(.link(.opened(url: url.absoluteString)))
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
