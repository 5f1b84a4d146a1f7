package org.zeri.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.Density
import org.zeri.shared.Event
import org.zeri.shared.NavigationEvent
import org.zeri.shared.NoticeKind
import org.zeri.shared.NoticeView
import org.zeri.shared.Screen
import org.zeri.shared.ServerOfferView
import org.zeri.shared.SettingsEvent
import org.zeri.shared.ViewModel

/** The whole app for one view model: bars, the notice, and the current screen. Stateless. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ZeriApp(
    view: ViewModel,
    onEvent: (Event) -> Unit,
    device: DeviceActions = DeviceActions.None,
    tiles: MapTiles = MapTiles.None,
) {
    val navigation = view.navigation
    val showsBars = navigation.showsBars
    Scaffold(
        topBar = {
            if (showsBars) {
                TopAppBar(
                    title = { Text(navigation.title) },
                    navigationIcon = {
                        if (navigation.canGoBack) {
                            TextButton(onClick = { onEvent(Event.Navigation(NavigationEvent.BackTapped)) }) { Text("‹ ${navigation.backLabel}") }
                        }
                    },
                )
            }
        },
        bottomBar = {
            if (showsBars) {
                NavigationBar {
                    listOf(
                        Screen.HOME to navigation.homeLabel,
                        Screen.NEWCOMPLAINT to navigation.newComplaintLabel,
                        Screen.MYCOMPLAINTS to navigation.myComplaintsLabel,
                        Screen.SETTINGS to navigation.settingsLabel,
                    ).forEach { (screen, label) ->
                        NavigationBarItem(
                            selected = view.screen == screen,
                            onClick = { onEvent(Event.Navigation(NavigationEvent.NavigateTo(screen))) },
                            icon = {},
                            // The bar's labels grow with the font size up to 130%, so a long word
                            // never breaks in the middle; screen readers read them in full.
                            label = {
                                val density = LocalDensity.current
                                CompositionLocalProvider(
                                    LocalDensity provides Density(density.density, density.fontScale.coerceAtMost(1.3f)),
                                ) {
                                    Text(label, maxLines = 2, textAlign = TextAlign.Center)
                                }
                            },
                        )
                    }
                }
            }
        },
    ) { padding ->
        // The bars' room is taken here, so a screen's keyboard padding adds only what the
        // keyboard covers beyond the bottom bar.
        Column(modifier = Modifier.padding(padding).consumeWindowInsets(padding).fillMaxSize()) {
            view.notice?.let { Notice(it) { onEvent(Event.Navigation(NavigationEvent.NoticeDismissed)) } }
            Box(modifier = Modifier.weight(1f)) {
                when (view.screen) {
                    Screen.LOADING -> LoadingScreen()
                    Screen.LOADFAILED -> view.loadFailed?.let { LoadFailedScreen(it, onEvent) } ?: LoadingScreen()
                    Screen.WELCOME -> WelcomeScreen(view.welcome, onEvent)
                    Screen.HOME -> HomeScreen(view.home, onEvent)
                    Screen.NEWCOMPLAINT -> NewComplaintScreen(view.draft, onEvent, device, tiles)
                    Screen.MYCOMPLAINTS -> MyComplaintsScreen(view.myComplaints, onEvent)
                    Screen.COMPLAINTDETAIL ->
                        view.detail?.let { ComplaintDetailScreen(it, onEvent, device) } ?: MyComplaintsScreen(view.myComplaints, onEvent)
                    Screen.SETTINGS -> SettingsScreen(view.settings, onEvent)
                    Screen.MYDATA -> MyDataScreen(view.myData, onEvent)
                }
            }
        }
    }
    view.serverOffer?.let { ServerOfferDialog(it, onEvent) }
}

/** The question a server link asks, over whatever screen shows, until the citizen answers. */
@Composable
fun ServerOfferDialog(offer: ServerOfferView, onEvent: (Event) -> Unit) {
    val decline = { onEvent(Event.Settings(SettingsEvent.ServerOfferDeclined)) }
    AlertDialog(
        onDismissRequest = decline,
        title = { Text(offer.title) },
        text = { Text(offer.message) },
        confirmButton = { TextButton(onClick = { onEvent(Event.Settings(SettingsEvent.ServerOfferAccepted)) }) { Text(offer.acceptLabel) } },
        dismissButton = { TextButton(onClick = decline) { Text(offer.declineLabel) } },
    )
}

/** What just happened, announced to screen readers, until dismissed. */
@Composable
private fun Notice(notice: NoticeView, onDismiss: () -> Unit) {
    val colors = MaterialTheme.colorScheme
    val (background, foreground) = when (notice.kind) {
        NoticeKind.ERROR -> colors.errorContainer to colors.onErrorContainer
        NoticeKind.SUCCESS, NoticeKind.INFO -> colors.primaryContainer to colors.onPrimaryContainer
    }
    Surface(color = background, contentColor = foreground, modifier = Modifier.fillMaxWidth()) {
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.padding(horizontal = 16.dp, vertical = 8.dp).semantics { liveRegion = LiveRegionMode.Polite },
        ) {
            Text(notice.text, modifier = Modifier.weight(1f))
            TextButton(onClick = onDismiss) { Text(notice.dismissLabel) }
        }
    }
}
