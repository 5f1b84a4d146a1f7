// The iOS side of the core: one core per app, told when the network returns, sending its
// queue in the background, and handing it the links that open the app. The system calls the
// network and background handlers on its own queues: they are @Sendable closures that touch
// only the core, which is safe from any thread.
import BackgroundTasks
import Foundation
import Network
import SharedTypes
import ZeriCore

@MainActor
public final class AppShell {
    public let model: ObservableCore
    nonisolated private let core: Core
    private let monitor = NWPathMonitor()
    nonisolated private static let sendTask = "org.zeri.app.send-queued"

    /// `server` is the one the app was built for; `debugBuild` tells the core it is a
    /// developer's build, which a trainer's zeri://server link may point at any server.
    public init(server: String, debugBuild: Bool) {
        let core = try! Core(store: openDefaultStore())
        self.core = core
        model = ObservableCore(core: core)
        core.send(.lifecycle(.started(apiBaseUrl: server, debugBuild: debugBuild)))
        monitor.pathUpdateHandler = { @Sendable path in
            if path.status == .satisfied { core.send(.lifecycle(.networkOnline)) }
        }
        monitor.start(queue: DispatchQueue(label: "org.zeri.network"))
    }

    /// Safe from any thread, so screens hold it as a plain `(Event) -> Void`.
    nonisolated public func send(_ event: Event) { core.send(event) }

    nonisolated public func foregrounded() { core.send(.lifecycle(.foregrounded)) }

    /// A link that opened the app goes to the core as it came; the core reads it.
    nonisolated public func open(_ url: URL) {
        core.send(.link(.opened(url: url.absoluteString)))
    }

    /// Sends the queue when iOS grants background time (Background App Refresh). The task is
    /// completed once: when the sending ends, or at once when iOS takes the time back.
    public func registerBackgroundSending() {
        let core = self.core
        BGTaskScheduler.shared.register(forTaskWithIdentifier: Self.sendTask, using: nil) { @Sendable task in
            AppShell.scheduleBackgroundSending()
            let finished = BackgroundTaskCompletion(task)
            let sending = BackgroundSending(core: core, timeout: 25) { finished($0) }
            task.expirationHandler = { @Sendable in sending.expire() }
        }
        Self.scheduleBackgroundSending()
    }

    nonisolated public static func scheduleBackgroundSending() {
        let request = BGAppRefreshTaskRequest(identifier: sendTask)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }
}

/// Completes a background task; `BackgroundSending` calls it exactly once, from whichever
/// thread finishes first (the sending, or the expiration handler).
private final class BackgroundTaskCompletion: @unchecked Sendable {
    private let task: BGTask
    init(_ task: BGTask) { self.task = task }
    func callAsFunction(_ success: Bool) { task.setTaskCompleted(success: success) }
}
