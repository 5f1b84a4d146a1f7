package org.zeri.core

import org.zeri.shared.ExportOperation

/** Offers the citizen a file the core made (their data), through the phone's save or share sheet. */
fun interface Exporter {
    fun export(file: ExportOperation)

    companion object {
        /** For a core that never offers files (background work). */
        val None = Exporter { }
    }
}
