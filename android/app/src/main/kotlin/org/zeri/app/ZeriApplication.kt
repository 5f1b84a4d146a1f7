package org.zeri.app

import android.app.Application
import android.net.ConnectivityManager
import android.net.Network
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import org.zeri.core.Core
import org.zeri.shared.Event
import org.zeri.shared.LifecycleEvent

/**
 * One core for the whole process, started with the server address the app was built with and
 * whether this is a debug build (the core decides which servers a trainer's zeri://server link
 * may offer). It hears when the network returns and when the app comes back to the foreground,
 * schedules background sending and refreshing, shows the core's notifications ([notifier]),
 * hands the activity the files the core offers ([exporter]), and starts push wake-ups where the
 * build has them.
 */
class ZeriApplication : Application() {
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    lateinit var core: Core
        private set
    lateinit var notifier: AndroidNotifier
        private set
    val exporter = AndroidExporter()

    override fun onCreate() {
        super.onCreate()
        notifier = AndroidNotifier(this)
        core = Core(SqliteKeyValueStore(this), scope, notifier, exporter = exporter)
        core.send(Event.Lifecycle(LifecycleEvent.Started(BuildConfig.ZERI_SERVER, BuildConfig.DEBUG)))
        watchConnectivity()
        ProcessLifecycleOwner.get().lifecycle.addObserver(object : DefaultLifecycleObserver {
            override fun onStart(owner: LifecycleOwner) = core.send(Event.Lifecycle(LifecycleEvent.Foregrounded))
            override fun onStop(owner: LifecycleOwner) = SendQueuedWorker.schedule(this@ZeriApplication)
        })
        SendQueuedWorker.schedule(this)
        RefreshWorker.schedulePeriodic(this)
        PushWakeUps.start(this)
    }

    /** Tells the core when the phone has a network again, so queued complaints go at once. */
    private fun watchConnectivity() {
        val connectivity = getSystemService(ConnectivityManager::class.java)
        connectivity.registerDefaultNetworkCallback(object : ConnectivityManager.NetworkCallback() {
            override fun onAvailable(network: Network) = core.send(Event.Lifecycle(LifecycleEvent.NetworkOnline))
        })
    }
}
