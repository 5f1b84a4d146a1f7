package org.zeri.app

import android.Manifest
import android.content.Intent
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.compose.runtime.getValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.lifecycleScope
import kotlinx.coroutines.launch
import org.zeri.shared.Event
import org.zeri.shared.LinkEvent
import org.zeri.shared.NavigationEvent
import org.zeri.ui.ZeriApp
import org.zeri.ui.ZeriTheme

/** The one activity: draws the core's view model and sends the citizen's taps back as events. */
class MainActivity : ComponentActivity() {
    private val state: AppStateHolder by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        val device = AndroidDeviceActions(this, (application as ZeriApplication).scope, state::onEvent)
        askForNotificationsWhenWanted((application as ZeriApplication).notifier)
        saveFilesWhenOffered((application as ZeriApplication).exporter)
        val tiles = OsmTiles()
        setContent {
            val view by state.state.collectAsStateWithLifecycle()
            ZeriTheme {
                BackHandler(enabled = view.navigation.canGoBack) { state.onEvent(Event.Navigation(NavigationEvent.BackTapped)) }
                ZeriApp(view, state::onEvent, device, tiles)
            }
        }
        // The intent that started the activity is new only on a first start: a recreated
        // activity (rotation, restored after the process was reclaimed) or a start from Recents
        // carries the old one again, and the core would open the complaint or count the
        // campaign once more.
        if (savedInstanceState == null && !launchedFromHistory(intent)) handleLink(intent)
    }

    /** A link opened while the activity runs (it is singleTask). */
    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        handleLink(intent)
    }

    /** Android 13 and later: the core asked to be allowed to notify, and only an activity can ask. */
    private fun askForNotificationsWhenWanted(notifier: AndroidNotifier) {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
        val ask = registerForActivityResult(ActivityResultContracts.RequestPermission()) {}
        lifecycleScope.launch {
            notifier.permissionWanted.collect { wanted ->
                if (wanted) {
                    notifier.permissionAsked()
                    ask.launch(Manifest.permission.POST_NOTIFICATIONS)
                }
            }
        }
    }

    /** The core offered a file (the citizen's data): the document picker asks where it goes. */
    private fun saveFilesWhenOffered(exporter: AndroidExporter) {
        var mediaType = "application/json"
        val save = registerForActivityResult(object : ActivityResultContracts.CreateDocument(mediaType) {
            override fun createIntent(context: android.content.Context, input: String) =
                super.createIntent(context, input).setType(mediaType)
        }) { uri -> exporter.chosen(contentResolver, uri) }
        lifecycleScope.launch {
            exporter.waiting.collect { file ->
                if (file != null) {
                    mediaType = file.mediaType
                    save.launch(file.fileName)
                }
            }
        }
    }

    private fun launchedFromHistory(intent: Intent) = (intent.flags and Intent.FLAG_ACTIVITY_LAUNCHED_FROM_HISTORY) != 0

    /** A link that opened the app, or the tapped notification's, goes to the core as it came; the core reads it. */
    private fun handleLink(intent: Intent) {
        val link = intent.getStringExtra(AndroidNotifier.EXTRA_LINK) ?: intent.data?.toString() ?: return
        state.onEvent(Event.Link(LinkEvent.Opened(link)))
    }
}
