package org.zeri.app

import android.content.Context
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.ExistingWorkPolicy
import androidx.work.NetworkType
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.OutOfQuotaPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeoutOrNull
import org.zeri.shared.Event
import org.zeri.shared.LifecycleEvent

/**
 * Learns what changed while the app is closed: WorkManager runs this every few hours, and at once
 * when a push says something changed. It wakes the core, which fetches what changed and tells the
 * citizen, and keeps the process alive until that refresh is over.
 */
class RefreshWorker(context: Context, parameters: WorkerParameters) : CoroutineWorker(context, parameters) {
    override suspend fun doWork(): Result {
        val core = (applicationContext as ZeriApplication).core
        core.send(Event.Lifecycle(LifecycleEvent.WokenInBackground))
        // The refresh starts once the core has read its store; it may not start at all when the
        // server cannot be reached, and then the next run tries again.
        withTimeoutOrNull(20.seconds) { core.viewModel.first { it.myComplaints.refreshing } } ?: return Result.success()
        val finished = withTimeoutOrNull(5.minutes) { core.viewModel.first { !it.myComplaints.refreshing } }
        return if (finished != null) Result.success() else Result.retry()
    }

    companion object {
        private val network = Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build()

        /** Every four hours, whenever a network is there. */
        fun schedulePeriodic(context: Context) {
            val request = PeriodicWorkRequestBuilder<RefreshWorker>(4, TimeUnit.HOURS).setConstraints(network).build()
            WorkManager.getInstance(context).enqueueUniquePeriodicWork("refresh", ExistingPeriodicWorkPolicy.KEEP, request)
        }

        /** Now: a push said something changed. */
        fun runSoon(context: Context) {
            val request = OneTimeWorkRequestBuilder<RefreshWorker>()
                .setConstraints(network)
                .setExpedited(OutOfQuotaPolicy.RUN_AS_NON_EXPEDITED_WORK_REQUEST)
                .build()
            WorkManager.getInstance(context).enqueueUniqueWork("refresh-now", ExistingWorkPolicy.REPLACE, request)
        }
    }
}
