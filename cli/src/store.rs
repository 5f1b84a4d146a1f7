//! The phone's key-value store: a SQLite file where a write that returned is on disk (as a phone
//! app's store must be), or memory, for load tests that simulate thousands of phones at once.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use crux_kv::{KeyValueError, KeyValueOperation, KeyValueResponse, KeyValueResult};
use rusqlite::{Connection, OptionalExtension, params};

pub trait Store: Send + Sync + 'static {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String>;
    /// Stores `value`, returning what was there before.
    fn set(&self, key: &str, value: &[u8]) -> Result<Option<Vec<u8>>, String>;
    fn delete(&self, key: &str) -> Result<Option<Vec<u8>>, String>;
    fn keys(&self, prefix: &str) -> Result<Vec<String>, String>;

    /// Carries out one key-value effect.
    fn handle(&self, operation: &KeyValueOperation) -> KeyValueResult {
        let response = match operation {
            KeyValueOperation::Get { key } => self.get(key).map(|value| KeyValueResponse::Get {
                value: value.into(),
            }),
            KeyValueOperation::Set { key, value } => {
                self.set(key, value).map(|previous| KeyValueResponse::Set {
                    previous: previous.into(),
                })
            }
            KeyValueOperation::Delete { key } => {
                self.delete(key).map(|previous| KeyValueResponse::Delete {
                    previous: previous.into(),
                })
            }
            KeyValueOperation::Exists { key } => self.get(key).map(|v| KeyValueResponse::Exists {
                is_present: v.is_some(),
            }),
            KeyValueOperation::ListKeys { prefix, .. } => {
                self.keys(prefix).map(|keys| KeyValueResponse::ListKeys {
                    keys,
                    next_cursor: 0,
                })
            }
        };
        match response {
            Ok(response) => KeyValueResult::Ok { response },
            Err(message) => KeyValueResult::Err {
                error: KeyValueError::Io { message },
            },
        }
    }
}

/// A SQLite file with full sync: once `set` returns, the value survives a crash or power cut.
pub struct SqliteStore {
    connection: Mutex<Connection>,
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore, rusqlite::Error> {
        let connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.execute(
            "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
            [],
        )?;
        Ok(SqliteStore {
            connection: Mutex::new(connection),
        })
    }

    fn with<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, String> {
        let connection = self
            .connection
            .lock()
            .map_err(|_| "the store is unusable".to_owned())?;
        work(&connection).map_err(|e| e.to_string())
    }
}

impl Store for SqliteStore {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.with(|c| {
            c.query_row("SELECT value FROM kv WHERE key = ?1", [key], |r| r.get(0))
                .optional()
        })
    }

    fn set(&self, key: &str, value: &[u8]) -> Result<Option<Vec<u8>>, String> {
        self.with(|c| {
            let previous = c
                .query_row("SELECT value FROM kv WHERE key = ?1", [key], |r| r.get(0))
                .optional()?;
            c.execute(
                "INSERT OR REPLACE INTO kv (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
            Ok(previous)
        })
    }

    fn delete(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.with(|c| {
            let previous = c
                .query_row("SELECT value FROM kv WHERE key = ?1", [key], |r| r.get(0))
                .optional()?;
            c.execute("DELETE FROM kv WHERE key = ?1", [key])?;
            Ok(previous)
        })
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, String> {
        self.with(|c| {
            let mut statement =
                c.prepare("SELECT key FROM kv WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key")?;
            statement.query_map([prefix], |r| r.get(0))?.collect()
        })
    }
}

/// A store in memory, for simulated phones.
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self
            .map
            .lock()
            .map_err(|e| e.to_string())?
            .get(key)
            .cloned())
    }

    fn set(&self, key: &str, value: &[u8]) -> Result<Option<Vec<u8>>, String> {
        Ok(self
            .map
            .lock()
            .map_err(|e| e.to_string())?
            .insert(key.to_owned(), value.to_vec()))
    }

    fn delete(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.map.lock().map_err(|e| e.to_string())?.remove(key))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, String> {
        Ok(self
            .map
            .lock()
            .map_err(|e| e.to_string())?
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}
