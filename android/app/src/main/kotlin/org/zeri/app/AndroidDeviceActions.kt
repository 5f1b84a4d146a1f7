package org.zeri.app

import android.Manifest
import android.app.Activity
import android.annotation.SuppressLint
import android.content.Intent
import android.content.pm.PackageManager
import android.location.Location
import android.location.LocationManager
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.os.CancellationSignal
import android.provider.MediaStore
import android.provider.Settings
import androidx.activity.ComponentActivity
import androidx.activity.result.contract.ActivityResultContracts
import androidx.core.content.ContextCompat
import androidx.core.content.FileProvider
import com.novi.serde.Bytes
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import org.zeri.shared.DraftEvent
import org.zeri.shared.Event
import org.zeri.shared.GpsProblem
import org.zeri.shared.GpsSettingsPage
import org.zeri.shared.MyComplaintsEvent
import org.zeri.ui.DeviceActions

/**
 * Location and photos, the Android way. Without a location (permission refused, location
 * switched off, no fix) the core is told why, and says what the citizen can do; the settings
 * page it names opens from here. Photos from the camera or the gallery are turned
 * upright, scaled down and compressed to JPEG ([Photos], in [scope], off the main thread)
 * before the core sees them (the core strips their metadata).
 *
 * Made in the activity's onCreate, after super.onCreate: the file the camera is writing to
 * is kept in the activity's saved state, so a photo taken while the activity was recreated
 * (rotation, or the system reclaiming it while the camera was open) still arrives.
 */
class AndroidDeviceActions(
    private val activity: ComponentActivity,
    private val scope: CoroutineScope,
    private val send: (Event) -> Unit,
) : DeviceActions {
    private val photos = Photos(activity.applicationContext.contentResolver)

    /** Where the camera writes the photo it is taking, if it was asked to. */
    private var cameraFile: File? = null

    /** The complaint whose message the photo being taken is for; none for the draft. */
    private var photoFor: String? = null

    init {
        val registry = activity.savedStateRegistry
        val restored = registry.consumeRestoredStateForKey(STATE_KEY)
        cameraFile = restored?.getString(CAMERA_FILE)?.let(::File)
        photoFor = restored?.getString(PHOTO_FOR)
        registry.registerSavedStateProvider(STATE_KEY) {
            Bundle().apply {
                cameraFile?.let { putString(CAMERA_FILE, it.path) }
                photoFor?.let { putString(PHOTO_FOR, it) }
            }
        }
    }

    private val permission = activity.registerForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) { granted ->
        if (granted.values.any { it }) currentLocation() else unavailable(GpsProblem.PERMISSIONDENIED)
    }

    private val photo = activity.registerForActivityResult(ActivityResultContracts.StartActivityForResult()) { result ->
        val taken = cameraFile
        val forComplaint = photoFor
        cameraFile = null
        photoFor = null
        val chosen = result.resultCode == Activity.RESULT_OK
        val picked = result.data?.data
        scope.launch(Dispatchers.IO) {
            // The gallery answers with the photo picked; the camera with nothing, having written
            // the file it was given.
            val uri = picked ?: taken?.takeIf { it.length() > 0 }?.let(Uri::fromFile)
            val jpeg = uri?.takeIf { chosen }?.let(photos::prepare)
            taken?.delete()
            jpeg?.let {
                val event = when (forComplaint) {
                    null -> Event.Draft(DraftEvent.PhotoAdded(Bytes(it)))
                    else -> Event.MyComplaints(MyComplaintsEvent.MessagePhotoAdded(forComplaint, Bytes(it)))
                }
                send(event)
            }
        }
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

    private fun unavailable(problem: GpsProblem) = send(Event.Draft(DraftEvent.GpsUnavailable(problem)))

    /** The core says why there is no location; with the phone's location off, no provider is on. */
    @SuppressLint("MissingPermission") // checked in locate()
    private fun currentLocation() {
        val manager = activity.getSystemService(LocationManager::class.java)
        val provider = listOf(LocationManager.GPS_PROVIDER, LocationManager.NETWORK_PROVIDER).firstOrNull(manager::isProviderEnabled)
            ?: return unavailable(GpsProblem.SWITCHEDOFF)
        val deliver = { location: Location? ->
            if (location != null) {
                send(Event.Draft(DraftEvent.GpsLocated(location.latitude, location.longitude)))
            } else {
                unavailable(GpsProblem.NOFIX)
            }
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            manager.getCurrentLocation(provider, CancellationSignal(), activity.mainExecutor) { deliver(it) }
        } else {
            @Suppress("DEPRECATION")
            manager.requestSingleUpdate(provider, { deliver(it) }, activity.mainLooper)
        }
    }

    override fun openSettings(page: GpsSettingsPage) {
        val intent = when (page) {
            GpsSettingsPage.LOCATIONSERVICES -> Intent(Settings.ACTION_LOCATION_SOURCE_SETTINGS)
            GpsSettingsPage.APPPERMISSIONS ->
                Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", activity.packageName, null))
        }
        activity.startActivity(intent)
    }

    override fun addPhoto(forComplaint: String?) {
        photoFor = forComplaint
        val file = File(activity.cacheDir, "camera/photo-${System.currentTimeMillis()}.jpg").apply { parentFile?.mkdirs() }
        val output = FileProvider.getUriForFile(activity, "${activity.packageName}.photos", file)
        cameraFile = file
        val camera = Intent(MediaStore.ACTION_IMAGE_CAPTURE)
            .putExtra(MediaStore.EXTRA_OUTPUT, output)
            .addFlags(Intent.FLAG_GRANT_WRITE_URI_PERMISSION)
        val gallery = Intent(Intent.ACTION_GET_CONTENT).setType("image/*")
        // The system chooser offers the gallery and the camera, in the phone's own words.
        photo.launch(Intent.createChooser(gallery, null).putExtra(Intent.EXTRA_INITIAL_INTENTS, arrayOf(camera)))
    }

    private companion object {
        const val STATE_KEY = "org.zeri.app.AndroidDeviceActions"
        const val CAMERA_FILE = "cameraFile"
        const val PHOTO_FOR = "photoFor"
    }
}
