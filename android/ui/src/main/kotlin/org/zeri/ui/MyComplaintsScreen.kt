package org.zeri.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import org.zeri.shared.ComplaintCardView
import org.zeri.shared.Event
import org.zeri.shared.MyComplaintsEvent
import org.zeri.shared.MyComplaintsView
import org.zeri.shared.NavigationEvent
import org.zeri.shared.OutboxEvent
import org.zeri.shared.OutboxItemView

/** The citizen's complaints: those still on the phone, then those the server has. */
@Composable
fun MyComplaintsScreen(view: MyComplaintsView, onEvent: (Event) -> Unit) {
    ScreenColumn {
        OutlinedButton(onClick = { onEvent(Event.MyComplaints(MyComplaintsEvent.RefreshRequested)) }, enabled = !view.refreshing) {
            Text(view.refreshLabel)
        }
        if (view.pending.isNotEmpty()) {
            Heading(view.pendingTitle)
            view.pending.forEach { PendingCard(it, onEvent) }
        }
        view.emptyText?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
        view.items.forEach { ComplaintCard(it) { onEvent(Event.Navigation(NavigationEvent.ComplaintOpened(it.id))) } }
    }
}

@Composable
private fun PendingCard(item: OutboxItemView, onEvent: (Event) -> Unit) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(item.title, style = MaterialTheme.typography.titleSmall)
            Text(item.summary, style = MaterialTheme.typography.bodyMedium)
            Text(item.stateLabel, color = MaterialTheme.colorScheme.primary, style = MaterialTheme.typography.labelLarge)
            ErrorText(item.error)
            Row {
                item.retryLabel?.let { TextButton(onClick = { onEvent(Event.Outbox(OutboxEvent.RetryTapped(item.id))) }) { Text(it) } }
                item.editLabel?.let { TextButton(onClick = { onEvent(Event.Outbox(OutboxEvent.EditTapped(item.id))) }) { Text(it) } }
                item.discardLabel?.let { TextButton(onClick = { onEvent(Event.Outbox(OutboxEvent.DiscardTapped(item.id))) }) { Text(it) } }
            }
        }
    }
}

@Composable
private fun ComplaintCard(card: ComplaintCardView, onOpen: () -> Unit) {
    Card(
        colors = if (card.overdue) {
            CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)
        } else {
            CardDefaults.cardColors()
        },
        modifier = Modifier
            .fillMaxWidth()
            .clickable(role = Role.Button, onClick = onOpen)
            .semantics { stateDescription = card.statusLabel },
    ) {
        Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(2.dp)) {
            Text(card.category, style = MaterialTheme.typography.titleSmall)
            Text(card.institution, style = MaterialTheme.typography.bodyMedium)
            Text("${card.trackingCode} · ${card.statusLabel}", style = MaterialTheme.typography.labelLarge)
            Text(card.dueLabel, style = MaterialTheme.typography.bodySmall)
            Text(card.updatedLabel, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
    }
}
