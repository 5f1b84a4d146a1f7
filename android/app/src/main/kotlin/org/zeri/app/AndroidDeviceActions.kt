package org.zeri.app

import android.Manifest
import android.app.Activity
import android.annotation.SuppressLint
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.Bitmap
import android.graphics.BitmapFactory
import android.location.Location
import android.location.LocationManager
import android.net.Uri
import android.os.Build
import android.os.CancellationSignal
import android.provider.MediaStore
import androidx.activity.ComponentActivity
import androidx.activity.result.contract.ActivityResultContracts
import androidx.core.content.ContextCompat
import androidx.core.content.FileProvider
import com.novi.serde.Bytes
import java.io.ByteArrayOutputStream
import java.io.File
import kotlin.math.max
import org.zeri.shared.DraftEvent
import org.zeri.ui.DeviceActions
import org.zeri.shared.Event

/**
 * Location and photos, the Android way. Refusing the location permission is fine: the
 * citizen picks the municipality instead. Photos from the camera or the gallery are scaled
 * down and compressed to JPEG before the core sees them (the core strips their metadata).
 */
class AndroidDeviceActions(private val activity: ComponentActivity, private val send: (Event) -> Unit) : DeviceActions {
    private var cameraFile: Uri? = null

    private val permission = activity.registerForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) { granted ->
        if (granted.values.any { it }) currentLocation()
    }

    private val photo = activity.registerForActivityResult(ActivityResultContracts.StartActivityForResult()) { result ->
        val uri = result.data?.data ?: cameraFile.takeIf { result.resultCode == Activity.RESULT_OK }
        uri?.let(::compress)?.let { send(Event.Draft(DraftEvent.PhotoAdded(Bytes(it)))) }
    }

    override fun locate() {
        val granted = listOf(Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION)
            .any { ContextCompat.checkSelfPermission(activity, it) == PackageManager.PERMISSION_GRANTED }
        if (granted) {
            currentLocation()
        } else {
            permission.launch(arrayOf(Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION))
        }
    }

    @SuppressLint("MissingPermission") // checked in locate()
    private fun currentLocation() {
        val manager = activity.getSystemService(LocationManager::class.java)
        val provider = listOf(LocationManager.GPS_PROVIDER, LocationManager.NETWORK_PROVIDER).firstOrNull(manager::isProviderEnabled)
            ?: return
        val deliver = { location: Location? -> location?.let { send(Event.Draft(DraftEvent.GpsLocated(it.latitude, it.longitude))) } }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            manager.getCurrentLocation(provider, CancellationSignal(), activity.mainExecutor) { deliver(it) }
        } else {
            @Suppress("DEPRECATION")
            manager.requestSingleUpdate(provider, { deliver(it) }, activity.mainLooper)
        }
    }

    override fun addPhoto() {
        val file = File(activity.cacheDir, "camera/photo-${System.currentTimeMillis()}.jpg").apply { parentFile?.mkdirs() }
        val output = FileProvider.getUriForFile(activity, "${activity.packageName}.photos", file)
        cameraFile = output
        val camera = Intent(MediaStore.ACTION_IMAGE_CAPTURE)
            .putExtra(MediaStore.EXTRA_OUTPUT, output)
            .addFlags(Intent.FLAG_GRANT_WRITE_URI_PERMISSION)
        val gallery = Intent(Intent.ACTION_GET_CONTENT).setType("image/*")
        // The system chooser offers the gallery and the camera, in the phone's own words.
        photo.launch(Intent.createChooser(gallery, null).putExtra(Intent.EXTRA_INITIAL_INTENTS, arrayOf(camera)))
    }

    /** The photo scaled to at most 1600 pixels a side, as JPEG at quality 80. */
    private fun compress(uri: Uri): ByteArray? = runCatching {
        val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
        activity.contentResolver.openInputStream(uri)?.use { BitmapFactory.decodeStream(it, null, bounds) }
        var sample = 1
        while (max(bounds.outWidth, bounds.outHeight) / (sample * 2) >= MAX_SIDE) sample *= 2
        val bitmap = activity.contentResolver.openInputStream(uri)?.use {
            BitmapFactory.decodeStream(it, null, BitmapFactory.Options().apply { inSampleSize = sample })
        } ?: return null
        val scale = MAX_SIDE.toFloat() / max(bitmap.width, bitmap.height)
        val sized = if (scale < 1f) {
            Bitmap.createScaledBitmap(bitmap, (bitmap.width * scale).toInt(), (bitmap.height * scale).toInt(), true)
        } else {
            bitmap
        }
        ByteArrayOutputStream().also { sized.compress(Bitmap.CompressFormat.JPEG, 80, it) }.toByteArray()
    }.getOrNull()

    private companion object {
        const val MAX_SIDE = 1600
    }
}
