package org.zeri.app.photo

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

// Checks the photo arithmetic against what it is for: a photo as EXIF says it was stored comes
// out upright, and scaling never loses its proportions or makes it larger.
class PhotoGeometryTest {
    /** The picture as the citizen saw it when taking it. */
    private val upright = listOf(
        listOf('a', 'b', 'c'),
        listOf('d', 'e', 'f'),
    )

    /**
     * How a camera stores that picture under each EXIF orientation: the tag says where the
     * stored first row and first column lie in the picture (TIFF/EXIF, tag 0x0112).
     */
    private val storedFor = mapOf(
        1 to listOf("abc", "def"), // first row at the top, first column at the left
        2 to listOf("cba", "fed"), // top, right
        3 to listOf("fed", "cba"), // bottom, right
        4 to listOf("def", "abc"), // bottom, left
        5 to listOf("ad", "be", "cf"), // left, top
        6 to listOf("cf", "be", "ad"), // right, top
        7 to listOf("fc", "eb", "da"), // right, bottom
        8 to listOf("da", "eb", "fc"), // left, bottom
    )

    /** Turns pixels as Android's Matrix does with setRotate(degrees) and postScale(-1, 1). */
    private fun List<List<Char>>.turned(by: Upright): List<List<Char>> {
        var pixels = this
        repeat(by.degrees / 90) { pixels = pixels.rotatedClockwise() }
        return if (by.mirrored) pixels.map { it.reversed() } else pixels
    }

    private fun List<List<Char>>.rotatedClockwise(): List<List<Char>> =
        first().indices.map { column -> indices.reversed().map { row -> this[row][column] } }

    @Test
    fun `every EXIF orientation turns the stored photo upright`() {
        for ((orientation, rows) in storedFor) {
            val stored = rows.map { it.toList() }
            assertEquals(upright, stored.turned(Upright.fromExif(orientation)), "EXIF orientation $orientation")
        }
    }

    @Test
    fun `a missing or unknown orientation keeps the photo as stored`() {
        assertEquals(Upright.AS_STORED, Upright.fromExif(0))
        assertEquals(Upright.AS_STORED, Upright.fromExif(9))
    }

    @Test
    fun `subsampling halves while the longer side stays at least the maximum`() {
        assertEquals(1, sampleSize(PixelSize(1200, 800)))
        assertEquals(1, sampleSize(PixelSize(3199, 2000)))
        assertEquals(2, sampleSize(PixelSize(3200, 2400)))
        assertEquals(2, sampleSize(PixelSize(3000, 4000)))
        assertEquals(4, sampleSize(PixelSize(6400, 4800)))
    }

    @Test
    fun `fitting scales the longer side down to the maximum and keeps the proportions`() {
        assertEquals(PixelSize(1600, 1200), fittedSize(PixelSize(4000, 3000)))
        assertEquals(PixelSize(1200, 1600), fittedSize(PixelSize(3000, 4000)))
        assertEquals(PixelSize(1600, 900), fittedSize(PixelSize(1920, 1080)))
        assertEquals(PixelSize(1600, 1), fittedSize(PixelSize(20000, 3)), "a sliver keeps a pixel")
    }

    @Test
    fun `a photo within the maximum is not scaled up`() {
        assertEquals(PixelSize(1200, 800), fittedSize(PixelSize(1200, 800)))
        assertEquals(PixelSize(1600, 1600), fittedSize(PixelSize(1600, 1600)))
    }
}
