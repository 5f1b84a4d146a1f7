package org.zeri.app

import android.content.Context
import com.google.firebase.FirebaseApp
import com.google.firebase.FirebaseOptions
import com.google.firebase.messaging.FirebaseMessaging
import com.google.firebase.messaging.FirebaseMessagingService
import com.google.firebase.messaging.RemoteMessage
import org.zeri.shared.Event
import org.zeri.shared.LifecycleEvent
import org.zeri.shared.PushProvider

/**
 * Push wake-ups through Firebase Cloud Messaging, when the build names a Firebase project
 * (gradle properties zeri.fcm.*; without them the app learns of changes by refreshing only). The
 * token goes to the core, which registers it with the server; a push carries nothing but
 * "something changed", and starts a [RefreshWorker].
 */
object PushWakeUps {
    /** Starts Firebase from the build's settings and hands the token to the core. */
    fun start(application: ZeriApplication) {
        if (BuildConfig.FCM_APP_ID.isEmpty()) return
        val options = FirebaseOptions.Builder()
            .setProjectId(BuildConfig.FCM_PROJECT_ID)
            .setApplicationId(BuildConfig.FCM_APP_ID)
            .setApiKey(BuildConfig.FCM_API_KEY)
            .setGcmSenderId(BuildConfig.FCM_SENDER_ID)
            .build()
        if (FirebaseApp.getApps(application).isEmpty()) FirebaseApp.initializeApp(application, options)
        FirebaseMessaging.getInstance().token.addOnSuccessListener { token -> issued(application, token) }
    }

    fun issued(context: Context, token: String) {
        val core = (context.applicationContext as ZeriApplication).core
        core.send(Event.Lifecycle(LifecycleEvent.PushTokenIssued(PushProvider.FCM, token)))
    }
}

/** Receives Firebase's token renewals and wake-ups. */
class ZeriMessagingService : FirebaseMessagingService() {
    override fun onNewToken(token: String) = PushWakeUps.issued(this, token)

    override fun onMessageReceived(message: RemoteMessage) = RefreshWorker.runSoon(this)
}
