package org.zeri.core

import java.util.concurrent.CopyOnWriteArrayList
import org.zeri.shared.Notification
import org.zeri.shared.NotificationChannel

/** A notification tray for tests: keeps what the core asked to show, and each permission ask. */
class RecordingNotifier : Notifier {
    val shown = CopyOnWriteArrayList<Notification>()
    val permissionAsks = CopyOnWriteArrayList<NotificationChannel>()

    override fun show(notification: Notification) {
        shown += notification
    }

    override fun askPermission(channel: NotificationChannel) {
        permissionAsks += channel
    }
}
