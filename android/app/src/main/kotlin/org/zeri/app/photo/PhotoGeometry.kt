package org.zeri.app.photo

import kotlin.math.max
import kotlin.math.roundToInt

// The arithmetic of preparing a photo for the core, in plain Kotlin so the JVM tests can check
// it (android/app/pom.xml compiles only this folder): which way up a stored photo is shown, and
// how far it is scaled down. Decoding and encoding are Android's: Photos.kt.

/** A photo's size in pixels. */
data class PixelSize(val width: Int, val height: Int)

/**
 * How a photo as the camera stored it is turned to show upright: rotated clockwise by
 * [degrees], then mirrored left to right when [mirrored].
 */
data class Upright(val degrees: Int, val mirrored: Boolean) {
    companion object {
        val AS_STORED = Upright(0, false)

        /**
         * From the EXIF orientation tag (1 to 8, where the stored rows and columns lie in the
         * picture as taken); a missing or unknown tag means the photo is stored upright.
         */
        fun fromExif(orientation: Int): Upright = when (orientation) {
            2 -> Upright(0, mirrored = true)
            3 -> Upright(180, mirrored = false)
            4 -> Upright(180, mirrored = true)
            5 -> Upright(90, mirrored = true)
            6 -> Upright(90, mirrored = false)
            7 -> Upright(270, mirrored = true)
            8 -> Upright(270, mirrored = false)
            else -> AS_STORED
        }
    }
}

/** The longest side, in pixels, of a photo the core receives. */
const val MAX_PHOTO_SIDE = 1600

/**
 * The power of two to subsample a photo of [size] by while decoding, as large as leaves its
 * longer side at least [maxSide], so the last step scales down, never up.
 */
fun sampleSize(size: PixelSize, maxSide: Int = MAX_PHOTO_SIDE): Int {
    val longer = max(size.width, size.height)
    var sample = 1
    while (longer / (sample * 2) >= maxSide) sample *= 2
    return sample
}

/** [size] scaled down, keeping its proportions, until its longer side is at most [maxSide]. */
fun fittedSize(size: PixelSize, maxSide: Int = MAX_PHOTO_SIDE): PixelSize {
    val longer = max(size.width, size.height)
    if (longer <= maxSide) return size
    val scale = maxSide.toDouble() / longer
    return PixelSize(
        (size.width * scale).roundToInt().coerceIn(1, maxSide),
        (size.height * scale).roundToInt().coerceIn(1, maxSide),
    )
}
