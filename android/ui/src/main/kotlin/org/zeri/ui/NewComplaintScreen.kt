package org.zeri.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import org.zeri.shared.DraftEvent
import org.zeri.shared.DraftView
import org.zeri.shared.Event
import org.zeri.shared.GpsSettingsPage

/** What only the phone can do for a draft; the app supplies it, previews pass no-ops. */
interface DeviceActions {
    /** Asks for the location permission if needed, then sends `DraftEvent.GpsLocated`. */
    fun locate()

    /**
     * Lets the citizen take or pick a photo, compresses it to JPEG, then sends
     * `DraftEvent.PhotoAdded`, or `MyComplaintsEvent.MessagePhotoAdded` for a message about
     * complaint [forComplaint].
     */
    fun addPhoto(forComplaint: String? = null)

    /** Opens the phone's settings page the core named for a location problem. */
    fun openSettings(page: GpsSettingsPage)

    companion object {
        val None = object : DeviceActions {
            override fun locate() {}
            override fun addPhoto(forComplaint: String?) {}
            override fun openSettings(page: GpsSettingsPage) {}
        }
    }
}

/** Drafting a complaint: what, where, photos, who, and sending it. */
@Composable
fun NewComplaintScreen(view: DraftView, onEvent: (Event) -> Unit, device: DeviceActions, tiles: MapTiles = MapTiles.None) {
    var picking by rememberSaveable { mutableStateOf(false) }
    if (picking) {
        MapPinPicker(
            view.location.map,
            tiles,
            onPicked = { lat, lon ->
                picking = false
                onEvent(Event.Draft(DraftEvent.GpsLocated(lat, lon)))
            },
            onCancel = { picking = false },
        )
        return
    }
    ScreenColumn {
        // What the complaint is about.
        val category = view.category
        Heading(category.label)
        OutlinedTextField(
            value = category.query,
            onValueChange = { onEvent(Event.Draft(DraftEvent.CategorySearchChanged(it))) },
            label = { Text(category.searchLabel) },
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        category.noMatch?.let { Text(it, color = MaterialTheme.colorScheme.onSurfaceVariant) }
        Column(modifier = Modifier.heightIn(max = 2000.dp)) {
            category.options.forEach { option ->
                ChoiceRow(option.label, option.detail, option.selected) { onEvent(Event.Draft(DraftEvent.CategorySelected(option.id))) }
            }
        }
        ErrorText(category.error)

        // What happened.
        CoreTextField(view.description, { onEvent(Event.Draft(DraftEvent.DescriptionChanged(it))) }, singleLine = false)

        // Where.
        val location = view.location
        Heading(location.label)
        OutlinedButton(onClick = device::locate, modifier = Modifier.fillMaxWidth()) { Text(location.useGpsLabel) }
        OutlinedButton(onClick = { picking = true }, modifier = Modifier.fillMaxWidth()) { Text(location.map.openLabel) }
        location.gpsProblem?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        location.gpsSettings?.let { settings ->
            TextButton(onClick = { device.openSettings(settings.page) }) { Text(settings.label) }
        }
        location.summary?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
        MunicipalityPicker(view, onEvent)
        ErrorText(location.error)

        // Photos.
        val photos = view.photos
        Heading(photos.label)
        Text(photos.hint, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
        photos.items.forEach { photo ->
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(photo.label, modifier = Modifier.weight(1f))
                TextButton(onClick = { onEvent(Event.Draft(DraftEvent.PhotoRemoved(photo.index))) }) { Text(photo.removeLabel) }
            }
        }
        if (photos.canAdd) {
            OutlinedButton(onClick = { device.addPhoto() }) { Text(photos.addLabel) }
        }

        // Who.
        val anonymous = view.anonymous
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.fillMaxWidth().toggleable(
                value = anonymous.value,
                role = Role.Switch,
                onValueChange = { onEvent(Event.Draft(DraftEvent.AnonymousToggled(it))) },
            ),
        ) {
            Column(modifier = Modifier.weight(1f)) {
                Text(anonymous.label, style = MaterialTheme.typography.bodyLarge)
                Text(anonymous.explanation, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
            }
            Switch(checked = anonymous.value, onCheckedChange = null)
        }
        if (view.showContact) {
            CoreTextField(view.contactName, { onEvent(Event.Draft(DraftEvent.ContactNameChanged(it))) })
            CoreTextField(view.contactPhone, { onEvent(Event.Draft(DraftEvent.ContactPhoneChanged(it))) }, keyboardType = KeyboardType.Phone)
            CoreTextField(view.contactEmail, { onEvent(Event.Draft(DraftEvent.ContactEmailChanged(it))) }, keyboardType = KeyboardType.Email)
            ErrorText(view.contactError)
        }

        Button(
            onClick = { onEvent(Event.Draft(DraftEvent.SubmitTapped)) },
            enabled = view.canSubmit && !view.submitting,
            modifier = Modifier.fillMaxWidth(),
        ) { Text(view.submitLabel) }
        TextButton(onClick = { onEvent(Event.Draft(DraftEvent.DraftDiscarded)) }, modifier = Modifier.fillMaxWidth()) {
            Text(view.discardLabel)
        }
    }
}

@Composable
private fun MunicipalityPicker(view: DraftView, onEvent: (Event) -> Unit) {
    val location = view.location
    var open by remember { mutableStateOf(false) }
    val selected = location.municipalities.firstOrNull { it.selected }
    Box {
        OutlinedButton(onClick = { open = true }, modifier = Modifier.fillMaxWidth()) {
            Text(selected?.label ?: location.municipalityLabel)
        }
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            location.municipalities.forEach { municipality ->
                DropdownMenuItem(
                    text = { Text(municipality.label) },
                    onClick = {
                        open = false
                        onEvent(Event.Draft(DraftEvent.MunicipalitySelected(municipality.id)))
                    },
                )
            }
        }
    }
}
