package org.zeri.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalUriHandler
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.zeri.shared.Event
import org.zeri.shared.HomeView
import org.zeri.shared.LifecycleEvent
import org.zeri.shared.LoadFailedView
import org.zeri.shared.MyDataEvent
import org.zeri.shared.NavigationEvent
import org.zeri.shared.Screen
import org.zeri.shared.SettingsEvent
import org.zeri.shared.SettingsView
import org.zeri.shared.WelcomeView

/**
 * A screen's scrolling column, so every layout survives large fonts. It ends above the
 * keyboard: the app draws edge to edge, so the window does not shrink for it, and without
 * this the keyboard would cover the fields at the bottom.
 */
@Composable
fun ScreenColumn(modifier: Modifier = Modifier, content: @Composable () -> Unit) {
    Column(
        verticalArrangement = Arrangement.spacedBy(12.dp),
        modifier = modifier.fillMaxSize().imePadding().verticalScroll(rememberScrollState()).padding(16.dp),
    ) { content() }
}

/** First launch: what Zëri is, what happens to your data, and the language. */
@Composable
fun WelcomeScreen(view: WelcomeView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        Text(view.title, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        Text(view.intro, style = MaterialTheme.typography.bodyLarge)
        Heading(view.privacyTitle)
        Text(view.privacyText, style = MaterialTheme.typography.bodyMedium)
        Heading(view.languageLabel)
        view.languages.forEach { option ->
            ChoiceRow(option.label, null, option.selected) { onEvent(Event.Settings(SettingsEvent.LanguageSelected(option.language))) }
        }
        Button(onClick = { onEvent(Event.Settings(SettingsEvent.WelcomeFinished)) }, modifier = Modifier.fillMaxWidth()) {
            Text(view.continueLabel)
        }
    }
}

@Composable
fun HomeScreen(view: HomeView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        Text(view.title, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        Text(view.intro, style = MaterialTheme.typography.bodyLarge)
        view.outboxSummary?.let { summary ->
            Text(summary, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.primary)
        }
        Button(onClick = { onEvent(Event.Navigation(NavigationEvent.NavigateTo(Screen.NEWCOMPLAINT))) }, modifier = Modifier.fillMaxWidth()) {
            Text(view.newComplaintLabel)
        }
        OutlinedButton(onClick = { onEvent(Event.Navigation(NavigationEvent.NavigateTo(Screen.MYCOMPLAINTS))) }, modifier = Modifier.fillMaxWidth()) {
            Text(view.myComplaintsLabel)
        }
    }
}

@Composable
fun SettingsScreen(view: SettingsView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        Heading(view.languageLabel)
        view.languages.forEach { option ->
            ChoiceRow(option.label, null, option.selected) { onEvent(Event.Settings(SettingsEvent.LanguageSelected(option.language))) }
        }
        Heading(view.privacyTitle)
        Text(view.privacyText, style = MaterialTheme.typography.bodyMedium)
        val links = LocalUriHandler.current
        TextButton(onClick = { links.openUri(view.privacyNoticeUrl) }) { Text(view.privacyNoticeLabel) }
        OutlinedButton(onClick = { onEvent(Event.MyData(MyDataEvent.Opened)) }, modifier = Modifier.fillMaxWidth()) {
            Text(view.myDataLabel)
        }
        view.server?.let { server ->
            Text(server.text, style = MaterialTheme.typography.bodyMedium)
            OutlinedButton(onClick = { onEvent(Event.Settings(SettingsEvent.OfficialServerChosen)) }) { Text(server.resetLabel) }
        }
    }
}

@Composable
fun LoadingScreen() {
    Box(contentAlignment = Alignment.Center, modifier = Modifier.fillMaxSize()) {
        CircularProgressIndicator()
    }
}

/** The phone's storage could not be read: nothing is overwritten until it can. */
@Composable
fun LoadFailedScreen(view: LoadFailedView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        Text(view.message, style = MaterialTheme.typography.bodyLarge)
        Row { Button(onClick = { onEvent(Event.Lifecycle(LifecycleEvent.RetryLoadTapped)) }) { Text(view.retryLabel) } }
    }
}
