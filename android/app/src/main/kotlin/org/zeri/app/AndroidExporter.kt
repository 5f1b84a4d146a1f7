package org.zeri.app

import android.content.ContentResolver
import android.net.Uri
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.zeri.core.Exporter
import org.zeri.shared.ExportOperation

/**
 * Files the core offers the citizen (their data) wait here for the activity, which alone can
 * open Android's document picker; the citizen chooses where the file goes, and it is written
 * there. Nothing is written anywhere else.
 */
class AndroidExporter : Exporter {
    private val _waiting = MutableStateFlow<ExportOperation?>(null)
    /** The file waiting for the citizen to choose where it goes. */
    val waiting: StateFlow<ExportOperation?> = _waiting.asStateFlow()

    override fun export(file: ExportOperation) {
        _waiting.value = file
    }

    /** The citizen chose [uri] (or cancelled, with null): writes the waiting file there. */
    fun chosen(resolver: ContentResolver, uri: Uri?) {
        val file = _waiting.value ?: return
        _waiting.value = null
        if (uri == null) return
        resolver.openOutputStream(uri, "wt")?.use { it.write(file.text.toByteArray(Charsets.UTF_8)) }
    }
}
