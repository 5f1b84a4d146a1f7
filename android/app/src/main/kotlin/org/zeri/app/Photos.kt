package org.zeri.app

import android.content.ContentResolver
import android.graphics.Bitmap
import android.graphics.BitmapFactory
import android.graphics.ImageDecoder
import android.graphics.Matrix
import android.net.Uri
import android.os.Build
import androidx.annotation.RequiresApi
import androidx.annotation.WorkerThread
import androidx.exifinterface.media.ExifInterface
import java.io.ByteArrayOutputStream
import org.zeri.app.photo.PixelSize
import org.zeri.app.photo.Upright
import org.zeri.app.photo.fittedSize
import org.zeri.app.photo.sampleSize

/**
 * A photo from the camera or the gallery made ready for the core: turned upright (the core
 * strips the EXIF orientation tag with the rest of the metadata, so the pixels must already be
 * the right way up), scaled to at most 1600 pixels a side, and compressed to JPEG. Slow: call
 * it off the main thread.
 */
class Photos(private val resolver: ContentResolver) {
    /** The photo at [uri] as JPEG bytes, or null when it cannot be read as an image. */
    @WorkerThread
    fun prepare(uri: Uri): ByteArray? = runCatching {
        val bitmap = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) decodeUpright(uri) else decodeAndTurn(uri)
        bitmap?.let(::jpeg)
    }.getOrNull()

    /** ImageDecoder applies the EXIF orientation itself, and scales while decoding. */
    @RequiresApi(Build.VERSION_CODES.P)
    private fun decodeUpright(uri: Uri): Bitmap =
        ImageDecoder.decodeBitmap(ImageDecoder.createSource(resolver, uri)) { decoder, info, _ ->
            val size = fittedSize(PixelSize(info.size.width, info.size.height))
            decoder.setTargetSize(size.width, size.height)
            // A bitmap in ordinary memory, which JPEG compression can read.
            decoder.allocator = ImageDecoder.ALLOCATOR_SOFTWARE
        }

    /** BitmapFactory ignores the EXIF orientation: read it, then scale and turn in one step. */
    private fun decodeAndTurn(uri: Uri): Bitmap? {
        val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
        resolver.openInputStream(uri)?.use { BitmapFactory.decodeStream(it, null, bounds) }
        if (bounds.outWidth <= 0 || bounds.outHeight <= 0) return null
        val options = BitmapFactory.Options().apply { inSampleSize = sampleSize(PixelSize(bounds.outWidth, bounds.outHeight)) }
        val decoded = resolver.openInputStream(uri)?.use { BitmapFactory.decodeStream(it, null, options) } ?: return null
        val orientation = resolver.openInputStream(uri)?.use {
            ExifInterface(it).getAttributeInt(ExifInterface.TAG_ORIENTATION, ExifInterface.ORIENTATION_NORMAL)
        } ?: ExifInterface.ORIENTATION_NORMAL
        val upright = Upright.fromExif(orientation)
        val fitted = fittedSize(PixelSize(decoded.width, decoded.height))
        if (upright == Upright.AS_STORED && fitted == PixelSize(decoded.width, decoded.height)) return decoded
        val scale = fitted.width.toFloat() / decoded.width
        val matrix = Matrix().apply {
            setScale(scale, scale)
            postRotate(upright.degrees.toFloat())
            if (upright.mirrored) postScale(-1f, 1f)
        }
        return Bitmap.createBitmap(decoded, 0, 0, decoded.width, decoded.height, matrix, true)
    }

    private fun jpeg(bitmap: Bitmap): ByteArray =
        ByteArrayOutputStream().also { bitmap.compress(Bitmap.CompressFormat.JPEG, JPEG_QUALITY, it) }.toByteArray()

    private companion object {
        const val JPEG_QUALITY = 80
    }
}
