package org.zeri.core

import java.io.File
import java.io.FileOutputStream
import java.nio.channels.FileChannel
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption

/**
 * Where the core keeps its state on the phone: drafts, the outbox, "my complaints".
 * A write that has returned is durable; the core relies on it before it tells a citizen
 * that a complaint is queued.
 */
interface KeyValueStore {
    fun get(key: String): ByteArray?

    /** Stores [value] under [key] and returns the value it replaced, if any. */
    fun set(key: String, value: ByteArray): ByteArray?

    /** Removes [key] and returns the value it had, if any. */
    fun delete(key: String): ByteArray?

    fun exists(key: String): Boolean

    /** Keys starting with [prefix], in order, after [cursor] keys were already listed. */
    fun listKeys(prefix: String, cursor: Long): Pair<List<String>, Long>
}

/**
 * One file per key in [directory], each written to a temporary file, synced, then renamed
 * over the old one: a crash leaves either the old value or the new one, never half of either.
 */
class FileKeyValueStore(private val directory: File) : KeyValueStore {
    init {
        directory.mkdirs()
        require(directory.isDirectory) { "not a directory: $directory" }
    }

    private fun fileFor(key: String) = File(directory, encode(key))

    @Synchronized
    override fun get(key: String): ByteArray? = fileFor(key).takeIf { it.isFile }?.readBytes()

    @Synchronized
    override fun set(key: String, value: ByteArray): ByteArray? {
        val target = fileFor(key)
        val previous = target.takeIf { it.isFile }?.readBytes()
        val temporary = File(directory, ".${target.name}.tmp")
        FileOutputStream(temporary).use { out ->
            out.write(value)
            out.fd.sync()
        }
        try {
            Files.move(temporary.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } catch (_: AtomicMoveNotSupportedException) {
            Files.move(temporary.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING)
        }
        syncDirectory()
        return previous
    }

    @Synchronized
    override fun delete(key: String): ByteArray? {
        val target = fileFor(key)
        val previous = target.takeIf { it.isFile }?.readBytes()
        if (target.delete()) syncDirectory()
        return previous
    }

    /** Makes the rename itself durable (where the platform can sync a directory). */
    private fun syncDirectory() {
        runCatching { FileChannel.open(directory.toPath(), StandardOpenOption.READ).use { it.force(true) } }
    }

    @Synchronized
    override fun exists(key: String): Boolean = fileFor(key).isFile

    @Synchronized
    override fun listKeys(prefix: String, cursor: Long): Pair<List<String>, Long> {
        val keys = (directory.list() ?: emptyArray())
            .filter { !it.startsWith(".") }
            .map(::decode)
            .filter { it.startsWith(prefix) }
            .sorted()
        val rest = keys.drop(cursor.toInt())
        return rest to 0L
    }

    private companion object {
        /** Keys may hold any character; file names get them as hex. */
        fun encode(key: String): String =
            key.toByteArray(Charsets.UTF_8).joinToString("") { "%02x".format(it) }

        fun decode(name: String): String =
            name.chunked(2).map { it.toInt(16).toByte() }.toByteArray().toString(Charsets.UTF_8)
    }
}

/** A store in memory, for previews and tests of screens. */
class MemoryKeyValueStore : KeyValueStore {
    private val values = sortedMapOf<String, ByteArray>()

    @Synchronized override fun get(key: String) = values[key]
    @Synchronized override fun set(key: String, value: ByteArray) = values.put(key, value)
    @Synchronized override fun delete(key: String) = values.remove(key)
    @Synchronized override fun exists(key: String) = values.containsKey(key)
    @Synchronized override fun listKeys(prefix: String, cursor: Long): Pair<List<String>, Long> =
        values.keys.filter { it.startsWith(prefix) }.drop(cursor.toInt()) to 0L
}
