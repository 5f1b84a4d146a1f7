package org.zeri.app

import android.graphics.BitmapFactory
import android.util.LruCache
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import okhttp3.OkHttpClient
import okhttp3.Request
import org.zeri.ui.MapTiles

/**
 * OpenStreetMap's standard tiles for the pin picker, kept in memory while the app runs.
 * OpenStreetMap's tile policy asks for an identifying User-Agent; offline, tiles are null.
 */
class OsmTiles(private val client: OkHttpClient = OkHttpClient()) : MapTiles {
    private val cache = LruCache<String, ImageBitmap>(96)

    override suspend fun tile(zoom: Int, x: Int, y: Int): ImageBitmap? {
        val key = "$zoom/$x/$y"
        cache.get(key)?.let { return it }
        return withContext(Dispatchers.IO) {
            runCatching {
                val request = Request.Builder()
                    .url("https://tile.openstreetmap.org/$key.png")
                    .header("User-Agent", "Zeri/${BuildConfig.VERSION_NAME} (org.zeri.app)")
                    .build()
                client.newCall(request).execute().use { response ->
                    if (!response.isSuccessful) return@use null
                    val bytes = response.body.bytes()
                    BitmapFactory.decodeByteArray(bytes, 0, bytes.size)?.asImageBitmap()
                }
            }.getOrNull()?.also { cache.put(key, it) }
        }
    }
}
