// The core's notifications in iOS's notification centre: one per complaint (its id is the
// request's identifier, so a newer one replaces the older, and they group by complaint), in the
// category the core names, shown in front too; a tap opens the notification's link, which goes
// to the core as it came.
import Foundation
@preconcurrency import SharedTypes
import UIKit
import UserNotifications
import ZeriCore

final class SystemNotifier: NSObject, Notifier, UNUserNotificationCenterDelegate, @unchecked Sendable {
    private let center = UNUserNotificationCenter.current()
    private let opened: @Sendable (String) -> Void

    /// `opened` gets the link of a notification the citizen tapped.
    init(opened: @escaping @Sendable (String) -> Void) {
        self.opened = opened
        super.init()
        center.delegate = self
    }

    func show(_ notification: SharedTypes.Notification) {
        let content = UNMutableNotificationContent()
        content.title = notification.title
        content.body = notification.body
        content.categoryIdentifier = notification.channel.id
        content.threadIdentifier = notification.id
        content.userInfo = ["link": notification.link]
        content.sound = .default
        center.add(UNNotificationRequest(identifier: notification.id, content: content, trigger: nil))
    }

    func askPermission(_ channel: NotificationChannel) {
        center.setNotificationCategories([UNNotificationCategory(identifier: channel.id, actions: [], intentIdentifiers: [])])
        center.requestAuthorization(options: [.alert, .sound, .badge]) { _, _ in }
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse,
        withCompletionHandler completionHandler: @escaping () -> Void
    ) {
        if let link = response.notification.request.content.userInfo["link"] as? String { opened(link) }
        completionHandler()
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification,
        withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void
    ) {
        completionHandler([.banner, .list, .sound])
    }
}
