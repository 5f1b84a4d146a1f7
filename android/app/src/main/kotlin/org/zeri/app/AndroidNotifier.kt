package org.zeri.app

import android.Manifest
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.zeri.core.Notifier
import org.zeri.shared.Notification
import org.zeri.shared.NotificationChannel

/**
 * The core's notifications in Android's tray: each on its channel (created, or renamed in the
 * citizen's language, on every use), one per complaint (its id is the tag, so a newer one
 * replaces the older), and a tap opens MainActivity with the notification's link (an extra), which goes to
 * the core as it came. Android 13 and later ask the citizen first: [permissionWanted] tells the
 * activity to ask, since only an activity can.
 */
class AndroidNotifier(private val context: Context) : Notifier {
    private val manager = context.getSystemService(NotificationManager::class.java)
    private val wanted = MutableStateFlow(false)

    /** The core asked for permission and the activity has not asked the citizen yet. */
    val permissionWanted: StateFlow<Boolean> = wanted.asStateFlow()

    /** The activity asked the citizen. */
    fun permissionAsked() {
        wanted.value = false
    }

    override fun show(notification: Notification) {
        ensure(notification.channel)
        if (!allowed()) return
        val open = Intent(context, MainActivity::class.java)
            .putExtra(EXTRA_LINK, notification.link)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        val tap = PendingIntent.getActivity(
            context,
            notification.id.hashCode(),
            open,
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        val shown = android.app.Notification.Builder(context, notification.channel.id)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(notification.title)
            .setContentText(notification.body)
            .setStyle(android.app.Notification.BigTextStyle().bigText(notification.body))
            .setContentIntent(tap)
            .setAutoCancel(true)
            .build()
        manager.notify(notification.id, 0, shown)
    }

    override fun askPermission(channel: NotificationChannel) {
        ensure(channel)
        if (!allowed()) wanted.value = true
    }

    private fun allowed(): Boolean =
        Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED

    companion object {
        /** The link of the notification that opened the activity, as the core wrote it. */
        const val EXTRA_LINK = "org.zeri.app.NOTIFICATION_LINK"
    }

    private fun ensure(channel: NotificationChannel) {
        val made = android.app.NotificationChannel(channel.id, channel.name, NotificationManager.IMPORTANCE_DEFAULT)
        made.description = channel.description
        manager.createNotificationChannel(made)
    }
}
