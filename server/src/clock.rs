//! The server's idea of now: the system clock, or a fixed instant that tests (and training
//! scenarios) set, so that deadlines across weekends and holidays can be checked exactly.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};

#[derive(Clone, Default)]
pub struct Clock {
    fixed: Arc<RwLock<Option<DateTime<Utc>>>>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed
            .read()
            .ok()
            .and_then(|t| *t)
            .unwrap_or_else(Utc::now)
    }

    /// From now on, `now()` is `at` (until set again).
    pub fn set(&self, at: DateTime<Utc>) {
        if let Ok(mut fixed) = self.fixed.write() {
            *fixed = Some(at);
        }
    }
}
