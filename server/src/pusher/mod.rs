//! Sending push wake-ups (`services::push`) through Firebase Cloud Messaging and Apple's push
//! service, with the credentials the settings name. Push is optional: with no credentials for
//! a provider its wake-ups are recorded as failed and dropped, and phones still learn of
//! changes when they refresh. Every `push_every_seconds` it claims what is due and sends it,
//! one wake-up at a time, recording each outcome at once; a token the provider reports as gone
//! is forgotten. Like the mailer, it is a door outwards and holds no SQL.

mod apns;
mod fcm;
mod http;
pub mod jwt;

use std::sync::Arc;
use std::time::Duration;

use protocol::api::push::PushPlatform;

pub use apns::payload as apns_payload;
pub use fcm::message as fcm_message;

use crate::config::Config;
use crate::services::ServiceError;
use crate::services::push::{self, Delivery};
use crate::state::AppState;

/// Wake-ups claimed in one run.
const BATCH: i64 = 100;

/// Why the push settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PushSetupError {
    #[error("ZERI_FCM_CREDENTIALS ({path}): {reason}")]
    Fcm { path: String, reason: String },
    #[error(
        "ZERI_APNS_KEY ({path}): {reason}; APNs also needs ZERI_APNS_KEY_ID, ZERI_APNS_TEAM_ID and ZERI_APNS_TOPIC"
    )]
    Apns { path: String, reason: String },
}

/// How this server sends wake-ups, per provider.
pub struct Pusher {
    fcm: Option<fcm::Fcm>,
    apns: Option<apns::Apns>,
}

impl Pusher {
    /// The pusher the settings describe, checked when the server starts.
    pub fn from_config(config: &Config) -> Result<Pusher, PushSetupError> {
        let fcm = match &config.fcm_credentials {
            Some(path) => {
                let failed = |reason: String| PushSetupError::Fcm {
                    path: path.display().to_string(),
                    reason,
                };
                let json = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
                Some(fcm::Fcm::new(&json, config.fcm_url.clone()).map_err(failed)?)
            }
            None => None,
        };
        let apns = match &config.apns_key {
            Some(path) => {
                let failed = |reason: String| PushSetupError::Apns {
                    path: path.display().to_string(),
                    reason,
                };
                let pem = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
                let given = |value: &Option<String>, name: &str| {
                    value
                        .clone()
                        .filter(|v| !v.trim().is_empty())
                        .ok_or_else(|| failed(format!("{name} is missing")))
                };
                Some(
                    apns::Apns::new(
                        &pem,
                        given(&config.apns_key_id, "ZERI_APNS_KEY_ID")?,
                        given(&config.apns_team_id, "ZERI_APNS_TEAM_ID")?,
                        given(&config.apns_topic, "ZERI_APNS_TOPIC")?,
                        config.apns_url.clone(),
                    )
                    .map_err(failed)?,
                )
            }
            None => None,
        };
        Ok(Pusher { fcm, apns })
    }
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub sent: usize,
    /// Tokens the provider reported gone, now forgotten.
    pub gone: usize,
    pub deferred: usize,
    pub failed: usize,
}

fn holder() -> &'static str {
    static HOLDER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOLDER.get_or_init(|| format!("pusher-{}", uuid::Uuid::new_v4().simple()))
}

/// Sends the wake-ups due now, as one run.
pub async fn deliver_due(state: &AppState, pusher: &Pusher) -> Result<Pushed, ServiceError> {
    let now = state.clock.now();
    let claimed = state
        .db
        .call(move |c| push::claim_due(c, holder(), now, BATCH))
        .await?;
    let mut pushed = Pushed::default();
    for wakeup in claimed {
        let delivery = match (wakeup.platform, &pusher.fcm, &pusher.apns) {
            (PushPlatform::Fcm, Some(fcm), _) => fcm.send(&wakeup.token).await,
            (PushPlatform::Apns, _, Some(apns)) => apns.send(&wakeup.token).await,
            (platform, _, _) => Delivery::Failed(format!(
                "no credentials for {} configured",
                platform.as_str()
            )),
        };
        match &delivery {
            Delivery::Sent => pushed.sent += 1,
            Delivery::Gone => pushed.gone += 1,
            Delivery::Refused(error) => {
                tracing::warn!(%error, "a push provider refused a wake-up for now");
                pushed.deferred += 1;
            }
            Delivery::Failed(_) => pushed.failed += 1,
        }
        let at = state.clock.now();
        state
            .db
            .call(move |c| push::settle(c, &wakeup, holder(), delivery, at))
            .await?;
    }
    Ok(pushed)
}

/// The running pusher, stopped when this is dropped.
pub struct Pushing(tokio::task::JoinHandle<()>);

impl Drop for Pushing {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends wake-ups as they fall due, until the answer is dropped (none if the setting is 0).
pub fn spawn(state: AppState, pusher: Pusher) -> Option<Pushing> {
    let seconds = state.config.push_every_seconds;
    if seconds == 0 {
        return None;
    }
    let pusher = Arc::new(pusher);
    Some(Pushing(tokio::spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_secs(seconds));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut runs: u64 = 0;
        loop {
            ticks.tick().await;
            match deliver_due(&state, &pusher).await {
                Ok(done) if done != Pushed::default() => tracing::info!(
                    sent = done.sent,
                    gone = done.gone,
                    deferred = done.deferred,
                    failed = done.failed,
                    "push wake-ups"
                ),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "sending push wake-ups"),
            }
            if runs.is_multiple_of((3_600 / seconds).max(1)) {
                let now = state.clock.now();
                if let Err(error) = state.db.call(move |c| push::forget_done(c, now)).await {
                    tracing::warn!(%error, "forgetting sent wake-ups");
                }
            }
            runs += 1;
        }
    })))
}
