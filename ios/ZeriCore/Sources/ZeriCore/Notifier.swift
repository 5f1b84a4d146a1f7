// Where the core's notifications go. The core decides what to tell and words it; a notifier only
// puts it in front of the citizen: the app's in the system's notification centre (ZeriUI), and
// tapping it opens `Notification.link`, which the app sends back to the core as it came.

import Foundation
@preconcurrency import SharedTypes

public protocol Notifier: Sendable {
    /// Shows `notification`, replacing the one shown before under the same id.
    func show(_ notification: SharedTypes.Notification)

    /// Asks the citizen to allow notifications (in `channel`'s category, on iOS).
    func askPermission(_ channel: NotificationChannel)
}

/// Notifications kept in memory, in order: for previews, which show nothing outside the
/// preview, and for tests, which read what the core asked to show.
public final class NotificationTray: Notifier, @unchecked Sendable {
    private let lock = NSLock()
    private var notifications: [SharedTypes.Notification] = []
    private var asks: [NotificationChannel] = []

    public init() {}

    public func show(_ notification: SharedTypes.Notification) {
        lock.lock(); defer { lock.unlock() }
        notifications.append(notification)
    }

    public func askPermission(_ channel: NotificationChannel) {
        lock.lock(); defer { lock.unlock() }
        asks.append(channel)
    }

    public var shown: [SharedTypes.Notification] {
        lock.lock(); defer { lock.unlock() }
        return notifications
    }

    public var permissionAsks: [NotificationChannel] {
        lock.lock(); defer { lock.unlock() }
        return asks
    }
}
