package org.zeri.ui

import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.File
import javax.imageio.ImageIO
import kotlin.math.abs
import kotlin.math.max

/**
 * Golden images: each screen's rendering is compared with the committed image of the same name
 * in [goldens], so a changed screen is a failing test and a visible diff.
 *
 * Two pixels are the same when no colour channel differs by more than [channelTolerance]
 * (out of 255); a rendering matches when at most [changedPixelBudget] pixels differ. The same
 * fonts draw the same pixels on every machine that runs these tests, so both stay small: they
 * absorb an anti-aliasing wobble, never a moved or changed word.
 *
 * A failure writes `<name>-diff.png` into [output]: the golden, the changed pixels (red) over a
 * faded golden, and the new rendering, side by side. With [update] set, renderings replace the
 * goldens instead and nothing fails.
 */
class Goldens(
    private val goldens: File,
    private val output: File,
    private val update: Boolean,
    private val channelTolerance: Int = 8,
    private val changedPixelBudget: Int = 40,
) {
    private val failures = mutableListOf<String>()

    /** Compares [png], the rendering of the screen [name], with its golden (or records it). */
    fun check(name: String, png: ByteArray) {
        output.mkdirs()
        val rendered = File(output, "$name.png").apply { writeBytes(png) }
        val diff = File(output, "$name-diff.png").apply { delete() }
        val golden = File(goldens, "$name.png")
        if (update) {
            goldens.mkdirs()
            golden.writeBytes(png)
            return
        }
        if (!golden.exists()) {
            failures += "$name: there is no golden ${golden.path} yet (the rendering is ${rendered.path})"
            return
        }
        val expected = decode(golden.readBytes())
        val actual = decode(png)
        val difference = compare(expected, actual) ?: return
        ImageIO.write(diffImage(expected, actual), "png", diff)
        failures += "$name differs from its golden ${golden.path}: $difference. " +
            "Golden | changes | rendering: ${diff.path}"
    }

    /** Fails, naming every screen that differs from its golden, once all have been checked. */
    fun assertAllMatch() {
        if (failures.isEmpty()) return
        throw AssertionError(
            failures.joinToString("\n", prefix = "${failures.size} screen(s) changed:\n", postfix = "\n") +
                "If the change is meant, record the new goldens: ZERI_UPDATE_GOLDENS=1 ./scripts/kotlin-tests",
        )
    }

    /** What differs between the two images beyond the tolerances, or null if they match. */
    private fun compare(expected: BufferedImage, actual: BufferedImage): String? {
        if (expected.width != actual.width || expected.height != actual.height) {
            return "the size is ${actual.width} × ${actual.height} px, the golden's ${expected.width} × ${expected.height} px"
        }
        val changed = changedPixels(expected, actual).size
        if (changed <= changedPixelBudget) return null
        return "$changed of ${expected.width * expected.height} pixels changed (at most $changedPixelBudget may)"
    }

    /** The indices (y × width + x) of the pixels that differ beyond [channelTolerance]. */
    private fun changedPixels(expected: BufferedImage, actual: BufferedImage): List<Int> {
        val width = expected.width
        val before = expected.getRGB(0, 0, width, expected.height, null, 0, width)
        val after = actual.getRGB(0, 0, width, actual.height, null, 0, width)
        return before.indices.filter { i -> channelDistance(before[i], after[i]) > channelTolerance }
    }

    private fun diffImage(expected: BufferedImage, actual: BufferedImage): BufferedImage {
        val width = max(expected.width, actual.width)
        val height = max(expected.height, actual.height)
        val image = BufferedImage(width * 3, height, BufferedImage.TYPE_INT_ARGB)
        val graphics = image.createGraphics()
        graphics.drawImage(expected, 0, 0, null)
        graphics.drawImage(actual, width * 2, 0, null)
        graphics.dispose()
        val sameSize = expected.width == actual.width && expected.height == actual.height
        val changed = if (sameSize) changedPixels(expected, actual).toSet() else emptySet()
        for (y in 0 until expected.height) {
            for (x in 0 until expected.width) {
                val marked = !sameSize || (y * expected.width + x) in changed
                image.setRGB(width + x, y, if (marked) CHANGED else faded(expected.getRGB(x, y)))
            }
        }
        return image
    }

    private companion object {
        const val CHANGED = 0xFFFF0000.toInt()

        fun decode(png: ByteArray): BufferedImage =
            ImageIO.read(ByteArrayInputStream(png)) ?: error("not a PNG image")

        /** The largest difference of one channel (alpha, red, green or blue) between two pixels. */
        fun channelDistance(a: Int, b: Int): Int =
            (0 until 32 step 8).maxOf { shift -> abs((a shr shift and 0xFF) - (b shr shift and 0xFF)) }

        /** A pixel washed out towards white, so the changes stand out on top of it. */
        fun faded(argb: Int): Int {
            fun wash(channel: Int) = 255 - (255 - channel) / 4
            val red = wash(argb shr 16 and 0xFF)
            val green = wash(argb shr 8 and 0xFF)
            val blue = wash(argb and 0xFF)
            return (0xFF shl 24) or (red shl 16) or (green shl 8) or blue
        }
    }
}
