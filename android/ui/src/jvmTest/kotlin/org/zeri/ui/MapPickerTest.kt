package org.zeri.ui

import kotlin.math.abs
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class MapPickerTest {
    @Test
    fun `a point goes to the map's pixels and back to itself at every zoom`() {
        for (zoom in 8..19) {
            for ((lat, lon) in listOf(42.6629 to 21.1655, 42.2139 to 20.7397, 43.2 to 20.0, 41.86 to 21.79)) {
                val (x, y) = toPixels(lat, lon, zoom)
                val (backLat, backLon) = toLatLon(x, y, zoom)
                assertTrue(abs(backLat - lat) < 1e-9 && abs(backLon - lon) < 1e-9, "$lat,$lon at $zoom")
            }
        }
        val (prishtinaX, prishtinaY) = toPixels(42.6629, 21.1655, 15)
        val (prizrenX, prizrenY) = toPixels(42.2139, 20.7397, 15)
        assertTrue(prizrenX < prishtinaX && prizrenY > prishtinaY, "Prizren lies south-west of Prishtina")
    }
}
