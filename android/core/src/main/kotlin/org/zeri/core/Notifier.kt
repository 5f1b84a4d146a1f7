package org.zeri.core

import org.zeri.shared.Notification
import org.zeri.shared.NotificationChannel

/**
 * Where the core's notifications go. The core decides what to tell and words it; a notifier only
 * puts it in front of the citizen: the Android one in the system tray, on [Notification.channel],
 * and tapping it opens [Notification.link], which the activity sends back to the core as it came.
 */
interface Notifier {
    /** Shows [notification], replacing the one shown before under the same [Notification.id]. */
    fun show(notification: Notification)

    /** Asks the citizen to allow notifications on [channel] (Android 13 and later ask at runtime). */
    fun askPermission(channel: NotificationChannel)
}
