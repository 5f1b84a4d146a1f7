//! Apple's push service, token-based, over HTTP/2: a provider token (an ES256 JWT naming the
//! team and the key, kept for 40 minutes as Apple asks, between 20 and 60) signs each request
//! to `/3/device/<token>`, and the notification is a background one with no alert and no
//! data: `{"aps":{"content-available":1}}`.

use std::time::{Duration, Instant};

use serde_json::json;
use tokio::sync::Mutex;

use super::http::Client;
use super::jwt::SigningKey;
use crate::services::push::Delivery;

/// How long one provider token is used.
const TOKEN_LIFE: Duration = Duration::from_secs(40 * 60);

/// The notification every wake-up sends: "something changed", nothing else.
pub fn payload() -> serde_json::Value {
    json!({ "aps": { "content-available": 1 } })
}

pub struct Apns {
    client: Client,
    key: SigningKey,
    key_id: String,
    team_id: String,
    /// The app's bundle id.
    topic: String,
    base: String,
    token: Mutex<Option<(String, Instant)>>,
}

impl Apns {
    pub fn new(
        key_pem: &str,
        key_id: String,
        team_id: String,
        topic: String,
        base: String,
    ) -> Result<Apns, String> {
        let key = SigningKey::es256(key_pem)?;
        // Apple speaks HTTP/2 only.
        Ok(Apns {
            client: Client::new(true)?,
            key,
            key_id,
            team_id,
            topic,
            base: base.trim_end_matches('/').to_owned(),
            token: Mutex::new(None),
        })
    }

    async fn provider_token(&self, fresh: bool) -> Result<String, String> {
        let mut kept = self.token.lock().await;
        if let Some((token, made)) = kept.as_ref()
            && !fresh
            && made.elapsed() < TOKEN_LIFE
        {
            return Ok(token.clone());
        }
        let now = chrono::Utc::now().timestamp();
        let token = self.key.sign(
            json!({ "kid": self.key_id }),
            &json!({ "iss": self.team_id, "iat": now }),
        )?;
        *kept = Some((token.clone(), Instant::now()));
        Ok(token)
    }

    /// Sends one wake-up to device `token`.
    pub async fn send(&self, token: &str) -> Delivery {
        let provider = match self.provider_token(false).await {
            Ok(provider) => provider,
            Err(error) => return Delivery::Failed(format!("signing the provider token: {error}")),
        };
        let authorization = format!("bearer {provider}");
        let headers = [
            ("authorization", authorization.as_str()),
            ("apns-topic", self.topic.as_str()),
            ("apns-push-type", "background"),
            ("apns-priority", "5"),
            ("content-type", "application/json"),
        ];
        let url = format!("{}/3/device/{token}", self.base);
        let answer = match self
            .client
            .post(&url, &headers, payload().to_string().into_bytes())
            .await
        {
            Ok(answer) => answer,
            Err(error) => return Delivery::Refused(format!("APNs unreachable: {error}")),
        };
        let status = answer.status;
        let reason = serde_json::from_slice::<serde_json::Value>(&answer.body)
            .ok()
            .and_then(|body| body["reason"].as_str().map(str::to_owned))
            .unwrap_or_default();
        match (status, reason.as_str()) {
            (200, _) => Delivery::Sent,
            (410, _) | (400, "BadDeviceToken") => Delivery::Gone,
            (403, "ExpiredProviderToken" | "InvalidProviderToken") => {
                let _ = self.provider_token(true).await;
                Delivery::Refused(format!("APNs {status} {reason}"))
            }
            (429 | 500..=599, _) => Delivery::Refused(format!("APNs {status} {reason}")),
            _ => Delivery::Failed(format!("APNs {status} {reason}")),
        }
    }
}
