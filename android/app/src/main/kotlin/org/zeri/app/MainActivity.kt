package org.zeri.app

import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.compose.runtime.getValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.zeri.shared.Event
import org.zeri.ui.ZeriApp
import org.zeri.ui.ZeriTheme

/** The one activity: draws the core's view model and sends the citizen's taps back as events. */
class MainActivity : ComponentActivity() {
    private val state: AppStateHolder by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        val device = AndroidDeviceActions(this, state::onEvent)
        val tiles = OsmTiles()
        setContent {
            val view by state.state.collectAsStateWithLifecycle()
            ZeriTheme {
                BackHandler(enabled = view.navigation.canGoBack) { state.onEvent(Event.BackTapped) }
                ZeriApp(view, state::onEvent, device, tiles)
            }
        }
        handleLink(intent)
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        handleLink(intent)
    }

    /**
     * zeri://complaint/<id> opens that complaint; zeri://campaign/<code> marks the complaints
     * that follow as coming from that campaign; zeri://server?url=<address> points the app at
     * a training server (from the next start).
     */
    private fun handleLink(intent: Intent?) {
        val uri = intent?.data ?: return
        if (uri.scheme != "zeri") return
        when (uri.host) {
            "complaint" -> uri.lastPathSegment?.let { state.onEvent(Event.ComplaintOpened(it)) }
            "campaign" -> uri.lastPathSegment?.let { state.onEvent(Event.CampaignLinkOpened(it)) }
            "server" -> uri.getQueryParameter("url")?.takeIf { it.startsWith("http") }?.let {
                ZeriApplication.setServerAddress(this, it)
            }
        }
    }
}
