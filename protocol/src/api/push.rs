//! Push wake-ups: a phone tells the server where its provider (Firebase Cloud Messaging on
//! Android, Apple's push service on iOS) delivers to it. A push carries no personal data and
//! no complaint text, only that something changed; the phone then asks the server itself.

use serde::{Deserialize, Serialize};

/// The longest push token the server keeps (FCM's are about 160 characters, APNs' 64).
pub const TOKEN_MAX_CHARS: usize = 512;

/// Which provider delivers the wake-ups.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PushPlatform {
    /// Firebase Cloud Messaging (Android).
    Fcm,
    /// Apple Push Notification service (iOS).
    Apns,
}

impl PushPlatform {
    pub fn as_str(self) -> &'static str {
        match self {
            PushPlatform::Fcm => "fcm",
            PushPlatform::Apns => "apns",
        }
    }
}

/// `PUT /api/v1/devices/push-token`: this device's token with its provider, replacing the one
/// it gave before for that provider.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushTokenRequest {
    pub platform: PushPlatform,
    /// As the provider gave it, 1 to `TOKEN_MAX_CHARS` letters, digits, `-`, `_` and `:`
    /// (FCM's are all of these; APNs' hexadecimal digits).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 512, pattern = "^[A-Za-z0-9_:-]+$")
    )]
    pub token: String,
}

impl PushTokenRequest {
    /// Whether the token can be one its provider gave.
    pub fn token_is_valid(&self) -> bool {
        let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':');
        !self.token.is_empty()
            && self.token.len() <= TOKEN_MAX_CHARS
            && self.token.bytes().all(allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_what_its_provider_gives() {
        let fcm = |token: &str| PushTokenRequest {
            platform: PushPlatform::Fcm,
            token: token.into(),
        };
        let apns = |token: &str| PushTokenRequest {
            platform: PushPlatform::Apns,
            token: token.into(),
        };
        assert!(fcm("dGVzdA:APA91b-x_y").token_is_valid());
        assert!(apns("a1b2C3").token_is_valid());
        assert!(!apns("ab/../cd").token_is_valid());
        assert!(!fcm("").token_is_valid());
        assert!(!fcm("a/b").token_is_valid());
        assert!(!fcm(&"a".repeat(TOKEN_MAX_CHARS + 1)).token_is_valid());
    }
}
