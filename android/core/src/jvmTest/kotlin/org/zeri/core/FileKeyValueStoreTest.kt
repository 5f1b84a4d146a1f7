package org.zeri.core

import java.nio.file.Files
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class FileKeyValueStoreTest {
    @Test
    fun `values survive a new store on the same folder, and keys list in order`() {
        val dir = Files.createTempDirectory("zeri-kv").toFile()
        try {
            val store = FileKeyValueStore(dir)
            assertNull(store.set("outbox/1", byteArrayOf(1, 2, 3)))
            assertArrayEquals(byteArrayOf(1, 2, 3), store.set("outbox/1", byteArrayOf(4)))
            store.set("outbox/2", byteArrayOf(5))
            store.set("draft", byteArrayOf(6))
            val reopened = FileKeyValueStore(dir)
            assertArrayEquals(byteArrayOf(4), reopened.get("outbox/1"))
            assertEquals(listOf("outbox/1", "outbox/2"), reopened.listKeys("outbox/", 0).first)
            assertArrayEquals(byteArrayOf(6), reopened.delete("draft"))
            assertFalse(reopened.exists("draft"))
            assertEquals(emptyList<String>(), dir.list()!!.filter { it.startsWith(".") }, "no temporary files left")
        } finally {
            dir.deleteRecursively()
        }
    }
}
