// The iOS side of the core: one core per app, told when the network returns, catching up in
// the background and on a push wake-up, showing its notifications, offering the files it makes,
// handing it the push token and the links that open the app. The system calls the
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
    private let notifier: SystemNotifier
    /// The files the core offers the citizen, for the root view's file exporter.
    let fileOffer = FileOffer()
    private let monitor = NWPathMonitor()
    nonisolated private static let sendTask = "org.zeri.app.catch-up"

    /// `server` is the one the app was built for; `debugBuild` tells the core it is a
    /// developer's build, which a trainer's zeri://server link may point at any server.
    public init(server: String, debugBuild: Bool) {
        final class Opened: @unchecked Sendable { var core: Core? }
        let tapped = Opened()
        notifier = SystemNotifier { link in tapped.core?.send(.link(.opened(url: link))) }
        let core = try! Core(store: openDefaultStore(), notifier: notifier, exporter: fileOffer)
        tapped.core = core
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

    /// The token Apple's push service gave this app, for the core to register with the server.
    nonisolated public func pushTokenIssued(_ token: Data) {
        let hex = token.map { String(format: "%02x", $0) }.joined()
        core.send(.lifecycle(.pushTokenIssued(provider: .apns, token: hex)))
    }

    /// A push said something changed (it carries nothing else): catch up, then report whether
    /// that finished within the time iOS gives a background push.
    nonisolated public func wokenByPush(_ done: @escaping @Sendable (Bool) -> Void) {
        _ = BackgroundCatchUp(core: core, timeout: 25, complete: done)
    }

    /// Sends the queue when iOS grants background time (Background App Refresh). The task is
    /// completed once: when the sending ends, or at once when iOS takes the time back.
    public func registerBackgroundCatchUp() {
        let core = self.core
        BGTaskScheduler.shared.register(forTaskWithIdentifier: Self.sendTask, using: nil) { @Sendable task in
            AppShell.scheduleBackgroundCatchUp()
            let finished = BackgroundTaskCompletion(task)
            let sending = BackgroundCatchUp(core: core, timeout: 25) { finished($0) }
            task.expirationHandler = { @Sendable in sending.expire() }
        }
        Self.scheduleBackgroundCatchUp()
    }

    nonisolated public static func scheduleBackgroundCatchUp() {
        let request = BGAppRefreshTaskRequest(identifier: sendTask)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }
}

/// Completes a background task; `BackgroundCatchUp` calls it exactly once, from whichever
/// thread finishes first (the sending, or the expiration handler).
private final class BackgroundTaskCompletion: @unchecked Sendable {
    private let task: BGTask
    init(_ task: BGTask) { self.task = task }
    func callAsFunction(_ success: Bool) { task.setTaskCompleted(success: success) }
}
