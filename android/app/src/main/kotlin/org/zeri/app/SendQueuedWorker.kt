package org.zeri.app

import android.content.Context
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingWorkPolicy
import androidx.work.NetworkType
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeoutOrNull
import org.zeri.shared.Event
import org.zeri.shared.LifecycleEvent

/**
 * Sends what is queued even when the app is closed: WorkManager runs this once a network is
 * available; it wakes the core and waits until the outbox is empty (or tries again later).
 */
class SendQueuedWorker(context: Context, parameters: WorkerParameters) : CoroutineWorker(context, parameters) {
    override suspend fun doWork(): Result {
        val core = (applicationContext as ZeriApplication).core
        core.send(Event.Lifecycle(LifecycleEvent.NetworkOnline))
        // Done when the core says nothing is left to send (what the server refused waits for
        // the citizen).
        val emptied = withTimeoutOrNull(5.minutes) { core.viewModel.first { it.outboxIdle } }
        return if (emptied != null) Result.success() else Result.retry()
    }

    companion object {
        fun schedule(context: Context) {
            val request = OneTimeWorkRequestBuilder<SendQueuedWorker>()
                .setConstraints(Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build())
                .build()
            WorkManager.getInstance(context).enqueueUniqueWork("send-queued", ExistingWorkPolicy.REPLACE, request)
        }
    }
}
