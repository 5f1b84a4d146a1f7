package org.zeri.app

import android.content.ContentValues
import android.content.Context
import android.database.sqlite.SQLiteDatabase
import android.database.sqlite.SQLiteOpenHelper
import org.zeri.core.KeyValueStore

/**
 * The core's key-value store in SQLite: every write is one transaction, journaled and synced,
 * so a write that returned survives the app being killed or the phone losing power.
 */
class SqliteKeyValueStore(context: Context) : KeyValueStore {
    private val helper = object : SQLiteOpenHelper(context, "zeri-core.db", null, 1) {
        override fun onConfigure(db: SQLiteDatabase) {
            db.enableWriteAheadLogging()
            db.execSQL("PRAGMA synchronous = FULL")
        }

        override fun onCreate(db: SQLiteDatabase) {
            db.execSQL("CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        }

        override fun onUpgrade(db: SQLiteDatabase, oldVersion: Int, newVersion: Int) = Unit
    }

    private val db get() = helper.writableDatabase

    private fun read(db: SQLiteDatabase, key: String): ByteArray? =
        db.rawQuery("SELECT value FROM kv WHERE key = ?", arrayOf(key)).use { if (it.moveToFirst()) it.getBlob(0) else null }

    override fun get(key: String): ByteArray? = read(db, key)

    override fun set(key: String, value: ByteArray): ByteArray? = transaction { db ->
        read(db, key).also {
            db.insertWithOnConflict("kv", null, ContentValues().apply {
                put("key", key)
                put("value", value)
            }, SQLiteDatabase.CONFLICT_REPLACE)
        }
    }

    override fun delete(key: String): ByteArray? = transaction { db ->
        read(db, key).also { db.delete("kv", "key = ?", arrayOf(key)) }
    }

    override fun exists(key: String): Boolean = read(db, key) != null

    override fun listKeys(prefix: String, cursor: Long): Pair<List<String>, Long> {
        val keys = db.rawQuery(
            "SELECT key FROM kv WHERE substr(key, 1, ?) = ? ORDER BY key LIMIT -1 OFFSET ?",
            arrayOf(prefix.length.toString(), prefix, cursor.toString()),
        ).use { rows -> buildList { while (rows.moveToNext()) add(rows.getString(0)) } }
        return keys to 0L
    }

    private fun <T> transaction(work: (SQLiteDatabase) -> T): T {
        val db = db
        db.beginTransaction()
        try {
            return work(db).also { db.setTransactionSuccessful() }
        } finally {
            db.endTransaction()
        }
    }
}
