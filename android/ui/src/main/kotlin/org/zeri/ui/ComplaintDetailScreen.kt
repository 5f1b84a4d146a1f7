package org.zeri.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.TextButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.zeri.shared.ComplaintDetailView
import org.zeri.shared.Event
import org.zeri.shared.MyComplaintsEvent
import org.zeri.shared.MessageFormView
import org.zeri.shared.RatingFormView
import org.zeri.shared.ReopenFormView

/** Writing to the institution: the question it asked, if any, then the answer or addition. */
@Composable
private fun MessageForm(id: String, form: MessageFormView, onEvent: (Event) -> Unit, device: DeviceActions) {
    var text by rememberSaveable(id) { mutableStateOf("") }
    // The text is cleared once the core has queued it (one more waiting), not on a refusal.
    var waiting by rememberSaveable(id) { mutableStateOf(form.pending.size) }
    LaunchedEffect(form.pending.size) {
        if (form.pending.size > waiting) text = ""
        waiting = form.pending.size
    }
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            form.question?.let { Heading(it) }
            Text(form.prompt, style = MaterialTheme.typography.bodyLarge)
            OutlinedTextField(
                value = text,
                onValueChange = { text = it },
                label = { Text(form.textLabel) },
                minLines = 3,
                modifier = Modifier.fillMaxWidth(),
            )
            form.photos.forEachIndexed { index, photo ->
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Text(photo.label, modifier = Modifier.weight(1f))
                    TextButton(onClick = {
                        onEvent(Event.MyComplaints(MyComplaintsEvent.MessagePhotoRemoved(id, index.toUInt())))
                    }) { Text(photo.removeLabel) }
                }
            }
            if (form.canAddPhoto) {
                OutlinedButton(onClick = { device.addPhoto(id) }) { Text(form.addPhotoLabel) }
            }
            form.pending.forEach { Text(it, color = MaterialTheme.colorScheme.primary) }
            ErrorText(form.error)
            Button(onClick = { onEvent(Event.MyComplaints(MyComplaintsEvent.MessageSubmitted(id, text))) }) {
                Text(form.submitLabel)
            }
        }
    }
}

/** One complaint: where it went and why, its status and deadline, everything that happened. */
@Composable
fun ComplaintDetailScreen(view: ComplaintDetailView, onEvent: (Event) -> Unit, device: DeviceActions = DeviceActions.None) {
    ScreenColumn {
        Text(view.category, style = MaterialTheme.typography.headlineSmall)
        Text("${view.trackingCodeLabel}: ${view.trackingCode}", style = MaterialTheme.typography.bodyMedium)
        Text(view.statusLabel, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.primary)
        Text(
            view.dueLabel,
            color = if (view.overdue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
        )
        Text("${view.institutionLabel}: ${view.institution}", style = MaterialTheme.typography.bodyLarge)
        Text(view.explanation, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        ContactSection(view.id, view.contact, onEvent)
        view.webAccess?.let { WebAccessSection(it) }
        view.message?.let { MessageForm(view.id, it, onEvent, device) }
        view.rating?.let { RatingForm(view.id, it, onEvent) }
        view.reopen?.let { ReopenForm(view.id, it, onEvent) }
        Heading(view.timelineTitle)
        view.timeline.forEach { item ->
            Column(modifier = Modifier.padding(start = 8.dp), verticalArrangement = Arrangement.spacedBy(2.dp)) {
                Text(item.timeLabel, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
                Text(item.title, style = MaterialTheme.typography.bodyLarge)
                item.text?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            }
        }
    }
}

@Composable
private fun RatingForm(id: String, form: RatingFormView, onEvent: (Event) -> Unit) {
    var stars by rememberSaveable(id) { mutableStateOf(form.currentStars.toInt()) }
    var comment by rememberSaveable(id) { mutableStateOf("") }
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Heading(form.prompt)
            Row(
                verticalAlignment = Alignment.CenterVertically,
                modifier = Modifier.selectableGroup().semantics { contentDescription = form.starsLabel },
            ) {
                (1..5).forEach { n ->
                    Text(
                        if (n <= stars) "★" else "☆",
                        style = MaterialTheme.typography.headlineMedium,
                        color = MaterialTheme.colorScheme.primary,
                        modifier = Modifier
                            .size(48.dp)
                            .selectable(selected = n == stars, role = Role.RadioButton) { stars = n }
                            .semantics { contentDescription = "$n / 5" },
                    )
                }
            }
            OutlinedTextField(
                value = comment,
                onValueChange = { comment = it },
                label = { Text(form.commentLabel) },
                modifier = Modifier.fillMaxWidth(),
            )
            form.pending?.let { Text(it, color = MaterialTheme.colorScheme.primary) }
            ErrorText(form.error)
            Button(onClick = { onEvent(Event.MyComplaints(MyComplaintsEvent.RatingSubmitted(id, stars.toUByte(), comment))) }, enabled = stars > 0) {
                Text(form.submitLabel)
            }
        }
    }
}

@Composable
private fun ReopenForm(id: String, form: ReopenFormView, onEvent: (Event) -> Unit) {
    var reason by rememberSaveable(id) { mutableStateOf("") }
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(form.prompt, style = MaterialTheme.typography.bodyLarge)
            OutlinedTextField(
                value = reason,
                onValueChange = { reason = it },
                label = { Text(form.reasonLabel) },
                minLines = 3,
                modifier = Modifier.fillMaxWidth(),
            )
            form.pending?.let { Text(it, color = MaterialTheme.colorScheme.primary) }
            ErrorText(form.error)
            Button(onClick = { onEvent(Event.MyComplaints(MyComplaintsEvent.ReopenSubmitted(id, reason))) }) { Text(form.submitLabel) }
        }
    }
}
