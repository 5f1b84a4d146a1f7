//! What every handler can reach: the database, the photos, the boundaries, the limits, the
//! password gate, the clock and the configuration, and (for training) the sandboxes.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::auth::passwords::PasswordWork;
use crate::auth::sessions::LoginGate;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::locate::Locator;
use crate::ratelimit::Limiters;
use crate::services::photos::PhotoStore;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub locator: Arc<Locator>,
    /// Routes kept between complaints, checked against the database's reference version.
    pub routes: crate::services::complaints::RouteCache,
    pub config: Arc<Config>,
    pub photos: PhotoStore,
    /// The rate limits; a training sandbox has its own.
    pub limits: Arc<Limiters>,
    /// The gate password hashing passes through (shared with sandboxes: one machine's cores).
    pub passwords: PasswordWork,
    pub clock: Clock,
    /// The trainees' sandboxes; `None` inside a sandbox, which holds no others.
    pub sandboxes: Option<Arc<crate::training::Sandboxes>>,
    /// Inside a trainee's sandbox: whose it is.
    pub sandbox: Option<Arc<crate::training::SandboxOwner>>,
}

impl AppState {
    /// What logging in goes through here.
    pub fn login_gate(&self) -> LoginGate<'_> {
        LoginGate {
            db: &self.db,
            clock: &self.clock,
            passwords: &self.passwords,
            limits: &self.limits,
            lifetime: self.session_lifetime(),
            second_factor_required: self.second_factor_required(),
        }
    }

    /// Whether managers and administrators must have a second factor here: as the deployment
    /// says, except in the demo and in training sandboxes.
    pub fn second_factor_required(&self) -> bool {
        self.config.require_second_factor && !self.config.demo && self.sandbox.is_none()
    }

    /// How long a staff session lasts.
    pub fn session_lifetime(&self) -> chrono::Duration {
        chrono::Duration::minutes(self.config.session_minutes)
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}

impl FromRef<AppState> for Clock {
    fn from_ref(state: &AppState) -> Clock {
        state.clock.clone()
    }
}
