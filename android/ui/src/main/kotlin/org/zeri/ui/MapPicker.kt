package org.zeri.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.gestures.detectDragGestures
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clipToBounds
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.input.pointer.pointerInput
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.IntOffset
import androidx.compose.ui.unit.IntSize
import androidx.compose.ui.unit.dp
import kotlin.math.PI
import kotlin.math.atan
import kotlin.math.cos
import kotlin.math.floor
import kotlin.math.ln
import kotlin.math.sinh
import kotlin.math.tan
import org.zeri.shared.MapPickerView

/** Map tiles (OpenStreetMap's 256-pixel grid) for the pin picker; the platform fetches them. */
fun interface MapTiles {
    /** The tile, or null when it cannot be had (offline): the grid is drawn instead. */
    suspend fun tile(zoom: Int, x: Int, y: Int): ImageBitmap?

    companion object {
        val None = MapTiles { _, _, _ -> null }
    }
}

private const val TILE = 256.0

/** A point in the world's pixel plane at `zoom` (Web Mercator), and back. */
internal fun toPixels(lat: Double, lon: Double, zoom: Int): Pair<Double, Double> {
    val size = TILE * (1 shl zoom)
    val x = (lon + 180.0) / 360.0 * size
    val radians = lat * PI / 180.0
    val y = (1.0 - ln(tan(radians) + 1.0 / cos(radians)) / PI) / 2.0 * size
    return x to y
}

internal fun toLatLon(x: Double, y: Double, zoom: Int): Pair<Double, Double> {
    val size = TILE * (1 shl zoom)
    val lon = x / size * 360.0 - 180.0
    val lat = atan(sinh(PI * (1.0 - 2.0 * y / size))) * 180.0 / PI
    return lat to lon
}

/**
 * A map the citizen drags until the fixed pin in its middle is on the problem. The pin's point
 * goes back through [onPicked]; nothing leaves the phone until the complaint is sent.
 */
@Composable
fun MapPinPicker(view: MapPickerView, tiles: MapTiles, onPicked: (Double, Double) -> Unit, onCancel: () -> Unit) {
    var zoom by rememberSaveable { mutableStateOf(15) }
    var centerX by rememberSaveable { mutableStateOf(toPixels(view.centerLat, view.centerLon, 15).first) }
    var centerY by rememberSaveable { mutableStateOf(toPixels(view.centerLat, view.centerLon, 15).second) }
    val loaded = remember { mutableStateMapOf<Triple<Int, Int, Int>, ImageBitmap>() }
    val density = LocalDensity.current.density
    val outline = MaterialTheme.colorScheme.outlineVariant
    val pin = MaterialTheme.colorScheme.error

    fun zoomTo(next: Int) {
        val factor = Math.pow(2.0, (next - zoom).toDouble())
        centerX *= factor
        centerY *= factor
        zoom = next
    }

    Column(modifier = Modifier.fillMaxSize()) {
        Text(view.hint, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
        BoxWithConstraints(
            modifier = Modifier
                .weight(1f)
                .fillMaxWidth()
                .clipToBounds()
                .semantics { contentDescription = view.hint }
                .pointerInput(zoom) {
                    detectDragGestures { change, drag ->
                        change.consume()
                        centerX -= drag.x / density
                        centerY -= drag.y / density
                    }
                },
        ) {
            val widthDp = maxWidth.value.toDouble()
            val heightDp = maxHeight.value.toDouble()
            val left = centerX - widthDp / 2
            val top = centerY - heightDp / 2
            val visible = buildList {
                for (tx in floor(left / TILE).toInt()..floor((left + widthDp) / TILE).toInt()) {
                    for (ty in floor(top / TILE).toInt()..floor((top + heightDp) / TILE).toInt()) {
                        if (ty >= 0 && ty < (1 shl zoom)) add(Triple(zoom, Math.floorMod(tx, 1 shl zoom), ty) to (tx to ty))
                    }
                }
            }
            visible.forEach { (key, _) ->
                LaunchedEffect(key) { if (key !in loaded) tiles.tile(key.first, key.second, key.third)?.let { loaded[key] = it } }
            }
            Canvas(modifier = Modifier.fillMaxSize()) {
                drawRect(Color(0xFFE8ECEF))
                visible.forEach { (key, position) ->
                    val x = ((position.first * TILE - left) * density).toFloat()
                    val y = ((position.second * TILE - top) * density).toFloat()
                    val side = (TILE * density).toInt()
                    val image = loaded[key]
                    if (image != null) {
                        drawImage(image, dstOffset = IntOffset(x.toInt(), y.toInt()), dstSize = IntSize(side, side))
                    } else {
                        drawRect(outline, topLeft = Offset(x, y), size = androidx.compose.ui.geometry.Size(side.toFloat(), side.toFloat()), style = Stroke(1f))
                    }
                }
                val middle = Offset(size.width / 2, size.height / 2)
                drawLine(pin, middle, middle.copy(y = middle.y - 28 * density), strokeWidth = 4 * density)
                drawCircle(pin, radius = 10 * density, center = middle.copy(y = middle.y - 32 * density))
                drawCircle(Color.White, radius = 4 * density, center = middle.copy(y = middle.y - 32 * density))
            }
            Column(
                verticalArrangement = Arrangement.spacedBy(8.dp),
                modifier = Modifier.align(Alignment.TopEnd).padding(8.dp),
            ) {
                OutlinedButton(onClick = { if (zoom < 19) zoomTo(zoom + 1) }) { Text("+") }
                OutlinedButton(onClick = { if (zoom > 8) zoomTo(zoom - 1) }) { Text("−") }
            }
            Surface(
                color = MaterialTheme.colorScheme.surface.copy(alpha = 0.85f),
                modifier = Modifier.align(Alignment.BottomEnd),
            ) {
                Text(view.attribution, style = MaterialTheme.typography.labelSmall, modifier = Modifier.padding(4.dp))
            }
        }
        Row(horizontalArrangement = Arrangement.spacedBy(12.dp), modifier = Modifier.fillMaxWidth().padding(16.dp)) {
            OutlinedButton(onClick = onCancel, modifier = Modifier.weight(1f)) { Text(view.cancelLabel) }
            Button(
                onClick = {
                    val (lat, lon) = toLatLon(centerX, centerY, zoom)
                    onPicked(lat, lon)
                },
                modifier = Modifier.weight(1f),
            ) { Text(view.confirmLabel) }
        }
    }
}
