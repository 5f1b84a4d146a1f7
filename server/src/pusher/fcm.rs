//! Firebase Cloud Messaging's HTTP v1 API: a service account signs an assertion (an RS256 JWT
//! for the `firebase.messaging` scope), trades it at the account's `token_uri` for an access
//! token (kept until a minute before it expires), and sends each message to
//! `/v1/projects/<project>/messages:send` with that token. The message is data only, with one
//! field that says something changed, and high priority so that the phone wakes.

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;
use tokio::sync::Mutex;

use super::http::Client;
use super::jwt::SigningKey;
use crate::services::push::Delivery;

const SCOPE: &str = "https://www.googleapis.com/auth/firebase.messaging";

/// The fields of a service account's JSON key file that sending needs.
#[derive(Deserialize)]
pub struct ServiceAccount {
    pub project_id: String,
    pub client_email: String,
    pub private_key_id: String,
    pub private_key: String,
    pub token_uri: String,
}

/// The message every wake-up sends to device `token`: "something changed", nothing else.
pub fn message(token: &str) -> serde_json::Value {
    json!({
        "message": {
            "token": token,
            "data": { "zeri": "changed" },
            "android": { "priority": "HIGH" }
        }
    })
}

pub struct Fcm {
    client: Client,
    account: ServiceAccount,
    key: SigningKey,
    base: String,
    access: Mutex<Option<(String, Instant)>>,
}

#[derive(Deserialize)]
struct AccessToken {
    access_token: String,
    expires_in: u64,
}

impl Fcm {
    pub fn new(account_json: &str, base: String) -> Result<Fcm, String> {
        let account: ServiceAccount = serde_json::from_str(account_json)
            .map_err(|e| format!("not a service account key file: {e}"))?;
        let key = SigningKey::rs256(&account.private_key)?;
        Ok(Fcm {
            client: Client::new(false)?,
            account,
            key,
            base: base.trim_end_matches('/').to_owned(),
            access: Mutex::new(None),
        })
    }

    async fn access_token(&self) -> Result<String, Delivery> {
        let mut kept = self.access.lock().await;
        if let Some((token, until)) = kept.as_ref()
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let now = chrono::Utc::now().timestamp();
        let assertion = self
            .key
            .sign(
                json!({ "typ": "JWT", "kid": self.account.private_key_id }),
                &json!({
                    "iss": self.account.client_email,
                    "scope": SCOPE,
                    "aud": self.account.token_uri,
                    "iat": now,
                    "exp": now + 3600,
                }),
            )
            .map_err(|e| Delivery::Failed(format!("signing the assertion: {e}")))?;
        let form = format!(
            "grant_type={}&assertion={assertion}",
            "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
        );
        let headers = [("content-type", "application/x-www-form-urlencoded")];
        let answer = self
            .client
            .post(&self.account.token_uri, &headers, form.into_bytes())
            .await
            .map_err(|e| Delivery::Refused(format!("the token endpoint is unreachable: {e}")))?;
        if answer.status != 200 {
            return Err(Delivery::Refused(format!(
                "the token endpoint answered {}",
                answer.status
            )));
        }
        let token: AccessToken = serde_json::from_slice(&answer.body)
            .map_err(|e| Delivery::Refused(format!("the token endpoint's answer: {e}")))?;
        let until = Instant::now() + Duration::from_secs(token.expires_in.saturating_sub(60));
        *kept = Some((token.access_token.clone(), until));
        Ok(token.access_token)
    }

    /// Sends one wake-up to device `token`.
    pub async fn send(&self, token: &str) -> Delivery {
        let access = match self.access_token().await {
            Ok(access) => access,
            Err(delivery) => return delivery,
        };
        let url = format!(
            "{}/v1/projects/{}/messages:send",
            self.base, self.account.project_id
        );
        let authorization = format!("Bearer {access}");
        let headers = [
            ("authorization", authorization.as_str()),
            ("content-type", "application/json"),
        ];
        let answer = match self
            .client
            .post(&url, &headers, message(token).to_string().into_bytes())
            .await
        {
            Ok(answer) => answer,
            Err(error) => return Delivery::Refused(format!("FCM unreachable: {error}")),
        };
        let status = answer.status;
        let body = String::from_utf8_lossy(&answer.body);
        match status {
            200 => Delivery::Sent,
            // UNREGISTERED: the app was removed, or the token replaced.
            404 => Delivery::Gone,
            401 => {
                *self.access.lock().await = None;
                Delivery::Refused(format!("FCM {status}: {body}"))
            }
            429 | 500..=599 => Delivery::Refused(format!("FCM {status}: {body}")),
            _ => Delivery::Failed(format!("FCM {status}: {body}")),
        }
    }
}
