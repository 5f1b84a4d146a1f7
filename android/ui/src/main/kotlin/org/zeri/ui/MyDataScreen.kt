package org.zeri.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalUriHandler
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.zeri.shared.ContactView
import org.zeri.shared.Event
import org.zeri.shared.MyDataEvent
import org.zeri.shared.MyDataView
import org.zeri.shared.WebAccessView

/** "Your data": each complaint as the server holds it, saving a copy, and erasing it all. */
@Composable
fun MyDataScreen(view: MyDataView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        Text(view.intro, style = MaterialTheme.typography.bodyLarge)
        if (view.loading) LinearProgressIndicator(modifier = Modifier.fillMaxWidth())
        view.status?.let { Text(it, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite }) }
        view.reloadLabel?.let { label ->
            OutlinedButton(onClick = { onEvent(Event.MyData(MyDataEvent.ReloadTapped)) }) { Text(label) }
        }
        view.empty?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        view.complaints.forEach { complaint ->
            Card(modifier = Modifier.fillMaxWidth()) {
                Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
                    Heading(complaint.title)
                    complaint.rows.forEach { row ->
                        Column {
                            Text(row.label, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
                            Text(row.value, style = MaterialTheme.typography.bodyMedium)
                        }
                    }
                }
            }
        }
        view.pushLine?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        view.exportLabel?.let { label ->
            Button(onClick = { onEvent(Event.MyData(MyDataEvent.ExportTapped)) }, modifier = Modifier.fillMaxWidth()) { Text(label) }
        }
        val erase = view.erase
        Heading(erase.title)
        Text(erase.explanation, style = MaterialTheme.typography.bodyMedium)
        erase.pending?.let { Text(it, color = MaterialTheme.colorScheme.primary) }
        erase.buttonLabel?.let { label ->
            OutlinedButton(
                onClick = { onEvent(Event.MyData(MyDataEvent.EraseTapped)) },
                colors = ButtonDefaults.outlinedButtonColors(contentColor = MaterialTheme.colorScheme.error),
                modifier = Modifier.fillMaxWidth(),
            ) { Text(label) }
        }
        erase.confirm?.let { confirm ->
            val cancel = { onEvent(Event.MyData(MyDataEvent.EraseCancelled)) }
            AlertDialog(
                onDismissRequest = cancel,
                text = { Text(confirm.question) },
                confirmButton = {
                    TextButton(onClick = { onEvent(Event.MyData(MyDataEvent.EraseConfirmed)) }) {
                        Text(confirm.confirmLabel, color = MaterialTheme.colorScheme.error)
                    }
                },
                dismissButton = { TextButton(onClick = cancel) { Text(confirm.cancelLabel) } },
            )
        }
    }
}

/** On a complaint's page: whether the institution can reach the citizen, and taking that back. */
@Composable
fun ContactSection(id: String, contact: ContactView, onEvent: (Event) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(contact.text, style = MaterialTheme.typography.bodyMedium)
        contact.pending?.let { Text(it, color = MaterialTheme.colorScheme.primary) }
        contact.removeLabel?.let { label ->
            Row { TextButton(onClick = { onEvent(Event.MyData(MyDataEvent.RemoveContactTapped(id))) }) { Text(label) } }
        }
    }
}

/** On a complaint's page: the PIN that, with the tracking code, opens it on the web. */
@Composable
fun WebAccessSection(access: WebAccessView) {
    val links = LocalUriHandler.current
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(access.title, style = MaterialTheme.typography.titleSmall)
        Text("${access.pinLabel}: ${access.pin}", style = MaterialTheme.typography.bodyLarge)
        Text(access.explanation, style = MaterialTheme.typography.bodyMedium)
        TextButton(onClick = { links.openUri(access.url) }) { Text(access.url) }
    }
}
